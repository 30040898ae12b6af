"""Paragraph styles and the one way text enters a Paragraph: NFC and escaped."""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

from supportdesk.core.pdf import fonts
from supportdesk.core.text import nfc

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#ececec")
ACCENT = colors.HexColor("#1f4e79")


def esc(value: object) -> str:
    """Plain text as Paragraph markup: NFC (NFD puts marks in the wrong place), `<`, `>` and `&`
    escaped so user text like `<b>` or an unclosed `<` prints literally, line breaks kept."""
    if value is None:
        return ""
    text = escape(nfc(str(value)))
    return "<br/>".join(line.strip() for line in text.replace("\r\n", "\n").split("\n"))


class Paragraph(_Paragraph):
    """A Paragraph that keeps its line breaks for the width it was last wrapped at.

    A table wraps every cell once to size its rows and again to draw them, and KeepTogether
    wraps its content before the frame does: the same lines were broken two or three times,
    about half of a handout's time (issue 19: handout ≤ 3× a bare page). The height does not
    depend on the height offered, so the same width gives the same answer."""

    def wrap(self, availWidth, availHeight):  # noqa: N803 — reportlab's signature
        # split() may drop the lines it computed (del self.blPara): then break them again.
        if getattr(self, "_wrapped_at", None) == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size


class Styles:
    """A family of styles at one base size: A4 handouts use 10 pt, A5 and the roll smaller."""

    def __init__(self, base: float):
        family = fonts.register()
        self.base = base
        lead = base * 1.28

        def style(name: str, **kw) -> ParagraphStyle:
            kw.setdefault("fontName", family)
            kw.setdefault("fontSize", base)
            kw.setdefault("leading", kw["fontSize"] * 1.28)
            kw.setdefault("textColor", INK)
            # Bullets default to Helvetica, which has no Vietnamese and would be a 2nd font.
            kw.setdefault("bulletFontName", family)
            kw.setdefault("bulletFontSize", kw["fontSize"])
            return ParagraphStyle(name, **kw)

        self.body = style("body", spaceAfter=base * 0.3)
        self.small = style("small", fontSize=base * 0.85, textColor=MUTED)
        self.cell = style("cell", fontSize=base * 0.92)
        self.cell_center = style("cell_center", fontSize=base * 0.92, alignment=TA_CENTER)
        self.cell_head = style("cell_head", fontName=fonts.BOLD, fontSize=base * 0.92)
        self.cell_head_center = style(
            "cell_head_center", fontName=fonts.BOLD, fontSize=base * 0.92, alignment=TA_CENTER
        )
        self.title = style(
            "title", fontName=fonts.BOLD, fontSize=base * 1.5, spaceAfter=base * 0.4,
            textColor=ACCENT,
        )  # fmt: skip
        self.title_center = style(
            "title_center", fontName=fonts.BOLD, fontSize=base * 1.4, alignment=TA_CENTER,
            spaceAfter=base * 0.2,
        )  # fmt: skip
        self.center = style("center", alignment=TA_CENTER)
        self.center_bold = style("center_bold", fontName=fonts.BOLD, alignment=TA_CENTER)
        self.right = style("right", alignment=TA_RIGHT)
        self.heading = style(
            "heading", fontName=fonts.BOLD, fontSize=base * 1.1, spaceBefore=base * 0.8,
            spaceAfter=base * 0.35, textColor=ACCENT,
        )  # fmt: skip
        self.subheading = style(
            "subheading", fontName=fonts.BOLD, spaceBefore=base * 0.4, spaceAfter=base * 0.2,
            keepWithNext=1,
        )  # fmt: skip
        self.leading = lead


@functools.cache
def styles(base: float) -> Styles:
    return Styles(base)
