"""What a support request is: its fields, statuses and transitions, and input validation.

Kept apart from core.tickets.log (which writes and reads requests) so that either stays small;
requests_log re-exports every public name here."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlite_utils import Database

from supportdesk.core import text, vocab
from supportdesk.core.errors import UserError
from supportdesk.core.tickets import categories

KINDS = tuple(vocab.REQUESTER_KIND)
CHANNELS = tuple(vocab.CHANNEL)
PRIORITIES = tuple(vocab.PRIORITY)
STATUSES = tuple(vocab.STATUS)
TRANSITIONS = {
    "new": {"in_progress", "waiting", "escalated", "resolved"},
    "in_progress": {"waiting", "escalated", "resolved"},
    "waiting": {"in_progress", "escalated", "resolved"},
    "escalated": {"in_progress", "waiting", "resolved"},
    "resolved": {"closed", "in_progress"},  # back to in_progress = reopen
    "closed": {"in_progress"},
}
PERSONAL = ("requester_name", "requester_phone", "requester_id_number")
# field: (label for messages, max length, allowed values or None)
FIELDS = {
    "requester_kind": ("loại người yêu cầu", 20, KINDS),
    "requester_name": ("họ tên", 200, None),
    "requester_phone": ("số điện thoại", 40, None),
    "requester_id_number": ("số định danh", 20, None),
    "requester_unit": ("đơn vị", 300, None),
    "channel": ("kênh tiếp nhận", 20, CHANNELS),
    "category": ("chủ đề", 40, None),
    "procedure_code": ("mã thủ tục", 20, None),
    "summary": ("tóm tắt", 500, None),
    "description": ("mô tả", 10000, None),
    "priority": ("mức ưu tiên", 10, PRIORITIES),
    "assignee": ("người xử lý", 200, None),
}
DEFAULTS = {"requester_kind": "citizen", "channel": "counter", "priority": "normal"}
_PROCEDURE_CODE = re.compile(r"^\d{1,2}\.\d{6}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
BACKFILL_TOLERANCE = timedelta(minutes=5)  # PC clocks drift; a later "--at" is a typo
RETENTION_SETTING = "retention_months"
SETTING_COMMUNE = "commune_code"


class RequestError(UserError, ValueError):
    """Input or a transition that is refused; the message is one plain Vietnamese line."""


# ---------------------------------------------------------------- validation


def _clean_field(name: str, value: object) -> str:
    label, limit, allowed = FIELDS[name]
    cleaned = text.clean(_CONTROL.sub(" ", str(value))) if value is not None else ""
    try:
        cleaned.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RequestError(f"{label} chứa ký tự không hợp lệ") from exc
    if len(cleaned) > limit:
        raise RequestError(f"{label} quá dài (tối đa {limit} ký tự)")
    if allowed and cleaned not in allowed:
        raise RequestError(f"{label} không hợp lệ: {cleaned!r} (chọn: {', '.join(allowed)})")
    return cleaned


def _validated(db: Database, values: dict) -> dict:
    unknown = set(values) - set(FIELDS)
    if unknown:
        # A field name from a script may hold anything: shown quoted when blank or unprintable,
        # so the message stays one line.
        shown = (n if str(n).strip() and str(n).isprintable() else repr(n) for n in unknown)
        raise RequestError(f"trường không hỗ trợ: {', '.join(sorted(map(str, shown)))}")
    row = {name: _clean_field(name, value) for name, value in values.items()}
    if "category" in row and not _active_category(db, row["category"]):
        raise RequestError(f"không có chủ đề {row['category']!r} (xem: requests categories)")
    code = row.get("procedure_code")
    if code and not _PROCEDURE_CODE.match(code):
        raise RequestError(f"mã thủ tục không hợp lệ: {code!r} (dạng 1.001193)")
    if row.get("requester_phone"):
        _check_phone(row["requester_phone"])
    if "summary" in row and not row["summary"]:
        raise RequestError("cần có tóm tắt yêu cầu")
    return row


def _check_phone(raw: str) -> None:
    """A Vietnamese number, by the rule the directory import uses (core.phones); the text is
    kept as typed, the search reads its digits."""
    from supportdesk.core import phones

    try:
        phones.parse(raw)
    except phones.PhoneError as exc:
        said = " ".join(str(exc).split())  # one line, whatever was typed
        raise RequestError(f"{said} (cần số điện thoại Việt Nam, ví dụ 0912 345 678)") from exc


def _active_category(db: Database, code: str) -> dict | None:
    found = categories.get(db, code)
    return found if found and found["active"] else None


def _actor(actor: str) -> str:
    cleaned = text.clean(actor)[:200]
    if not cleaned:
        raise RequestError("cần tên người thực hiện")
    return cleaned


def _moment(value: datetime | None, now: datetime) -> datetime:
    if value is None:
        return now
    if value.tzinfo is None:
        raise RequestError("thời điểm cần có múi giờ")
    if value > now + BACKFILL_TOLERANCE:
        raise RequestError("thời điểm tiếp nhận không được ở tương lai")
    return value
