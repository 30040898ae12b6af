"""`hub serve` refuses what would be unsafe or cannot work, with a clear message: plain HTTP on a
network address, more than one worker on SQLite, pools larger than PostgreSQL admits."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from supportdesk.hub.serving import ServeError, check_connections, check_plan
from tests.hub.kit import PG_ENV


def serve(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "supportdesk", "hub", "serve", *args],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_plain_http_on_a_network_address_is_refused(tmp_path):
    done = serve("--db", str(tmp_path / "hub.db"), "--host", "0.0.0.0")
    assert done.returncode == 2 and "--cert" in done.stderr and "Traceback" not in done.stderr
    check_plan("hub.db", "127.0.0.1", 1, None, None, allow_http=False)  # loopback: a proxy's
    check_plan("hub.db", "0.0.0.0", 1, None, None, allow_http=True)


def test_sqlite_with_several_workers_is_refused(tmp_path):
    done = serve("--db", str(tmp_path / "hub.db"), "--workers", "2")
    assert done.returncode == 2 and "PostgreSQL" in done.stderr
    with pytest.raises(ServeError, match="cả --cert và --key"):
        check_plan("hub.db", "127.0.0.1", 1, "cert.pem", None, allow_http=False)


@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} not set")
def test_pools_must_fit_under_max_connections():
    dsn = os.environ[PG_ENV]
    fits = check_connections(dsn, 2, 10)
    assert fits["wanted"] == 20 and fits["room"] > 20
    with pytest.raises(ServeError, match="max_connections"):
        check_connections(dsn, 64, 100)
