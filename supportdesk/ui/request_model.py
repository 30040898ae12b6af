"""Requests as a lazily paging Qt model: keyset pages of the request log, fetched on scroll."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from supportdesk.core import vocab
from supportdesk.core.formats import TZ

PAGE_SIZE = 200
OVERDUE_BG, DUE_SOON_BG, DONE_FG = QColor("#f9d6d5"), QColor("#fdf0c8"), QColor("#5f6b76")


SUMMARY_CHARS = 160  # what a table cell can show; the detail pane reads the whole request


class Row:
    """One listed request, only what the table shows: 200,000 of them must fit in the memory
    budget (a full row dict costs several times more). Repeated texts are interned."""

    KEYS = ("id", "ticket", "created_at", "requester_name", "category", "summary", "status",
            "due_at", "assignee", "overdue", "due_soon")  # fmt: skip
    __slots__ = KEYS

    def __init__(self, found: dict):
        self.id = found["id"]
        self.ticket = found["ticket"]
        self.created_at = _stamp(found.get("created_at"))
        self.requester_name = _shared(found.get("requester_name"))
        self.category = _shared(found.get("category"))
        self.summary = _shared((found.get("summary") or "")[:SUMMARY_CHARS])
        self.status = _shared(found.get("status"))
        self.due_at = _stamp(found.get("due_at"))
        self.assignee = _shared(found.get("assignee"))
        self.overdue = bool(found.get("overdue"))
        self.due_soon = bool(found.get("due_soon"))

    def __getitem__(self, key: str):
        value = getattr(self, key)
        return _iso(value) if key in ("created_at", "due_at") else value

    def get(self, key: str, default=None):
        return self[key] if key in self.KEYS else default


def _shared(value):
    return sys.intern(value) if isinstance(value, str) else value


def _stamp(iso: str | None) -> float | None:
    return datetime.fromisoformat(iso).timestamp() if iso else None


def _iso(stamp: float | None) -> str | None:
    return datetime.fromtimestamp(stamp, UTC).isoformat() if stamp is not None else None


def status_label(status: str) -> str:
    return QCoreApplication.translate("vocab", vocab.label(vocab.STATUS, status))


class RequestTableModel(QAbstractTableModel):
    COLUMNS = ("ticket", "created_at", "requester_name", "category", "summary", "status",
               "due_at", "assignee")  # fmt: skip

    def __init__(self, db, category_names: dict[str, str], parent=None):
        super().__init__(parent)
        self.db = db
        self.category_names = category_names
        self.rows: list[Row] = []
        self.filters: dict = {}
        self._more = False
        self._now = datetime.now(UTC).isoformat()

    def reload(self, filters: dict | None = None) -> None:
        from supportdesk.core import tickets

        if filters is not None:
            self.filters = filters
        self.beginResetModel()
        self._now = datetime.now(UTC).isoformat()
        self.rows = [Row(r) for r in tickets.page(self.db, self.filters, limit=PAGE_SIZE)]
        self._more = len(self.rows) == PAGE_SIZE
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 — Qt's signature
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        from supportdesk.core import tickets

        if parent.isValid() or not self.rows:
            return
        found = tickets.page(self.db, self.filters, after=self.rows[-1].id, limit=PAGE_SIZE)
        more = [Row(r) for r in found]
        self._more = len(more) == PAGE_SIZE
        if more:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, key)
            if key in ("created_at", "due_at"):
                return datetime.fromtimestamp(value, TZ).strftime("%d/%m %H:%M") if value else ""
            if key == "status":
                return status_label(value)
            if key == "category":
                return self.category_names.get(value, value)
            return value or ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if row["overdue"]:
                return OVERDUE_BG
            if row.due_soon:  # the same rule as the "due soon" filter (core.tickets.filters)
                return DUE_SOON_BG
        if role == Qt.ItemDataRole.ForegroundRole and row["status"] in ("resolved", "closed"):
            return DONE_FG
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("RequestTableModel", "Số phiếu"),
            QCoreApplication.translate("RequestTableModel", "Tiếp nhận"),
            QCoreApplication.translate("RequestTableModel", "Người yêu cầu"),
            QCoreApplication.translate("RequestTableModel", "Chủ đề"),
            QCoreApplication.translate("RequestTableModel", "Tóm tắt"),
            QCoreApplication.translate("RequestTableModel", "Trạng thái"),
            QCoreApplication.translate("RequestTableModel", "Hạn xử lý"),
            QCoreApplication.translate("RequestTableModel", "Người xử lý"),
        )[section]

    def id_at(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, request_id: int) -> int:
        for i, row in enumerate(self.rows):
            if row["id"] == request_id:
                return i
        return -1
