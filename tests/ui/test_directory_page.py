from tests.ui.keyboard import type_text  # noqa: E402

LAN = {
    "kind": "person", "name": "Phạm Thị Thu Hà", "position": "Chuyên viên",
    "agency": "Sở Tư pháp tỉnh Phú Thọ", "fields": "Hộ tịch", "codes": "1.001193",
    "tels": [("0912 345 678", "")],
}  # fmt: skip


def _page(window):
    return window.show_page("directory")


def test_search_by_partial_phone_digits(window):
    from supportdesk.ui.contact_store import save_contact

    saved = save_contact(window.ctx.db, LAN)
    page = _page(window)
    type_text(page.query, "345 67")
    assert saved in [r["id"] for r in page.model.rows]
    page.table.selectRow(page.model.row_of(saved))
    assert page.contact["name"] == "Phạm Thị Thu Hà"
    page.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "0912 345 678"


def test_add_and_edit_a_contact(window, monkeypatch):
    from supportdesk.ui.contact_dialog import ContactDialog

    page = _page(window)
    monkeypatch.setattr(ContactDialog, "ask", classmethod(lambda cls, c, parent: dict(LAN)))
    page.add_button.click()
    assert page.contact["name"] == "Phạm Thị Thu Hà"
    first = page.contact["id"]

    def edit(cls, contact, parent):
        dialog = ContactDialog(contact, parent)
        dialog.edits["name"].setText("Phạm Thị Thu Hằng")
        dialog.accept()
        return dialog.record

    monkeypatch.setattr(ContactDialog, "ask", classmethod(edit))
    page.edit_button.click()
    assert page.contact["id"] == first
    assert page.contact["name"] == "Phạm Thị Thu Hằng"
    assert page.contact["phones"][0]["display"] == "0912 345 678"


def test_import_with_a_rejected_row(window, qtbot, tmp_path):
    page = _page(window)
    csv = tmp_path / "danh-ba.csv"
    csv.write_text(
        "Họ và tên,Cơ quan,Điện thoại,Email\n"
        "Lê Văn Bình,UBND phường Ba Đình,0987 654 321,binh@example.vn\n"
        "Trần Thị Cúc,UBND phường Ba Đình,024 3823 4567,không-phải-email\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(page.import_finished, timeout=10000) as got:
        page.import_file(str(csv))
    assert got.args[0]["rejected"][0]["row"] == 3
    assert "Dòng 3" in page.report.text()
    csv.write_text(
        "Họ và tên,Cơ quan,Điện thoại\nLê Văn Bình,UBND phường Ba Đình,0987 654 321\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(page.import_finished, timeout=10000) as got:
        page.import_file(str(csv))
    assert got.args[0]["added"] >= 1
    type_text(page.query, "le van binh")
    assert page.model.rows and page.model.rows[0]["name"] == "Lê Văn Bình"


def test_who_handles_a_procedure(window, qtbot):
    from supportdesk.ui.contact_store import save_contact

    saved = save_contact(window.ctx.db, LAN)
    procedures = window.show_page("procedures")
    procedures.show_code("1.001193")
    qtbot.waitUntil(lambda: procedures.detail.procedure is not None)
    procedures.detail.who_button.click()
    page = window.pages["directory"]
    assert window.current_page_name() == "directory"
    assert saved in [r["id"] for r in page.model.rows]
    assert "1.001193" in page.banner.text()


def test_export_vcard(window, qtbot, tmp_path):
    from supportdesk.ui.contact_store import save_contact

    save_contact(window.ctx.db, LAN)
    page = _page(window)
    target = tmp_path / "out.vcf"
    with qtbot.waitSignal(page.message, timeout=10000):
        page.export_file(str(target))
    assert "Phạm Thị Thu Hà" in target.read_text(encoding="utf-8")


def test_import_can_be_stopped_and_changes_nothing(window, qtbot, tmp_path):
    from supportdesk.core import directory

    page = _page(window)
    sheet = tmp_path / "lon.csv"
    rows = [f"Người Thử {i},Sở Thử Nghiệm,0300 {i:03d} {i:03d}" for i in range(2000)]
    sheet.write_text("Họ và tên,Cơ quan,Điện thoại\n" + "\n".join(rows) + "\n", encoding="utf-8")
    before = directory.count(page.ctx.db)
    with qtbot.waitSignal(page.import_finished, timeout=20000) as got:
        page.import_file(str(sheet))
        assert page.progress.isVisible() or page.progress.isVisibleTo(page)
        page.cancel_import()
    assert got.args[0]["cancelled"]
    assert "không thay đổi" in page.report.text()
    assert directory.count(page.ctx.db) == before and not page.progress.isVisibleTo(page)


def test_remove_a_contact_after_a_yes(window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    from supportdesk.core import directory
    from supportdesk.ui.contact_store import save_contact
    from tests.ui.dialogs import answer_message_box

    saved = save_contact(window.ctx.db, LAN)
    page = _page(window)
    type_text(page.query, "Thu Hà")
    page.table.setFocus()
    page.table.selectRow(page.model.row_of(saved))
    seen = []
    answer_message_box(QMessageBox.StandardButton.No, seen)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)  # keyboard only: Delete in the list
    assert "Phạm Thị Thu Hà" in seen[0] and directory.get(window.ctx.db, saved) is not None
    answer_message_box(QMessageBox.StandardButton.Yes, seen)
    page.remove_button.click()
    assert directory.get(window.ctx.db, saved) is None
    assert saved not in [r["id"] for r in page.model.rows]
    assert page.contact is None or page.contact["id"] != saved
