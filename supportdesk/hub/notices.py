"""Live notices from the province to every desk ("VNeID đang quá tải, hẹn công dân quay lại
sau 14h"): posted from the command line or the dashboard, pulled by each desk at every sync and
shown as a banner until they expire (issue 17)."""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import UTC, datetime, timedelta, timezone

from supportdesk.hub.service import HubError
from supportdesk.hub.storage import Storage

VIETNAM = timezone(timedelta(hours=7))
MAX_TEXT = 500
MAX_DAYS = 30
TOPIC = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
FIELDS = ("id", "text", "topic", "starts_at", "until", "created_at")


def _moment(value: str | datetime, name: str) -> datetime:
    """An ISO time; without an offset it is Vietnam time, as the province writes it."""
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise HubError(422, "invalid", f"{name} must be a time like 2026-12-01T14:00") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def post(
    storage: Storage,
    text: str,
    *,
    until: str | datetime,
    topic: str = "",
    starts_at: str | datetime | None = None,
    now: datetime | None = None,
) -> dict:
    now = now or datetime.now(UTC)
    text = " ".join(unicodedata.normalize("NFC", str(text or "")).split())
    if not text or len(text) > MAX_TEXT:
        raise HubError(422, "invalid", f"notice text must be 1–{MAX_TEXT} characters")
    topic = str(topic or "").strip()
    if topic and not TOPIC.match(topic):
        raise HubError(422, "invalid", "topic must be a category code such as vneid")
    start = _moment(starts_at, "starts_at") if starts_at else now
    end = _moment(until, "until")
    if end <= now or end <= start:
        raise HubError(422, "invalid", "until must be later than now and than starts_at")
    if end - now > timedelta(days=MAX_DAYS):
        raise HubError(422, "invalid", f"a notice lasts at most {MAX_DAYS} days")
    notice = {
        "id": str(uuid.uuid4()),
        "text": text,
        "topic": topic,
        "starts_at": _iso(start),
        "until": _iso(end),
        "created_at": _iso(now),
    }
    with storage.tx() as db:
        db.execute(
            "INSERT INTO notices (id, text, topic, starts_at, until, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [notice[k] for k in FIELDS],
        )
    return notice


def retract(storage: Storage, notice_id: str, now: datetime | None = None) -> bool:
    with storage.tx() as db:
        cur = db.execute(
            "UPDATE notices SET retracted_at = ? WHERE id = ? AND retracted_at IS NULL",
            [_iso(now or datetime.now(UTC)), notice_id],
        )
        return cur.rowcount == 1


def active(storage: Storage, now: datetime | None = None) -> list[dict]:
    """Notices in force now (started, not expired, not retracted), newest first."""
    stamp = _iso(now or datetime.now(UTC))
    with storage.tx(write=False) as db:
        rows = db.all(
            f"SELECT {', '.join(FIELDS)} FROM notices WHERE retracted_at IS NULL "
            "AND starts_at <= ? AND until > ? ORDER BY created_at DESC",
            [stamp, stamp],
        )
    return [dict(zip(FIELDS, r)) for r in rows]
