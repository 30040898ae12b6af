"""Opening the store: one SQLite file in the data dir, WAL, foreign keys, migrations, seed data."""

from __future__ import annotations

import contextlib
import errno
import os
import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from supportdesk import paths
from supportdesk.core.store.errors import (
    CORRUPT_CODES,
    GuardedConnection,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
    StoreTooNewError,
    write_error,
)
from supportdesk.core.store.migrations import migrations

BUSY_TIMEOUT_MS = 5000  # how long a write waits for another process's write (the app's too)

# Seeders fill a brand-new store with the shipped data; each runs once, in one transaction.
# The one seeding path: shipped data a store needs, in order, each loaded in one transaction while
# its table is still empty. Topics are checked at every open (every request needs one, so a store
# left without them by a stop right after it was created gets them); the catalog and its agencies
# come only into a new store and only with `seed` (tests and the bench skip them to start fast).
_SEEDERS = (
    ("categories", "supportdesk.core.tickets.categories:load_shipped", True),
    ("kb_articles", "supportdesk.core.kb.files:load_starter", True),  # after the topics
    ("procedures", "supportdesk.core.catalog.records:load_shipped_catalog", False),
    ("contacts", "supportdesk.core.directory.agencies:load_shipped_agencies", False),
)


class Store(Database):
    """sqlite-utils' Database whose write transactions take SQLite's write lock up front.

    A deferred BEGIN reads first and asks for the lock at its first write; when another process
    has committed in between, SQLite cannot wait and fails at once ("database is locked"), so
    two counters saving together lost requests. BEGIN IMMEDIATE waits for the lock (busy
    timeout) before reading anything, so what a transaction reads (the next ticket number) is
    still true when it writes. Nested blocks stay savepoints."""

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Store]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        begin_immediate(self.conn)
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


def begin_immediate(conn: sqlite3.Connection, timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """BEGIN IMMEDIATE, retried every millisecond or two until the busy timeout is spent.

    SQLite's own busy handler sleeps ever longer (up to 100 ms) between tries, and a writer
    saving back to back frees the lock only for a moment between two transactions: the other
    process could wait seconds. Trying often, with a little jitter, gets it in turn."""
    deadline = time.monotonic() + timeout_ms / 1000
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                busy = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == sqlite3.SQLITE_BUSY
                if not busy or isinstance(exc, StoreError):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusyError(getattr(conn, "store_path", None), timeout_ms) from exc
            time.sleep(random.uniform(0.0005, 0.002))
    finally:
        conn.execute(f"PRAGMA busy_timeout = {timeout_ms}")


def connect(path: Path) -> Database:
    """A connection with the pragmas every connection needs (one per thread).

    isolation_level IMMEDIATE: a write outside `atomic()` (sqlite3 opens the transaction itself
    before an INSERT/UPDATE/DELETE) takes the write lock up front as well."""
    conn = sqlite3.connect(
        str(path),
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=True,
        factory=GuardedConnection,
        isolation_level="IMMEDIATE",
    )
    conn.store_path = Path(path)
    # No sqlite-utils plugins: we use none, and looking for them scans every installed package's
    # metadata (60-300 ms at each start, the largest part of start-up beyond Qt; issue 19).
    db = Store(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    # FULL: an acknowledged write survives a power cut, not only a killed process.
    db.execute("PRAGMA synchronous = FULL")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    return db


class EarlyCheck:
    """SQLite's quick_check of a data dir's store, started in a thread of its own as the app
    starts (`supportdesk.ui.app`), so that it runs while Python loads Qt and the app's modules:
    sqlite3 lets go of the GIL while it checks, and a store of 200,000 requests takes about
    half a second to check. `open_store(check=early)` waits for it before touching the store;
    anything but a clean "ok" makes open_store check again itself, so a damaged store is
    reported exactly as before (issue 19)."""

    def __init__(self, directory: Path | str | None):
        self.path = paths.store_path(paths.data_dir(directory))
        self.ok = False
        self._thread = threading.Thread(target=self._run, name="store-check", daemon=True)
        if self.path.exists():
            self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, timeout=5)
            try:
                self.ok = conn.execute("PRAGMA quick_check(5)").fetchall() == [("ok",)]
            finally:
                conn.close()
        except sqlite3.Error:
            self.ok = False  # open_store checks again and says what is wrong

    def passed(self) -> bool:
        if self._thread.is_alive():
            self._thread.join()
        return self.ok


def open_store(
    directory: Path | str | None = None, *, seed: bool = True, check: bool | EarlyCheck = True
) -> Database:
    """Open (creating if needed) the store in a data dir and bring its schema up to date.

    `check` runs SQLite's quick_check first (about 0.2 s for a 160 MB store) so that a damaged
    file is reported at start, with the latest good backup, instead of failing mid-work; an
    EarlyCheck already under way stands in for it when it passed."""
    directory = paths.data_dir(directory)
    path = paths.store_path(directory)
    _check_writable(directory, path)
    fresh = not path.exists()
    db = None
    try:
        db = connect(path)
        if check and not fresh and not (isinstance(check, EarlyCheck) and check.passed()):
            _quick_check(db, path)
        migrate(db, path)
    except BaseException as exc:
        if db is not None:
            db.close()
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, StoreError):
            raise _open_error(exc, path) from exc
        raise
    _seed(db, catalog=fresh and seed)
    return db


def _open_error(exc: sqlite3.DatabaseError, path: Path) -> StoreError:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in CORRUPT_CODES:
        return StoreCorruptError(path, str(exc), _latest_good(path.parent))
    return write_error(exc, path) or StoreError(f"Không mở được kho dữ liệu {path}: {exc}")


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read, also to a store on read-only media (a write-protected
    USB stick, a CD, a read-only share).

    `mode=ro` still creates the -shm file beside a WAL store, which a read-only medium refuses;
    there `immutable=1` reads the file as it is. That is exact when no -wal file holds changes
    (a store closed cleanly has none); otherwise the store must be copied somewhere writable."""
    uri = Path(path).resolve().as_uri()
    conn = sqlite3.connect(uri + "?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(Path(path).parent, os.W_OK):
            raise
    except sqlite3.DatabaseError:
        return conn  # damaged or not a database: the caller's checks say which
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            f"{path} nằm trên ổ chỉ cho phép đọc và còn thay đổi chưa ghi hết vào tệp chính "
            f"({wal.name}); hãy chép cả thư mục sang ổ ghi được rồi thử lại."
        )
    return sqlite3.connect(uri + "?immutable=1", uri=True)


def _check_writable(directory: Path, path: Path) -> None:
    """A read-only or full data dir is told at start, not at the first save."""
    for part in (directory, *directory.parents):  # the nearest part that exists
        if part.exists():
            if not part.is_dir():
                raise StoreError(
                    f"Thư mục dữ liệu {directory} không dùng được: {part} là một tệp, không "
                    "phải thư mục. Hãy chọn một thư mục (--data-dir)."
                )
            break
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / f".supportdesk-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise StoreFullError(path) from exc
        raise StoreReadOnlyError(path) from exc
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreReadOnlyError(path)


def _quick_check(db: Database, path: Path) -> None:
    problems = [row[0] for row in db.execute("PRAGMA quick_check(5)").fetchall()]
    if problems != ["ok"]:
        raise StoreCorruptError(path, "; ".join(problems), _latest_good(path.parent))


def _latest_good(directory: Path) -> Path | None:
    from supportdesk.core.store import backup

    return backup.latest_good(directory)


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
        # A backup is one self-contained file: no -wal beside it to lose when it is copied.
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    return target


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _seed(db: Database, *, catalog: bool) -> None:
    import importlib

    for table, spec, always in _SEEDERS:
        if not (always or catalog) or db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            continue
        module, func = spec.split(":")
        getattr(importlib.import_module(module), func)(db)  # each seeder owns its transaction
