"""One request: who, what, deadline, the event timeline and the status actions it allows."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from supportdesk.core.formats import local_time
from supportdesk.ui.request_model import status_label

# action key -> status it moves to (None: escalation, which needs a target)
ACTIONS = ("in_progress", "waiting", "escalated", "resolved", "closed", "reopen")


class RequestDetail(QWidget):
    action_requested = Signal(str)  # one of ACTIONS
    print_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.request: dict | None = None
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setObjectName("requestBody")
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, key in enumerate(ACTIONS):
            button = QPushButton()
            button.setObjectName(f"action_{key}")
            button.clicked.connect(lambda _=False, k=key: self.action_requested.emit(k))
            self.buttons[key] = button
            grid.addWidget(button, i // 3, i % 3)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_requested)
        grid.addWidget(self.print_button, 2, 0, 1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.body, 1)
        self.retranslate()

    def retranslate(self) -> None:
        labels = {
            "in_progress": self.tr("Nhận xử lý"),
            "waiting": self.tr("Chờ người yêu cầu"),
            "escalated": self.tr("Chuyển cấp trên…"),
            "resolved": self.tr("Đã giải quyết…"),
            "closed": self.tr("Đóng"),
            "reopen": self.tr("Mở lại"),
        }
        for key, button in self.buttons.items():
            button.setText(labels[key])
        self.print_button.setText(self.tr("In phiếu tiếp nhận"))
        self.show_request(self.request)

    def show_request(self, request: dict | None) -> None:
        from supportdesk.core.tickets.log import TRANSITIONS

        self.request = request
        allowed = TRANSITIONS.get(request["status"], set()) if request else set()
        for key, button in self.buttons.items():
            if key == "reopen":
                ok = bool(request) and request["status"] in ("resolved", "closed")
            else:
                ok = key in allowed and not (key == "in_progress" and request["status"] in
                                             ("resolved", "closed"))  # fmt: skip
            button.setEnabled(ok)
        self.print_button.setEnabled(request is not None)
        if request is None:
            self.title.setText(self.tr("Chọn một yêu cầu để xem chi tiết."))
            self.body.clear()
            return
        self.title.setText(f"{request['ticket']} · {status_label(request['status'])}")
        self.body.setHtml(self._html(request))

    def _html(self, r: dict) -> str:
        def row(label: str, value) -> str:
            return f"<tr><td><b>{escape(label)}</b></td><td>{escape(str(value or '—'))}</td></tr>"

        due = local_time(r.get("due_at"), with_year=True)
        if r.get("overdue"):
            due += " — " + self.tr("QUÁ HẠN")
        rows = [
            row(self.tr("Người yêu cầu"), r.get("requester_name")),
            row(self.tr("Điện thoại"), r.get("requester_phone")),
            row(self.tr("Chủ đề"), r.get("category_name")),
            row(self.tr("Thủ tục"), r.get("procedure_code")),
            row(self.tr("Nội dung"), r.get("summary")),
            row(self.tr("Tiếp nhận"), local_time(r.get("created_at"), with_year=True)),
            row(self.tr("Hạn xử lý"), due),
            row(self.tr("Người xử lý"), r.get("assignee")),
        ]
        if r.get("escalated_to"):
            rows.append(row(self.tr("Chuyển đến"), r.get("escalated_to")))
        if r.get("resolution"):
            rows.append(row(self.tr("Kết quả"), r.get("resolution")))
        h = ["<table cellpadding='3'>", *rows, "</table>"]
        h.append(f"<h3>{escape(self.tr('Diễn biến'))}</h3><ul>")
        for e in reversed(r.get("events") or []):
            what = status_label(e["to_status"]) if e.get("to_status") else e["action"]
            note = f" — {escape(e['note'])}" if e.get("note") else ""
            h.append(
                f"<li>{escape(local_time(e['at'], with_year=True))} · {escape(e['actor'])}: "
                f"{escape(what)}{note}</li>"
            )
        h.append("</ul>")
        return "".join(h)
