"""Migration m008: the tables of replication, and a desk's history made ready to join a team.

A desk used alone for months gets a desk id; its requests get global ids and keep their tickets
(citizens hold them on receipts); its events get stamps in the order they were written, and
each enters the change feed under this desk, so the first sync sends the whole history. The
first event of each request carries the request as it stands (the replay starts from it)."""

from __future__ import annotations

import json
import uuid

from sqlite_utils import Database

from supportdesk.core.calendar import from_iso
from supportdesk.core.team import clock

_SCHEMA = (
    # Every replicated item: a request event, a directory entry, an article, a member.
    # (origin, seq) numbers each desk's own items 1, 2, 3 …; a desk always holds, for every
    # origin, an unbroken prefix, so the highest seq per origin is its version vector.
    """CREATE TABLE team_feed (
        origin TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        uid TEXT NOT NULL,
        hlc INTEGER NOT NULL,
        body TEXT,
        PRIMARY KEY (origin, seq)
    )""",
    "CREATE INDEX idx_team_feed_hlc ON team_feed (hlc)",
    "CREATE INDEX idx_team_feed_uid ON team_feed (kind, uid)",
    # This desk's own id: one row, made here, never changed (not even by joining a team).
    "CREATE TABLE team_self (desk_id TEXT PRIMARY KEY)",
    # The team's desks as this desk knows them (replicated as `member` items).
    """CREATE TABLE team_desks (
        desk_id TEXT PRIMARY KEY,
        mark TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        hlc INTEGER NOT NULL DEFAULT 0
    )""",
    "ALTER TABLE requests ADD COLUMN uid TEXT",
    "ALTER TABLE requests ADD COLUMN origin_desk TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE request_events ADD COLUMN uid TEXT",
    "ALTER TABLE request_events ADD COLUMN desk_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE request_events ADD COLUMN hlc INTEGER NOT NULL DEFAULT 0",
    # JSON: the request's fields as this event set them (the replay applies these in order).
    "ALTER TABLE request_events ADD COLUMN payload TEXT NOT NULL DEFAULT '{}'",
    # Tickets are unique per desk: two desks used alone both had a number 123.
    "DROP INDEX IF EXISTS idx_requests_commune_code_year_seq",
)
_INDEXES = (
    "CREATE UNIQUE INDEX idx_requests_uid ON requests (uid)",
    "CREATE UNIQUE INDEX idx_requests_desk_seq ON requests (commune_code, origin_desk, year, seq)",
    "CREATE UNIQUE INDEX idx_request_events_uid ON request_events (uid)",
    "CREATE INDEX idx_request_events_order ON request_events (request_id, hlc, desk_id, uid)",
)
_NOT_COPIED = ("id", "search_text")


def new_uid() -> str:
    return uuid.uuid4().hex


def upgrade(db: Database) -> None:
    for statement in _SCHEMA:
        db.execute(statement)
    desk = new_uid()
    db.execute("INSERT INTO team_self (desk_id) VALUES (?)", [desk])
    db.execute("UPDATE requests SET uid = lower(hex(randomblob(16))), origin_desk = ?", [desk])
    _events_for_silent_requests(db)
    _stamp_events(db, desk)
    for statement in _INDEXES:
        db.execute(statement)


def _events_for_silent_requests(db: Database) -> None:
    """A request written without any event (by hand, by an old tool) still needs one to travel."""
    db.execute(
        "INSERT INTO request_events (request_id, at, actor, action, to_status, changes) "
        "SELECT r.id, r.created_at, 'system', 'created', r.status, '{}' FROM requests r "
        "WHERE NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id)"
    )


def _stamp_events(db: Database, desk: str) -> None:
    first_of = dict(
        db.execute("SELECT request_id, min(id) FROM request_events GROUP BY request_id")
    )
    firsts = {event_id: request_id for request_id, event_id in first_of.items()}
    last = 0
    updates, feed = [], []
    rows = db.execute("SELECT id, at FROM request_events ORDER BY id").fetchall()
    for seq, (event_id, at) in enumerate(rows, start=1):
        try:
            wall = clock.milliseconds(clock.from_moment(from_iso(at)))
        except (TypeError, ValueError):
            wall = 0
        last = clock.following(last, wall)
        uid = new_uid()
        payload = _snapshot(db, firsts[event_id]) if event_id in firsts else "{}"
        updates.append((uid, desk, last, payload, event_id))
        feed.append((desk, seq, "event", uid, last))
    db.conn.executemany(
        "UPDATE request_events SET uid = ?, desk_id = ?, hlc = ?, payload = ? WHERE id = ?",
        updates,
    )
    db.conn.executemany(
        "INSERT INTO team_feed (origin, seq, kind, uid, hlc) VALUES (?, ?, ?, ?, ?)", feed
    )


def _snapshot(db: Database, request_id: int) -> str:
    cursor = db.execute("SELECT * FROM requests WHERE id = ?", [request_id])
    names = [d[0] for d in cursor.description]
    row = dict(zip(names, cursor.fetchone()))
    return json.dumps({k: v for k, v in row.items() if k not in _NOT_COPIED}, ensure_ascii=False)
