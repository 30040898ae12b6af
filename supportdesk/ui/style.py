"""Text size and a calm, high-contrast look that older staff can read at a counter; the field or
button that has the keyboard focus wears a clear orange frame (keyboard-only work)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

DEFAULT_POINT_SIZE = 12
MIN_POINT_SIZE, MAX_POINT_SIZE = 9, 20

STYLESHEET = """
QListWidget#nav { background: #1f3b57; color: white; border: none; outline: none; }
QListWidget#nav::item { padding: 12px 14px; border-left: 4px solid transparent; }
QListWidget#nav::item:selected { background: #2d5a85; border-left: 4px solid #ffc940; }
QLabel[role="title"] { font-weight: bold; color: #1f3b57; }
QLabel[role="hint"] { color: #555; }
QLabel[role="warning"] { color: #8a4b00; }
QPushButton[role="primary"] { background: #1f6fb2; color: white; font-weight: bold;
    padding: 6px 14px; border-radius: 4px; }
QPushButton[role="primary"]:disabled { background: #9bb7cf; }
QTableView { gridline-color: #d8dde3; selection-background-color: #cfe3f7;
    selection-color: black; alternate-background-color: #f5f7fa; }
QPushButton:focus, QToolButton:focus { border: 2px solid #e08a00; border-radius: 4px;
    padding: 4px 10px; background: #fff4df; }
QPushButton[role="primary"]:focus { background: #1f6fb2; color: white; border: 3px solid #e08a00;
    padding: 4px 12px; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus, QDateEdit:focus,
QTableView:focus, QListWidget:focus, QTextBrowser:focus, QTableWidget:focus {
    border: 2px solid #e08a00; }
QCheckBox:focus { background: #fff4df; }
QHeaderView::section { background: #e9eef3; padding: 4px; border: none;
    border-right: 1px solid #d8dde3; font-weight: bold; }
"""


def apply(app: QApplication, point_size: int | None) -> int:
    size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, int(point_size or DEFAULT_POINT_SIZE)))
    font = QFont(app.font())
    font.setPointSize(size)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
    return size
