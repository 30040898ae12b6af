"""Period summaries of the request log: one function for the dashboard, reports and upstream sync.

Definitions (the same SQL conditions as the list filters in core.tickets.filters, so a number
and the list opened from it agree):
- received, open, overdue, escalated: requests *received* in the period; open/overdue/escalated
  as they stand now (overdue: open and past the due time; a waiting request's clock is stopped).
- resolved, resolved_on_time, median_hours_to_resolve: requests *resolved* in the period
  (resolved_at within it, still resolved or closed). On time = resolved at or before the due time.
  Rates are left as counts so that they add up across periods and communes.
"""

from __future__ import annotations

import statistics
from datetime import date, datetime, time

from sqlite_utils import Database

from supportdesk.core.calendar import TZ, now_utc, to_iso
from supportdesk.core.periods import period_bounds
from supportdesk.core.tickets import categories
from supportdesk.core.tickets.filters import OPEN_SQL, OVERDUE_SQL

COUNTERS = ("received", "resolved", "resolved_on_time", "open", "overdue", "escalated")


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=TZ)


def _empty() -> dict:
    return {**dict.fromkeys(COUNTERS, 0), "median_hours_to_resolve": None}


def _median_hours(durations: list[float]) -> float | None:
    return round(statistics.median(durations), 1) if durations else None


def summarize(db: Database, period: str, *, now: datetime | None = None) -> dict:
    """Counts for one period (see the module docstring for what each counter means)."""
    kind, first, after = period_bounds(period)
    start, end = _midnight(first), _midnight(after)
    params = {"s": to_iso(start), "e": to_iso(end), "now": to_iso(now or now_utc())}
    received = "r.created_at >= :s AND r.created_at < :e"
    per: dict[str, dict] = {}
    people: dict[str, dict] = {}

    def person(name: str | None) -> dict:
        name = name or ""
        return people.setdefault(name, {"assignee": name, "received": 0, "resolved": 0})

    # One pass over each index range (received, resolved), grouped finely and summed here:
    # fewer scans than one query per table of the summary.
    cohort = db.execute(
        f"SELECT r.category, r.assignee, count(*), sum({OPEN_SQL}), sum({OVERDUE_SQL}), "
        f"sum(r.escalated_at IS NOT NULL) FROM requests r WHERE {received} "
        "GROUP BY r.category, r.assignee",
        params,
    )
    for code, assignee, n, n_open, n_overdue, n_escalated in cohort:
        counters = per.setdefault(code, _empty())
        counters["received"] += n
        counters["open"] += n_open
        counters["overdue"] += n_overdue
        counters["escalated"] += n_escalated
        person(assignee)["received"] += n

    durations: dict[str, list[float]] = {}
    done = db.execute(
        "SELECT r.category, r.assignee, r.on_time, "
        "(julianday(r.resolved_at) - julianday(r.created_at)) * 24 "
        "FROM requests r WHERE r.resolved_at >= :s AND r.resolved_at < :e",
        params,
    )
    for code, assignee, on_time, hours in done:
        counters = per.get(code) or per.setdefault(code, _empty())
        counters["resolved"] += 1
        if on_time == 1:
            counters["resolved_on_time"] += 1
        durations.setdefault(code, []).append(hours)
        person(assignee)["resolved"] += 1

    totals = _empty()
    for code, counters in per.items():
        counters["median_hours_to_resolve"] = _median_hours(durations.get(code, []))
        for key in COUNTERS:
            totals[key] += counters[key]
    totals["median_hours_to_resolve"] = _median_hours([h for d in durations.values() for h in d])

    return {
        "period": period.strip().upper(),
        "period_type": kind,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "totals": totals,
        "by_category": _by_category(db, per),
        "escalations": _escalations(db, received, params),
        # Team members only: unassigned requests are the totals less the sum of these rows.
        "by_assignee": sorted(
            (p for p in people.values() if p["assignee"]),
            key=lambda a: (-a["received"], a["assignee"]),
        ),
    }


def _by_category(db: Database, per: dict[str, dict]) -> list[dict]:
    """Every active topic (zeros included, so periods line up) plus retired ones with counts."""
    rows = []
    for category in categories.all_categories(db, include_inactive=True):
        counters = per.pop(category["code"], None)
        if counters is None and not category["active"]:
            continue
        rows.append(
            {"category": category["code"], "name": category["name"], **(counters or _empty())}
        )
    return rows


def _escalations(db: Database, received: str, params: dict) -> list[dict]:
    # Only what the province needs to follow the problem up: no requester name, phone or ID.
    keys = ("ticket", "category", "summary", "escalated_to", "status", "created_at")
    rows = db.execute(
        f"SELECT {', '.join('r.' + k for k in keys)} FROM requests r "
        f"WHERE {received} AND r.escalated_at IS NOT NULL ORDER BY r.created_at, r.id",
        params,
    )
    return [dict(zip(keys, r)) for r in rows]
