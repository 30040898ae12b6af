"""Support requests: intake, status transitions with an audit trail, reading, anonymising.

Every write is one transaction that changes the request and appends its event; nothing is ever
deleted. Times are stored in UTC (see core.calendar.to_iso)."""

from __future__ import annotations

import json
import sqlite3
from calendar import monthrange
from datetime import datetime

from sqlite_utils import Database

from supportdesk.core import formats, text, vocab
from supportdesk.core.calendar import TZ, WorkCalendar, now_utc, to_iso
from supportdesk.core.calendar import from_iso as _t
from supportdesk.core.store import settings
from supportdesk.core.team import feed, membership
from supportdesk.core.team.backfill import new_uid
from supportdesk.core.tickets import categories, replay
from supportdesk.core.tickets.filters import (
    DONE_STATUSES,
    Filters,
    is_overdue,
    page,
    phone_tokens,
)
from supportdesk.core.tickets.model import (
    DEFAULTS,
    PERSONAL,
    RETENTION_SETTING,
    SETTING_COMMUNE,
    STATUSES,
    TRANSITIONS,
    RequestError,
    _active_category,
    _actor,
    _moment,
    _validated,
)

# ---------------------------------------------------------------- intake


def search_text_of(row: dict, index=text.index_text) -> str:
    """Folded words of what a person may type to find the request (`index` may be memoised)."""
    phones = " ".join(phone_tokens(row.get("requester_phone") or ""))
    parts = (
        row["ticket"], str(row["seq"]), row["summary"], row.get("description"),
        row.get("requester_name"), row.get("requester_unit"), row.get("procedure_code"), phones,
    )  # fmt: skip
    return " ".join(found for part in parts if part for found in [index(part)] if found)


def due_time(cal: WorkCalendar, category: dict, start: datetime, due_days: int | None) -> datetime:
    """When a request of `category` taken at `start` is due: its service time in office hours,
    or the close of the N-th working day (an appointment's `due_days` first)."""
    if due_days:
        return cal.end_of_working_days(start, due_days)
    if category["service_unit"] == "hours":
        return cal.add_working_minutes(start, category["service_value"] * 60)
    return cal.end_of_working_days(start, category["service_value"])


def _warn(cal: WorkCalendar, start: datetime, due: datetime) -> datetime:
    return cal.add_working_minutes(start, 0.8 * cal.working_minutes(start, due))


def _next_seq(db: Database, commune: str, desk: str, year: int) -> int:
    # Numbered per desk: two desks of a team never hand out the same ticket (see _ticket).
    found = db.execute(
        "SELECT max(seq) FROM requests WHERE commune_code = ? AND origin_desk = ? AND year = ?",
        [commune, desk, year],
    ).fetchone()[0]
    return (found or 0) + 1


def _ticket(commune: str, year: int, seq: int, mark: str) -> str:
    """HT-2026-000123 on a desk of its own; HT-2026-B000123 on desk B of a team, read aloud
    "B một trăm hai mươi ba". Numbers a desk gave out before it joined stay as they were."""
    return f"{commune or 'HT'}-{year}-{mark}{seq:06d}"


def create(
    db: Database,
    data: dict,
    *,
    actor: str,
    at: datetime | None = None,
    due_days: int | None = None,
    resolved_now: bool = False,
    resolution: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
    calendar: WorkCalendar | None = None,
) -> dict:
    """Log a request. `at` backfills one written on paper; `due_days` is an appointment in
    working days; `resolved_now` is "resolved at the counter" in the same step (`resolution`
    its result); `note` is a note written with the intake, its own event, same transaction."""
    now = now or now_utc()
    actor = _actor(actor)
    created = _moment(at, now)
    if due_days is not None and not 1 <= int(due_days) <= 365:
        raise RequestError("số ngày hẹn phải từ 1 đến 365")
    given = {k: v for k, v in data.items() if v is not None}  # None: the field's default
    if resolved_now and not given.get("assignee"):
        given["assignee"] = actor  # resolved at the counter by the person on duty
    row = {**DEFAULTS, **_validated(db, given)}
    if "category" not in row or "summary" not in row:
        raise RequestError("cần có chủ đề và tóm tắt yêu cầu")
    cal = calendar or WorkCalendar.from_settings(db)
    due = due_time(cal, _active_category(db, row["category"]), created, due_days)
    commune = text.clean(settings.get(db, SETTING_COMMUNE, "") or "")
    year = created.astimezone(TZ).year  # the ticket year is the year at the counter
    row.update(
        commune_code=commune,
        year=year,
        status="new",
        created_at=to_iso(created),
        updated_at=to_iso(created),
        due_at=to_iso(due),
        warn_at=to_iso(_warn(cal, created, due)),
        due_days=due_days,
        paused_minutes=0.0,
    )
    desk, mark = membership.desk_id(db), membership.desk_mark(db)
    row.update(origin_desk=desk)
    for attempt in range(3):
        try:
            with db.atomic():
                row["uid"] = new_uid()
                row["seq"] = _next_seq(db, commune, desk, year)
                row["ticket"] = _ticket(commune, year, row["seq"], mark)
                row["search_text"] = search_text_of(row)
                request_id = _insert(db, "requests", row)
                snapshot = {k: v for k, v in row.items() if k != "search_text"}
                _event(db, request_id, row["created_at"], actor, "created", None, "new", {}, None,
                       snapshot)  # fmt: skip
                if resolved_now:
                    _apply(db, request_id, actor, created, cal, status="resolved", note=resolution)
                if note and text.clean(note):
                    _apply(db, request_id, actor, created, cal, note=note)
            break
        except sqlite3.IntegrityError:
            if attempt == 2:  # another process took the same number three times: give up loudly
                raise
    return get(db, request_id, now=now)


# ---------------------------------------------------------------- changes


def _insert(db: Database, table: str, row: dict) -> int:
    # Plain SQL: sqlite-utils' insert inspects the table first, a dozen queries per request.
    names = ", ".join(row)
    marks = ", ".join(f":{k}" for k in row)
    return db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", row).lastrowid


def _event(db, request_id, at, actor, action, from_status, to_status, changes, note, sets):
    """Append an event; `sets` are the request's fields as this event set them, from which
    every desk of a team derives the same state (core.tickets.replay)."""
    stamped = feed.stamp(db)
    _insert(
        db,
        "request_events",
        {
            "request_id": request_id,
            "at": at,
            "actor": actor,
            "action": action,
            "from_status": from_status,
            "to_status": to_status,
            "changes": json.dumps(changes, ensure_ascii=False),
            "note": note or None,
            **stamped,
            "payload": json.dumps(sets, ensure_ascii=False),
        },
    )
    feed.append_local(db, "event", stamped)


def update(
    db: Database,
    request_id: int,
    *,
    actor: str,
    status: str | None = None,
    note: str | None = None,
    escalate_to: str | int | None = None,
    escalation_ref: str | None = None,
    fields: dict | None = None,
    now: datetime | None = None,
    calendar: WorkCalendar | None = None,
) -> dict:
    """Change a request: status (with its rules), escalation, note, or editable fields.

    One call is one transaction and one event. Naming an escalation target without a status
    escalates. A note on a transition to `resolved` is the resolution."""
    now = now or now_utc()
    actor = _actor(actor)
    cal = calendar or WorkCalendar.from_settings(db)
    with db.atomic():
        _apply(db, request_id, actor, now, cal, status, note, escalate_to, escalation_ref, fields)
    return get(db, request_id, now=now)


def take_over(
    db: Database, request_id: int, *, actor: str, note: str | None = None,
    now: datetime | None = None, calendar: WorkCalendar | None = None,
) -> dict:  # fmt: skip
    """The commune takes back an escalated request: in progress again, with `actor` as the
    person handling it; an explicit step with its own event ("take_over"), never a side effect
    of an ordinary status change."""
    now = now or now_utc()
    actor = _actor(actor)
    cal = calendar or WorkCalendar.from_settings(db)
    with db.atomic():
        current = _load(db, request_id)
        if current is None:
            raise RequestError(f"không có yêu cầu số {request_id}")
        if current["status"] != "escalated":
            raise RequestError(f"yêu cầu {current['ticket']} không ở trạng thái đã chuyển cấp trên")
        _apply(db, request_id, actor, now, cal, "in_progress", note or "Nhận lại xử lý tại xã",
               fields={"assignee": actor}, action="take_over")  # fmt: skip
    return get(db, request_id, now=now)


def _apply(
    db, request_id, actor, now, cal, status=None, note=None, escalate_to=None,
    escalation_ref=None, fields=None, action=None,
) -> None:  # fmt: skip
    current = _load(db, request_id)
    if current is None:
        raise RequestError(f"không có yêu cầu số {request_id}")
    note = text.clean(note) if note else ""
    if len(note) > 10000:
        raise RequestError("ghi chú quá dài (tối đa 10000 ký tự)")
    if escalate_to is not None and status is None:
        status = "escalated"
    if status is not None and status not in STATUSES:
        raise RequestError(f"trạng thái không hợp lệ: {status!r} (chọn: {', '.join(STATUSES)})")
    stamp = to_iso(now)
    old = current["status"]
    change: dict = {}
    edits = _validated(db, fields or {})
    for name, value in edits.items():
        if (current[name] or "") != value:
            change[name] = value
    retarget = status == "escalated" and old == "escalated" and escalate_to is not None
    if status is not None and status != old:
        if status not in TRANSITIONS[old]:
            raise RequestError(
                f"không thể chuyển yêu cầu {current['ticket']} từ “{vocab.STATUS[old]}” "
                f"sang “{vocab.STATUS[status]}”"
            )
        change.update(_status_effects(db, current, status, stamp, now, cal, note))
        change["status"] = status
        if status == "resolved" and not current["assignee"] and "assignee" not in change:
            change["assignee"] = actor  # whoever resolves an unassigned request is its resolver
    elif status is not None and not retarget:
        raise RequestError(f"yêu cầu {current['ticket']} đã ở trạng thái “{vocab.STATUS[old]}”")
    if status == "escalated":
        if escalate_to is None and not current["escalated_to"]:
            raise RequestError("cần nơi chuyển đến (--escalate-to: mã liên hệ hoặc tên đơn vị)")
        if escalate_to is not None:
            target, contact_id = _escalation_target(db, escalate_to)
            change.update(escalated_to=target, escalated_contact_id=contact_id)
        if escalation_ref is not None:
            change["escalation_ref"] = text.clean(escalation_ref)[:200]
    if "category" in change and not current["due_days"]:
        change.update(_redue(db, current, change["category"], cal))
    if not change and not note:
        raise RequestError("không có gì thay đổi")
    change["updated_at"] = stamp
    if any(k in change for k in ("summary", "description", *PERSONAL, "requester_unit")):
        change["search_text"] = search_text_of({**current, **change})
    db["requests"].update(request_id, change)
    sets = {k: v for k, v in change.items() if k != "search_text"}
    _event(
        db, request_id, stamp, actor, action or _action(change, note), old,
        change.get("status", old), _diff(current, change), note, sets,
    )  # fmt: skip


def _status_effects(db, current, status, stamp, now, cal, note) -> dict:
    effects: dict = {}
    if current["status"] == "waiting":  # the clock restarts: move the deadline by the pause
        paused = cal.working_minutes(_t(current["waiting_since"]), now)
        if paused > 0:
            due = _t(current["due_at"])
            effects["due_at"] = to_iso(cal.add_working_minutes(due, paused))
            if current["waiting_since"] < current["warn_at"]:
                warn = cal.add_working_minutes(_t(current["warn_at"]), paused)
                effects["warn_at"] = to_iso(warn)
        effects["paused_minutes"] = (current["paused_minutes"] or 0) + paused
        effects["waiting_since"] = None
    if status == "waiting":
        effects["waiting_since"] = stamp
    elif status == "escalated" and not current["escalated_at"]:
        effects["escalated_at"] = stamp
    elif status == "resolved":
        effects["resolved_at"] = stamp
        effects["on_time"] = int(stamp <= effects.get("due_at", current["due_at"]))
        if note:
            effects["resolution"] = note
    elif status == "closed":
        effects["closed_at"] = stamp
    elif current["status"] in DONE_STATUSES:  # reopened: it is no longer resolved
        # The old result stays in the events (the resolving event's note), not as current.
        effects.update(resolved_at=None, on_time=None, closed_at=None, resolution=None)
    return effects


def _redue(db, current, category_code, cal) -> dict:
    """A new category brings its own service time, counted from intake plus the pauses so far."""
    created = _t(current["created_at"])
    due = due_time(cal, _active_category(db, category_code), created, None)
    warn = _warn(cal, created, due)
    paused = current["paused_minutes"] or 0
    if paused:
        due = cal.add_working_minutes(due, paused)
        warn = cal.add_working_minutes(warn, paused)
    return {"due_at": to_iso(due), "warn_at": to_iso(warn)}


def _action(change: dict, note: str) -> str:
    if "status" in change:
        return "status"
    if "escalated_to" in change:
        return "escalate"
    if set(change) - {"updated_at"} == {"assignee"}:
        return "assign"
    return "edit" if len(change) > 1 else "note"


_QUIET = {"updated_at", "search_text", "warn_at", "waiting_since", "paused_minutes"}


def _diff(current: dict, change: dict) -> dict:
    """What changed, for the audit trail; personal values are not copied into it."""
    diff = {}
    for key, new in change.items():
        if key in _QUIET:
            continue
        diff[key] = "changed" if key in PERSONAL else [current.get(key), new]
    return diff


def _escalation_target(db: Database, value: str | int) -> tuple[str, int | None]:
    """A contact of the directory (by its id) or a unit named in words."""
    raw = text.clean(str(value))
    if not raw:
        raise RequestError("nơi chuyển đến không được để trống")
    if raw.isdigit() and db["contacts"].exists():
        columns = set(db["contacts"].columns_dict)
        name_cols = [c for c in ("name", "full_name", "unit", "organization") if c in columns]
        select = ", ".join(name_cols) or "id"
        found = db.execute(f"SELECT {select} FROM contacts WHERE id = ?", [int(raw)]).fetchone()
        if found is None:
            raise RequestError(f"không có liên hệ mã {raw} trong danh bạ")
        label = " — ".join(str(v) for v in found if v) if name_cols else f"liên hệ {raw}"
        return label, int(raw)
    if len(raw) > 300:
        raise RequestError("nơi chuyển đến quá dài (tối đa 300 ký tự)")
    return raw, None


# ---------------------------------------------------------------- reading


def _load(db: Database, request_id: int) -> dict | None:
    found = db.execute("SELECT * FROM requests WHERE id = ?", [int(request_id)])
    columns = [d[0] for d in found.description]
    row = found.fetchone()
    return dict(zip(columns, row)) if row else None


def get(
    db: Database, request_id: int, *, reveal: bool = False, now: datetime | None = None
) -> dict | None:
    """One request with its category name and events (oldest first); the ID number is masked
    unless `reveal`."""
    row = _load(db, request_id)
    if row is None:
        return None
    row.pop("search_text")
    row["requester_id_masked"] = formats.mask_id(row["requester_id_number"])
    if not reveal:
        row.pop("requester_id_number")
    category = categories.get(db, row["category"])
    row["category_name"] = category["name"] if category else row["category"]
    row["status_label"] = vocab.label(vocab.STATUS, row["status"])
    row["overdue"] = is_overdue(row, to_iso(now or now_utc()))
    row["events"] = events(db, request_id)
    return row


def find(db: Database, reference: str) -> int | None:
    """The id of a request named by its id or its ticket (any case, spaces ignored)."""
    reference = text.clean(reference).upper().replace(" ", "")
    if reference.isascii() and reference.isdigit():
        if len(reference) > 18:  # beyond SQLite's integers: no request has that id
            return None
        found = db.execute("SELECT id FROM requests WHERE id = ?", [int(reference)]).fetchone()
    else:
        # Two desks used alone before they joined may both have given out HT-2026-000123:
        # this desk's own comes first, it is the one on the receipt in front of the person.
        found = db.execute(
            "SELECT id FROM requests WHERE ticket = ? ORDER BY origin_desk != ?, id LIMIT 1",
            [reference, membership.desk_id(db)],
        ).fetchone()
    return found[0] if found else None


def events(db: Database, request_id: int) -> list[dict]:
    rows = db.execute(
        "SELECT id, at, actor, action, from_status, to_status, changes, note "
        "FROM request_events WHERE request_id = ? ORDER BY hlc, desk_id, uid",
        [request_id],
    )
    keys = ("id", "at", "actor", "action", "from_status", "to_status", "changes", "note")
    found = [dict(zip(keys, r)) for r in rows]
    for event in found:
        event["changes"] = json.loads(event["changes"] or "{}")
    return found


def search(db: Database, query: str, limit: int = 50, *, now=None) -> list[dict]:
    return page(db, Filters(query=query), limit=limit, now=now)


# ---------------------------------------------------------------- personal data


def purge_personal(
    db: Database,
    older_than_months: int | None = None,
    *,
    actor: str = "system",
    now: datetime | None = None,
) -> int:
    """Anonymise requester name, phone and ID number of requests received more than N months
    ago (default: the retention setting, 24 months). Counts stay; returns how many changed."""
    months = older_than_months
    if months is None:
        months = int(settings.get(db, RETENTION_SETTING))
    if not 0 <= months <= 1200:
        raise RequestError("số tháng lưu giữ phải từ 0 đến 1200")
    now = now or now_utc()
    cutoff = to_iso(_months_before(now, months))
    stamp, actor = to_iso(now), _actor(actor)
    personal_present = " OR ".join(f"coalesce({c}, '') != ''" for c in PERSONAL)
    with db.atomic():
        rows = db.execute(
            f"SELECT * FROM requests WHERE created_at <= ? AND ({personal_present})", [cutoff]
        )
        columns = [d[0] for d in rows.description]
        targets = [dict(zip(columns, r)) for r in rows.fetchall()]
        for row in targets:
            blank = {c: "" for c in PERSONAL}
            db.execute(
                "UPDATE requests SET requester_name = '', requester_phone = '', "
                "requester_id_number = '', anonymised_at = ?, search_text = ? WHERE id = ?",
                [stamp, search_text_of({**row, **blank}), row["id"]],
            )
            changes = {c: "changed" for c in PERSONAL}
            sets = {**blank, "anonymised_at": stamp}
            _event(db, row["id"], stamp, actor, "anonymise", row["status"], row["status"],
                   changes, f"ẩn danh sau {months} tháng", sets)  # fmt: skip
            replay.scrub_personal(db, row["id"])
    return len(targets)


def _months_before(moment: datetime, months: int) -> datetime:
    """The latest intake that is N months old at `moment`, counted on the counter's calendar.

    N months after 31 January is the last day of February, so on the last day of a month every
    intake up to the last day of the month N months earlier is due (29th–31st included)."""
    local = moment.astimezone(TZ)
    year, month = divmod(local.year * 12 + local.month - 1 - months, 12)
    month += 1
    last = monthrange(year, month)[1]
    at_month_end = local.day == monthrange(local.year, local.month)[1]
    day = last if at_month_end else min(local.day, last)
    return local.replace(year=year, month=month, day=day)


def insert_history(db: Database, columns: list[str], rows: list[tuple]) -> None:
    """Requests of the past in bulk (another tool's history, the benchmark's synthetic years) in
    one transaction; the full-text index is rebuilt once afterwards instead of once per row."""
    trigger = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'requests_fts_ai'"
    ).fetchone()[0]
    marks = ", ".join("?" * len(columns))
    with db.atomic():
        db.execute("DROP TRIGGER requests_fts_ai")
        db.conn.executemany(f"INSERT INTO requests ({', '.join(columns)}) VALUES ({marks})", rows)
        db.execute("INSERT INTO requests_fts(requests_fts) VALUES ('rebuild')")
        db.execute(trigger)
