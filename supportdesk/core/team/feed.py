"""The change feed: what this desk holds, numbered per desk of origin.

Each item is (origin desk, seq, kind, uid, hlc, body). A desk numbers its own items 1, 2, 3 …
and always holds an unbroken prefix of every other desk's numbers (merge refuses gaps), so the
highest seq per origin — the version vector — says exactly what it has, and a peer sends only
the items above it. Items go out in stamp order: whatever an item depends on (the request an
event belongs to) was stamped earlier and arrives first, even across origins."""

from __future__ import annotations

import heapq
import json

from sqlite_utils import Database

from supportdesk.core.team import clock
from supportdesk.core.team.backfill import new_uid

PAGE = 500  # items per page: one transaction each, short enough not to hold up the counter


def desk_id(db: Database) -> str:
    """This desk's stable id (made by migration m008; never changes, not even on joining)."""
    return db.execute("SELECT desk_id FROM team_self").fetchone()[0]


def stamp(db: Database) -> dict:
    """A new item's identity: uid, this desk, and the next clock stamp."""
    return {"uid": new_uid(), "desk_id": desk_id(db), "hlc": clock.tick(db)}


def append_local(db: Database, kind: str, stamped: dict, body: dict | None = None) -> int:
    """Record one of this desk's own changes in the feed (inside the caller's transaction)."""
    origin = stamped["desk_id"]
    seq = db.execute(
        "SELECT coalesce(max(seq), 0) + 1 FROM team_feed WHERE origin = ?", [origin]
    ).fetchone()[0]
    db.execute(
        "INSERT INTO team_feed (origin, seq, kind, uid, hlc, body) VALUES (?, ?, ?, ?, ?, ?)",
        [origin, seq, kind, stamped["uid"], stamped["hlc"], dump(body)],
    )
    return seq


def dump(body: dict | None) -> str | None:
    return None if body is None else json.dumps(body, ensure_ascii=False, sort_keys=True)


def vector(db: Database) -> dict[str, int]:
    """{origin desk: highest seq held}."""
    return dict(db.execute("SELECT origin, max(seq) FROM team_feed GROUP BY origin"))


def count_missing(db: Database, known: dict[str, int]) -> int:
    mine = vector(db)
    return sum(max(0, top - int(known.get(origin, 0))) for origin, top in mine.items())


def items_since(
    db: Database, known: dict[str, int], limit: int = PAGE, upto: dict[str, int] | None = None
) -> list[dict]:
    """Up to `limit` items the holder of `known` lacks, oldest stamp first, with their bodies;
    none above `upto` (what was held when a push began: work done meanwhile waits for the
    next sync, so a busy counter cannot keep a sync from ending)."""
    per_origin = []
    for origin, top in (upto or vector(db)).items():
        rows = db.execute(
            "SELECT origin, seq, kind, uid, hlc, body FROM team_feed "
            "WHERE origin = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
            [origin, int(known.get(origin, 0)), top, limit],
        ).fetchall()
        if rows:
            per_origin.append(rows)
    chosen = list(heapq.merge(*per_origin, key=lambda r: (r[4], r[0], r[1])))[:limit]
    keys = ("origin", "seq", "kind", "uid", "hlc", "body")
    items = [dict(zip(keys, row)) for row in chosen]
    from supportdesk.core.team import kinds  # the bodies are each kind's business

    kinds.fill_bodies(db, items)
    return items
