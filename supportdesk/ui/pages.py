"""What every page of the main window offers, and the list of pages.

The main window knows pages only through `Page`: it never probes them with hasattr and pages
never reach back into the window. A page tells the window what it wants with three signals
(`message`, `print_requested`, `navigate`) and learns about changes made elsewhere from
`ctx.changes` (see ui/changes.py). A new page is one line in PAGES."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from supportdesk.ui.context import AppContext


@runtime_checkable
class Page(Protocol):
    def activate(self) -> None:
        """The page became visible: bring what it shows up to date."""

    def retranslate(self) -> None:
        """The language changed: set every text again."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the page's search box."""

    def print_current(self) -> None:
        """Ctrl+P: print what the page shows (emits print_requested), or nothing."""

    def open_item(self, kind: str, key: object) -> None:
        """Show one thing another page or quick search asked for (see NAVIGATION)."""

    def shutdown(self) -> None:
        """The window closes: keep drafts, stop timers; late task results must do nothing."""


class BasePage(QWidget):
    """A page with the protocol's defaults; subclasses override what they need."""

    message = Signal(str)  # a line for the status bar
    print_requested = Signal(str, object)  # document kind ("handout", "receipt", "report"), key
    navigate = Signal(str, object)  # (kind, key) of NAVIGATION: show it on the page that owns it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx

    def activate(self) -> None:
        pass

    def retranslate(self) -> None:
        pass

    def focus_search(self) -> None:
        pass

    def print_current(self) -> None:
        pass

    def open_item(self, kind: str, key: object) -> None:
        pass

    def shutdown(self) -> None:
        pass


@dataclass(frozen=True)
class PageSpec:
    name: str
    title: Callable[[], str]  # translated at call time
    factory: str  # "module:Class", imported when the page is first shown (fast start)
    opens: tuple[str, ...] = ()  # NAVIGATION kinds this page shows

    def build(self, ctx: AppContext) -> BasePage:
        module, _, cls = self.factory.partition(":")
        return getattr(importlib.import_module(module), cls)(ctx)


# The order is the navigation order and the Ctrl+1… shortcuts.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("requests", lambda: QCoreApplication.translate("pages", "Yêu cầu hỗ trợ"),
             "supportdesk.ui.requests_page:RequestsPage", ("request", "new_request")),
    PageSpec("procedures", lambda: QCoreApplication.translate("pages", "Thủ tục"),
             "supportdesk.ui.procedures_page:ProceduresPage", ("procedure",)),
    PageSpec("directory", lambda: QCoreApplication.translate("pages", "Danh bạ"),
             "supportdesk.ui.directory_page:DirectoryPage", ("contact", "who_handles")),
    PageSpec("dashboard", lambda: QCoreApplication.translate("pages", "Tổng hợp"),
             "supportdesk.ui.dashboard_page:DashboardPage"),
    PageSpec("kb", lambda: QCoreApplication.translate("pages", "Bài hướng dẫn"),
             "supportdesk.ui.kb_page:KbPage", ("article",)),
)  # fmt: skip

# kind -> what the key is
NAVIGATION = {
    "request": "a request id",
    "new_request": "a procedure dict or None: open the intake form about it",
    "procedure": "a procedure code",
    "contact": "a contact id",
    "who_handles": "a procedure dict: the contacts who handle it",
    "article": "an article id or uuid of the knowledge base",
}
