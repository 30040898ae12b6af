"""Pieces several documents share: the center's contact box, the QR code, table looks."""

from __future__ import annotations

import functools
import itertools
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Table, TableStyle

from supportdesk.core.pdf import fonts
from supportdesk.core.pdf.styles import RULE, SHADE, Paragraph, Styles, esc
from supportdesk.core.text import clean

CENTER_KEYS = ("center_name", "center_address", "center_phone", "commune_name", "province_name")
# The portal's detail pages are addressed by an internal number the catalog does not carry, so a
# procedure without its own source_url gets the portal's procedure search page and its code.
PORTAL_SEARCH_URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html"


def center_from_settings(db) -> dict[str, str]:
    """The contact box data from the store's settings (missing keys are empty)."""
    from supportdesk.core.store import settings

    return {key: clean(settings.get(db, key, "") or "") for key in CENTER_KEYS}


def center_title(center: dict[str, Any]) -> str:
    """'Trung tâm Phục vụ hành chính công xã Tân Định' — from the name, else from the commune."""
    name = clean(center.get("center_name") or "")
    if name:
        return name
    commune = clean(center.get("commune_name") or "")
    return f"Trung tâm Phục vụ hành chính công {commune}" if commune else ""


def contact_lines(center: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs for whatever the settings hold; labels only where a value exists."""
    place = ", ".join(
        v for v in (clean(center.get(k) or "") for k in ("commune_name", "province_name")) if v
    )
    pairs = [
        ("", center_title(center)),
        ("Địa chỉ", clean(center.get("center_address") or "") or place),
        ("Điện thoại", clean(center.get("center_phone") or "")),
    ]
    return [(label, value) for label, value in pairs if value]


def contact_box(center: dict[str, Any], st: Styles, width: float, heading: str) -> Table | None:
    lines = contact_lines(center)
    if not lines:
        return None
    rows = [[Paragraph(esc(heading), st.cell_head)]]
    for label, value in lines:
        text = f"{esc(label)}: {esc(value)}" if label else f"<b>{esc(value)}</b>"
        rows.append([Paragraph(text, st.cell)])
    return table(
        rows,
        [width],
        [
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ],
    )


def portal_url(procedure: dict[str, Any]) -> str:
    return clean(procedure.get("source_url") or "") or PORTAL_SEARCH_URL


@functools.lru_cache(maxsize=64)
def _qr_runs(url: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(modules per side, dark runs as (row, first column, length)) of a QR code.

    Encoding is the slow part (~40 ms for the mask search), and a batch prints the same few
    URLs over and over, so the matrix is computed once per URL."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    runs = []
    for r, row in enumerate(code.modules):
        c = 0
        for dark, group in itertools.groupby(bool(m) for m in row):
            n = len(list(group))
            if dark:
                runs.append((r, c, n))
            c += n
    return code.getModuleCount(), tuple(runs)


@functools.lru_cache(maxsize=64)
def _qr_image(url: str) -> ImageReader:
    """The QR code as a small grey-scale image, one pixel per module with the 4-module quiet zone
    scanners need. Drawn as vector squares it cost ~4,000 rectangles, each written out with
    reportlab's float formatting: most of a handout's time (issue 19: handout ≤ 3× a bare page).
    Scaled without interpolation, the modules print as sharp as the squares did."""
    from PIL import Image

    count, runs = _qr_runs(url)
    side = count + 2 * QrFlowable.QUIET
    image = Image.new("L", (side, side), 255)
    for r, c, n in runs:
        image.paste(0, (c + QrFlowable.QUIET, r + QrFlowable.QUIET, c + QrFlowable.QUIET + n,
                        r + QrFlowable.QUIET + 1))  # fmt: skip
    return ImageReader(image)


class QrFlowable(Flowable):
    """A QR code (reportlab's own encoder: no extra package), drawn as one cached image."""

    QUIET = 4

    def __init__(self, url: str, size: float):
        super().__init__()
        self.url, self.size = url, size
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        self.canv.drawImage(_qr_image(self.url), 0, 0, self.size, self.size)


def qr(url: str, size: float) -> QrFlowable:
    return QrFlowable(url, size)


def table(rows: list, widths: list[float], commands: list[tuple], **kw) -> Table:
    """A Table whose cells default to the embedded font: reportlab's cell default is Helvetica,
    which would be written into every page even when each cell holds a Paragraph."""
    t = Table(rows, colWidths=widths, **kw)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands]))
    return t


# Label/value lines (a receipt's or a handout's facts): no frame, labels flush left.
FACTS = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 1),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
]


def grid(header_rows: int = 1, zebra: bool = False) -> list[tuple]:
    """The table look of every document: thin rules, shaded header, top-aligned cells."""
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    return commands
