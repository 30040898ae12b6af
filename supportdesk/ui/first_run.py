"""First run: choose the commune, name the center and the team, before anything else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from supportdesk.core.store import settings
from supportdesk.ui.context import AppContext
from supportdesk.ui.views import fit_to_screen

if TYPE_CHECKING:
    from supportdesk.core.admin_units import AdminUnits


class FirstRunDialog(QDialog):
    def __init__(self, units: AdminUnits, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("Thiết lập lần đầu — SupportDesk"))
        fit_to_screen(self, QSize(720, 760))
        intro = QLabel(
            self.tr(
                "Chào mừng! Hãy chọn đơn vị hành chính nơi tổ hỗ trợ làm việc và nhập tên "
                "các thành viên. Có thể sửa lại sau trong Cài đặt."
            )
        )
        intro.setWordWrap(True)
        from supportdesk.ui.center_form import CenterForm  # only when the dialog is shown

        self.form = CenterForm(units)
        self.error = QLabel()
        self.error.setProperty("role", "warning")
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Bắt đầu sử dụng"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setProperty("role", "primary")
        self.buttons.addButton(self.tr("Thoát"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form.picker.query.setFocus()

    def accept(self) -> None:
        problem = self.form.problem()
        if problem:
            self.error.setText(problem)
            return
        super().accept()

    @classmethod
    def ask(cls, ctx: AppContext, units: AdminUnits, parent: QWidget | None = None) -> bool:
        """Show the dialog; save the settings and return True when the user finished it."""
        dialog = cls(units, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        settings.apply(ctx.db, dialog.form.values())  # all of the first run, or nothing
        return True


def needs_first_run(ctx: AppContext) -> bool:
    return not ctx.setting("commune_code") or not ctx.team
