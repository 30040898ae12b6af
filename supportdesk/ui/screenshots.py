"""`supportdesk gui --screenshot DIR [--size WxH]`: every page, the intake form, a procedure's
detail and the dialogs, at the size of a counter PC's screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QSize, QTimer
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


def capture_all(desk, window, out: Path, size: tuple[int, int] = SIZE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    window.resize(*size)
    saved: list[Path] = []
    for name in ("requests", "procedures", "directory", "dashboard"):
        page = window.show_page(name)
        wait_idle(desk.ctx.tasks)
        settle()
        if name == "procedures":
            page.query.setText("")
        elif name == "directory":
            page.query.setText("0300 000")  # phone digits, as people remember them
        elif name == "dashboard":
            page.period.setCurrentIndex(page.period.findData("month"))
            wait_until(lambda p=page: p.data is not None and not p._loading)
        wait_idle(desk.ctx.tasks)
        settle()
        saved.append(save(window, out / f"{name}.png"))
    saved += _procedure_detail(desk, window, out)
    saved += _procedure_question(desk, window, out)
    saved += _intake(desk, window, out)
    saved += _kb(desk, window, out)
    saved += _dialogs(desk, window, out, QSize(*size))
    return saved


def _procedure_detail(desk, window, out: Path) -> list[Path]:
    page = window.show_page("procedures")
    page.query.setText("khai sinh")
    wait_until(lambda: page.detail.procedure is not None and not desk.ctx.tasks.busy)
    settle(100)
    saved = [save(window, out / "procedure-detail.png")]
    # A provincial procedure: the detail says first where to go and whether it can go online.
    page.show_code("1.000049")
    wait_until(lambda: (page.detail.procedure or {}).get("code") == "1.000049")
    settle(100)
    return saved + [save(window, out / "procedure-detail-province.png")]


def _procedure_question(desk, window, out: Path) -> list[Path]:
    """A citizen's question typed in the same box: the detail opens at the part asked."""
    page = window.show_page("procedures")
    page.query.setText("đăng ký kết hôn lệ phí bao nhiêu")
    wait_until(lambda: page.detail.procedure is not None and not desk.ctx.tasks.busy)
    wait_until(lambda: not page.detail.answer.isHidden())
    settle(100)
    return [save(window, out / "procedure-question.png")]


def _intake(desk, window, out: Path) -> list[Path]:
    page = window.show_page("requests")
    page.new_request()
    page.fill_example()
    wait_idle(desk.ctx.tasks)
    settle()
    shot = save(window, out / "intake.png")
    page.intake.clear()
    page.intake.cancel()
    return [shot]


def _kb(desk, window, out: Path) -> list[Path]:
    """The knowledge base page, and the intake form offering articles as the summary is typed."""
    page = window.show_page("kb")
    page.query.setText("khong dang nhap duoc vneid")
    settle()
    saved = [save(window, out / "kb.png")]
    requests_page = window.show_page("requests")
    if hasattr(requests_page, "new_request"):
        requests_page.new_request()
        intake = requests_page.intake
        intake.name.setText("Hoàng Thị Mai")
        intake.category.setCurrentIndex(max(0, intake.category.findData("vneid")))
        intake.summary.setText("Không đăng nhập được VNeID")
        settle()
        saved.append(save(window, out / "intake-kb.png"))
        intake.clear()
        intake.cancel()
    return saved


def _dialogs(desk, window, out: Path, screen: QSize) -> list[Path]:
    from supportdesk.core.admin_units import AdminUnits
    from supportdesk.ui.escalation import EscalationDialog
    from supportdesk.ui.first_run import FirstRunDialog
    from supportdesk.ui.settings_dialog import SettingsDialog
    from supportdesk.ui.views import fit_to_screen

    saved = []
    units = AdminUnits.shipped()
    dialogs = (
        ("first-run", lambda: FirstRunDialog(units, window), QSize(720, 760)),
        ("settings", lambda: SettingsDialog(desk.ctx, units, window), QSize(900, 720)),
        ("escalation", lambda: EscalationDialog(desk.ctx, "1.001193", window), QSize(680, 480)),
    )
    for name, make, wanted in dialogs:
        dialog = make()
        if name == "first-run":
            dialog.form.picker.query.setText("ba dinh")
        fit_to_screen(dialog, wanted, screen - QSize(0, 40))  # the taskbar
        dialog.show()
        settle()
        saved.append(save(dialog, out / f"{name}.png"))
        dialog.close()
    return saved
