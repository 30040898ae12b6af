"""Requests received per hour and topic, sent up with the summaries so that the hub can see a
national system fail in many communes at once (issue 17). Counts only: no text, no person.

Of the two latest hours with an intake in a period (Vietnam-time hours, "2026-12-01T09"), a
payload carries the absolute counts per topic that differ from what the period's earlier
snapshots already sent: a payload caused by a resolution carries none, and the hour before the
latest one is still sent when the next hour's first request comes before the sync that would
have sent it. The hub keeps the latest count per commune, hour and topic, so a resend is
harmless. Budget: the hourly counts add at most 2 KB to a desk's payloads in a day."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlite_utils import Database

from supportdesk.core.calendar import TZ, to_iso
from supportdesk.core.periods import period_bounds

HOURS_SENT = 2
_LOCAL_HOUR = "strftime('%Y-%m-%dT%H', created_at, '+7 hours')"  # Vietnam has no DST


def latest(db: Database, period: str) -> dict[str, dict[str, int]]:
    """{hour: {topic: count}} for the latest hours with an intake inside the period."""
    _kind, first, after = period_bounds(period)
    start = to_iso(datetime.combine(first, datetime.min.time(), tzinfo=TZ))
    end = to_iso(datetime.combine(after, datetime.min.time(), tzinfo=TZ))
    last = db.execute(
        f"SELECT {_LOCAL_HOUR.replace('created_at', 'max(created_at)')} FROM requests "
        "WHERE created_at >= ? AND created_at < ?",
        [start, end],
    ).fetchone()[0]
    if last is None:
        return {}
    last_hour = datetime.strptime(last, "%Y-%m-%dT%H").replace(tzinfo=TZ)
    since = last_hour - timedelta(hours=HOURS_SENT - 1)
    rows = db.execute(
        f"SELECT {_LOCAL_HOUR} AS hour, category, count(*) FROM requests "
        "WHERE created_at >= ? AND created_at < ? GROUP BY hour, category ORDER BY hour, category",
        [max(start, to_iso(since)), end],
    )
    out: dict[str, dict[str, int]] = {}
    for hour, category, n in rows:
        out.setdefault(hour, {})[category] = n
    return out


HISTORY = 40  # snapshots looked back at for what was sent: more than a day's worth of hours


def _sent(db: Database, period: str) -> tuple[dict, dict | None]:
    """(the latest counts sent per hour, the last snapshot's content) for a month."""
    rows = db.execute(
        "SELECT content FROM sync_snapshots WHERE period_type = 'month' AND period_id = ? "
        "ORDER BY revision DESC LIMIT ?",
        [period, HISTORY],
    ).fetchall()
    sent: dict[str, dict[str, int]] = {}
    for (content,) in reversed(rows):  # oldest first: later snapshots win
        for hour, topics in (json.loads(content).get("hourly") or {}).items():
            sent.setdefault(hour, {}).update(topics)
    return sent, (json.loads(rows[0][0]) if rows else None)


def unsent(db: Database, period: str) -> tuple[dict, dict | None]:
    """(the counts of the latest hours not sent yet, per topic; the last snapshot's content).

    The hub keeps a count per commune, hour and topic, so a topic whose count is unchanged
    need not travel again."""
    sent, last = _sent(db, period)
    out: dict[str, dict[str, int]] = {}
    for hour, topics in latest(db, period).items():
        changed = {t: n for t, n in topics.items() if sent.get(hour, {}).get(t) != n}
        if changed:
            out[hour] = changed
    return out, last
