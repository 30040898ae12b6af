"""One procedure: tickable checklist of papers per case, methods and fees, agencies, legal basis."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from supportdesk.core.catalog import answer as catalog_answer
from supportdesk.core.catalog import checklist, levels
from supportdesk.ui.checklist import ChecklistWidget

# Where the part a question asks for is in the information pane (anchors of _info_html).
ASKED_ANCHORS = {
    "fee": "methods",
    "time": "methods",
    "where": "executing_agency",
    "conditions": "conditions",
    "result": "result",
}
ANSWER_LINES = 8  # the part asked, shown above the detail; the whole part is further down


class ProcedureDetail(QWidget):
    copy_requested = Signal()
    print_requested = Signal()
    log_requested = Signal()
    portal_requested = Signal()
    who_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.procedure: dict | None = None
        self._ticks: dict[str, set[tuple[int, int]]] = {}  # kept while the app runs
        self.title = QLabel()
        self.title.setObjectName("procedureTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setProperty("role", "hint")
        self.answer = QLabel()  # the part a question asked for, first
        self.answer.setObjectName("procedureAnswer")
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer.setStyleSheet(
            "QLabel { background: #fff7d6; border: 1px solid #e0c76b; padding: 6px; }"
        )
        self.answer.hide()
        self.asked = "general"
        # For a procedure the commune does not decide: where to go, said before anything else.
        self.where = QLabel()
        self.where.setObjectName("whereToGo")
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setStyleSheet(
            "QLabel { background: #fff3cd; color: #1a1a1a; border: 1px solid #c9a227;"
            " padding: 4px; }"
        )
        self.copy_button = QPushButton()
        self.print_button = QPushButton()
        self.log_button = QPushButton()
        self.portal_button = QPushButton()
        self.clear_button = QPushButton()
        self.who_button = QPushButton()
        self.who_button.setObjectName("whoHandles")
        buttons = QGridLayout()
        buttons.addWidget(self.print_button, 0, 0)
        buttons.addWidget(self.copy_button, 0, 1)
        buttons.addWidget(self.log_button, 1, 0)
        buttons.addWidget(self.portal_button, 1, 1)
        buttons.addWidget(self.who_button, 2, 0, 1, 2)  # a third row: fits 1024×768
        self.checklist = ChecklistWidget()
        self.checklist.setObjectName("checklist")
        self.checklist.changed.connect(self._ticked)
        self.info = QTextBrowser()
        self.info.setObjectName("procedureInfo")
        self.info.setOpenExternalLinks(True)
        self.checklist_label = QLabel()
        self.checklist_label.setProperty("role", "title")
        self.checklist_label.setWordWrap(True)  # fits 1024×768
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.checklist_label, 1)
        head.addWidget(self.clear_button)
        top_layout.addLayout(head)
        top_layout.addWidget(self.checklist)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.info)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.where)
        layout.addWidget(self.answer)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.copy_button.clicked.connect(self.copy_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.log_button.clicked.connect(self.log_requested)
        self.portal_button.clicked.connect(self.portal_requested)
        self.clear_button.clicked.connect(self.clear_ticks)
        self.who_button.clicked.connect(self.who_requested)
        self.retranslate()
        self.show_procedure(None)

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Sao chép nội dung"))
        self.print_button.setText(self.tr("In hướng dẫn (Ctrl+P)"))
        self.log_button.setText(self.tr("Ghi yêu cầu về thủ tục này"))
        self.portal_button.setText(self.tr("Mở trên Cổng DVC"))
        self.clear_button.setText(self.tr("Bỏ đánh dấu"))
        self.who_button.setText(self.tr("Ai phụ trách?"))
        self.checklist_label.setText(self.tr("Hồ sơ cần chuẩn bị (đánh dấu giấy tờ đã có):"))
        self.show_procedure(self.procedure)

    def ticked(self) -> set[tuple[int, int]]:
        return set(self._ticks.get(self.procedure["code"], set())) if self.procedure else set()

    def clear_ticks(self) -> None:
        if self.procedure:
            self._ticks.pop(self.procedure["code"], None)
            self.show_procedure(self.procedure)

    def show_asked(self, kind: str) -> None:
        """Open the detail at the part a question asks for (catalog.question.asked): that part
        first, above everything, and the information pane scrolled to it."""
        self.asked = kind
        if self.procedure is None or kind == "general":
            self.answer.hide()
            return
        if kind in ASKED_ANCHORS:
            self.info.scrollToAnchor(ASKED_ANCHORS[kind])
        if kind == "where" and "xa" not in (self.procedure.get("levels") or []):
            self.answer.hide()  # the banner of a procedure not done here already says where
            return
        lines = catalog_answer.part(self.procedure, kind)
        if kind == "papers":
            lines = [self.tr("Đánh dấu giấy tờ đã có trong danh sách bên dưới.")]
        more = len(lines) > ANSWER_LINES
        shown = [escape(line) for line in lines[:ANSWER_LINES]] + (["…"] if more else [])
        heading = escape(QCoreApplication.translate("vocab", catalog_answer.HEADINGS[kind]))
        self.answer.setText(f"<b>{heading}</b><br>" + "<br>".join(shown))
        self.answer.show()

    def show_procedure(self, procedure: dict | None) -> None:
        self.procedure = procedure
        self.answer.hide()
        buttons = (self.copy_button, self.print_button, self.log_button, self.portal_button,
                   self.who_button)  # fmt: skip
        for b in buttons:
            b.setEnabled(procedure is not None)
        self.clear_button.setEnabled(procedure is not None)
        if procedure is None:
            self.title.setText(self.tr("Chọn một thủ tục trong danh sách để xem chi tiết."))
            self.subtitle.setText("")
            self.where.hide()
            self.checklist.fill(None, set(), "")
            self.info.clear()
            return
        self.title.setText(procedure["name"])
        parts = [self.tr("Mã số {0}").replace("{0}", procedure["code"]), levels.label(procedure)]
        parts += [procedure["field"]] if procedure.get("field") else []
        self.subtitle.setText(" · ".join(parts))
        self._show_where(procedure)
        self._fill_checklist(procedure)
        self.info.setHtml(self._info_html(procedure))

    def _show_where(self, procedure: dict) -> None:
        go = levels.where_to_go(procedure)
        self.where.setVisible(go is not None)
        if go is None:
            self.where.clear()
            return
        rows = "".join(
            f"<br><b>{escape(label)}:</b> {escape(value).replace(chr(10), '<br>')}"
            for label, value in go.lines()
        )
        self.where.setText(f"<b>{escape(levels.not_here(procedure))}</b>{rows}")

    def _fill_checklist(self, procedure: dict) -> None:
        self.checklist.fill(
            checklist.group_dossier(procedure.get("dossier") or []),
            self._ticks.get(procedure["code"], set()),
            self.tr("Danh mục chưa có thành phần hồ sơ của thủ tục này."),
        )

    def _ticked(self) -> None:
        if self.procedure is not None:
            self._ticks[self.procedure["code"]] = self.checklist.ticked()

    def _info_html(self, p: dict) -> str:
        h: list[str] = []

        def section(title: str, anchor: str = "") -> None:
            mark = f"<a name='{anchor}'></a>" if anchor else ""
            h.append(f"<h3 style='color:#1f3b57'>{mark}{escape(title)}</h3>")

        def para(value: str) -> None:
            h.append("<p>" + escape(value).replace("\n", "<br>") + "</p>")

        if p.get("methods"):
            section(self.tr("Cách thức thực hiện, thời hạn và phí"), "methods")
            h.append("<table cellpadding='4' border='1' style='border-collapse:collapse'>")
            h.append(
                "<tr><th>{}</th><th>{}</th><th>{}</th></tr>".format(
                    escape(self.tr("Hình thức nộp")),
                    escape(self.tr("Thời hạn giải quyết")),
                    escape(self.tr("Phí, lệ phí")),
                )
            )
            for cells in checklist.methods_rows(p["methods"]):
                h.append("<tr>" + "".join(f"<td>{escape(c or '—')}</td>" for c in cells) + "</tr>")
            h.append("</table>")
        for title, key in [
            (self.tr("Cơ quan thực hiện"), "executing_agency"),
            (self.tr("Cơ quan có thẩm quyền"), "competent_agency"),
            (self.tr("Địa chỉ tiếp nhận hồ sơ"), "receiving_address"),
            (self.tr("Đối tượng thực hiện"), "target_groups"),
            (self.tr("Điều kiện thực hiện"), "conditions"),
            (self.tr("Kết quả thực hiện"), "result"),
            (self.tr("Trình tự thực hiện"), "steps"),
        ]:
            value = p.get(key)
            if isinstance(value, list):
                value = ", ".join(value)
            if value:
                section(title, key)
                para(value)
        if p.get("legal_basis"):
            section(self.tr("Căn cứ pháp lý"))
            h.append("<ul>")
            for law in p["legal_basis"]:
                number = f"<b>{escape(law['number'])}</b> — " if law.get("number") else ""
                h.append(f"<li>{number}{escape(law.get('title', ''))}</li>")
            h.append("</ul>")
        if not p.get("has_details"):
            h.append(
                "<p><i>{}</i></p>".format(
                    escape(
                        self.tr(
                            "Danh mục mới có tên và lĩnh vực của thủ tục này; "
                            "xem đầy đủ trên Cổng Dịch vụ công quốc gia."
                        )
                    )
                )
            )
        return "".join(h)
