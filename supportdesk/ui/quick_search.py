"""Ctrl+K: one box that finds requests, procedures and contacts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from supportdesk.ui.context import AppContext
from supportdesk.ui.views import step_through

PER_KIND = 6


def _procedures(db, query: str) -> list[tuple[str, str, str]]:
    from supportdesk.core import catalog

    found = catalog.search(db, query, limit=PER_KIND).items
    return [("procedure", p["code"], f"{p['name']}  ·  {p['code']}") for p in found]


def _request_row(r: dict) -> tuple[str, int, str]:
    parts = (r["ticket"], r.get("requester_name"), r.get("summary"))
    return ("request", r["id"], "  ·  ".join(p for p in parts if p))


def _ticket(db, query: str) -> list[tuple[str, int, str]]:
    """A request named by its ticket (or id) comes first."""
    from supportdesk.core import tickets

    exact = tickets.find(db, query.strip()) if any(c.isdigit() for c in query) else None
    return [_request_row(tickets.get(db, exact))] if exact is not None else []


def _requests(db, query: str) -> list[tuple[str, int, str]]:
    from supportdesk.core import tickets

    return [_request_row(r) for r in tickets.search(db, query, limit=PER_KIND)]


def _contacts(db, query: str) -> list[tuple[str, int, str]]:
    from supportdesk.core import directory
    from supportdesk.ui.contact_model import first_phone, where_text

    found = directory.search(db, query, limit=PER_KIND)
    return [
        (
            "contact",
            c["id"],
            "  ·  ".join(p for p in (c["name"], where_text(c), first_phone(c)) if p),
        )
        for c in found
    ]


def sources() -> list:
    """The searches, in the order their results are listed: an exact ticket first."""
    return [_ticket, _procedures, _contacts, _requests]


def kind_label(kind: str) -> str:
    return {
        "request": QCoreApplication.translate("QuickSearchDialog", "Yêu cầu"),
        "procedure": QCoreApplication.translate("QuickSearchDialog", "Thủ tục"),
        "contact": QCoreApplication.translate("QuickSearchDialog", "Danh bạ"),
    }.get(kind, kind)


class QuickSearchDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("quickSearch")
        self.setWindowTitle(self.tr("Tìm nhanh"))
        self.resize(720, 460)
        self.ctx = ctx
        self.query = QLineEdit()
        self.query.setObjectName("quickQuery")
        self.query.setPlaceholderText(self.tr("Tên người, số điện thoại, thủ tục, cán bộ…"))
        self.results = QListWidget()
        self.results.setObjectName("quickResults")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        self.query.textChanged.connect(self.refresh)
        self.query.returnPressed.connect(self._choose_current)
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.choice: tuple[str, str] | None = None

    def keyPressEvent(self, event) -> None:
        if not (self.query.hasFocus() and step_through(self.results, event.key())):
            super().keyPressEvent(event)

    def refresh(self) -> None:
        self.results.clear()
        query = self.query.text()
        if not query.strip():
            return
        seen = set()
        for source in sources():
            for kind, key, text in source(self.ctx.db, query):
                if (kind, key) in seen:
                    continue
                seen.add((kind, key))
                item = QListWidgetItem(f"[{kind_label(kind)}]  {text}")
                item.setData(Qt.ItemDataRole.UserRole, (kind, key))
                self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _choose_current(self) -> None:
        if self.results.currentItem() is not None:
            self.accept()

    def accept(self) -> None:
        item = self.results.currentItem()
        self.choice = item.data(Qt.ItemDataRole.UserRole) if item else None
        super().accept()

    @classmethod
    def ask(cls, ctx: AppContext, parent=None) -> tuple[str, str] | None:
        dialog = cls(ctx, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.choice
        return None
