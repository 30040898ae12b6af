"""Every code the product shows, with its one Vietnamese label (docs/ARCHITECTURE.md, "Vocabulary").

Stored data, payloads and the CLI's JSON carry the codes; people read these labels. The CLI, the
PDFs and the hub print them as they are; the GUI passes them through
`QCoreApplication.translate("vocab", label)`, and `QT_TRANSLATE_NOOP` marks them so that
pyside6-lupdate collects them for the English translation. Support topics are not here: a commune
edits them, so their names live in the store (core.tickets.categories)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — the name lupdate looks for
    return text


STATUS = {
    "new": QT_TRANSLATE_NOOP("vocab", "Mới"),
    "in_progress": QT_TRANSLATE_NOOP("vocab", "Đang xử lý"),
    "waiting": QT_TRANSLATE_NOOP("vocab", "Chờ người yêu cầu"),
    "escalated": QT_TRANSLATE_NOOP("vocab", "Đã chuyển cấp trên"),
    "resolved": QT_TRANSLATE_NOOP("vocab", "Đã giải quyết"),
    "closed": QT_TRANSLATE_NOOP("vocab", "Đã đóng"),
}

# Levels of government, nearest to the commune team first. Procedures and directory entries share
# them; since July 2025 there is no district level, but older files still name it.
LEVEL = {
    "xa": QT_TRANSLATE_NOOP("vocab", "Cấp xã"),
    "huyen": QT_TRANSLATE_NOOP("vocab", "Cấp huyện"),
    "tinh": QT_TRANSLATE_NOOP("vocab", "Cấp tỉnh"),
    "bo": QT_TRANSLATE_NOOP("vocab", "Trung ương"),
    "khac": QT_TRANSLATE_NOOP("vocab", "Cơ quan khác"),  # the portal's "Cơ quan khác"
}
# The same levels in a narrow list column.
LEVEL_SHORT = {
    "xa": QT_TRANSLATE_NOOP("vocab", "Xã"),
    "huyen": QT_TRANSLATE_NOOP("vocab", "Huyện"),
    "tinh": QT_TRANSLATE_NOOP("vocab", "Tỉnh"),
    "bo": QT_TRANSLATE_NOOP("vocab", "Bộ"),
    "khac": QT_TRANSLATE_NOOP("vocab", "Khác"),
}

REQUESTER_KIND = {
    "citizen": QT_TRANSLATE_NOOP("vocab", "Công dân"),
    "civil_servant": QT_TRANSLATE_NOOP("vocab", "Cán bộ, công chức"),
    "business": QT_TRANSLATE_NOOP("vocab", "Doanh nghiệp"),
    "other": QT_TRANSLATE_NOOP("vocab", "Khác"),
}

CHANNEL = {
    "counter": QT_TRANSLATE_NOOP("vocab", "Tại quầy"),
    "phone": QT_TRANSLATE_NOOP("vocab", "Điện thoại"),
    "online": QT_TRANSLATE_NOOP("vocab", "Trực tuyến"),
    "field": QT_TRANSLATE_NOOP("vocab", "Tại cơ sở"),
}

PRIORITY = {
    "low": QT_TRANSLATE_NOOP("vocab", "Thấp"),
    "normal": QT_TRANSLATE_NOOP("vocab", "Bình thường"),
    "high": QT_TRANSLATE_NOOP("vocab", "Cao"),
    "urgent": QT_TRANSLATE_NOOP("vocab", "Khẩn"),
}


def label(vocabulary: dict[str, str], code: str | None) -> str:
    """The label of a code; an unknown code (data from an older or newer version) as it is."""
    return vocabulary.get(code or "", code or "")


# What a question about a procedure asks for (core.catalog.question), as the answer's heading.
ASKED = {
    "papers": QT_TRANSLATE_NOOP("vocab", "Giấy tờ cần có"),
    "fee": QT_TRANSLATE_NOOP("vocab", "Phí, lệ phí"),
    "time": QT_TRANSLATE_NOOP("vocab", "Thời hạn giải quyết"),
    "where": QT_TRANSLATE_NOOP("vocab", "Nơi nộp hồ sơ"),
    "result": QT_TRANSLATE_NOOP("vocab", "Kết quả nhận được"),
    "conditions": QT_TRANSLATE_NOOP("vocab", "Điều kiện"),
    "form": QT_TRANSLATE_NOOP("vocab", "Mẫu đơn, tờ khai"),
    "general": QT_TRANSLATE_NOOP("vocab", "Tóm tắt"),
}
