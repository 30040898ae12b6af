"""Requests as a lazily paging Qt model: keyset pages of the request log, fetched on scroll."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from supportdesk.ui.formats import local_time

PAGE_SIZE = 200
DUE_SOON = timedelta(hours=4)
OVERDUE_BG, DUE_SOON_BG, DONE_FG = QColor("#f9d6d5"), QColor("#fdf0c8"), QColor("#5f6b76")


def status_label(status: str) -> str:
    t = QCoreApplication.translate
    return {
        "new": t("status", "Mới"),
        "in_progress": t("status", "Đang xử lý"),
        "waiting": t("status", "Chờ người yêu cầu"),
        "escalated": t("status", "Đã chuyển cấp trên"),
        "resolved": t("status", "Đã giải quyết"),
        "closed": t("status", "Đã đóng"),
    }.get(status, status)


class RequestTableModel(QAbstractTableModel):
    COLUMNS = ("ticket", "created_at", "requester_name", "category", "summary", "status",
               "due_at", "assignee")  # fmt: skip

    def __init__(self, db, category_names: dict[str, str], parent=None):
        super().__init__(parent)
        self.db = db
        self.category_names = category_names
        self.rows: list[dict] = []
        self.filters: dict = {}
        self._more = False
        self._now = datetime.now(UTC).isoformat()

    def reload(self, filters: dict | None = None) -> None:
        from supportdesk.core import requests_log

        if filters is not None:
            self.filters = filters
        self.beginResetModel()
        self._now = datetime.now(UTC).isoformat()
        self.rows = requests_log.page(self.db, self.filters, limit=PAGE_SIZE)
        self._more = len(self.rows) == PAGE_SIZE
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 — Qt's signature
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        from supportdesk.core import requests_log

        if parent.isValid() or not self.rows:
            return
        more = requests_log.page(self.db, self.filters, after=self.rows[-1]["id"], limit=PAGE_SIZE)
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

    def due_soon(self, row: dict) -> bool:
        if row["overdue"] or row["status"] in ("resolved", "closed") or not row.get("due_at"):
            return False
        due = datetime.fromisoformat(row["due_at"])
        return due - datetime.fromisoformat(self._now) < DUE_SOON

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(key)
            if key in ("created_at", "due_at"):
                return local_time(value)
            if key == "status":
                return status_label(value)
            if key == "category":
                return self.category_names.get(value, value)
            return value or ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if row["overdue"]:
                return OVERDUE_BG
            if self.due_soon(row):
                return DUE_SOON_BG
        if role == Qt.ItemDataRole.ForegroundRole and row["status"] in ("resolved", "closed"):
            return DONE_FG
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        t = QCoreApplication.translate
        return (
            t("RequestTableModel", "Số phiếu"),
            t("RequestTableModel", "Tiếp nhận"),
            t("RequestTableModel", "Người yêu cầu"),
            t("RequestTableModel", "Chủ đề"),
            t("RequestTableModel", "Tóm tắt"),
            t("RequestTableModel", "Trạng thái"),
            t("RequestTableModel", "Hạn xử lý"),
            t("RequestTableModel", "Người xử lý"),
        )[section]

    def id_at(self, row: int) -> int | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def row_of(self, request_id: int) -> int:
        for i, row in enumerate(self.rows):
            if row["id"] == request_id:
                return i
        return -1
