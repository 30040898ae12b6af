"""A slip handed over the counter: A5, or an 80 mm receipt-printer roll as long as its content,
with a printed-at footer. The request receipt and the knowledge base's step sheet are slips."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from supportdesk.core.pdf import fonts, pages
from supportdesk.core.pdf.styles import MUTED, Styles, styles

ROLL_WIDTH = 80 * mm
WIDTHS = ("a5", "80mm")


class Slip:
    def __init__(self, width: str, *, roll_size: float, a5_size: float):
        if width not in WIDTHS:
            raise ValueError(f"khổ giấy không hỗ trợ: {width} (a5 hoặc 80mm)")
        self.roll = width == "80mm"
        self.margin = 4 * mm if self.roll else 12 * mm
        self.width = (ROLL_WIDTH if self.roll else A5[0]) - 2 * self.margin
        self.st: Styles = styles(roll_size if self.roll else a5_size)

    def decorate(self, printed: datetime):
        base = self.st.base

        def draw(canvas: Canvas, page: pages.PageInfo) -> None:
            canvas.saveState()
            canvas.setFont(fonts.REGULAR, base * 0.75)
            canvas.setFillColor(MUTED)
            stamp = f"In lúc {printed.strftime('%H:%M %d/%m/%Y')} · SupportDesk"
            if page.count > 1:
                stamp += f" · Trang {page.number}/{page.count}"
            canvas.drawCentredString(page.width / 2, self.margin * 0.6, stamp)
            canvas.restoreState()

        return draw

    def pagesize(self, story: list) -> tuple[float, float]:
        if not self.roll:
            return A5
        # A roll has no fixed length: the page is the content plus the margins and the footer.
        height = 0.0
        for flowable in story:
            _, h = flowable.wrap(self.width, 10_000)
            height += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return ROLL_WIDTH, height + 2 * self.margin + self.st.base * 2

    def build(self, story: list, printed: datetime, *, title: str, subject: str) -> bytes:
        m = self.margin
        return pages.build(
            story,
            self.pagesize(story),
            (m, m, m + self.st.base * 1.5, m),
            self.decorate(printed),
            title=title,
            subject=subject,
        )
