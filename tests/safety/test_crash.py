"""Power-cut safety: a writer process is killed with SIGKILL at random moments; afterwards every
acknowledged write is in the store, no import is half-applied and the file is sound."""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from supportdesk import paths
from supportdesk.core.store import settings
from supportdesk.core.store.connection import open_store
from tests.safety.helpers import catalog_file

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("crash_writer.py")
SEED = int(os.environ.get("SUPPORTDESK_CRASH_SEED", "20261122"))
BATCH = 400  # procedures per catalog file: about 0.8 s of importing each
HAS_REQUESTS = importlib.util.find_spec("supportdesk.core.tickets.log") is not None

# (mode, kills, longest wait after the writer is ready); at least 20 kills in all.
PLAN = [("settings", 10, 0.4), ("catalog", 10, 1.8)]
if HAS_REQUESTS:
    PLAN = [("settings", 7, 0.4), ("catalog", 8, 1.8), ("requests", 7, 0.8)]

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """An empty migrated store and two big catalog files, made once for all the kills."""
    top = tmp_path_factory.mktemp("crash")
    open_store(top / "pristine", seed=False).close()
    files = [catalog_file(top / f"lo-{b}.json", b, BATCH) for b in (1, 2)]
    return top, files


def run_and_kill(data_dir: Path, mode: str, args: list[str], delay: float) -> tuple[list, bool]:
    """Start the writer, kill it `delay` seconds after it is ready; the acknowledged lines and
    whether it was still writing when killed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), mode, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        first = proc.stdout.readline()
        if first != b"ready\n":
            proc.kill()
            raise AssertionError(f"writer did not start: {first!r} {proc.stderr.read()!r}")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")
    complete = [line.split() for line in out.decode().splitlines(keepends=True) if line[-1] == "\n"]
    acked = [parts[1:] for parts in complete if parts[0] == "ack"]
    return acked, ["done"] not in complete


def verify(data_dir: Path, mode: str, acked: list, files: list[Path]) -> None:
    db = open_store(data_dir, seed=False)  # recovers the WAL and runs quick_check
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # FTS5 checks its index against the content table (raises when they disagree).
        db.execute("INSERT INTO procedures_fts(procedures_fts) VALUES ('integrity-check')")
        if mode == "settings":
            for _, i in acked:
                assert settings.get(db, f"k{i}") == f"Giá trị {i} — Trần Thị Thuỷ"
        elif mode == "catalog":
            done = {name for _, name in acked}
            for f in files:
                batch = f.stem.split("-")[1]
                n = db.execute(
                    "SELECT count(*) FROM procedures WHERE code LIKE ?", [f"1{batch}.%"]
                ).fetchone()[0]
                assert n in (0, BATCH), f"{f.stem} half-applied: {n} of {BATCH}"
                if f.stem in done:
                    assert n == BATCH, f"{f.stem} acknowledged but {n} of {BATCH} present"
            names = db.execute("SELECT count(*) FROM procedure_names").fetchone()[0]
            assert names == db.execute("SELECT count(*) FROM procedures").fetchone()[0]
        elif mode == "requests":
            from tests.safety.intake import verify_requests

            verify_requests(db, acked)
    finally:
        db.close()


def test_sigkill_at_random_moments_loses_nothing_acknowledged(pristine, tmp_path):
    top, files = pristine
    rng = random.Random(SEED)
    kills, mid_stream, acked_total = 0, 0, 0
    for mode, count, longest in PLAN:
        for run in range(count):
            data_dir = tmp_path / f"{mode}-{run}"
            data_dir.mkdir()
            shutil.copy(paths.store_path(top / "pristine"), paths.store_path(data_dir))
            delay = rng.uniform(0, longest)
            args = [str(f) for f in files] if mode == "catalog" else []
            acked, writing = run_and_kill(data_dir, mode, args, delay)
            kills += 1
            mid_stream += writing
            acked_total += len(acked)
            try:
                verify(data_dir, mode, acked, files)
            except AssertionError as exc:
                raise AssertionError(
                    f"{mode} run {run} (seed {SEED}, killed after {delay:.3f} s): {exc}"
                ) from exc
            shutil.rmtree(data_dir)
    assert kills >= 20
    assert mid_stream >= kills * 3 // 4, "most kills should land while writes are under way"
    print(f"{kills} kills, {mid_stream} mid-stream, {acked_total} acknowledged writes checked")
