"""The portal Markdown parser and the shipped catalog, tested over real portal pages.

The pages are copied into tests/data/portal-procedures (see tests/data/README.md): the tests need
nothing outside the clone, and they hold however many procedures the shipped catalog grows to."""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.core.catalog.portal_markdown import (
    iter_portal_directory,
    parse_procedure_markdown,
    working_days,
)
from tests.fixtures import PORTAL_PROCEDURES

REPO_ROOT = Path(__file__).resolve().parents[3]
CATALOG = REPO_ROOT / "resources" / "catalog" / "procedures.json.gz"
SAMPLE_CODES = {
    "1.001193", "1.001257", "1.004222", "1.008498", "1.014057", "1.014064", "1.115562", "1.115586",
}  # fmt: skip


@pytest.fixture(scope="module")
def portal_dir() -> Path:
    return PORTAL_PROCEDURES


@pytest.fixture(scope="module")
def procedures(portal_dir: Path) -> dict[str, dict]:
    return {p["code"]: p for p in iter_portal_directory(portal_dir)}


@pytest.fixture(scope="module")
def shipped() -> dict:
    return json.loads(gzip.decompress(CATALOG.read_bytes()).decode("utf-8"))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# --- real files ---------------------------------------------------------------------------------


def test_birth_registration(procedures):
    p = procedures["1.001193"]
    assert p["name"] == "Thủ tục đăng ký khai sinh"
    assert p["decision_number"] == "163/QĐ-BTP"
    assert p["levels"] == ["xa"] and p["level_text"] == "Cấp xã"
    assert p["field"] == "Hộ tịch"
    assert p["target_groups"] == ["Công dân Việt Nam", "Người Việt Nam định cư ở nước ngoài"]
    assert [m["channel"] for m in p["methods"]] == ["Trực tuyến", "Dịch vụ bưu chính", "Trực tiếp"]
    for method in p["methods"]:
        assert method["time_text"] == "1 ngày"
        assert method["working_days"] == 1
        assert method["fee_text"] == "" and method["description"] == ""
    cases = [(case["case"], len(case["items"])) for case in p["dossier"]]
    assert cases == [
        ("Giấy tờ phải nộp", 5),
        ("Giấy tờ phải xuất trình", 6),
        ("Lưu ý", 19),
        ("", 3),
    ]
    first = p["dossier"][0]["items"][0]
    assert first["name"].startswith("- Trường hợp trẻ em bị bỏ rơi")
    assert (first["originals"], first["copies"], first["form"]) == (1, 0, "")
    assert p["legal_basis"][0] == {
        "title": "Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng "
        "nhân dân tỉnh, thành phố trực thuộc Trung ương",
        "number": "85/2019/TT-BTC",
    }
    assert {"title": "Luật 60/2014/QH13", "number": "60/2014/QH13"} in p["legal_basis"]
    assert len(p["legal_basis"]) == 15
    assert p["result"] == "Giấy khai sinh"
    assert p["steps"].startswith("- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp")
    assert "\n- Nếu lựa chọn hình thức nộp hồ sơ trực tuyến" in p["steps"]
    for key in ("competent_agency", "receiving_address", "executing_agency", "conditions"):
        assert p[key] == "", key
    assert p["source_url"].endswith("?ma_thu_tuc=1.001193")
    assert p["updated"] == "2026-07-18"


def test_several_levels_and_groups_with_commas(procedures):
    p = procedures["1.008498"]
    assert p["levels"] == ["xa", "tinh"]
    assert "Tổ chức (không bao gồm doanh nghiệp, HTX)" in p["target_groups"]
    assert "Cán bộ, công chức, viên chức" in procedures["1.014057"]["target_groups"]
    groups = {g for q in procedures.values() for g in q["target_groups"]}
    assert not any(g[:1].islower() for g in groups)


def test_multiline_general_value_keeps_lines_without_csv_quotes(procedures):
    address = procedures["1.115562"]["receiving_address"]
    assert address.startswith("- Trực tiếp tại Trung tâm Phục vụ hành chính công cấp tỉnh")
    assert address.endswith("\n- Trung tâm Phục vụ hành chính công các xã, phường")


def test_form_names_without_local_file_links(procedures):
    forms = {
        item["form"] for p in procedures.values() for case in p["dossier"] for item in case["items"]
    }
    assert "Mẫu DC02 Phiếu đề nghị giải quyết thủ tục về căn cước.doc" in forms
    assert not any("file:" in form or "](" in form for form in forms)
    assert any("\n" in form for form in forms)  # two forms in one cell, split by <br>


def test_multi_row_method_table(procedures):
    methods = procedures["1.115586"]["methods"]
    assert len(methods) == 18
    assert {m["working_days"] for m in methods} == {28, 42, 45, 48, 62, 65}
    assert all("<br>" not in m["description"] for m in methods)
    assert "\n* Đối với thu hồi Giấy chứng nhận" in methods[0]["description"]


def test_every_string_is_nfc_and_clean(procedures, portal_dir):
    decomposed = [
        f
        for f in portal_dir.glob("*.md")
        if not unicodedata.is_normalized("NFC", f.read_text(encoding="utf-8"))
    ]
    assert len(decomposed) == 4  # the input really is mixed, so this test means something
    for p in procedures.values():
        for s in _strings(p):
            assert s == unicodedata.normalize("NFC", s), p["code"]
            assert s == s.strip() and "\t" not in s and "  " not in s, p["code"]
            assert "<br" not in s and "**" not in s and "\u200e" not in s and "\xa0" not in s


def test_no_information_is_stored_as_empty(procedures):
    for p in procedures.values():
        for s in _strings(p):
            assert s.rstrip(".") not in {"Không có thông tin", "Không có", "Không", "N/A"}
    assert all(p["related_procedures"] == "" for p in procedures.values())


def test_the_samples_are_the_expected_commune_procedures(portal_dir, procedures):
    assert len(list(portal_dir.glob("*.md"))) == len(procedures) == len(SAMPLE_CODES)
    assert set(procedures) == SAMPLE_CODES
    assert all("xa" in p["levels"] for p in procedures.values())


def test_each_sample_equals_its_record_in_the_shipped_catalog(procedures, shipped):
    """What packaging/build_catalog.py writes is what the parser gives, page by page (the full
    2,104 pages stay outside the repository; every page ships, whatever its level)."""
    records = {p["code"]: p for p in shipped["procedures"]}
    for code, parsed in procedures.items():
        assert code in records, f"{code} is missing from the shipped catalog"
        assert records[code] == parsed, code


def test_shipped_catalog_shape(shipped):
    assert shipped["format"] == "supportdesk-catalog/1"
    assert shipped["version"].startswith("portal-")
    assert "dichvucong.gov.vn" in shipped["source"]
    codes = [p["code"] for p in shipped["procedures"]]
    assert codes == sorted(codes) and len(codes) == len(set(codes)) >= 470
    assert gzip.decompress(CATALOG.read_bytes()).decode("utf-8").endswith("\n")


# --- rules on small inputs ------------------------------------------------------------------------

MINIMAL = """# Thủ tục thử

## Thông tin chung

* **Mã thủ tục:** 9.999999
* **Cấp thực hiện:** Cấp xã, Cấp Bộ, Cơ quan khác, Cấp huyện
* **Đối tượng thực hiện:** Không có thông tin
"""


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("10 ngày làm việc", 10),
        ("1 ngày", 1),
        ("17.5 ngày làm việc", 17.5),
        ("7,5 ngày làm việc", 7.5),
        ("Không quá 15 ngày.", 15),
        ("4 giờ", 0.5),
        ("0 ngày", None),
        ("", None),
        ("Theo mô tả", None),
        ("Không quá 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.", None),
    ],
)
def test_working_days(text, days):
    assert working_days(text) == days


def test_levels_and_empty_groups():
    p = parse_procedure_markdown(MINIMAL, "x.md")
    assert p["levels"] == ["xa", "bo", "khac", "huyen"]
    assert p["target_groups"] == []
    assert p["methods"] == [] and p["dossier"] == [] and p["result"] == ""


def test_dossier_headings_tables_and_cells():
    text = MINIMAL + (
        "\n## Thành phần hồ sơ\n\n### * Lưu ý :\n\n"
        "| Tên giấy tờ | Bản chính | Bản sao | Tệp đính kèm |\n| --- | --- | --- | --- |\n"
        "| Tờ khai<br>theo mẫu | 1 |  | [Mẫu 1.docx](file:///C:/Users/x/Mẫu 1.docx) |\n\n"
        "| Tên giấy tờ | Bản chính | Bản sao | Tệp đính kèm |\n| --- | --- | --- | --- |\n"
        "| Bản\tsao  CCCD | x | 2 | Không có |\n\n"
        "### a) Đối với trường hợp khác:\n\n"
        "| Tên giấy tờ | Bản chính | Bản sao | Tệp đính kèm |\n| --- | --- | --- | --- |\n"
        "\n## Cách thức thực hiện\n\n"
        "| Hình thức nộp | Thời gian giải quyết | Phí, lệ phí | Mô tả |\n"
        "| --- | --- | --- | --- |\n"
        "| Trực tiếp | Theo mô tả ngày | N/A | a<br>b |\n"
        "\n## Kết quả xử lý\n\n* Giấy A (Mã: `KQ.1`)\n* Giấy B\n"
    )
    p = parse_procedure_markdown(text)
    assert p["dossier"] == [
        {
            "case": "Lưu ý",
            "items": [
                {"name": "Tờ khai\ntheo mẫu", "originals": 1, "copies": 0, "form": "Mẫu 1.docx"}
            ],
        },
        {"case": "", "items": [{"name": "Bản sao CCCD", "originals": 0, "copies": 2, "form": ""}]},
    ]
    assert p["methods"] == [
        {
            "channel": "Trực tiếp",
            "time_text": "Theo mô tả",
            "working_days": None,
            "fee_text": "",
            "description": "a\nb",
        }
    ]
    assert p["result"] == "Giấy A\nGiấy B"


def test_nfd_input_gives_nfc_output():
    p = parse_procedure_markdown(unicodedata.normalize("NFD", MINIMAL))
    assert p["name"] == "Thủ tục thử" and p["level_text"].startswith("Cấp xã")


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("## Thông tin chung\n\n* **Mã thủ tục:** 1.000001\n", "title"),
        ("# Thủ tục thử\n\n## Thông tin chung\n\n* **Số quyết định:** 1/QĐ\n", "code"),
        ("# Thủ tục thử\n", "code"),
        ("", "title"),
    ],
)
def test_missing_title_or_code_names_the_file(text, missing):
    with pytest.raises(ValueError, match=rf"bad\.md: .*{missing}"):
        parse_procedure_markdown(text, "bad.md")


_FRAGMENTS = st.sampled_from(
    [
        "# Thủ tục",
        "## Thông tin chung",
        "* **Mã thủ tục:** 1.000001",
        "* **Mã thủ tục:** ",
        "* **Cấp thực hiện:** Cấp xã, ",
        "* **Đối tượng thực hiện:** A, (b, C",
        "## Cách thức thực hiện",
        "## Thành phần hồ sơ",
        "## Căn cứ pháp lý",
        "## Kết quả xử lý",
        "## Trình tự thực hiện",
        "### * Lưu ý :",
        "| --- | --- |",
        "| a | 1 | 2 |",
        "| x<br>y | 0,5 ngày | | [f](file:///a) | extra |",
        "|",
        "* Giấy (Mã: `K`)",
        "1. Bước 1",
        "",
        "## Thành phần hồ sơ\n### Giấy tờ:\n| h |\n| --- |\n| a | 1 | 2 | f |",
        "## Cách thức thực hiện\n| h |\n| --- |\n| Trực tiếp | 2 giờ |",
        "## Căn cứ pháp lý\n| h | h |\n|---|---|\n| Luật | 1/QH |",
        "## Kết quả xử lý\n- Giấy",
    ]
)


_MARKDOWNISH = st.lists(_FRAGMENTS | st.text(max_size=12), max_size=30).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(st.text() | _MARKDOWNISH | _MARKDOWNISH.map(lambda body: MINIMAL + body))
def test_any_text_parses_or_raises_value_error(text):
    try:
        result = parse_procedure_markdown(text, "fuzz.md")
    except ValueError:
        return
    assert result["code"] and result["name"]
    for s in _strings(result):
        assert unicodedata.is_normalized("NFC", s)
