"""Requests received per hour and topic, sent up with the summaries so that the hub can see a
national system fail in many communes at once (issue 17). Counts only: no text, no person.

A payload carries the absolute counts of the two latest hours with an intake in its period,
as Vietnam-time hours ("2026-12-01T09"). The content is a function of the store alone (not of
the clock), so an idle desk never makes a new revision; the hub stores the latest count per
commune, hour and topic, so a resend is harmless, and the hour before the latest one is still
carried when the next hour's first request arrives before the sync that would have sent it."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlite_utils import Database

from supportdesk.core.calendar import TZ, to_iso
from supportdesk.core.tickets.stats import period_bounds

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
