"""Applying a page of a peer's items: one transaction, idempotent, never leaving a gap.

An item already held (same origin and seq) is skipped, so a page sent twice — a retry after a
lost answer, a sync killed half-way and run again — changes nothing the second time. An item
whose predecessor from the same desk is missing is not applied either; it will come again after
the missing one. So the feed stays an unbroken prefix per desk and the version vector is exact."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from supportdesk.core.team import feed, kinds
from supportdesk.core.tickets import replay


def apply_page(
    db: Database, items: list[dict], progress: Callable[[int], None] | None = None
) -> int:
    """Apply `items` (stamp order, as feed.items_since gives them); returns how many were new."""
    applied = 0
    with db.atomic():
        held = feed.vector(db)
        page = kinds.Page(db)
        for item in items:
            origin, seq = item["origin"], int(item["seq"])
            if seq != held.get(origin, 0) + 1:
                continue  # already held, or a gap: it comes again in order
            kinds.apply(db, item, page)
            db.execute(
                "INSERT INTO team_feed (origin, seq, kind, uid, hlc, body) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [origin, seq, item["kind"], item["uid"], int(item["hlc"]),
                 None if item["kind"] == "event" else feed.dump(item["body"])],
            )  # fmt: skip
            held[origin] = seq
            applied += 1
            if progress is not None:
                progress(applied)
        for request_id in page.to_replay():
            replay.rebuild(db, request_id)
    return applied
