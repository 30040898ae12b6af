from PySide6.QtCore import QCoreApplication

from supportdesk.ui.app import Desk


def test_five_pages_in_vietnamese(window):
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts == ["Yêu cầu hỗ trợ", "Thủ tục", "Danh bạ", "Tổng hợp", "Bài hướng dẫn"]
    for name in ("requests", "procedures", "directory", "dashboard", "kb"):
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


def test_quick_search_finds_a_request_by_ticket(desk, window, qtbot):
    from supportdesk.core import tickets
    from supportdesk.ui.quick_search import QuickSearchDialog
    from tests.ui.keyboard import type_text

    some = tickets.page(desk.ctx.db, {}, limit=1)[0]
    dialog = QuickSearchDialog(desk.ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.query, some["ticket"])
    assert dialog.results.count() > 0
    assert dialog.results.item(0).text().startswith("[Yêu cầu]")
    dialog.accept()
    assert dialog.choice == ("request", some["id"])
    window.open_item(*dialog.choice)
    assert window.pages["requests"].detail.request["id"] == some["id"]


def test_quick_search_finds_a_contact_by_name(desk, window, qtbot):

    from supportdesk.ui.contact_store import save_contact
    from supportdesk.ui.quick_search import QuickSearchDialog
    from tests.ui.keyboard import type_text

    saved = save_contact(desk.ctx.db, {"name": "Vũ Thị Ngọc Ánh", "agency": "Sở Nội vụ",
                                       "tels": [("0915 222 333", "")]})  # fmt: skip
    dialog = QuickSearchDialog(desk.ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.query, "ngoc anh")
    rows = [dialog.results.item(i).data(0x0100) for i in range(dialog.results.count())]
    assert ("contact", saved) in rows
    window.open_item("contact", saved)
    assert window.pages["directory"].contact["id"] == saved


def test_settings_tabs_kept_across_a_restart(qapp, configured_dir, monkeypatch):
    from supportdesk.core.admin_units import AdminUnits
    from supportdesk.ui.settings_dialog import SettingsDialog

    first = Desk(qapp, configured_dir)
    dialog = SettingsDialog(first.ctx, AdminUnits.shipped())
    tabs = dict((type(t).__name__, t) for _, t in dialog.extra_tabs)
    cats = tabs["CategoriesTab"]
    cats.table.cellWidget(0, 1).setValue(3)
    row = cats.add_row()
    from PySide6.QtWidgets import QTableWidgetItem

    cats.table.setItem(row, 0, QTableWidgetItem("Hỗ trợ chữ ký số từ xa"))
    tabs["CalendarTab"].hours.setText("08:00-12:00,13:00-17:00")
    tabs["CalendarTab"].days_off.setPlainText("02/01/2026")
    tabs["SyncTab"].hub_url.setText("https://hub.example.vn/")
    tabs["RetentionTab"].months.setValue(36)
    dialog.accept()
    assert dialog.result() == 1, dialog.error.text()
    first_code = cats.codes[0]
    first.close()
    second = Desk(qapp, configured_dir)
    try:
        from supportdesk.core.tickets import categories

        ctx = second.ctx
        assert categories.get(ctx.db, first_code)["service_value"] == 3
        assert "Hỗ trợ chữ ký số từ xa" in categories.names(ctx.db).values()
        assert ctx.setting("office_hours") == [["08:00", "12:00"], ["13:00", "17:00"]]
        assert "2026-01-02" in ctx.setting("calendar_overrides")["days_off"]
        assert ctx.setting("hub_url") == "https://hub.example.vn"
        assert ctx.setting("retention_months") == 36
    finally:
        second.close()


def test_settings_refuse_bad_office_hours(desk):
    from supportdesk.core.admin_units import AdminUnits
    from supportdesk.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(desk.ctx, AdminUnits.shipped())
    tabs = dict((type(t).__name__, t) for _, t in dialog.extra_tabs)
    tabs["CalendarTab"].hours.setText("17:00-07:00")
    tabs["RetentionTab"].months.setValue(48)
    dialog.accept()
    assert dialog.result() == 0
    assert "giờ làm việc" in dialog.error.text()
    assert desk.ctx.setting("retention_months") != 48  # nothing half-written


def test_operator_picked_at_start(desk, monkeypatch):
    from supportdesk.ui.operator_dialog import OperatorDialog

    team = desk.ctx.team
    assert len(team) > 1
    monkeypatch.setattr(OperatorDialog, "ask", classmethod(lambda cls, t, c, p=None: t[-1]))
    desk.ask_operator()
    assert desk.ctx.operator == team[-1]
