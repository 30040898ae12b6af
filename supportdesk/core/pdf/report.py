"""The period report the team sends the commune leadership, laid out like an administrative
document (national header, place-and-date line, "Nơi nhận", signature), from the plain dict of
`stats.summarize(db, period)`. It carries no personal data: tickets, topics and summaries only."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, HRFlowable, KeepTogether, Paragraph, Spacer

from supportdesk.core import formats
from supportdesk.core.pdf import fonts, pages, parts
from supportdesk.core.pdf.styles import ACCENT, INK, MUTED, Styles, esc, styles
from supportdesk.core.text import clean

MARGINS = (18 * mm, 15 * mm, 18 * mm, 25 * mm)  # top, right, bottom, left (binding side wider)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
RECEIVED_COLOR = colors.HexColor("#9dc3e6")
RESOLVED_COLOR = ACCENT
CHART_MAX_ROWS = 15


def period_text(summary: dict[str, Any]) -> str:
    """'tháng 11 năm 2026', 'quý IV năm 2026', 'tuần 47 năm 2026 (từ 16/11 đến 22/11/2026)'."""
    kind = summary.get("period_type")
    period = clean(summary.get("period") or "")
    start = formats.local(summary.get("start"))
    end = formats.local(summary.get("end"))
    if start is None:
        return period
    if kind == "month":
        return f"tháng {start.month} năm {start.year}"
    if kind == "quarter":
        return f"quý {ROMAN[(start.month - 1) // 3 + 1]} năm {start.year}"
    if kind == "year":
        return f"năm {start.year}"
    if kind == "day":
        return f"ngày {formats.day(start)}"
    last = (end - timedelta(days=1)) if end else start
    span = f"từ {start.strftime('%d/%m')} đến {formats.day(last)}"
    return f"tuần {start.isocalendar().week} năm {start.year} ({span})" if kind == "week" else span


class Report:
    def __init__(self):
        self.st: Styles = styles(10.0)
        self.width = A4[0] - MARGINS[1] - MARGINS[3]

    def story(
        self, summary: dict[str, Any], center: dict[str, Any], signed: date, signer: str = ""
    ) -> list:
        st = self.st
        totals = summary.get("totals") or {}
        flow: list = [self._national_header(center, signed), Spacer(1, 8 * mm)]
        flow += [
            Paragraph("BÁO CÁO", st.title_center),
            Paragraph(
                f"<b>Kết quả hỗ trợ kỹ thuật {esc(period_text(summary))}</b>", st.center_bold
            ),
            HRFlowable(width="25%", thickness=0.6, color=INK, spaceBefore=5, spaceAfter=8),
        ]
        flow += self._totals(totals)
        flow += self._categories(summary.get("by_category") or [], totals)
        names = {c.get("category"): c.get("name") for c in summary.get("by_category") or []}
        overdue = summary.get("overdue")
        if overdue is not None:
            flow += self._list("III. Yêu cầu quá hạn chưa giải quyết", overdue, names, "due_at")
        flow += self._list(
            "IV. Vấn đề đã chuyển cấp trên"
            if overdue is not None
            else "III. Vấn đề đã chuyển cấp trên",
            summary.get("escalations") or [],
            names,
            "escalated_to",
        )
        flow += [Spacer(1, 6 * mm), KeepTogether([self._signature(center, signer)])]
        return flow

    # ---------------------------------------------------------------- blocks

    def _national_header(self, center: dict[str, Any], signed: date):
        st = self.st
        commune = clean(center.get("commune_name") or "")
        place = commune.removeprefix("xã ").removeprefix("phường ").removeprefix("đặc khu ")
        left = [
            Paragraph(esc(f"UBND {commune}".upper() if commune else "ỦY BAN NHÂN DÂN"), st.center),
            Paragraph("<b>TỔ HỖ TRỢ KỸ THUẬT</b>", st.center_bold),
            HRFlowable(width="40%", thickness=0.6, color=INK, spaceBefore=1),
        ]
        right = [
            Paragraph("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>", st.center_bold),
            Paragraph("<b>Độc lập – Tự do – Hạnh phúc</b>", st.center_bold),
            HRFlowable(width="62%", thickness=0.6, color=INK, spaceBefore=1, spaceAfter=6),
            Paragraph(f"<i>{esc(formats.long_date(signed, place))}</i>", st.center),
        ]
        w = self.width
        return parts.table(
            [[left, right]],
            [w * 0.4, w * 0.6],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # the rules sit centred under the names
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ],
        )

    def _totals(self, t: dict[str, Any]) -> list:
        st = self.st
        n = formats.number
        resolved, on_time = int(t.get("resolved") or 0), int(t.get("resolved_on_time") or 0)
        median = t.get("median_hours_to_resolve")
        lines = [
            f"Tiếp nhận: <b>{n(t.get('received') or 0)}</b> yêu cầu.",
            f"Đã giải quyết: <b>{n(resolved)}</b>, trong đó đúng hạn <b>{n(on_time)}</b>; "
            f"tỷ lệ đúng hạn <b>{formats.percent(on_time, resolved)}</b> "
            f"({n(on_time)}/{n(resolved)}).",
            f"Đang xử lý: <b>{n(t.get('open') or 0)}</b>, trong đó quá hạn "
            f"<b>{n(t.get('overdue') or 0)}</b>.",
            f"Chuyển cấp trên: <b>{n(t.get('escalated') or 0)}</b>.",
        ]
        if median is not None:
            lines.append(f"Thời gian giải quyết (trung vị): <b>{n(median, 1)}</b> giờ.")
        return [Paragraph("I. Tổng hợp chung", st.heading)] + [
            Paragraph(line, st.body, bulletText="–") for line in lines
        ]

    def _categories(self, rows: list[dict], totals: dict[str, Any]) -> list:
        st = self.st
        heads = ["TT", "Chủ đề", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Tỷ lệ đúng hạn",
                 "Đang xử lý", "Quá hạn", "Chuyển cấp trên"]  # fmt: skip
        data = [[Paragraph(h, st.cell_head_center) for h in heads]]

        def counts(c: dict) -> list:
            resolved, on_time = int(c.get("resolved") or 0), int(c.get("resolved_on_time") or 0)
            values = [c.get("received"), resolved, on_time, formats.percent(on_time, resolved),
                      c.get("open"), c.get("overdue"), c.get("escalated")]  # fmt: skip
            return [
                Paragraph(v if isinstance(v, str) else formats.number(v or 0), st.cell_center)
                for v in values
            ]

        for i, c in enumerate(rows, start=1):
            name = Paragraph(esc(c.get("name") or c.get("category")), st.cell)
            data.append([Paragraph(str(i), st.cell_center), name, *counts(c)])
        data.append(
            [Paragraph("", st.cell), Paragraph("<b>Tổng cộng</b>", st.cell), *counts(totals)]
        )
        w = self.width
        number_w = (w - w * 0.05 - w * 0.30) / 7
        table = parts.table(
            data,
            [w * 0.05, w * 0.30] + [number_w] * 7,
            parts.grid() + [("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f4f4f4"))],
            repeatRows=1,
        )
        flow = [CondPageBreak(40 * mm), Paragraph("II. Kết quả theo chủ đề", st.heading), table]
        chart = self._chart(rows)
        if chart is not None:
            flow += [Spacer(1, 4 * mm), CondPageBreak(chart.height + 10 * mm), chart]
        return flow

    def _chart(self, rows: list[dict]) -> Drawing | None:
        """Received and resolved per topic, busiest first; topics with nothing are left out."""
        shown = [r for r in rows if (r.get("received") or 0) or (r.get("resolved") or 0)]
        shown = sorted(shown, key=lambda r: -(r.get("received") or 0))[:CHART_MAX_ROWS]
        if not shown:
            return None
        shown.reverse()  # the chart draws its first category at the bottom
        row_h = 9 * mm
        label_w = 62 * mm
        height = len(shown) * row_h + 18 * mm
        drawing = Drawing(self.width, height)
        drawing.initialFontName = fonts.REGULAR
        chart = HorizontalBarChart()
        chart.x, chart.y = label_w, 14 * mm
        chart.width, chart.height = self.width - label_w - 6 * mm, len(shown) * row_h
        chart.data = [
            [int(r.get("received") or 0) for r in shown],
            [int(r.get("resolved") or 0) for r in shown],
        ]
        chart.bars[0].fillColor, chart.bars[1].fillColor = RECEIVED_COLOR, RESOLVED_COLOR
        chart.bars.strokeColor = None
        chart.barSpacing, chart.groupSpacing = 1, 6
        axis = chart.categoryAxis
        axis.categoryNames = [pages.fit(clean(r.get("name") or ""), fonts.REGULAR, 8, label_w - 8)
                              for r in shown]  # fmt: skip
        axis.labels.fontName, axis.labels.fontSize = fonts.REGULAR, 8
        axis.labels.boxAnchor, axis.labels.dx = "e", -4
        value_axis = chart.valueAxis
        value_axis.valueMin = 0
        value_axis.labels.fontName, value_axis.labels.fontSize = fonts.REGULAR, 8
        value_axis.labelTextFormat = lambda v: formats.number(v) if v == int(v) else ""
        value_axis.visibleGrid, value_axis.gridStrokeColor = True, colors.HexColor("#dddddd")
        chart.barLabels.fontName, chart.barLabels.fontSize = fonts.REGULAR, 7
        chart.barLabelFormat, chart.barLabels.boxAnchor, chart.barLabels.dx = "%d", "w", 2
        drawing.add(chart)
        legend = Legend()
        legend.fontName, legend.fontSize = fonts.REGULAR, 8
        legend.x, legend.y, legend.alignment = label_w, 5 * mm, "right"
        legend.columnMaximum, legend.deltax = 1, 90
        legend.colorNamePairs = [(RECEIVED_COLOR, "Tiếp nhận"), (RESOLVED_COLOR, "Đã giải quyết")]
        drawing.add(legend)
        return drawing

    def _list(self, heading: str, rows: list[dict], names: dict, last: str) -> list:
        st = self.st
        flow: list = [CondPageBreak(30 * mm), Paragraph(esc(heading), st.heading)]
        if not rows:
            return flow + [Paragraph("Không có.", st.body)]
        last_head = "Hạn xử lý" if last == "due_at" else "Chuyển đến"
        heads = ["Số phiếu", "Ngày nhận", "Chủ đề", "Nội dung", last_head, "Trạng thái"]
        small = ParagraphStyle("list_cell", parent=st.cell, fontSize=st.base * 0.82,
                               leading=st.base * 1.05)  # fmt: skip
        data = [[Paragraph(h, st.cell_head) for h in heads]]
        for r in rows:
            end = formats.day(r.get("due_at")) if last == "due_at" else r.get(last)
            status = r.get("status_label") or r.get("status")
            values = [r.get("ticket"), formats.day(r.get("created_at")),
                      names.get(r.get("category")) or r.get("category"), r.get("summary"),
                      end, status]  # fmt: skip
            data.append([Paragraph(esc(v), small) for v in values])
        w = self.width
        widths = [w * 0.21, w * 0.12, w * 0.16, w * 0.25, w * 0.14, w * 0.12]  # tickets unbroken
        return flow + [parts.table(data, widths, parts.grid(), repeatRows=1)]

    def _signature(self, center: dict[str, Any], signer: str):
        st = self.st
        commune = clean(center.get("commune_name") or "")
        recipients = [
            "<b><i>Nơi nhận:</i></b>",
            f"- UBND {esc(commune)} (để báo cáo);" if commune else "- UBND xã (để báo cáo);",
            "- Tổ hỗ trợ kỹ thuật tỉnh;",
            "- Lưu: VT.",
        ]
        left = [Paragraph(line, st.small) for line in recipients]
        right = [
            Paragraph("<b>TỔ TRƯỞNG</b>", st.center_bold),
            Paragraph("(Ký, ghi rõ họ tên)", st.center),
            Spacer(1, 20 * mm),
            Paragraph(f"<b>{esc(signer)}</b>", st.center_bold),
        ]
        w = self.width
        return parts.table(
            [[left, right]],
            [w * 0.5, w * 0.5],
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )

    def decorate(self, generated: datetime):
        base = self.st.base

        def draw(canvas: Canvas, page: pages.PageInfo) -> None:
            canvas.saveState()
            canvas.setFont(fonts.REGULAR, base * 0.75)
            canvas.setFillColor(MUTED)
            y = MARGINS[2] * 0.5
            stamp = f"Lập bằng SupportDesk lúc {generated.strftime('%H:%M %d/%m/%Y')}"
            canvas.drawString(MARGINS[3], y, stamp)
            canvas.drawRightString(page.width - MARGINS[1], y, page.label)
            canvas.restoreState()

        return draw


def render(
    summary: dict[str, Any],
    center: dict[str, Any],
    signed: date | None = None,
    signer: str = "",
    generated: datetime | None = None,
) -> bytes:
    """The period report as PDF bytes. `summary` is stats.summarize()'s dict, optionally with
    an `overdue` list ({ticket, created_at, category, summary, due_at, status_label})."""
    generated = generated or formats.now_local()
    report = Report()
    story = report.story(summary, center, signed or generated.date(), signer)
    return pages.build(
        story,
        A4,
        MARGINS,
        report.decorate(generated),
        title=f"Báo cáo kết quả hỗ trợ kỹ thuật {period_text(summary)}",
        subject="Báo cáo kết quả hỗ trợ kỹ thuật",
    )
