"""What the person sees when the store cannot be opened: what happened, in plain words, and the
latest good backup to restore when there is one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox


class StoreProblemDialog:
    @classmethod
    def ask(cls, message: str, backup: Path | None) -> bool:
        """Show the problem; True when the person chose to restore `backup`."""
        box = QMessageBox(QMessageBox.Icon.Critical, "SupportDesk", message)
        if backup is None:
            box.setInformativeText(
                QCoreApplication.translate(
                    "StoreProblemDialog",
                    "Hãy liên hệ tổ hỗ trợ của tỉnh. Tệp dữ liệu được giữ nguyên, chưa bị xoá.",
                )
            )
            box.addButton(
                QCoreApplication.translate("StoreProblemDialog", "Đóng"),
                QMessageBox.ButtonRole.RejectRole,
            )
            box.exec()
            return False
        box.setInformativeText(
            QCoreApplication.translate(
                "StoreProblemDialog",
                "Khôi phục từ bản sao lưu này? Tệp đang hỏng được giữ lại trong thư mục backups.",
            )
        )
        restore = box.addButton(
            QCoreApplication.translate("StoreProblemDialog", "Khôi phục"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("StoreProblemDialog", "Thoát"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.exec()
        return box.clickedButton() is restore
