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


def test_hub_serve_speaks_tls_with_cert_and_key(tmp_path):
    import socket
    import time

    import requests
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    cert.private_key_pem.write_to_path(str(tmp_path / "key.pem"))
    cert.cert_chain_pems[0].write_to_path(str(tmp_path / "cert.pem"))
    ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    child = subprocess.Popen(
        [sys.executable, "-m", "supportdesk", "hub", "serve", "--db", str(tmp_path / "hub.db"),
         "--port", str(port), "--cert", str(tmp_path / "cert.pem"),
         "--key", str(tmp_path / "key.pem")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline, answer = time.monotonic() + 30, None
        while answer is None and time.monotonic() < deadline and child.poll() is None:
            try:
                answer = requests.get(f"https://127.0.0.1:{port}/api/v1/ping",
                                      verify=str(tmp_path / "ca.pem"), timeout=2)  # fmt: skip
            except requests.ConnectionError:
                time.sleep(0.1)
        assert answer is not None and answer.json()["ok"] is True
        with pytest.raises(requests.exceptions.SSLError):  # not trusted without the CA
            requests.get(f"https://127.0.0.1:{port}/api/v1/ping", timeout=5)
        with pytest.raises(requests.ConnectionError):  # and no plain HTTP on that port
            requests.get(f"http://127.0.0.1:{port}/api/v1/ping", timeout=5).raise_for_status()
    finally:
        child.terminate()
        try:
            child.wait(30)  # stops within the graceful-shutdown limit
        finally:
            if child.poll() is None:
                child.kill()
