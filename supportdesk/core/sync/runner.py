"""One complete sync as the app and the CLI run it: recover, snapshot, send, pull catalogs.

The desktop's background task calls `sync_now(db, data_dir)` every few minutes and
`sync_now(db, data_dir, force=True)` for "Send now"; it never raises for network trouble."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core.store import settings
from supportdesk.core.sync import enrollment, outbox, snapshots, transport
from supportdesk.core.sync.client import HubClient, sync_once


def sync_now(
    db: Database,
    data_dir: Path,
    *,
    force: bool = False,
    now: Callable[[], float] = time.time,
    token_store=None,
    summarize=None,
) -> dict:
    """The `sync_once` result, plus "queued" (new snapshots) and "reason" when it could not try."""
    outbox.recover(db)
    result = {"queued": 0, "reason": None}
    try:
        queued = snapshots.queue_periods(
            db, snapshots.recent_months(now()), summarize=summarize, now=now()
        )
        result["queued"] = len(queued)
    except (ImportError, ValueError) as exc:
        # No stats yet or no commune set up: what is already queued still goes out.
        result["reason"] = f"chưa lập được báo cáo: {exc}"
    hub_url = settings.get(db, "hub_url")
    store = token_store or enrollment.token_store(db, data_dir)
    token = store.get() if hub_url else None
    if not hub_url or not token:
        counts = outbox.counts(db)
        result.update(sent=0, acked=0, rejected=0, pending=counts["pending"],
                      catalogs_updated=[], paused=None, error=None)  # fmt: skip
        result["reason"] = "chưa đăng ký với máy chủ tỉnh"
        result["not_enrolled"] = True  # the CLI names its command, the app its settings tab
        return result
    try:
        client = HubClient(hub_url, token, verify=transport.verify_for(db), clock=now,
                           allow_http=bool(settings.get(db, "hub_allow_http")))  # fmt: skip
    except transport.InsecureHub as exc:
        pending = outbox.counts(db)["pending"]
        result.update(sent=0, acked=0, rejected=0, pending=pending, catalogs_updated=[],
                      paused=None, error=str(exc), reason=str(exc))  # fmt: skip
        return result
    try:
        result.update(sync_once(db, client, now=now, force=force))
    finally:
        client.close()
    result["reason"] = result["reason"] or result.get("error")
    return result
