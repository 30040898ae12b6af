"""Yêu cầu hỗ trợ: quick intake, the lazily paged list with filters, detail and status actions."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
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

from supportdesk.core.calendar import TZ
from supportdesk.ui.context import AppContext
from supportdesk.ui.pages import BasePage
from supportdesk.ui.request_detail import RequestDetail
from supportdesk.ui.request_model import RequestTableModel
from supportdesk.ui.views import row_table, select_row

if TYPE_CHECKING:
    from supportdesk.ui.intake import IntakePanel

VIEWS = ("open", "today", "overdue", "due_soon", "escalated", "done", "all")


class RequestsPage(BasePage):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        from supportdesk.core.tickets import categories

        self._intake: IntakePanel | None = None  # built on first Ctrl+N: not on the first screen
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
        self.category.setMinimumContentsLength(10)
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.query.setMinimumWidth(160)
        self.mine = QComboBox()
        self.mine.setObjectName("requestAssignee")
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        self.notice = QLabel()  # "Đã lưu yêu cầu HT-2026-000123": what the last save gave
        self.notice.setObjectName("savedNotice")
        self.notice.setWordWrap(True)  # never widens the window
        self.notice.setProperty("role", "title")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = RequestTableModel(ctx.db, categories.names(ctx.db), self, tasks=ctx.tasks)
        self.table = row_table("requestTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        stamp = fm.horizontalAdvance("00/00 00:00") + 18  # dates must never be cut
        ticket = fm.horizontalAdvance("00000-0000-000000") + 18
        for col, width in ((0, ticket), (1, stamp), (2, 140), (3, 120), (5, 110), (6, stamp),
                           (7, 110)):  # fmt: skip
            header.resizeSection(col, width)
        # The summary, which may be cut, goes last: status and due time stay in sight.
        header.moveSection(header.visualIndex(4), self.model.columnCount() - 1)
        self.detail = RequestDetail(ctx.db, ctx=ctx)
        bar = QHBoxLayout()  # two rows: fits 1024×768
        bar.addWidget(self.new_button)
        bar.addWidget(self.query, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.view, 1)
        filters.addWidget(self.category, 1)
        filters.addWidget(self.mine, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self._left_layout = left_layout  # the intake form goes on top when first opened
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.notice)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setSizes([860, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(lambda: self.new_request())
        self.query.textChanged.connect(self.reload)
        self.view.currentIndexChanged.connect(self.reload)
        self.category.currentIndexChanged.connect(self.reload)
        self.mine.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail.action_requested.connect(self.act)
        self.detail.print_requested.connect(self._print)
        self.retranslate()
        self.reload()

    @property
    def intake(self) -> IntakePanel:
        """The intake form, above the list; made the first time it is asked for."""
        if self._intake is None:
            from supportdesk.ui.intake import IntakePanel

            self._intake = IntakePanel(self.ctx)
            self._intake.hide()
            self._intake.saved.connect(self._saved)
            self._intake.cancelled.connect(self.table.setFocus)
            self._left_layout.insertWidget(0, self._intake)
        return self._intake

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("Ghi yêu cầu mới (Ctrl+N)"))
        self.query.setPlaceholderText(self.tr("Tìm: tên, số điện thoại, số phiếu, nội dung…"))
        labels = {
            "open": self.tr("Đang mở"),
            "today": self.tr("Hôm nay"),
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
        if self._intake is not None:
            self._intake.retranslate()
        self._show_count()

    def filters(self) -> dict:
        view = self.view.currentData()
        f: dict = {"query": self.query.text()}
        if view == "open":
            f["open_only"] = True
        elif view == "today":
            f["created_from"] = datetime.now(TZ).date()
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
        self.count.setText(self.tr("%n yêu cầu", "", total))

    def _current_id(self) -> int | None:
        return self.model.id_at(self.table.currentIndex().row())

    def _row_changed(self, current, _previous) -> None:
        from supportdesk.core import tickets

        request_id = self.model.id_at(current.row())
        self.detail.show_request(tickets.get(self.ctx.db, request_id) if request_id else None)

    # ------------------------------------------------------------ the Page protocol

    def focus_search(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def print_current(self) -> None:
        if self.detail.request:
            self.print_requested.emit("receipt", self.detail.request["id"])

    def open_item(self, kind: str, key: object) -> None:
        if kind == "new_request":
            self.new_request(key if isinstance(key, dict) else None)
        else:
            self.open_request(key)

    def shutdown(self) -> None:
        if self._intake is not None and self._intake.isVisible():
            self._intake.keep_draft()

    # ------------------------------------------------------------ commands

    def new_request(self, procedure: dict | None = None) -> None:
        self.notice.clear()
        self.intake.start(procedure)

    def fill_example(self) -> None:
        self.intake.fill_example()

    def open_request(self, request_id) -> None:
        self.view.setCurrentIndex(VIEWS.index("all"))
        self.query.clear()
        self.reload(select=int(request_id))

    def _saved(self, request: dict) -> None:
        """Announce the ticket and keep the new request in sight: selected in the list, which
        switches to today's requests when the current view would not show it."""
        self.query.clear()
        self.reload(select=request["id"])
        if self.model.row_of(request["id"]) < 0:
            for combo in (self.category, self.mine):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.view.blockSignals(True)
            self.view.setCurrentIndex(VIEWS.index("today"))
            self.view.blockSignals(False)
            self.reload(select=request["id"])
        if self.model.row_of(request["id"]) < 0:  # logged with an earlier date: show it anyway
            self.detail.show_request(request)
        if request["status"] == "resolved":
            said = self.tr("Đã lưu yêu cầu {0} (đã giải quyết tại quầy).")
        else:
            said = self.tr("Đã lưu yêu cầu {0}.")
        said = said.replace("{0}", request["ticket"])
        self.notice.setText(said)
        self.message.emit(said)
        self.ctx.changes.notify("requests")
        self.table.setFocus()

    def act(self, action: str) -> None:
        from supportdesk.core import tickets

        request = self.detail.request
        if request is None:
            return
        kwargs: dict = {}
        if action == "take_over":
            self._take_over(request)
            return
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
        self._change(request, tickets.update, **kwargs)

    def _take_over(self, request: dict) -> None:
        """An escalated request comes back to the commune: asked, and recorded as its own step."""
        from supportdesk.core import tickets

        note, ok = QInputDialog.getText(
            self, self.tr("Nhận lại từ cấp trên"),
            self.tr("Yêu cầu {0} đã chuyển đến: {1}.\nNhận lại để {2} xử lý tại xã? "
                    "Ghi lý do (không bắt buộc):")
            .replace("{0}", request["ticket"]).replace("{1}", request.get("escalated_to") or "")
            .replace("{2}", self.ctx.operator),
        )  # fmt: skip
        if ok:
            self._change(request, tickets.take_over, note=note or None)

    def _change(self, request: dict, change, **kwargs) -> None:
        from supportdesk.core import tickets

        try:
            change(self.ctx.db, request["id"], actor=self.ctx.operator or "?", **kwargs)
        except tickets.RequestError as exc:
            self.message.emit(str(exc))
            return
        self.reload(select=request["id"])
        if self.model.row_of(request["id"]) < 0:  # left the current view: keep it in sight
            self.table.clearSelection()
            self.detail.show_request(tickets.get(self.ctx.db, request["id"]))
        self.ctx.changes.notify("requests")

    def _print(self) -> None:
        self.print_current()
