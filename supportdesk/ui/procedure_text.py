"""A procedure as plain text (clipboard) and its portal address; pure Python, no Qt."""

from __future__ import annotations

from urllib.parse import quote

PORTAL_URL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={}"
)


def portal_url(procedure: dict) -> str:
    url = procedure.get("source_url") or ""
    if url.startswith(("http://", "https://")):
        return url
    return PORTAL_URL.format(quote(procedure["code"]))


def copies_text(item: dict) -> str:
    parts = []
    if str(item.get("originals") or "0") not in ("0", ""):
        parts.append(f"bản chính: {item['originals']}")
    if str(item.get("copies") or "0") not in ("0", ""):
        parts.append(f"bản sao: {item['copies']}")
    return ", ".join(parts)


def as_text(procedure: dict, ticked: set[tuple[int, int]] | None = None) -> str:
    """What "copy as text" puts on the clipboard: a checklist a citizen can read in a message."""
    out = [f"{procedure['name']} (mã {procedure['code']})"]
    for label, key in [
        ("Lĩnh vực", "field"),
        ("Cấp thực hiện", "level_text"),
        ("Cơ quan thực hiện", "executing_agency"),
        ("Kết quả", "result"),
    ]:
        if procedure.get(key):
            out.append(f"{label}: {procedure[key]}")
    if procedure.get("methods"):
        out.append("")
        out.append("Cách thức thực hiện:")
        for m in procedure["methods"]:
            fee = f"; phí, lệ phí: {m['fee_text']}" if m.get("fee_text") else ""
            time = f": {m['time_text']}" if m.get("time_text") else ""
            out.append(f"- {m.get('channel', '')}{time}{fee}")
    for ci, case in enumerate(procedure.get("dossier") or []):
        out.append("")
        out.append(f"{case.get('case') or 'Thành phần hồ sơ'}:")
        for ii, item in enumerate(case.get("items") or []):
            mark = "[x]" if ticked and (ci, ii) in ticked else "[ ]"
            extra = copies_text(item)
            out.append(f"{mark} {item['name']}" + (f" ({extra})" if extra else ""))
    if procedure.get("legal_basis"):
        out.append("")
        out.append("Căn cứ pháp lý:")
        for law in procedure["legal_basis"]:
            number = f"{law['number']} — " if law.get("number") else ""
            out.append(f"- {number}{law.get('title', '')}")
    out.append("")
    out.append(f"Xem trên Cổng Dịch vụ công quốc gia: {portal_url(procedure)}")
    return "\n".join(out)
