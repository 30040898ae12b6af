"""The app in a team: its endpoint serves the other desks and it syncs with them on its own."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt

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
        assert window.status.team.text() == "Nhóm: 2 máy · đồng bộ vừa xong"
        assert tickets.find(db, there["ticket"]) is not None
        # The other desk reaches this one's endpoint and gets what was logged here.
        here = tickets.create(db, {"category": "vneid", "summary": "Hỏi ở quầy"}, actor="An")
        qtbot.waitUntil(lambda: work.port is not None, timeout=20000)
        result = client.sync_team(other, [f"127.0.0.1:{work.port}"])
        assert result["peers"][0]["ok"] and tickets.find(other, here["ticket"]) is not None
    finally:
        window.background.team.stop()
        peer.stop()
        other.close()
    assert window.background.team.server is None and window.background.team.port is None


def test_settings_tab_invites_and_the_app_serves_the_joiner(window, qtbot, tmp_path):
    from supportdesk.ui.team_tab import TeamTab

    window.ctx.put_setting("team_port", _free_port())
    tab = TeamTab(window.ctx)
    qtbot.addWidget(tab)
    assert "chưa vào nhóm" in tab.state.text() and tab.join_button.isEnabled()
    qtbot.mouseClick(tab.invite_button, Qt.MouseButton.LeftButton)
    code = tab.invitation.text().split()[1]
    assert len(code) == 9 and "máy A" in tab.state.text() and not tab.join_button.isEnabled()
    work = window.background.team
    try:
        work.start()  # in a team now: the endpoint starts at once
        qtbot.waitUntil(lambda: work.port is not None, timeout=20000)
        other = open_store(tmp_path / "other", seed=False)
        settings.put(other, "commune_code", window.ctx.setting("commune_code"))
        pairing.join(other, f"127.0.0.1:{work.port}", code)
        other.close()
    finally:
        work.stop()
    tab.refresh()
    assert [tab.desks.item(r, 0).text() for r in range(tab.desks.rowCount())] == ["A", "B"]


def test_settings_tab_joins_in_the_background_and_says_why_not(window, qtbot, tmp_path):
    from supportdesk.ui.team_tab import TeamTab

    inviter = open_store(tmp_path / "lead", seed=False)
    settings.put(inviter, "commune_code", window.ctx.setting("commune_code"))
    server = TeamServer(tmp_path / "lead", "127.0.0.1", _free_port()).start()
    try:
        made = pairing.invite(inviter, host="127.0.0.1", port=server.port)
        tab = TeamTab(window.ctx)
        qtbot.addWidget(tab)
        qtbot.keyClicks(tab.address, made["address"])
        qtbot.keyClicks(tab.code, "WRNG-CODE")
        qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "không đúng" in tab.problem.text(), timeout=20000)
        tab.code.clear()
        qtbot.keyClicks(tab.code, made["code"])
        qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "máy B" in tab.state.text(), timeout=20000)
        assert tab.problem.text() == "" and tab.desks.rowCount() == 2
    finally:
        server.stop()
        inviter.close()


def test_settings_tab_leaves_the_team_after_one_more_click(window, qtbot):
    from supportdesk.core.team import membership
    from supportdesk.ui.team_tab import TeamTab

    tab = TeamTab(window.ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert not tab.leave_button.isVisible()  # nothing to leave yet
    qtbot.mouseClick(tab.invite_button, Qt.MouseButton.LeftButton)
    made = tickets.create(window.ctx.db, {"category": "vneid", "summary": "Hỏi ở quầy"},
                          actor="An")  # fmt: skip
    assert tab.leave_button.isVisible() and not tab.leave_question.isVisible()
    qtbot.mouseClick(tab.leave_button, Qt.MouseButton.LeftButton)
    assert membership.team(window.ctx.db) is not None  # asked first, nothing done yet
    qtbot.mouseClick(tab.cancel_leave, Qt.MouseButton.LeftButton)
    assert not tab.leave_question.isVisible() and membership.team(window.ctx.db) is not None
    qtbot.mouseClick(tab.leave_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.confirm_leave, Qt.MouseButton.LeftButton)
    assert membership.team(window.ctx.db) is None
    assert "chưa vào nhóm" in tab.state.text() and tab.join_button.isEnabled()
    assert not tab.leave_button.isVisible() and tab.desks.rowCount() == 0
    assert tickets.find(window.ctx.db, made["ticket"]) is not None


def test_settings_tab_joins_without_an_address_or_says_to_type_one(window, qtbot, monkeypatch):
    from supportdesk.core.team import discovery
    from supportdesk.ui.team_tab import TeamTab

    # No multicast here (an interface no machine has): the tab says to type the address.
    monkeypatch.setenv(discovery.INTERFACE_VARIABLE, "203.0.113.7")
    tab = TeamTab(window.ctx)
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
    assert "mã mời" in tab.problem.text()  # the code is needed, the address is not
    qtbot.keyClicks(tab.code, "ABCD-EFGH")
    qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gõ địa chỉ" in tab.problem.text(), timeout=20000)
    assert "chưa vào nhóm" in tab.state.text() and tab.join_button.isEnabled()
