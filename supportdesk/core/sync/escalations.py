"""Escalations as they go upstream: topic, procedure code, agency, age, status — nothing typed.

`stats.summarize` lists escalations with their summary and the target as written, which the
commune's own report needs. Upstream the province gets only what staff *chose*: the target is the
directory agency (the contact itself when it is an agency, the agency a person belongs to
otherwise); a target typed by hand, a person's name or a phone number never leaves the PC."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlite_utils import Database

from supportdesk.core.calendar import TZ, WorkCalendar, local, now_utc, to_iso
from supportdesk.core.periods import period_bounds


def working_days_between(cal: WorkCalendar, first: date, last: date) -> int:
    """Working days after `first` up to and including `last` (the day of receipt does not count,
    as for a procedure's appointment)."""
    days, day = 0, first + timedelta(days=1)
    while day <= last and days < 100_000:
        days += cal.is_working_day(day)
        day += timedelta(days=1)
    return days


def for_period(db: Database, period: str, *, now: datetime | None = None) -> list[dict]:
    """The period's escalated requests (received in it), reduced to codes and chosen values."""
    _kind, first, after = period_bounds(period)
    now = now or now_utc()
    cal = WorkCalendar.from_settings(db)
    rows = db.execute(
        "SELECT r.category, r.procedure_code, r.status, r.created_at, r.resolved_at, "
        "c.kind, c.name, a.name FROM requests r "
        "LEFT JOIN contacts c ON c.id = r.escalated_contact_id "
        "LEFT JOIN contacts a ON a.id = c.agency_id AND a.kind = 'agency' "
        "WHERE r.created_at >= ? AND r.created_at < ? AND r.escalated_at IS NOT NULL "
        "ORDER BY r.created_at, r.id",
        [to_iso(datetime.combine(first, time(), TZ)), to_iso(datetime.combine(after, time(), TZ))],
    ).fetchall()
    out = []
    for category, procedure, status, created, resolved, kind, name, agency in rows:
        until = local(resolved or now)
        out.append(
            {
                "category": category,
                "procedure_code": procedure or "",
                "escalated_to_unit": (name if kind == "agency" else agency) or "",
                "age_working_days": working_days_between(cal, local(created).date(), until.date()),
                "status": status,
            }
        )
    return out
