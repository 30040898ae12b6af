"""Serving the hub: TLS by default, several worker processes on PostgreSQL.

`hub serve` without a certificate listens in plain HTTP only on loopback (a reverse proxy on
the same machine terminates TLS: see the README) or when asked with --allow-http. Several
workers are uvicorn's own process manager; each worker builds its app from the environment
(`app_from_env`), with its own connection pool. SQLite admits one writer and the hub's
single-writer queue lives in one process, so more than one worker on SQLite is refused."""

from __future__ import annotations

import ipaddress
import os

from supportdesk.hub.storage import DEFAULT_POOL, Storage, is_postgres

ENV_DB = "SUPPORTDESK_HUB_DB"
ENV_POOL = "SUPPORTDESK_HUB_POOL"
RESERVED_CONNECTIONS = 5  # admin commands, the benchmark's setup, psql


class ServeError(Exception):
    """A configuration the hub refuses to start with; the message says what to change."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_plan(
    url: str, host: str, workers: int, cert: str | None, key: str | None, allow_http: bool
) -> None:
    if workers < 1:
        raise ServeError("--workers phải từ 1 trở lên")
    if bool(cert) != bool(key):
        raise ServeError("cần cả --cert và --key (chứng chỉ và khoá riêng của nó)")
    for path in (cert, key):
        if path and not os.path.isfile(path):
            raise ServeError(f"không đọc được tệp {path}")
    if not cert and not allow_http and not is_loopback(host):
        raise ServeError(
            f"không chạy HTTP thường trên {host}: mã truy cập của các xã sẽ đi không mã hoá. "
            "Dùng --cert/--key, hoặc đặt máy chủ sau một reverse proxy có TLS "
            "(--host 127.0.0.1), hoặc --allow-http nếu mạng đã được mã hoá."
        )
    if workers > 1 and not is_postgres(url):
        raise ServeError(
            "SQLite chỉ chạy với 1 tiến trình (--workers 1): SQLite chỉ cho một tiến trình ghi "
            "tại một thời điểm. Dùng PostgreSQL (--db postgresql://…) để chạy nhiều tiến trình."
        )


def check_connections(url: str, workers: int, pool_size: int) -> dict:
    """Refuse a plan whose pools could exceed the PostgreSQL server's connection limit."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        limit = int(conn.execute("SHOW max_connections").fetchone()[0])
        reserved = int(conn.execute("SHOW superuser_reserved_connections").fetchone()[0])
        used = int(conn.execute("SELECT count(*) FROM pg_stat_activity").fetchone()[0])
    room = limit - reserved - used - RESERVED_CONNECTIONS
    wanted = workers * pool_size
    if wanted > room:
        raise ServeError(
            f"{workers} tiến trình × {pool_size} kết nối = {wanted} vượt quá chỗ trống của "
            f"PostgreSQL ({room} = max_connections {limit} − {reserved} dự phòng − {used} đang "
            f"dùng − {RESERVED_CONNECTIONS} cho quản trị). Giảm --workers hoặc --pool-size."
        )
    return {"max_connections": limit, "wanted": wanted, "room": room}


def app_from_env():
    """The app for one worker process (uvicorn calls this in each worker)."""
    from supportdesk.hub.app import create_app

    pool = int(os.environ.get(ENV_POOL, DEFAULT_POOL))
    return create_app(Storage(os.environ[ENV_DB], pool_size=pool))


def serve(
    url: str,
    host: str = "127.0.0.1",
    port: int = 8765,
    *,
    access_log: bool = False,
    workers: int = 1,
    pool_size: int = DEFAULT_POOL,
    cert: str | None = None,
    key: str | None = None,
    allow_http: bool = False,
) -> None:
    """Serve the hub. A line per request costs about 40% of the throughput under load, so the
    access log is opt-in; errors and start-up are logged either way."""
    import uvicorn

    check_plan(url, host, workers, cert, key, allow_http)
    if is_postgres(url):
        check_connections(url, workers, pool_size)
    os.environ[ENV_DB] = url
    os.environ[ENV_POOL] = str(pool_size)
    uvicorn.run(
        "supportdesk.hub.serving:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
        ssl_certfile=cert,
        ssl_keyfile=key,
        # A desk that keeps a connection open must not hold a restart up for ever.
        timeout_graceful_shutdown=10,
    )
