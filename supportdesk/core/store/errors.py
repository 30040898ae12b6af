"""The store's errors in plain Vietnamese, and a connection that raises them where writes fail.

A full disk or a read-only medium can meet any write anywhere in the app; translating the sqlite
error at the connection gives every caller (UI, CLI, background task) the same clear message."""

from __future__ import annotations

import functools
import sqlite3
from datetime import datetime
from pathlib import Path

from supportdesk.core.errors import UserError


class StoreError(UserError):
    """The store cannot be opened as it is; the message says why, in plain words."""

    exit_code = 1  # the environment (disk, file), not the command's input


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


class StoreBusyError(StoreError, sqlite3.OperationalError):
    """Another process kept the write lock for the whole busy timeout."""

    def __init__(self, path: Path | None, waited_ms: int):
        where = f" {path}" if path else ""
        super().__init__(
            f"Kho dữ liệu{where} đang bận: một chương trình khác giữ quyền ghi quá "
            f"{waited_ms // 1000} giây. Thao tác vừa rồi chưa được lưu; hãy thử lại."
        )


FULL_CODES = {sqlite3.SQLITE_FULL}
READONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}
CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def write_error(exc: sqlite3.Error, path: Path | None) -> StoreError | None:
    """The plain-language error for a full disk or a read-only store, else None."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # primary code of extended codes
    if code in FULL_CODES:
        return StoreFullError(path)
    if code in READONLY_CODES:
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


class GuardedCursor(sqlite3.Cursor):
    execute = _translating(sqlite3.Cursor.execute)
    executemany = _translating(sqlite3.Cursor.executemany)
    executescript = _translating(sqlite3.Cursor.executescript)

    @property
    def store_path(self) -> Path | None:
        return getattr(self.connection, "store_path", None)


class GuardedConnection(sqlite3.Connection):
    """Turns a full disk or a read-only file, wherever a write meets it, into the plain-language
    errors above; the failed transaction rolls back and earlier commits stay."""

    store_path: Path | None = None
    execute = _translating(sqlite3.Connection.execute)
    executemany = _translating(sqlite3.Connection.executemany)
    executescript = _translating(sqlite3.Connection.executescript)
    commit = _translating(sqlite3.Connection.commit)
    __exit__ = _translating(sqlite3.Connection.__exit__)

    def cursor(self, factory=GuardedCursor):
        return super().cursor(factory)
