"""Pick one of the 3,321 communes: a province filter and search as you type without accents."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.core.admin_units import AdminUnits, Unit
from supportdesk.ui.views import step_through

LIST_LIMIT = 200


class CommunePicker(QWidget):
    chosen = Signal(object)  # Unit or None
    entered = Signal()  # Enter in the search box: the first match is taken, go on to the next field

    def __init__(self, units: AdminUnits, parent: QWidget | None = None):
        super().__init__(parent)
        self.units = units
        self.province = QComboBox()
        self.province.setObjectName("province")
        self.province.addItem(self.tr("— Tất cả tỉnh, thành phố —"), "")
        for p in units.provinces:
            self.province.addItem(p.full_name, p.code)
        self.query = QLineEdit()
        self.query.setObjectName("communeQuery")
        self.query.setPlaceholderText(self.tr("Gõ tên xã, phường (không cần dấu), ví dụ: ba dinh"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("communeResults")
        self.results.setMinimumHeight(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.province)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        self.province.currentIndexChanged.connect(self.refresh)
        self.query.textChanged.connect(self.refresh)
        self.results.currentItemChanged.connect(self._changed)
        self.query.installEventFilter(self)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 — Qt's name
        # Enter in the search box takes the first match; it must never reach the dialog, whose
        # default button would finish the whole form.
        if (
            watched is self.query
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._take_first()
            self.entered.emit()
            return True
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            if step_through(self.results, event.key()):
                return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        province = self.province.currentData() or None
        found = self.units.search(self.query.text(), province_code=province, limit=LIST_LIMIT)
        self.results.clear()
        for unit in found:
            item = QListWidgetItem(unit.label)
            item.setData(Qt.ItemDataRole.UserRole, unit.code)
            self.results.addItem(item)

    def _take_first(self) -> None:
        if self.results.count() and self.results.currentRow() < 0:
            self.results.setCurrentRow(0)

    def _changed(self, item: QListWidgetItem | None) -> None:
        self.chosen.emit(self.selected())

    def selected(self) -> Unit | None:
        item = self.results.currentItem()
        return self.units.commune(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def select(self, code: str) -> None:
        unit = self.units.commune(code)
        if unit is None:
            return
        self.province.setCurrentIndex(self.province.findData(unit.province_code))
        self.query.setText(unit.name)
        for row in range(self.results.count()):
            if self.results.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.results.setCurrentRow(row)
                return
