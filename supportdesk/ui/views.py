"""Small pieces the pages and pickers share, so every list behaves the same for the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QTableView


def row_table(name: str, model: QAbstractItemModel) -> QTableView:
    """A table of records: whole rows selected one at a time, no row numbers, no wrapping."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table


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
