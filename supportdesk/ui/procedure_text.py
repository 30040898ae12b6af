"""A procedure as plain text (clipboard) and its portal address; pure Python, no Qt."""

from __future__ import annotations

from urllib.parse import quote

from supportdesk.core.catalog import checklist, levels

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
    """What "copy as text" puts on the clipboard: a checklist a citizen can read in a message,
    grouped like the handout (core.catalog.checklist), without the officials' notes."""
    out = [
        f"{procedure['name']} (mã {procedure['code']})",
        f"Cấp thực hiện: {levels.label(procedure)}",
    ]
    go = levels.where_to_go(procedure)
    if go is not None:
        out.append(levels.not_here(procedure))
        out += [f"{label}: {value}" for label, value in go.lines()]
    for label, key in [
        ("Lĩnh vực", "field"),
        ("Cơ quan thực hiện", "executing_agency"),
        ("Kết quả", "result"),
    ]:
        if procedure.get(key):
            out.append(f"{label}: {procedure[key]}")
    if procedure.get("methods"):
        out.append("")
        out.append("Cách nộp, thời hạn và phí:")
        for channels, time_text, fee in checklist.methods_rows(procedure["methods"]):
            out.append(f"- {channels}: {time_text}; {fee}")
    grouped = checklist.group_dossier(procedure.get("dossier") or [])
    if not grouped.is_empty():
        out.append("")
        out += checklist.text_lines(grouped, officials=False, ticked=ticked or set())
    out.append("")
    out.append(f"Xem trên Cổng Dịch vụ công quốc gia: {portal_url(procedure)}")
    return "\n".join(out)
