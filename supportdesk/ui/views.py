"""Small pieces the pages and pickers share, so every list behaves the same for the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListWidget, QTableView, QWidget

# A counter PC's smallest screen, 1024×768, less a 40 px taskbar and the window's title bar.
SMALL_SCREEN = QSize(1024, 728)


def row_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A table of records: whole rows selected one at a time, no row numbers, no wrapping."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    # Long names keep both ends ("Thủ tục đăng ký khai sinh … yếu tố nước ngoài"); the models
    # give the whole text as a tooltip.
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
    return table


class ElidedLabel(QLabel):
    """A one-line label that may shrink: the text is cut with "…" and shown whole as a tooltip.
    text() is the whole text."""

    def __init__(self, mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle, parent=None):
        super().__init__(parent)
        self._full = ""
        self._mode = mode

    def setText(self, text: str) -> None:  # noqa: N802 — Qt's name
        self._full = text
        self.setToolTip(text)
        self._fit()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        margins = self.contentsMargins()
        width = fm.horizontalAdvance(self._full) + margins.left() + margins.right() + 12
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().horizontalAdvance("M…M") + 8, super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, self._mode, max(self.width() - 8, 0))
        super().setText(shown)


def fit_to_screen(widget: QWidget, wanted: QSize, available: QSize | None = None) -> None:
    """Resize a dialog to `wanted`, but never beyond the screen (less the taskbar)."""
    if available is None:
        screen = widget.screen()
        available = screen.availableGeometry().size() if screen else SMALL_SCREEN
    room = available - QSize(0, 40)  # the window's own title bar
    widget.resize(wanted.boundedTo(room).expandedTo(widget.minimumSizeHint()))


def step_through(results: QListWidget, key: int) -> bool:
    """Up/Down typed in a search box move through its result list; True when handled."""
    if key not in (Qt.Key.Key_Down, Qt.Key.Key_Up):
        return False
    row = results.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
    results.setCurrentRow(max(0, min(row, results.count() - 1)))
    return True


def select_row(table: QTableView, row: int) -> None:
    """Make `row` the current, selected row (its detail pane follows the selection)."""
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().setCurrentIndex(table.model().index(row, 0), flags)
