"""Yêu cầu hỗ trợ: quick intake, the lazily paged list with filters, detail and status actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from supportdesk.ui.context import AppContext
from supportdesk.ui.intake import IntakePanel
from supportdesk.ui.request_detail import RequestDetail
from supportdesk.ui.request_model import RequestTableModel
from supportdesk.ui.views import row_table, select_row

VIEWS = ("open", "overdue", "due_soon", "escalated", "done", "all")


class RequestsPage(QWidget):
    changed = Signal()  # a request was added or changed (dashboard, status bar refresh)
    print_receipt = Signal(int)

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        from supportdesk.core.tickets import categories

        self.ctx = ctx
        self.intake = IntakePanel(ctx)
        self.intake.hide()
        self.new_button = QPushButton()
        self.new_button.setProperty("role", "primary")
        self.query = QLineEdit()
        self.query.setObjectName("requestQuery")
        self.query.setClearButtonEnabled(True)
        self.view = QComboBox()
        self.view.setObjectName("requestView")
        for key in VIEWS:
            self.view.addItem("", key)
        self.category = QComboBox()
        self.category.setObjectName("requestCategory")
        self.category.addItem("", None)
        for c in categories.all_categories(ctx.db):
            self.category.addItem(c["name"], c["code"])
        self.category.setMinimumContentsLength(14)
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.query.setMinimumWidth(260)
        self.mine = QComboBox()
        self.mine.setObjectName("requestAssignee")
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        self.model = RequestTableModel(ctx.db, categories.names(ctx.db), self)
        self.table = row_table("requestTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        stamp = fm.horizontalAdvance("00/00 00:00") + 18  # dates must never be cut
        ticket = fm.horizontalAdvance("00000-0000-000000") + 18
        for col, width in ((0, ticket), (1, stamp), (2, 150), (3, 130), (5, 110), (6, stamp),
                           (7, 120)):  # fmt: skip
            header.resizeSection(col, width)
        self.detail = RequestDetail()
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.query, 3)
        bar.addWidget(self.view, 1)
        bar.addWidget(self.category, 1)
        bar.addWidget(self.mine, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.intake)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setSizes([860, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(lambda: self.new_request())
        self.query.textChanged.connect(self.reload)
        self.view.currentIndexChanged.connect(self.reload)
        self.category.currentIndexChanged.connect(self.reload)
        self.mine.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.intake.saved.connect(self._saved)
        self.intake.cancelled.connect(self.table.setFocus)
        self.detail.action_requested.connect(self.act)
        self.detail.print_requested.connect(self._print)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("Ghi yêu cầu mới (Ctrl+N)"))
        self.query.setPlaceholderText(self.tr("Tìm: tên, số điện thoại, số phiếu, nội dung…"))
        labels = {
            "open": self.tr("Đang mở"),
            "overdue": self.tr("Quá hạn"),
            "due_soon": self.tr("Sắp đến hạn"),
            "escalated": self.tr("Đã chuyển cấp trên"),
            "done": self.tr("Đã giải quyết"),
            "all": self.tr("Tất cả"),
        }
        for i, key in enumerate(VIEWS):
            self.view.setItemText(i, labels[key])
        self.category.setItemText(0, self.tr("Mọi chủ đề"))
        self.mine.blockSignals(True)
        current = self.mine.currentData()
        self.mine.clear()
        self.mine.addItem(self.tr("Mọi người xử lý"), None)
        for name in self.ctx.team:
            self.mine.addItem(name, name)
        self.mine.setCurrentIndex(max(0, self.mine.findData(current)))
        self.mine.blockSignals(False)
        self.detail.retranslate()
        self._show_count()

    def filters(self) -> dict:
        view = self.view.currentData()
        f: dict = {"query": self.query.text()}
        if view == "open":
            f["open_only"] = True
        elif view == "overdue":
            f["overdue"] = True
        elif view == "due_soon":
            f["due_soon"] = True
        elif view == "escalated":
            f["escalated"] = True
        elif view == "done":
            f["status"] = ("resolved", "closed")
        if self.category.currentData():
            f["category"] = self.category.currentData()
        if self.mine.currentData():
            f["assignee"] = self.mine.currentData()
        return f

    def reload(self, *_args, select: int | None = None) -> None:
        current = select if select is not None else self._current_id()
        self.model.reload(self.filters())
        self._show_count()
        row = self.model.row_of(current) if current is not None else -1
        if row < 0 and self.model.rowCount() and select is None:
            row = 0
        if row >= 0:
            select_row(self.table, row)
        else:
            self.detail.show_request(None)

    def _show_count(self) -> None:
        from supportdesk.core import tickets

        total = tickets.count(self.ctx.db, self.filters())
        self.count.setText(self.tr("{0} yêu cầu").replace("{0}", str(total)))

    def _current_id(self) -> int | None:
        return self.model.id_at(self.table.currentIndex().row())

    def _row_changed(self, current, _previous) -> None:
        from supportdesk.core import tickets

        request_id = self.model.id_at(current.row())
        self.detail.show_request(tickets.get(self.ctx.db, request_id) if request_id else None)

    # ------------------------------------------------------------ commands

    def focus_search(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def new_request(self, procedure: dict | None = None) -> None:
        self.intake.start(procedure)

    def fill_example(self) -> None:
        self.intake.fill_example()

    def open_request(self, request_id) -> None:
        self.view.setCurrentIndex(VIEWS.index("all"))
        self.query.clear()
        self.reload(select=int(request_id))

    def _saved(self, request: dict) -> None:
        self.query.clear()
        self.reload(select=request["id"])
        if self.model.row_of(request["id"]) < 0:  # resolved at the counter: not an open one
            self.detail.show_request(request)
        self.changed.emit()
        self.table.setFocus()

    def act(self, action: str) -> None:
        from supportdesk.core import tickets

        request = self.detail.request
        if request is None:
            return
        kwargs: dict = {}
        if action == "escalated":
            from supportdesk.ui.escalation import EscalationDialog

            target = EscalationDialog.ask(self.ctx, self, request.get("procedure_code"))
            if not target:
                return
            kwargs["escalate_to"] = target
        elif action == "resolved":
            note, ok = QInputDialog.getText(
                self, self.tr("Đã giải quyết"), self.tr("Kết quả giải quyết:")
            )
            if not ok:
                return
            kwargs.update(status="resolved", note=note or None)
        else:
            kwargs["status"] = "in_progress" if action == "reopen" else action
            if action == "in_progress" and not request.get("assignee"):
                kwargs["fields"] = {"assignee": self.ctx.operator}
        try:
            tickets.update(self.ctx.db, request["id"], actor=self.ctx.operator or "?",
                                **kwargs)  # fmt: skip
        except tickets.RequestError as exc:
            self.window().statusBar().showMessage(str(exc), 8000)
            return
        self.reload(select=request["id"])
        if self.model.row_of(request["id"]) < 0:  # left the current view: keep it in sight
            self.table.clearSelection()
            self.detail.show_request(tickets.get(self.ctx.db, request["id"]))
        self.changed.emit()

    def _print(self) -> None:
        if self.detail.request:
            self.print_receipt.emit(self.detail.request["id"])
