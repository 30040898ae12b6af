"""The procedure handout: what a citizen takes home from the counter (A4 or A5).

Takes the plain dict of `catalog.get(db, code)` and the center's contact dict, so it is tested
without a store. Long procedures flow over pages; each continuation page repeats the procedure
in its running head, and pages are numbered per procedure ("Trang 2/3")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from supportdesk.core import formats
from supportdesk.core.catalog import checklist, levels
from supportdesk.core.pdf import fonts, pages, parts
from supportdesk.core.pdf.styles import MUTED, RULE, Paragraph, Styles, esc, styles
from supportdesk.core.text import clean

SIZES = {"a4": (A4, 10.0, 14 * mm), "a5": (A5, 8.0, 9 * mm)}  # page, base font size, side margin
TICK = "☐"
LEGAL_TITLE_MAX = 110  # "short legal basis": the number and the start of the title
_CASE_MARKS = re.compile(r"^[\s*•\-–]+|[\s:]+$")
# The portal starts most lines with "- "; a tick box or bullet replaces it. "+ " marks a sub-point
# of the line above and stays, so the hierarchy still reads.
_DASH = re.compile(r"^[-–•]\s*")


def _case_title(case: str) -> str:
    """'* Giấy tờ phải nộp:' → 'Giấy tờ phải nộp' (the portal's list marks, not the words)."""
    return _CASE_MARKS.sub("", clean(case)) or "Thành phần hồ sơ"


def _short(text: str, limit: int) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;") + "…"


def _count(value: Any) -> str:
    try:
        n = int(value or 0)
    except (TypeError, ValueError):
        return clean(str(value))
    return str(n) if n else ""


class Handout:
    """Builds the story of one procedure's handout at one page size."""

    def __init__(self, size: str = "a4"):
        if size not in SIZES:
            raise ValueError(f"khổ giấy không hỗ trợ: {size} (a4 hoặc a5)")
        self.size = size
        self.pagesize, base, self.side = SIZES[size]
        self.st: Styles = styles(base)
        self.width = self.pagesize[0] - 2 * self.side

    def margins(self) -> tuple[float, float, float, float]:
        top = self.side + self.st.base * 2.2  # room for the running head
        return top, self.side, self.side + self.st.base * 1.6, self.side

    def story(self, procedure: dict[str, Any], center: dict[str, Any]) -> list:
        st = self.st
        code, name = clean(procedure.get("code")), clean(procedure.get("name"))
        flow: list = [pages.SectionMark(f"{code} — {name}")]
        flow.append(self._title_block(procedure, center))
        flow += self._facts(procedure, center)
        flow += self._methods(procedure.get("methods") or [])
        flow += self._checklist(procedure.get("dossier") or [])
        for heading, key in (("Điều kiện thực hiện", "conditions"), ("Kết quả", "result")):
            value = clean(procedure.get(key) or "")
            if value:
                flow += self._heading(heading) + [Paragraph(esc(value), st.body)]
        flow += self._legal(procedure.get("legal_basis") or [])
        box = parts.contact_box(center, st, self.width, "Cần hỗ trợ, xin liên hệ")
        if box is not None:
            flow += [Spacer(1, st.base), KeepTogether([box])]
        return flow

    # ---------------------------------------------------------------- blocks

    def _title_block(self, procedure: dict[str, Any], center: dict[str, Any]) -> Table:
        st = self.st
        qr_size = 24 * mm if self.size == "a4" else 19 * mm
        left = [
            Paragraph("HƯỚNG DẪN HỒ SƠ THỦ TỤC HÀNH CHÍNH", st.small),
            Paragraph(esc(procedure.get("name")), st.title),
            Paragraph(f"Mã thủ tục: <b>{esc(procedure.get('code'))}</b>", st.body),
        ]
        right = [
            parts.qr(parts.portal_url(procedure), qr_size),
            Paragraph("Tra cứu trên Cổng Dịch vụ công", st.small),
        ]
        return parts.table(
            [[left, right]],
            [self.width - qr_size - 6, qr_size + 6],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.8, RULE),
            ],
        )

    def _facts(self, procedure: dict[str, Any], center: dict[str, Any]) -> list:
        st = self.st
        where = clean(procedure.get("receiving_address") or "")
        if not where:
            where = "; ".join(
                v for label, v in parts.contact_lines(center) if label != "Điện thoại"
            )
        executing = clean(procedure.get("executing_agency") or "") or clean(
            procedure.get("competent_agency") or ""
        )
        rows = [
            ("Cấp thực hiện", levels.label(procedure)),
            ("Lĩnh vực", procedure.get("field")),
            ("Nơi nộp hồ sơ", where),
            ("Cơ quan thực hiện", executing),
        ]
        data = [
            [Paragraph(esc(label), st.cell_head), Paragraph(esc(value), st.cell)]
            for label, value in rows
            if clean(value or "")
        ]
        if not data:
            return []
        label_width = 32 * mm if self.size == "a4" else 27 * mm
        table = parts.table(
            data,
            [label_width, self.width - label_width],
            parts.FACTS,
        )
        return [Spacer(1, st.base * 0.5), table]

    def _methods(self, methods: list[dict]) -> list:
        st = self.st
        if not methods:
            return []
        rows = [
            [Paragraph(h, st.cell_head) for h in ("Cách nộp", "Thời hạn giải quyết", "Phí, lệ phí")]
        ]
        for m in methods:
            time_text = esc(m.get("time_text"))
            if clean(m.get("description") or ""):
                time_text += f"<br/><font size={st.base * 0.8:.1f}>{esc(m['description'])}</font>"
            rows.append(
                [
                    Paragraph(esc(m.get("channel")), st.cell),
                    Paragraph(time_text, st.cell),
                    Paragraph(esc(m.get("fee_text") or checklist.NO_FEE), st.cell),
                ]
            )
        w = self.width
        table = parts.table(rows, [w * 0.22, w * 0.40, w * 0.38], parts.grid(), repeatRows=1)
        return self._heading("Cách nộp hồ sơ, thời hạn và phí") + [table]

    def _heading(self, text: str) -> list:
        # A heading moves to the next page only when hardly any room is left: keepWithNext would
        # carry a whole long table to a fresh page and leave half a page blank.
        return [CondPageBreak(self.st.base * 6), Paragraph(esc(text), self.st.heading)]

    def _checklist(self, dossier: list[dict]) -> list:
        st = self.st
        cases = [c for c in dossier if c.get("items")]
        if not cases:
            return []
        flow: list = self._heading("Giấy tờ cần chuẩn bị")
        flow.append(Paragraph("Đánh dấu vào ô khi đã có giấy tờ.", st.small))
        for case in cases:
            items = case["items"]
            title = _case_title(case.get("case") or "")
            if not any(_count(i.get("originals")) or _count(i.get("copies")) for i in items):
                flow += self._notes(title, items)  # "Lưu ý": guidance, nothing to bring
            else:
                flow += [Spacer(1, st.base * 0.4), self._case_table(title, items)]
        return flow

    def _case_table(self, title: str, items: list[dict]) -> Table:
        st = self.st
        w = self.width
        widths = [w * 0.06, w * 0.70, w * 0.12, w * 0.12]
        head = ["", "Tên giấy tờ", "Bản chính", "Bản sao"]
        rows = [
            [Paragraph(esc(title), st.cell_head), "", "", ""],
            [
                Paragraph(h, st.cell_head_center if i > 1 else st.cell_head)
                for i, h in enumerate(head)
            ],
        ]
        for item in items:
            originals, copies = _count(item.get("originals")), _count(item.get("copies"))
            text = esc(_DASH.sub("", clean(item.get("name") or "")))
            if clean(item.get("form") or ""):
                text += f"<br/><font color='#555555'>Mẫu: {esc(item['form'])}</font>"
            # A row asking for no paper at all is a note from the portal, not a paper to tick.
            box = TICK if (originals or copies) else ""
            rows.append(
                [
                    Paragraph(box, st.cell_center),
                    Paragraph(text, st.cell),
                    Paragraph(originals, st.cell_center),
                    Paragraph(copies, st.cell_center),
                ]
            )
        # The case title and the column heads repeat on every page the table runs over.
        span = [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), colors.white)]
        # splitInRow: one item of the portal can be longer than a page (1.013742).
        return parts.table(
            rows, widths, parts.grid(header_rows=2) + span, repeatRows=2, splitInRow=1
        )

    def _notes(self, title: str, items: list[dict]) -> list:
        st = self.st
        flow = [CondPageBreak(st.base * 5), Paragraph(esc(title), st.subheading)]
        for item in items:
            text = _DASH.sub("", clean(item.get("name") or ""))
            flow.append(Paragraph(esc(text), st.small, bulletText="–"))
        return flow

    def _legal(self, legal: list[dict]) -> list:
        st = self.st
        lines = []
        for doc in legal:
            number, title = (
                clean(doc.get("number") or ""),
                _short(doc.get("title") or "", LEGAL_TITLE_MAX),
            )
            if number and title and number not in title:
                lines.append(f"<b>{esc(number)}</b>: {esc(title)}")
            elif number or title:
                lines.append(esc(title or number))
        if not lines:
            return []
        return self._heading("Căn cứ pháp lý") + [
            Paragraph(line, st.small, bulletText="•") for line in lines
        ]

    # ---------------------------------------------------------------- page furniture

    def decorate(self, center: dict[str, Any], printed: date):
        base = self.st.base
        title = parts.center_title(center)

        def draw(canvas: Canvas, page: pages.PageInfo) -> None:
            width, height = page.width, page.height
            left, right = self.side, width - self.side
            canvas.saveState()
            canvas.setFillColor(MUTED)
            canvas.setStrokeColor(RULE)
            size = base * 0.8
            canvas.setFont(fonts.REGULAR, size)
            top = height - self.side
            if page.first:
                head = title or "Hướng dẫn thủ tục hành chính"
            else:
                head = f"{page.head} (tiếp theo)"
            canvas.drawString(left, top - size, pages.fit(head, fonts.REGULAR, size, right - left))
            canvas.line(left, top - size * 1.6, right, top - size * 1.6)
            bottom = self.side * 0.7
            canvas.drawString(
                left, bottom, f"In ngày {formats.day(printed)} · Nguồn: Cổng Dịch vụ công quốc gia"
            )
            canvas.setFont(fonts.BOLD, size)
            canvas.drawRightString(right, bottom, page.label)
            canvas.restoreState()

        return draw


def _printed(printed: date | None) -> date:
    return printed or formats.now_local().date()


def render(
    procedure: dict[str, Any],
    center: dict[str, Any],
    size: str = "a4",
    printed: date | None = None,
    full: bool = False,
) -> bytes:
    """One procedure's handout as PDF bytes: the citizen's (handout_citizen), or ``full``."""
    return render_many([procedure], center, size, printed, full)


def render_many(
    procedures: Iterable[dict[str, Any]],
    center: dict[str, Any],
    size: str = "a4",
    printed: date | None = None,
    full: bool = False,
) -> bytes:
    """Several handouts in one PDF, each starting on a new page and numbered on its own."""
    from supportdesk.core.pdf.handout_citizen import CitizenHandout

    handout = Handout(size) if full else CitizenHandout(size)
    story: list = []
    first = ""
    for procedure in procedures:
        if story:
            story.append(PageBreak())
        first = first or clean(procedure.get("name"))
        story += handout.story(procedure, center)
    if not story:
        raise ValueError("không có thủ tục nào để in")
    return pages.build(
        story,
        handout.pagesize,
        handout.margins(),
        handout.decorate(center, _printed(printed)),
        title=first,
        subject="Hướng dẫn hồ sơ thủ tục hành chính",
    )
