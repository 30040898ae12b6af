"""How this desk's team syncs are going, for the status bar and `team status`: the number of
desks, when a peer was last reached, and whether to warn (docs/ARCHITECTURE.md, "A team sync").

Each `client.sync_team` records its outcome here (a setting: local knowledge, not replicated).
A sync that reaches no desk is normal for a while (a laptop out in the villages, a PC switched
off): the warning comes only when the last sync failed for a reason a person can act on (a
refused key, another team) or when no desk has answered for STALE."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from supportdesk.core.calendar import from_iso, to_iso
from supportdesk.core.store import settings
from supportdesk.core.team import membership

SETTING = "team_sync_state"
# Half a working day: a desk unplugged over lunch is no news, one unheard of since morning is.
STALE = timedelta(hours=4)


def record(db: Database, result: dict, *, now: datetime | None = None) -> None:
    """Keep what a sync with the team's desks gave (client.sync_team's result)."""
    now = now or datetime.now(UTC)
    before = settings.get(db, SETTING) or {}
    peers = result.get("peers", [])
    reached = [p for p in peers if p.get("ok")]
    # A desk that does not answer is offline, not a fault; a desk that answers and refuses is.
    refused = [p["error"] for p in peers if not p.get("ok") and p.get("refused")]
    settings.put(db, SETTING, {
        "at": to_iso(now),
        "tried": len(peers),
        "reached": len(reached),
        "reached_at": to_iso(now) if reached else before.get("reached_at"),
        "error": refused[0] if refused and not reached else None,
    })  # fmt: skip


def summary(db: Database, *, now: datetime | None = None) -> dict | None:
    """None when the desk is in no team; else {"desks", "reached_at", "minutes_ago", "error",
    "stale", "warn"}: `minutes_ago` since a desk last answered (None: never yet)."""
    team = membership.team(db)
    if not team:
        return None
    now = now or datetime.now(UTC)
    kept = settings.get(db, SETTING) or {}
    reached_at = kept.get("reached_at")
    minutes = None
    if reached_at:
        minutes = max(0, int((now - from_iso(reached_at)).total_seconds() // 60))
    stale = minutes is not None and timedelta(minutes=minutes) >= STALE
    error = kept.get("error")
    return {
        "desks": max(1, len(membership.members(db))),
        "reached_at": reached_at,
        "minutes_ago": minutes,
        "error": error,
        "stale": stale,
        "warn": bool(error) or stale,
    }
