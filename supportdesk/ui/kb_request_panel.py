"""Under a request's detail: the article applied to it, similar requests of this desk, and
"Tạo bài từ yêu cầu này" for a resolved one (issue 17)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from supportdesk.core import kb
from supportdesk.core.kb import drafts, similar, usage
from supportdesk.ui.context import AppContext


class KbRequestPanel(QWidget):
    drafted = Signal(dict)  # the draft article just made
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.request: dict | None = None
        self.info = QLabel()
        self.info.setObjectName("kbRequestInfo")
        self.info.setWordWrap(True)
        self.draft_button = QPushButton(self.tr("Tạo bài từ yêu cầu này"))
        self.draft_button.setObjectName("kbDraftFromRequest")
        self.draft_button.clicked.connect(self.make_draft)
        self.note = QLabel()
        self.note.setObjectName("kbRequestNote")
        self.note.setWordWrap(True)
        self.message.connect(self.note.setText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.info)
        layout.addWidget(self.draft_button)
        layout.addWidget(self.note)

    def show_request(self, request: dict | None) -> None:
        self.request = request
        self.note.clear()
        self.setVisible(request is not None)
        if request is None:
            return
        self.draft_button.setEnabled(request["status"] in ("resolved", "closed"))
        parts = []
        article = usage.applied_to(self.ctx.db, request["id"])
        if article:
            label = escape(self.tr("Bài đã áp dụng:"))
            parts.append(f"<p><b>{label}</b> {escape(article['title'])}</p>")
        found = similar.similar_requests(self.ctx.db, request["id"], limit=5)
        if found:
            items = "".join(
                f"<li>{escape(r['ticket'])} · {escape(r['summary'])} — "
                f"<i>{escape(r['status_label'])}</i></li>"
                for r in found
            )
            parts.append(f"<p><b>{escape(self.tr('Yêu cầu tương tự:'))}</b></p><ul>{items}</ul>")
        self.info.setText("".join(parts))
        self.info.setVisible(bool(parts))

    def make_draft(self) -> None:
        if self.request is None:
            return
        try:
            draft = drafts.from_request(self.ctx.db, self.request["id"])
        except kb.KbError as exc:
            self.message.emit(str(exc))
            return
        self.message.emit(self.tr("Đã tạo bản nháp: %s") % draft["title"])
        self.drafted.emit(draft)
