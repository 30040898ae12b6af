import unicodedata

import pytest

from supportdesk.core.formats import long_date
from supportdesk.core.pdf import handout
from tests.core.pdf.pdf_helpers import (
    CENTER,
    SUBSET_NAME,
    all_text,
    flat,
    fonts_used,
    long_procedure,
    page_texts,
    procedure,
    reader,
)

A4 = (595.28, 841.89)
A5 = (419.53, 595.28)


def _size(data: bytes) -> tuple[float, float]:
    box = reader(data).pages[0].mediabox
    return round(float(box.width), 2), round(float(box.height), 2)


@pytest.mark.parametrize("size, expected", [("a4", A4), ("a5", A5)])
def test_checklist_reads_back_as_its_nfc_source(size, expected):
    """The complete version (`--full`) prints every row the portal lists."""
    p = procedure()
    data = handout.render(p, CENTER, size, full=True)
    assert _size(data) == expected
    text = all_text(data)
    assert flat(p["name"]) in text
    assert "Mã thủ tục: 1.001193" in text
    for case in p["dossier"]:
        for item in case["items"]:
            assert flat(item["name"].lstrip("- ")) in text
    assert "Mẫu: Tờ khai đăng ký khai sinh.docx" in text
    assert "Miễn lệ phí đăng ký khai sinh đúng hạn" in text
    assert "87/2020/NĐ-CP" in text
    assert flat(CENTER["center_address"]) in text and CENTER["center_phone"] in text


def test_tick_boxes_only_for_papers_to_bring():
    data = handout.render(procedure(), CENTER)
    assert all_text(data).count("☐") == 3  # three papers; the note row has no box


def test_nfd_input_prints_as_nfc():
    decomposed = unicodedata.normalize("NFD", "Đăng ký kết hôn có yếu tố nước ngoài")
    data = handout.render(procedure(name=decomposed), CENTER)
    text = all_text(data)
    assert unicodedata.normalize("NFC", decomposed) in text
    assert not any(unicodedata.combining(ch) for ch in text)


@pytest.mark.parametrize("hostile", ["<b>đậm</b> & <i>", "Giấy tờ <", "a &amp; b", "x <br/> y"])
def test_markup_in_text_prints_literally(hostile):
    p = procedure(name=hostile, conditions=hostile)
    p["dossier"][0]["items"][0]["name"] = hostile
    text = all_text(handout.render(p, {**CENTER, "center_name": hostile}))
    assert text.count(flat(hostile)) >= 3


def test_fonts_are_embedded_truetype_subsets():
    fonts = fonts_used(handout.render(procedure(), CENTER))
    assert {str(f["/BaseFont"]).split("+")[1] for f in fonts} == {"DejaVuSans", "DejaVuSans-Bold"}
    for font in fonts:
        assert SUBSET_NAME.match(str(font["/BaseFont"])), font["/BaseFont"]
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
        assert "/ToUnicode" in font  # so the text can be searched and copied


def test_long_procedure_paginates_with_running_head_and_numbers():
    p = long_procedure()
    data = handout.render(p, CENTER, "a4", full=True)
    texts = page_texts(data)
    n = len(texts)
    assert n >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Trang {number}/{n}" in text
    assert "(tiếp theo)" not in texts[0]
    for text in texts[1:]:
        assert "1.014199 — Cấp giấy phép lao động" in text and "(tiếp theo)" in text
        assert "Tên giấy tờ" in text  # the column heads repeat on every page of the table
    names = [flat(i["name"]) for i in p["dossier"][0]["items"]]
    joined = " ".join(texts)
    assert all(name in joined for name in names)


def test_batch_numbers_each_procedure_on_its_own():
    data = handout.render_many([long_procedure(40), procedure()], CENTER, "a5")
    texts = page_texts(data)
    first_of_second = next(i for i, t in enumerate(texts) if "Thủ tục đăng ký khai sinh" in t)
    assert first_of_second > 1
    assert f"Trang {first_of_second}/{first_of_second}" in texts[first_of_second - 1]
    rest = len(texts) - first_of_second
    assert f"Trang 1/{rest}" in texts[first_of_second]


def test_print_date_and_empty_center():
    from datetime import date

    data = handout.render(procedure(), {}, printed=date(2026, 2, 3))
    text = all_text(data)
    assert "In ngày 03/02/2026" in text
    assert "Cần hỗ trợ" not in text  # no contact box without contact data
    assert long_date(date(2026, 2, 3), "Tân Định") == "Tân Định, ngày 03 tháng 02 năm 2026"
    assert long_date(date(2026, 11, 23)) == "Ngày 23 tháng 11 năm 2026"


def test_unknown_size_is_refused():
    with pytest.raises(ValueError):
        handout.render(procedure(), CENTER, "letter")


def test_longest_procedure_of_the_shipped_catalog_paginates():
    import json

    from supportdesk.core import catalog

    records = catalog.shipped_catalog()
    longest = max(records["procedures"], key=lambda r: len(json.dumps(r, ensure_ascii=False)))
    assert longest["code"] == "1.013742"
    p = catalog.normalise(longest)
    texts = page_texts(handout.render(p, CENTER, "a4", full=True))
    assert len(texts) > 3
    assert f"Trang {len(texts)}/{len(texts)}" in texts[-1]
    joined = " ".join(texts)
    items = [i for case in p["dossier"] for i in case["items"]]
    # An item longer than a page (1.013742 has items of 5,000 characters) is split across pages,
    # with the running head between the parts: its start must be there.
    assert items and all(flat(i["name"].lstrip("-–• "))[:200] in joined for i in items)
