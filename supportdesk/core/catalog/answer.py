"""Answering a question about a procedure: the procedure, two alternatives, and the part asked.

`supportdesk ask`, and the procedures page when a question is typed, use `ask`: search finds
the procedure (searching), question tells which part is asked (papers, fee, time,
where, result, conditions, form) and that part comes first, in the portal's own words."""

from __future__ import annotations

from sqlite_utils import Database

from supportdesk.core import vocab
from supportdesk.core.catalog import checklist
from supportdesk.core.catalog import question as catalog_question
from supportdesk.core.catalog.searching import search

ONLINE = "trực tuyến"
NO_METHODS = "Cổng Dịch vụ công không ghi cách nộp, thời hạn và phí cho thủ tục này."
HEADINGS = vocab.ASKED  # the heading of each part a question may ask for


def _short(procedure: dict) -> dict:
    return {
        "code": procedure["code"],
        "name": procedure["name"],
        "level": procedure.get("level_text", ""),
    }


def papers(procedure: dict) -> list[str]:
    """The papers grouped as the handout groups them: the form, what everyone brings, then
    "Chỉ khi …" groups; no notes meant for officials (core.catalog.checklist)."""
    grouped = checklist.group_dossier(procedure.get("dossier") or [])
    if grouped.is_empty():
        return ["Cổng Dịch vụ công không liệt kê thành phần hồ sơ."]
    return checklist.text_lines(grouped, officials=False)


def fees(procedure: dict) -> list[str]:
    rows = checklist.methods_rows(procedure.get("methods") or [])
    return [f"- {channels}: {fee}" for channels, _, fee in rows] or [NO_METHODS]


def times(procedure: dict) -> list[str]:
    rows = checklist.methods_rows(procedure.get("methods") or [])
    return [f"- {channels}: {time_text}" for channels, time_text, _ in rows] or [NO_METHODS]


def where(procedure: dict) -> list[str]:
    lines = []
    if procedure.get("level_text"):
        lines.append(f"Cấp thực hiện: {procedure['level_text']}")
    for label, key in (
        ("Nơi tiếp nhận", "receiving_address"),
        ("Cơ quan thực hiện", "executing_agency"),
        ("Cơ quan có thẩm quyền", "competent_agency"),
    ):
        if procedure.get(key):
            lines.append(f"{label}: {procedure[key]}")
    channels = [m["channel"] for m in procedure["methods"]]
    online = any(ONLINE in c.casefold() for c in channels)
    lines.append("Nộp trực tuyến: " + ("có" if online else "không"))
    if channels:
        lines.append("Cách nộp: " + ", ".join(channels))
    return lines


def forms(procedure: dict) -> list[str]:
    """The forms (tờ khai, đơn) among the papers, as the handout puts them first."""
    grouped = checklist.group_dossier(procedure.get("dossier") or [])
    found = [f"- {paper.text}" for paper in grouped.forms]
    return found or ["Cổng Dịch vụ công không ghi mẫu đơn, tờ khai cho thủ tục này."]


def part(procedure: dict, kind: str) -> list[str]:
    """The lines of one part of a procedure."""
    if kind == "papers":
        return papers(procedure)
    if kind == "fee":
        return fees(procedure)
    if kind == "time":
        return times(procedure)
    if kind == "where":
        return where(procedure)
    if kind == "result":
        return [procedure.get("result") or "Cổng Dịch vụ công không ghi kết quả."]
    if kind == "conditions":
        return [procedure.get("conditions") or "Cổng Dịch vụ công không ghi điều kiện riêng."]
    if kind == "form":
        return forms(procedure)
    return general(procedure)


def general(procedure: dict) -> list[str]:
    """No part asked: where to go, how long, then the papers (what a counter tells first)."""
    lines = where(procedure)[:1]
    lines += ["Thời hạn:", *times(procedure), "Giấy tờ cần có:", *papers(procedure)]
    return lines


def ask(db: Database, question: str) -> dict:
    """{"procedure", "also", "asked", "answer", "corrections"} for a question; procedure is
    None when nothing matches."""
    from supportdesk.core.catalog.records import get

    result = search(db, question, limit=3)
    corrections = [{"said": c.said, "used": c.used} for c in result.corrections]
    if not result.items:
        kind = catalog_question.asked(question)
        return {"procedure": None, "also": [], "asked": kind, "answer": "", "corrections": []}
    kind = catalog_question.asked(question, result.items[0]["name"])
    top = get(db, result.items[0]["code"])
    also = [
        {"code": code, "name": name, "level": level}
        for item in result.items[1:3]
        for code, name, level in db.execute(
            "SELECT code, name, level_text FROM procedures WHERE code = ?", [item["code"]]
        )
    ]
    return {
        "procedure": _short(top),
        "also": also,
        "asked": kind,
        "answer": "\n".join(part(top, kind)),
        "corrections": corrections,
    }
