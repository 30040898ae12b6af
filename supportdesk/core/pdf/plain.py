"""Plain text in one font: the lean Paragraph for the many cells and remarks of a handout.

reportlab's Paragraph parses markup with an HTML parser and breaks lines through its fragment
machinery; a handout has hundreds of cells and remarks that are plain text, so most of its time
went there (issue 19: handout ≤ 3× a bare reportlab page). This flowable takes text as it is (no
markup, so nothing to escape), breaks it greedily at spaces with the font's widths and draws one
text line per line; it splits between lines at a page end. Same font, size, leading, colour and
alignment as the ParagraphStyle it is given, so it looks like the Paragraph it replaces."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from supportdesk.core.text import nfc

_WIDTHS: dict[tuple[str, str, float], float] = {}
_WIDTHS_MAX = 50_000  # words; forgotten all at once past this (a batch of handouts stays below)


def _width(word: str, font: str, size: float) -> float:
    """A word's width, remembered: the same words come back in every row of every handout, and
    measuring one costs more than looking it up (reportlab measures glyph by glyph)."""
    key = (word, font, size)
    found = _WIDTHS.get(key)
    if found is None:
        if len(_WIDTHS) >= _WIDTHS_MAX:
            _WIDTHS.clear()
        found = _WIDTHS[key] = stringWidth(word, font, size)
    return found


def _break(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of at most ``width`` points, broken at spaces (inside a word only if it is longer
    than a whole line); the text's own line breaks are kept."""
    space = _width(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split():
            w = _width(word, font, size)
            if line and used + space + w > width:
                lines.append(" ".join(line))
                line, used = [], 0.0
            while w > width and len(word) > 1:  # a word wider than the line: cut it
                cut = len(word) - 1
                while cut > 1 and stringWidth(word[:cut], font, size) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                w = stringWidth(word, font, size)
            used = used + space + w if line else w
            line.append(word)
        lines.append(" ".join(line))
    return lines


class PlainText(Flowable):
    """Plain text laid out like a Paragraph of ``style`` (see the module docstring)."""

    def __init__(self, text: object, style: ParagraphStyle, lines: list[str] | None = None):
        super().__init__()
        self.text = nfc(str(text or ""))
        self.style = style
        self._lines = lines
        self._wrapped_at: float | None = None
        self.width = self.height = 0

    # The frame asks these of a Paragraph; a Paragraph style's spacing applies here too.
    def getSpaceBefore(self) -> float:  # noqa: N802 — reportlab's name
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.style.spaceAfter

    def _inner(self, avail_width: float) -> float:
        return avail_width - self.style.leftIndent - self.style.rightIndent

    def wrap(self, avail_width, avail_height):
        if self._wrapped_at != avail_width:
            st = self.style
            if self._wrapped_at is None and self._lines is not None:
                lines = self._lines  # the rest of a split: already broken at this width
            else:
                lines = _break(self.text, st.fontName, st.fontSize, self._inner(avail_width))
            self._lines = lines
            self._wrapped_at = avail_width
            self.width = avail_width
            self.height = len(lines) * st.leading
        return self.width, self.height

    def split(self, avail_width, avail_height):
        self.wrap(avail_width, avail_height)
        fits = int(avail_height // self.style.leading)
        if fits <= 0 or fits >= len(self._lines):
            return [] if fits <= 0 else [self]
        head, tail = self._lines[:fits], self._lines[fits:]
        return [
            PlainText("\n".join(head), self.style, head),
            PlainText("\n".join(tail), self.style, tail),
        ]

    def draw(self):
        st = self.style
        canvas = self.canv
        inner = self._inner(self.width)
        text = canvas.beginText()
        text.setFont(st.fontName, st.fontSize, st.leading)
        text.setFillColor(st.textColor)
        # The first baseline sits one font size (less the descent) below the top, as in
        # a Paragraph.
        y = self.height - st.fontSize
        for line in self._lines:
            x = st.leftIndent
            if st.alignment in (TA_CENTER, TA_RIGHT):
                free = inner - stringWidth(line, st.fontName, st.fontSize)
                x += free / 2 if st.alignment == TA_CENTER else free
            text.setTextOrigin(x, y)
            text.textOut(line)
            y -= st.leading
        canvas.drawText(text)
