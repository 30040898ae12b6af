"""Hub storage on SQLite (one file, the default) or PostgreSQL (`postgresql://…`).

The same SQL runs on both: `?` placeholders are rewritten for psycopg, timestamps are ISO-8601
UTC text, and every idempotency rule is a primary key or unique constraint, so concurrent
requests are settled by the database and never by locks in Python."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS communes (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    token_hash TEXT UNIQUE,
    install_id TEXT,
    enroll_hash TEXT UNIQUE,
    enroll_expires TEXT,
    revoked_at TEXT,
    created_at TEXT NOT NULL,
    last_seen_at TEXT
);
CREATE TABLE IF NOT EXISTS submissions (
    submission_id TEXT PRIMARY KEY,
    commune_code TEXT NOT NULL REFERENCES communes(code),
    period_type TEXT NOT NULL,
    period_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    content_sha256 TEXT NOT NULL,
    body TEXT NOT NULL,
    receipt TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (commune_code, period_type, period_id, revision)
);
CREATE TABLE IF NOT EXISTS latest (
    commune_code TEXT NOT NULL,
    period_type TEXT NOT NULL,
    period_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    submission_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (commune_code, period_type, period_id)
);
CREATE INDEX IF NOT EXISTS latest_period ON latest (period_type, period_id);
CREATE TABLE IF NOT EXISTS locked_periods (
    period_type TEXT NOT NULL,
    period_id TEXT NOT NULL,
    locked_at TEXT NOT NULL,
    PRIMARY KEY (period_type, period_id)
);
CREATE TABLE IF NOT EXISTS catalogs (
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    body {blob} NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (name, version)
);
CREATE TABLE IF NOT EXISTS catalog_current (
    name TEXT PRIMARY KEY,
    version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS locked_communes (
    code TEXT PRIMARY KEY,
    locked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS hourly_counts (
    commune_code TEXT NOT NULL,
    hour TEXT NOT NULL,
    category TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (commune_code, hour, category)
);
CREATE INDEX IF NOT EXISTS hourly_by_hour ON hourly_counts (hour, category);
CREATE TABLE IF NOT EXISTS notices (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    starts_at TEXT NOT NULL,
    until TEXT NOT NULL,
    created_at TEXT NOT NULL,
    retracted_at TEXT,
    province TEXT
);
CREATE TABLE IF NOT EXISTS kb_articles (
    uuid TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kb_proposals (
    proposal_id TEXT PRIMARY KEY,
    commune_code TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    received_at TEXT NOT NULL,
    reviewed_at TEXT
);
"""
# Who may read the hub (supportdesk.hub.access) and who knocks at /enroll (rate limit).
ACCESS_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    province TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS enroll_attempts (
    address TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    first_at TEXT NOT NULL,
    locked_until TEXT
);
"""

# Columns added to a table after it first shipped. CREATE TABLE IF NOT EXISTS leaves an older
# hub's table as it was, so each is added when missing, in the schema's transaction; existing
# rows take the column's default. A notice's province (NULL: the whole nation) came with
# province-scoped notices, so the notices stored before are national, as they were.
ADDED_COLUMNS = (("notices", "province", "TEXT"),)


SCHEMA_LOCK = 0x5D_1AB5  # the advisory lock key the schema's set-up holds on PostgreSQL


def add_missing_columns(db: Tx) -> None:
    """Inside the schema's transaction, which one opener at a time runs (SQLite's BEGIN
    IMMEDIATE, PostgreSQL's advisory lock): the check and the ALTER cannot interleave."""
    for table, column, definition in ADDED_COLUMNS:
        held = {d[0] for d in db.execute(f"SELECT * FROM {table} LIMIT 0").description}
        if column not in held:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")


DEFAULT_POOL = 10  # connections per process; the thread pool has more threads, most not in SQL


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def private_file(path: Path) -> None:
    """Create the hub's SQLite file readable by its owner only (tokens' hashes, users'
    password hashes, every commune's figures); SQLite gives -wal and -shm the same mode."""
    if str(path) == ":memory:":
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    if path.stat().st_mode & 0o077:
        with contextlib.suppress(OSError):  # not ours to change: leave it as it is
            os.chmod(path, 0o600)


class Storage:
    """Connections (one per thread) and transactions over either backend."""

    def __init__(self, url: str | Path, *, pool_size: int = DEFAULT_POOL):
        self.url = str(url)
        self.postgres = is_postgres(self.url)
        self.pool_size = pool_size
        self._pool = None
        if self.postgres:
            from psycopg_pool import ConnectionPool

            # One pool per process: `hub serve --workers N` opens at most N × pool_size
            # connections, checked against the server's max_connections before it starts.
            self._pool = ConnectionPool(
                self.url, min_size=1, max_size=pool_size, kwargs={"autocommit": True},
                open=True, name="supportdesk-hub",
            )  # fmt: skip
            try:
                self._pool.wait(timeout=15)  # a wrong address fails here, not at first request
            except Exception:
                self._pool.close()
                raise
        self._local = threading.local()
        self._all: list[Any] = []
        self._lock = threading.Lock()  # guards only the list of connections to close
        # SQLite admits one writer; queueing writers here instead of in SQLite's busy handler
        # (which sleeps up to 100 ms between tries) keeps the tail latency short. Correctness
        # never depends on it: the constraints decide, as on PostgreSQL and across processes.
        self._writer = threading.Lock()
        schema = SCHEMA.format(blob="BYTEA" if self.postgres else "BLOB") + ACCESS_SCHEMA
        with self.tx() as db:
            if self.postgres:
                # Workers of `hub serve --workers N` start together: one at a time sets up the
                # schema, else two could both read a table before altering it and deadlock (or
                # race on CREATE TABLE IF NOT EXISTS). Released when the transaction ends.
                db.execute("SELECT pg_advisory_xact_lock(?)", [SCHEMA_LOCK])
            for statement in schema.split(";"):
                if statement.strip():
                    db.execute(statement)
            add_missing_columns(db)

    def _connect(self) -> Any:
        path = self.url.removeprefix("sqlite:///")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        private_file(Path(path))
        conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA busy_timeout = 30000")
        # A receipt promises the row survives a power cut: FULL syncs every commit.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
            with self._lock:
                self._all.append(conn)
        return conn

    @contextlib.contextmanager
    def connection(self) -> Iterator[None]:
        """Keep one pooled PostgreSQL connection for the transactions of this block (one HTTP
        request): one checkout instead of one per transaction. No-op on SQLite."""
        if not self.postgres or getattr(self._local, "held", None) is not None:
            yield
            return
        with self._pool.connection() as conn:
            self._local.held = conn
            try:
                yield
            finally:
                self._local.held = None

    @contextlib.contextmanager
    def _pg(self) -> Iterator[Any]:
        held = getattr(self._local, "held", None)
        if held is not None:
            yield held
            return
        with self._pool.connection() as conn:
            yield conn

    @contextlib.contextmanager
    def tx(self, write: bool = True) -> Iterator[Tx]:
        """One transaction; a SQLite write takes the lock at once (no upgrade deadlocks).

        A PostgreSQL read runs without BEGIN/COMMIT: under READ COMMITTED each statement has
        its own snapshot either way, and two round trips fewer matter at 50 clients."""
        if self.postgres:
            with self._pg() as conn:
                if not write:
                    with conn.cursor() as cur:
                        yield Tx(cur, postgres=True)
                    return
                with conn.transaction(), conn.cursor() as cur:
                    yield Tx(cur, postgres=True)
            return
        conn = self._conn()
        if not write:
            conn.execute("BEGIN")
            try:
                yield Tx(conn, postgres=False)
            finally:
                conn.execute("COMMIT")
            return
        with self._writer:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield Tx(conn, postgres=False)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        with self._lock:
            for conn in self._all:
                with contextlib.suppress(Exception):
                    conn.close()
            self._all.clear()
        self._local = threading.local()


class Tx:
    """Executes `?`-style SQL on either backend."""

    def __init__(self, target: Any, *, postgres: bool):
        self._target = target
        self._postgres = postgres

    def execute(self, sql: str, params: list | tuple = ()) -> Any:
        if self._postgres:
            self._target.execute(sql.replace("?", "%s"), params)
            return self._target
        return self._target.execute(sql, params)

    def one(self, sql: str, params: list | tuple = ()) -> tuple | None:
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params: list | tuple = ()) -> list[tuple]:
        return self.execute(sql, params).fetchall()
