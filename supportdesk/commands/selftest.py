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
    from supportdesk.core.store.connection import open_store

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


def _calendar(s: Scratch) -> str:
    from datetime import date

    from supportdesk.core.calendar import WorkCalendar

    year = date.today().year
    days = WorkCalendar.build().special_days(year)
    named = [d for d in days if d["off"] and d["name"]]
    if not named:
        raise RuntimeError(f"không có ngày lễ nào có tên trong năm {year}")
    return f"{len(named)} ngày nghỉ lễ năm {year}, ví dụ {named[0]['name']}"


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
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from supportdesk import paths
    from supportdesk.core.admin_units import AdminUnits
    from supportdesk.ui.app import Desk
    from supportdesk.ui.first_run import FirstRunDialog, needs_first_run

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # A .qm left out of the bundle would fail silently in the app: load each one here.
    for name in ("qt_vi", "supportdesk_en"):
        if not QTranslator().load(str(paths.resource("i18n", f"{name}.qm"))):
            raise RuntimeError(f"không nạp được bản dịch {name}.qm")
    desk = Desk(app, s.directory)  # what run_app builds: store, tasks, translations, style
    try:
        if needs_first_run(desk.ctx):
            # Shown, not exec'd: a modal dialog would wait for a person. Building it reads the
            # 3,321 shipped communes, another file a bundle can lose.
            dialog = FirstRunDialog(AdminUnits.shipped())
            dialog.show()
            app.processEvents()
            dialog.close()
            dialog.deleteLater()
        window = desk.open_window(first_run=False)
        app.processEvents()
        if window is None or not window.isVisible():
            raise RuntimeError("cửa sổ chính không hiện ra")
        title = window.windowTitle()
    finally:
        desk.close()
        app.processEvents()
    return f"{app.platformName()}: {title}"


STEPS: list[Step] = [
    Step("store", "Mở kho dữ liệu trong thư mục tạm", _open_store),
    Step("catalog", "Nạp danh mục thủ tục", _load_catalog),
    Step("search", "Tìm kiếm thủ tục", _search),
    Step("calendar", "Lịch làm việc và ngày lễ Việt Nam", _calendar),
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
