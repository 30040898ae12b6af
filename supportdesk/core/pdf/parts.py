"""Pieces several documents share: the center's contact box, the QR code, table looks."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Paragraph, Table, TableStyle

from supportdesk.core.pdf import fonts
from supportdesk.core.pdf.styles import RULE, SHADE, Styles, esc
from supportdesk.core.text import clean

CENTER_KEYS = ("center_name", "center_address", "center_phone", "commune_name", "province_name")
# The portal's detail pages are addressed by an internal number the catalog does not carry, so a
# procedure without its own source_url gets the portal's procedure search page and its code.
PORTAL_SEARCH_URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html"


def center_from_settings(db) -> dict[str, str]:
    """The contact box data from the store's settings (missing keys are empty)."""
    from supportdesk.core import settings

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


def qr(url: str, size: float) -> Drawing:
    """A QR code drawing of `size` points square (reportlab's own encoder: no extra package)."""
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.initialFontName = fonts.REGULAR  # the renderer would otherwise select Helvetica
    drawing.add(widget)
    return drawing


def table(rows: list, widths: list[float], commands: list[tuple], **kw) -> Table:
    """A Table whose cells default to the embedded font: reportlab's cell default is Helvetica,
    which would be written into every page even when each cell holds a Paragraph."""
    t = Table(rows, colWidths=widths, **kw)
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands]))
    return t


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
