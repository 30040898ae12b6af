"""Administrative procedures: storing, importing, exporting and searching the catalog."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.tabular import BadInputError, ImportReport, records

CATALOG_FORMAT = "supportdesk-catalog/1"
CODE_RE = re.compile(r"^\d{1,2}\.\d{6}$")
_CODE_IN_QUERY = re.compile(r"\b\d{1,2}\.\d{6}\b")

TEXT_FIELDS = (
    "name", "level_text", "kind", "field", "competent_agency", "receiving_address",
    "authorized_agency", "coordinating_agency", "executing_agency", "related_procedures",
    "steps", "conditions", "result", "keywords", "description", "decision_number",
    "issuing_agency", "source_url", "updated",
)  # fmt: skip
LIST_FIELDS = ("levels", "target_groups", "methods", "dossier", "legal_basis")
DETAIL_MARKERS = ("steps", "methods", "dossier")  # a record with any of these is a full record
NO_INFO = {"không có thông tin", "không có"}  # the portal's "no value", stored as empty

# Column titles of the portal's "DANH SÁCH THỦ TỤC HÀNH CHÍNH" export and of plain CSV lists.
LIST_COLUMNS = {
    text.fold(title): name
    for name, titles in {
        "code": ["Mã số", "Mã thủ tục", "Mã TTHC", "code"],
        "name": ["Tên", "Tên thủ tục", "Tên TTHC", "name"],
        "issuing_agency": ["Cơ quan ban hành", "issuing_agency"],
        "executing_agency": ["Cơ quan thực hiện", "executing_agency"],
        "field": ["Lĩnh vực", "field"],
        "level_text": ["Cấp thực hiện", "level", "level_text"],
    }.items()
    for title in titles
}
LEVEL_KEYS = {"cap xa": "xa", "cap tinh": "tinh", "cap bo": "bo", "cap huyen": "huyen"}
# Search weights: the name counts far above the field, the field above the rest.
BM25_WEIGHTS = (10.0, 3.0, 1.0)


@dataclass
class SearchResult:
    items: list[dict]
    approximate: bool = False  # nothing matched exactly: these are the nearest names


# ---------------------------------------------------------------- normalising records


def _clean_value(value: object) -> object:
    """NFC and tidy every string inside a value; "Không có thông tin" becomes empty."""
    if isinstance(value, str):
        cleaned = text.clean(value)
        return "" if len(cleaned) < 20 and cleaned.casefold() in NO_INFO else cleaned
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_value(v) for k, v in value.items()}
    return value


def levels_from_text(level_text: str) -> list[str]:
    folded = [text.fold(part) for part in re.split(r"[,;\n]", level_text)]
    return [LEVEL_KEYS[p] for p in folded if p in LEVEL_KEYS]


def normalise(record: dict) -> dict:
    """A record as stored: known fields only, clean text, and derived search columns."""
    row = {k: _clean_value(record.get(k) or "") for k in TEXT_FIELDS}
    row["code"] = text.clean(record.get("code") or "")
    for k in LIST_FIELDS:
        row[k] = _clean_value(record.get(k) or [])
    if not row["levels"] and row["level_text"]:
        row["levels"] = levels_from_text(row["level_text"])
    row["has_details"] = int(any(record.get(k) for k in DETAIL_MARKERS))
    return row


def _search_columns(row: dict) -> dict:
    dossier_names = [item.get("name", "") for case in row["dossier"] for item in case["items"]]
    body = text.index_text(
        row["code"], row["kind"], " ".join(row["target_groups"]), row["competent_agency"],
        row["executing_agency"], row["issuing_agency"], row["result"], row["keywords"],
        row["description"], " ".join(dossier_names),
    )  # fmt: skip
    return {
        "search_name": text.index_text(row["name"]),
        "search_field": text.index_text(row["field"]),
        "search_body": body,
    }


def _stored(row: dict) -> dict:
    stored = dict(row)
    for k in LIST_FIELDS:
        stored[k] = json.dumps(row[k], ensure_ascii=False)
    stored.update(_search_columns(row))
    return stored


def _decode(stored: dict) -> dict:
    row = {k: v for k, v in stored.items() if not k.startswith("search_") and k != "id"}
    for k in LIST_FIELDS:
        row[k] = json.loads(row[k] or "[]")
    return row


# ---------------------------------------------------------------- writing


def upsert(db: Database, rows: Iterable[tuple[int, dict]], report: ImportReport) -> ImportReport:
    """Add or update normalised records by code, in the caller's transaction.

    A list-only record (no steps, methods or dossier) never erases details already known: only
    the values it carries are written."""
    table = db["procedures"]
    ids = dict(db.execute("SELECT code, id FROM procedures"))
    new = []
    for _number, row in rows:
        if row["code"] not in ids:
            new.append(_stored(row))
            continue
        existing = get(db, row["code"])
        if row["has_details"]:
            merged = row
        else:
            merged = dict(existing)
            merged.update({k: v for k, v in row.items() if v and k != "has_details"})
        if merged == existing:
            report.unchanged += 1
        else:
            table.update(ids[row["code"]], _stored(merged))
            report.updated += 1
    table.insert_all(new, batch_size=200)
    report.added += len(new)
    return report


def _validated(numbered: Iterable[tuple[int, dict]], report: ImportReport) -> list:
    """Normalised rows; bad rows go to the report. Codes must be unique within one file."""
    good, seen = [], {}
    for number, record in numbered:
        row = normalise(record)
        if not CODE_RE.match(row["code"]):
            report.reject(number, f"mã thủ tục không hợp lệ: {row['code'] or '(trống)'}")
        elif not row["name"]:
            report.reject(number, f"thiếu tên thủ tục {row['code']}")
        elif row["code"] in seen:
            report.reject(number, f"mã {row['code']} lặp lại (đã có ở dòng {seen[row['code']]})")
        else:
            seen[row["code"]] = number
            good.append((number, row))
    return good


def import_records(db: Database, numbered: Iterable[tuple[int, dict]]) -> ImportReport:
    """All-or-nothing: when any row is rejected, nothing is written and the report says why."""
    report = ImportReport()
    good = _validated(numbered, report)
    if report.rejected:
        return report
    with db.atomic():
        upsert(db, good, report)
    return report


def import_file(db: Database, path: Path | str) -> ImportReport:
    """Import a catalog file: the project's JSON, the portal's Excel list export, or CSV."""
    path = Path(path)
    if not path.is_file():
        raise BadInputError(path, "không tìm thấy tệp")
    if path.suffix.lower() == ".json":
        numbered = list(enumerate(_read_catalog_json(path), start=1))
    else:
        numbered = list(records(path, LIST_COLUMNS, required={"code", "name"}))
    return import_records(db, numbered)


def _read_catalog_json(path: Path) -> list[dict]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(path, f"JSON hỏng: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != CATALOG_FORMAT:
        raise BadInputError(path, f"không phải danh mục định dạng {CATALOG_FORMAT}")
    procedures = doc.get("procedures")
    if not isinstance(procedures, list) or not all(isinstance(p, dict) for p in procedures):
        raise BadInputError(path, "trường 'procedures' phải là một danh sách đối tượng")
    return procedures


def load_shipped_catalog(db: Database) -> ImportReport:
    from supportdesk.paths import resource

    report = import_file(db, resource("catalog", "procedures.json"))
    if report.rejected:
        raise RuntimeError(f"shipped catalog has bad rows: {report.rejected[:3]}")
    return report


def export_file(db: Database, path: Path | str, version: str = "") -> int:
    procedures = [{k: v for k, v in p.items() if k != "has_details"} for p in all_procedures(db)]
    doc = {"format": CATALOG_FORMAT, "version": version, "procedures": procedures}
    Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(procedures)


# ---------------------------------------------------------------- reading


def get(db: Database, code: str) -> dict | None:
    found = db.execute("SELECT * FROM procedures WHERE code = ?", [text.clean(code)])
    columns = [d[0] for d in found.description]
    row = found.fetchone()
    return _decode(dict(zip(columns, row))) if row else None


def all_procedures(db: Database) -> list[dict]:
    return [_decode(r) for r in db["procedures"].rows_where(order_by="code")]


def count(db: Database) -> int:
    return db["procedures"].count


def fields(db: Database) -> list[str]:
    rows = db.execute("SELECT DISTINCT field FROM procedures WHERE field != '' ORDER BY field")
    return [r[0] for r in rows]


_SUMMARY = "p.code, p.name, p.field, p.levels, p.search_name"
NAME_CANDIDATES = 60  # name matches re-ranked in Python; bm25 picks them from all matches


def _filters(level: str | None, field: str | None) -> tuple[str, list]:
    sql, params = "", []
    if level:
        sql += " AND p.levels LIKE ?"
        params.append(f'%"{level}"%')
    if field:
        sql += " AND p.field = ?"
        params.append(field)
    return sql, params


def _summary(row: tuple, match: str) -> dict:
    code, name, field, levels = row[:4]
    levels = json.loads(levels)
    return {"code": code, "name": name, "field": field, "levels": levels, "match": match}


def _title_length(search_name: str) -> int:
    """Words in a name, not counting the "Thủ tục" that only some portal titles start with."""
    words = search_name.split()
    return len(words) - 2 if words[:2] == ["thu", "tuc"] else len(words)


def _ranked(
    db: Database, expression: str, where: str, params: list, limit: int, extra: str = ""
) -> list:
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    sql = (
        f"SELECT {_SUMMARY}{extra} FROM procedures_fts f JOIN procedures p ON p.id = f.rowid "
        f"WHERE procedures_fts MATCH ?{where} "
        f"ORDER BY bm25(procedures_fts, {weights}) LIMIT ?"
    )
    return db.execute(sql, [expression, *params, limit]).fetchall()


def search(
    db: Database,
    query: str,
    *,
    limit: int = 20,
    level: str | None = None,
    field: str | None = None,
) -> SearchResult:
    """Procedures for what a person typed, best first.

    A procedure code in the query is looked up exactly. Otherwise procedures whose name holds
    every word come first, the shortest (most general) name first, so "đăng ký khai sinh" beats
    "… khai sinh lưu động"; then the rest by bm25 over name, field and body. When nothing
    matches, the nearest names by edit similarity are returned, marked approximate."""
    where, params = _filters(level, field)
    code = _CODE_IN_QUERY.search(query)
    if code:
        sql = f"SELECT {_SUMMARY} FROM procedures p WHERE p.code = ?{where}"
        rows = db.execute(sql, [code.group(), *params]).fetchall()
        if rows:
            return SearchResult([_summary(r, "code") for r in rows])
    terms = text.query_terms(query, text.Abbreviations.shipped())
    if not terms:
        return SearchResult([])
    expression = " AND ".join(t.fts() for t in terms)
    in_name = _ranked(db, f"search_name : ({expression})", where, params, NAME_CANDIDATES)
    in_name.sort(key=lambda r: _title_length(r[4]))  # stable: bm25 order breaks ties
    rows = in_name[:limit]
    if len(rows) < limit:
        seen = {r[0] for r in rows}
        rest = _ranked(db, expression, where, params, limit + len(rows))
        rows += [r for r in rest if r[0] not in seen][: limit - len(rows)]
    if rows:
        return SearchResult([_summary(r, "text") for r in rows])
    rows = _most_words(db, terms, where, params, limit)
    if rows:
        return SearchResult([_summary(r, "most_words") for r in rows], approximate=True)
    return SearchResult(_nearest(db, query, limit, where, params), approximate=True)


def _most_words(db: Database, terms: list, where: str, params: list, limit: int) -> list:
    """Nothing holds every word ("làm CCCD cho trẻ": no title says "làm"): the procedures that
    hold most of them, at least half and at least two, so one common word is never enough."""
    needed = max(2, -(-len(terms) // 2))
    if len(terms) < needed:
        return []
    any_word = " OR ".join(t.fts() for t in terms)
    extra = ", p.search_field || ' ' || p.search_body"
    scored = []
    for rank, row in enumerate(_ranked(db, any_word, where, params, NAME_CANDIDATES, extra)):
        in_name = sum(term.found_in(row[4]) for term in terms)
        found = sum(term.found_in(f"{row[4]} {row[5]}") for term in terms)
        if found >= needed:
            scored.append((-in_name, -found, rank, row))
    return [row for *_, row in sorted(scored)[:limit]]


APPROXIMATE_MIN_SCORE = 70


def _nearest(db: Database, query: str, limit: int, where: str, params: list) -> list[dict]:
    from rapidfuzz import fuzz, process

    folded = text.index_text(query)
    if len(folded) < 3:
        return []
    rows = db.execute(
        f"SELECT {_SUMMARY}, p.search_name FROM procedures p WHERE 1{where}", params
    ).fetchall()
    best = process.extract(
        folded,
        [r[4] for r in rows],
        scorer=fuzz.partial_ratio,
        limit=None,
        score_cutoff=APPROXIMATE_MIN_SCORE,
    )
    # Equal similarity: the shorter, more general name first, as in the exact search.
    best.sort(key=lambda hit: (-hit[1], _title_length(rows[hit[2]][4])))
    return [_summary(rows[index], "approximate") for _, _, index in best[:limit]]
