"""Outage detection on the hub (issue 17): a topic whose requests across communes in one hour
are far above their usual level for that hour of the day.

Desks send absolute counts per Vietnam-time hour and topic (core.sync.hourly); the hub keeps the
latest per commune. A topic is flagged for hour H when its total is at least SPIKE_FACTOR × the
median of the totals at the same hour on the previous 28 days (a day with no report counts as 0,
the median as at least 1) and at least MIN_COMMUNES communes logged it: many places at once is
what tells a national system's failure from one busy ward."""

from __future__ import annotations

import json
import statistics
from datetime import UTC, datetime, timedelta

from supportdesk.hub.storage import Storage

SPIKE_FACTOR = 3.0
MIN_COMMUNES = 10
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


def latest_hour(storage: Storage) -> str | None:
    with storage.tx(write=False) as db:
        row = db.one("SELECT max(hour) FROM hourly_counts")
    return row[0] if row else None


def _shift(hour: str, days: int) -> str:
    return (datetime.strptime(hour, HOUR_FORMAT) - timedelta(days=days)).strftime(HOUR_FORMAT)


def detect(storage: Storage, hour: str | None = None) -> list[dict]:
    """The spiking topics of one hour (default: the latest hour reported), biggest first."""
    hour = hour or latest_hour(storage)
    if not hour:
        return []
    earlier = [_shift(hour, d) for d in range(1, BASELINE_DAYS + 1)]
    marks = ",".join("?" * len(earlier))
    with storage.tx(write=False) as db:
        now_rows = db.all(
            "SELECT category, sum(count), sum(CASE WHEN count > 0 THEN 1 ELSE 0 END) "
            "FROM hourly_counts WHERE hour = ? GROUP BY category",
            [hour],
        )
        past_rows = db.all(
            f"SELECT hour, category, sum(count) FROM hourly_counts WHERE hour IN ({marks}) "
            "GROUP BY hour, category",
            earlier,
        )
    past: dict[str, dict[str, int]] = {}
    for past_hour, category, total in past_rows:
        past.setdefault(category, {})[past_hour] = int(total)
    flagged = []
    names = topic_names()
    for category, total, communes in now_rows:
        series = [past.get(category, {}).get(h, 0) for h in earlier]
        median = statistics.median(series)
        usual = max(median, 1.0)
        if total >= SPIKE_FACTOR * usual and communes >= MIN_COMMUNES:
            flagged.append(
                {
                    "hour": hour,
                    "category": category,
                    "name": names.get(category, category),
                    "count": int(total),
                    "communes": int(communes),
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


def notice_for(storage: Storage, category: str, hour: str, *, hours: int = 2, now=None) -> dict:
    """The province's one click: a notice for a flagged topic, valid for the next hours."""
    from supportdesk.hub import notices
    from supportdesk.hub.service import HubError

    flagged = {s["category"]: s for s in detect(storage, hour)}
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
    return notices.post(storage, text, topic=category, until=now + timedelta(hours=hours), now=now)
