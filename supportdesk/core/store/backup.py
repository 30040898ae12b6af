"""Backups of the store: daily online copies kept in `<data dir>/backups/`, checks, restore.

The store is the only copy of a commune's records, so every copy is made through SQLite's online
backup API (consistent while the app writes) and checked before it counts as a good backup."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from supportdesk import paths
from supportdesk.core.store import connection, errors, settings
from supportdesk.core.store.migrations import migrations
from supportdesk.core.tabular import BadInputError

KEEP_SETTING = "backup_keep"  # how many of the app's own backups to keep
PREFIX = "supportdesk-"  # the rotated backups; pre-migrate-/pre-restore- copies are left alone
MIGRATIONS_TABLE = "_sqlite_migrations"


class StoreInUseError(errors.StoreError):
    """Restore refused: another connection (the app, another command) has the store open."""


@dataclass
class CheckReport:
    path: str
    is_store: bool = False  # a SQLite file with SupportDesk's migrations table
    ok: bool = False  # is_store and no problem found
    problems: list[str] = field(default_factory=list)
    tables: int = 0
    migrations: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class RestoreResult:
    restored_from: Path
    previous_copy: Path | None  # the store as it was before, kept in backups/ (None: no store)

    def as_dict(self) -> dict:
        previous = str(self.previous_copy) if self.previous_copy else None
        return {"restored_from": str(self.restored_from), "previous_copy": previous}


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "backups"


# ---------------------------------------------------------------- making backups


def create(
    db: Database, data_dir: Path, keep: int | None = None, *, now: datetime | None = None
) -> Path:
    """A checked backup of the open store in backups/, then rotation to the last `keep`."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir(data_dir) / f"{PREFIX}{stamp}.db"
    copy_to(db, target)
    rotate(data_dir, _keep(db) if keep is None else keep)
    return target


def daily(
    db: Database, data_dir: Path, keep: int | None = None, *, now: datetime | None = None
) -> Path | None:
    """The automatic backup: one per local calendar day (the first call of the day makes it).

    Cheap when today's backup exists, so the app may call it at start and then every hour."""
    now = now or datetime.now()
    today = f"{PREFIX}{now.strftime('%Y%m%d')}-"
    if any(p.name.startswith(today) for p in _rotated(data_dir)):
        return None
    return create(db, data_dir, keep, now=now)


def copy_to(db: Database, target: Path) -> Path:
    """Copy the open store to `target` and check the copy. The copy is written beside the target
    first, so a failed or damaged copy never leaves a file that looks like a backup."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        connection.backup_copy(db, partial)
        report = check(partial)
        if not report.ok:
            live = getattr(db.conn, "store_path", None) or target
            detail = "; ".join(report.problems)
            raise errors.StoreCorruptError(live, detail, latest_good(live.parent))
        os.replace(partial, target)
    except sqlite3.OperationalError as exc:
        err = None if isinstance(exc, errors.StoreError) else errors.write_error(exc, target)
        if err is None:
            raise
        raise err from exc
    finally:
        partial.unlink(missing_ok=True)
    return target


def rotate(data_dir: Path, keep: int) -> list[Path]:
    """Delete the app's backups beyond the newest `keep`; returns what was deleted."""
    doomed = _rotated(data_dir)[max(keep, 1) :]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def _rotated(data_dir: Path) -> list[Path]:
    """The app's own backups, newest first (the name carries the time, so names sort by age)."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*.db"), key=lambda p: p.name, reverse=True)


def _keep(db: Database) -> int:
    return settings.get(db, KEEP_SETTING)


# ---------------------------------------------------------------- checking


def check(path: Path) -> CheckReport:
    """PRAGMA integrity_check, foreign_key_check and a readable schema with our migrations.

    Opens the file read-only, so checking a backup never changes it."""
    path = Path(path)
    report = CheckReport(path=str(path))
    if not path.is_file():
        report.problems.append("không tìm thấy tệp")
        return report
    try:
        conn = connection.open_read_only(path)
    except errors.StoreError as exc:
        report.problems.append(str(exc))
        return report
    except sqlite3.Error as exc:
        report.problems.append(f"không mở được tệp: {exc}")
        return report
    try:
        _check_open(conn, report)
    except sqlite3.DatabaseError as exc:
        report.problems.append(_plain(exc))
    finally:
        conn.close()
    report.ok = report.is_store and not report.problems
    return report


def _check_open(conn: sqlite3.Connection, report: CheckReport) -> None:
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    report.tables = len(tables)
    if MIGRATIONS_TABLE not in tables:
        report.problems.append("không phải kho dữ liệu SupportDesk (thiếu bảng migrations)")
        return
    report.migrations = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
            [migrations.name],
        )
    ]
    if not report.migrations:
        report.problems.append("không phải kho dữ liệu SupportDesk (không có migration nào)")
        return
    report.is_store = True
    known = {m.name for m in migrations._migrations}
    unknown = [name for name in report.migrations if name not in known]
    if unknown:
        report.problems.append(f"do phiên bản SupportDesk mới hơn tạo ra (có {', '.join(unknown)})")
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    if integrity != ["ok"]:
        report.problems += [f"integrity_check: {line}" for line in integrity]
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchmany(20):
        report.problems.append(
            f"foreign_key_check: bảng {table}, dòng {rowid} trỏ tới {parent} không tồn tại"
        )
    for table in tables:  # every table's declaration must still parse and read
        conn.execute(f'SELECT * FROM "{table}" LIMIT 1').fetchall()


def _plain(exc: sqlite3.Error) -> str:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code == sqlite3.SQLITE_NOTADB:
        return "không phải tệp cơ sở dữ liệu SQLite"
    if code == sqlite3.SQLITE_CORRUPT:
        return f"tệp bị hỏng: {exc}"
    return f"không đọc được: {exc}"


def latest_good(data_dir: Path | str) -> Path | None:
    """The newest file in backups/ that passes `check` (any kind: daily, manual, pre-migrate,
    pre-restore), or None. Checks newest first and stops at the first good one."""
    folder = backups_dir(Path(data_dir))
    if not folder.is_dir():
        return None
    candidates = sorted(folder.glob("*.db"), key=lambda p: p.stat().st_mtime, reverse=True)
    return next((p for p in candidates if check(p).ok), None)


# ---------------------------------------------------------------- restoring


def restore(data_dir: Path | str, source: Path | str) -> RestoreResult:
    """Replace the store with a checked backup, after keeping a copy of the current store.

    Every connection to the store must be closed first (the desktop app closes its own). Raises
    BadInputError when `source` is not a good SupportDesk store; then nothing is changed."""
    data_dir, source = Path(data_dir), Path(source)
    report = check(source)
    if not report.ok:
        raise BadInputError(source, "không khôi phục được: " + "; ".join(report.problems))
    live = paths.store_path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    if live.exists():
        _ensure_not_in_use(live)
    staged = live.with_name(live.name + ".restoring")
    staged.unlink(missing_ok=True)
    _sqlite_copy(source, staged)
    previous = _keep_previous(data_dir, live) if live.exists() else None
    # A -wal left beside the new file would be replayed into it: the old store is in `previous`.
    for suffix in ("-wal", "-shm"):
        Path(str(live) + suffix).unlink(missing_ok=True)
    os.replace(staged, live)
    _fsync_dir(data_dir)
    connection.open_store(data_dir, seed=False).close()  # migrates an older backup, checks it opens
    return RestoreResult(source, previous)


def _ensure_not_in_use(live: Path) -> None:
    """In WAL mode every open connection holds a shared lock on the file, so an exclusive lock
    is only granted when nobody else has the store open (replacing it under them loses data)."""
    conn = sqlite3.connect(str(live), timeout=0.5, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF in (
            sqlite3.SQLITE_BUSY,
            sqlite3.SQLITE_LOCKED,
        ):
            raise StoreInUseError(
                "Kho dữ liệu đang được mở (SupportDesk hoặc một lệnh khác đang chạy). Hãy đóng "
                "lại rồi khôi phục; chưa có gì bị thay đổi."
            ) from exc
    except sqlite3.DatabaseError:
        pass  # a damaged store is what restore is for
    finally:
        conn.close()


def _keep_previous(data_dir: Path, live: Path) -> Path:
    target = backups_dir(data_dir) / f"pre-restore-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(live))
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        _sqlite_copy(live, target)
    except sqlite3.DatabaseError:
        # A damaged store cannot go through SQLite: keep its bytes, WAL included, as they are.
        target.unlink(missing_ok=True)
        for suffix in ("", "-wal"):
            if Path(str(live) + suffix).exists():
                shutil.copyfile(str(live) + suffix, str(target) + suffix)
    return target


def _sqlite_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    dest = sqlite3.connect(str(target))
    try:
        src.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
        src.close()


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
