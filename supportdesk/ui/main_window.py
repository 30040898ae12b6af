"""The main window: navigation between the four pages, menus, shortcuts and the status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from supportdesk import __version__
from supportdesk.ui.context import AppContext
from supportdesk.ui.status import StatusBar

PAGES = ("requests", "procedures", "directory", "dashboard")


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    font_size_requested = Signal(int)
    settings_requested = Signal()
    shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self._closed = False
        self.pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {
            "requests": self._make_requests,
            "procedures": self._make_procedures,
            "directory": self._make_directory,
            "dashboard": self._make_dashboard,
        }
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(210)
        self.nav.addItems(["", "", "", ""])
        self.stack = QStackedWidget()
        for _ in PAGES:
            self.stack.addWidget(QWidget())  # placeholders: pages are built when first shown
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(ctx, self)
        self.setStatusBar(self.status)
        from supportdesk.ui.printing import Printer

        self.printer = Printer(ctx, self)
        self.printer.started.connect(self.hint)
        self.printer.failed.connect(self.hint)
        from supportdesk.ui.background import BackgroundWork

        self.background = BackgroundWork(ctx, self)
        self.background.message.connect(self.hint)
        self.background.synced.connect(lambda _r: self.status.refresh())
        self.background.purged.connect(lambda n: n and self.refresh_status())
        self._build_actions()
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.retranslate()
        self.resize(1280, 800)
        self.nav.setCurrentRow(0)

    # ------------------------------------------------------------ pages

    def page(self, name: str) -> QWidget:
        """The page, built on first use (keeps the start fast)."""
        if name not in self.pages:
            page = self._factories[name]()
            page.setObjectName(f"{name}Page")
            index = PAGES.index(name)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[name] = page
        return self.pages[name]

    def show_page(self, name: str) -> QWidget:
        self.nav.setCurrentRow(PAGES.index(name))
        return self.pages[name]

    def current_page_name(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(PAGES[row])
        self.stack.setCurrentIndex(row)
        if hasattr(page, "activate"):
            page.activate()

    def _make_requests(self) -> QWidget:
        from supportdesk.ui.requests_page import RequestsPage

        page = RequestsPage(self.ctx)
        page.changed.connect(self.refresh_status)
        page.print_receipt.connect(lambda rid: self.printer.print_document("receipt", rid))
        return page

    def _make_procedures(self) -> QWidget:
        from supportdesk.ui.procedures_page import ProceduresPage

        page = ProceduresPage(self.ctx)
        page.log_request.connect(self.new_request)
        page.who_handles.connect(self.who_handles)
        page.print_handout.connect(
            lambda p, _ticks: self.printer.print_document("handout", p["code"])
        )
        return page

    def _make_directory(self) -> QWidget:
        from supportdesk.ui.directory_page import DirectoryPage

        page = DirectoryPage(self.ctx)
        page.message.connect(self.hint)
        return page

    def _make_dashboard(self) -> QWidget:
        from supportdesk.ui.dashboard_page import DashboardPage

        page = DashboardPage(self.ctx)
        page.print_report.connect(lambda period: self.printer.print_document("report", period))
        page.open_request.connect(lambda rid: self.open_item("request", rid))
        return page

    # ------------------------------------------------------------ actions

    def _action(self, key: str, shortcut, slot, menu=None) -> QAction:
        action = QAction(self)
        action.setObjectName(key)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        self.help_menu = bar.addMenu("")
        a = {}
        a["settings"] = self._action("settings", "Ctrl+,", self.settings_requested, self.file_menu)
        self.file_menu.addSeparator()
        a["quit"] = self._action("quit", "Ctrl+Q", self.close, self.file_menu)
        for i, name in enumerate(PAGES):
            a[name] = self._action(
                f"go_{name}", f"Ctrl+{i + 1}", lambda _=False, n=name: self.show_page(n),
                self.view_menu,
            )  # fmt: skip
        self.view_menu.addSeparator()
        a["bigger"] = self._action("bigger", "Ctrl++", lambda: self._zoom(1), self.view_menu)
        a["smaller"] = self._action("smaller", "Ctrl+-", lambda: self._zoom(-1), self.view_menu)
        a["find"] = self._action("find", "Ctrl+F", self._focus_search)
        a["print"] = self._action("print", "Ctrl+P", self._print_current)
        a["quick"] = self._action("quick", "Ctrl+K", self.quick_search, self.file_menu)
        self.sync_menu = bar.addMenu("")
        self.menuBar().insertMenu(self.help_menu.menuAction(), self.sync_menu)
        a["send_now"] = self._action(
            "send_now", "Ctrl+Shift+S", lambda: self.background.sync_now(force=True), self.sync_menu
        )
        a["outbox"] = self._action("outbox", None, self.show_outbox, self.sync_menu)
        a["new_request"] = self._action("new_request", "Ctrl+N", self.new_request, self.file_menu)
        self.file_menu.insertAction(a["settings"], a["new_request"])
        self.file_menu.insertAction(a["settings"], a["quick"])
        self.file_menu.insertSeparator(a["settings"])
        for code, name in (("vi", "Tiếng Việt"), ("en", "English")):
            act = self._action(f"lang_{code}", None, lambda _=False, c=code: self._lang(c))
            act.setText(name)
            self.language_menu.addAction(act)
        a["shortcuts"] = self._action("shortcuts", "F1", self.show_shortcuts, self.help_menu)
        a["about"] = self._action("about", None, self.show_about, self.help_menu)
        self.actions_by_key = a

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("SupportDesk — Tổ hỗ trợ kỹ thuật"))
        titles = self.page_titles()
        for row, name in enumerate(PAGES):
            self.nav.item(row).setText(titles[name])
        self.file_menu.setTitle(self.tr("&Tệp"))
        self.view_menu.setTitle(self.tr("&Xem"))
        self.language_menu.setTitle(self.tr("Ngôn ngữ"))
        self.help_menu.setTitle(self.tr("Trợ &giúp"))
        a = self.actions_by_key
        a["settings"].setText(self.tr("Cài đặt…"))
        a["quit"].setText(self.tr("Thoát"))
        for name in PAGES:
            a[name].setText(titles[name])
        a["bigger"].setText(self.tr("Chữ to hơn"))
        a["smaller"].setText(self.tr("Chữ nhỏ hơn"))
        a["quick"].setText(self.tr("Tìm nhanh…"))
        a["new_request"].setText(self.tr("Ghi yêu cầu mới"))
        self.sync_menu.setTitle(self.tr("Đồ&ng bộ"))
        a["send_now"].setText(self.tr("Gửi ngay"))
        a["outbox"].setText(self.tr("Hộp thư đi…"))
        a["shortcuts"].setText(self.tr("Phím tắt"))
        a["about"].setText(self.tr("Giới thiệu"))
        self.status.retranslate()
        for page in self.pages.values():
            if hasattr(page, "retranslate"):
                page.retranslate()

    def page_titles(self) -> dict[str, str]:
        return {
            "requests": self.tr("Yêu cầu hỗ trợ"),
            "procedures": self.tr("Thủ tục"),
            "directory": self.tr("Danh bạ"),
            "dashboard": self.tr("Tổng hợp"),
        }

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._closed:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.shown.emit()

    def closeEvent(self, event) -> None:
        self._closed = True
        self.background.stop()
        for page in self.pages.values():
            if hasattr(page, "shutdown"):
                page.shutdown()
        self.ctx.tasks.stop()
        super().closeEvent(event)

    # ------------------------------------------------------------ commands

    def _lang(self, code: str) -> None:
        self.language_requested.emit(code)

    def _zoom(self, step: int) -> None:
        from supportdesk.ui import style

        size = self.ctx.setting("ui_font_size", style.DEFAULT_POINT_SIZE) + step
        self.font_size_requested.emit(size)

    def _focus_search(self) -> None:
        page = self.pages.get(self.current_page_name())
        if hasattr(page, "focus_search"):
            page.focus_search()

    def _print_current(self) -> None:
        page = self.pages.get(self.current_page_name())
        if self.current_page_name() == "procedures" and page.detail.procedure:
            self.printer.print_document("handout", page.detail.procedure["code"])
        elif self.current_page_name() == "requests" and page.detail.request:
            self.printer.print_document("receipt", page.detail.request["id"])
        elif self.current_page_name() == "dashboard":
            self.printer.print_document("report", page.current_period())

    def new_request(self, procedure: dict | None = None) -> None:
        page = self.show_page("requests")
        if hasattr(page, "new_request"):
            page.new_request(procedure if isinstance(procedure, dict) else None)

    def who_handles(self, procedure: dict) -> None:
        """The directory, listing the contacts who handle a procedure."""
        page = self.show_page("directory")
        if hasattr(page, "show_procedure"):
            page.show_procedure(procedure)

    def refresh_status(self) -> None:
        self.status.refresh()
        if "dashboard" in self.pages and hasattr(self.pages["dashboard"], "refresh"):
            self.pages["dashboard"].refresh()

    def quick_search(self) -> None:
        from supportdesk.ui.quick_search import QuickSearchDialog

        choice = QuickSearchDialog.ask(self.ctx, self)
        if choice:
            self.open_item(*choice)

    def open_item(self, kind: str, key) -> None:
        """Show one request, procedure or contact on its page."""
        page_name = {"request": "requests", "procedure": "procedures", "contact": "directory"}
        page = self.show_page(page_name[kind])
        opener = {"request": "open_request", "procedure": "show_code", "contact": "show_contact"}
        if hasattr(page, opener[kind]):
            getattr(page, opener[kind])(key)

    def show_outbox(self) -> None:
        from supportdesk.ui.outbox_dialog import OutboxDialog

        OutboxDialog.ask(self.ctx, self)

    def show_shortcuts(self) -> None:
        from supportdesk.ui.help import show_shortcuts

        show_shortcuts(self)

    def show_about(self) -> None:
        from supportdesk.ui.help import show_about

        show_about(self, __version__)

    def hint(self, message: str) -> None:
        self.status.showMessage(message, 6000)
