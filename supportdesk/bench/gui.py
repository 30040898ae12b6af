"""Benchmark of the desktop app: start to window shown, memory, keystroke to procedure results,
memory with 200,000 requests scrolled to the end, and the time to fetch each next page.

Each measure runs the GUI offscreen in a fresh subprocess, as a counter PC would start it.
`python -m supportdesk.bench.gui search DATA_DIR` is the probe that types into the procedures
page and prints the latencies as JSON."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

START_RUNS = 5
QUERIES = ["đăng ký khai sinh", "chung thuc ban sao", "cấp giấy phép xây dựng", "cccd", "ho tich"]


def _env() -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _prepare_store(directory: Path, procedures: int = 0) -> Path:
    from supportdesk.core import catalog, demo
    from supportdesk.core.store.connection import open_store

    db = open_store(directory)
    demo.fill(db)
    if procedures > catalog.count(db):
        catalog.import_records(db, enumerate(_synthetic(db, procedures), start=1))
    db.close()
    return directory


def _synthetic(db, total: int):
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


def start_time(data_dir: Path, runs: int = START_RUNS) -> tuple[float, float]:
    """Median seconds from process start to the main window shown, and its memory (MB)."""
    cmd = [sys.executable, "-m", "supportdesk", "--data-dir", str(data_dir), "gui"]
    cmd.append("--exit-when-shown")
    times, rss = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env=_env(), text=True)  # fmt: skip
        for line in proc.stdout:
            if line.startswith("shown"):
                times.append(time.perf_counter() - t0)
                rss.append(float(line.split("rss_mb=")[1]))
                break
        proc.wait(timeout=60)
    return statistics.median(times), statistics.median(rss)


def search_latency(data_dir: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "supportdesk.bench.gui", "search", str(data_dir)],
        capture_output=True, text=True, env=_env(), timeout=600, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def _prepare_requests(directory: Path, n: int) -> Path:
    from supportdesk.bench import requests as requests_bench
    from supportdesk.core import demo
    from supportdesk.core.store.connection import open_store

    db = open_store(directory)
    demo.fill(db)
    requests_bench.generate(db, n)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return directory


def scroll_requests(data_dir: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "supportdesk.bench.gui", "scroll", str(data_dir)],
        capture_output=True, text=True, env=_env(), timeout=1800, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(workdir: Path, quick: bool = False) -> list[dict]:
    """Start time and memory of the GUI, and keystroke to procedure results at 10,000 procedures
    (2,000 when quick)."""
    from supportdesk.bench import metric, percentile

    tmp = Path(workdir)
    seconds, rss = start_time(_prepare_store(tmp / "gui-start"), runs=2 if quick else START_RUNS)
    procedures = 2_000 if quick else 10_000
    big = _prepare_store(tmp / "gui-search", procedures=procedures)
    lat = search_latency(big)
    note = f"{lat['procedures']} procedures, offscreen, one key then wait for its results"
    return [
        metric("gui start to window shown", seconds, "s", 0.8, "median, fresh process"),
        metric("gui memory at window shown", rss, "MB", None, "max RSS"),
        metric("gui keystroke to procedure results p50", lat["median_ms"], "ms", None, note),
        metric("gui keystroke to procedure results p95", percentile(lat["samples_ms"], 95), "ms",
               50, note),
        *requests_metrics(tmp, 20_000 if quick else 200_000),
    ]  # fmt: skip


def requests_metrics(tmp: Path, n: int) -> list[dict]:
    """Memory of the GUI holding n requests scrolled to the end, and page fetch times."""
    from supportdesk.bench import metric, percentile

    scroll = scroll_requests(_prepare_requests(tmp / "gui-requests", n))
    note = f"{scroll['rows']} rows scrolled through the lazy model, {scroll['pages']} pages"
    return [
        metric("gui memory with requests scrolled to the end", scroll["rss_mb"], "MB", 200, note),
        metric("gui next page while scrolling p95", percentile(scroll["fetch_ms"], 95), "ms",
               None, note),
        metric("gui next page while scrolling max", max(scroll["fetch_ms"]), "ms", None, note),
    ]  # fmt: skip


# ---------------------------------------------------------------- the probe (a subprocess)


def _probe_search(data_dir: str) -> dict:
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from supportdesk.core import catalog
    from supportdesk.ui.app import Desk

    app = QApplication([])
    desk = Desk(app, data_dir)
    window = desk.open_window(first_run=False)
    page = window.show_page("procedures")

    def wait_idle() -> None:
        deadline = QDeadlineTimer(10_000)
        while (desk.ctx.tasks.busy or page._typed_at is not None) and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    wait_idle()
    page.latencies_ms.clear()
    for query in QUERIES:
        page.query.clear()
        wait_idle()
        for ch in query:  # one key, then wait for its results: the latency a person sees
            QTest.sendKeyEvent(QTest.KeyAction.Click, page.query, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)  # fmt: skip
            wait_idle()
    samples = sorted(page.latencies_ms)
    result = {
        "procedures": catalog.count(desk.ctx.db),
        "samples_ms": samples,
        "median_ms": statistics.median(samples),
        "max_ms": samples[-1],
    }
    desk.close()
    return result


def _probe_scroll(data_dir: str) -> dict:
    """Open the Requests page on every request and scroll to the end, page by page, as the
    view does (canFetchMore/fetchMore when the last row comes into sight)."""
    import time as _time

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from supportdesk.ui.app import Desk
    from supportdesk.ui.app import _rss_mb as max_rss_mb

    app = QApplication([])
    desk = Desk(app, data_dir)
    window = desk.open_window(first_run=False)
    page = window.show_page("requests")
    page.view.setCurrentIndex(page.view.findData("all"))
    QCoreApplication.processEvents()
    table, model = page.table, page.model
    fetch_ms = []
    while model.canFetchMore():
        t0 = _time.perf_counter()
        table.scrollToBottom()  # the view asks the model for the next page
        QCoreApplication.processEvents()
        if model.canFetchMore() and table.verticalScrollBar().value() == 0:
            model.fetchMore()
        fetch_ms.append((_time.perf_counter() - t0) * 1000)
    result = {"rows": model.rowCount(), "pages": len(fetch_ms), "fetch_ms": fetch_ms,
              "rss_mb": max_rss_mb()}  # fmt: skip
    desk.close()
    return result


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "search":
        print(json.dumps(_probe_search(sys.argv[2])))
    elif len(sys.argv) == 3 and sys.argv[1] == "scroll":
        print(json.dumps(_probe_scroll(sys.argv[2])))
    else:
        print("usage: python -m supportdesk.bench.gui search DATA_DIR", file=sys.stderr)
        sys.exit(2)
