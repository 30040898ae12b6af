"""Two counters saving into one store at once: nothing lost, tickets gap-free and unique.

Real processes (not threads: each has its own SQLite connection and file locks, as two app
windows or the app and the CLI have), each adding 300 requests back to back; then the same with a
third process searching and listing all the while."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from supportdesk.core.store import open_store

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("store_worker.py")
PER_WRITER = 300


def start(data_dir: Path, go: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir), str(go), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    first = proc.stdout.readline()
    if first != "ready\n":
        proc.kill()
        raise AssertionError(f"worker did not start: {first!r} {proc.stderr.read()!r}")
    return proc


def finish(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture
def store(tmp_path):
    data_dir = tmp_path / "data"
    open_store(data_dir, seed=False).close()
    return data_dir


@pytest.mark.parametrize("with_reader", [False, True], ids=["two-writers", "and-a-reader"])
def test_two_writers_lose_nothing(store, tmp_path, with_reader):
    go, stop = tmp_path / "go", tmp_path / "stop"
    writers = [start(store, go, "add", str(PER_WRITER), name) for name in ("Lan", "Bình")]
    reader = start(store, go, "read", str(stop)) if with_reader else None
    try:
        go.touch()
        results = [finish(w) for w in writers]
        stop.touch()
        seen = finish(reader) if reader is not None else None
    finally:
        for proc in [*writers, reader]:
            if proc is not None and proc.poll() is None:  # only when the test already failed
                proc.kill()
                proc.wait()
    for result in results:
        assert result["errors"] == [] and len(result["tickets"]) == PER_WRITER
    if seen is not None:
        assert seen["errors"] == [] and seen["queries"] > 0

    db = open_store(store, seed=False)
    try:
        rows = db.execute(
            "SELECT r.ticket, r.year, r.seq, (SELECT count(*) FROM request_events e "
            "WHERE e.request_id = r.id AND e.action = 'created') FROM requests r"
        ).fetchall()
        tickets = [row[0] for row in rows]
        assert len(rows) == 2 * PER_WRITER
        assert len(set(tickets)) == 2 * PER_WRITER
        assert sorted(tickets) == sorted(t for r in results for t in r["tickets"])
        for year in {row[1] for row in rows}:  # numbered per year, from 1, without a gap
            seqs = sorted(row[2] for row in rows if row[1] == year)
            assert seqs == list(range(1, len(seqs) + 1))
        assert all(row[3] == 1 for row in rows)  # each with its own creation event
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        db.close()
