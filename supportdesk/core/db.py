"""Opening the store: one SQLite file in the data dir, WAL, foreign keys, migrations, seed data."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from supportdesk import paths
from supportdesk.core.migrations import migrations

BUSY_TIMEOUT_MS = 5000

# Seeders fill a brand-new store with the shipped data; each runs once, in one transaction.
_SEEDERS = (
    "supportdesk.core.catalog:load_shipped_catalog",
    "supportdesk.core.directory:load_shipped_agencies",
)


class StoreError(Exception):
    """The store cannot be opened as it is; the message says why, in plain words."""


class StoreTooNewError(StoreError):
    pass


def connect(path: Path) -> Database:
    """A connection with the pragmas every connection needs (one per thread)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=True)
    db = Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    # FULL: an acknowledged write survives a power cut, not only a killed process.
    db.execute("PRAGMA synchronous = FULL")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    return db


def open_store(directory: Path | str | None = None, *, seed: bool = True) -> Database:
    """Open (creating if needed) the store in a data dir and bring its schema up to date."""
    directory = paths.data_dir(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = paths.store_path(directory)
    fresh = not path.exists()
    try:
        db = connect(path)
        migrate(db, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Không mở được kho dữ liệu {path}: {exc}") from exc
    if fresh and seed:
        _seed(db)
    return db


def migrate(db: Database, path: Path | None = None) -> list[str]:
    """Apply pending migrations (after a copy of a non-empty store); refuse a newer schema."""
    known = {m.name for m in migrations._migrations}
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StoreTooNewError(
            "Kho dữ liệu này do một phiên bản SupportDesk mới hơn tạo ra "
            f"(có thay đổi cấu trúc {', '.join(unknown)}). Hãy cài phiên bản mới hơn; "
            "dữ liệu không bị thay đổi."
        )
    pending = [m.name for m in migrations.pending(db)]
    if pending and applied and path is not None:
        backup_copy(db, path.parent / "backups" / f"pre-migrate-{_stamp()}.db")
    migrations.apply(db)
    return pending


def backup_copy(db: Database, target: Path) -> Path:
    """A consistent copy of the live store through SQLite's online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _seed(db: Database) -> None:
    import importlib

    for spec in _SEEDERS:
        module, func = spec.split(":")
        getattr(importlib.import_module(module), func)(db)
