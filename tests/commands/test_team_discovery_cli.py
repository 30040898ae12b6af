"""`team join --code CODE` with no address: the inviting desk's `team serve` advertises itself
by mDNS and the joiner finds it (skipped, saying why, where loopback carries no multicast)."""

from __future__ import annotations

import time

from supportdesk.core.store import open_store
from supportdesk.core.team import discovery, membership
from tests.commands.test_team_cli import free_port, new_desk, run_json, serving  # noqa: F401
from tests.core.team.team_kit import mdns_on_loopback


def test_join_finds_the_inviting_desk_on_the_lan(capsys, tmp_path, serving, monkeypatch):  # noqa: F811
    monkeypatch.setenv(discovery.INTERFACE_VARIABLE, mdns_on_loopback())
    counter, lead = new_desk(tmp_path, "quay"), new_desk(tmp_path, "truong-nhom")
    port = free_port()
    invite = run_json(capsys, "--data-dir", counter, "team", "invite", "--host", "127.0.0.1",
                      "--port", port)  # fmt: skip
    serving(counter, port)
    db = open_store(counter, seed=False)
    inviter = membership.desk_id(db)
    db.close()
    deadline = time.monotonic() + 20  # the advertisement is probed for a second or two first
    while not any(p["desk_id"] == inviter for p in discovery.browse("00001", seconds=0.5)):
        assert time.monotonic() < deadline, "team serve did not advertise itself"
    joined = run_json(capsys, "--data-dir", lead, "team", "join", "--code", invite["code"],
                      "--port", free_port())  # fmt: skip
    assert joined["mark"] == "B" and joined["address"] == f"127.0.0.1:{port}"
    status = run_json(capsys, "--data-dir", lead, "team", "status")
    assert status["team_id"] is not None
