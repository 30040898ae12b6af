"""Pairing with a one-time code, and the sealed endpoint: a wrong code, a spent or late invite,
another team's key and a changed byte are all refused, and nothing is written."""

from __future__ import annotations

import pytest
import requests

from supportdesk.core import tickets
from supportdesk.core.store import settings
from supportdesk.core.team import client, feed, membership, pairing, wire
from supportdesk.core.team.membership import TeamError
from supportdesk.core.team.server import TeamServer
from tests.core.team.team_kit import new_desk, pair


@pytest.fixture
def served(tmp_path):
    inviter = new_desk(tmp_path / "a")
    server = TeamServer(tmp_path / "a", "127.0.0.1", 0).start()
    yield inviter, server
    server.stop()
    inviter.close()


def test_five_wrong_codes_spend_the_invite(served, tmp_path):
    inviter, server = served
    made = pairing.invite(inviter, host="127.0.0.1", port=server.port)
    joiner = new_desk(tmp_path / "b")
    for _ in range(pairing.MAX_TRIES):
        with pytest.raises(TeamError, match="mã mời không đúng"):
            pairing.join(joiner, made["address"], "AAAA-AAAA")
    with pytest.raises(TeamError, match="không có mã mời"):
        pairing.join(joiner, made["address"], made["code"])  # the right one, too late
    assert membership.team(joiner) is None and membership.members(inviter)[0]["mark"] == "A"


def test_an_invite_expires(tmp_path):
    inviter, joiner = new_desk(tmp_path / "a"), new_desk(tmp_path / "b")
    made = pairing.invite(inviter, host="127.0.0.1", port=1, now=1000.0)
    key, body = pairing.join_request(joiner, made["code"])
    with pytest.raises(TeamError, match="còn hạn"):
        pairing.answer(inviter, body, "127.0.0.1", now=1000.0 + pairing.INVITE_SECONDS + 1)
    answered = pairing.answer(inviter, body, "127.0.0.1", now=1000.0 + 60)
    assert pairing.accept(joiner, key, answered, made["address"])["mark"] == "B"
    with pytest.raises(TeamError, match="đã ở trong một nhóm"):
        pairing.join_request(joiner, made["code"])


def test_code_typed_loosely_still_works(tmp_path):
    inviter, joiner = new_desk(tmp_path / "a"), new_desk(tmp_path / "b")
    made = pairing.invite(inviter, host="127.0.0.1", port=1)
    key, body = pairing.join_request(joiner, " " + made["code"].lower().replace("-", " ") + " ")
    assert pairing.accept(joiner, key, pairing.answer(inviter, body, "h"), "h:1")["mark"] == "B"


def test_another_teams_desk_and_changed_bytes_are_refused(served, tmp_path):
    inviter, server = served
    member = new_desk(tmp_path / "b")
    pair(inviter, member)
    stranger, intruder = new_desk(tmp_path / "c"), new_desk(tmp_path / "d")
    pair(stranger, intruder)  # a team of its own, in the same commune
    tickets.create(inviter, {"category": "vneid", "summary": "Riêng của nhóm"}, actor="An")
    address = f"127.0.0.1:{server.port}"
    result = client.sync_team(intruder, [address])
    assert not result["peers"][0]["ok"] and "nhóm khác" in result["peers"][0]["error"]
    # Same team id, wrong key (a guessed or stale key): the body does not open.
    team = membership.team(member)
    forged = wire.seal(bytes(32), {"from": "x", "vector": {}})
    answer = requests.post(f"http://{address}/team/v1/pull", data=forged,
                           headers={"X-Team": team["team_id"]}, timeout=10)  # fmt: skip
    assert answer.status_code == 400 and "khoá" in answer.json()["error"]
    sealed = bytearray(wire.seal(bytes.fromhex(team["key"]), {"from": "x", "items": []}))
    sealed[-1] ^= 1
    answer = requests.post(f"http://{address}/team/v1/push", data=bytes(sealed),
                           headers={"X-Team": team["team_id"]}, timeout=10)  # fmt: skip
    assert answer.status_code == 400
    assert tickets.count(intruder) == 0 and feed.vector(member) != feed.vector(inviter)
    assert client.sync_team(member, [address])["peers"][0]["ok"]
    assert tickets.count(member) == 1


def test_inviting_needs_the_commune(tmp_path):
    db = new_desk(tmp_path / "a", commune="")
    settings.put(db, "commune_code", "")
    with pytest.raises(TeamError, match="mã xã"):
        pairing.invite(db, host="127.0.0.1")
