"""Live notices from the province to its desks ("VNeID đang quá tải, hẹn công dân quay lại
sau 14h"): posted from the command line or the dashboard, pulled by each desk at every sync and
shown as a banner until they expire (issue 17).

One hub may serve all 34 provinces (issue 15), so a notice has a reach: one province (its code
in `province`), or the whole nation (NULL). A desk receives the national notices and those of
its commune's province; a province user posts and retracts only its own province's."""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import UTC, datetime, timedelta, timezone

from supportdesk.hub import provinces
from supportdesk.hub.service import HubError
from supportdesk.hub.storage import Storage

VIETNAM = timezone(timedelta(hours=7))
MAX_TEXT = 500
MAX_DAYS = 30
TOPIC = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
FIELDS = ("id", "text", "topic", "starts_at", "until", "created_at", "province")
EVERY = "every"  # reach of a listing or a retraction: every notice, whatever its province


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
    province: str | None = None,
) -> dict:
    """Store a notice for one province's desks, or (province None) for every desk."""
    now = now or datetime.now(UTC)
    if province is not None and not provinces.known(province):
        raise HubError(422, "invalid", f"unknown province code {province!r} (e.g. 08)")
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
        "province": province,
    }
    with storage.tx() as db:
        db.execute(
            f"INSERT INTO notices ({', '.join(FIELDS)}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [notice[k] for k in FIELDS],
        )
    return notice


def retract(
    storage: Storage, notice_id: str, now: datetime | None = None, *, province: str = EVERY
) -> bool:
    """Withdraw an active notice; with a province code, only if it is that province's (a
    national notice or another province's is not for a province user to withdraw)."""
    mine, params = ("1 = 1", []) if province == EVERY else ("province = ?", [province])
    with storage.tx() as db:
        cur = db.execute(
            f"UPDATE notices SET retracted_at = ? WHERE id = ? AND retracted_at IS NULL AND {mine}",
            [_iso(now or datetime.now(UTC)), notice_id, *params],
        )
        return cur.rowcount == 1


def active(
    storage: Storage, now: datetime | None = None, *, province: str | None = EVERY
) -> list[dict]:
    """Notices in force now (started, not expired, not retracted), newest first.

    `province` is whose view: EVERY (the hub's operator, a national user) lists them all; a
    province code lists what that province's desks show (the nation's and the province's);
    None, what a commune outside the shipped list shows (the nation's only)."""
    stamp = _iso(now or datetime.now(UTC))
    if province == EVERY:
        reach, params = "1 = 1", []
    else:
        reach, params = "(province IS NULL OR province = ?)", [province]
    with storage.tx(write=False) as db:
        rows = db.all(
            f"SELECT {', '.join(FIELDS)} FROM notices WHERE retracted_at IS NULL "
            f"AND starts_at <= ? AND until > ? AND {reach} ORDER BY created_at DESC",
            [stamp, stamp, *params],
        )
    return [dict(zip(FIELDS, r)) for r in rows]
