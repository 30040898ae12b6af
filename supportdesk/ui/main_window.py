"""The main window: navigation between the pages (ui/pages.py), menus, shortcuts, status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from supportdesk import __version__
from supportdesk.ui import pages
from supportdesk.ui.context import AppContext
from supportdesk.ui.pages import BasePage
from supportdesk.ui.status import StatusBar
from supportdesk.ui.views import fit_to_screen


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
        self.specs = pages.PAGES  # read when the window is made: a page added there shows up
        self.page_names = tuple(spec.name for spec in self.specs)
        self.pages: dict[str, BasePage] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.addItems(["" for _ in self.specs])
        self.stack = QStackedWidget()
        for _ in self.specs:
            self.stack.addWidget(QWidget())  # placeholders: pages are built when first shown
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        from supportdesk.ui.notice_banner import NoticeBanner

        self.notices = NoticeBanner(ctx)  # the province's live notices (issue 17)
        right = QVBoxLayout()
        right.setSpacing(0)
        right.addWidget(self.notices)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(ctx, self)
        self.setStatusBar(self.status)
        from supportdesk.ui.printing import Printer

        self.printer = Printer(ctx, self)
        self.printer.started.connect(self.hint)
        self.printer.failed.connect(self.hint)
        self.printer.opened.connect(self._printed)
        self.printer.no_viewer.connect(self._no_viewer)
        from supportdesk.ui.background import BackgroundWork

        self.background = BackgroundWork(ctx, self)
        self.background.message.connect(self.hint)
        self.background.synced.connect(lambda _r: ctx.changes.notify("sync"))
        self.background.purged.connect(lambda n: n and ctx.changes.notify("requests"))
        self.background.team.synced.connect(self._team_synced)
        self._build_actions()
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.retranslate()
        fit_to_screen(self, QSize(1280, 800))
        self.nav.setCurrentRow(0)

    def _team_synced(self, result: dict) -> None:
        if result.get("received"):  # requests, contacts or articles came from other desks
            for topic in ("requests", "contacts"):
                self.ctx.changes.notify(topic)
        else:
            self.ctx.changes.notify("sync")  # the status bar's team state, at least

    # ------------------------------------------------------------ pages

    def page(self, name: str) -> BasePage:
        """The page, built on first use (keeps the start fast)."""
        if name not in self.pages:
            index = self.page_names.index(name)
            page = self.specs[index].build(self.ctx)
            page.setObjectName(f"{name}Page")
            page.message.connect(self.hint)
            page.print_requested.connect(self.printer.print_document)
            page.navigate.connect(self.open_item)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[name] = page
        return self.pages[name]

    def show_page(self, name: str) -> BasePage:
        self.nav.setCurrentRow(self.page_names.index(name))
        return self.pages[name]

    def current_page_name(self) -> str:
        return self.page_names[self.stack.currentIndex()]

    def current_page(self) -> BasePage:
        return self.page(self.current_page_name())

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(self.page_names[row])
        self.stack.setCurrentIndex(row)
        page.activate()

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
        for i, name in enumerate(self.page_names):
            a[name] = self._action(
                f"go_{name}", f"Ctrl+{i + 1}", lambda _=False, n=name: self.show_page(n),
                self.view_menu,
            )  # fmt: skip
        self.view_menu.addSeparator()
        a["bigger"] = self._action("bigger", "Ctrl++", lambda: self._zoom(1), self.view_menu)
        a["smaller"] = self._action("smaller", "Ctrl+-", lambda: self._zoom(-1), self.view_menu)
        a["find"] = self._action("find", "Ctrl+F", lambda: self.current_page().focus_search())
        a["print"] = self._action("print", "Ctrl+P", lambda: self.current_page().print_current())
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
        for row, name in enumerate(self.page_names):
            self.nav.item(row).setText(titles[name])
        # As wide as the longest title (padding and marker of the style sheet), no wider: every
        # pixel counts at 1024×768.
        widest = max(self.nav.fontMetrics().horizontalAdvance(t) for t in titles.values())
        self.nav.setFixedWidth(widest + 48)
        self.file_menu.setTitle(self.tr("&Tệp"))
        self.view_menu.setTitle(self.tr("&Xem"))
        self.language_menu.setTitle(self.tr("Ngôn ngữ"))
        self.help_menu.setTitle(self.tr("Trợ giú&p"))
        a = self.actions_by_key
        a["settings"].setText(self.tr("Cài đặt…"))
        a["quit"].setText(self.tr("Thoát"))
        for name in self.page_names:
            a[name].setText(titles[name])
        a["bigger"].setText(self.tr("Chữ to hơn"))
        a["smaller"].setText(self.tr("Chữ nhỏ hơn"))
        a["quick"].setText(self.tr("Tìm nhanh…"))
        a["new_request"].setText(self.tr("Ghi yêu cầu mới"))
        self.sync_menu.setTitle(self.tr("Đồng &bộ"))
        a["send_now"].setText(self.tr("Gửi ngay"))
        a["outbox"].setText(self.tr("Hộp thư đi…"))
        a["shortcuts"].setText(self.tr("Phím tắt"))
        a["about"].setText(self.tr("Giới thiệu"))
        self.status.retranslate()
        for page in self.pages.values():
            page.retranslate()

    def page_titles(self) -> dict[str, str]:
        return {spec.name: spec.title() for spec in self.specs}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self._closed:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.shown.emit()

    def closeEvent(self, event) -> None:
        self._closed = True
        self.notices.timer.stop()  # its store is about to close
        self.background.stop()
        for page in self.pages.values():
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

    def new_request(self, procedure: dict | None = None) -> None:
        self.open_item("new_request", procedure if isinstance(procedure, dict) else None)

    def quick_search(self) -> None:
        from supportdesk.ui.quick_search import QuickSearchDialog

        choice = QuickSearchDialog.ask(self.ctx, self)
        if choice:
            self.open_item(*choice)

    def open_item(self, kind: str, key) -> None:
        """Show one request, procedure or contact (pages.NAVIGATION) on the page that owns it."""
        spec = next(spec for spec in self.specs if kind in spec.opens)
        self.show_page(spec.name).open_item(kind, key)

    def show_outbox(self) -> None:
        from supportdesk.ui.outbox_dialog import OutboxDialog

        OutboxDialog.ask(self.ctx, self)

    def show_shortcuts(self) -> None:
        from supportdesk.ui.help import show_shortcuts

        show_shortcuts(self)

    def show_about(self) -> None:
        from supportdesk.ui.help import show_about

        show_about(self, __version__)

    def _printed(self, path: str) -> None:
        self.status.show_file(self.tr("Đã mở tài liệu để in: {0}").replace("{0}", path), path)

    def _no_viewer(self, path: str) -> None:
        self.status.show_file(
            self.tr("Đã lưu tài liệu: {0}. Máy chưa có chương trình xem PDF nên chưa in được; "
                    "hãy cài một trình xem PDF hoặc mở tệp bằng trình duyệt web.")
            .replace("{0}", path), path,
        )  # fmt: skip

    def hint(self, message: str) -> None:
        self.status.showMessage(message, 6000)
