"""The province dashboard's data: who reported a period, load per commune, on-time rates.

Load is compared per staff member and per day, because a ward with 12 staff and a mountain
commune with 5 cannot be compared on raw counts."""

from __future__ import annotations

import calendar
import json
import math
import statistics
from datetime import datetime, timedelta

from supportdesk.core import vocab
from supportdesk.hub.storage import Storage

COUNTERS = ("received", "resolved", "resolved_on_time", "open", "overdue", "escalated")
CLOSED_STATUSES = {"resolved", "closed", "da_giai_quyet", "dong"}


def periods(storage: Storage) -> list[dict]:
    with storage.tx(write=False) as db:
        rows = db.all(
            "SELECT period_type, period_id, count(*) FROM latest "
            "GROUP BY period_type, period_id ORDER BY period_id DESC"
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
    if (start is None or end is None) and period["type"] == "month":
        year, month = map(int, period["id"].split("-"))
        start = datetime(year, month, 1)
        end = start + timedelta(days=calendar.monthrange(year, month)[1])
    if start is None or end is None:
        return 30
    generated = _moment(body.get("generated_at", ""))
    last = min(end, generated) if generated and generated > start else end
    return max(1, math.ceil((last - start).total_seconds() / 86400))


def view(storage: Storage, period_type: str | None = None, period_id: str | None = None) -> dict:
    known = periods(storage)
    if period_id is None and known:
        period_type, period_id = known[0]["type"], known[0]["id"]
    period_type = period_type or "month"
    with storage.tx(write=False) as db:
        rows = db.all(
            "SELECT c.code, c.name, c.last_seen_at, l.revision, l.received_at, s.body "
            "FROM communes c LEFT JOIN latest l ON l.commune_code = c.code "
            "AND l.period_type = ? AND l.period_id = ? "
            "LEFT JOIN submissions s ON s.submission_id = l.submission_id ORDER BY c.code",
            [period_type, period_id],
        )
    communes, escalations = [], []
    for code, name, seen, revision, received_at, body_text in rows:
        entry = {
            "code": code,
            "name": name,
            "last_seen_at": seen,
            "reported": body_text is not None,
        }
        if body_text is not None:
            body = json.loads(body_text)
            entry["name"] = name or body.get("commune_name", "")
            entry.update(_load(body, revision, received_at))
            escalations += [
                _readable(e, body) | {"commune_code": code, "commune_name": entry["name"]}
                for e in body.get("escalations", [])
                if str(e.get("status", "")).lower() not in CLOSED_STATUSES
            ]
        communes.append(entry)
    _flag_load(communes)
    reported = [c for c in communes if c["reported"]]
    totals = {k: sum(c[k] for c in reported) for k in COUNTERS}
    return {
        "period": {"type": period_type, "id": period_id},
        "periods": known,
        "communes": communes,
        "reported": len(reported),
        "total_communes": len(communes),
        "totals": totals,
        "escalations": escalations,
    }


def _readable(escalation: dict, body: dict) -> dict:
    """An escalation with its topic's name and its status in words instead of their codes."""
    topics = {c.get("category"): c.get("name") for c in body.get("by_category", [])}
    status = str(escalation.get("status", ""))
    return escalation | {
        "category": topics.get(escalation.get("category")) or escalation.get("category", ""),
        "status": vocab.label(vocab.STATUS, status),
    }


def _load(body: dict, revision: int, received_at: str) -> dict:
    totals = body["totals"]
    days = period_days(body)
    staff = int(body.get("staff_count") or 0)
    out = {k: int(totals.get(k, 0)) for k in COUNTERS}
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
