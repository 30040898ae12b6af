"""Proposing a local article to the province (issue 17): queued in `kb_proposals`, sent at the
next sync, replayed safely (the proposal id is the idempotency key). Only the article's fields
go up, never its notes (which name the request it came from), and a proposal that looks like
it holds personal data is refused here, before it is queued, and again on the hub."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from sqlite_utils import Database

from supportdesk.core.kb import drafts, store
from supportdesk.core.kb.model import KbError

SENT_FIELDS = ("uuid", "title", "symptoms", "steps", "topics", "systems", "procedures",
               "audience", "source")  # fmt: skip


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def propose(db: Database, ref, *, now: datetime | None = None) -> dict:
    article = store.get(db, ref)
    if article is None:
        raise KbError(f"không có bài viết {ref}")
    if article["origin"] != "commune":
        raise KbError("bài này là của tỉnh, không cần đề xuất")
    body = {k: article[k] for k in SENT_FIELDS}
    words = "\n".join([body["title"], body["symptoms"], *body["steps"], body["source"]])
    left = drafts.leaks(words)
    if left:
        raise KbError("bài còn thông tin cá nhân (" + ", ".join(left) + "); hãy sửa trước")
    row = {
        "proposal_id": str(uuid.uuid4()),
        "article_uuid": article["uuid"],
        "payload": "",
        "state": "pending",
        "created_at": _iso(now or datetime.now(UTC)),
    }
    row["payload"] = json.dumps(
        {"proposal_id": row["proposal_id"], "article": body}, ensure_ascii=False
    )
    with db.atomic():
        db["kb_proposals"].insert(row)
    return row


def pending(db: Database) -> list[dict]:
    cursor = db.execute(
        "SELECT proposal_id, article_uuid, payload FROM kb_proposals WHERE state = 'pending' "
        "ORDER BY created_at"
    )
    return [dict(zip(("proposal_id", "article_uuid", "payload"), r)) for r in cursor.fetchall()]


def send(db: Database, client, *, now: datetime | None = None) -> dict:
    """Post what is pending; a refused proposal is marked so and never retried."""
    from supportdesk.core.sync.client import REJECT_STATUSES

    result = {"sent": 0, "rejected": 0}
    for row in pending(db):
        response = client.request(
            "POST",
            "/api/v1/kb/proposals",
            data=row["payload"].encode(),
            headers={"Content-Type": "application/json", "Idempotency-Key": row["proposal_id"]},
        )
        stamp = _iso(now or datetime.now(UTC))
        if response.status_code == 200:
            state, error = "acked", ""
            result["sent"] += 1
        elif response.status_code in (*REJECT_STATUSES, 409):
            state, error = "rejected", response.text[:300]
            result["rejected"] += 1
        else:
            continue  # anything else: try again at the next sync
        db.execute(
            "UPDATE kb_proposals SET state = ?, last_error = ?, sent_at = ?, "
            "attempts = attempts + 1 WHERE proposal_id = ?",
            [state, error, stamp, row["proposal_id"]],
        )
    return result
