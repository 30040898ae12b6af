"""Articles offered while a request's summary is typed (issue 17): the three best, one key
(Alt+1, Alt+2, Alt+3) applies one. Lives apart from the intake form, which only places it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
)

from supportdesk.core import kb
from supportdesk.core.kb import usage
from supportdesk.ui.context import AppContext

SHOWN = 3
MIN_CHARS = 3


class KbSuggestions(QFrame):
    applied = Signal(dict)  # the article chosen

    def __init__(self, ctx: AppContext, summary: QLineEdit, topic: QComboBox, shortcuts_on):
        super().__init__()
        self.setObjectName("kbSuggestions")
        self.ctx, self.summary, self.topic = ctx, summary, topic
        self.articles: list[dict] = []
        self.chosen: dict | None = None
        self.heading = QLabel()
        self.heading.setProperty("role", "muted")
        self.buttons: list[QPushButton] = []
        # One row: the form must still fit 1024×768 with a taskbar; titles are cut, the tooltip
        # holds the whole title and its steps.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        for i in range(SHOWN):
            button = QPushButton()
            button.setObjectName(f"kbSuggestion{i + 1}")
            button.setStyleSheet("text-align: left; padding: 2px 6px")
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, n=i: self.apply(n))
            layout.addWidget(button)
            self.buttons.append(button)
            key = QShortcut(QKeySequence(f"Alt+{i + 1}"), shortcuts_on)
            key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(lambda n=i: self.apply(n))
        summary.textChanged.connect(self.refresh)
        topic.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def reset(self) -> None:
        self.chosen = None
        self.refresh()

    def refresh(self) -> None:
        typed = self.summary.text()
        found = []
        if len(typed.strip()) >= MIN_CHARS:
            found = kb.suggest(self.ctx.db, typed, limit=SHOWN, topic=self.topic.currentData())
            found = found.items
        self.articles = found
        for i, button in enumerate(self.buttons):
            if i < len(found):
                button.setText(f"{i + 1}. {found[i]['title']}")
                steps = "\n".join(f"{n}. {s}" for n, s in enumerate(found[i]["steps"], 1))
                button.setToolTip(f"Alt+{i + 1}: {found[i]['title']}\n{steps}")
            button.setVisible(i < len(found))
        if self.chosen:
            self.heading.setText(self.tr("Đã áp dụng (Alt+1…3 để đổi):"))
            self.heading.setToolTip(self.chosen["title"])
        elif found:
            self.heading.setText(self.tr("Gợi ý (Alt+1…3):"))
        else:
            self.heading.setText("")
        self.heading.setVisible(bool(found) or self.chosen is not None)

    def apply(self, index: int) -> None:
        if index >= len(self.articles):
            return
        self.chosen = self.articles[index]
        self.refresh()
        self.applied.emit(self.chosen)

    def record(self, request_id: int, now) -> None:
        """After the request is saved: count what was offered, link what was applied."""
        usage.record_suggested(self.ctx.db, request_id, [a["uuid"] for a in self.articles], now=now)
        if self.chosen:
            actor = self.ctx.operator or "?"
            usage.link(self.ctx.db, request_id, self.chosen["uuid"], actor=actor, now=now)
