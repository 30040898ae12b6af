"""Status actions from the keyboard (Alt-shortcuts, listed by F1), and taking over an
escalated request as its own recorded step."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from supportdesk.core import tickets
from tests.ui.keyboard import type_text


def _new(window, summary: str):
    window.activateWindow()  # shortcuts act in the active window
    page = window.show_page("requests")
    page.new_request()
    type_text(page.intake.summary, summary)
    page.intake.save()
    return page


def test_alt_n_takes_a_request_and_f1_lists_the_keys(window, qtbot):
    from supportdesk.ui.help import shortcuts

    page = _new(window, "Không đăng nhập được Cổng dịch vụ công")
    assert page.table.hasFocus()
    QTest.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.detail.request["status"] == "in_progress")  # an animated click
    assert page.detail.request["assignee"] == window.ctx.operator
    listed = dict(shortcuts())
    buttons = [*page.detail.buttons.values(), page.detail.print_button]
    for key in ("Alt+N", "Alt+C", "Alt+U", "Alt+G", "Alt+O", "Alt+M", "Alt+I"):
        assert key in listed  # F1
        assert [b for b in buttons if b.shortcut().toString() == key]


def test_taking_over_an_escalated_request_asks_and_is_recorded(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    page = _new(window, "Hồ sơ đất đai cần ý kiến của Sở")
    request_id = page.detail.request["id"]
    tickets.update(window.ctx.db, request_id, actor="Lan", escalate_to="Sở Tư pháp")
    page.open_request(request_id)
    button = page.detail.buttons["in_progress"]
    assert "Nhận lại từ cấp trên" in button.text() and "Alt+N" in button.toolTip()
    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: asked.append(a[2]) or ("Sở đã trả lời", True))  # fmt: skip
    QTest.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(asked))
    assert "Sở Tư pháp" in asked[0]
    stored = tickets.get(window.ctx.db, request_id)
    assert stored["status"] == "in_progress" and stored["assignee"] == window.ctx.operator
    assert stored["events"][-1]["action"] == "take_over"
    assert "Nhận lại từ cấp trên" in page.detail.body.toPlainText()


def test_cancelling_the_take_over_changes_nothing(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    page = _new(window, "Chờ Sở trả lời")
    request_id = page.detail.request["id"]
    tickets.update(window.ctx.db, request_id, actor="Lan", escalate_to="Sở Tư pháp")
    page.open_request(request_id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    page.detail.buttons["in_progress"].click()
    assert tickets.get(window.ctx.db, request_id)["status"] == "escalated"
