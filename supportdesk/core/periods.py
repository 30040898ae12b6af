"""Periods of the request log's statistics, as people and files name them: a day
("2026-11-22"), an ISO week ("2026-W47"), a month ("2026-11"), a quarter ("2026-Q4"), a year
("2026") or a range of days ("2026-11-01..2026-11-15"). Pure date arithmetic, shared by the
statistics, the display formats and the upstream summaries."""

from __future__ import annotations

import re
from datetime import date, timedelta

from supportdesk.core.errors import UserError

_PATTERNS = (
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("year", re.compile(r"^(\d{4})$")),
    ("range", re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$")),
)
MAX_RANGE_DAYS = 366 * 5


class PeriodError(UserError, ValueError):
    pass


def period_bounds(period: str) -> tuple[str, date, date]:
    """(type, first day, day after the last) of a period string, in Vietnam calendar days."""
    period = (period or "").strip().upper()
    for kind, pattern in _PATTERNS:
        found = pattern.match(period)
        if not found:
            continue
        try:
            return (kind, *_days(kind, [int(g) for g in found.groups()]))
        except ValueError:
            break
    raise PeriodError(
        f"kỳ không hợp lệ: {period!r} (ví dụ 2026-11-22, 2026-W47, 2026-11, 2026-Q4, 2026, "
        "2026-11-01..2026-11-15)"
    )


def _days(kind: str, parts: list[int]) -> tuple[date, date]:
    year = parts[0]
    if not 2000 <= year <= 2100:
        raise ValueError(year)
    if kind == "range":  # both days included
        first, last = date(*parts[:3]), date(*parts[3:])
        if not first <= last < first + timedelta(days=MAX_RANGE_DAYS) or last.year > 2100:
            raise ValueError(parts)
        return first, last + timedelta(days=1)
    if kind == "day":
        first = date(year, parts[1], parts[2])
        return first, first + timedelta(days=1)
    if kind == "week":
        first = date.fromisocalendar(year, parts[1], 1)
        return first, first + timedelta(days=7)
    if kind == "month":
        first = date(year, parts[1], 1)
        return first, (first + timedelta(days=32)).replace(day=1)
    if kind == "quarter":
        first = date(year, 3 * parts[1] - 2, 1)
        after = date(year + 1, 1, 1) if parts[1] == 4 else date(year, 3 * parts[1] + 1, 1)
        return first, after
    return date(year, 1, 1), date(year + 1, 1, 1)
