"""Which periods to snapshot, and queueing their summaries from core.stats.

Months are counted in Vietnam's time (UTC+7, no daylight saving, so a fixed offset is exact and
needs no tz database on Windows)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

from sqlite_utils import Database

from supportdesk import __version__
from supportdesk.core.store import settings
from supportdesk.core.sync import enrollment, hourly, outbox

VIETNAM = timezone(timedelta(hours=7))
RECENT_MONTHS = 3  # late resolutions still change the previous months' on-time counts


def recent_months(now: float, count: int = RECENT_MONTHS) -> list[str]:
    local = datetime.fromtimestamp(now, UTC).astimezone(VIETNAM)
    year, month = local.year, local.month
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return sorted(out)


def queue_periods(
    db: Database,
    periods: list[str],
    *,
    summarize: Callable[[Database, str], dict] | None = None,
    now: float | None = None,
) -> list[dict]:
    """Snapshot and queue each period whose summary changed; the queued rows."""
    code = settings.get(db, "commune_code")
    if not code:
        raise ValueError("chưa đặt mã xã (commune_code) trong cài đặt")
    from supportdesk.core.sync import escalations

    if summarize is None:
        from supportdesk.core.tickets.stats import summarize
    now = time.time() if now is None else now
    queued = []
    for period in periods:
        summary = summarize(db, period)
        # The summary's own escalation rows carry typed text; upstream gets the reduced ones.
        moment = datetime.fromtimestamp(now, UTC)
        summary["escalations"] = escalations.for_period(db, period, now=moment)
        hours, last = hourly.unsent(db, period)
        if hours:
            summary["hourly"] = hours
        elif last is not None and _same_but_hours(summary, last):
            continue  # only the previous payload's hourly counts differ: nothing new to send
        row = outbox.enqueue(
            db,
            summary,
            commune_code=code,
            commune_name=settings.get(db, "commune_name") or "",
            install_id=enrollment.install_id(db),
            app_version=__version__,
            now=now,
        )
        if row:
            queued.append(row)
    return queued


def _same_but_hours(summary: dict, last: dict) -> bool:
    from supportdesk.core.sync import payload

    content = payload.summary_content(summary)
    return content == {k: v for k, v in last.items() if k != "hourly"}
