import unicodedata

import pytest

from supportdesk.core.pdf import receipt
from tests.core.pdf.pdf_helpers import CENTER, SUBSET_NAME, all_text, flat, fonts_used, reader

REQUEST = {
    "id": 7,
    "ticket": "79-2026-000123",
    "created_at": "2026-11-23T03:05:00+00:00",
    "requester_kind": "citizen",
    "requester_name": unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung"),
    "requester_phone": "0903 123 456",
    "requester_id_masked": "*********789",
    "category": "vneid",
    "category_name": "Tài khoản VNeID, định danh mức 2",
    "procedure_code": "",
    "summary": "Không đăng nhập được VNeID <b>sau</b> khi đổi số & cần <hỗ trợ",
    "due_at": "2026-11-24T10:00:00+00:00",
    "assignee": "Trần Văn Đức",
    "status": "new",
}


@pytest.mark.parametrize("width", ["a5", "80mm"])
def test_receipt_reads_back(width):
    text = all_text(receipt.render(REQUEST, CENTER, width))
    for expected in (
        "PHIẾU TIẾP NHẬN YÊU CẦU HỖ TRỢ",
        "Số phiếu: 79-2026-000123",
        "Nguyễn Thị Hồng Nhung",  # NFD in, NFC out
        "10:05 ngày 23/11/2026",  # stored UTC, printed in Vietnam time
        "Hẹn trả lời: 17:00 ngày 24/11/2026",
        "*********789",
        "Tài khoản VNeID, định danh mức 2",
        REQUEST["summary"],  # markup printed literally
        "Trần Văn Đức",
        CENTER["center_phone"],
    ):
        assert flat(expected) in text, expected


def test_roll_is_80_mm_wide_and_one_page_however_long():
    for summary in ("Ngắn", "Rất dài " * 200):
        pdf = reader(receipt.render({**REQUEST, "summary": summary}, CENTER, "80mm"))
        assert len(pdf.pages) == 1
        assert round(float(pdf.pages[0].mediabox.width) / 72 * 25.4) == 80
    assert float(pdf.pages[0].mediabox.height) > 600  # the long one grew instead of breaking


def test_a5_has_signature_block_and_a5_size():
    data = receipt.render(REQUEST, CENTER, "a5")
    box = reader(data).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)
    assert "CÁN BỘ TIẾP NHẬN" in all_text(data)


def test_a_raw_id_number_is_masked():
    request = {**REQUEST, "requester_id_masked": "", "requester_id_number": "079203004789"}
    text = all_text(receipt.render(request, CENTER, "80mm"))
    assert "079203004789" not in text and "*********789" in text


def test_fonts_and_missing_fields():
    sparse = {"ticket": "HT-2026-000001", "summary": "Hỏi đáp", "created_at": None}
    data = receipt.render(sparse, {}, "80mm")
    assert "Số phiếu: HT-2026-000001" in all_text(data)
    assert all(SUBSET_NAME.match(str(f["/BaseFont"])) for f in fonts_used(data))


def test_unknown_width_is_refused():
    with pytest.raises(ValueError):
        receipt.render(REQUEST, CENTER, "58mm")


def test_staff_falls_back_to_who_logged_the_request():
    request = {**REQUEST, "assignee": "", "events": [{"actor": "Phạm Thu Hà", "action": "created"}]}
    assert "Cán bộ tiếp nhận Phạm Thu Hà" in all_text(receipt.render(request, CENTER, "80mm"))
