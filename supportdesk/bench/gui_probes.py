"""The GUI probes `supportdesk bench` runs in fresh subprocesses (offscreen), each printing one
JSON line: `python -m supportdesk.bench.gui_probes search|scroll|scroll-busy DATA_DIR`.

- search: type into the procedures page, one key at a time, and wait for each key's results;
  the floor is a raw FTS5 query of the same typed text over the same catalog.
- scroll: open the Requests page on every request and scroll to the end, page by page, as the
  view does (canFetchMore/fetchMore when the last row comes into sight), 20 pages a second.
  The floor is the same table widget over a trivial in-memory model: Qt's own cost of
  inserting a page and painting.
- scroll-busy: the same while a background task (a thread of the app) imports procedures again
  and again, as a contact or catalog file import the person started writes while they scroll.
- scroll-child: the same while a child process of lower priority does that import, as the app's
  hub and team syncs write (ui.child_jobs)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

QUERIES = ["đăng ký khai sinh", "chung thuc ban sao", "cấp giấy phép xây dựng", "cccd", "ho tich"]
BUSY_PAGES = 250  # pages scrolled while the import runs (enough for a p95, and quick)
PACE_MS = 50  # between two pages while scrolling


def _desk(data_dir: str):
    from PySide6.QtWidgets import QApplication

    from supportdesk.ui.app import Desk

    app = QApplication([])
    desk = Desk(app, data_dir)
    return app, desk, desk.open_window(first_run=False)


def _probe_search(data_dir: str) -> dict:
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, Qt
    from PySide6.QtTest import QTest

    from supportdesk.bench.floors import raw_fts_ms
    from supportdesk.core import catalog, text

    app, desk, window = _desk(data_dir)
    page = window.show_page("procedures")

    def wait_idle() -> None:
        deadline = QDeadlineTimer(10_000)
        while (desk.ctx.tasks.busy or page._typed_at is not None) and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    wait_idle()
    page.latencies_ms.clear()
    typed = []
    for query in QUERIES:
        page.query.clear()
        wait_idle()
        for n, ch in enumerate(query, start=1):  # one key, then wait for its results
            QTest.sendKeyEvent(QTest.KeyAction.Click, page.query, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)  # fmt: skip
            wait_idle()
            typed.append(query[:n])
    samples = sorted(page.latencies_ms)
    expressions = [text.match_query(q, text.Abbreviations.shipped()) for q in typed]
    expressions = [e for e in expressions if e]
    raw_fts_ms(desk.ctx.db, "procedures_fts", expressions)  # warm, as the page was
    result = {
        "procedures": catalog.count(desk.ctx.db),
        "samples_ms": samples,
        "floor_ms": raw_fts_ms(desk.ctx.db, "procedures_fts", expressions),
        "median_ms": statistics.median(samples),
        "max_ms": samples[-1],
    }
    desk.close()
    return result


def _scroll(table, model, pages: int | None = None) -> tuple[list[float], list[float]]:
    """Wall and main-thread CPU milliseconds of each next page: the view scrolled to the end
    asks the model for more, then paints. Between pages the event loop runs for PACE_MS, as it
    does while a person scrolls: 20 pages (4,000 rows) a second is a fast drag of the scroll
    bar, and the model's read ahead has that long to come back."""
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    wall, cpu = [], []
    while model.canFetchMore() and (pages is None or len(wall) < pages):
        pause = QDeadlineTimer(PACE_MS)
        while not pause.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        t0, c0 = time.perf_counter(), time.thread_time()
        table.scrollToBottom()
        QCoreApplication.processEvents()
        if model.canFetchMore() and table.verticalScrollBar().value() == 0:
            model.fetchMore()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return wall, cpu


def _bare_model(columns: int, sample: list[str], total: int, page: int):
    """A trivial model with the shape of the request list: constant texts, pages on demand."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class Bare(QAbstractTableModel):
        def __init__(self):
            super().__init__()
            self.rows = 0

        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            return 0 if parent.isValid() else self.rows

        def columnCount(self, parent=QModelIndex()):  # noqa: B008
            return 0 if parent.isValid() else columns

        def canFetchMore(self, parent=QModelIndex()):  # noqa: B008
            return self.rows < total

        def fetchMore(self, parent=QModelIndex()):  # noqa: B008
            self.beginInsertRows(QModelIndex(), self.rows, self.rows + page - 1)
            self.rows += page
            self.endInsertRows()

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return sample[index.column()] if role == Qt.ItemDataRole.DisplayRole else None

    model = Bare()
    model.fetchMore()
    return model


def _busy_import(db, stop) -> None:
    """Import 2,000 procedures (upserts by code) again and again until told to stop."""
    from supportdesk.bench.gui import synthetic_procedures
    from supportdesk.core import catalog

    batch = list(enumerate(synthetic_procedures(db, catalog.count(db) + 2_000), start=1))
    while not stop.is_set():
        catalog.import_records(db, batch)


def _busy_writer(data_dir: str) -> None:
    """A child process of the app's kind: lower priority, importing until it is ended."""
    import threading

    from supportdesk import processes
    from supportdesk.core.store import open_store

    processes.lower_priority()
    _busy_import(open_store(data_dir, check=False), threading.Event())


def _probe_scroll(data_dir: str, busy: str = "") -> dict:
    import threading

    from PySide6.QtCore import QCoreApplication

    from supportdesk.ui.app import _rss_mb as max_rss_mb
    from supportdesk.ui.request_model import PAGE_SIZE

    app, desk, window = _desk(data_dir)
    page = window.show_page("requests")
    page.view.setCurrentIndex(page.view.findData("all"))
    QCoreApplication.processEvents()
    table, model = page.table, page.model
    stop, child = threading.Event(), None
    if busy == "thread":
        desk.ctx.tasks.start(_busy_import, stop)
    elif busy == "child":
        command = [sys.executable, "-m", __spec__.name, "busy-writer", data_dir]
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if busy:
        time.sleep(0.5 if busy == "thread" else 2.0)  # the import is under way
    wall, cpu = _scroll(table, model, BUSY_PAGES if busy else None)
    rows, rss = model.rowCount(), max_rss_mb()
    sample = [str(model.index(0, c).data() or "") for c in range(model.columnCount())]
    bare = _bare_model(model.columnCount(), sample, rows, PAGE_SIZE)
    table.setModel(bare)
    QCoreApplication.processEvents()
    floor_wall, floor_cpu = _scroll(table, bare, len(wall))  # under the same import when busy
    stop.set()
    if child is not None:
        child.kill()
        child.wait()
    result = {"rows": rows, "pages": len(wall), "fetch_ms": wall, "fetch_cpu_ms": cpu,
              "floor_ms": floor_wall, "floor_cpu_ms": floor_cpu, "rss_mb": rss}  # fmt: skip
    desk.ctx.tasks.stop(60_000)
    desk.close()
    return result


if __name__ == "__main__":
    probes = {
        "search": _probe_search,
        "scroll": _probe_scroll,
        "scroll-busy": lambda d: _probe_scroll(d, busy="thread"),
        "scroll-child": lambda d: _probe_scroll(d, busy="child"),
        "busy-writer": _busy_writer,
    }
    if len(sys.argv) != 3 or sys.argv[1] not in probes:
        print(f"usage: python -m {__spec__.name} {'|'.join(probes)} DATA_DIR", file=sys.stderr)
        sys.exit(2)
    print(json.dumps(probes[sys.argv[1]](sys.argv[2])))
