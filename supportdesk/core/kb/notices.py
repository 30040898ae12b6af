"""Live notices on the desk: the province's active notices, pulled at every sync and replaced
as a whole (a notice the province retracted disappears at the next sync); shown until they
expire, even when the link is down (issue 17)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlite_utils import Database

from supportdesk.core import text

FIELDS = ("id", "text", "topic", "starts_at", "until", "posted_at")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
MAX_NOTICES = 20


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def replace(db: Database, notices: list[dict], *, now: datetime | None = None) -> int:
    """Store the hub's list of active notices in place of the previous one."""
    stamp = _iso(now or datetime.now(UTC))
    rows = []
    for n in notices[:MAX_NOTICES]:
        if not isinstance(n, dict):
            continue
        row = {
            "id": str(n.get("id", ""))[:64],
            "text": text.clean(n.get("text"))[:500],
            "topic": str(n.get("topic") or "")[:40],
            "starts_at": str(n.get("starts_at", "")),
            "until": str(n.get("until", "")),
            "posted_at": str(n.get("created_at", "")),
            "received_at": stamp,
        }
        if row["id"] and row["text"] and _ISO.match(row["until"]) and _ISO.match(row["starts_at"]):
            rows.append(row)
    with db.atomic():
        db.execute("DELETE FROM kb_notices")
        for row in rows:
            db["kb_notices"].insert(row)
    return len(rows)


def pull(db: Database, client, *, now: datetime | None = None) -> int:
    """Fetch the active notices; network trouble propagates to the caller's backoff."""
    listing = client.json(client.request("GET", "/api/v1/notices"))
    return replace(db, list(listing.get("notices") or []), now=now)


def active(db: Database, *, now: datetime | None = None) -> list[dict]:
    """Notices in force now, newest first."""
    stamp = _iso(now or datetime.now(UTC))
    cursor = db.execute(
        f"SELECT {', '.join(FIELDS)} FROM kb_notices WHERE starts_at <= ? AND until > ? "
        "ORDER BY posted_at DESC",
        [stamp, stamp],
    )
    return [dict(zip(FIELDS, r)) for r in cursor.fetchall()]
