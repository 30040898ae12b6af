"""The province's live notices as a banner over every page, until they expire (issue 17)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from supportdesk.core.formats import local_time
from supportdesk.core.kb import notices
from supportdesk.ui.context import AppContext

EXPIRY_CHECK_MS = 30_000


class NoticeBanner(QLabel):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.ctx = ctx
        self.shown: list[dict] = []
        self.setWordWrap(True)
        self.setStyleSheet(
            "#noticeBanner { background: #fff4ce; color: #5c3b00; border-bottom: 1px solid "
            "#e0b400; padding: 6px 12px; font-weight: bold; }"
        )
        self.timer = QTimer(self)  # a notice leaves the screen when it expires, link or not
        self.timer.setInterval(EXPIRY_CHECK_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.changes.changed.connect(lambda topic: topic == "sync" and self.refresh())
        self.refresh()

    def refresh(self, *_args) -> None:
        self.shown = notices.active(self.ctx.db)
        lines = [
            f"⚠ {escape(n['text'])} <span style='font-weight:normal'>("
            + escape(self.tr("đến %s") % local_time(n["until"]))
            + ")</span>"
            for n in self.shown
        ]
        self.setText("<br/>".join(lines))
        self.setVisible(bool(self.shown))
