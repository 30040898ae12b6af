"""The request receipt (Phiếu tiếp nhận yêu cầu hỗ trợ): A5, or an 80 mm roll for receipt
printers, where the page is exactly as long as its content.

Takes the plain dict of `requests_log.get(db, id)`: the ID number arrives masked
(`requester_id_masked`); a raw `requester_id_number` is masked here, never printed whole."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from supportdesk.core import formats, vocab
from supportdesk.core.pdf import parts, slip
from supportdesk.core.pdf.styles import RULE, esc
from supportdesk.core.text import clean


def _value(request: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = clean(request.get(key) or "")
        if value:
            return value
    return ""


def staff(request: dict[str, Any]) -> str:
    """The assignee, else whoever logged the request (its first audit event)."""
    events = request.get("events") or []
    return _value(request, "assignee") or (clean(events[0].get("actor") or "") if events else "")


def masked_id(request: dict[str, Any]) -> str:
    return _value(request, "requester_id_masked") or formats.mask_id(
        request.get("requester_id_number")
    )


class Receipt(slip.Slip):
    def __init__(self, width: str = "a5"):
        super().__init__(width, roll_size=8.0, a5_size=9.5)
        # On the roll the title must stay on one line of 72 mm.
        size = self.st.base * (1.15 if self.roll else 1.4)
        self.title_style = ParagraphStyle(
            "receipt_title", parent=self.st.title_center, fontSize=size, leading=size * 1.25
        )

    def story(self, request: dict[str, Any], center: dict[str, Any]) -> list:
        st = self.st
        flow: list = []
        title = parts.center_title(center)
        if title:
            flow.append(Paragraph(esc(title.upper()), st.center_bold))
        for label, value in parts.contact_lines(center):
            if label:
                flow.append(Paragraph(f"{esc(label)}: {esc(value)}", st.center))
        flow += [
            Spacer(1, st.base * 0.8),
            Paragraph("PHIẾU TIẾP NHẬN YÊU CẦU HỖ TRỢ", self.title_style),
            Paragraph(f"Số phiếu: <b>{esc(_value(request, 'ticket'))}</b>", st.center),
            Spacer(1, st.base * 0.8),
            self._facts(request),
            Spacer(1, st.base * 0.8),
        ]
        due = formats.moment(request.get("due_at"))
        if due:
            flow.append(Paragraph(f"Hẹn trả lời: <b>{esc(due)}</b>", st.body))
        phone = clean(center.get("center_phone") or "")
        hint = "Xin giữ phiếu này và đọc số phiếu khi liên hệ lại"
        hint += f" (điện thoại {phone})." if phone else "."
        flow.append(Paragraph(esc(hint), st.small))
        if not self.roll:
            flow += [Spacer(1, st.base * 1.2), self._signatures(request)]
        return flow

    def _facts(self, request: dict[str, Any]):
        st = self.st
        kind = clean(request.get("requester_kind") or "")
        procedure = _value(request, "procedure_code")
        rows = [
            ("Tiếp nhận lúc", formats.moment(request.get("created_at"))),
            ("Người yêu cầu", _value(request, "requester_name")),
            ("Đối tượng", vocab.label(vocab.REQUESTER_KIND, kind)),
            ("Đơn vị", _value(request, "requester_unit")),
            ("Điện thoại", _value(request, "requester_phone")),
            ("Số định danh", masked_id(request)),
            ("Chủ đề", _value(request, "category_name", "category")),
            ("Thủ tục", procedure),
            ("Nội dung", _value(request, "summary")),
            ("Cán bộ tiếp nhận", staff(request)),
        ]
        data = [
            [Paragraph(esc(label), st.cell), Paragraph(esc(value), st.cell_head)]
            for label, value in rows
            if value
        ]
        label_width = self.width * (0.36 if self.roll else 0.3)
        return parts.table(
            data,
            [label_width, self.width - label_width],
            [*parts.FACTS, ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE)],
        )

    def _signatures(self, request: dict[str, Any]):
        st = self.st
        cells = [
            [Paragraph("<b>NGƯỜI YÊU CẦU</b><br/>(Ký, ghi rõ họ tên)", st.center)],
            [Paragraph("<b>CÁN BỘ TIẾP NHẬN</b><br/>(Ký, ghi rõ họ tên)", st.center)],
        ]
        names = ["", esc(staff(request))]
        rows = [
            [cells[0], cells[1]],
            [Spacer(1, st.base * 4), Spacer(1, st.base * 4)],
            [Paragraph(names[0], st.center_bold), Paragraph(names[1], st.center_bold)],
        ]
        return parts.table(rows, [self.width / 2] * 2, [("VALIGN", (0, 0), (-1, -1), "TOP")])


def render(
    request: dict[str, Any],
    center: dict[str, Any],
    width: str = "a5",
    printed: datetime | None = None,
) -> bytes:
    """A request receipt as PDF bytes; width 'a5' or '80mm'."""
    receipt = Receipt(width)
    return receipt.build(
        receipt.story(request, center),
        printed or formats.now_local(),
        title=f"Phiếu tiếp nhận {clean(request.get('ticket') or '')}",
        subject="Phiếu tiếp nhận yêu cầu hỗ trợ",
    )
