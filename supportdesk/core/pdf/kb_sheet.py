"""The step sheet a citizen takes home ("Cách đặt lại mật khẩu VNeID"): an article of the
knowledge base for the audience "citizen", on A5 or an 80 mm roll, with the center's name and
phone so the citizen knows whom to ask again.

Takes the plain dict of `kb.get(db, ref)`; the steps are numbered here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer

from supportdesk.core import formats
from supportdesk.core.errors import UserError
from supportdesk.core.pdf import fonts, pages, parts
from supportdesk.core.pdf.receipt import ROLL_WIDTH, WIDTHS
from supportdesk.core.pdf.styles import MUTED, Styles, esc, styles
from supportdesk.core.text import clean


class NotForCitizens(UserError, ValueError):
    """Only articles written for citizens are printed for them."""


class StepSheet:
    def __init__(self, width: str = "a5"):
        if width not in WIDTHS:
            raise ValueError(f"khổ giấy không hỗ trợ: {width} (a5 hoặc 80mm)")
        self.roll = width == "80mm"
        self.margin = 4 * mm if self.roll else 12 * mm
        self.width = (ROLL_WIDTH if self.roll else A5[0]) - 2 * self.margin
        self.st: Styles = styles(8.5 if self.roll else 10.5)
        indent = self.st.base * 1.8
        self.step_style = ParagraphStyle(
            "step", parent=self.st.body, leftIndent=indent, bulletIndent=0, spaceAfter=3
        )

    def story(self, article: dict[str, Any], center: dict[str, Any]) -> list:
        st = self.st
        flow: list = []
        title = parts.center_title(center)
        if title:
            flow.append(Paragraph(esc(title.upper()), st.center_bold))
        flow += [
            Spacer(1, st.base * 0.8),
            Paragraph(esc(clean(article["title"])), st.title_center),
            Spacer(1, st.base * 0.5),
        ]
        if article.get("symptoms"):
            flow.append(Paragraph(f"<b>Khi nào dùng:</b> {esc(article['symptoms'])}", st.body))
        flow.append(Paragraph("<b>Các bước làm:</b>", st.body))
        flow += [
            Paragraph(f"<bullet><b>{i}.</b></bullet>{esc(clean(step))}", self.step_style)
            for i, step in enumerate(article["steps"], start=1)
        ]
        flow.append(Spacer(1, st.base * 0.8))
        phone = clean(center.get("center_phone") or "")
        ask = "Cần giúp thêm, xin quay lại quầy hỗ trợ"
        ask += f" hoặc gọi {phone}." if phone else "."
        flow.append(Paragraph(esc(ask), st.body))
        source = clean(article.get("source") or "").split("\n")[0]
        if source:
            flow.append(Paragraph(f"Theo hướng dẫn: {esc(source)}", st.small))
        return flow

    def decorate(self, printed: datetime):
        base = self.st.base

        def draw(canvas: Canvas, page: pages.PageInfo) -> None:
            canvas.saveState()
            canvas.setFont(fonts.REGULAR, base * 0.7)
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
        height = 0.0  # a roll is as long as its content
        for flowable in story:
            _, h = flowable.wrap(self.width, 10_000)
            height += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return ROLL_WIDTH, height + 2 * self.margin + self.st.base * 2


def render(
    article: dict[str, Any],
    center: dict[str, Any],
    width: str = "a5",
    printed: datetime | None = None,
) -> bytes:
    """A citizen's step sheet as PDF bytes; width 'a5' or '80mm'."""
    if article.get("audience") != "citizen":
        raise NotForCitizens("bài này viết cho cán bộ, không in cho công dân")
    sheet = StepSheet(width)
    story = sheet.story(article, center)
    m = sheet.margin
    return pages.build(
        story,
        sheet.pagesize(story),
        (m, m, m + sheet.st.base * 1.5, m),
        sheet.decorate(printed or formats.now_local()),
        title=clean(article["title"]),
        subject="Hướng dẫn từng bước",
    )
