"""Administrative procedures: storing, importing and exporting (searching: searching)."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.catalog import changes
from supportdesk.core.catalog import shape as catalog_shape
from supportdesk.core.catalog.searching import title_length
from supportdesk.core.tabular import BadInputError, ImportReport, records

CATALOG_FORMAT = "supportdesk-catalog/1"
SHIPPED = ("catalog", "procedures.json.gz")  # resource path of the shipped catalog
CODE_RE = re.compile(r"^\d{1,2}\.\d{6}$")

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
        "title_words": title_length(name),
        "search_name": name,
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
    if new or report.updated:
        changes.mark(db)
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


def is_catalog_json(path: Path) -> bool:
    """The project's JSON, plain or gzip-compressed (what `catalog export` writes)."""
    name = path.name.lower()
    return name.endswith(".json") or name.endswith(".json.gz")


def import_file(db: Database, path: Path | str) -> ImportReport:
    """Import a catalog file: the project's JSON (.json or .json.gz), the portal's Excel list
    export, or CSV."""
    path = Path(path)
    if path.is_dir():
        raise BadInputError(path, "đây là một thư mục, không phải tệp; hãy chọn một tệp")
    if not path.is_file():
        raise BadInputError(path, "không tìm thấy tệp")
    if is_catalog_json(path):
        numbered = list(enumerate(read_catalog(path)["procedures"], start=1))
    else:
        numbered = list(records(path, LIST_COLUMNS, required={"code", "name"}))
    return import_records(db, numbered)


def read_catalog(path: Path | str) -> dict:
    """The catalog document of a .json or .json.gz file, its shape checked."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":  # gzip magic: a .json.gz (or a compressed file renamed)
            raw = gzip.decompress(raw)
        doc = json.loads(raw.decode("utf-8-sig"))
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise BadInputError(path, f"tệp nén hỏng: {exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(path, f"JSON hỏng: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != CATALOG_FORMAT:
        raise BadInputError(path, f"không phải danh mục định dạng {CATALOG_FORMAT}")
    procedures = doc.get("procedures")
    if not isinstance(procedures, list) or not all(isinstance(p, dict) for p in procedures):
        raise BadInputError(path, "trường 'procedures' phải là một danh sách đối tượng")
    return doc


def shipped_catalog() -> dict:
    """The catalog document shipped in resources/ (every procedure of the portal snapshot)."""
    from supportdesk.paths import resource

    return read_catalog(resource(*SHIPPED))


def load_shipped_catalog(db: Database) -> ImportReport:
    """Seeder (core.store): the shipped catalog into a new store — copied from the prebuilt pack
    when it matches (well under a second), else imported the ordinary way (same result)."""
    from supportdesk.core.catalog import shipped
    from supportdesk.paths import resource

    catalog_file = resource(*SHIPPED)
    try:
        pack = resource(*shipped.PACK)
    except FileNotFoundError:
        pack = None
    report = shipped.load_pack(db, pack, catalog_file) if pack else None
    if report is None:
        report = import_file(db, catalog_file)
    if report.rejected:
        raise RuntimeError(f"shipped catalog has bad rows: {report.rejected[:3]}")
    return report


def export_file(db: Database, path: Path | str, version: str = "") -> int:
    """Write every procedure as the project's JSON; a name ending in .gz is gzip-compressed."""
    procedures = [{k: v for k, v in p.items() if k != "has_details"} for p in all_procedures(db)]
    doc = {"format": CATALOG_FORMAT, "version": version, "procedures": procedures}
    data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    path = Path(path)
    if path.name.lower().endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    path.write_bytes(data)
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
