"""Whom a request is escalated to: a contact picked from the directory (search as you type, the
desk's own province first), or a unit written in words. Exactly what was picked or typed is
used: typing never picks the first match by itself (a half-typed "Sở Nông nghiệp" must not go
to Sơn La's); Down or a click picks from the list, and the line below says where it will go."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.ui.context import AppContext
from supportdesk.ui.views import step_through


class EscalationDialog(QDialog):
    def __init__(self, ctx: AppContext, procedure_code: str | None = None,
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.setObjectName("escalationDialog")
        self.setWindowTitle(self.tr("Chuyển cấp trên"))
        self.resize(680, 480)
        self.ctx = ctx
        self.procedure_code = procedure_code
        self.hint = QLabel(self.tr(
            "Tìm người hoặc cơ quan trong danh bạ (tên, cơ quan, vài số điện thoại). "
            "Không có trong danh bạ: ghi tên đơn vị rồi bấm Chuyển."
        ))  # fmt: skip
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.query = QLineEdit()
        self.query.setObjectName("escalationQuery")
        self.query.setPlaceholderText(self.tr("Tìm trong danh bạ hoặc ghi tên đơn vị…"))
        self.results = QListWidget()
        self.results.setObjectName("escalationResults")
        self.target = QLabel()  # "Sẽ chuyển đến: …"
        self.target.setObjectName("escalationTarget")
        self.target.setProperty("role", "title")
        self.target.setWordWrap(True)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Chuyển"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setProperty("role", "primary")
        buttons.addButton(self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.target)
        layout.addWidget(buttons)
        self.query.textChanged.connect(self.refresh)
        self.query.returnPressed.connect(self.accept)
        self.results.itemActivated.connect(lambda _i: self.accept())
        self.results.currentItemChanged.connect(lambda *_a: self._show_target())
        self.choice: int | str | None = None
        self.refresh()
        self.query.setFocus()

    def keyPressEvent(self, event) -> None:
        if not (self.focusWidget() is self.query and step_through(self.results, event.key())):
            super().keyPressEvent(event)

    def refresh(self) -> None:
        self.results.clear()
        from supportdesk.core import directory
        from supportdesk.ui.contact_model import first_phone, where_text

        query = self.query.text()
        if query.strip():
            found = directory.search(self.ctx.db, query, limit=30)
        elif self.procedure_code:
            found = directory.for_procedure(self.ctx.db, self.procedure_code, limit=30)
        else:
            found = []
        for c in found:
            parts = [c["name"], where_text(c), first_phone(c)]
            item = QListWidgetItem("  ·  ".join(p for p in parts if p))
            item.setData(Qt.ItemDataRole.UserRole, c["id"])
            item.setToolTip(item.text())
            self.results.addItem(item)
        self.results.setCurrentRow(-1)  # nothing picked until the person picks
        self._show_target()

    def picked(self) -> int | str | None:
        """The contact id picked in the list, else the words typed, else None."""
        item = self.results.currentItem()
        if item is not None and item.isSelected():
            return int(item.data(Qt.ItemDataRole.UserRole))
        return self.query.text().strip() or None

    def _show_target(self) -> None:
        choice = self.picked()
        if choice is None:
            text = self.tr("Chưa chọn nơi chuyển đến. ↓ để chọn trong danh bạ.")
        elif isinstance(choice, int):
            text = self.tr("Sẽ chuyển đến: {0}").replace("{0}", self.results.currentItem().text())
        else:
            text = self.tr("Sẽ chuyển đến đơn vị ghi tay: {0} (↓ để chọn trong danh bạ)").replace(
                "{0}", choice
            )
        self.target.setText(text)

    def accept(self) -> None:
        self.choice = self.picked()
        if self.choice is None:
            return
        super().accept()

    @classmethod
    def ask(
        cls, ctx: AppContext, parent=None, procedure_code: str | None = None
    ) -> int | str | None:
        """A contact id, a unit in words, or None when cancelled."""
        dialog = cls(ctx, procedure_code, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.choice
        return None
