import json
import unicodedata

import openpyxl
import pytest

from supportdesk.core import catalog
from supportdesk.core.tabular import BadInputError
from tests.fixtures import BCA_LIST as BCA
from tests.fixtures import BTP_LIST as BTP

DETAILED = {
    "code": "1.001193",
    "name": "Thủ tục đăng ký khai sinh",
    "field": "Hộ tịch",
    "level_text": "Cấp xã",
    "steps": "Nộp hồ sơ tại Trung tâm Phục vụ hành chính công",
    "methods": [{"channel": "Trực tiếp", "time_text": "1 ngày", "working_days": 1, "fee_text": ""}],
    "dossier": [{"case": "", "items": [{"name": "Tờ khai", "originals": 1, "copies": 0}]}],
}


def test_portal_excel_export_imports_with_banner_and_multiline_cells(empty_db):
    report = catalog.import_file(empty_db, BTP)
    assert report.rejected == []
    assert report.added == catalog.count(empty_db) > 200
    p = catalog.get(empty_db, "1.014966")
    assert p["name"].startswith("Cấp lại chứng chỉ hành nghề Quản tài viên")
    assert p["executing_agency"] == "Chủ tịch ủy ban nhân dân cấp tỉnh\nSở Tư Pháp"
    assert p["has_details"] == 0
    again = catalog.import_file(empty_db, BTP)
    assert (again.added, again.updated, again.unchanged) == (0, 0, report.added)


def test_second_portal_export_adds_to_the_first(empty_db):
    first = catalog.import_file(empty_db, BTP)
    report = catalog.import_file(empty_db, BCA)
    assert report.rejected == [] and report.added == 339
    assert catalog.count(empty_db) == first.added + 339
    p = catalog.get(empty_db, "1.014064")
    assert p["name"] == "Cấp lại thẻ căn cước"
    assert p["field"] == "Cấp, quản lý căn cước" and p["executing_agency"] == "Công an cấp Xã"


def test_list_only_import_never_erases_details(empty_db, tmp_path):
    catalog.import_records(empty_db, [(1, DETAILED)])
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("Mã số,Tên,Lĩnh vực\n1.001193,Thủ tục đăng ký khai sinh,Hộ tịch\n")
    report = catalog.import_file(empty_db, csv_file)
    assert report.unchanged == 1
    p = catalog.get(empty_db, "1.001193")
    assert p["steps"] and p["methods"][0]["time_text"] == "1 ngày" and p["has_details"] == 1


def to_cp1258(s: str) -> bytes:
    """What Excel on a Vietnamese Windows writes: precomposed where cp1258 has the letter,
    else a base letter (ê, ơ …) followed by a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", s):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            shape = [m for m in marks if m in "\u0302\u0306\u031b"]  # circumflex, breve, horn
            if shape:
                marks.remove(shape[0])
                base = unicodedata.normalize("NFC", base + shape[0])
            out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1258"])
def test_csv_in_every_windows_encoding(empty_db, tmp_path, encoding):
    path = tmp_path / "danh-sach.csv"
    content = "Mã số;Tên;Lĩnh vực\r\n1.000894;Thủ tục đăng ký kết hôn;Hộ tịch\r\n"
    path.write_bytes(to_cp1258(content) if encoding == "cp1258" else content.encode(encoding))
    assert catalog.import_file(empty_db, path).added == 1
    p = catalog.get(empty_db, "1.000894")
    assert p["name"] == "Thủ tục đăng ký kết hôn"  # NFC, even from cp1258's combining marks
    assert catalog.search(empty_db, "dang ki ket hon").items[0]["code"] == "1.000894"


def test_bad_rows_reject_the_whole_file_with_row_numbers(empty_db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "code,name\n1.000894,Đăng ký kết hôn\n\nabc,Tên\n1.000894,Lặp lại\n2.000001,\n",
        encoding="utf-8",
    )
    report = catalog.import_file(empty_db, path)
    assert [r["row"] for r in report.rejected] == [4, 5, 6]
    assert "lặp lại" in report.rejected[1]["reason"]
    assert catalog.count(empty_db) == 0


def test_unknown_columns_and_missing_header_are_bad_input(empty_db, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("code,name,colour\n1.000894,A,red\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="colour"):
        catalog.import_file(empty_db, path)
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="tiêu đề"):
        catalog.import_file(empty_db, path)


def test_broken_files_are_bad_input(empty_db, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(BTP.read_bytes()[:5000])
    with pytest.raises(BadInputError, match="broken.xlsx"):
        catalog.import_file(empty_db, broken)
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text("code,name\n", encoding="utf-16")
    with pytest.raises(BadInputError):
        catalog.import_file(empty_db, utf16)
    bad_json = tmp_path / "c.json"
    bad_json.write_text('{"format": "supportdesk-catalog/1", "procedures": [', encoding="utf-8")
    with pytest.raises(BadInputError, match="JSON"):
        catalog.import_file(empty_db, bad_json)
    with pytest.raises(BadInputError):
        catalog.import_file(empty_db, tmp_path / "missing.json")
    assert catalog.count(empty_db) == 0


def test_excel_with_header_further_down_and_english_titles(empty_db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Danh mục thủ tục của xã"])
    ws.append([])
    ws.append(["code", "name", "field"])
    ws.append(["2.000986", "Liên thông khai sinh,\nthường trú, BHYT", "Hộ tịch"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    assert catalog.import_file(empty_db, path).added == 1
    assert catalog.get(empty_db, "2.000986")["name"] == "Liên thông khai sinh,\nthường trú, BHYT"


def test_json_export_import_round_trip_is_unchanged(empty_db, tmp_path):
    catalog.import_records(empty_db, [(1, DETAILED)])
    catalog.import_file(empty_db, BTP)
    out = tmp_path / "export.json"
    n = catalog.export_file(empty_db, out)
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "supportdesk-catalog/1"
    report = catalog.import_file(empty_db, out)
    assert (report.added, report.updated, report.unchanged) == (0, 0, n)


def test_no_info_is_stored_empty(empty_db):
    record = dict(DETAILED, competent_agency="Không có thông tin")
    catalog.import_records(empty_db, [(1, record)])
    assert catalog.get(empty_db, "1.001193")["competent_agency"] == ""
