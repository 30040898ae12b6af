"""The contact directory: import (CSV, XLSX, vCard), re-import, export, search, shipped agencies."""

import unicodedata

import pytest

from supportdesk.core import catalog, directory
from supportdesk.core.tabular import BadInputError
from supportdesk.paths import resource
from tests.fixtures import BTP_LIST as BTP

EXAMPLE_CSV = resource("directory", "vi-du-danh-ba.csv")
EXAMPLE_VCF = resource("directory", "vi-du-danh-ba.vcf")

HEADER = "Họ và tên,Chức vụ,Cơ quan,Điện thoại,Lĩnh vực,Mã thủ tục\n"


def to_cp1258(s: str) -> bytes:
    """What Excel on a Vietnamese Windows writes: precomposed where cp1258 has the letter, else
    a base letter (ê, ơ …) and a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", s):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            shape = [m for m in marks if m in "\u0302\u0306\u031b"]
            if shape:
                marks.remove(shape[0])
                base = unicodedata.normalize("NFC", base + shape[0])
            out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def write(tmp_path, name, body, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(to_cp1258(body) if encoding == "cp1258" else body.encode(encoding))
    return path


def people(db):
    return {c["name"]: c for c in directory.all_contacts(db) if c["kind"] == "person"}


def comparable(contacts):
    drop = {"id", "uid", "agency_id", "members", "created", "updated"}  # each store's own
    return sorted(
        ({k: v for k, v in c.items() if k not in drop} for c in contacts),
        key=lambda c: (c["kind"], c["name"], c["agency"]),
    )


def test_example_files_import_and_reimport_changes_nothing(empty_db):
    report = directory.files.import_file(empty_db, EXAMPLE_CSV)
    assert (report.added, report.rejected) == (5, [])
    report = directory.files.import_file(empty_db, EXAMPLE_VCF)
    assert (report.added, report.rejected) == (2, [])
    before = comparable(directory.all_contacts(empty_db))
    again = directory.files.import_file(empty_db, EXAMPLE_CSV)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert comparable(directory.all_contacts(empty_db)) == before
    mau = people(empty_db)["Nguyễn Văn Mẫu"]
    assert [p["display"] for p in mau["phones"]] == ["0300 000 001", "0203 0000 001 máy lẻ 11"]
    assert mau["phones"][0]["number"] == "+84300000001"
    assert mau["level"] == "xa" and mau["verified"] == "2026-07-01"
    assert mau["codes"] == ["1.000894", "1.001193"] and mau["fields"] == ["Hộ tịch", "Chứng thực"]


def test_people_belong_to_agency_entries(empty_db):
    directory.files.import_file(empty_db, EXAMPLE_CSV)
    mau = people(empty_db)["Nguyễn Văn Mẫu"]
    agency = directory.get(empty_db, mau["agency_id"])
    assert agency["kind"] == "agency" and agency["name"] == mau["agency"]
    assert agency["phones"] == [] and mau["id"] in agency["members"]


def test_reimport_matches_on_phone_or_name_and_agency(empty_db, tmp_path):
    first = write(
        tmp_path, "a.csv", HEADER + "Nguyễn Văn Mẫu,Chuyên viên,UBND xã A,0300 000 001,,\n"
    )
    directory.files.import_file(empty_db, first)
    # Same phone written another way, new position: an update, not a second person.
    by_phone = write(
        tmp_path, "b.csv", HEADER + "Nguyen Van Mau,Phó Chủ tịch,UBND xã A,+84 300 000 001,,\n"
    )
    report = directory.files.import_file(empty_db, by_phone)
    assert (report.added, report.updated) == (0, 1)
    # Same name and agency (folded), a new number: also an update.
    by_name = write(tmp_path, "c.csv", HEADER + "NGUYỄN VĂN MẪU,,ubnd xa a,0300.000.009,,\n")
    report = directory.files.import_file(empty_db, by_name)
    assert (report.added, report.updated) == (0, 1)
    [person] = people(empty_db).values()
    assert person["position"] == "Phó Chủ tịch"  # a blank cell keeps what is known
    assert [p["number"] for p in person["phones"]] == ["+84300000009"]
    assert directory.count(empty_db, "person") == 1


def test_bad_row_rejects_the_whole_file_with_its_row(empty_db, tmp_path):
    path = write(
        tmp_path,
        "bad.csv",
        HEADER + "Nguyễn Văn Mẫu,,UBND xã A,0300 000 001,,\n"
        "Trần Thị Thử,,UBND xã A,0300 000 01,,\n"
        "Lê Văn Ví Dụ,,UBND xã A,0300 000 003,,1.0012\n",
    )
    report = directory.files.import_file(empty_db, path)
    assert [r["row"] for r in report.rejected] == [3, 4]
    assert "0300 000 01" in report.rejected[0]["reason"]
    assert "1.0012" in report.rejected[1]["reason"]
    assert directory.count(empty_db) == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1258"])
def test_csv_encodings(empty_db, tmp_path, encoding):
    body = HEADER + "Nguyễn Thị Hường,Chuyên viên,Sở Tư pháp tỉnh Mẫu,0300 000 001,Hộ tịch,\n"
    directory.files.import_file(empty_db, write(tmp_path, "x.csv", body, encoding))
    assert list(people(empty_db)) == ["Nguyễn Thị Hường"]


def test_xlsx_with_banner_rows_and_english_titles(empty_db, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["DANH BẠ CÁN BỘ ĐẦU MỐI"])
    sheet.append([])
    sheet.append(["No", "Full name", "Title", "Agency", "Mobile", "Work phone", "Verified"])
    sheet.append([1, "Phạm Thị Minh Họa", "Chuyên viên", "Sở Tư pháp tỉnh Mẫu", 300000004,
                  "0203 0000 002", "15/06/2026"])  # fmt: skip
    path = tmp_path / "danh-ba.xlsx"
    workbook.save(path)
    report = directory.files.import_file(empty_db, path)
    assert report.rejected == [] and report.added == 1
    person = people(empty_db)["Phạm Thị Minh Họa"]
    assert [(p["number"], p["kind"]) for p in person["phones"]] == [
        ("+84300000004", "cell"),
        ("+842030000002", "work"),
    ]
    assert person["verified"] == "2026-06-15" and person["level"] == "tinh"


def test_unknown_column_and_missing_header_are_bad_input(empty_db, tmp_path):
    with pytest.raises(BadInputError, match="Màu mắt"):
        directory.files.import_file(empty_db, write(tmp_path, "a.csv", "Họ và tên,Màu mắt\nA,B\n"))
    with pytest.raises(BadInputError, match="tiêu đề"):
        directory.files.import_file(empty_db, write(tmp_path, "b.csv", "x,y\n1,2\n"))
    with pytest.raises(BadInputError) as err:
        directory.files.import_file(empty_db, write(tmp_path, "c.vcf", "BEGIN:VCARD\nFN:A\n"))
    assert err.value.row == 1


def test_phone_vcard_export_in_nfd(empty_db, tmp_path):
    nfd = unicodedata.normalize("NFD", "Đỗ Thị Mẫu")
    path = write(
        tmp_path,
        "phone.vcf",
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{nfd}\r\nN:{nfd.split()[0]};Thị Mẫu;;;\r\n"
        "ORG:UBND xã Thử Nghiệm;Bộ phận Một cửa\r\nTEL;TYPE=CELL:0300 000 006\r\nEND:VCARD\r\n",
    )
    assert directory.files.import_file(empty_db, path).added == 1
    person = people(empty_db)["Đỗ Thị Mẫu"]
    assert person["unit"] == "Bộ phận Một cửa" and person["level"] == "xa"
    assert directory.search(empty_db, "do thi mau")[0]["name"] == "Đỗ Thị Mẫu"


@pytest.mark.parametrize("suffix", [".vcf", ".csv", ".xlsx"])
def test_export_import_round_trip_loses_nothing(empty_db, tmp_path, suffix):
    from supportdesk.core.store.connection import open_store

    directory.files.import_file(empty_db, EXAMPLE_CSV)
    directory.files.import_file(empty_db, EXAMPLE_VCF)
    tricky = write(
        tmp_path,
        "t.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ông Ích Khiêm\\, Jr.\r\nORG:Cơ quan\\; số 2;Phòng A\r\n"
        "TEL;TYPE=HOME:0912 345 678\r\nTEL;TYPE=WORK,FAX:024 3823 4567\r\nTEL:1800 1096\r\n"
        "NOTE:Hai dòng\\nghi chú\r\nCATEGORIES:Đất đai\\, nhà ở,Xây dựng\r\n"
        "X-SUPPORTDESK-HOURS:7:30–17:00\r\nEND:VCARD\r\n",
    )
    assert directory.files.import_file(empty_db, tricky).rejected == []
    exported = tmp_path / f"out{suffix}"
    n = directory.files.export_file(empty_db, exported)
    assert n == directory.count(empty_db)
    other = open_store(tmp_path / "other", seed=False)
    report = directory.files.import_file(other, exported)
    assert report.rejected == [] and report.added == n
    assert comparable(directory.all_contacts(other)) == comparable(directory.all_contacts(empty_db))


def test_vcard_export_is_30_with_phone_numbers_a_phone_dials(empty_db, tmp_path):
    directory.files.import_file(empty_db, EXAMPLE_CSV)
    mau = people(empty_db)["Nguyễn Văn Mẫu"]
    path = tmp_path / "mau.vcf"
    directory.files.export_file(empty_db, path, ids=[mau["id"]])
    body = path.read_bytes().decode("utf-8")
    assert body.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nguyễn Văn Mẫu\r\n")
    assert "TEL;TYPE=CELL:+84300000001\r\n" in body
    assert "TEL;TYPE=WORK,VOICE:+842030000001,11\r\n" in body  # "," = pause, then the extension
    assert "ORG:UBND xã Thử Nghiệm (tỉnh Mẫu);\r\n" in body


@pytest.fixture
def filled(empty_db):
    catalog.import_file(empty_db, BTP)
    directory.agencies.load_shipped_agencies(empty_db)
    directory.files.import_file(empty_db, EXAMPLE_CSV)
    return empty_db


@pytest.mark.parametrize(
    "query, name",
    [
        ("000 001", "Nguyễn Văn Mẫu"),
        ("0300000003", "Lê Văn Ví Dụ"),
        ("+84 300 000 004", "Phạm Thị Minh Họa"),
        ("84300000002", "Trần Thị Thử"),
        ("0005", "Hoàng Văn Giả Định"),
        ("nguyen van mau", "Nguyễn Văn Mẫu"),
        ("giả đ", "Hoàng Văn Giả Định"),
        ("pho truong cong an", "Trần Thị Thử"),
        ("phong hanh chinh tu phap", "Lê Văn Ví Dụ"),
        ("dang ky dat dai", "Phạm Thị Minh Họa"),
        ("Thử 0300", "Trần Thị Thử"),
    ],
)
def test_search_finds(filled, query, name):
    found = [c["name"] for c in directory.search(filled, query, limit=5)]
    assert name in found, found


def test_partial_digits_find_a_mobile(empty_db, tmp_path):
    directory.files.import_file(
        empty_db, write(tmp_path, "a.csv", HEADER + "Người Thử,,Cơ quan A,0912 345 678,,\n")
    )
    for query in ("345678", "0912 345", "912-345-678", "84912"):
        [hit] = directory.search(empty_db, query)
        assert hit["name"] == "Người Thử" and hit["phones"][0]["display"] == "0912 345 678"
    assert directory.search(empty_db, "345679") == []


def test_search_fields_and_queries_that_never_raise(filled):
    assert directory.search(filled, "ho tich")  # a field
    assert directory.search(filled, "UBND xã")  # an abbreviation before a word
    for nasty in ['"', "AND", "(", "*", "NEAR(", '"" ( ) * AND OR', "", "   "]:
        directory.search(filled, nasty)


def test_for_procedure_code_agency_and_field_nearest_level_first(filled):
    items = directory.for_procedure(filled, "1.001193")
    names = [i["name"] for i in items]
    assert names.index("Nguyễn Văn Mẫu") < names.index("Lê Văn Ví Dụ")  # xã before tỉnh
    levels = [directory.LEVEL_RANK.get(i["level"], 9) for i in items]
    assert levels == sorted(levels)
    assert {i["match"] for i in items} >= {"code"}
    # A code typed into the search box gives the same people.
    assert [i["id"] for i in directory.search(filled, "1.001193", limit=50)] == [
        i["id"] for i in items
    ]


def test_shipped_agencies_from_the_catalog(empty_db):
    catalog.import_file(empty_db, BTP)
    report = directory.agencies.load_shipped_agencies(empty_db)
    assert report.added > 10 and directory.count(empty_db, "person") == 0
    assert empty_db.execute("SELECT count(*) FROM contact_phones").fetchone()[0] == 0
    sos = [c for c in directory.search(empty_db, "so tu phap") if c["kind"] == "agency"]
    assert sos and sos[0]["level"] == "tinh"
    again = directory.agencies.load_shipped_agencies(empty_db)
    assert (again.added, again.updated) == (0, 0)


def test_seeded_store_has_the_agencies_of_the_shipped_catalog(data_dir):
    from supportdesk.core.store.connection import open_store

    db = open_store(data_dir)
    assert directory.count(db, "agency") > 50
    assert db.execute("SELECT count(*) FROM contact_phones").fetchone()[0] == 0
    [code] = db.execute(
        "SELECT code FROM procedures WHERE executing_agency LIKE 'Công an cấp Xã%' LIMIT 1"
    ).fetchone()
    items = directory.for_procedure(db, code)
    assert any(i["name"] == "Công an cấp Xã" and i["match"] == "code" for i in items)


@pytest.mark.parametrize(
    "cell, names",
    [
        ("Thuế tỉnh, thành phố, Thuế cơ sở", ["Thuế tỉnh, thành phố", "Thuế cơ sở"]),
        ("Ủy ban Nhân dân xã, phường, thị trấn.", ["Ủy ban Nhân dân xã, phường, thị trấn"]),
        ("Phòng Kinh tế, Phòng Kinh tế, Hạ tầng và Đô thị",
         ["Phòng Kinh tế", "Phòng Kinh tế, Hạ tầng và Đô thị"]),
        ("Công an tỉnh, Cục cảnh sát giao thông, Công an cấp Xã",
         ["Công an tỉnh", "Cục cảnh sát giao thông", "Công an cấp Xã"]),
    ],
)  # fmt: skip
def test_split_agencies(cell, names):
    assert directory.agencies.split_agencies(cell) == names


@pytest.mark.slow
def test_bench_reports_every_budget(tmp_path):
    from supportdesk.bench.directory import bench

    rows = bench(tmp_path, quick=True)
    names = {r["name"] for r in rows}
    assert {"contacts import (CSV)", "contact search p95"} <= names
    assert all(r["value"] > 0 and r["unit"] in ("s", "ms") for r in rows)


def test_vcard_40_tel_uri_extension_and_kind_org(empty_db, tmp_path):
    path = write(
        tmp_path,
        "v4.vcf",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Sở Tư pháp tỉnh Mẫu\r\n"
        'TEL;VALUE=uri;TYPE="work,voice":tel:+84-203-000-0002;ext=12\r\nEND:VCARD\r\n'
        "BEGIN:VCARD\r\nVERSION:4.0\r\nN:Lê;Ví Dụ;Văn;;\r\n"
        "TEL;VALUE=uri;TYPE=cell:tel:+84300000003\r\nEND:VCARD\r\n",
    )
    assert directory.files.import_file(empty_db, path).added == 2
    [agency] = [c for c in directory.all_contacts(empty_db) if c["kind"] == "agency"]
    assert agency["name"] == "Sở Tư pháp tỉnh Mẫu" and agency["level"] == "tinh"
    assert agency["phones"][0]["display"] == "0203 0000 002 máy lẻ 12"
    assert list(people(empty_db)) == ["Lê Văn Ví Dụ"]  # N in Vietnamese order: family middle given


def test_for_procedure_finds_a_short_field_name(empty_db, tmp_path):
    catalog.import_records(
        empty_db, [(1, {"code": "1.004222", "name": "Đăng ký thường trú",
                        "field": "Đăng ký, quản lý cư trú"})],
    )  # fmt: skip
    directory.files.import_file(
        empty_db,
        write(tmp_path, "a.csv", HEADER + "Trần Thị Thử,,Công an xã A,0300 000 002,Cư trú,\n"),
    )
    [hit] = directory.search(empty_db, "1.004222")
    assert (hit["name"], hit["match"]) == ("Trần Thị Thử", "field")


def test_update_edits_by_id(empty_db):
    raw = {"name": "Phạm Thị Thu Hà", "agency": "UBND xã A", "tels": [("0300 000 008", "")]}
    report = directory.import_records(empty_db, [(1, raw)])
    [contact] = people(empty_db).values()
    changed = dict(raw, name="Phạm Thị Thu Hằng", tels=[("0300 000 009", "cell")])
    assert directory.update(empty_db, contact["id"], changed) == contact["id"]
    edited = directory.get(empty_db, contact["id"])
    assert edited["name"] == "Phạm Thị Thu Hằng" and edited["phones"][0]["number"] == "+84300000009"
    assert report.added == 1 and directory.count(empty_db, "person") == 1
    with pytest.raises(directory.RecordError):
        directory.update(empty_db, 999, raw)
    with pytest.raises(directory.RecordError):
        directory.update(empty_db, contact["id"], dict(raw, tels=[("12", "")]))


def test_import_steps_report_progress_and_stopping_rolls_back(empty_db, tmp_path):
    sheet = tmp_path / "lon.csv"
    rows = [f"Người Thử {i},Sở Thử Nghiệm,0300 {i:03d} {i:03d}" for i in range(350)]
    sheet.write_text("Họ và tên,Cơ quan,Điện thoại\n" + "\n".join(rows) + "\n", encoding="utf-8")
    before = directory.count(empty_db)
    steps = directory.files.import_file_steps(empty_db, sheet)
    assert next(steps) == (0, 350) and next(steps) == (100, 350)
    steps.close()  # the person pressed "Dừng nhập"
    assert directory.count(empty_db) == before
    report = directory.files.import_file(empty_db, sheet)
    assert report.added >= 350 and directory.count(empty_db) >= before + 350
