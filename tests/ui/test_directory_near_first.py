"""The directory as a commune desk needs it: its own province first, filters by level and
province, escalation to exactly what was picked or typed, a template to fill."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.keyboard import type_text

SO = "Sở Nông nghiệp và Môi trường"


def _agencies(window):
    from supportdesk.core import directory

    ids = {}
    for place in ("tỉnh Sơn La", "tỉnh Lào Cai", "thành phố Hà Nội"):  # the demo desk: Hà Nội
        ids[place] = directory.add(window.ctx.db, {"kind": "agency", "name": f"{SO} {place}",
                                                   "level": "tinh"})  # fmt: skip
    return ids


def test_own_province_first_and_filters(window, qtbot):
    ids = _agencies(window)
    page = window.show_page("directory")
    type_text(page.query, "so nong nghiep")
    assert page.model.rows[0]["id"] == ids["thành phố Hà Nội"]
    page.province.setCurrentIndex(page.province.findData("Sơn La"))
    assert [r["id"] for r in page.model.rows] == [ids["tỉnh Sơn La"]]
    assert page.banner.text() == "Tìm thấy 1 liên hệ"
    assert page.province.itemData(1) == "Hà Nội"  # the desk's province heads the list
    page.query.clear()
    page.province.setCurrentIndex(0)
    page.level.setCurrentIndex(page.level.findData("tinh"))
    listed = [r["id"] for r in page.model.rows]  # no words: every province-level contact
    assert set(ids.values()) <= set(listed)
    # The shipped catalog names other agencies of Hà Nội too: the desk's province before others.
    at = {place: listed.index(i) for place, i in ids.items()}
    assert at["thành phố Hà Nội"] < min(at["tỉnh Sơn La"], at["tỉnh Lào Cai"])
    assert page.model.rows[0]["name"].endswith("Hà Nội")


def test_a_template_to_fill(window, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from supportdesk.ui.directory_page import FilePicker

    page = window.show_page("directory")
    target = tmp_path / "mau.xlsx"
    monkeypatch.setattr(FilePicker, "save_template", staticmethod(lambda parent: str(target)))
    assert page.import_button.menu() is not None
    page.template_action.trigger()
    header = [c.value for c in next(load_workbook(target).active.iter_rows(max_row=1))]
    assert "Họ và tên" in header and "Cơ quan" in header and "Di động" in header
    assert str(target) in window.status.currentMessage()


def test_escalation_goes_exactly_where_typed_or_picked(desk, qtbot):
    from supportdesk.core import directory
    from supportdesk.ui.escalation import EscalationDialog

    directory.add(desk.ctx.db, {"kind": "agency", "name": f"{SO} tỉnh Sơn La"})
    dialog = EscalationDialog(desk.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.query, "Sở Nông nghiệp")  # half typed: matches Sơn La's, not picked
    assert dialog.results.count() >= 1
    assert "Sở Nông nghiệp" in dialog.target.text() and "ghi tay" in dialog.target.text()
    assert dialog.picked() == "Sở Nông nghiệp"
    QTest.keyClick(dialog.query, Qt.Key.Key_Down)  # now a pick from the directory
    assert dialog.picked() == dialog.results.item(0).data(Qt.ItemDataRole.UserRole)
    assert dialog.results.item(0).text() in dialog.target.text()
    type_text(dialog.query, " và Môi trường tỉnh Thanh Hóa")  # typing again: words again
    QTest.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.choice == "Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa"
