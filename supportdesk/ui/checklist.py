"""The papers of a procedure, per case, each with a tick box and text that wraps (readable)."""

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

from supportdesk.ui.procedure_text import copies_text


class ChecklistWidget(QScrollArea):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.boxes: dict[tuple[int, int], QCheckBox] = {}
        self._set_body(QWidget())

    def _set_body(self, body: QWidget) -> None:
        body.setObjectName("checklistBody")
        self.setWidget(body)

    def fill(self, cases: list[dict], ticked: set[tuple[int, int]], empty_text: str,
             case_text: str) -> None:  # fmt: skip
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(6)
        self.boxes = {}
        if not cases:
            note = QLabel(empty_text)
            note.setWordWrap(True)
            layout.addWidget(note)
        for ci, case in enumerate(cases):
            head = QLabel(case.get("case") or case_text)
            head.setWordWrap(True)
            head.setProperty("role", "title")
            layout.addWidget(head)
            for ii, paper in enumerate(case.get("items") or []):
                layout.addLayout(self._row(ci, ii, paper, (ci, ii) in ticked))
        layout.addStretch(1)
        self._set_body(body)

    def _row(self, ci: int, ii: int, paper: dict, checked: bool) -> QHBoxLayout:
        box = QCheckBox()
        box.setObjectName(f"paper_{ci}_{ii}")
        box.setChecked(checked)
        extra = copies_text(paper)
        text = QLabel(escape(paper["name"]) + (f" <i>({escape(extra)})</i>" if extra else ""))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setBuddy(box)
        text.mousePressEvent = lambda _e, b=box: b.toggle()
        box.toggled.connect(lambda _on: self.changed.emit())
        self.boxes[(ci, ii)] = box
        row = QHBoxLayout()
        row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        return row

    def ticked(self) -> set[tuple[int, int]]:
        return {key for key, box in self.boxes.items() if box.isChecked()}
