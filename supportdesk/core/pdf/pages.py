"""Page machinery shared by all documents: sections, running heads and "Trang 1/3" numbers.

Page numbers need the page count, which reportlab only knows after layout. Instead of laying the
document out twice, the canvas keeps every finished page and draws headers and footers at save
time, when the count of each section is known. A batch of handouts is one PDF with one section
per procedure, so each handout is numbered on its own ("Trang 2/3" of that procedure)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from supportdesk.core.pdf import fonts
from supportdesk.core.text import nfc


@dataclass(frozen=True)
class PageInfo:
    number: int  # 1-based, within the section
    count: int  # pages in the section
    head: str  # the section's running head (e.g. "1.001193 — Thủ tục đăng ký khai sinh")
    width: float
    height: float

    @property
    def first(self) -> bool:
        return self.number == 1

    @property
    def label(self) -> str:
        return f"Trang {self.number}/{self.count}"


Decorate = Callable[[Canvas, PageInfo], None]


class SectionMark(Flowable):
    """Zero-size marker: the page it lands on starts a new section with this running head."""

    def __init__(self, head: str):
        super().__init__()
        self.head = nfc(head)

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        mark = getattr(self.canv, "mark_section", None)
        if mark:
            mark(self.head)


class DecoratedCanvas(Canvas):
    """Holds finished pages back until save(), then decorates each one with its section info."""

    def __init__(self, *args, decorate: Decorate, **kwargs):
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._held: list[dict] = []
        self._marks: dict[int, str] = {}  # page index → head of the section starting there

    def mark_section(self, head: str) -> None:
        self._marks.setdefault(len(self._held), head)

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        held, marks = self._held, self._marks
        starts = sorted(set(marks) | {0})
        bounds = list(zip(starts, starts[1:] + [len(held)]))
        width, height = self._pagesize
        for start, end in bounds:
            for index in range(start, end):
                self.__dict__.update(held[index])
                info = PageInfo(index - start + 1, end - start, marks.get(start, ""), width, height)
                self._decorate(self, info)
                Canvas.showPage(self)
        Canvas.save(self)


def build(
    story: list,
    pagesize: tuple[float, float],
    margins: tuple[float, float, float, float],
    decorate: Decorate,
    title: str = "",
    subject: str = "",
) -> bytes:
    """Lay out a story and return the PDF bytes. margins = (top, right, bottom, left) in points."""
    out = io.BytesIO()
    top, right, bottom, left = margins
    doc = BaseDocTemplate(
        out,
        pagesize=pagesize,
        topMargin=top,
        rightMargin=right,
        bottomMargin=bottom,
        leftMargin=left,
        title=nfc(title),
        subject=nfc(subject),
        author="SupportDesk",
        creator="SupportDesk",
        lang="vi-VN",
        initialFontName=fonts.register(),  # else every page starts in Helvetica
    )
    # No frame padding: the margins are the whole white border, so content widths computed from
    # them (tables, the roll's length) are exact.
    frame = Frame(left, bottom, doc.width, doc.height, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(story, canvasmaker=partial(DecoratedCanvas, decorate=decorate))
    return out.getvalue()


def fit(text: str, font: str, size: float, width: float) -> str:
    """The text cut with an ellipsis so it fits on one line of a running head or footer."""
    text = nfc(" ".join(text.split()))
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
