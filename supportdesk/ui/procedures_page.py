"""Thủ tục: search the catalog as you type, filter, read a procedure and act on it."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from supportdesk.core import catalog, text
from supportdesk.core.catalog import question as catalog_question
from supportdesk.ui.context import AppContext
from supportdesk.ui.pages import BasePage
from supportdesk.ui.procedure_detail import ProcedureDetail
from supportdesk.ui.procedure_model import ProcedureTableModel, level_names
from supportdesk.ui.procedure_text import as_text, portal_url
from supportdesk.ui.views import row_table, select_row

RESULT_LIMIT = 100


MIN_QUERY_CHARS = 2  # one letter matches thousands of titles: slow, and no help to anyone
DETAIL_DELAY_MS = 250  # the first result opens once typing pauses, not on every key


def _search(db, query: str, level: str | None, field: str | None):
    if len(text.fold(query).replace(" ", "")) < MIN_QUERY_CHARS:
        return catalog.SearchResult([])
    return catalog.search(db, query, limit=RESULT_LIMIT, level=level, field=field)


class ProceduresPage(BasePage):
    """Search runs off the GUI thread, one at a time: while one runs, only the newest query
    waits, so typing never queues stale work and results follow the keyboard closely."""

    results_shown = Signal()
    log_request = Signal(dict)  # the procedure a request should be logged about
    print_handout = Signal(dict, object)  # procedure, ticked papers
    who_handles = Signal(dict)  # show the contacts who handle the procedure

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._alive = True
        self._running = False
        self._pending: tuple | None = None
        self._typed_at: float | None = None
        self._asked = "general"  # the part of a procedure the typed question asks for
        self.latencies_ms: list[float] = []
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self._open_first)
        self.query = QLineEdit()
        self.query.setObjectName("procedureQuery")
        self.query.setClearButtonEnabled(True)
        self.level = QComboBox()
        self.level.setObjectName("levelFilter")
        self.field = QComboBox()
        self.field.setObjectName("fieldFilter")
        self.field.setMinimumContentsLength(12)  # fits 1024×768; the list shows whole names
        self.field.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status = QLabel()
        self.status.setObjectName("procedureStatus")
        self.status.setProperty("role", "hint")
        self.status.setWordWrap(True)  # fits 1024×768
        self.model = ProcedureTableModel(self)
        self.table = row_table("procedureTable", self.model)
        self.table.setAlternatingRowColors(True)
        # Names wrap onto a second line: "Thủ tục đăng ký khai sinh có yếu tố nước ngoài" and its
        # siblings must not look alike (issue 16).
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        # Name (stretches), level (Xã, Tỉnh/Bộ: narrow), field, code.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 130)
        self.detail = ProcedureDetail()
        filters = QHBoxLayout()
        filters.addWidget(self.level, 1)
        filters.addWidget(self.field, 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.query)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 600])
        self._split = split
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.query.textChanged.connect(self._typed)
        self.query.returnPressed.connect(self._focus_results)
        self.level.currentIndexChanged.connect(self._typed)
        self.field.currentIndexChanged.connect(self._typed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail.copy_requested.connect(self.copy_current)
        self.detail.portal_requested.connect(self.open_portal)
        self.detail.log_requested.connect(self._log_current)
        self.detail.print_requested.connect(self._print_current)
        self.detail.who_requested.connect(
            lambda: self.detail.procedure and self.who_handles.emit(self.detail.procedure)
        )
        self.log_request.connect(lambda p: self.navigate.emit("new_request", p))
        self.who_handles.connect(lambda p: self.navigate.emit("who_handles", p))
        self.print_handout.connect(lambda p, _t: self.print_requested.emit("handout", p["code"]))
        self.fill_filters()
        self.retranslate()

    # ------------------------------------------------------------ wiring

    def retranslate(self) -> None:
        self.query.setPlaceholderText(
            self.tr(
                "Tìm thủ tục hoặc đặt câu hỏi: tên, mã số, từ viết tắt (không cần dấu) — Ctrl+F"
            )
        )
        self.level.setItemText(0, self.tr("Mọi cấp"))
        for i, name in enumerate(level_names().values(), start=1):
            self.level.setItemText(i, self.tr("Cấp {0}").replace("{0}", name.lower()))
        self.field.setItemText(0, self.tr("Mọi lĩnh vực"))
        self.detail.retranslate()
        self._show_status(None)

    def fill_filters(self) -> None:
        self.level.blockSignals(True)
        self.level.clear()
        self.level.addItem("", None)
        for key, name in level_names().items():
            self.level.addItem(name, key)
        self.level.blockSignals(False)
        self.field.blockSignals(True)
        self.field.clear()
        self.field.addItem("", None)
        for name in catalog.fields(self.ctx.db):
            self.field.addItem(name, name)
        self.field.blockSignals(False)

    def focus_search(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def _focus_results(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    # ------------------------------------------------------------ search

    def _typed(self, *_args) -> None:
        self._typed_at = time.perf_counter()
        self.search_now()

    def search_now(self) -> None:
        args = (self.query.text(), self.level.currentData(), self.field.currentData())
        if self._running:
            self._pending = args
            return
        self._run(args)

    def _run(self, args: tuple) -> None:
        self._running = True
        self.ctx.tasks.start(
            _search,
            *args,
            on_done=lambda result, args=args: self._done(args, result),
            on_error=self._failed,
        )

    def shutdown(self) -> None:
        """The window closes: late results and timers must not touch the closed store."""
        self._alive = False
        self._detail_timer.stop()

    def _done(self, args: tuple, result: catalog.SearchResult) -> None:
        self._running = False
        if not self._alive:
            return
        pending, self._pending = self._pending, None
        if pending is not None and pending != args:
            self._run(pending)
        current = (self.query.text(), self.level.currentData(), self.field.currentData())
        title = result.items[0]["name"] if result.items else ""
        self._asked = catalog_question.asked(args[0], title)
        self.model.set_items(result.items)
        short = len(text.fold(args[0]).replace(" ", "")) < MIN_QUERY_CHARS
        self._show_status(None if short else result)
        if args == current and self._typed_at is not None:
            self.latencies_ms.append((time.perf_counter() - self._typed_at) * 1000)
            self._typed_at = None
        if args == current:
            self._detail_timer.start()
            self.results_shown.emit()

    def _open_first(self) -> None:
        if not self._alive:
            return
        if self.model.rowCount():
            select_row(self.table, 0)
        else:
            self.detail.show_procedure(None)

    def _failed(self, message: str) -> None:
        self._running = False
        self.status.setText(self.tr("Lỗi khi tìm: {0}").replace("{0}", message))
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._run(pending)

    def _show_status(self, result: catalog.SearchResult | None) -> None:
        if result is None:
            total = catalog.count(self.ctx.db)
            text = self.tr("Gõ để tìm trong {0} thủ tục hành chính.").replace("{0}", str(total))
        elif not result.items:
            text = self.tr("Không tìm thấy thủ tục nào. Thử từ khác hoặc bỏ bớt bộ lọc.")
        elif result.corrections:
            fixed = ", ".join(f"“{c.said}” → “{c.used}”" for c in result.corrections)
            text = self.tr("Đã sửa chính tả {0} — kết quả gần đúng:").replace("{0}", fixed)
        elif result.approximate:
            text = self.tr("Không tìm thấy chính xác — kết quả gần đúng:")
        else:
            text = self.tr("{0} kết quả").replace("{0}", str(len(result.items)))
        self.status.setText(text)

    # ------------------------------------------------------------ detail and actions

    def _row_changed(self, current, _previous) -> None:
        code = self.model.code_at(current.row())
        self.detail.show_procedure(catalog.get(self.ctx.db, code) if code else None)
        self.detail.show_asked(self._asked)

    def open_item(self, kind: str, key: object) -> None:
        self.show_code(str(key))

    def print_current(self) -> None:
        self._print_current()

    def show_code(self, code: str) -> None:
        """Open one procedure (from quick search or a request): search its code and select it."""
        self.query.setText(code)

    def copy_current(self) -> None:
        if self.detail.procedure:
            text = as_text(self.detail.procedure, self.detail.ticked())
            QGuiApplication.clipboard().setText(text)
            self.status.setText(self.tr("Đã sao chép nội dung thủ tục."))

    def open_portal(self) -> None:
        if self.detail.procedure:
            QDesktopServices.openUrl(QUrl(portal_url(self.detail.procedure)))

    def _log_current(self) -> None:
        if self.detail.procedure:
            self.log_request.emit(self.detail.procedure)

    def _print_current(self) -> None:
        if self.detail.procedure:
            self.print_handout.emit(self.detail.procedure, self.detail.ticked())
