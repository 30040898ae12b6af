"""What the desktop request list shows: lean rows, shaped in SQL, paged by key.

A list row is a plain tuple whose every cell is ready to show: the times are already in Vietnam
time as "dd/mm HH:MM", the summary is cut to what a cell can hold, and "overdue" and "due soon"
are computed by SQLite with the filters' own rules (OVERDUE_SQL, DUE_SOON_SQL). Scrolling
200,000 requests then costs no per-row Python work beyond building the tuple (see
supportdesk/bench/gui.py: next page while scrolling).

Pages go newest first by id, the same key `filters.page` uses; `rows_by_id` reads back a page
the list dropped from memory, by the ids it kept."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlite_utils import Database

from supportdesk.core.calendar import TZ, now_utc, to_iso
from supportdesk.core.tickets.filters import (
    DUE_SOON_SQL,
    MAX_LIMIT,
    OVERDUE_SQL,
    Filters,
    _select,
)

SUMMARY_CHARS = 160  # what a table cell can show; the detail pane reads the whole request

# Positions in a list row.
ID, TICKET, CREATED, REQUESTER, CATEGORY, SUMMARY, STATUS, DUE, ASSIGNEE, OVERDUE, SOON = range(11)


def _columns() -> str:
    return (
        "r.id, r.ticket, strftime('%d/%m %H:%M', r.created_at, :shift), r.requester_name, "
        f"r.category, substr(r.summary, 1, {SUMMARY_CHARS}), r.status, "
        "strftime('%d/%m %H:%M', r.due_at, :shift), r.assignee, "
        f"ifnull({OVERDUE_SQL}, 0), ifnull({DUE_SOON_SQL}, 0)"
    )


def _moments(now: datetime | None) -> dict:
    """The parameters every list query shares: now, and Vietnam's UTC offset as an SQLite date
    modifier (read from the zone, not written down twice)."""
    moment = now or now_utc()
    offset = moment.astimezone(TZ).utcoffset() or timedelta()
    return {
        "now": to_iso(moment),
        "shift": f"{int(offset.total_seconds() // 60):+d} minutes",
    }


def page_rows(
    db: Database,
    filters: Filters | dict | None = None,
    after: int | None = None,
    limit: int = 200,
    *,
    now: datetime | None = None,
) -> list[tuple]:
    """One page of list rows, newest first; pass the last row's id as `after` for the next."""
    filters = Filters.of(filters)
    built = _select(filters, now, _columns())
    if built is None:
        return []
    sql, params = built
    params.update(_moments(now))
    # The same key as filters.page: with a text query FTS5 walks its rowids newest first.
    key = "f.rowid" if filters.query.strip() else "r.id"
    if after is not None:
        sql += (" AND " if " WHERE " in sql else " WHERE ") + f"{key} < :after"
        params["after"] = int(after)
    sql += f" ORDER BY {key} DESC LIMIT :limit"
    params["limit"] = max(1, min(int(limit), MAX_LIMIT))
    return db.execute(sql, params).fetchall()


def rows_by_id(db: Database, ids: list[int], *, now: datetime | None = None) -> list[tuple]:
    """List rows for these ids, in the order given (a page the list had let go of); an id that
    no longer exists is left out."""
    if not ids:
        return []
    params = _moments(now)
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    params.update({f"i{n}": int(i) for n, i in enumerate(ids)})
    found = db.execute(f"SELECT {_columns()} FROM requests r WHERE r.id IN ({marks})", params)
    by_id = {row[ID]: row for row in found}
    return [by_id[i] for i in ids if i in by_id]
