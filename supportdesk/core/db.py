"""Opening the store: one SQLite file in the data dir, WAL, foreign keys, migrations, seed data."""

from __future__ import annotations

import errno
import functools
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from supportdesk import paths
from supportdesk.core.migrations import migrations

BUSY_TIMEOUT_MS = 5000

# Seeders fill a brand-new store with the shipped data; each runs once, in one transaction.
_SEEDERS = ("supportdesk.core.catalog:load_shipped_catalog",)


class StoreError(Exception):
    """The store cannot be opened as it is; the message says why, in plain words."""


class StoreTooNewError(StoreError):
    pass


class StoreCorruptError(StoreError):
    """The store file is damaged or is not a store at all. `backup` is the latest backup that
    passes the integrity check (None when there is none), for the UI to offer."""

    def __init__(self, path: Path, detail: str, backup: Path | None):
        self.path, self.detail, self.backup = path, detail, backup
        if backup is not None:
            stamp = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%H:%M %d/%m/%Y")
            offer = (
                f"Bản sao lưu tốt gần nhất: {backup} (lúc {stamp}); có thể khôi phục từ bản này."
            )
        else:
            offer = "Không tìm thấy bản sao lưu nào còn tốt trong thư mục backups."
        super().__init__(
            f"Không mở được kho dữ liệu {path}: tệp bị hỏng hoặc không đọc được ({detail}). "
            f"Tệp hỏng được giữ nguyên, chưa bị thay đổi. {offer}"
        )


# Both a StoreError (for the UI's plain message) and an OperationalError (so that code which
# already handles sqlite errors, e.g. a rollback, keeps working).
class StoreFullError(StoreError, sqlite3.OperationalError):
    def __init__(self, path: Path | None):
        where = f" ({path})" if path else ""
        super().__init__(
            f"Ổ đĩa đã đầy, không ghi được vào kho dữ liệu{where}. Thao tác vừa rồi chưa được "
            "lưu; mọi dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa "
            "(xoá bớt tệp không cần) rồi thử lại."
        )


class StoreReadOnlyError(StoreError, sqlite3.OperationalError):
    def __init__(self, path: Path | None):
        where = f" {path}" if path else ""
        super().__init__(
            f"Không ghi được vào kho dữ liệu{where}: thư mục dữ liệu hoặc tệp chỉ cho phép đọc. "
            "Thao tác vừa rồi chưa được lưu; mọi dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy cấp "
            "quyền ghi cho thư mục này (hoặc chọn thư mục dữ liệu khác) rồi mở lại SupportDesk."
        )


_FULL_CODES = {sqlite3.SQLITE_FULL}
_READONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def write_error(exc: sqlite3.Error, path: Path | None) -> StoreError | None:
    """The plain-language error for a full disk or a read-only store, else None."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # primary code of extended codes
    if code in _FULL_CODES:
        return StoreFullError(path)
    if code in _READONLY_CODES:
        return StoreReadOnlyError(path)
    return None


def _translating(method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.OperationalError as exc:
            if isinstance(exc, StoreError):
                raise
            err = write_error(exc, getattr(self, "store_path", None))
            if err is None:
                raise
            raise err from exc

    return wrapper


class _Cursor(sqlite3.Cursor):
    execute = _translating(sqlite3.Cursor.execute)
    executemany = _translating(sqlite3.Cursor.executemany)
    executescript = _translating(sqlite3.Cursor.executescript)

    @property
    def store_path(self) -> Path | None:
        return getattr(self.connection, "store_path", None)


class _Connection(sqlite3.Connection):
    """Turns a full disk or a read-only file, wherever a write meets it, into the plain-language
    errors above; the failed transaction rolls back and earlier commits stay."""

    store_path: Path | None = None
    execute = _translating(sqlite3.Connection.execute)
    executemany = _translating(sqlite3.Connection.executemany)
    executescript = _translating(sqlite3.Connection.executescript)
    commit = _translating(sqlite3.Connection.commit)
    __exit__ = _translating(sqlite3.Connection.__exit__)

    def cursor(self, factory=_Cursor):
        return super().cursor(factory)


def connect(path: Path) -> Database:
    """A connection with the pragmas every connection needs (one per thread)."""
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=True, factory=_Connection
    )
    conn.store_path = Path(path)
    db = Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    # FULL: an acknowledged write survives a power cut, not only a killed process.
    db.execute("PRAGMA synchronous = FULL")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    return db


def open_store(
    directory: Path | str | None = None, *, seed: bool = True, check: bool = True
) -> Database:
    """Open (creating if needed) the store in a data dir and bring its schema up to date.

    `check` runs SQLite's quick_check first (about 0.2 s for a 160 MB store) so that a damaged
    file is reported at start, with the latest good backup, instead of failing mid-work."""
    directory = paths.data_dir(directory)
    path = paths.store_path(directory)
    _check_writable(directory, path)
    fresh = not path.exists()
    db = None
    try:
        db = connect(path)
        if check and not fresh:
            _quick_check(db, path)
        migrate(db, path)
    except BaseException as exc:
        if db is not None:
            db.close()
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, StoreError):
            raise _open_error(exc, path) from exc
        raise
    if fresh and seed:
        _seed(db)
    return db


def _open_error(exc: sqlite3.DatabaseError, path: Path) -> StoreError:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _CORRUPT_CODES:
        return StoreCorruptError(path, str(exc), _latest_good(path.parent))
    return write_error(exc, path) or StoreError(f"Không mở được kho dữ liệu {path}: {exc}")


def _check_writable(directory: Path, path: Path) -> None:
    """A read-only or full data dir is told at start, not at the first save."""
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
    from supportdesk.core import backup  # backup builds on this module

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


def _seed(db: Database) -> None:
    import importlib

    for spec in _SEEDERS:
        module, func = spec.split(":")
        getattr(importlib.import_module(module), func)(db)
