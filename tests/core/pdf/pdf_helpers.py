"""Procedure and center dicts shaped like catalog.get() and the settings, for the PDF tests."""

from __future__ import annotations

import copy
import io
import re
import unicodedata

KHAI_SINH = {
    "code": "1.001193",
    "name": "Thủ tục đăng ký khai sinh",
    "levels": ["xa"],
    "level_text": "Cấp xã",
    "field": "Hộ tịch",
    "competent_agency": "",
    "executing_agency": "Ủy ban nhân dân cấp xã",
    "receiving_address": "",
    "methods": [
        {
            "channel": "Trực tiếp",
            "time_text": "1 ngày",
            "working_days": 1,
            "fee_text": "",
            "description": "",
        },
        {
            "channel": "Trực tuyến",
            "time_text": "1 ngày",
            "working_days": 1,
            "fee_text": "Miễn lệ phí đăng ký khai sinh đúng hạn",
            "description": "",
        },
    ],  # fmt: skip
    "dossier": [
        {
            "case": "* Giấy tờ phải nộp:",
            "items": [
                {
                    "name": "Tờ khai đăng ký khai sinh theo mẫu",
                    "originals": 1,
                    "copies": 0,
                    "form": "Tờ khai đăng ký khai sinh.docx",
                },
                {
                    "name": "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản "
                    "của người làm chứng xác nhận về việc sinh",
                    "originals": 1,
                    "copies": 0,
                    "form": "",
                },
                {
                    "name": "Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật",
                    "originals": 1,
                    "copies": 1,
                    "form": "",
                },
            ],
        },
        {
            "case": "* Lưu ý:",
            "items": [
                {
                    "name": "- Người tiếp nhận không được yêu cầu nộp thêm giấy tờ.",
                    "originals": 0,
                    "copies": 0,
                    "form": "",
                }
            ],
        },
    ],  # fmt: skip
    "legal_basis": [
        {"title": "Luật 60/2014/QH13", "number": "60/2014/QH13"},
        {
            "title": "Nghị định quy định về Cơ sở dữ liệu hộ tịch điện tử, "
            "đăng ký hộ tịch trực tuyến",
            "number": "87/2020/NĐ-CP",
        },
    ],  # fmt: skip
    "conditions": "",
    "result": "Giấy khai sinh",
    "source_url": "",
}

CENTER = {
    "center_name": "Trung tâm Phục vụ hành chính công xã Tân Định",
    "center_address": "Số 1 đường Hai Bà Trưng, xã Tân Định, Thành phố Hồ Chí Minh",
    "center_phone": "028 3820 1234",
    "commune_name": "xã Tân Định",
    "province_name": "Thành phố Hồ Chí Minh",
}


def procedure(**changes) -> dict:
    p = copy.deepcopy(KHAI_SINH)
    p.update(changes)
    return p


def long_procedure(items: int = 120) -> dict:
    """A procedure with as many papers as the longest ones in the catalog (1.014199)."""
    rows = [
        {"name": f"Giấy tờ số {i}: bản sao chứng thực hộ chiếu hoặc giấy tờ có giá trị thay thế "
         f"hộ chiếu của người lao động nước ngoài, còn giá trị sử dụng ({i})",
         "originals": 1, "copies": i % 3, "form": ""}
        for i in range(1, items + 1)
    ]  # fmt: skip
    return procedure(
        code="1.014199",
        name="Cấp giấy phép lao động đối với người lao động nước ngoài làm việc tại Việt Nam",
        dossier=[{"case": "Hồ sơ đề nghị cấp giấy phép", "items": rows}],
    )


# ---------------------------------------------------------------- reading PDFs back


def reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """NFC with all runs of white space as one space: wrapping must not change what is read."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def page_texts(data: bytes) -> list[str]:
    return [flat(page.extract_text() or "") for page in reader(data).pages]


def all_text(data: bytes) -> str:
    return " ".join(page_texts(data))


def fonts_used(data: bytes) -> list[dict]:
    """Every font dictionary referenced by any page, resolved."""
    found = {}
    for page in reader(data).pages:
        resources = page["/Resources"].get_object()
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            found[font["/BaseFont"]] = font
    return list(found.values())


SUBSET_NAME = re.compile(r"^/[A-Z]{6}\+DejaVuSans(-Bold)?$")
