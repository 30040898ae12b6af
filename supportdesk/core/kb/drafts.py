"""A draft article from a resolved request, with the requester's personal data taken out.

"Taken out" is checked, not hoped: after scrubbing, the draft is searched for the requester's
name, phone and ID number (folded, as digits) and for any long run of digits or an e-mail
address; if anything is left the draft is refused instead of saved."""

from __future__ import annotations

import re

from sqlite_utils import Database

from supportdesk.core import text, tickets
from supportdesk.core.kb import store
from supportdesk.core.kb.model import KbError

REMOVED = "[đã ẩn]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Phones, ID numbers, account numbers: 8 or more digits, maybe grouped by spaces, dots, dashes.
_LONG_NUMBER = re.compile(r"(?<!\w)(\+?\d[\d .\-]{6,}\d)(?!\w)")
_HONORIFICS = ("ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "cụ")


def _name_pattern(name: str) -> re.Pattern | None:
    """The full name, and the given name after a form of address ("bà An"), in any case."""
    words = text.clean(name).split()
    if not words:
        return None
    full = r"\s+".join(re.escape(w) for w in words)
    addressed = rf"(?:{'|'.join(_HONORIFICS)})\s+{re.escape(words[-1])}"
    return re.compile(rf"(?<!\w)(?:{full}|{addressed})(?!\w)", re.IGNORECASE)


def scrub(value: str, request: dict) -> str:
    """Text without the requester's name, e-mail addresses and long numbers."""
    out = text.clean(value)
    pattern = _name_pattern(request.get("requester_name") or "")
    if pattern:
        out = pattern.sub(REMOVED, out)
    out = _EMAIL.sub(REMOVED, out)
    return _LONG_NUMBER.sub(REMOVED, out)


def leaks(value: str, request: dict | None = None) -> list[str]:
    """What personal data is still in a text: empty when none is found."""
    found = []
    if _EMAIL.search(value):
        found.append("địa chỉ thư điện tử")
    if any(len(text.digits(m.group())) >= 8 for m in _LONG_NUMBER.finditer(value)):
        found.append("dãy số dài (điện thoại, số định danh)")
    if request:
        runs = ["".join(text.digits(m.group())) for m in re.finditer(r"[\d .\-]+", value)]
        for label, key in (
            ("số điện thoại", "requester_phone"),
            ("số định danh", "requester_id_number"),
        ):
            wanted = text.digits(request.get(key) or "")[-8:]
            if len(wanted) >= 6 and any(wanted in run for run in runs):
                found.append(label)
        name = text.fold(request.get("requester_name") or "")
        if len(name.split()) >= 2 and f" {name} " in f" {' '.join(text.tokens(value))} ":
            found.append("họ tên người yêu cầu")
    return found


def from_request(db: Database, request_id: int) -> dict:
    """Save a draft article made from a resolved request; refused if personal data remains."""
    request = tickets.get(db, request_id, reveal=True)
    if request is None:
        raise KbError(f"không có yêu cầu số {request_id}")
    if request["status"] not in ("resolved", "closed"):
        raise KbError(f"yêu cầu {request['ticket']} chưa được giải quyết")
    title = scrub(request["summary"], request)
    symptoms = scrub(request.get("description") or request["summary"], request)
    fix = scrub(request.get("resolution") or "", request)
    steps = [s for s in fix.split("\n") if s.strip()] or ["(ghi các bước đã làm)"]
    record = {
        "title": title[:200],
        "symptoms": symptoms,
        "steps": steps,
        "topics": [request["category"]],
        "procedures": [request["procedure_code"]] if request.get("procedure_code") else [],
        "audience": "staff",
        "status": "draft",
        "origin": "commune",
        "notes": f"Tạo từ yêu cầu {request['ticket']}",
    }
    everything = "\n".join([record["title"], record["symptoms"], *record["steps"]])
    left = leaks(everything, request)
    if left:
        raise KbError("bản nháp vẫn còn thông tin cá nhân (" + ", ".join(left) + "); hãy sửa tay")
    return store.add(db, record)
