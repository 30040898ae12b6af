"""`supportdesk gui --screenshot DIR`: every page, the intake panel and a procedure detail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

SIZE = (1366, 768)  # the most common screen of counter PCs


def settle(ms: int = 50) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_idle(runner, timeout_ms: int = 5000) -> None:
    deadline = QDeadlineTimer(timeout_ms)
    while runner.busy and not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def wait_until(condition, timeout_ms: int = 8000) -> bool:
    deadline = QDeadlineTimer(timeout_ms)
    while not condition() and not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return condition()


def save(widget: QWidget, path: Path) -> Path:
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def capture_all(desk, window, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    window.resize(*SIZE)
    saved: list[Path] = []
    for name in ("requests", "procedures", "directory", "dashboard"):
        page = window.show_page(name)
        wait_idle(desk.ctx.tasks)
        settle()
        if name == "procedures":
            page.query.setText("")
        elif name == "directory" and hasattr(page, "query"):
            page.query.setText("0300 000")  # phone digits, as people remember them
        elif name == "dashboard" and hasattr(page, "data"):
            page.period.setCurrentIndex(page.period.findData("month"))
            wait_until(lambda p=page: p.data is not None and not p._loading)
        wait_idle(desk.ctx.tasks)
        settle()
        saved.append(save(window, out / f"{name}.png"))
    saved += _procedure_detail(desk, window, out)
    saved += _intake(desk, window, out)
    saved += _dialogs(desk, window, out)
    return saved


def _procedure_detail(desk, window, out: Path) -> list[Path]:
    page = window.show_page("procedures")
    page.query.setText("khai sinh")
    wait_until(lambda: page.detail.procedure is not None and not desk.ctx.tasks.busy)
    settle(100)
    return [save(window, out / "procedure-detail.png")]


def _intake(desk, window, out: Path) -> list[Path]:
    page = window.show_page("requests")
    if not hasattr(page, "new_request"):
        return []
    page.new_request()
    if hasattr(page, "fill_example"):
        page.fill_example()
    wait_idle(desk.ctx.tasks)
    settle()
    return [save(window, out / "intake.png")]


def _dialogs(desk, window, out: Path) -> list[Path]:
    from supportdesk.core.admin_units import AdminUnits
    from supportdesk.ui.first_run import FirstRunDialog
    from supportdesk.ui.settings_dialog import SettingsDialog

    saved = []
    first = FirstRunDialog(AdminUnits.shipped(), window)
    first.form.picker.query.setText("ba dinh")
    first.show()
    settle()
    saved.append(save(first, out / "first-run.png"))
    first.close()
    dialog = SettingsDialog(desk.ctx, AdminUnits.shipped(), window)
    dialog.show()
    settle()
    saved.append(save(dialog, out / "settings.png"))
    dialog.close()
    return saved
