"""Quick intake (Ctrl+N): log a request from the keyboard while the citizen waits."""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from supportdesk.core import catalog
from supportdesk.ui.context import AppContext

_CODE = re.compile(r"(\d{1,2}\.\d{6})")


class IntakePanel(QFrame):
    saved = Signal(dict)  # the request as core returned it
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("intake")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ctx = ctx
        self.title = QLabel(self.tr("Ghi yêu cầu mới"))
        self.title.setProperty("role", "title")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code, label in (
            ("citizen", self.tr("Người dân")),
            ("civil_servant", self.tr("Cán bộ, công chức")),
            ("business", self.tr("Doanh nghiệp")),
            ("other", self.tr("Khác")),
        ):
            self.kind.addItem(label, code)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.procedure = QLineEdit()
        self.procedure.setObjectName("procedure")
        self.procedure.setPlaceholderText(self.tr("Gõ tên hoặc mã thủ tục (không bắt buộc)"))
        self._matches = QStringListModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.procedure.setCompleter(completer)
        self.procedure.textEdited.connect(self._procedure_typed)
        self.summary = QLineEdit()
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText(self.tr("Người dân cần gì? Ví dụ: quên mật khẩu VNeID"))
        self.resolved = QCheckBox(self.tr("Đã giải quyết ngay tại quầy"))
        self.resolved.setObjectName("resolvedNow")
        self.resolution = QLineEdit()
        self.resolution.setObjectName("resolution")
        self.resolution.setPlaceholderText(self.tr("Đã làm gì (không bắt buộc)"))
        self.resolution.setEnabled(False)
        self.resolved.toggled.connect(self.resolution.setEnabled)
        self.error = QLabel()
        self.error.setObjectName("intakeError")
        self.error.setProperty("role", "warning")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+Enter)"))
        self.save_button.setProperty("role", "primary")
        self.cancel_button = QPushButton(self.tr("Huỷ (Esc)"))
        form = QFormLayout()
        form.addRow(self.tr("Đối tượng:"), self.kind)
        form.addRow(self.tr("Họ tên:"), self.name)
        form.addRow(self.tr("Điện thoại:"), self.phone)
        form.addRow(self.tr("Chủ đề:"), self.category)
        form.addRow(self.tr("Thủ tục:"), self.procedure)
        form.addRow(self.tr("Nội dung:"), self.summary)
        form.addRow("", self.resolved)
        form.addRow(self.tr("Kết quả:"), self.resolution)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)
        self.fill_categories()

    def fill_categories(self) -> None:
        from supportdesk.core.tickets import categories

        self.category.clear()
        for c in categories.all_categories(self.ctx.db):
            self.category.addItem(c["name"], c["code"])

    def start(self, procedure: dict | None = None) -> None:
        """Clear the form and put the cursor in the first field."""
        for w in (self.name, self.phone, self.procedure, self.summary, self.resolution):
            w.clear()
        self.kind.setCurrentIndex(0)
        self.resolved.setChecked(False)
        self.error.clear()
        if procedure:
            self.procedure.setText(f"{procedure['code']} — {procedure['name']}")
        self.show()
        self.name.setFocus()

    def _procedure_typed(self, typed: str) -> None:
        if len(typed.strip()) < 2:
            self._matches.setStringList([])
            return
        found = catalog.search(self.ctx.db, typed, limit=8).items
        self._matches.setStringList([f"{p['code']} — {p['name']}" for p in found])

    def values(self) -> dict:
        code = _CODE.search(self.procedure.text())
        data = {
            "requester_kind": self.kind.currentData(),
            "requester_name": self.name.text(),
            "requester_phone": self.phone.text(),
            "category": self.category.currentData(),
            "summary": self.summary.text(),
            "channel": "counter",
        }
        if code:
            data["procedure_code"] = code.group(1)
        return data

    def save(self) -> None:
        from supportdesk.core import tickets

        if not self.summary.text().strip():
            self.error.setText(self.tr("Hãy ghi nội dung yêu cầu."))
            self.summary.setFocus()
            return
        try:
            created = tickets.create(
                self.ctx.db,
                self.values(),
                actor=self.ctx.operator or "?",
                resolved_now=self.resolved.isChecked(),
                resolution=self.resolution.text() or None,
            )
        except tickets.RequestError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.hide()
        self.saved.emit(created)

    def cancel(self) -> None:
        self.hide()
        self.cancelled.emit()

    def fill_example(self) -> None:
        """A typical case, for the screenshots."""
        self.start()
        self.kind.setCurrentIndex(0)
        self.name.setText("Hoàng Thị Mai")
        self.phone.setText("0300 001 101")  # the unallocated 030 range: nobody's real number
        index = self.category.findData("vneid")
        self.category.setCurrentIndex(max(0, index))
        self.summary.setText("Quên mật khẩu VNeID, cần đặt lại và kích hoạt định danh mức 2")
        self.resolved.setChecked(True)
        self.resolution.setText("Đã hướng dẫn đặt lại mật khẩu trên ứng dụng")
