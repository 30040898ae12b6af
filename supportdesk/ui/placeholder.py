"""A page whose core is not there yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, message: str, parent: QWidget | None = None):
        super().__init__(parent)
        text = QLabel(message)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setProperty("role", "hint")
        QVBoxLayout(self).addWidget(text)
