from PySide6.QtWidgets import QDialog

from supportdesk.core.admin_units import AdminUnits
from supportdesk.core.store import settings
from supportdesk.ui.first_run import FirstRunDialog, needs_first_run
from tests.ui.keyboard import type_text


def test_first_run_finds_a_commune_without_accents_and_saves(qapp, qtbot, seeded_dir, monkeypatch):
    from supportdesk.ui.app import Desk

    desk = Desk(qapp, seeded_dir)
    try:
        assert needs_first_run(desk.ctx)

        def fill_in(dialog: FirstRunDialog) -> int:
            qtbot.addWidget(dialog)
            form = dialog.form
            type_text(form.picker.query, "dong van")
            qtbot.waitUntil(lambda: form.picker.results.count() > 0)
            labels = [
                form.picker.results.item(i).text() for i in range(form.picker.results.count())
            ]
            assert any("Đồng Văn" in label for label in labels)
            dialog.accept()  # nothing chosen yet: refused, with a reason
            assert dialog.result() != QDialog.DialogCode.Accepted
            assert dialog.error.text()
            form.picker.query.clear()
            type_text(form.picker.query, "Bà Điểm")
            form.picker.results.setCurrentRow(0)
            assert form.center_name.text().endswith("Xã Bà Điểm")
            type_text(form.team, "Nguyễn Thị Ánh\nĐặng Văn Lực\n")
            type_text(form.center_phone, "028 3891 0000")
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(FirstRunDialog, "exec", fill_in)
        assert desk.ensure_setup()
        values = settings.get_all(desk.ctx.db)
        assert values["commune_name"] == "Xã Bà Điểm"
        assert values["province_name"] == "Hồ Chí Minh"
        assert values["team_members"] == ["Nguyễn Thị Ánh", "Đặng Văn Lực"]
        assert values["operator"] == "Nguyễn Thị Ánh"
        assert values["center_phone"] == "028 3891 0000"
        assert not needs_first_run(desk.ctx)
    finally:
        desk.close()


def test_cancelled_first_run_opens_no_window(qapp, seeded_dir, monkeypatch):
    from supportdesk.ui.app import Desk

    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    desk = Desk(qapp, seeded_dir)
    try:
        assert desk.open_window(first_run=True) is None
    finally:
        desk.close()


def test_picker_filters_by_province(qtbot):
    dialog = FirstRunDialog(AdminUnits.shipped())
    qtbot.addWidget(dialog)
    picker = dialog.form.picker
    picker.province.setCurrentIndex(picker.province.findData("46"))  # Huế
    assert picker.results.count() == len(AdminUnits.shipped().communes_of("46"))
    assert all("Huế" in picker.results.item(i).text() for i in range(picker.results.count()))
