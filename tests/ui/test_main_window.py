from PySide6.QtCore import QCoreApplication

from supportdesk.ui.app import Desk


def test_four_pages_in_vietnamese(window):
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts == ["Yêu cầu hỗ trợ", "Thủ tục", "Danh bạ", "Tổng hợp"]
    for name in ("requests", "procedures", "directory", "dashboard"):
        window.show_page(name)
        assert window.current_page_name() == name


def test_status_bar_shows_commune_and_operator(window):
    assert "Phường Ba Đình" in window.status.commune.text()
    assert "Nguyễn Thị Lan" in window.status.operator.text()
    window.status.set_operator("Trần Văn Hùng")
    assert window.ctx.operator == "Trần Văn Hùng"
    assert "Trần Văn Hùng" in window.status.operator.text()


def test_language_switch_at_run_time(desk, window, qtbot):
    window.show_page("procedures")
    desk.set_language("en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Support requests")
    assert window.nav.item(1).text() == "Procedures"
    assert window.pages["procedures"].detail.copy_button.text() == "Copy as text"
    desk.set_language("vi")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Yêu cầu hỗ trợ")
    QCoreApplication.processEvents()


def test_settings_kept_across_restarts(qapp, configured_dir):
    first = Desk(qapp, configured_dir)
    first.set_font_size(15)
    first.set_language("en")
    first.close()
    second = Desk(qapp, configured_dir)
    try:
        assert second.ctx.setting("ui_font_size") == 15
        assert second.translations.language == "en"
        assert qapp.font().pointSize() == 15
    finally:
        second.set_language("vi")
        second.set_font_size(12)
        second.close()


def test_text_size_shortcut(desk, window):
    before = desk.ctx.setting("ui_font_size", 12)
    window.actions_by_key["bigger"].trigger()
    assert desk.ctx.setting("ui_font_size") == before + 1
    window.actions_by_key["smaller"].trigger()
    assert desk.ctx.setting("ui_font_size") == before


def test_settings_dialog_saves(desk, window, monkeypatch):
    from supportdesk.ui.settings_dialog import SettingsDialog

    def edit(dialog):
        dialog.form.center_phone.setText("024 1111 2222")
        dialog.font_size.setValue(14)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", edit)
    window.actions_by_key["settings"].trigger()
    assert desk.ctx.setting("center_phone") == "024 1111 2222"
    assert desk.ctx.setting("ui_font_size") == 14
    desk.set_font_size(12)


def test_quick_search_opens_a_procedure(window, qtbot, monkeypatch):
    from supportdesk.ui.quick_search import QuickSearchDialog

    monkeypatch.setattr(
        QuickSearchDialog, "ask", classmethod(lambda cls, ctx, parent: ("procedure", "1.001193"))
    )
    window.actions_by_key["quick"].trigger()
    page = window.pages["procedures"]
    qtbot.waitUntil(lambda: page.detail.procedure is not None and not window.ctx.tasks.busy)
    assert page.detail.procedure["code"] == "1.001193"


def test_quick_search_dialog_lists_procedures(desk, qtbot):
    from supportdesk.ui.quick_search import QuickSearchDialog
    from tests.ui.keyboard import type_text

    dialog = QuickSearchDialog(desk.ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.query, "khai sinh")
    assert dialog.results.count() > 0
    assert "[Thủ tục]" in dialog.results.item(0).text()
