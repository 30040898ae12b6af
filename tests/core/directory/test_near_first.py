"""The desk's own commune and province come first in the directory, other provinces last;
level and province filters keep only what fits."""

import pytest

from supportdesk.core import directory
from supportdesk.core.store import settings

SO = "Sở Nông nghiệp và Môi trường"


@pytest.fixture
def thanh_hoa(empty_db):
    db = empty_db
    for key, value in {
        "commune_code": "14758",
        "province_code": "38",
        "commune_name": "Phường Hàm Rồng",
        "province_name": "Thanh Hoá",
    }.items():
        settings.put(db, key, value)  # fmt: skip
    ids = {}
    for name, level in ((f"{SO} tỉnh Sơn La", "tinh"), (f"{SO} - tỉnh Gia Lai", "tinh"),
                        (f"{SO} tỉnh Thanh Hóa", "tinh"), (SO, "tinh"),
                        ("Văn phòng đăng ký đất đai phường Hàm Rồng", "xa")):  # fmt: skip
        ids[name] = directory.add(db, {"kind": "agency", "name": name, "level": level})
    return db, ids


def names(found):
    return [c["name"] for c in found]


def test_the_desks_province_first_other_provinces_last(thanh_hoa):
    db, _ = thanh_hoa
    found = names(directory.search(db, "so nong nghiep", limit=10))
    assert found[0] == f"{SO} tỉnh Thanh Hóa"
    assert found[1] == SO  # names no province: before the other provinces
    assert set(found[2:4]) == {f"{SO} tỉnh Sơn La", f"{SO} - tỉnh Gia Lai"}
    # without a place (no settings) the order is bm25's, not the desk's
    plain = names(directory.search(db, "so nong nghiep", limit=10, near=directory.Place()))
    assert sorted(plain) == sorted(found)


def test_the_desks_commune_comes_before_its_province(thanh_hoa):
    db, _ = thanh_hoa
    found = names(directory.search(db, "dat dai ham rong", limit=5))
    assert found[0] == "Văn phòng đăng ký đất đai phường Hàm Rồng"


def test_filter_by_level_and_province(thanh_hoa):
    db, _ = thanh_hoa
    assert names(directory.search(db, "so nong nghiep", province="Gia Lai")) == [
        f"{SO} - tỉnh Gia Lai"
    ]
    assert names(directory.search(db, "", level="xa")) == [
        "Văn phòng đăng ký đất đai phường Hàm Rồng"
    ]
    every_province_level = directory.search(db, "", level="tinh", limit=50)
    assert names(every_province_level)[0] == f"{SO} tỉnh Thanh Hóa"
    assert len(every_province_level) == 4
    assert directory.search(db, "") == []  # nothing typed, no filter: nothing listed


def test_the_xlsx_template_has_the_import_columns_and_imports(empty_db, tmp_path):
    from openpyxl import load_workbook

    from supportdesk.core.directory import files

    path = files.write_template(tmp_path / "mau-danh-ba.xlsx")
    header = [c.value for c in next(load_workbook(path).active.iter_rows(max_row=1))]
    assert header == [title for _, title in files.COLUMNS]
    report = files.import_file(empty_db, path)
    assert report.added == 1 and not report.rejected
    (found,) = directory.search(empty_db, "Nguyễn Văn Mẫu", near=directory.Place())
    contact = directory.get(empty_db, found["id"])
    assert contact["level"] == "xa" and sorted(contact["codes"]) == ["1.000894", "1.001193"]
    assert [p["display"] for p in contact["phones"]] == ["0300 000 001", "0203 0000 001"]
