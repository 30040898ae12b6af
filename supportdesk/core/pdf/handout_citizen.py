"""The handout a citizen takes home: the common case on page one.

Where to go first (for a procedure the commune does not decide), then how to submit with the time
and fee per channel, then the papers: the form (tờ khai) to fill in, the papers everyone brings,
and the papers needed only in some cases under "Chỉ khi …" (core.catalog.checklist, the grouping
the GUI and `catalog show` use too). Remarks for the citizen follow as plain text; instructions to
the officials and the legal basis are left out (`handout --full` prints everything)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table

from supportdesk.core.catalog import checklist, levels
from supportdesk.core.pdf import pages, parts
from supportdesk.core.pdf.handout import TICK, Handout
from supportdesk.core.pdf.plain import PlainText
from supportdesk.core.pdf.styles import RULE, SHADE, Paragraph, esc
from supportdesk.core.text import clean

CHUNK = 1200  # characters of one table row: well under a page at A5
ONLY_WHEN = f"{checklist.CHI_KHI} … — chỉ mang khi đúng trường hợp của mình:"


class CitizenHandout(Handout):
    """The citizen's handout at one page size (the complete version is `Handout`)."""

    def story(self, procedure: dict[str, Any], center: dict[str, Any]) -> list:
        st = self.st
        code, name = clean(procedure.get("code")), clean(procedure.get("name"))
        grouped = checklist.group_dossier(procedure.get("dossier") or [])
        flow: list = [pages.SectionMark(f"{code} — {name}")]
        flow.append(self._title_block(procedure, center))
        flow += self._where(procedure, center)
        flow += self._channels(procedure.get("methods") or [])
        flow += self._papers(grouped)
        flow += self._remarks(grouped.notes)
        box = parts.contact_box(center, st, self.width, "Cần hỗ trợ, xin liên hệ")
        if box is not None:
            flow += [Spacer(1, st.base * 0.6), KeepTogether([box])]
        return flow

    # ---------------------------------------------------------------- blocks

    def _where(self, procedure: dict[str, Any], center: dict[str, Any]) -> list:
        st = self.st
        label_width = 38 * mm if self.size == "a4" else 29 * mm
        level = levels.label(procedure)
        go = levels.where_to_go(procedure)
        if go is None:
            here = (
                clean(procedure.get("receiving_address") or "")
                or "; ".join(v for label, v in parts.contact_lines(center) if label != "Điện thoại")
                or "Trung tâm Phục vụ hành chính công cấp xã"
            )
            rows = [("Cấp thực hiện", level), ("Nơi nộp hồ sơ", here)]
            online = levels.online(procedure)
            rows.append(("Nộp trực tuyến", go_online_text(online)))
            rows.append(("Kết quả nhận được", clean(procedure.get("result") or "")))
            return [Spacer(1, st.base * 0.4), self._facts_table(rows, label_width)]
        rows = [("Cấp thực hiện", level), *go.lines()]
        rows.append(("Kết quả nhận được", clean(procedure.get("result") or "")))
        head = Paragraph(f"<b>{esc(levels.not_here(procedure))}</b> Hãy đến:", st.cell)
        table = self._facts_table(rows, label_width)
        box = Table(
            [[head], [table]],
            colWidths=[self.width],
            style=[
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ],
        )
        return [Spacer(1, st.base * 0.4), box]

    def _facts_table(self, rows: list[tuple[str, str]], label_width: float) -> Table:
        st = self.st
        data = [
            [PlainText(label, st.cell_head), PlainText(value, st.cell)]
            for label, value in rows
            if clean(value or "")
        ]
        width = self.width - 8
        return parts.table(data, [label_width, width - label_width], parts.FACTS)

    def _channels(self, methods: list[dict]) -> list:
        st = self.st
        if not methods:
            return []
        rows = [[Paragraph(h, st.cell_head) for h in ("Cách nộp", "Thời hạn", "Phí, lệ phí")]]
        for channels, time_text, fee in checklist.methods_rows(methods):
            rows.append([PlainText(v, st.cell) for v in (channels, time_text, fee)])
        w = self.width
        table = parts.table(rows, [w * 0.30, w * 0.30, w * 0.40], parts.grid(), repeatRows=1)
        return self._heading("Cách nộp, thời hạn và phí") + [table]

    def _papers(self, grouped: checklist.Checklist) -> list:
        """One table: a shaded row per section (the form, the common papers, each "Chỉ khi …"),
        a tick box per paper. One table rather than one per section, and plain text cells:
        issue 19 holds the handout to 3× a bare reportlab page."""
        st = self.st
        sections = checklist.sections(grouped)
        if not sections:
            return []
        rows: list[list] = []
        style: list[tuple] = [
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        said_only_when = False
        for title, papers, notes in sections:
            if title.startswith(checklist.CHI_KHI) and not said_only_when:
                said_only_when = True
                rows.append([Paragraph(f"<b>{esc(ONLY_WHEN)}</b>", st.cell), "", ""])
                style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
            rows.append([PlainText(title, st.cell_head), "", ""])
            style += [
                ("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), SHADE),
            ]
            for paper in papers:
                first, *more = _chunks(paper.text)
                rows.append(
                    [
                        PlainText(TICK, st.cell_center),
                        PlainText(first, st.cell),
                        PlainText(checklist.describe(paper), st.small),
                    ]
                )
                rows += [["", PlainText(chunk, st.cell), ""] for chunk in more]
            for note in notes:
                rows.append(["", PlainText(f"– {note}", st.small), ""])
        w = self.width
        widths = [w * 0.05, w * 0.77, w * 0.18]
        # Rows are never cut in two (a paper read across a page break is easily missed); a paper
        # longer than a page is several rows already (_chunks).
        table = parts.table(rows, widths, style)
        return self._heading("Giấy tờ cần mang") + [table]

    def _remarks(self, notes: list[str]) -> list:
        if not notes:
            return []
        # The remarks a little apart from each other: a dense block of legal text is not read.
        note = ParagraphStyle("note", parent=self.st.small, spaceAfter=self.st.base * 0.3)
        flow = self._heading(checklist.CITIZEN_NOTES)
        return flow + [PlainText(f"– {text}", note) for text in notes]


def _chunks(text: str, limit: int = CHUNK) -> list[str]:
    """The text in pieces of at most ``limit`` characters, cut at a line break or a space: the
    portal has papers of 5,000 characters (1.013742), taller than a page as one table row."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", limit // 2, limit)
        cut = cut if cut > 0 else text.rfind(" ", limit // 2, limit)
        cut = cut if cut > 0 else limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*pieces, text]


def go_online_text(online: bool) -> str:
    if online:
        return f"Được: trên {levels.PORTAL}"
    return "Cổng Dịch vụ công không ghi cách nộp trực tuyến"
