"""The command line end to end: two desks and a hub on one machine, and a killed `sync`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from supportdesk.cli import main
from supportdesk.core.store import settings
from supportdesk.core.store.connection import open_store
from supportdesk.core.sync import outbox
from tests.hub.kit import login

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def file_tokens(monkeypatch):
    monkeypatch.setenv("SUPPORTDESK_TOKEN_STORE", "file")


def run(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().out


def new_desk(root: Path, code: str) -> Path:
    directory = root / f"desk-{code}"
    db = open_store(directory, seed=False)
    settings.put(db, "commune_code", code)
    settings.put(db, "commune_name", f"Xã {code}")
    db.close()
    return directory


def enroll(capsys, hub_db, url: str, desk: Path, code: str) -> None:
    status, out = run(capsys, "hub", "add-commune", code, "--db", hub_db, "--json")
    assert status == 0
    enrollment = json.loads(out)["enrollment_code"]
    status, _ = run(capsys, "--data-dir", desk, "enroll", "--hub", url, "--code", enrollment)
    assert status == 0
    token_file = desk / "hub-token"
    assert token_file.exists() and (os.name == "nt" or token_file.stat().st_mode & 0o077 == 0)


def log_requests(capsys, desk: Path, count: int) -> None:
    """Requests logged at the counter through the CLI, with the requester's personal data."""
    for i in range(count):
        status, _ = run(
            capsys, "--data-dir", desk, "requests", "add", "--kind", "citizen",
            "--name", f"Nguyễn Văn Thử {i}", "--phone", f"0912 000 {i:03d}",
            "--category", "vneid", "--summary", "Quên mật khẩu VNeID", "--resolved-now",
        )  # fmt: skip
        assert status == 0


def test_two_desks_offline_then_online_catalog_and_dashboard(capsys, tmp_path, hub, proxy):
    hub_db = hub.server.config.app.state.storage.url
    desks = [new_desk(tmp_path, "00001"), new_desk(tmp_path, "00002")]
    for desk, code in zip(desks, ("00001", "00002")):
        enroll(capsys, hub_db, proxy.url, desk, code)
    proxy.default = "down"  # the link drops; work is logged offline
    waiting = []
    for i, desk in enumerate(desks):
        log_requests(capsys, desk, 10 + i)
        status, out = run(capsys, "--data-dir", desk, "sync", "--once", "--json")
        result = json.loads(out)
        assert status == 0 and result["pending"] >= 1 and result["acked"] == 0
        assert result["reason"]
        waiting.append(result["pending"])  # this month and the recent ones before it
    proxy.default = "pass"
    catalog = tmp_path / "procedures.json"
    catalog.write_text(json.dumps({"format": "supportdesk-catalog/1", "version": "2026.11",
        "procedures": [{"code": "1.001193", "name": "Đăng ký khai sinh"}]}, ensure_ascii=False),
        encoding="utf-8")  # fmt: skip
    assert run(capsys, "hub", "publish-catalog", catalog, "--db", hub_db)[0] == 0
    for desk, pending in zip(desks, waiting):
        for expected_acked in (pending, 0):  # exactly once: a second run sends nothing
            status, out = run(capsys, "--data-dir", desk, "sync", "--once", "--json")
            result = json.loads(out)
            assert status == 0 and result["acked"] == expected_acked and result["pending"] == 0
        db = open_store(desk, seed=False)
        assert db["procedures"].count == 1
        db.close()
    status, out = run(capsys, "hub", "status", "--db", hub_db, "--json")
    assert [(c["commune_code"], len(c["periods"])) for c in json.loads(out)] == [
        ("00001", waiting[0]), ("00002", waiting[1]),
    ]  # fmt: skip
    assert requests.get(f"{hub.url}/api/v1/dashboard", timeout=5).status_code == 401
    reader = login(hub.url, hub.server.config.app.state.storage)
    board = reader.get(f"{hub.url}/api/v1/dashboard", timeout=5).json()  # the latest month
    assert board["reported"] == 2 and board["totals"]["received"] == 21
    with hub.server.config.app.state.storage.tx(write=False) as h:
        stored = " ".join(str(row) for row in h.all("SELECT body FROM submissions"))
    assert "Nguyễn" not in stored and "0912" not in stored  # personal data never left the desk


def test_revoked_token_exits_paused(capsys, tmp_path, hub):
    hub_db = hub.server.config.app.state.storage.url
    desk = new_desk(tmp_path, "00001")
    enroll(capsys, hub_db, hub.url, desk, "00001")
    log_requests(capsys, desk, 2)
    run(capsys, "hub", "revoke", "00001", "--db", hub_db)
    status, out = run(capsys, "--data-dir", desk, "sync", "--once", "--json")
    result = json.loads(out)
    assert status == 4 and result["pending"] >= 1 and result["acked"] == 0


def test_sync_killed_mid_upload_is_resent_after_restart(capsys, tmp_path, hub, proxy):
    hub_db = hub.server.config.app.state.storage.url
    desk = new_desk(tmp_path, "00001")
    enroll(capsys, hub_db, proxy.url, desk, "00001")
    log_requests(capsys, desk, 3)
    proxy.queue("stall")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "supportdesk", "--data-dir", str(desk), "sync", "--once"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while not any(entry[2] == "stall" for entry in proxy.log):
        assert time.monotonic() < deadline and child.poll() is None
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    db = open_store(desk, seed=False)
    assert outbox.counts(db)["in_flight"] == 1  # as the killed process left it
    db.close()
    status, out = run(capsys, "--data-dir", desk, "sync", "--once", "--json")
    db = open_store(desk, seed=False)
    queued = len(outbox.items(db))
    assert status == 0 and json.loads(out)["acked"] == queued, outbox.items(db)[0]["last_error"]
    with hub.server.config.app.state.storage.tx(write=False) as h:
        assert h.one("SELECT count(*) FROM submissions")[0] == queued  # the stalled one once
