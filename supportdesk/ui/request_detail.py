"""One request: who, what, deadline, the event timeline and the status actions it allows."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from supportdesk.core.formats import local_time
from supportdesk.ui.request_model import status_label

# The status actions, each with its Alt-shortcut (listed by F1, see ui/help.py). "take_over"
# shares its place and key with "in_progress": it is what Nhận xử lý means on an escalated one.
ACTIONS = ("in_progress", "waiting", "escalated", "resolved", "closed", "reopen")
SHORTCUTS = {
    "in_progress": "Alt+N", "waiting": "Alt+C", "escalated": "Alt+U", "resolved": "Alt+G",
    "closed": "Alt+O", "reopen": "Alt+M", "print": "Alt+I",
}  # fmt: skip


class RequestDetail(QWidget):
    action_requested = Signal(str)  # one of ACTIONS
    print_requested = Signal()

    def __init__(self, db=None, parent=None, ctx=None):
        super().__init__(parent)
        self.db = db  # to name the procedure of a request
        self.request: dict | None = None
        self.kb_panel = None  # the knowledge base's part, when the detail has a store (issue 17)
        if ctx is not None:
            from supportdesk.ui.kb_request_panel import KbRequestPanel

            self.kb_panel = KbRequestPanel(ctx)
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
            button.clicked.connect(lambda _=False, k=key: self._clicked(k))
            self.buttons[key] = button
            grid.addWidget(button, i // 2, i % 2)  # two columns: the pane may be narrow
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_requested)
        grid.addWidget(self.print_button, 3, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.body, 1)
        if self.kb_panel is not None:
            layout.addWidget(self.kb_panel)
        self.retranslate()

    def _clicked(self, key: str) -> None:
        escalated = self.request is not None and self.request["status"] == "escalated"
        self.action_requested.emit("take_over" if key == "in_progress" and escalated else key)

    def labels(self) -> dict[str, str]:
        escalated = self.request is not None and self.request["status"] == "escalated"
        return {
            "in_progress": self.tr("&Nhận lại từ cấp trên…")
            if escalated
            else self.tr("&Nhận xử lý"),
            "waiting": self.tr("&Chờ người yêu cầu"),
            "escalated": self.tr("Ch&uyển cấp trên…"),
            "resolved": self.tr("Đã &giải quyết…"),
            "closed": self.tr("Đóng"),
            "reopen": self.tr("&Mở lại"),
            "print": self.tr("&In phiếu tiếp nhận"),
        }

    def retranslate(self) -> None:
        self.show_request(self.request)

    def _label_buttons(self) -> None:
        labels = self.labels()
        for key, button in [*self.buttons.items(), ("print", self.print_button)]:
            # The underlined letter where the label has it; the keys stay the same in every
            # language (F1 lists them), so the shortcut is set after the text, which resets it.
            button.setText(labels[key])
            button.setShortcut(QKeySequence(SHORTCUTS[key]))
            button.setToolTip(f"{labels[key].replace('&', '')} ({SHORTCUTS[key]})")

    def show_request(self, request: dict | None) -> None:
        from supportdesk.core.tickets.log import TRANSITIONS

        self.request = request
        self._label_buttons()
        allowed = TRANSITIONS.get(request["status"], set()) if request else set()
        for key, button in self.buttons.items():
            if key == "reopen":
                ok = bool(request) and request["status"] in ("resolved", "closed")
            else:
                ok = key in allowed and not (key == "in_progress" and request["status"] in
                                             ("resolved", "closed"))  # fmt: skip
            button.setEnabled(ok)
        self.print_button.setEnabled(request is not None)
        if self.kb_panel is not None:
            self.kb_panel.show_request(request)
        if request is None:
            self.title.setText(self.tr("Chọn một yêu cầu để xem chi tiết."))
            self.body.clear()
            return
        self.title.setText(f"{request['ticket']} · {status_label(request['status'])}")
        self.body.setHtml(self._html(request))

    def _procedure(self, code: str | None) -> str:
        """The code with the procedure's name, so that nobody has to look it up."""
        if not code or self.db is None:
            return code or ""
        from supportdesk.core import catalog

        found = catalog.get(self.db, code)
        return f"{code} — {found['name']}" if found else code

    def _event_label(self, e: dict) -> str:
        if e["action"] == "take_over":
            return self.tr("Nhận lại từ cấp trên")
        if e["action"] == "status" and e.get("to_status"):
            return status_label(e["to_status"])
        if e["action"] == "created":
            return self.tr("Tiếp nhận")
        labels = {"escalate": self.tr("Đổi nơi chuyển đến"), "assign": self.tr("Giao người xử lý"),
                  "edit": self.tr("Sửa thông tin"), "note": self.tr("Ghi chú")}  # fmt: skip
        return labels.get(e["action"], e["action"])

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
            row(self.tr("Thủ tục"), self._procedure(r.get("procedure_code"))),
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
        timeline = self.tr("Diễn biến")  # not inside the f-string: lupdate would miss it
        h.append(f"<h3>{escape(timeline)}</h3><ul>")
        for e in reversed(r.get("events") or []):
            what = self._event_label(e)
            note = f" — {escape(e['note'])}" if e.get("note") else ""
            h.append(
                f"<li>{escape(local_time(e['at'], with_year=True))} · {escape(e['actor'])}: "
                f"{escape(what)}{note}</li>"
            )
        h.append("</ul>")
        return "".join(h)
