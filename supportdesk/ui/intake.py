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
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from supportdesk.ui.context import AppContext

_CODE = re.compile(r"(\d{1,2}\.\d{6})")
DRAFT_SETTING = "intake_draft"  # what was typed and not saved yet: survives a restart
TEXT_FIELDS = ("name", "phone", "procedure", "summary", "resolution")


class IntakePanel(QFrame):
    saved = Signal(dict)  # the request as core returned it
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("intake")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ctx = ctx
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code in ("citizen", "civil_servant", "business", "other"):
            self.kind.addItem("", code)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setMinimumContentsLength(16)  # long topic names: the list shows them whole
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.procedure = QLineEdit()
        self.procedure.setObjectName("procedure")
        self._matches = QStringListModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.procedure.setCompleter(completer)
        self.procedure.textEdited.connect(self._procedure_typed)
        self.summary = QLineEdit()
        self.summary.setObjectName("summary")
        self.resolved = QCheckBox()
        self.resolved.setObjectName("resolvedNow")
        self.resolution = QLineEdit()
        self.resolution.setObjectName("resolution")
        self.resolution.setEnabled(False)
        self.resolved.toggled.connect(self.resolution.setEnabled)
        self.draft_note = QLabel()
        self.draft_note.setObjectName("draftNote")
        self.draft_note.setProperty("role", "hint")
        self.draft_note.setWordWrap(True)
        self.draft_note.hide()
        self.error = QLabel()
        self.error.setObjectName("intakeError")
        self.error.setProperty("role", "warning")
        self.error.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("intakeSave")
        self.save_button.setProperty("role", "primary")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("intakeCancel")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels = []
        for widget in (self.kind, self.name, self.phone, self.category, self.procedure,
                       self.summary, self.resolved, self.resolution):  # fmt: skip
            label = QLabel()
            label.setBuddy(widget)
            self.labels.append(label)
            form.addRow(label, widget)
        from supportdesk.ui.kb_suggest import KbSuggestions  # issue 17: articles offered

        self.suggestions = KbSuggestions(ctx, self.summary, self.category, self)
        self.suggestions.applied.connect(self._article_applied)
        form.insertRow(form.getWidgetPosition(self.summary)[0] + 1, "", self.suggestions)
        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_note, 1)
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
        # Esc is handled in keyPressEvent, not by a shortcut: a shortcut would fire before an
        # open completer or drop-down list could close, and throw the whole form away.
        self.retranslate()
        self.fill_categories()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Ghi yêu cầu mới"))
        kinds = {"citizen": self.tr("Người dân"), "civil_servant": self.tr("Cán bộ, công chức"),
                 "business": self.tr("Doanh nghiệp"), "other": self.tr("Khác")}  # fmt: skip
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kinds[self.kind.itemData(i)])
        self.procedure.setPlaceholderText(self.tr("Gõ tên hoặc mã thủ tục (không bắt buộc)"))
        self.summary.setPlaceholderText(self.tr("Người dân cần gì? Ví dụ: quên mật khẩu VNeID"))
        self.resolved.setText(self.tr("Đã giải quyết ngay tại quầy"))
        self.resolution.setPlaceholderText(self.tr("Đã làm gì (không bắt buộc)"))
        texts = (self.tr("Đối &tượng:"), self.tr("&Họ tên:"), self.tr("Điện th&oại:"),
                 self.tr("C&hủ đề:"), self.tr("Thủ tục:"), self.tr("Nội dung:"), "",
                 self.tr("Kết quả:"))  # fmt: skip
        for label, text in zip(self.labels, texts):
            label.setText(text)
        self.draft_note.setText(self.tr("Đang ghi tiếp bản nháp chưa lưu."))
        self.save_button.setText(self.tr("Lưu (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Đóng (Esc)"))

    def fill_categories(self) -> None:
        from supportdesk.core.tickets import categories

        self.category.clear()
        for c in categories.all_categories(self.ctx.db):
            self.category.addItem(c["name"], c["code"])

    def start(self, procedure: dict | None = None) -> None:
        """Open the form, with the draft left unsaved earlier if there is one, and put the
        cursor in the first field."""
        if not self.isVisible():
            self.clear()
            draft = self.ctx.setting(DRAFT_SETTING)
            if draft:
                self.restore(draft)
            self.draft_note.setVisible(bool(draft))
        if procedure:
            self.procedure.setText(f"{procedure['code']} — {procedure['name']}")
        self.suggestions.reset()
        self.show()
        self.name.setFocus()

    def clear(self) -> None:
        for name in TEXT_FIELDS:
            getattr(self, name).clear()
        self.kind.setCurrentIndex(0)
        self.category.setCurrentIndex(0)
        self.resolved.setChecked(False)
        self.error.clear()

    def typed(self) -> bool:
        """True when something was typed that would be lost."""
        return any(getattr(self, name).text().strip() for name in TEXT_FIELDS)

    def draft(self) -> dict:
        found = {name: getattr(self, name).text() for name in TEXT_FIELDS}
        found.update(kind=self.kind.currentData(), category=self.category.currentData(),
                     resolved=self.resolved.isChecked())  # fmt: skip
        return found

    def restore(self, draft: dict) -> None:
        for name in TEXT_FIELDS:
            getattr(self, name).setText(str(draft.get(name) or ""))
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.get("kind"))))
        self.category.setCurrentIndex(max(0, self.category.findData(draft.get("category"))))
        self.resolved.setChecked(bool(draft.get("resolved")))

    def keep_draft(self) -> None:
        """Store what was typed (or forget the draft when nothing was)."""
        self.ctx.put_setting(DRAFT_SETTING, self.draft() if self.typed() else None)

    def keyPressEvent(self, event) -> None:
        # Reaches the panel only when no popup inside (completer, drop-down list) took it.
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def _procedure_typed(self, typed: str) -> None:
        if len(typed.strip()) < 2:
            self._matches.setStringList([])
            return
        from supportdesk.core import catalog  # loaded on the first typed code, not at start

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

    def _article_applied(self, article: dict) -> None:
        from supportdesk.core.kb.usage import fix_text

        self.resolved.setChecked(True)
        self.resolution.setText(fix_text(article).replace("\n", " "))

    def save(self) -> None:
        from supportdesk.core import tickets
        from supportdesk.core.calendar import now_utc

        if not self.summary.text().strip():
            self.error.setText(self.tr("Hãy ghi nội dung yêu cầu."))
            self.summary.setFocus()
            return
        now = now_utc()  # one moment for the request and its article link
        try:
            created = tickets.create(
                self.ctx.db,
                self.values(),
                actor=self.ctx.operator or "?",
                resolved_now=self.resolved.isChecked(),
                resolution=self.resolution.text() or None,
                now=now,
            )
            self.suggestions.record(created["id"], now)
            created = tickets.get(self.ctx.db, created["id"], now=now)
        except tickets.RequestError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.clear()
        self.ctx.put_setting(DRAFT_SETTING, None)
        self.hide()
        self.saved.emit(created)

    def cancel(self) -> None:
        """Close the form; typed input is never thrown away without asking."""
        if self.typed():
            choice = self.ask_close()
            if choice == "stay":
                return
            if choice == "discard":
                self.clear()
        self.keep_draft()
        self.hide()
        self.cancelled.emit()

    def ask_close(self) -> str:
        """The choice: "keep" (Ctrl+N brings the draft back), "discard" or "stay"."""
        box = QMessageBox(self)
        box.setObjectName("closeIntake")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Yêu cầu chưa lưu"))
        box.setText(self.tr("Yêu cầu đang ghi chưa được lưu."))
        box.setInformativeText(self.tr("Giữ làm bản nháp thì lần sau bấm Ctrl+N sẽ ghi tiếp."))
        keep = box.addButton(self.tr("&Giữ bản nháp"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            self.tr("&Bỏ nội dung đã gõ"), QMessageBox.ButtonRole.DestructiveRole
        )
        stay = box.addButton(self.tr("&Tiếp tục ghi"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return {keep: "keep", discard: "discard"}.get(box.clickedButton(), "stay")

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
