"""The embedded TrueType fonts of every SupportDesk document.

reportlab's 14 base fonts have no glyphs for đ, ơ, ư or the stacked Vietnamese tones (they print
boxes), so every document uses DejaVu Sans, shipped in resources/fonts with its licence."""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from supportdesk.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@functools.cache
def register() -> str:
    """Register the fonts once per process (parsing a TTF costs ~50 ms); return the family name.

    The mapping lets `<b>` inside a Paragraph switch to the bold face; there is no italic face, so
    italic maps to the regular one rather than to a base font without Vietnamese."""
    for name, filename in FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
