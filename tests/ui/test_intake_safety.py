"""Typed input at the counter is never lost: Esc closes only the innermost popup, closing the
form asks first, and a draft survives closing the form and restarting the app."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from supportdesk.ui.app import Desk
from tests.ui.keyboard import type_text


def answer_close_question(qtbot, button_name: str | None) -> list[str]:
    """Click a button of the question that closing the form asks (None: press Esc)."""
    seen: list[str] = []

    def answer():
        box = QApplication.activeModalWidget()
        seen.append(box.objectName())
        if button_name is None:
            QTest.keyClick(box, Qt.Key.Key_Escape)
            return
        for button in box.buttons():
            if button_name in button.text().replace("&", ""):
                button.click()

    QTimer.singleShot(0, answer)
    return seen


def test_esc_closes_the_suggestions_not_the_form(window, qtbot):
    page = window.show_page("requests")
    window.actions_by_key["new_request"].trigger()
    intake = page.intake
    intake.procedure.setFocus()
    type_text(intake.procedure, "khai sinh")
    popup = intake.procedure.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert intake.isVisible() and intake.procedure.text() == "khai sinh"


def test_esc_with_typed_input_asks_and_can_keep_typing(window, qtbot):
    page = window.show_page("requests")
    page.new_request()
    intake = page.intake
    type_text(intake.summary, "Quên mật khẩu VNeID")
    seen = answer_close_question(qtbot, None)  # Esc in the question: back to the form
    QTest.keyClick(intake.summary, Qt.Key.Key_Escape)
    assert seen == ["closeIntake"]
    assert intake.isVisible() and intake.summary.text() == "Quên mật khẩu VNeID"
    answer_close_question(qtbot, "Bỏ nội dung")
    QTest.keyClick(intake.summary, Qt.Key.Key_Escape)
    assert not intake.isVisible()
    page.new_request()
    assert intake.summary.text() == "" and not intake.draft_note.isVisible()


def test_an_empty_form_closes_without_a_question(window, qtbot):
    page = window.show_page("requests")
    page.new_request()
    QTest.keyClick(page.intake.name, Qt.Key.Key_Escape)
    assert not page.intake.isVisible()


def test_a_draft_survives_closing_the_form_and_a_restart(qapp, configured_dir, qtbot):
    first = Desk(qapp, configured_dir)
    window = first.open_window(first_run=False)
    page = window.show_page("requests")
    page.new_request()
    type_text(page.intake.name, "Đỗ Thị Hằng")
    type_text(page.intake.summary, "Cần cấp lại mật khẩu Cổng dịch vụ công")
    answer_close_question(qtbot, "Giữ bản nháp")
    QTest.keyClick(page.intake.name, Qt.Key.Key_Escape)
    assert not page.intake.isVisible()
    page.new_request()  # Ctrl+N brings it back
    assert page.intake.name.text() == "Đỗ Thị Hằng" and page.intake.draft_note.isVisible()
    type_text(page.intake.phone, "0300 000 222")
    first.close()  # the app closes with the form open: the draft is kept too
    second = Desk(qapp, configured_dir)
    try:
        page = second.open_window(first_run=False).show_page("requests")
        page.new_request()
        assert page.intake.summary.text() == "Cần cấp lại mật khẩu Cổng dịch vụ công"
        assert page.intake.phone.text() == "0300 000 222"
        page.intake.save()
        assert second.ctx.setting("intake_draft") is None  # saved: the draft is gone
    finally:
        second.close()
