"""Articles in and out of files: `supportdesk-kb/1` JSON, the starter content, the hub catalog.

The file carries the articles and, explicitly, the uuids the province has retired: a hash alone
cannot tell a desk that an article was withdrawn. An import is all-or-nothing: every article is
checked first, and a file with one bad article changes nothing (its number is reported)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core.calendar import now_utc, to_iso
from supportdesk.core.kb import model, store
from supportdesk.core.tabular import BadInputError, ImportReport, decode_text_file

EXPORTED = (
    "uuid", "title", "symptoms", "steps", "topics", "systems", "procedures", "audience",
    "source", "status", "origin", "sample", "notes", "updated_at",
)  # fmt: skip


def document(articles: list[dict], *, version: str = "", retired: list[str] = ()) -> dict:
    return {
        "format": model.FORMAT,
        "version": version,
        "articles": [{k: a.get(k) for k in EXPORTED} for a in articles],
        "retired": list(retired),
    }


def export_file(db: Database, path: Path, *, include_retired: bool = False) -> int:
    """Write the store's articles (not the retired ones unless asked); how many were written."""
    articles = store.listing(db)
    retired = [a["uuid"] for a in store.listing(db, status="retired")]
    if include_retired:
        articles += store.listing(db, status="retired")
        retired = []
    doc = document(articles, version=to_iso(now_utc()), retired=retired)
    Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(articles)


def read(path: Path) -> dict:
    try:
        doc = json.loads(decode_text_file(Path(path)))
    except json.JSONDecodeError as exc:
        raise BadInputError(path, f"không phải JSON ({exc.msg}, dòng {exc.lineno})") from exc
    if not isinstance(doc, dict) or doc.get("format") != model.FORMAT:
        raise BadInputError(path, f"không phải tệp bài viết {model.FORMAT}")
    if not isinstance(doc.get("articles"), list) or not isinstance(doc.get("retired", []), list):
        raise BadInputError(path, "“articles” và “retired” phải là danh sách")
    return doc


def import_file(
    db: Database, path: Path, *, origin: str | None = None, now: datetime | None = None
) -> ImportReport:
    """Add or update articles by uuid and retire the uuids listed; all or nothing.

    `origin` forces where the articles come from ("province" for the hub's catalog)."""
    return import_document(db, read(path), origin=origin, now=now)


def import_document(
    db: Database, doc: dict, *, origin: str | None = None, now: datetime | None = None
) -> ImportReport:
    report = ImportReport()
    checked = []
    for number, record in enumerate(doc["articles"], start=1):
        if not isinstance(record, dict):
            report.reject(number, "bài viết phải là một đối tượng JSON")
            continue
        if origin:
            record = {**record, "origin": origin}
        try:
            checked.append((number, store.prepared(db, record), record.get("updated_at")))
        except model.KbError as exc:
            report.reject(number, str(exc))
    retired = [str(u) for u in doc.get("retired", [])]
    if report.rejected:
        return report
    stamp = now or now_utc()
    with db.atomic():
        for number, row, updated_at in checked:
            _upsert(db, row, updated_at or to_iso(stamp), report, number)
        for uuid in retired:
            current = store.get(db, uuid)
            if current is not None and current["status"] != "retired":
                store.set_status(db, current["id"], "retired", now=stamp)
                report.updated += 1
    return report


def _upsert(db: Database, row: dict, updated_at: str, report: ImportReport, number: int) -> None:
    uuid = row.get("uuid")
    current = store.get(db, uuid) if uuid else None
    if current is None:
        article = store.add(db, row)
        db.execute(
            "UPDATE kb_articles SET updated_at = ? WHERE id = ?", [updated_at, article["id"]]
        )
        report.added += 1
        return
    changes = {k: v for k, v in row.items() if current.get(k) != v and k != "uuid"}
    if "sample" in changes:
        changes["sample"] = bool(changes["sample"])
        if changes["sample"] == current["sample"]:
            del changes["sample"]
    if not changes:
        report.unchanged += 1
        return
    store.update(db, current["id"], changes)
    db.execute("UPDATE kb_articles SET updated_at = ? WHERE id = ?", [updated_at, current["id"]])
    report.updated += 1


def import_province(db: Database, path: Path) -> ImportReport:
    """The hub's `kb` catalog: the province's articles, installed by core.sync.catalogs."""
    return import_file(db, path, origin="province")


def load_starter(db: Database) -> int:
    """The shipped starter articles (samples for the province to review); keeps local edits."""
    from supportdesk.paths import resource

    doc = read(resource("kb", "starter.json"))
    fresh = {**doc, "articles": [a for a in doc["articles"] if store.find(db, a["uuid"]) is None]}
    report = import_document(db, fresh)
    if report.rejected:  # shipped data must pass its own gate: say so loudly, never half-load
        raise ValueError(f"starter.json: {report.rejected[0]}")
    return report.added
