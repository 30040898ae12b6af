"""Add or edit one contact: the fields a support team keeps about whom to call."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from supportdesk.core import vocab

TEXT_KEYS = ("name", "position", "unit", "agency", "email", "hours")


class ContactDialog(QDialog):
    def __init__(self, contact: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contactDialog")
        self.setWindowTitle(self.tr("Sửa liên hệ") if contact else self.tr("Thêm liên hệ"))
        self.resize(640, 560)
        self.contact = contact or {}
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Cá nhân"), "person")
        self.kind.addItem(self.tr("Cơ quan"), "agency")
        self.level = QComboBox()
        self.level.addItem(self.tr("(tự nhận biết)"), "")
        for code, name in vocab.LEVEL.items():
            self.level.addItem(QCoreApplication.translate("vocab", name), code)
        self.edits = {key: QLineEdit() for key in TEXT_KEYS}
        for key, edit in self.edits.items():
            edit.setObjectName(f"contact_{key}")
        self.phones = QLineEdit()
        self.phones.setObjectName("contact_phones")
        self.phones.setPlaceholderText(self.tr("0912 345 678; 024 3823 4567 máy lẻ 12"))
        self.fields = QLineEdit()
        self.fields.setPlaceholderText(self.tr("Hộ tịch; Chứng thực (cách nhau bởi ;)"))
        self.codes = QLineEdit()
        self.codes.setPlaceholderText(self.tr("1.001193; 1.000894"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Loại:"), self.kind)
        form.addRow(self.tr("Họ và tên (hoặc tên cơ quan):"), self.edits["name"])
        form.addRow(self.tr("Chức vụ:"), self.edits["position"])
        form.addRow(self.tr("Phòng ban:"), self.edits["unit"])
        form.addRow(self.tr("Cơ quan:"), self.edits["agency"])
        form.addRow(self.tr("Cấp:"), self.level)
        form.addRow(self.tr("Điện thoại:"), self.phones)
        form.addRow(self.tr("Email:"), self.edits["email"])
        form.addRow(self.tr("Lĩnh vực phụ trách:"), self.fields)
        form.addRow(self.tr("Mã thủ tục phụ trách:"), self.codes)
        form.addRow(self.tr("Giờ làm việc:"), self.edits["hours"])
        form.addRow(self.tr("Ghi chú:"), self.notes)
        self.error = QLabel()
        self.error.setProperty("role", "warning")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setProperty("role", "primary")
        buttons.addButton(self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._original_phones = ""
        self._load(self.contact)
        self.record: dict | None = None

    def _load(self, c: dict) -> None:
        if not c:
            return
        self.kind.setCurrentIndex(max(0, self.kind.findData(c.get("kind"))))
        self.level.setCurrentIndex(max(0, self.level.findData(c.get("level") or "")))
        for key, edit in self.edits.items():
            edit.setText(c.get(key) or "")
        self._original_phones = "; ".join(p["display"] for p in c.get("phones") or [])
        self.phones.setText(self._original_phones)
        self.fields.setText("; ".join(c.get("fields") or []))
        self.codes.setText("; ".join(c.get("codes") or []))
        self.notes.setPlainText(c.get("notes") or "")

    def raw(self) -> dict:
        """The record as core.directory.normalise() reads it."""
        raw = {key: edit.text() for key, edit in self.edits.items()}
        raw.update(kind=self.kind.currentData(), level=self.level.currentData() or "",
                   fields=self.fields.text(), codes=self.codes.text(),
                   notes=self.notes.toPlainText(), source=self.contact.get("source") or "",
                   verified=self.contact.get("verified") or "")  # fmt: skip
        if self.contact and self.phones.text() == self._original_phones:
            # Unchanged: keep each number's kind (mobile, office, fax) as stored.
            raw["tels"] = [(p["display"], p["kind"]) for p in self.contact.get("phones") or []]
        else:
            raw["tels"] = [(self.phones.text(), "")] if self.phones.text().strip() else []
        return raw

    def accept(self) -> None:
        from supportdesk.core import directory

        try:
            directory.normalise(self.raw())
        except directory.RecordError as exc:
            self.error.setText(self.tr("Chưa lưu được: {0}").replace("{0}", str(exc)))
            return
        self.record = self.raw()
        super().accept()

    @classmethod
    def ask(cls, contact: dict | None = None, parent: QWidget | None = None) -> dict | None:
        """The raw record to store, or None when cancelled."""
        dialog = cls(contact, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.record
        return None
