"""Qt model over catalog search results."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from supportdesk.core import vocab
from supportdesk.core.catalog import levels


def level_names() -> dict[str, str]:
    return {
        code: QCoreApplication.translate("vocab", name) for code, name in vocab.LEVEL_SHORT.items()
    }


def level_label(key: str) -> str:
    return level_names().get(key) or QCoreApplication.translate("levels", "Khác")


class ProcedureTableModel(QAbstractTableModel):
    COLUMNS = ("name", "level", "field", "code")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[dict] = []

    def set_items(self, items: list[dict]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        key = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if key == "level":
                if role == Qt.ItemDataRole.ToolTipRole:
                    return levels.label(item)
                return "/".join(level_label(lv) for lv in item.get("levels") or []) or "—"
            if key == "code" and role == Qt.ItemDataRole.ToolTipRole:
                return f"{item['code']} · {levels.label(item)}"
            return item[key]
        if role == Qt.ItemDataRole.UserRole:
            return item["code"]
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("ProcedureTableModel", "Tên thủ tục"),
            QCoreApplication.translate("ProcedureTableModel", "Cấp"),
            QCoreApplication.translate("ProcedureTableModel", "Lĩnh vực"),
            QCoreApplication.translate("ProcedureTableModel", "Mã số"),
        )
        return titles[section]

    def code_at(self, row: int) -> str | None:
        return self.items[row]["code"] if 0 <= row < len(self.items) else None
