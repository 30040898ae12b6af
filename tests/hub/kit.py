"""Test kit shared by tests/hub and tests/sync: a real hub on 127.0.0.1, a fault-injecting TCP
proxy in front of it, storage on SQLite or PostgreSQL, and stats-like summary dicts."""

from __future__ import annotations

import collections
import os
import socket
import threading
import uuid

import pytest

from supportdesk.hub.server import BackgroundHub

PG_ENV = "SUPPORTDESK_TEST_PG"


# ---------------------------------------------------------------- storage


def pg_url_for_new_schema(dsn: str) -> str:
    """A fresh schema on the test server; the URL selects it through libpq `options`."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in dsn else "?"
    return f"{dsn}{joiner}options=-csearch_path%3D{schema}"


def storage_url(kind: str, tmp_path) -> str:
    if kind == "sqlite":
        return str(tmp_path / "hub.db")
    dsn = os.environ.get(PG_ENV)
    if not dsn:
        if os.environ.get("CI"):  # CI must run the PostgreSQL half, never skip it silently
            pytest.fail(f"{PG_ENV} not set in CI: .ci/postgres.sh did not start PostgreSQL")
        pytest.skip(f"{PG_ENV} not set (CI sets it; see .ci/postgres.sh)")
    return pg_url_for_new_schema(dsn)


# ---------------------------------------------------------------- hub server


class HubServer(BackgroundHub):
    """uvicorn serving the hub app in a thread on a free loopback port."""


# ---------------------------------------------------------------- fault-injecting proxy


def _read_http_message(sock: socket.socket) -> bytes:
    """One HTTP request (head + Content-Length body) from a client socket; b'' on EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _with_connection_close(request: bytes) -> bytes:
    head, _, body = request.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


def http_response(status: int, body: bytes = b"", headers: dict | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} X".encode()]
    for name, value in {"Content-Length": str(len(body)), "Connection": "close",
                        **(headers or {})}.items():  # fmt: skip
        lines.append(f"{name}: {value}".encode())
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


class FaultProxy:
    """A TCP proxy on 127.0.0.1 that forwards one HTTP exchange per connection and can break it.

    Actions: "pass"; "down" (close without a word); "drop_response" (the hub gets the request
    and commits, the client never hears back); "stall" (the answer is withheld until the client
    gives up); "truncate" (half the answer, then close); ("respond", raw_bytes) (answer without
    asking the hub); ("rewrite", fn) (fn(raw_response) -> raw_response)."""

    def __init__(self, upstream_port: int):
        self.upstream = ("127.0.0.1", upstream_port)
        self.default = "pass"
        self.plan: collections.deque = collections.deque()  # (path_prefix, action)
        self.log: list[tuple[str, str, str]] = []
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    def queue(self, action, path: str = "/api/v1/summaries", times: int = 1) -> None:
        with self._lock:
            self.plan.extend([(path, action)] * times)

    def _action(self, path: str):
        with self._lock:
            for i, (prefix, action) in enumerate(self.plan):
                if path.startswith(prefix):
                    del self.plan[i]
                    return action
            return self.default

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        with client:
            client.settimeout(10)
            try:
                request = _read_http_message(client)
            except OSError:
                return
            if not request:
                return
            method, path = request.split(b" ", 2)[:2]
            action = self._action(path.decode())
            name = action if isinstance(action, str) else action[0]
            self.log.append((method.decode(), path.decode(), name))
            if action == "down":
                return
            if isinstance(action, tuple) and action[0] == "respond":
                client.sendall(action[1])
                return
            response = self._forward(request)
            if action == "drop_response":
                return
            if action == "stall":  # the hub has answered; the client waits in vain
                try:
                    client.recv(1)  # returns when the client gives up and closes
                except OSError:
                    pass
                return
            if action == "truncate":
                head, sep, body = response.partition(b"\r\n\r\n")
                response = head + sep + body[: len(body) // 2]
            if isinstance(action, tuple) and action[0] == "rewrite":
                response = action[1](response)
            try:
                client.sendall(response)
            except OSError:
                pass

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(self.upstream, timeout=30) as up:
            up.sendall(_with_connection_close(request))
            chunks = []
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)

    def stop(self) -> None:
        self._stop.set()
        self._listener.close()
        self._thread.join(5)


# ---------------------------------------------------------------- summaries like core.tickets.stats


def summary(
    period: str = "2026-11",
    received: int = 10,
    resolved: int = 8,
    on_time: int = 7,
    escalations: list[dict] | None = None,
    staff: int = 3,
) -> dict:
    year, month = map(int, period.split("-"))
    end = f"{year + (month == 12):04d}-{month % 12 + 1:02d}-01T00:00:00+07:00"
    counters = {
        "received": received, "resolved": resolved, "resolved_on_time": on_time,
        "open": received - resolved, "overdue": max(0, resolved - on_time),
        "escalated": len(escalations or []), "median_hours_to_resolve": 3.5,
    }  # fmt: skip
    return {
        "period": period,
        "period_type": "month",
        "start": f"{period}-01T00:00:00+07:00",
        "end": end,
        "totals": counters,
        "by_category": [{"category": "vneid", "name": "Tài khoản VNeID", **counters}],
        "escalations": escalations or [],
        "by_assignee": [
            {"assignee": f"staff{i}", "received": 1, "resolved": 1} for i in range(staff)
        ],
    }


# ---------------------------------------------------------------- fixtures (imported by conftests)


@pytest.fixture(params=["sqlite", "postgres"])
def hub_storage(request, tmp_path):
    from supportdesk.hub.storage import Storage

    storage = Storage(storage_url(request.param, tmp_path))
    yield storage
    storage.close()


@pytest.fixture
def hub(hub_storage):
    server = HubServer(hub_storage)
    yield server
    server.stop()


@pytest.fixture
def proxy(hub):
    p = FaultProxy(hub.port)
    yield p
    p.stop()


def enrolled_token(storage, code: str = "00001", install_id: str = "install-1") -> str:
    from supportdesk.hub import admin, service

    enrollment = admin.add_commune(storage, code, f"Xã thử {code}")
    return service.enroll(storage, enrollment, install_id, code)["token"]


# ---------------------------------------------------------------- dashboard users


PASSWORD = "mật khẩu đủ dài 2026"


def login(url: str, storage, name: str = "tinh", province: str | None = None):
    """A requests session logged in to the dashboard through the real login form."""
    import re

    import requests

    from supportdesk.hub import access

    access.add_user(storage, name, PASSWORD, province)
    session = requests.Session()
    form = session.get(f"{url}/login", timeout=10)
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    answer = session.post(
        f"{url}/login", data={"name": name, "password": PASSWORD, "csrf": csrf}, timeout=10,
        allow_redirects=False,
    )  # fmt: skip
    assert answer.status_code == 303 and answer.headers["location"] == "/", answer.text
    return session


# ---------------------------------------------------------------- two provinces on one hub

A, B = "08", "01"  # Tuyên Quang and Hà Nội
A_COMMUNE, B_COMMUNE = "00694", "00004"  # Phường Hà Giang 1, Phường Ba Đình


def dashboard_post(session, url: str, path: str, body: dict | None = None):
    """A change made from the dashboard page: the session's CSRF token in its header."""
    import re

    page = session.get(f"{url}/", timeout=10).text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    return session.post(f"{url}{path}", json=body or {}, timeout=10,
                        headers={"X-CSRF-Token": csrf})  # fmt: skip


def pulled(url: str, token: str) -> list[str]:
    """The notices a commune's desk pulls, through the real API with its token."""
    import requests

    answer = requests.get(f"{url}/api/v1/notices", timeout=10,
                          headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    assert answer.status_code == 200, answer.text
    return sorted(n["text"] for n in answer.json()["notices"])


HOUR = "2026-12-01T09"


def outage(storage, province: str, communes: int, per_commune: int = 2, hour: str = HOUR):
    """`communes` communes of a province log VNeID requests in one hour, as ingest stores them."""
    from supportdesk.hub import provinces, spikes

    with storage.tx() as db:
        for code in provinces.communes_of(province)[:communes]:
            spikes.record(db, code, {hour: {"vneid": per_commune}})
