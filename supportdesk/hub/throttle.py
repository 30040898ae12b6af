"""Rate limit on /enroll per client address: a few wrong codes, then a lockout.

Kept in the hub's database, not in memory, so that several worker processes count together and
a restart does not reset an attacker's count. Only failures count: a province enrolling many
desks from one office address with correct codes is never slowed down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from supportdesk.hub.service import HubError
from supportdesk.hub.storage import Storage

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)


def _now() -> datetime:
    return datetime.now(UTC)


def check(storage: Storage, address: str) -> None:
    """Raise 429 while the address is locked out."""
    with storage.tx(write=False) as db:
        row = db.one("SELECT locked_until FROM enroll_attempts WHERE address = ?", [address])
    if row and row[0]:
        until = datetime.fromisoformat(row[0])
        wait = (until - _now()).total_seconds()
        if wait > 0:
            raise HubError(
                429,
                "too_many_attempts",
                "too many wrong codes or passwords from this address; try again later",
                retry_after=int(wait) + 1,
            )


def failed(storage: Storage, address: str) -> None:
    """Count one wrong code; the MAX_FAILURES-th within WINDOW locks the address out."""
    now = _now()
    with storage.tx() as db:
        row = db.one("SELECT failures, first_at FROM enroll_attempts WHERE address = ?", [address])
        if row is None or datetime.fromisoformat(row[1]) < now - WINDOW:
            failures, first = 1, now
        else:
            failures, first = row[0] + 1, datetime.fromisoformat(row[1])
        locked = (now + LOCKOUT).isoformat() if failures >= MAX_FAILURES else None
        db.execute(
            "INSERT INTO enroll_attempts (address, failures, first_at, locked_until) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET "
            "failures = excluded.failures, first_at = excluded.first_at, "
            "locked_until = excluded.locked_until",
            [address, 0 if locked else failures, first.isoformat(), locked],
        )


def succeeded(storage: Storage, address: str) -> None:
    with storage.tx() as db:
        db.execute("DELETE FROM enroll_attempts WHERE address = ? AND locked_until IS NULL",
                   [address])  # fmt: skip
