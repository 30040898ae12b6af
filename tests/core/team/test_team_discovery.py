"""Finding the commune's desks by mDNS: what a desk says on the LAN (its commune and desk id,
nothing personal), which records are taken for desks, the plain fallback when multicast cannot
run (typed addresses still work), and — where this machine's loopback carries multicast — a
real advertisement found by a real browse, and a sync that finds a desk whose address changed."""

from __future__ import annotations

import socket

import pytest

from supportdesk.core.team import client, discovery, membership
from supportdesk.core.team.server import TeamServer
from tests.core.team.team_kit import mdns_on_loopback, new_desk, pair

DESK = "3f2a9c0d4b5e6f708192a3b4c5d6e7f8"
NO_SUCH_INTERFACE = "203.0.113.7"  # TEST-NET-3: on no machine, so no multicast socket opens


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_desk_says_its_commune_and_desk_id_and_nothing_else():
    assert discovery.txt_record("00001", DESK) == {"v": "1", "commune": "00001", "desk": DESK}
    info = discovery.service_info("00001", DESK, 8766, ["192.168.1.10"])
    assert info.type == "_supportdesk._tcp.local." and info.port == 8766
    assert info.name == f"supportdesk-{DESK[:16]}._supportdesk._tcp.local."
    assert info.properties == {b"v": b"1", b"commune": b"00001", b"desk": DESK.encode()}
    assert info.parsed_addresses() == ["192.168.1.10"]
    for commune, desk in (("", DESK), ("00001", "Quầy Nguyễn Văn An"), ("xã 1", DESK)):
        with pytest.raises(ValueError):
            discovery.txt_record(commune, desk)


def test_only_well_formed_records_are_taken_for_desks():
    good = {b"v": b"1", b"commune": b"00001", b"desk": DESK.encode()}
    found = discovery.peer_of(good, ["fe80::1", "192.168.1.10"], 8766)
    assert found == {"desk_id": DESK, "commune_code": "00001", "address": "192.168.1.10:8766"}
    assert discovery.peer_of({**good, b"v": b"2"}, ["192.168.1.10"], 8766) is None
    assert discovery.peer_of({**good, b"desk": b"x; rm"}, ["192.168.1.10"], 8766) is None
    assert discovery.peer_of({**good, b"commune": None}, ["192.168.1.10"], 8766) is None
    assert discovery.peer_of(good, ["fe80::1"], 8766) is None  # no IPv4 address to reach
    assert discovery.peer_of(good, ["192.168.1.10"], 0) is None


def test_without_multicast_a_sync_says_so_and_the_typed_address_still_works(tmp_path, monkeypatch):
    monkeypatch.setenv(discovery.INTERFACE_VARIABLE, NO_SUCH_INTERFACE)
    lead, counter = new_desk(tmp_path / "a"), new_desk(tmp_path / "b")
    pair(lead, counter)
    membership.publish_member(counter, "c" * 32, "C", "Máy xách tay")  # its address unknown
    endpoint = TeamServer(tmp_path / "a", "127.0.0.1", 0).start()
    try:
        membership.remember_address(counter, membership.desk_id(lead), f"127.0.0.1:{endpoint.port}")
        result = client.sync_team(counter, discover=True)
    finally:
        endpoint.stop()
    assert [p["ok"] for p in result["peers"]] == [True] and result["received"] > 0
    assert "gõ địa chỉ" in result["discovery"]
    with pytest.raises(discovery.Unavailable, match="mDNS"):
        discovery.browse("00001", seconds=0.1)
    from supportdesk.core.team import pairing

    fresh = new_desk(tmp_path / "d")
    with pytest.raises(discovery.Unavailable):
        pairing.join_discovered(fresh, "ABCD-EFGH")
    advertiser = discovery.Advertiser("00001", DESK, 8766).start()
    advertiser.close()
    assert "mDNS" in advertiser.problem  # the endpoint serves typed addresses all the same


@pytest.fixture(scope="module")
def loopback_mdns():
    return mdns_on_loopback()


def test_an_advertised_desk_is_found_by_its_commune_only(loopback_mdns):
    advertiser = discovery.Advertiser("00007", DESK, 8766, loopback_mdns).start()
    try:
        advertiser.ready.wait(15)
        assert advertiser.problem is None
        found = discovery.browse("00007", interface=loopback_mdns, seconds=2.0)
        assert {"desk_id": DESK, "commune_code": "00007", "address": "127.0.0.1:8766"} in found
        others = discovery.browse("00008", interface=loopback_mdns, seconds=1.0)
        assert all(p["desk_id"] != DESK for p in others)
        mine = discovery.browse("00007", interface=loopback_mdns, seconds=1.0, exclude=DESK)
        assert all(p["desk_id"] != DESK for p in mine)
    finally:
        advertiser.close()


def test_a_sync_finds_a_desk_whose_address_changed(loopback_mdns, tmp_path, monkeypatch):
    monkeypatch.setenv(discovery.INTERFACE_VARIABLE, loopback_mdns)
    commune = "00001"  # other desks of it on this machine are not in the roster: never tried
    lead, counter = new_desk(tmp_path / "a", commune), new_desk(tmp_path / "b", commune)
    pair(lead, counter)
    endpoint = TeamServer(tmp_path / "a", "127.0.0.1", 0).start()
    advertiser = discovery.Advertiser(commune, membership.desk_id(lead), endpoint.port,
                                      loopback_mdns).start()  # fmt: skip
    try:
        advertiser.ready.wait(15)
        moved = f"127.0.0.1:{_dead_port()}"  # where the lead's PC was yesterday
        membership.remember_address(counter, membership.desk_id(lead), moved)
        result = client.sync_team(counter, discover=True)
    finally:
        advertiser.close()
        endpoint.stop()
    assert [(p["ok"], p.get("discovered")) for p in result["peers"]] == [(True, True)]
    assert result["received"] > 0
    known = {m["desk_id"]: m["address"] for m in membership.members(counter)}
    assert known[membership.desk_id(lead)] == f"127.0.0.1:{endpoint.port}"
