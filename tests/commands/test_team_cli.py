"""Done when: two desks (two data dirs, two processes on 127.0.0.1) paired, requests logged on
both while apart, one `team sync --once`: both list the same requests with the same states and
timelines, and the hub receives the commune's counts once."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from supportdesk.cli import main
from supportdesk.core.store import open_store, settings
from tests.hub.kit import hub, hub_storage, login  # noqa: F401, F811 — fixtures

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def file_tokens(monkeypatch):
    monkeypatch.setenv("SUPPORTDESK_TOKEN_STORE", "file")


def run(capsys, *argv) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out + (captured.err if code else "")


def run_json(capsys, *argv):
    code, out = run(capsys, *argv, "--json")
    assert code == 0, out
    return json.loads(out)


def new_desk(root: Path, name: str, commune: str = "00001") -> Path:
    directory = root / name
    db = open_store(directory, seed=False)
    settings.put(db, "commune_code", commune)
    settings.put(db, "commune_name", f"Xã {commune}")
    db.close()
    return directory


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serving():
    """`team serve` of a data dir in its own process, stopped at the end."""
    children = []

    def start(desk: Path, port: int) -> subprocess.Popen:
        child = subprocess.Popen(
            [sys.executable, "-m", "supportdesk", "--data-dir", str(desk), "team", "serve",
             "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        children.append(child)
        deadline = time.monotonic() + 30
        while True:  # ready when the port answers
            assert child.poll() is None, child.stderr.read().decode()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return child
            except OSError:
                assert time.monotonic() < deadline, "team serve did not start"
                time.sleep(0.1)

    yield start
    for child in children:
        child.kill()
        child.wait(10)


def log(capsys, desk: Path, name: str, *extra) -> str:
    made = run_json(capsys, "--data-dir", desk, "requests", "add", "--name", name, "--phone",
                    "0912 000 111", "--category", "vneid", "--summary",
                    f"Quên mật khẩu VNeID ({name})", *extra)  # fmt: skip
    return made["ticket"]


def listing(capsys, desk: Path) -> list[tuple]:
    rows = run_json(capsys, "--data-dir", desk, "requests", "list", "--limit", "100")
    out = []
    for row in rows:
        shown = run_json(capsys, "--data-dir", desk, "requests", "show", row["ticket"])
        timeline = [(e["at"], e["actor"], e["action"], e["to_status"]) for e in shown["events"]]
        out.append((row["ticket"], row["status"], row["assignee"], timeline))
    return sorted(out)


def test_two_desks_pair_log_apart_sync_once_and_report_once(capsys, tmp_path, hub, serving):  # noqa: F811
    counter, lead = new_desk(tmp_path, "quay"), new_desk(tmp_path, "truong-nhom")
    # The lead's desk was used alone before the team: its tickets must not change.
    old_ticket = log(capsys, lead, "Trần Thị Cũ")
    port = free_port()
    invite = run_json(capsys, "--data-dir", counter, "team", "invite", "--host", "127.0.0.1",
                      "--port", port)  # fmt: skip
    assert set(invite) == {"code", "address"} and invite["address"] == f"127.0.0.1:{port}"
    serving(counter, port)
    joined = run_json(capsys, "--data-dir", lead, "team", "join", invite["address"],
                      "--code", invite["code"], "--port", free_port())  # fmt: skip
    assert joined["mark"] == "B"
    # The code was used up: a third try with it is refused with one line.
    third = new_desk(tmp_path, "may-ba")
    code, out = run(capsys, "--data-dir", third, "team", "join", invite["address"], "--code",
                    invite["code"])  # fmt: skip
    assert code == 2 and "mã mời" in out and "Traceback" not in out

    # Apart: each desk logs and works on its own requests.
    a1 = log(capsys, counter, "Nguyễn Văn An")
    log(capsys, counter, "Lê Văn Bình", "--resolved-now", "--note", "Đã hướng dẫn")
    b1 = log(capsys, lead, "Phạm Thị Cúc")
    assert a1.endswith("A000001") and b1.endswith("B000002") and old_ticket.endswith("-000001")
    for desk, ticket, who in ((counter, a1, "Hoa"), (lead, old_ticket, "Minh")):
        code, out = run(capsys, "--data-dir", desk, "requests", "update", ticket, "--status",
                        "in_progress", "--assignee", who)  # fmt: skip
        assert code == 0, out

    result = run_json(capsys, "--data-dir", lead, "team", "sync", "--once")
    assert set(result) == {"sent", "received", "peers"}
    assert result["peers"][0]["ok"] and result["sent"] > 0 and result["received"] > 0
    assert listing(capsys, counter) == listing(capsys, lead)
    assert len(listing(capsys, lead)) == 4
    again = run_json(capsys, "--data-dir", lead, "team", "sync", "--once")
    assert (again["sent"], again["received"]) == (0, 0)  # only what the peer lacks

    # Both desks change the same request while apart: both events stay, in the same order.
    for desk, note in ((counter, "gọi lại lúc 9 giờ"), (lead, "đã gửi hướng dẫn qua Zalo")):
        code, out = run(capsys, "--data-dir", desk, "requests", "update", b1, "--note", note)
        assert code == 0, out
    run_json(capsys, "--data-dir", lead, "team", "sync", "--once")
    shown = [run_json(capsys, "--data-dir", d, "requests", "show", b1) for d in (counter, lead)]
    timelines = [[{k: v for k, v in e.items() if k != "id"} for e in s["events"]] for s in shown]
    assert timelines[0] == timelines[1]  # event ids are each desk's own row numbers
    assert [e["action"] for e in shown[0]["events"]] == ["created", "note", "note"]

    # One commune, counted once: the counter desk reports to the hub for the whole team.
    period = shown[0]["created_at"][:7]
    stats = [run_json(capsys, "--data-dir", d, "stats", "--period", period)["totals"]
             for d in (counter, lead)]  # fmt: skip
    assert stats[0] == stats[1] and stats[0]["received"] == 4
    hub_db = hub.server.config.app.state.storage.url
    enrollment = run_json(capsys, "hub", "add-commune", "00001", "--db", hub_db)
    code, out = run(capsys, "--data-dir", counter, "enroll", "--hub", hub.url, "--code",
                    enrollment["enrollment_code"])  # fmt: skip
    assert code == 0, out
    assert run_json(capsys, "--data-dir", counter, "sync", "--once")["pending"] == 0
    reader = login(hub.url, hub.server.config.app.state.storage)
    board = reader.get(f"{hub.url}/api/v1/dashboard", params={"type": "month",
                       "period": period}, timeout=5).json()  # fmt: skip
    assert board["reported"] == 1
    assert board["totals"]["received"] == 4 == stats[0]["received"]
    assert board["totals"]["resolved"] == stats[0]["resolved"]


def test_desks_of_different_communes_never_pair(capsys, tmp_path, serving):
    here, there = new_desk(tmp_path, "xa-1", "00001"), new_desk(tmp_path, "xa-2", "00004")
    port = free_port()
    invite = run_json(capsys, "--data-dir", here, "team", "invite", "--host", "127.0.0.1",
                      "--port", port)  # fmt: skip
    serving(here, port)
    code, out = run(capsys, "--data-dir", there, "team", "join", invite["address"], "--code",
                    invite["code"])  # fmt: skip
    assert code == 2 and "xã" in out
    status = run_json(capsys, "--data-dir", there, "team", "status")
    assert status["team_id"] is None and status["mark"] == ""


def test_sync_without_a_team_or_with_nobody_reachable(capsys, tmp_path):
    alone = new_desk(tmp_path, "mot-minh")
    code, out = run(capsys, "--data-dir", alone, "team", "sync", "--once", "--json")
    assert code == 2 and "chưa vào nhóm" in out
    run_json(capsys, "--data-dir", alone, "team", "invite", "--host", "127.0.0.1")
    result = run_json(capsys, "--data-dir", alone, "team", "sync", "--once", "--peer",
                      f"127.0.0.1:{free_port()}")  # fmt: skip
    assert result["sent"] == 0 and result["peers"][0]["ok"] is False
