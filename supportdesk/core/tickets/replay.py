"""A request's state derived from its events, the same way on every desk of a team.

Each event carries the fields it set (`payload`); the state is those sets applied in stamp order
(hybrid logical clock, then desk id, then event uid). On one desk that order is the order the
events were written, so the replay gives exactly the row the request log wrote. When desks
changed one request concurrently, both events are kept and shown, the later stamp wins field
by field, and the status's own fields are then made consistent with the status that won (a
reopened request has no resolution time, a resolved one always has one)."""

from __future__ import annotations

import json

from sqlite_utils import Database

_DONE = ("resolved", "closed")
_PERSONAL = ("requester_name", "requester_phone", "requester_id_number")


def ordered_events(db: Database, request_id: int) -> list[tuple[str, dict]]:
    rows = db.execute(
        "SELECT at, payload FROM request_events WHERE request_id = ? ORDER BY hlc, desk_id, uid",
        [request_id],
    )
    return [(at, json.loads(payload or "{}")) for at, payload in rows]


def fold(events: list[tuple[str, dict]]) -> dict:
    state: dict = {}
    for at, sets in events:
        state.update(sets)
        if "status" in sets:
            _consistent(state, at)
    return state


def _consistent(state: dict, at: str) -> None:
    """The status's fields agree with the status, whatever order concurrent events came in."""
    status = state.get("status")
    if status in _DONE:
        if not state.get("resolved_at"):
            state["resolved_at"] = at
            due = state.get("due_at")
            state["on_time"] = int(bool(due) and at <= due)
    else:
        state.update(resolved_at=None, on_time=None)
    if status != "closed":
        state["closed_at"] = None
    elif not state.get("closed_at"):
        state["closed_at"] = at
    if status == "waiting":
        state["waiting_since"] = state.get("waiting_since") or at
    else:
        state["waiting_since"] = None
    if status == "escalated" and not state.get("escalated_at"):
        state["escalated_at"] = at


def rebuild(db: Database, request_id: int) -> None:
    """Write the replayed state into the request's row (only the fields that differ)."""
    from supportdesk.core.tickets.log import search_text_of

    state = fold(ordered_events(db, request_id))
    cursor = db.execute("SELECT * FROM requests WHERE id = ?", [request_id])
    names = [d[0] for d in cursor.description]
    row = dict(zip(names, cursor.fetchone()))
    change = {k: v for k, v in state.items() if k in row and k != "id" and row[k] != v}
    if not change:
        return
    searched = ("ticket", "seq", "summary", "description", "requester_unit", *_PERSONAL)
    if any(k in change for k in searched):
        change["search_text"] = search_text_of({**row, **change})
    sets = ", ".join(f"{k} = :{k}" for k in change)
    db.execute(f"UPDATE requests SET {sets} WHERE id = :id", {**change, "id": request_id})
    if state.get("anonymised_at"):
        scrub_personal(db, request_id)


def scrub_personal(db: Database, request_id: int) -> None:
    """An anonymised request keeps no name, phone or ID number in its events either."""
    rows = db.execute(
        "SELECT id, payload FROM request_events WHERE request_id = ?", [request_id]
    ).fetchall()
    for event_id, payload in rows:
        sets = json.loads(payload or "{}")
        if any(sets.get(k) for k in _PERSONAL):
            sets.update({k: "" for k in _PERSONAL if k in sets})
            db.execute(
                "UPDATE request_events SET payload = ? WHERE id = ?",
                [json.dumps(sets, ensure_ascii=False), event_id],
            )


def columns(db: Database) -> set[str]:
    return {r[1] for r in db.execute("PRAGMA table_info(requests)")}


def insert_from(db: Database, snapshot: dict, known: set[str] | None = None) -> int:
    """A request first seen in a peer's `created` event: a new row with a local id. `known` is
    `columns(db)`, read once by a caller inserting many."""
    from supportdesk.core.tickets.log import _insert, search_text_of

    known = known or columns(db)
    row = {k: v for k, v in snapshot.items() if k in known and k not in ("id", "search_text")}
    _known_category(db, row.get("category"))
    row["search_text"] = search_text_of(row)
    return _insert(db, "requests", row)


def _known_category(db: Database, code: str | None) -> None:
    """A topic another desk added itself: kept here as a retired topic, so the request reads."""
    if code and not db.execute("SELECT 1 FROM categories WHERE code = ?", [code]).fetchone():
        db.execute(
            "INSERT INTO categories (code, name, service_unit, service_value, position, active) "
            "VALUES (?, ?, 'days', 1, 999, 0)",
            [code, code],
        )
