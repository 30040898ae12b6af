"""Parse procedure pages of the National Public Service Portal, converted to Markdown.

The input is one Markdown file per procedure (see ``resources/catalog/SOURCE.md``): a ``# title``,
then ``## `` sections: "Thông tin chung" (``* **Key:** value`` lines), free-text sections, a
methods table, dossier tables under optional ``### `` case headings, a legal-basis table and a
bullet list of results. Everything returned is NFC, whitespace-normalised text; the portal's
"no value" markers ("Không có thông tin", "Không có", "Không", "N/A") become "".

Pure Python: no Qt, no I/O except in :func:`iter_portal_directory`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

SNAPSHOT_DATE = "2026-07-18"
PORTAL_URL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
)

_GENERAL_KEYS = {
    "mã thủ tục": "code",
    "số quyết định": "decision_number",
    "cấp thực hiện": "level_text",
    "loại thủ tục": "kind",
    "lĩnh vực": "field",
    "đối tượng thực hiện": "target_groups",
    "cơ quan có thẩm quyền": "competent_agency",
    "địa chỉ tiếp nhận hs": "receiving_address",
    "cơ quan được ủy quyền": "authorized_agency",
    "cơ quan phối hợp": "coordinating_agency",
}
_TEXT_SECTIONS = {
    "thủ tục hành chính liên quan": "related_procedures",
    "trình tự thực hiện": "steps",
    "cơ quan thực hiện": "executing_agency",
    "yêu cầu, điều kiện thực hiện": "conditions",
    "từ khóa": "keywords",
    "mô tả": "description",
}
_LEVELS = {
    "cấp xã": "xa",
    "cấp huyện": "huyen",
    "cấp tỉnh": "tinh",
    "cấp bộ": "bo",
    "cấp bộ/ngành": "bo",
    "cấp trung ương": "bo",
}
_EMPTY = {"không có thông tin", "không có", "không", "n/a"}

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_SPACES = re.compile(r"[ \t]+")
_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*")
_RESULT_CODE = re.compile(r"\s*\(Mã:\s*`[^`]*`\)\s*$")
_SEPARATOR = re.compile(r"\|?\s*:?-{3,}")
_TIME = re.compile(
    r"(?:không quá\s+)?([0-9]{1,4}(?:[.,][0-9]{1,2})?)\s+(ngày|giờ)(?:\s+làm việc)?\.?",
    re.IGNORECASE,
)


def _link_text(match: re.Match[str]) -> str:
    text, url = match.group(1), match.group(2)
    # Form links point to files on the converter's own PC (file:///C:/Users/...): keep the name.
    if url.startswith("file:") or not url or text == url:
        return text
    return f"{text} ({url})"


def clean(value: str) -> str:
    """NFC, ``<br>`` → newline, no invisible marks, single spaces, stripped lines, no "**"."""
    text = unicodedata.normalize("NFC", value)
    text = _BR.sub("\n", text)
    text = _LINK.sub(_link_text, text)
    # Format characters (U+200E in "đăng k\u200eý") break search; NBSP, tabs and other control
    # characters are just spaces.
    text = "".join(
        " " if unicodedata.category(ch) in ("Zs", "Cc") and ch != "\n" else ch
        for ch in text
        if unicodedata.category(ch) != "Cf"
    )
    text = text.replace("**", "")  # Markdown bold from the converter, not portal text
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if text.rstrip(" .").casefold() in _EMPTY:
        return ""
    return unicodedata.normalize("NFC", text)


def _split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _split_sections(lines: list[str]) -> tuple[str, dict[str, list[str]]]:
    """The first ``# `` line and the body lines of each ``## `` section (first one wins)."""
    title, sections, current = "", {}, None
    for line in lines:
        if line.startswith("# ") and not title:
            title = clean(line[2:])
        elif line.startswith("## "):
            name = clean(line[3:]).casefold()
            current = None if name in sections else sections.setdefault(name, [])
        elif current is not None:
            current.append(line)
    return title, sections


def _general_info(lines: list[str]) -> dict[str, str]:
    """``* **Key:** value`` lines; lines that are not keys continue the previous value."""
    raw: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        match = re.match(r"\*\s+\*\*(.+?)\*\*\s*(.*)$", line)
        if match:
            key = clean(match.group(1)).rstrip(" :").casefold()
            current = raw.setdefault(_GENERAL_KEYS.get(key, key), [])
            current.append(match.group(2))
        elif current is not None:
            current.append(line)
    info = {}
    for key, parts in raw.items():
        value = clean("\n".join(parts))
        # Multi-line values arrive wrapped in CSV quotes: "- line 1\n- line 2".
        if len(value) > 1 and value[0] == value[-1] == '"' and '"' not in value[1:-1]:
            value = clean(value[1:-1])
        info[key] = value
    return info


def _split_groups(text: str) -> list[str]:
    """Split "A, B (x, y), Cán bộ, công chức" at commas outside brackets before a capital."""
    groups, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth <= 0 and text[i + 1 : i + 2].isspace():
            rest = text[i + 1 :].lstrip()
            if rest[:1].isupper():
                groups.append(text[start:i])
                start = i + 1
    groups.append(text[start:])
    return [g.strip() for g in groups if g.strip()]


def _levels(level_text: str) -> list[str]:
    """Known levels map to slugs; anything else ("Cơ quan khác") becomes "khac"."""
    levels: list[str] = []
    for part in level_text.split(","):
        if part.strip():
            slug = _LEVELS.get(_SPACES.sub(" ", part).strip().casefold(), "khac")
            if slug not in levels:
                levels.append(slug)
    return levels


def _blocks(lines: list[str]) -> Iterator[tuple[str, object]]:
    """Yield ("heading", text), ("table", rows of raw cells) and ("text", line) in order."""
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("|"):
            table = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                table.append(lines[i].strip())
                i += 1
            body = table[2:] if len(table) > 1 and _SEPARATOR.match(table[1]) else table[1:]
            yield "table", [_cells(row) for row in body]
            continue
        if line.startswith("### "):
            yield "heading", line[4:]
        elif line:
            yield "text", line
        i += 1


def _cells(row: str) -> list[str]:
    row = row.removeprefix("|")
    row = row.removesuffix("|") if row.endswith("|") else row
    return row.split("|")


def _columns(cells: list[str], count: int) -> list[str]:
    """Exactly ``count`` cells; a stray "|" inside the text goes back into the first cell."""
    cells = cells + [""] * (count - len(cells))
    extra = len(cells) - count
    return ["|".join(cells[: extra + 1])] + cells[extra + 1 :]


def _count(value: str) -> int:
    value = clean(value)
    return int(value) if re.fullmatch(r"[0-9]{1,4}", value) else 0


def working_days(time_text: str) -> int | float | None:
    """The processing time in days when ``time_text`` states one clear duration, else None.

    Rule: the whole text is "N ngày" or "N ngày làm việc" (optionally "Không quá N ngày", a final
    "."), N an integer or decimal ("7.5", "7,5"); "N giờ" counts as N/8 days rounded to 2
    decimals. "0 ngày" is the portal's placeholder for "not specified" (its rows say "Không quy
    định"), so it gives None, like free text ("Theo mô tả", ranges, several variants in one cell).
    Calendar "N ngày" and "N ngày làm việc" both give N; ``time_text`` keeps the difference.
    """
    match = _TIME.fullmatch(time_text.strip())
    if not match:
        return None
    number = float(match.group(1).replace(",", "."))
    if match.group(2).casefold() == "giờ":
        number = round(number / 8, 2)
    if number <= 0:
        return None
    return int(number) if number.is_integer() else number


def _time_text(cell: str) -> str:
    text = clean(cell)
    # The converter appends the unit " ngày" even to free text ("Theo mô tả ngày"): drop it
    # when it does not follow a number.
    if text.endswith(" ngày") and not text[:-5].rstrip()[-1:].isdigit():
        text = text[:-5].rstrip()
    return text


def _methods(lines: list[str]) -> list[dict]:
    methods = []
    for kind, rows in _blocks(lines):
        for cells in rows if kind == "table" else []:
            channel, time_cell, fee, description = _columns(cells, 4)
            time_text = _time_text(time_cell)
            methods.append(
                {
                    "channel": clean(channel),
                    "time_text": time_text,
                    "working_days": working_days(time_text),
                    "fee_text": clean(fee),
                    "description": clean(description),
                }
            )
    return methods


def _case_name(heading: str) -> str:
    name = clean(heading)
    name = re.sub(r"^[*+\-]\s*", "", name)  # "* Giấy tờ phải nộp:", "*Lưu ý:"
    return name.rstrip(" :").strip()


def _dossier(lines: list[str]) -> list[dict]:
    """One case per table; a ``### `` heading names only the table right after it.

    The portal writes a heading only for named cases, so a table after another table without its
    own heading is an unnamed case (""). Tables without rows are left out.
    """
    cases, pending = [], None
    for kind, value in _blocks(lines):
        if kind == "heading":
            name = _case_name(value)
            pending = name if pending is None else f"{pending}\n{name}"
        elif kind == "table":
            items = []
            for cells in value:
                name, originals, copies, form = _columns(cells, 4)
                if clean(name):
                    items.append(
                        {
                            "name": clean(name),
                            "originals": _count(originals),
                            "copies": _count(copies),
                            "form": clean(form),
                        }
                    )
            if items:
                cases.append({"case": pending or "", "items": items})
            pending = None
    return cases


def _legal_basis(lines: list[str]) -> list[dict]:
    basis = []
    for kind, rows in _blocks(lines):
        for cells in rows if kind == "table" else []:
            title, number = (clean(c) for c in _columns(cells, 2))
            if title or number:
                basis.append({"title": title, "number": number})
    return basis


def _results(lines: list[str]) -> str:
    """Bullet items without their "(Mã: `…`)" suffix; other lines continue the item above."""
    items: list[str] = []
    for line in lines:
        match = re.match(r"\s*[*\-+]\s+(.*)$", line)
        if match or (line.strip() and not items):
            items.append(match.group(1) if match else line)
        elif line.strip():
            items[-1] += "\n" + line
    items = [clean(_RESULT_CODE.sub("", item)) for item in items]
    return "\n".join(item for item in items if item)


def _steps(lines: list[str]) -> str:
    # The converter numbers the portal's steps as a Markdown list; a lone "1. " says nothing.
    numbered = [i for i, line in enumerate(lines) if re.match(r"[0-9]+\. ", line)]
    if len(numbered) == 1 and lines[numbered[0]].startswith("1. "):
        lines = list(lines)
        lines[numbered[0]] = lines[numbered[0]][3:]
    return clean("\n".join(lines))


def parse_procedure_markdown(text: str, source_name: str = "") -> dict:
    """One procedure as a catalog record (see ``resources/catalog/SOURCE.md``).

    Raises ValueError when the text has no ``# `` title or no usable "Mã thủ tục".
    """
    where = source_name or "<text>"
    title, sections = _split_sections(_split_lines(text))
    if not title:
        raise ValueError(f"{where}: no title (a '# ' line)")
    info = _general_info(sections.get("thông tin chung", []))
    code = info.get("code", "")
    if not code:
        raise ValueError(f"{where}: no procedure code ('Mã thủ tục' in 'Thông tin chung')")
    if not _CODE.fullmatch(code):
        raise ValueError(f"{where}: procedure code {code!r} is not a portal code")
    texts = {key: clean("\n".join(sections.get(name, []))) for name, key in _TEXT_SECTIONS.items()}
    texts["steps"] = _steps(sections.get("trình tự thực hiện", []))
    level_text = info.get("level_text", "")
    return {
        "code": code,
        "name": title,
        "decision_number": info.get("decision_number", ""),
        "levels": _levels(level_text),
        "level_text": level_text,
        "kind": info.get("kind", ""),
        "field": info.get("field", ""),
        "target_groups": _split_groups(info.get("target_groups", "")),
        "competent_agency": info.get("competent_agency", ""),
        "receiving_address": info.get("receiving_address", ""),
        "authorized_agency": info.get("authorized_agency", ""),
        "coordinating_agency": info.get("coordinating_agency", ""),
        "executing_agency": texts["executing_agency"],
        "related_procedures": texts["related_procedures"],
        "steps": texts["steps"],
        "methods": _methods(sections.get("cách thức thực hiện", [])),
        "dossier": _dossier(sections.get("thành phần hồ sơ", [])),
        "legal_basis": _legal_basis(sections.get("căn cứ pháp lý", [])),
        "conditions": texts["conditions"],
        "result": _results(sections.get("kết quả xử lý", [])),
        "keywords": texts["keywords"],
        "description": texts["description"],
        "source_url": PORTAL_URL + code,
        "updated": SNAPSHOT_DATE,
    }


def iter_portal_directory(path: str | Path) -> Iterator[dict]:
    """Parse every ``*.md`` file of ``path`` in file-name order; ValueError names a bad file."""
    for file in sorted(Path(path).glob("*.md")):
        # utf-8-sig: a BOM left by a Windows editor must not end up in the title.
        yield parse_procedure_markdown(file.read_text(encoding="utf-8-sig"), file.name)
