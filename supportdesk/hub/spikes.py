"""Outage detection on the hub (issue 17): a topic whose requests across communes in one hour
are far above their usual level for that hour of the day.

Desks send absolute counts per Vietnam-time hour and topic (core.sync.hourly); the hub keeps the
latest per commune. A topic is flagged for hour H when its total is at least SPIKE_FACTOR × the
median of the totals at the same hour on the previous 28 days (a day with no report counts as 0,
the median as at least 1) and at least MIN_COMMUNES communes logged it (fewer in a small
province, see min_communes): many places at once is what tells a national system's failure
from one busy ward.

Each viewer's spikes are computed over the communes it sees (issue 15): a province user's over
its province's, a national user's over the country's or over the province it filters on. A
province's own systems (its public-service portal) fail for its communes only, and would never
stand out against the whole country's totals."""

from __future__ import annotations

import json
import statistics
from datetime import UTC, datetime, timedelta

from supportdesk.hub.dashboard import scope_sql
from supportdesk.hub.storage import Storage

SPIKE_FACTOR = 3.0
MIN_COMMUNES = 10
# Within one province 10 communes is too many for the small ones: Lai Châu has 38 communes,
# Huế 40, Điện Biên 45, and at an early or late hour only part of them have a desk open, so an
# outage of the province's portal could reach 6–9 communes and never be flagged. The minimum is
# there to tell "many places at once" from one or two busy wards, which 5 distinct communes
# still do (each needs its own requests, and the total must be 3× the usual too). So a scope of
# n communes needs a tenth of them (rounded down), at least 5 and at most 10: 10 for every
# province of 100 communes or more and for the nation, as before.
MIN_COMMUNES_SMALL = 5
BASELINE_DAYS = 28
HOUR_FORMAT = "%Y-%m-%dT%H"


def record(db, commune_code: str, hourly: dict[str, dict[str, int]]) -> None:
    """Store a submission's hourly counts (inside its ingest transaction); latest wins."""
    for hour, topics in hourly.items():
        for category, count in topics.items():
            db.execute(
                "INSERT INTO hourly_counts (commune_code, hour, category, count) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (commune_code, hour, category) "
                "DO UPDATE SET count = excluded.count",
                [commune_code, hour, category, int(count)],
            )


def min_communes(scope: list[str] | None) -> int:
    """How many communes must log a topic for it to be flagged (see MIN_COMMUNES_SMALL)."""
    if scope is None:
        return MIN_COMMUNES
    return max(MIN_COMMUNES_SMALL, min(MIN_COMMUNES, len(scope) // 10))


def latest_hour(storage: Storage, communes: list[str] | None = None) -> str | None:
    where, params = scope_sql(communes, "commune_code")
    with storage.tx(write=False) as db:
        row = db.one(f"SELECT max(hour) FROM hourly_counts WHERE {where}", params)
    return row[0] if row else None


def _shift(hour: str, days: int) -> str:
    return (datetime.strptime(hour, HOUR_FORMAT) - timedelta(days=days)).strftime(HOUR_FORMAT)


def detect(
    storage: Storage, hour: str | None = None, communes: list[str] | None = None
) -> list[dict]:
    """The spiking topics of one hour (default: the latest hour reported) over the communes
    given (None: every commune), biggest first."""
    hour = hour or latest_hour(storage, communes)
    if not hour:
        return []
    earlier = [_shift(hour, d) for d in range(1, BASELINE_DAYS + 1)]
    marks = ",".join("?" * len(earlier))
    where, scope = scope_sql(communes, "commune_code")
    least = min_communes(communes)
    with storage.tx(write=False) as db:
        now_rows = db.all(
            "SELECT category, sum(count), sum(CASE WHEN count > 0 THEN 1 ELSE 0 END) "
            f"FROM hourly_counts WHERE hour = ? AND {where} GROUP BY category",
            [hour, *scope],
        )
        past_rows = db.all(
            f"SELECT hour, category, sum(count) FROM hourly_counts WHERE hour IN ({marks}) "
            f"AND {where} GROUP BY hour, category",
            [*earlier, *scope],
        )
    past: dict[str, dict[str, int]] = {}
    for past_hour, category, total in past_rows:
        past.setdefault(category, {})[past_hour] = int(total)
    flagged = []
    names = topic_names()
    for category, total, places in now_rows:
        series = [past.get(category, {}).get(h, 0) for h in earlier]
        median = statistics.median(series)
        usual = max(median, 1.0)
        if total >= SPIKE_FACTOR * usual and places >= least:
            flagged.append(
                {
                    "hour": hour,
                    "category": category,
                    "name": names.get(category, category),
                    "count": int(total),
                    "communes": int(places),
                    "median": median,
                    "ratio": round(total / usual, 1),
                }
            )
    return sorted(flagged, key=lambda s: -s["count"])


def topic_names() -> dict[str, str]:
    """The shipped support topics' names: a notice names the topic as a person would."""
    from supportdesk.paths import resource

    doc = json.loads(resource("categories.json").read_text(encoding="utf-8"))
    return {c["code"]: c["name"] for c in doc["categories"]}


def notice_for(
    storage: Storage,
    category: str,
    hour: str,
    *,
    province: str | None = None,
    hours: int = 2,
    now=None,
) -> dict:
    """The province's one click: a notice for a topic flagged in a province (or, province None,
    in the nation), for that province's desks (or every desk), valid for the next hours."""
    from supportdesk.hub import notices, provinces
    from supportdesk.hub.service import HubError

    if province is not None and not provinces.known(province):
        raise HubError(422, "invalid", f"unknown province code {province!r} (e.g. 08)")
    scope = None if province is None else provinces.communes_of(province)
    flagged = {s["category"]: s for s in detect(storage, hour, scope)}
    if category not in flagged:
        raise HubError(404, "not_found", f"no spike of {category} at {hour}")
    spike = flagged[category]
    name = topic_names().get(category, category)
    text = (
        f"{name}: {spike['count']} yêu cầu từ {spike['communes']} xã trong giờ "
        f"{hour[-2:]}h (gấp {spike['ratio']:g} lần bình thường) — có thể hệ thống đang gặp sự cố. "
        "Hẹn công dân quay lại sau, tỉnh sẽ báo khi hệ thống ổn định."
    )
    now = now or datetime.now(UTC)
    until = now + timedelta(hours=hours)
    return notices.post(storage, text, topic=category, until=until, now=now, province=province)
