"""Administrative procedures: storing, importing, exporting and searching the catalog."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core import catalog_shape, text
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
    name = text.index_text(row["name"])
    return {
        "title_words": _title_length(name),
        "search_name": name,
        "search_field": text.index_text(row["field"]),
        "search_body": body,
    }


def _title_length(search_name: str) -> int:
    """Words in a name, not counting the "Thủ tục" that only some portal titles start with."""
    words = search_name.split()
    return len(words) - 2 if words[:2] == ["thu", "tuc"] else len(words)


def _stored(row: dict) -> dict:
    stored = dict(row)
    for k in LIST_FIELDS:
        stored[k] = json.dumps(row[k], ensure_ascii=False)
    stored.update(_search_columns(row))
    return stored


def _decode(stored: dict) -> dict:
    hidden = ("id", "title_words")
    row = {k: v for k, v in stored.items() if not k.startswith("search_") and k not in hidden}
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
    new, names = [], []
    for _number, row in rows:
        if row["code"] not in ids:
            new.append(_stored(row))
            names.append(new[-1]["search_name"])
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
            stored = _stored(merged)
            table.update(ids[row["code"]], stored)
            names.append(stored["search_name"])
            report.updated += 1
    table.insert_all(new, batch_size=200)
    report.added += len(new)
    words = {(w,) for name in names for w in name.split()}
    db.conn.executemany("INSERT OR IGNORE INTO procedure_words (word) VALUES (?)", words)
    return report


def _validated(numbered: Iterable[tuple[int, dict]], report: ImportReport) -> list:
    """Normalised rows; bad rows go to the report. Codes must be unique within one file."""
    good, seen = [], {}
    for number, record in numbered:
        shape = catalog_shape.problem(record, TEXT_FIELDS)
        if shape:
            report.reject(number, shape)
            continue
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


_NAME_KEY = 100_000_000  # procedure_names rowid = title_words * _NAME_KEY + procedure id
CANDIDATES = 60  # rows the relaxed retry looks at


def _filters(level: str | None, field: str | None) -> tuple[str, list]:
    sql, params = "", []
    if level:
        sql += " AND p.levels LIKE ?"
        params.append(f'%"{level}"%')
    if field:
        sql += " AND p.field = ?"
        params.append(field)
    return sql, params


def _summaries(db: Database, ids: list[int], match: str) -> list[dict]:
    """Short records for procedure ids, in the order given."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {
        row[0]: {"code": row[1], "name": row[2], "field": row[3], "levels": json.loads(row[4])}
        for row in db.execute(
            f"SELECT id, code, name, field, levels FROM procedures WHERE id IN ({marks})", ids
        )
    }
    return [dict(found[i], match=match) for i in ids if i in found]


def _shortest_names(db: Database, expression: str, where: str, params: list, limit: int):
    """Ids of procedures whose name holds every term, shortest name first. procedure_names is
    keyed in that order, so FTS5 stops after `limit` rows instead of ranking every match."""
    if where:
        sql = (
            f"SELECT p.id FROM procedure_names n JOIN procedures p ON p.id = n.rowid % {_NAME_KEY}"
            f" WHERE procedure_names MATCH ?{where} ORDER BY n.rowid LIMIT ?"
        )
    else:
        sql = (
            f"SELECT rowid % {_NAME_KEY} FROM procedure_names WHERE procedure_names MATCH ?"
            " ORDER BY rowid LIMIT ?"
        )
    return [r[0] for r in db.execute(sql, [expression, *params, limit])]


def _best_ranked(db: Database, expression: str, where: str, params: list, limit: int):
    """Ids by bm25 over name, field and body, the name weighted highest."""
    rank = "bm25(procedures_fts, {}, {}, {})".format(*BM25_WEIGHTS)
    if where:
        sql = (
            "SELECT p.id FROM procedures_fts f JOIN procedures p ON p.id = f.rowid"
            f" WHERE procedures_fts MATCH ?{where} ORDER BY {rank} LIMIT ?"
        )
    else:  # only rowids: reading whole procedure rows for every match is what costs
        sql = (
            f"SELECT rowid FROM procedures_fts WHERE procedures_fts MATCH ? ORDER BY {rank} LIMIT ?"
        )
    return [r[0] for r in db.execute(sql, [expression, *params, limit])]


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
    "… khai sinh lưu động"; then the rest by bm25 over name, field and body. When nothing holds
    every word, the result is approximate: the procedures holding most of the words, or, for a
    typo, the query with each unknown word replaced by the nearest word of the catalog's names."""
    where, params = _filters(level, field)
    code = _CODE_IN_QUERY.search(query)
    if code:
        sql = f"SELECT p.id FROM procedures p WHERE p.code = ?{where}"
        ids = [r[0] for r in db.execute(sql, [code.group(), *params])]
        if ids:
            return SearchResult(_summaries(db, ids, "code"))
    abbreviations = text.Abbreviations.shipped()
    terms = text.query_terms(query, abbreviations)
    if not terms:
        return SearchResult([])
    ids = _every_word(db, terms, where, params, limit)
    if ids:
        return SearchResult(_summaries(db, ids, "text"))
    ids = _most_words(db, terms, where, params, limit)
    if ids:
        return SearchResult(_summaries(db, ids, "most_words"), approximate=True)
    corrected = _corrected(db, query)
    if corrected:
        terms = text.query_terms(corrected, abbreviations)
        ids = _every_word(db, terms, where, params, limit)
    return SearchResult(_summaries(db, ids, "approximate"), approximate=True)


def _every_word(db: Database, terms: list, where: str, params: list, limit: int) -> list[int]:
    expression = " AND ".join(t.fts() for t in terms)
    ids = _shortest_names(db, expression, where, params, limit)
    if len(ids) < limit:
        seen = set(ids)
        rest = _best_ranked(db, expression, where, params, limit + len(ids))
        ids += [i for i in rest if i not in seen][: limit - len(ids)]
    return ids


def _most_words(db: Database, terms: list, where: str, params: list, limit: int) -> list[int]:
    """Nothing holds every word ("làm CCCD cho trẻ": no title says "làm"): the procedures that
    hold most of them, at least half and at least two, so one common word is never enough."""
    needed = max(2, -(-len(terms) // 2))
    if len(terms) < needed:
        return []
    any_word = " OR ".join(t.fts() for t in terms)
    ids = _best_ranked(db, any_word, where, params, CANDIDATES)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    words = dict(
        db.execute(
            "SELECT id, search_name || ' | ' || search_field || ' ' || search_body"
            f" FROM procedures WHERE id IN ({marks})",
            ids,
        )
    )
    scored = []
    for rank, pid in enumerate(ids):
        name, _, rest = words[pid].partition(" | ")
        in_name = sum(term.found_in(name) for term in terms)
        found = sum(term.found_in(f"{name} {rest}") for term in terms)
        if found >= needed:
            scored.append((-in_name, -found, rank, pid))
    return [pid for *_, pid in sorted(scored)[:limit]]


TYPO_MIN_SIMILARITY = 75


def _corrected(db: Database, query: str) -> str | None:
    """The query with each word no procedure name has replaced by the nearest one that some
    name has ("khai snh" → "khai sinh"), or None when no word could be corrected."""
    from rapidfuzz import fuzz, process

    toks = text.tokens(query)
    known = "SELECT 1 FROM procedure_words WHERE word = ?"
    unknown = [i for i, t in enumerate(toks) if not db.execute(known, [t]).fetchone()]
    if not unknown:
        return None
    vocabulary = [r[0] for r in db.execute("SELECT word FROM procedure_words")]
    changed = False
    for i in unknown:
        if len(toks[i]) < 3 or toks[i].isdigit():
            continue
        best = process.extractOne(
            toks[i], vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_MIN_SIMILARITY
        )
        if best:
            toks[i], changed = best[0], True
    return " ".join(toks) + " " if changed else None
