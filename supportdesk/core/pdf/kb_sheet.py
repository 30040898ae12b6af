"""The step sheet a citizen takes home ("Cách đặt lại mật khẩu VNeID"): an article of the
knowledge base for the audience "citizen", on A5 or an 80 mm roll, with the center's name and
phone so the citizen knows whom to ask again.

Takes the plain dict of `kb.get(db, ref)`; the steps are numbered here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from supportdesk.core import formats
from supportdesk.core.errors import UserError
from supportdesk.core.pdf import parts, slip
from supportdesk.core.pdf.styles import esc
from supportdesk.core.text import clean


class NotForCitizens(UserError, ValueError):
    """Only articles written for citizens are printed for them."""


class StepSheet(slip.Slip):
    def __init__(self, width: str = "a5"):
        super().__init__(width, roll_size=8.5, a5_size=10.5)
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
    return sheet.build(
        sheet.story(article, center),
        printed or formats.now_local(),
        title=clean(article["title"]),
        subject="Hướng dẫn từng bước",
    )
