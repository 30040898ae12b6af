"""Benchmark of the desktop app against its floors (issue 19): start to window shown and its
memory against a bare PySide6 window, keystroke to procedure results against a raw FTS5 query,
the next page while scrolling 200,000 requests against a bare Qt table (also while an import
writes), and the memory with all of them scrolled.

Each GUI measure runs offscreen in a fresh subprocess, as a counter PC would start it (the
probes are in gui_probes.py). Start-up runs alternate ours and the bare window, so that load on
a shared machine falls on both alike."""

from __future__ import annotations

import compileall
import json
import statistics
import subprocess
import sys
from pathlib import Path

from supportdesk.bench.floors import bare_window, offscreen_env, time_to_shown

START_RUNS = 7
START_RATIO = 2.5  # start-up ≤ 2.5× the bare window
PAGE_BUDGET_MS = 16  # one frame at 60 Hz
SCROLLED_MEMORY_MB = 120


def _prepare_store(directory: Path, procedures: int = 0) -> Path:
    from supportdesk.core import catalog, demo
    from supportdesk.core.store import open_store

    db = open_store(directory)
    demo.fill(db)
    if procedures > catalog.count(db):
        catalog.import_records(db, enumerate(synthetic_procedures(db, procedures), start=1))
    db.close()
    return directory


def synthetic_procedures(db, total: int):
    """List-only procedures made from the real names, so that word statistics stay realistic."""
    from supportdesk.core import catalog

    real = catalog.all_procedures(db)
    variants = ["", " (liên thông)", " đối với doanh nghiệp", " cho người nước ngoài", " lưu động"]
    n = 0
    for i in range(total - len(real)):
        base = real[i % len(real)]
        suffix = variants[(i // len(real)) % len(variants)] + f" — mẫu {i // len(real) + 1}"
        n += 1
        yield {
            "code": f"9.{n:06d}",
            "name": base["name"] + suffix,
            "field": base["field"],
            "level_text": base["level_text"],
        }


def start_times(data_dir: Path, runs: int = START_RUNS) -> dict:
    """Medians of seconds to the main window shown and its memory, ours and the bare window's,
    from alternating fresh processes.

    Our modules are byte-compiled first, as an installed app's are (pip compiles them at install,
    the bundle ships them compiled): with PYTHONDONTWRITEBYTECODE set, as on some build machines,
    every start would otherwise compile our sources again, which no counter PC does, while Qt's
    own modules in site-packages are compiled already."""
    compileall.compile_dir(Path(__file__).resolve().parents[1], quiet=1)
    ours = [sys.executable, "-m", "supportdesk", "--data-dir", str(data_dir), "gui",
            "--exit-when-shown"]  # fmt: skip
    mine, bare = [], []
    for _ in range(runs):
        mine.append(time_to_shown(ours))
        bare.append(bare_window())
    return {
        "seconds": statistics.median(s for s, _ in mine),
        "rss_mb": statistics.median(r for _, r in mine),
        "bare_seconds": statistics.median(s for s, _ in bare),
        "bare_rss_mb": statistics.median(r for _, r in bare),
    }


def _probe(kind: str, data_dir: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "supportdesk.bench.gui_probes", kind, str(data_dir)],
        capture_output=True, text=True, env=offscreen_env(), timeout=1800, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def _prepare_requests(directory: Path, n: int) -> Path:
    from supportdesk.bench import requests as requests_bench
    from supportdesk.core import demo
    from supportdesk.core.store import open_store

    db = open_store(directory)
    demo.fill(db)
    requests_bench.generate(db, n)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return directory


def bench(workdir: Path, quick: bool = False) -> list[dict]:
    """Start time and memory of the GUI, keystroke to procedure results at 10,000 procedures
    (2,000 when quick), and scrolling 200,000 requests (20,000 when quick)."""
    from supportdesk.bench import latency, metric

    tmp = Path(workdir)
    start = start_times(_prepare_store(tmp / "gui-start"), runs=3 if quick else START_RUNS)
    procedures = 2_000 if quick else 10_000
    lat = _probe("search", _prepare_store(tmp / "gui-search", procedures=procedures))
    note = f"{lat['procedures']} procedures, offscreen, one key then wait for its results"
    return [
        metric("gui start to window shown", start["seconds"], "s", None,
               "median of fresh processes, bytecode compiled; floor: a bare PySide6 main window",
               floor=start["bare_seconds"], ratio_budget=START_RATIO),
        metric("gui memory at window shown", start["rss_mb"], "MB", None,
               "peak RSS; floor: a bare PySide6 main window", floor=start["bare_rss_mb"]),
        *latency("gui keystroke to procedure results", lat["samples_ms"], 50,
                 note + "; floor: raw FTS5 MATCH of the typed text", floor_ms=lat["floor_ms"]),
        *requests_metrics(tmp, 20_000 if quick else 200_000, start["bare_rss_mb"]),
    ]  # fmt: skip


def requests_metrics(tmp: Path, n: int, bare_rss_mb: float) -> list[dict]:
    """Memory of the GUI holding n requests scrolled to the end, and the next page's time."""
    from supportdesk.bench import latency, metric

    data_dir = _prepare_requests(tmp / "gui-requests", n)
    scroll = _probe("scroll", data_dir)
    busy = _probe("scroll-busy", data_dir)
    child = _probe("scroll-child", data_dir)
    note = f"{scroll['rows']} rows, {scroll['pages']} pages; floor: a bare Qt table, same widget"
    busy_note = f"{busy['pages']} pages while procedures are imported in a thread of the app"
    child_note = (f"{child['pages']} pages while a child process of lower priority imports "
                  "procedures, as the app's syncs write")  # fmt: skip
    return [
        metric("gui memory with requests scrolled to the end", scroll["rss_mb"], "MB",
               SCROLLED_MEMORY_MB, f"{scroll['rows']} rows; floor: a bare PySide6 main window",
               floor=bare_rss_mb),
        *latency("gui next page while scrolling", scroll["fetch_ms"], PAGE_BUDGET_MS, note,
                 floor_ms=scroll["floor_ms"]),
        *latency("gui next page while scrolling, CPU", scroll["fetch_cpu_ms"], None,
                 note + " (main-thread CPU time: the figure without the waits of a busy machine)",
                 floor_ms=scroll["floor_cpu_ms"]),
        metric("gui next page while scrolling max", max(scroll["fetch_ms"]), "ms", None, note,
               floor=max(scroll["floor_ms"])),
        *latency("gui next page during an import", busy["fetch_ms"], None, busy_note,
                 floor_ms=busy["floor_ms"]),
        *latency("gui next page during a background sync", child["fetch_ms"], PAGE_BUDGET_MS,
                 child_note, floor_ms=child["floor_ms"]),
    ]  # fmt: skip
