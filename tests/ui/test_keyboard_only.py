"""The counter works from the keyboard alone: Tab moves between fields and out of lists and
text boxes, Enter in a search box never finishes a form by surprise."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from supportdesk.core.admin_units import AdminUnits
from supportdesk.ui.first_run import FirstRunDialog
from tests.ui.keyboard import type_text


def test_first_run_by_keyboard(qtbot):
    dialog = FirstRunDialog(AdminUnits.shipped())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    form = dialog.form
    form.picker.query.setFocus()
    type_text(form.picker.query, "ba dinh")
    QTest.keyClick(form.picker.query, Qt.Key.Key_Return)  # takes the first match …
    assert dialog.isVisible() and dialog.result() == 0  # … and does not press "Bắt đầu sử dụng"
    assert form.picker.selected() is not None
    assert dialog.focusWidget() is form.center_name
    assert form.center_name.text().startswith("Trung tâm")
    form.team.setFocus()
    type_text(form.team, "Nguyễn Thị Ánh")
    QTest.keyClick(form.team, Qt.Key.Key_Tab)  # leaves the box instead of typing a tab
    assert "\t" not in form.team.toPlainText() and dialog.focusWidget() is not form.team


def test_tab_leaves_the_request_table_without_changing_the_request(window, qtbot):
    page = window.show_page("requests")
    page.view.setCurrentIndex(page.view.findData("all"))
    qtbot.waitUntil(lambda: page.detail.request is not None)
    window.activateWindow()
    page.table.setFocus()
    before = page.detail.request["id"]
    QTest.keyClick(page.table, Qt.Key.Key_Tab)
    assert window.focusWidget() is not page.table
    assert page.detail.request["id"] == before
    assert QApplication.focusWidget() is not None


def test_the_focused_field_is_framed(window):
    from supportdesk.ui import style

    assert "QLineEdit:focus" in style.STYLESHEET and "QPushButton:focus" in style.STYLESHEET
