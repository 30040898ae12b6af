"""The hub trusts nothing: every attack tried against it in issue 15 is a 4xx with a JSON reason,
against the real server on 127.0.0.1 (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import socket
import stat

import pytest
import requests

from supportdesk.hub import admin, dashboard, throttle
from tests.hub.kit import enrolled_token
from tests.hub.test_hub_api import make, post, rows


def refused(answer: requests.Response, status: int, *words: str) -> None:
    assert answer.status_code == status, answer.text
    reason = answer.json()
    assert reason["error"] and reason["message"]
    for word in words:
        assert word in reason["message"], reason


@pytest.mark.parametrize(
    ("change", "status", "word"),
    [
        (lambda b: b["period"].update(id="9999-12"), 422, "period"),
        (lambda b: b["period"].update(id="0000-01"), 422, "period"),
        (lambda b: b["period"].update(id="2025-06"), 422, "period"),
        (lambda b: b["period"].update(type="week", id="2025-W53"), 422, "period"),
        (lambda b: b.update(staff_count="many"), 422, "staff_count"),
        (lambda b: b["by_category"][0].update(category=["vneid"]), 422, "category"),
        (lambda b: b["totals"].update(received=10**400), 422, "received"),
        (lambda b: b["totals"].update(requester_phone="0912345678"), 422, "requester_phone"),
        (lambda b: b.update(commune_name="x" * 900_000), 422, "commune_name"),
        (lambda b: b.update(revision=2**63), 422, "revision"),
        (lambda b: b.update(revision=True), 422, "revision"),
        (lambda b: b["totals"].update(received=-1), 422, "received"),
        (lambda b: b.update(escalations=[{}] * 501), 422, "escalations"),
        (lambda b: b["totals"].update(median_hours_to_resolve=1e308 * 10), 400, "JSON"),
    ],
)
def test_odd_summaries_are_refused(hub, hub_storage, change, status, word):
    token = enrolled_token(hub_storage)
    body = make()
    change(body)
    refused(post(hub, token, body), status, word)
    assert rows(hub_storage) == 0


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        (b"[" * 50_000 + b"]" * 50_000, "nested"),
        (b'{"revision": ' + b"9" * 5000 + b"}", "JSON"),
        (b'{"commune_name": "\\ud800"}', "surrogate"),
        (b'{"a": NaN}', "JSON"),
        (b"\xff\xfe{}", "UTF-8"),
        (b"[1, 2]", "object"),
    ],
)
def test_malformed_bodies_are_400(hub, hub_storage, raw, word):
    token = enrolled_token(hub_storage)
    refused(post(hub, token, {}, raw=raw), 400, word)


def _chunked_until_answered(port: int, path: str, total: int) -> tuple[bytes, int]:
    """Stream a chunked body of up to `total` bytes; (the answer, bytes sent before it came)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(
        f"POST {path} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\n"
        "Authorization: Bearer nobody\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
    )
    chunk, sent = b"x" * 65536, 0
    sock.settimeout(0.001)
    answer = b""
    try:
        while sent < total:
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
            try:
                answer += sock.recv(65536)
            except (TimeoutError, BlockingIOError):
                continue
            if b"\r\n\r\n" in answer:
                break
        sock.settimeout(30)
        while b"\r\n\r\n" not in answer:
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    finally:
        sock.close()
    return answer, sent


def test_chunked_body_is_capped_while_it_streams(hub):
    answer, sent = _chunked_until_answered(hub.port, "/api/v1/summaries", 100_000_000)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 20_000_000  # answered long before 100 MB arrived
    head = requests.post(f"{hub.url}/api/v1/summaries", data=b"x" * 1_100_000, timeout=10)
    assert head.status_code == 413 and head.json()["error"] == "too_large"  # before auth (401)


def test_enroll_is_rate_limited_per_address(hub, hub_storage):
    code = admin.add_commune(hub_storage, "00001", "Xã A")
    for _ in range(throttle.MAX_FAILURES):
        wrong = requests.post(
            f"{hub.url}/api/v1/enroll",
            json={"code": "AAAA-BBBB-CCCC", "install_id": "i"},
            timeout=5,
        )
        assert wrong.status_code == 403
    locked = requests.post(f"{hub.url}/api/v1/enroll", json={"code": code, "install_id": "i"},
                           timeout=5)  # fmt: skip
    refused(locked, 429, "too many")
    assert int(locked.headers["Retry-After"]) > 60
    with hub_storage.tx() as db:  # the lockout has passed
        db.execute("UPDATE enroll_attempts SET locked_until = '2000-01-01T00:00:00+00:00'")
    right = requests.post(f"{hub.url}/api/v1/enroll", json={"code": code, "install_id": "i"},
                          timeout=5)  # fmt: skip
    assert right.status_code == 200


def test_dashboard_survives_odd_stored_rows(hub_storage):
    token = enrolled_token(hub_storage)
    assert token
    odd = {
        "period": {"type": "month", "id": "9999-12"},
        "totals": {"received": "many"},
        "staff_count": [1],
        "escalations": [{"summary": "Bà Y 0966554433", "status": 5}],
    }
    with hub_storage.tx() as db:  # as an older hub stored them, before the schema was strict
        for sid, pid, body in (("s1", "9999-12", odd), ("s2", "2026-10", ["not", "a", "dict"]),
                               ("s3", "2026-09", "{broken")):  # fmt: skip
            text = body if isinstance(body, str) else json.dumps(body)
            db.execute(
                "INSERT INTO submissions VALUES (?, '00001', 'month', ?, 1, 'x', ?, '{}', 't')",
                [sid, pid, text],
            )
            db.execute("INSERT INTO latest VALUES ('00001', 'month', ?, 1, ?, 't')", [pid, sid])
    view = dashboard.view(hub_storage)
    assert view["period"]["id"] == "2026-10"  # 9999-12 does not become everyone's default
    odd_view = dashboard.view(hub_storage, "month", "9999-12")
    assert odd_view["communes"][0]["received"] == 0 and odd_view["communes"][0]["staff"] == 0
    assert "0966554433" not in json.dumps(odd_view)  # an old free-text summary is never shown
    for pid in ("2026-10", "2026-09"):
        (entry,) = dashboard.view(hub_storage, "month", pid)["communes"]
        assert entry["reported"] is False and entry["unreadable"] is True


def test_delete_submission_and_lock(hub, hub_storage):
    token = enrolled_token(hub_storage)
    first, second = make(revision=1, received=10), make(revision=2, received=20)
    assert post(hub, token, first).status_code == 200
    assert post(hub, token, second).status_code == 200
    admin.delete_submission(hub_storage, second["submission_id"])
    with hub_storage.tx(write=False) as db:
        assert db.one("SELECT revision FROM latest")[0] == 1
    assert admin.lock_commune(hub_storage, "00001")
    refused(post(hub, token, make(revision=3)), 409, "locked")
    assert admin.lock_commune(hub_storage, "00001", locked=False)
    assert post(hub, token, make(revision=3)).status_code == 200


def test_hub_db_file_is_private(tmp_path):
    from supportdesk.hub.storage import Storage

    old = os.umask(0o022)
    try:
        Storage(tmp_path / "hub.db").close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "hub.db").stat().st_mode) == 0o600
