"""The outbox of summaries waiting for the hub, and the queue's own state (backoff, pause).

A summary snapshot and its outbox row are written in one transaction, so a crash can never
leave a snapshot that is not queued or a queued row without its snapshot. Rows move
pending → in_flight → acked | rejected | superseded; rows left in flight by a crash go back to
pending on start (`recover`), and the hub's idempotency makes the resend harmless."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from supportdesk.core.store import settings
from supportdesk.core.sync import payload as payload_mod

STATES = ("pending", "in_flight", "acked", "rejected", "superseded")
STATE_KEY = "sync_state"


def iso(t: float) -> str:
    return datetime.fromtimestamp(t, UTC).isoformat(timespec="seconds")


def parse_iso(s: str) -> float:
    return datetime.fromisoformat(s).timestamp()


def catalog_versions(db: Database) -> dict[str, str]:
    rows = db.execute("SELECT name, version FROM sync_catalogs WHERE slot = 'current'")
    return dict(rows.fetchall())


def enqueue(
    db: Database,
    summary: dict,
    *,
    commune_code: str,
    commune_name: str = "",
    install_id: str,
    app_version: str,
    now: float | None = None,
) -> dict | None:
    """Snapshot one period's summary and queue it; None when nothing changed since the last one.

    Each change gets the next revision of its period; pending rows of older revisions are
    superseded at once since the hub keeps only the latest anyway."""
    now = time.time() if now is None else now
    content = payload_mod.summary_content(summary)
    digest = payload_mod.content_hash(content)
    ptype, pid = content["period"]["type"], content["period"]["id"]
    with db.atomic():
        last = db.execute(
            "SELECT revision, content_sha256 FROM sync_snapshots WHERE period_type = ? "
            "AND period_id = ? ORDER BY revision DESC LIMIT 1",
            [ptype, pid],
        ).fetchone()
        if last and last[1] == digest:
            return None
        revision = (last[0] if last else 0) + 1
        stamp = iso(now)
        snapshot_id = (
            db["sync_snapshots"]
            .insert(
                {
                    "period_type": ptype,
                    "period_id": pid,
                    "revision": revision,
                    "content_sha256": digest,
                    "content": json.dumps(content, ensure_ascii=False),
                    "created_at": stamp,
                }
            )
            .last_pk
        )
        body = payload_mod.build(
            content,
            commune_code=commune_code,
            commune_name=commune_name,
            revision=revision,
            install_id=install_id,
            app_version=app_version,
            catalog_versions=catalog_versions(db),
            generated_at=stamp,
        )
        db.execute(
            "UPDATE sync_outbox SET state = 'superseded', updated_at = ?, "
            "last_error = 'a newer revision was queued' "
            "WHERE state = 'pending' AND period_type = ? AND period_id = ?",
            [stamp, ptype, pid],
        )
        row = {
            "submission_id": body["submission_id"],
            "snapshot_id": snapshot_id,
            "period_type": ptype,
            "period_id": pid,
            "revision": revision,
            "payload": json.dumps(body, ensure_ascii=False),
            "state": "pending",
            "created_at": stamp,
            "updated_at": stamp,
        }
        db["sync_outbox"].insert(row)
    return row


def recover(db: Database) -> int:
    """Rows a crashed run left in flight go back to pending; returns how many."""
    with db.atomic():
        cur = db.execute("UPDATE sync_outbox SET state = 'pending' WHERE state = 'in_flight'")
        return cur.rowcount


def due(db: Database, limit: int = 1000) -> list[dict]:
    """Pending rows, oldest first (a period's revisions are therefore sent in order)."""
    cur = db.execute(
        "SELECT submission_id, period_type, period_id, revision, payload, attempts "
        "FROM sync_outbox WHERE state = 'pending' ORDER BY created_at, revision LIMIT ?",
        [limit],
    )
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _set(db: Database, submission_id: str, now: float, **fields: Any) -> None:
    fields["updated_at"] = iso(now)
    assigns = ", ".join(f"{k} = ?" for k in fields)
    with db.atomic():
        db.execute(
            f"UPDATE sync_outbox SET {assigns} WHERE submission_id = ?",
            [*fields.values(), submission_id],
        )


def claim(db: Database, submission_id: str, now: float) -> None:
    with db.atomic():
        db.execute(
            "UPDATE sync_outbox SET state = 'in_flight', attempts = attempts + 1, updated_at = ? "
            "WHERE submission_id = ?",
            [iso(now), submission_id],
        )


def acked(db: Database, submission_id: str, receipt: dict, now: float) -> None:
    receipt_text = json.dumps(receipt, ensure_ascii=False)
    _set(db, submission_id, now, state="acked", receipt=receipt_text, acked_at=iso(now),
         last_error="")  # fmt: skip


def rejected(db: Database, submission_id: str, reason: str, now: float) -> None:
    _set(db, submission_id, now, state="rejected", last_error=reason)


def superseded(db: Database, submission_id: str, reason: str, now: float) -> None:
    _set(db, submission_id, now, state="superseded", last_error=reason)


def release(db: Database, submission_id: str, reason: str, now: float) -> None:
    """Back to pending after a failure that says nothing about the row itself."""
    _set(db, submission_id, now, state="pending", last_error=reason)


# ---------------------------------------------------------------- queue state


def get_state(db: Database) -> dict:
    state = {
        "failures": 0,
        "next_attempt_at": None,
        "paused": None,
        "last_error": "",
        "last_success_at": None,
    }
    state.update(settings.get(db, STATE_KEY, {}) or {})
    return state


def put_state(db: Database, **changes: Any) -> dict:
    state = get_state(db)
    state.update(changes)
    settings.put(db, STATE_KEY, state)
    return state


def counts(db: Database) -> dict[str, int]:
    found = dict(db.execute("SELECT state, count(*) FROM sync_outbox GROUP BY state").fetchall())
    return {s: found.get(s, 0) for s in STATES}


def status(db: Database) -> dict:
    """What the status bar shows: counts per state and why the queue waits, if it does."""
    from supportdesk.core.sync import transport

    state = get_state(db)
    return {**counts(db), **state, "insecure": transport.insecure(db)}


def items(db: Database, states: tuple[str, ...] | None = None, limit: int = 200) -> list[dict]:
    """Rows for the outbox view, newest first; `last_error` is the reason for a rejection."""
    where, params = "", []
    if states:
        where = f"WHERE state IN ({', '.join('?' for _ in states)})"
        params = list(states)
    cur = db.execute(
        "SELECT submission_id, period_type, period_id, revision, state, attempts, last_error, "
        f"created_at, updated_at, acked_at FROM sync_outbox {where} "
        "ORDER BY created_at DESC, revision DESC LIMIT ?",
        [*params, limit],
    )
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]
