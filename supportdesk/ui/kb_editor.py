"""Writing or editing an article: a dialog with the article's fields (issue 17)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from supportdesk.core import kb
from supportdesk.core.tickets import categories
from supportdesk.ui.context import AppContext


class KbEditor(QDialog):
    def __init__(self, ctx: AppContext, article: dict | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("kbEditor")
        self.setWindowTitle(
            self.tr("Sửa bài hướng dẫn") if article else self.tr("Bài hướng dẫn mới")
        )
        self.ctx, self.article = ctx, article or {}
        a = self.article
        self.title = QLineEdit(a.get("title", ""))
        self.symptoms = QPlainTextEdit(a.get("symptoms", ""))
        self.symptoms.setMaximumHeight(70)
        self.steps = QPlainTextEdit("\n".join(a.get("steps", [])))
        self.steps.setPlaceholderText(self.tr("Mỗi bước một dòng, theo thứ tự"))
        self.topic = QComboBox()
        self.topic.addItem(self.tr("(không chọn)"), "")
        for c in categories.all_categories(ctx.db):
            self.topic.addItem(c["name"], c["code"])
        topics = a.get("topics") or []
        self.topic.setCurrentIndex(max(0, self.topic.findData(topics[0] if topics else "")))
        self.system = QComboBox()
        self.system.addItem(self.tr("(không chọn)"), "")
        for key, label in kb.SYSTEMS.items():
            self.system.addItem(label, key)
        systems = a.get("systems") or []
        self.system.setCurrentIndex(max(0, self.system.findData(systems[0] if systems else "")))
        self.audience = QComboBox()
        for key, label in kb.AUDIENCE_LABELS.items():
            self.audience.addItem(label, key)
        self.audience.setCurrentIndex(max(0, self.audience.findData(a.get("audience", "staff"))))
        self.source = QLineEdit(a.get("source", ""))
        self.source.setPlaceholderText(self.tr("Địa chỉ hướng dẫn chính thức hoặc đơn vị"))
        self.error = QLabel()
        self.error.setProperty("role", "warning")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Tiêu đề:"), self.title)
        form.addRow(self.tr("Dấu hiệu:"), self.symptoms)
        form.addRow(self.tr("Cách xử lý:"), self.steps)
        form.addRow(self.tr("Chủ đề:"), self.topic)
        form.addRow(self.tr("Hệ thống:"), self.system)
        form.addRow(self.tr("Dành cho:"), self.audience)
        form.addRow(self.tr("Nguồn:"), self.source)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.saved: dict | None = None
        self.resize(640, 520)

    def values(self) -> dict:
        topics = [self.topic.currentData()] if self.topic.currentData() else []
        keep_topics = (self.article.get("topics") or [])[1:]
        systems = [self.system.currentData()] if self.system.currentData() else []
        keep_systems = (self.article.get("systems") or [])[1:]
        return {
            "title": self.title.text(),
            "symptoms": self.symptoms.toPlainText(),
            "steps": self.steps.toPlainText(),
            "topics": topics + [t for t in keep_topics if t not in topics],
            "systems": systems + [s for s in keep_systems if s not in systems],
            "audience": self.audience.currentData(),
            "source": self.source.text(),
        }

    def save(self) -> None:
        try:
            if self.article.get("id"):
                self.saved = kb.update(self.ctx.db, self.article["id"], self.values())
            else:
                self.saved = kb.add(self.ctx.db, self.values())
        except kb.KbError as exc:
            self.error.setText(str(exc))
            return
        self.accept()

    @classmethod
    def ask(cls, ctx: AppContext, article: dict | None = None, parent=None) -> dict | None:
        """The saved article, or None when cancelled (tests replace this)."""
        dialog = cls(ctx, article, parent)
        return dialog.saved if dialog.exec() else None
