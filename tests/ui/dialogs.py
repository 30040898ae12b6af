"""Answering the app's modal message boxes as a person would: read it, click a button."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_message_box(button: str | QMessageBox.StandardButton, seen: list[str]) -> None:
    """When a message box comes up, note its text in `seen` and click `button` (its text, or
    a standard button); call it before the action that opens the box."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        if isinstance(button, QMessageBox.StandardButton):
            box.button(button).click()
            return
        (chosen,) = [b for b in box.buttons() if b.text().replace("&", "") == button]
        chosen.click()

    QTimer.singleShot(20, look)
