"""Contacts found by a directory search, as a Qt table (a search returns at most a few hundred)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from supportdesk.core import vocab


def level_label(level: str) -> str:
    return QCoreApplication.translate("vocab", vocab.LEVEL[level]) if level in vocab.LEVEL else ""


def where_text(contact: dict) -> str:
    """Position and the place where the person works, in one line."""
    parts = [contact.get("position"), contact.get("unit"), contact.get("agency")]
    return " · ".join(p for p in parts if p)


def first_phone(contact: dict) -> str:
    found = contact.get("phones") or []
    return found[0]["display"] if found else ""


class ContactTableModel(QAbstractTableModel):
    COLUMNS = ("name", "where", "level", "phone")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            key = self.COLUMNS[index.column()]
            if key == "where":
                return where_text(row)
            if key == "level":
                return level_label(row.get("level"))
            if key == "phone":
                return first_phone(row)
            return row.get(key) or ""
        if role == Qt.ItemDataRole.ToolTipRole:  # names cut in the middle read whole here
            key = self.COLUMNS[index.column()]
            if key == "where":
                return where_text(row) or None
            if key == "name":
                return row.get("name") or None
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("ContactTableModel", "Họ tên / Cơ quan"),
            QCoreApplication.translate("ContactTableModel", "Chức vụ, nơi làm việc"),
            QCoreApplication.translate("ContactTableModel", "Cấp"),
            QCoreApplication.translate("ContactTableModel", "Điện thoại"),
        )[section]

    def id_at(self, row: int) -> int | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def row_of(self, contact_id: int) -> int:
        for i, row in enumerate(self.rows):
            if row["id"] == contact_id:
                return i
        return -1
