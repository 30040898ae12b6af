"""The papers of a procedure, grouped as a citizen reads them (core.catalog.checklist): the form,
the papers everyone brings, then each "Chỉ khi …" group; a tick box per paper, text that wraps.
Remarks are text, never tick boxes; the officials' own notes come last, marked as theirs."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from supportdesk.core.catalog import checklist
from supportdesk.core.catalog.checklist import Checklist, Paper


class ChecklistWidget(QScrollArea):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.boxes: dict[tuple[int, int], QCheckBox] = {}
        self.headings: list[str] = []
        self._set_body(QWidget())

    def _set_body(self, body: QWidget) -> None:
        body.setObjectName("checklistBody")
        self.setWidget(body)

    def fill(
        self,
        grouped: Checklist | None,
        ticked: set[tuple[int, int]],
        empty_text: str,
        officials_title: str = checklist.OFFICIAL_NOTES,
    ) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(6)
        self.boxes = {}
        self.headings = []
        if grouped is None or grouped.is_empty():
            note = QLabel(empty_text)
            note.setWordWrap(True)
            layout.addWidget(note)
            grouped = grouped or Checklist()
        for si, (title, papers, notes) in enumerate(checklist.sections(grouped)):
            self._heading(layout, title)
            for pi, paper in enumerate(papers):
                layout.addLayout(self._row(si, pi, paper, (si, pi) in ticked))
            for note in notes:
                layout.addWidget(self._note(note))
        for title, notes in (
            (checklist.CITIZEN_NOTES, grouped.notes),
            (officials_title, grouped.official_notes),
        ):
            if notes:
                self._heading(layout, title)
                for note in notes:
                    layout.addWidget(self._note(note))
        layout.addStretch(1)
        self._set_body(body)

    def _heading(self, layout: QVBoxLayout, title: str) -> None:
        head = QLabel(title)
        head.setWordWrap(True)
        head.setProperty("role", "title")
        layout.addWidget(head)
        self.headings.append(title)

    def _note(self, text: str) -> QLabel:
        label = QLabel(f"– {text}")
        label.setWordWrap(True)
        label.setProperty("role", "hint")
        return label

    def _row(self, si: int, pi: int, paper: Paper, checked: bool) -> QHBoxLayout:
        box = QCheckBox()
        box.setObjectName(f"paper_{si}_{pi}")
        box.setChecked(checked)
        extra = checklist.describe(paper)
        text = QLabel(escape(paper.text) + (f" <i>({escape(extra)})</i>" if extra else ""))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setBuddy(box)
        text.mousePressEvent = lambda _e, b=box: b.toggle()
        box.toggled.connect(lambda _on: self.changed.emit())
        self.boxes[(si, pi)] = box
        row = QHBoxLayout()
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        return row

    def ticked(self) -> set[tuple[int, int]]:
        return {key for key, box in self.boxes.items() if box.isChecked()}
