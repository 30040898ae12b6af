"""The province dashboard's data: who reported a period, load per commune, on-time rates.

Load is compared per staff member and per day, because a ward with 12 staff and a mountain
commune with 5 cannot be compared on raw counts."""

from __future__ import annotations

import json
import math
import statistics
from datetime import datetime, time, timedelta

from supportdesk.core import vocab
from supportdesk.hub import schema
from supportdesk.hub.storage import Storage

COUNTERS = ("received", "resolved", "resolved_on_time", "open", "overdue", "escalated")
CLOSED_STATUSES = {"resolved", "closed", "da_giai_quyet", "dong"}


def scope_sql(communes: list[str] | None, column: str) -> tuple[str, list[str]]:
    """An SQL condition limiting `column` to the communes a user may see (None: all)."""
    if communes is None:
        return "1 = 1", []
    if not communes:
        return "1 = 0", []
    return f"{column} IN ({', '.join('?' for _ in communes)})", list(communes)


def periods(storage: Storage, communes: list[str] | None = None) -> list[dict]:
    where, params = scope_sql(communes, "commune_code")
    with storage.tx(write=False) as db:
        rows = db.all(
            f"SELECT period_type, period_id, count(*) FROM latest WHERE {where} "
            "GROUP BY period_type, period_id ORDER BY period_id DESC",
            params,
        )
    return [{"type": t, "id": i, "communes": n} for t, i, n in rows]


def _moment(value: str, *, end: bool = False) -> datetime | None:
    """A period bound as a naive datetime; a bare date as an end bound means the whole day."""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if end and len(str(value)) == 10:
        moment += timedelta(days=1)
    return moment.replace(tzinfo=None)


def period_days(body: dict) -> int:
    """Days the counts cover: the whole period, or up to when it was generated if earlier."""
    period = body["period"]
    start, end = _moment(period.get("start", "")), _moment(period.get("end", ""), end=True)
    if start is None or end is None:
        try:
            first, after = schema.period_days(period["type"], period["id"])
        except (KeyError, ValueError):
            return 30
        start, end = datetime.combine(first, time()), datetime.combine(after, time())
    generated = _moment(body.get("generated_at", ""))
    last = min(end, generated) if generated and generated > start else end
    return max(1, min(400, math.ceil((last - start).total_seconds() / 86400)))


def view(
    storage: Storage,
    period_type: str | None = None,
    period_id: str | None = None,
    communes: list[str] | None = None,
) -> dict:
    """The dashboard's data for one period, over the communes given (None: every commune)."""
    known = periods(storage, communes)
    if period_id is None:
        # The newest period that is real and not in the future, whatever odd rows older
        # versions of the hub may have stored (a `9999-12` must not become everyone's view).
        usable = [p for p in known if _usable_period(p["type"], p["id"])]
        if usable:
            period_type, period_id = usable[0]["type"], usable[0]["id"]
    period_type = period_type or "month"
    where, params = scope_sql(communes, "c.code")
    with storage.tx(write=False) as db:
        rows = db.all(
            "SELECT c.code, c.name, c.last_seen_at, l.revision, l.received_at, s.body "
            "FROM communes c LEFT JOIN latest l ON l.commune_code = c.code "
            "AND l.period_type = ? AND l.period_id = ? "
            f"LEFT JOIN submissions s ON s.submission_id = l.submission_id WHERE {where} "
            "ORDER BY c.code",
            [period_type, period_id, *params],
        )
    out, escalations = [], []
    for code, name, seen, revision, received_at, body_text in rows:
        entry = {"code": code, "name": name, "last_seen_at": seen, "reported": False}
        if body_text is not None:
            try:
                body = json.loads(body_text)
                loaded = _load(body, revision, received_at)
                found = [
                    _readable(e, body) | {"commune_code": code}
                    for e in body.get("escalations", [])
                    if str(e.get("status", "")).lower() not in CLOSED_STATUSES
                ]
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError):
                # Stored before the schema was strict, or damaged: shown as unreadable, and
                # the other communes' figures are unaffected.
                entry["unreadable"] = True
            else:
                entry["reported"] = True
                entry["name"] = name or _text(body.get("commune_name"))
                entry.update(loaded)
                escalations += [e | {"commune_name": entry["name"]} for e in found]
        out.append(entry)
    _flag_load(out)
    reported = [c for c in out if c["reported"]]
    totals = {k: sum(c[k] for c in reported) for k in COUNTERS}
    return {
        "period": {"type": period_type, "id": period_id},
        "periods": known,
        "communes": out,
        "reported": len(reported),
        "total_communes": len(out),
        "totals": totals,
        "escalations": escalations,
    }


def _usable_period(kind: str, period_id: str) -> bool:
    try:
        schema.Period(type=kind, id=period_id)
    except ValueError:
        return False
    return True


def _text(value, limit: int = 200) -> str:
    return str(value)[:limit] if isinstance(value, str | int) else ""


def _number(value) -> int:
    """A stored count as a bounded int; anything odd counts as 0."""
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return min(max(value, 0), 10**9)


def _readable(escalation: dict, body: dict) -> dict:
    """An escalation's allowed fields, with its topic's name and its status in words.

    Only the fields of commune-summary/2 are shown: a summary stored by an older desk (free
    text) is never put on the page."""
    topics = {c.get("category"): c.get("name") for c in body.get("by_category", [])}
    status = _text(escalation.get("status"), 40)
    category = _text(escalation.get("category"), 40)
    return {
        "category": _text(topics.get(category)) or category,
        "procedure_code": _text(escalation.get("procedure_code"), 40),
        "escalated_to_unit": _text(escalation.get("escalated_to_unit")),
        "age_working_days": _number(escalation.get("age_working_days")),
        "status": vocab.label(vocab.STATUS, status),
    }


def _load(body: dict, revision: int, received_at: str) -> dict:
    totals = body["totals"]
    days = period_days(body)
    staff = _number(body.get("staff_count"))
    out = {k: _number(totals.get(k, 0)) for k in COUNTERS}
    out.update(
        revision=revision,
        received_at=received_at,
        staff=staff,
        days=days,
        per_day=round(out["received"] / days, 2),
        per_staff_day=round(out["received"] / days / staff, 2) if staff else None,
        on_time_rate=(
            round(100 * out["resolved_on_time"] / out["resolved"], 1) if out["resolved"] else None
        ),
    )
    return out


def _flag_load(communes: list[dict]) -> None:
    """Mark communes far above or below the provincial median load per staff member."""
    loads = [c["per_staff_day"] for c in communes if c.get("per_staff_day") is not None]
    median = statistics.median(loads) if loads else None
    for c in communes:
        value = c.get("per_staff_day")
        c["load"] = ""
        if median and value is not None:
            if value >= 1.5 * median:
                c["load"] = "high"
            elif value <= 0.5 * median:
                c["load"] = "low"
