"""Starting the desktop app: store, language, text size, first run, main window."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

# The retention purge and the daily backup start this long after the window is shown, so that
# they do not compete with the first screen for the CPU (a counter PC has two cores).
AFTER_SHOWN_MS = 3000
SWITCH_INTERVAL_S = 0.001

NO_DISPLAY = (
    "supportdesk: không mở được giao diện: máy này chưa có phiên đồ hoạ (màn hình). Hãy mở "
    "SupportDesk trong phiên làm việc có màn hình, hoặc dùng các lệnh (supportdesk --help)."
)


def display_missing() -> bool:
    """On Linux, Qt aborts the process when no display can be reached: say so in one line
    instead. Platforms that need no display (offscreen, minimal, …) are left alone."""
    if not sys.platform.startswith("linux"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _start_qt():
    """QApplication, or one line and exit 1 where Qt would abort (a DISPLAY that is set but
    cannot be reached, no usable platform plugin)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    def on_message(kind, _context, _message) -> None:
        if kind == QtMsgType.QtFatalMsg:
            print(NO_DISPLAY, file=sys.stderr, flush=True)
            os._exit(1)

    previous = qInstallMessageHandler(on_message)
    try:
        return QApplication(sys.argv)
    finally:
        qInstallMessageHandler(previous)


def run_app(
    data_dir: str | Path | None = None,
    *,
    demo: bool = False,
    screenshot_dir: str | Path | None = None,
    screenshot_size: tuple[int, int] = (1366, 768),
    exit_when_shown: bool = False,
) -> int:
    """Open the app and run its event loop; the CLI's entry (no subcommand, or `gui`)."""
    # Python's collector would walk the hundreds of thousands of objects that loading Qt and
    # the app creates, several times over, while the window is being made (about 10 ms on a
    # 2-core PC): it is off until the window is shown.
    gc.disable()
    try:
        return _run(data_dir, demo, screenshot_dir, screenshot_size, exit_when_shown)
    finally:
        gc.enable()


def _run(data_dir, demo, screenshot_dir, screenshot_size, exit_when_shown) -> int:
    if display_missing():
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    from supportdesk.core.store.connection import EarlyCheck

    # The store's check runs while Qt loads (see EarlyCheck), not after it.
    early = None if demo else EarlyCheck(data_dir)
    # The domain of the first screen loads before Qt does: once loaded, Qt for Python reads the
    # source of every module imported after it (looking for `from __feature__ import`), about
    # sixty of ours and the standard library's at start.
    from supportdesk.core import formats, kb, sync, team, tickets  # noqa: F401

    # isort: split
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or _start_qt()
    app.setApplicationName("SupportDesk")
    app.setOrganizationName("SupportDesk")
    if demo:
        data_dir = _demo_dir()
    desk = _open_desk(app, data_dir, early)
    if desk is None:
        return 1
    if screenshot_dir is not None:
        from supportdesk.ui.screenshots import capture_all

        window = desk.open_window(first_run=False)
        saved = capture_all(desk, window, Path(screenshot_dir), screenshot_size)
        print("\n".join(str(p) for p in saved))
        desk.close()
        return 0
    window = desk.open_window(first_run=True, ask_operator=not exit_when_shown)
    if window is None:
        desk.close()
        return 0
    if exit_when_shown:
        app.processEvents()
        print(f"shown rss_mb={_rss_mb():.1f}", flush=True)
        desk.close()
        return 0
    # What start-up made lives as long as the app: set aside, the collector never walks it.
    gc.freeze()
    gc.enable()
    code = app.exec()
    desk.close()
    return code


def _open_desk(app, data_dir, early=None):
    """The Desk, or None when the store cannot be opened and the person chose to stop. A damaged
    store is never touched: the person is offered the latest backup that passes the check."""
    from supportdesk.core.store.connection import StoreCorruptError, StoreError

    try:
        return Desk(app, data_dir, check=early or True)
    except StoreError as error:
        from supportdesk.ui.store_problem import StoreProblemDialog

        offer = error.backup if isinstance(error, StoreCorruptError) else None
        if not StoreProblemDialog.ask(str(error), offer):
            return None
    from supportdesk import paths
    from supportdesk.core.store import backup

    backup.restore(paths.data_dir(data_dir), offer)
    return Desk(app, data_dir)


def _rss_mb() -> float:
    """Peak resident memory of this process. VmHWM first: ru_maxrss survives fork+exec, so a
    probe started by a big parent (a benchmark that just filled a store) would report the
    parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _demo_dir() -> Path:
    import tempfile

    from supportdesk.core import demo
    from supportdesk.core.store.connection import open_store

    directory = Path(tempfile.mkdtemp(prefix="supportdesk-demo-"))
    db = open_store(directory)
    demo.fill(db)
    _demo_contacts(db)
    db.close()
    return directory


def _demo_contacts(db) -> None:
    """The example contact sheet shipped with the directory (fictitious people)."""
    from supportdesk import paths
    from supportdesk.core import directory

    directory.files.import_file(db, paths.resource("directory", "vi-du-danh-ba.csv"))


class Desk:
    """One running app: its context, translations, text size and main window."""

    def __init__(self, app, data_dir: str | Path | None, *, check=True):
        from supportdesk import paths
        from supportdesk.core.store.connection import open_store
        from supportdesk.ui import style
        from supportdesk.ui.context import AppContext
        from supportdesk.ui.i18n import Translations
        from supportdesk.ui.tasks import TaskRunner

        self.app = app
        # A background task (a file import, a page read ahead) holds Python's lock for up to the
        # switch interval at a time, and the window waits that long at each of the many times
        # it needs the lock back to paint a page: 1 ms instead of 5 keeps a page to a frame or
        # two while a thread works (bench: gui, "next page during an import").
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        directory = paths.data_dir(data_dir)
        db = open_store(directory, check=check)
        tasks = TaskRunner(paths.store_path(directory))
        self.ctx = AppContext(directory, db, tasks)
        self.translations = Translations(app)
        self.translations.apply(self.ctx.setting("ui_language", "vi"))
        style.apply(app, self.ctx.setting("ui_font_size"))
        self.window = None

    def open_window(self, first_run: bool = True, ask_operator: bool = True):
        from PySide6.QtCore import QTimer

        from supportdesk.ui.main_window import MainWindow

        if first_run and not self.ensure_setup():
            return None
        if first_run and ask_operator:
            self.ask_operator()
        window = MainWindow(self.ctx)
        window.language_requested.connect(self.set_language)
        window.font_size_requested.connect(self.set_font_size)
        window.settings_requested.connect(self.edit_settings)
        self.window = window
        window.show()
        if first_run:  # what the first screen does not need starts once it is up
            QTimer.singleShot(AFTER_SHOWN_MS, window, lambda: self._start_background(window))
        return window

    @staticmethod
    def _start_background(window) -> None:
        window.background.purge_personal()
        window.background.start()

    def ensure_setup(self) -> bool:
        from supportdesk.ui.first_run import needs_first_run

        if not needs_first_run(self.ctx):
            return True
        from supportdesk.core.admin_units import AdminUnits
        from supportdesk.ui.first_run import FirstRunDialog

        return FirstRunDialog.ask(self.ctx, AdminUnits.shipped())

    def ask_operator(self) -> None:
        """At start, when several people share the counter PC: who is on duty."""
        from supportdesk.ui.operator_dialog import OperatorDialog

        team = self.ctx.team
        if len(team) < 2:
            return
        name = OperatorDialog.ask(team, self.ctx.operator)
        if name:
            self.ctx.put_setting("operator", name)

    def set_language(self, language: str) -> None:
        self.ctx.put_setting("ui_language", self.translations.apply(language))

    def set_font_size(self, size: int) -> None:
        from supportdesk.ui import style

        self.ctx.put_setting("ui_font_size", style.apply(self.app, size))

    def edit_settings(self) -> None:
        from supportdesk.core.admin_units import AdminUnits
        from supportdesk.ui.settings_dialog import SettingsDialog

        if SettingsDialog.ask(self.ctx, AdminUnits.shipped(), self.window):
            self.set_language(self.ctx.setting("ui_language", "vi"))
            self.set_font_size(self.ctx.setting("ui_font_size"))
            if self.window is not None:
                self.window.status.refresh()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.translations.remove()
        self.ctx.close()
