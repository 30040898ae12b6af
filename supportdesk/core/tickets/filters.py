"""Which requests a list shows: filters, full-text search and keyset paging.

The SQL conditions here are also what core.tickets.stats counts with, so a statistic and the list a
person opens from it always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.calendar import TZ, now_utc, to_iso
from supportdesk.core.errors import UserError

OPEN_STATUSES = ("new", "in_progress", "waiting", "escalated")
DONE_STATUSES = ("resolved", "closed")
_OPEN = "('new', 'in_progress', 'waiting', 'escalated')"
OPEN_SQL = f"r.status IN {_OPEN}"
# A waiting request's clock is stopped: it is overdue only if it was already late when it stopped.
OVERDUE_SQL = (
    f"(r.status IN {_OPEN} AND CASE WHEN r.status = 'waiting' "
    "THEN r.due_at < r.waiting_since ELSE r.due_at < :now END)"
)
# Due soon: past the warning time the deadline set at intake, not yet due; a waiting request's
# clock is stopped, so it is never due soon (the list filter and the yellow rows use this rule).
DUE_SOON_SQL = (
    "(r.status IN ('new', 'in_progress', 'escalated') AND r.warn_at <= :now AND r.due_at >= :now)"
)
_PHONE_QUERY = re.compile(r"^[\d\s+().\-]+$")
MAX_LIMIT = 1000

SUMMARY_COLUMNS = (
    "id", "ticket", "status", "category", "priority", "channel", "summary", "requester_kind",
    "requester_name", "requester_phone", "assignee", "created_at", "due_at", "resolved_at",
    "on_time", "escalated_to", "waiting_since", "warn_at",
)  # fmt: skip


class FilterError(UserError, ValueError):
    pass


@dataclass
class Filters:
    """What the person narrowed the list to. Bounds are half-open: from ≤ t < to.

    A date bound means that day in Vietnam time; `created_to=date(2026, 11, 30)` includes the 30th.
    """

    query: str = ""
    status: str | tuple[str, ...] | None = None
    category: str | None = None
    assignee: str | None = None
    created_from: date | datetime | str | None = None
    created_to: date | datetime | str | None = None
    resolved_from: date | datetime | str | None = None
    resolved_to: date | datetime | str | None = None
    open_only: bool = False
    overdue: bool = False
    due_soon: bool = False
    escalated: bool = False

    @classmethod
    def of(cls, value: Filters | dict | None) -> Filters:
        if value is None:
            return cls()
        if isinstance(value, Filters):
            return value
        known = {f.name for f in fields(cls)}
        unknown = set(value) - known
        if unknown:
            raise FilterError(f"bộ lọc không hỗ trợ: {', '.join(sorted(unknown))}")
        return cls(**value)


def bound(value: date | datetime | str | None, *, end: bool) -> str | None:
    """A stored-form UTC time for a filter bound; a date's end bound is the next midnight."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError as exc:
            raise FilterError(f"thời điểm không hợp lệ: {value!r}") from exc
    if not isinstance(value, datetime):
        day = value + timedelta(days=1) if end else value
        value = datetime.combine(day, time(), tzinfo=TZ)
    elif value.tzinfo is None:
        value = value.replace(tzinfo=TZ)
    return to_iso(value)


MIN_PHONE_DIGITS = 4  # the shortest run of a phone's digits a search looks for


def phone_tokens(phone: str) -> list[str]:
    """Digit tokens under which a phone is indexed: as typed, +84 written as a leading 0, and
    every tail of 4 digits or more. Searches match tokens by prefix, and any run of the number
    ("5678", "345678", "912345678") is the start of one of its tails."""
    found = _query_tokens(phone)
    if found:
        national = found[-1]
        found += [national[i:] for i in range(1, len(national) - MIN_PHONE_DIGITS + 1)]
    return found


def _query_tokens(phone: str) -> list[str]:
    """The digits as typed, and with +84 written as a leading 0."""
    number = text.digits(phone)
    if not number:
        return []
    found = [number]
    if number.startswith("84") and len(number) >= 11:
        found.append("0" + number[2:])
    return found


def match_expression(query: str) -> str | None:
    """FTS5 expression: phone-like input is matched as one run of digits, the rest as words."""
    if _PHONE_QUERY.match(query) and len(text.digits(query)) >= MIN_PHONE_DIGITS:
        return " OR ".join(f'"{t}"*' for t in _query_tokens(query))
    return text.match_query(query)


def where(filters: Filters) -> tuple[list[str], dict]:
    """SQL conditions over alias r (not the text query) and their named parameters."""
    conds: list[str] = []
    params: dict = {}
    if filters.status:
        statuses = (filters.status,) if isinstance(filters.status, str) else filters.status
        names = []
        for i, status in enumerate(statuses):
            names.append(f":status{i}")
            params[f"status{i}"] = status
        conds.append(f"r.status IN ({', '.join(names)})")
    for column in ("category", "assignee"):
        if getattr(filters, column):
            conds.append(f"r.{column} = :{column}")
            params[column] = getattr(filters, column)
    for column in ("created", "resolved"):
        lo = bound(getattr(filters, f"{column}_from"), end=False)
        hi = bound(getattr(filters, f"{column}_to"), end=True)
        if lo:
            conds.append(f"r.{column}_at >= :{column}_from")
            params[f"{column}_from"] = lo
        if hi:
            conds.append(f"r.{column}_at < :{column}_to")
            params[f"{column}_to"] = hi
    if filters.open_only:
        conds.append(OPEN_SQL)
    if filters.overdue:
        conds.append(OVERDUE_SQL)
    if filters.due_soon:
        conds.append(DUE_SOON_SQL)
    if filters.escalated:
        conds.append("r.escalated_at IS NOT NULL")
    return conds, params


def _select(filters: Filters, now: datetime | None, what: str) -> tuple[str, dict] | None:
    conds, params = where(filters)
    params["now"] = to_iso(now or now_utc())
    source = "requests r"
    if filters.query.strip():
        expression = match_expression(filters.query)
        if expression is None:
            return None
        # Driving the query from the FTS table lets FTS5 walk rowids newest first and stop early.
        source = "requests_fts f JOIN requests r ON r.id = f.rowid"
        conds.insert(0, "requests_fts MATCH :match")
        params["match"] = expression
    sql = f"SELECT {what} FROM {source}"
    if conds:
        sql += " WHERE " + " AND ".join(conds)
    return sql, params


def page(
    db: Database,
    filters: Filters | dict | None = None,
    after: int | None = None,
    limit: int = 100,
    *,
    now: datetime | None = None,
) -> list[dict]:
    """One page of requests, newest first. Pass the last row's `id` as `after` for the next page."""
    filters = Filters.of(filters)
    limit = max(1, min(int(limit), MAX_LIMIT))
    columns = ", ".join(f"r.{c}" for c in SUMMARY_COLUMNS)
    built = _select(filters, now, columns)
    if built is None:
        return []
    sql, params = built
    # With a text query, order by the FTS rowid: FTS5 then walks newest first and stops at the
    # limit; ordering by r.id would sort every match (70 ms instead of 2 for common words).
    key = "f.rowid" if filters.query.strip() else "r.id"
    if after is not None:
        sql += (" AND " if " WHERE " in sql else " WHERE ") + f"{key} < :after"
        params["after"] = int(after)
    sql += f" ORDER BY {key} DESC LIMIT :limit"
    params["limit"] = limit
    moment = params["now"]
    rows = [dict(zip(SUMMARY_COLUMNS, r)) for r in db.execute(sql, params)]
    for row in rows:
        row["overdue"] = is_overdue(row, moment)
        row["due_soon"] = is_due_soon(row, moment)
    return rows


def count(db: Database, filters: Filters | dict | None = None, *, now=None) -> int:
    built = _select(Filters.of(filters), now, "count(*)")
    return 0 if built is None else db.execute(*built).fetchone()[0]


def is_overdue(row: dict, now_iso: str) -> bool:
    """The Python twin of OVERDUE_SQL, for one row already in hand."""
    if row["status"] not in OPEN_STATUSES or not row["due_at"]:
        return False
    if row["status"] == "waiting":
        return bool(row["waiting_since"]) and row["due_at"] < row["waiting_since"]
    return row["due_at"] < now_iso


def is_due_soon(row: dict, now_iso: str) -> bool:
    """The Python twin of DUE_SOON_SQL, for one row already in hand."""
    if row["status"] not in ("new", "in_progress", "escalated"):
        return False
    return bool(row.get("warn_at")) and row["warn_at"] <= now_iso <= (row["due_at"] or "")
