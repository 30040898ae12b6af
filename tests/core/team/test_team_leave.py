"""A desk leaves its team: it forgets the key and the other desks, keeps everything it holds
(with the tickets citizens were given), and can join another team of its commune, whose roster
never takes in the old team's desks."""

from __future__ import annotations

import pytest

from supportdesk.core import directory
from supportdesk.core.team import client, membership
from supportdesk.core.team.membership import TeamError
from supportdesk.core.team.server import TeamServer
from supportdesk.core.tickets import log as requests_log
from tests.core.team.team_kit import DirectPeer, new_desk, pair, request_view


def _log(db, summary: str) -> str:
    made = requests_log.create(db, {"category": "vneid", "summary": summary}, actor="Hoa")
    return made["ticket"]


def test_a_desk_leaves_keeps_its_data_and_joins_another_team(tmp_path):
    lead, counter, laptop = (new_desk(tmp_path / n) for n in ("a", "b", "c"))
    pair(lead, counter)
    from_lead = _log(lead, "Hỏi ở máy trưởng nhóm")
    directory.add(lead, {"name": "Lê Thị Hoa", "tels": [("0912 345 678", "")]})
    client.exchange(counter, DirectPeer(lead))
    held = request_view(counter)

    membership.leave(counter)
    assert membership.team(counter) is None and membership.members(counter) == []
    assert request_view(counter) == held  # nothing lost, tickets unchanged
    assert requests_log.find(counter, from_lead) is not None
    assert directory.search(counter, "le thi hoa")
    with pytest.raises(TeamError, match="chưa vào nhóm"):
        client.sync_team(counter)
    with pytest.raises(TeamError, match="chưa vào nhóm"):
        membership.leave(counter)
    assert _log(counter, "Sau khi rời nhóm").split("-")[-1].startswith("B")  # its mark stays
    # The team it left is refused at its endpoint: reported, nothing changed on either side.
    endpoint = TeamServer(tmp_path / "b", "127.0.0.1", 0).start()
    try:
        result = client.sync_team(lead, [f"127.0.0.1:{endpoint.port}"])
    finally:
        endpoint.stop()
    assert not result["peers"][0]["ok"] and "chưa vào nhóm" in result["peers"][0]["error"]
    assert result["sent"] == result["received"] == 0

    # Another team of the same commune: the counter founds it, the laptop joins. The laptop's
    # mark is not "A": the counter holds the old team's A tickets, and A000001 twice would be
    # two citizens with one receipt number.
    pair(counter, laptop)
    assert (membership.desk_mark(counter), membership.desk_mark(laptop)) == ("B", "C")
    from_laptop = _log(laptop, "Hỏi ở máy xách tay")
    client.exchange(counter, DirectPeer(laptop))
    assert request_view(laptop) == request_view(counter)  # the counter's history went along
    assert requests_log.find(laptop, from_lead) is not None
    assert requests_log.find(counter, from_laptop) is not None
    roster = {m["desk_id"] for m in membership.members(laptop)}
    assert roster == {membership.desk_id(laptop), membership.desk_id(counter)}
    tickets = [r[0] for r in laptop.execute("SELECT ticket FROM requests")]
    assert len(tickets) == len(set(tickets))
