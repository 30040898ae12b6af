"""The app in a team: its endpoint serves the other desks and it syncs with them on its own."""

from __future__ import annotations

import socket

from supportdesk.core import tickets
from supportdesk.core.store import open_store, settings
from supportdesk.core.team import client, pairing
from supportdesk.core.team.server import TeamServer


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_team_desk_serves_and_syncs_in_the_background(window, qtbot, tmp_path):
    db = window.ctx.db
    other = open_store(tmp_path / "other", seed=False)
    settings.put(other, "commune_code", settings.get(db, "commune_code"))
    peer = TeamServer(tmp_path / "other", "127.0.0.1", _free_port()).start()
    try:
        made = pairing.invite(other, host="127.0.0.1", port=peer.port)
        other.close()
        window.ctx.put_setting("team_port", _free_port())
        pairing.join(db, made["address"], made["code"], port=window.ctx.setting("team_port"))
        other = open_store(tmp_path / "other", seed=False)
        there = tickets.create(other, {"category": "vneid", "summary": "Hỏi ở máy trưởng nhóm"},
                               actor="Minh")  # fmt: skip
        work = window.background.team
        work.start()  # the endpoint, and a sync each minute (the first one triggered below)
        with qtbot.waitSignal(work.synced, timeout=30000) as got:
            assert work.sync_now()
        assert got.args[0]["received"] >= 1 and got.args[0]["peers"][0]["ok"]
        assert tickets.find(db, there["ticket"]) is not None
        # The other desk reaches this one's endpoint and gets what was logged here.
        here = tickets.create(db, {"category": "vneid", "summary": "Hỏi ở quầy"}, actor="An")
        result = client.sync_team(other, [f"127.0.0.1:{work.server.port}"])
        assert result["peers"][0]["ok"] and tickets.find(other, here["ticket"]) is not None
    finally:
        window.background.team.stop()
        peer.stop()
        other.close()
    assert window.background.team.server is None
