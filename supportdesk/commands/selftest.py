"""`supportdesk self-test`: prove that this installation works, end to end, in a few seconds.

Run by the provincial team after installing on a counter PC and by CI against the built bundle:
every step exercises what a frozen build most often loses (a resource file, a lazily imported
module, a Qt plugin), in a throw-away data dir so the user's store is never touched."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

SEARCH_QUERY = "đăng ký khai sinh"


@dataclass
class Scratch:
    """What one step leaves for the next: the temporary data dir and the open store."""

    directory: Path
    db: Database | None = None
    codes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Step:
    key: str  # short English name: what CI logs and the exit message name
    label: str  # what a person reads
    run: Callable[[Scratch], str]  # returns a detail for the log; raises on failure


def _open_store(s: Scratch) -> str:
    from supportdesk.core.db import open_store

    s.db = open_store(s.directory, seed=False)
    return str(s.directory)


def _load_catalog(s: Scratch) -> str:
    from supportdesk.core import catalog

    catalog.load_shipped_catalog(s.db)
    n = catalog.count(s.db)
    if n == 0:
        raise RuntimeError("danh mục trống")
    return f"{n} thủ tục"


def _search(s: Scratch) -> str:
    from supportdesk.core import catalog

    result = catalog.search(s.db, SEARCH_QUERY, limit=5)
    if not result.items:
        raise RuntimeError(f"không tìm thấy «{SEARCH_QUERY}»")
    s.codes = [item["code"] for item in result.items]
    return f"«{SEARCH_QUERY}» → {s.codes[0]} {result.items[0]['name']}"


def _handout(s: Scratch) -> str:
    from supportdesk.core.pdf.export import handout_pdf

    data = handout_pdf(s.db, s.codes[0])
    if not data.startswith(b"%PDF-"):
        raise RuntimeError("kết quả không phải tệp PDF")
    # Without the shipped TrueType font the PDF would print boxes for đ, ơ, ư: check it is inside.
    if b"DejaVuSans" not in data:
        raise RuntimeError("PDF thiếu phông chữ tiếng Việt DejaVu Sans")
    path = s.directory / "handout.pdf"
    path.write_bytes(data)
    return f"{s.codes[0]}, {len(data) // 1024} KB"


def _gui(s: Scratch) -> str:
    # Offscreen unless the caller chose a platform: the test must pass on a CI box with no display
    # and must not flash a window at the person who runs it on a counter PC.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from supportdesk.ui.app import run_app

    app = QApplication.instance() or QApplication(sys.argv[:1])
    shown: list[str] = []

    def close_when_shown() -> None:
        windows = [w for w in app.topLevelWidgets() if w.isVisible()]
        shown.extend(w.windowTitle() for w in windows if isinstance(w, QMainWindow))
        for window in windows:
            window.close()
        app.quit()

    # Fires inside whichever event loop the app reaches first, modal dialogs included, so a
    # regression that opens a dialog fails this step instead of hanging it.
    QTimer.singleShot(0, close_when_shown)
    code = run_app(str(s.directory))
    if code != 0:
        raise RuntimeError(f"run_app trả về {code}")
    if not shown:
        raise RuntimeError("cửa sổ chính không hiện ra")
    return f"{app.platformName()}: {shown[0]}"


STEPS: list[Step] = [
    Step("store", "Mở kho dữ liệu trong thư mục tạm", _open_store),
    Step("catalog", "Nạp danh mục thủ tục", _load_catalog),
    Step("search", "Tìm kiếm thủ tục", _search),
    Step("handout", "In phiếu hướng dẫn thủ tục ra PDF", _handout),
    Step("gui", "Mở giao diện (không hiển thị) rồi đóng", _gui),
]


def run_steps(steps: list[Step], directory: Path, out=print) -> int:
    """Run steps in order; stop at the first failure. 0 if all passed, 1 naming the failed step."""
    scratch = Scratch(directory)
    started = time.perf_counter()
    try:
        for number, step in enumerate(steps, 1):
            t0 = time.perf_counter()
            try:
                detail = step.run(scratch)
            except Exception as exc:  # noqa: BLE001 — any failure is the answer, reported below
                ms = (time.perf_counter() - t0) * 1000
                out(f"[{number}/{len(steps)}] {step.label} ({step.key}): LỖI sau {ms:.0f} ms")
                out(f"    {type(exc).__name__}: {exc}")
                out(f"self-test: KHÔNG ĐẠT ở bước '{step.key}'")
                return 1
            ms = (time.perf_counter() - t0) * 1000
            out(f"[{number}/{len(steps)}] {step.label} ({step.key}): ok, {ms:.0f} ms — {detail}")
    finally:
        if scratch.db is not None:
            scratch.db.close()
    total = time.perf_counter() - started
    out(f"self-test: ĐẠT, {len(steps)} bước trong {total:.1f} s")
    return 0


def register(sub) -> None:
    p = sub.add_parser(
        "self-test",
        help="tự kiểm tra bản cài đặt: kho dữ liệu, danh mục, tìm kiếm, tài liệu in, giao diện",
    )
    p.set_defaults(handler=cmd_selftest)


def cmd_selftest(args) -> int:
    from supportdesk import __version__

    print(f"SupportDesk {__version__} — tự kiểm tra (Python {sys.version.split()[0]})", flush=True)

    def out(line: str) -> None:
        print(line, flush=True)  # flushed: a hung step must still show how far it got

    # ignore_cleanup_errors: on Windows a file the GUI still holds must not turn a pass into a fail.
    scratch = tempfile.TemporaryDirectory(prefix="sd-selftest-", ignore_cleanup_errors=True)
    with scratch as directory:
        return run_steps(STEPS, Path(directory), out)
