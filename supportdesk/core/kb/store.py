"""Storing articles: add, edit, change status, read, list. Each write is one transaction."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from supportdesk.core.calendar import now_utc, to_iso
from supportdesk.core.kb.model import KbError, from_row, new_uuid, search_columns, to_row, validated


def _categories(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT code, name FROM categories"))


def prepared(db: Database, record: dict, *, partial: bool = False) -> dict:
    """A record validated against this store's topics."""
    return validated(record, categories=set(_categories(db)), partial=partial)


def _insert(db: Database, row: dict) -> int:
    names = ", ".join(row)
    marks = ", ".join(f":{k}" for k in row)
    return db.execute(f"INSERT INTO kb_articles ({names}) VALUES ({marks})", row).lastrowid


def add(db: Database, record: dict, *, now: datetime | None = None) -> dict:
    """A new article (a draft of this commune unless the record says otherwise)."""
    row = prepared(db, record)
    stamp = to_iso(now or now_utc())
    row.setdefault("uuid", new_uuid())
    row.setdefault("sample", 0)
    row.update(search_columns(row, _categories(db)), created_at=stamp, updated_at=stamp)
    with db.atomic():
        if find(db, row["uuid"]) is not None:
            raise KbError(f"đã có bài viết mã {row['uuid']}")
        article_id = _insert(db, to_row(row))
    return get(db, article_id)


def update(db: Database, ref: str | int, changes: dict, *, now: datetime | None = None) -> dict:
    """Edit the fields given; the shadow columns and updated_at follow."""
    with db.atomic():
        current = get(db, ref)
        if current is None:
            raise KbError(f"không có bài viết {ref}")
        edits = prepared(db, {k: v for k, v in changes.items() if k != "uuid"}, partial=True)
        merged = {**current, **edits}
        edits.update(search_columns(merged, _categories(db)))
        edits["updated_at"] = to_iso(now or now_utc())
        sets = ", ".join(f"{k} = :{k}" for k in edits)
        db.execute(
            f"UPDATE kb_articles SET {sets} WHERE id = :id", {**to_row(edits), "id": current["id"]}
        )
    return get(db, current["id"])


def set_status(db: Database, ref: str | int, status: str, *, now=None) -> dict:
    return update(db, ref, {"status": status}, now=now)


def find(db: Database, ref: str | int) -> int | None:
    """The local id of an article named by its id or its uuid."""
    ref = str(ref).strip()
    if ref.isdigit():
        found = db.execute("SELECT id FROM kb_articles WHERE id = ?", [int(ref)]).fetchone()
    else:
        found = db.execute("SELECT id FROM kb_articles WHERE uuid = ?", [ref.lower()]).fetchone()
    return found[0] if found else None


def _rows(db: Database, where: str, params: list) -> list[dict]:
    cursor = db.execute(f"SELECT * FROM kb_articles WHERE {where}", params)
    columns = [d[0] for d in cursor.description]
    return [from_row(dict(zip(columns, r))) for r in cursor.fetchall()]


def get(db: Database, ref: str | int) -> dict | None:
    article_id = find(db, ref)
    if article_id is None:
        return None
    return _rows(db, "id = ?", [article_id])[0]


def many(db: Database, ids: list[int]) -> list[dict]:
    """Articles by id, in the order given."""
    if not ids:
        return []
    found = {a["id"]: a for a in _rows(db, f"id IN ({','.join('?' * len(ids))})", list(ids))}
    return [found[i] for i in ids if i in found]


def listing(
    db: Database, *, status: str | None = None, origin: str | None = None, topic: str | None = None
) -> list[dict]:
    """Articles newest first; retired ones only when asked for by status."""
    where, params = ["1"], []
    if status:
        where.append("status = ?")
        params.append(status)
    else:
        where.append("status != 'retired'")
    if origin:
        where.append("origin = ?")
        params.append(origin)
    if topic:
        where.append("EXISTS (SELECT 1 FROM json_each(topics) WHERE value = ?)")
        params.append(topic)
    return _rows(db, " AND ".join(where) + " ORDER BY updated_at DESC, id DESC", params)
