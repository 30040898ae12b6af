"""Tổng hợp: any period (today, this week, this or last month, any month, quarter, year, a range
of days) — counts, on-time rate, overdue requests, requests by topic and the load of each team
member, from core.tickets.stats.summarize in a background task."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.core import formats
from supportdesk.core.formats import local_time
from supportdesk.ui.bar_chart import BarChart
from supportdesk.ui.context import AppContext
from supportdesk.ui.pages import BasePage
from supportdesk.ui.period_picker import PeriodPicker, period_id, period_text

__all__ = ["DashboardPage", "on_time_text", "period_id"]
OVERDUE_LIMIT = 50


def on_time_text(on_time: int, resolved: int) -> tuple[str, str]:
    """('98,8%', '1.247/1.250'): the rate, big on its card, and its counts in small type under
    it, in the number format of the UI language. A province's counts beside the rate in big type
    would widen the window beyond a small screen."""
    locale = QLocale()
    rate = formats.percent(on_time, resolved, decimal=locale.decimalPoint())
    return rate, f"{locale.toString(on_time)}/{locale.toString(resolved)}"


def load_dashboard(db, period: str) -> dict:
    """Run in a task: the period summary and the requests overdue now."""
    from supportdesk.core import tickets
    from supportdesk.core.tickets import stats

    overdue = tickets.page(db, {"overdue": True}, limit=OVERDUE_LIMIT)
    return {"summary": stats.summarize(db, period), "overdue": overdue}


class DashboardPage(BasePage):
    loaded = Signal(dict)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.data: dict | None = None
        self._loading = False
        self._again = False
        self.picker = PeriodPicker()
        self.period = self.picker.kind
        self.period_label = QLabel()
        self.period_label.setProperty("role", "hint")
        self.period_label.setWordWrap(True)
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        self.cards: dict[str, QLabel] = {}
        self.card_titles: dict[str, QLabel] = {}
        cards = QGridLayout()
        for i, key in enumerate(("received", "resolved", "on_time", "overdue", "escalated")):
            frame = QFrame()
            frame.setObjectName("card")
            frame.setStyleSheet("QFrame#card { background: #f5f7fa; border: 1px solid #d8dde3;"
                                " border-radius: 6px; }")  # fmt: skip
            box = QVBoxLayout(frame)
            title, value = QLabel(), QLabel("—")
            title.setProperty("role", "hint")
            value.setObjectName(f"card_{key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.8)
            font.setBold(True)
            value.setFont(font)
            box.addWidget(title)
            box.addWidget(value)
            self.cards[key], self.card_titles[key] = value, title
            cards.addWidget(frame, 0, i)
        self.on_time_counts = QLabel()  # under the rate: "247/250"
        self.on_time_counts.setObjectName("card_on_time_counts")
        self.on_time_counts.setProperty("role", "hint")
        self.cards["on_time"].parentWidget().layout().addWidget(self.on_time_counts)
        self.chart = BarChart()
        self.chart_title = QLabel()
        self.chart_title.setProperty("role", "title")
        self.overdue_title = QLabel()
        self.overdue_title.setProperty("role", "title")
        self.overdue = QListWidget()
        self.overdue.setObjectName("overdueList")
        self.overdue.setWordWrap(True)
        self.overdue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.team_title = QLabel()
        self.team_title.setProperty("role", "title")
        self.team = QTableWidget(0, 3)
        self.team.setObjectName("teamLoad")
        self.team.verticalHeader().hide()
        self.team.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.team.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        bar = QHBoxLayout()
        bar.addWidget(self.picker)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addWidget(self.chart_title)
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        chart_scroll.setWidget(self.chart)
        left.addWidget(chart_scroll, 3)
        left.addWidget(self.team_title)
        left.addWidget(self.team, 2)
        right = QVBoxLayout()
        right.addWidget(self.overdue_title)
        right.addWidget(self.overdue, 1)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        # On its own line: a range ("01/02–17/02/2026") beside the range's two date boxes made
        # the window wider than a small screen.
        layout.addWidget(self.period_label)
        layout.addLayout(cards)
        layout.addLayout(body, 1)
        self.picker.changed.connect(self.refresh)
        self.print_button.clicked.connect(self.print_current)
        self.save_button.clicked.connect(lambda: self.save_report())
        self.overdue.itemActivated.connect(
            lambda item: self.navigate.emit("request", item.data(Qt.ItemDataRole.UserRole))
        )
        ctx.changes.changed.connect(self._data_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.picker.retranslate()
        self.print_button.setText(self.tr("In báo cáo"))
        self.save_button.setText(self.tr("Lưu báo cáo PDF…"))
        titles = {"received": self.tr("Tiếp nhận"), "resolved": self.tr("Đã giải quyết"),
                  "on_time": self.tr("Đúng hạn"), "overdue": self.tr("Đang quá hạn"),
                  "escalated": self.tr("Chuyển cấp trên")}  # fmt: skip
        for key, label in self.card_titles.items():
            label.setText(titles[key])
        self.chart_title.setText(self.tr("Yêu cầu theo chủ đề"))
        self.overdue_title.setText(self.tr("Yêu cầu quá hạn (bấm đúp để mở)"))
        self.team_title.setText(self.tr("Khối lượng theo người xử lý"))
        self.team.setHorizontalHeaderLabels(
            [self.tr("Người xử lý"), self.tr("Tiếp nhận"), self.tr("Đã giải quyết")]
        )
        if self.data:
            self._show(self.data)

    def current_period(self) -> str:
        return self.picker.period()

    def activate(self) -> None:
        self.refresh()

    def print_current(self) -> None:
        self.print_requested.emit("report", self.current_period())

    def _data_changed(self, topic: str) -> None:
        if topic in ("requests", "settings") and self.isVisible():
            self.refresh()  # a hidden dashboard refreshes when it is shown (activate)

    def refresh(self) -> None:
        """Recompute off the GUI thread; a refresh asked while one runs runs once after it."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        period = self.current_period()
        self.period_label.setText(
            self.tr("Kỳ: {0} · đang tính…").replace("{0}", period_text(period))
        )
        self.ctx.tasks.start(load_dashboard, period, on_done=self._loaded, on_error=self._failed)

    def _failed(self, message: str) -> None:
        self._loading = False
        self.period_label.setText(self.tr("Không tính được: {0}").replace("{0}", message))

    def _loaded(self, data: dict) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
            return
        self.data = data
        self._show(data)
        self.loaded.emit(data)

    def _show(self, data: dict) -> None:
        summary = data["summary"]
        totals = summary["totals"]
        self.period_label.setText(self.tr("Kỳ: {0}").replace("{0}", period_text(summary["period"])))
        number = QLocale().toString  # 1.234 in Vietnamese, 1,234 in English
        self.cards["received"].setText(number(totals["received"]))
        self.cards["resolved"].setText(number(totals["resolved"]))
        rate, counts = on_time_text(totals["resolved_on_time"], totals["resolved"])
        self.cards["on_time"].setText(rate)
        self.on_time_counts.setText(counts)
        self.cards["overdue"].setText(number(len(data["overdue"])))
        self.cards["escalated"].setText(number(totals["escalated"]))
        self.chart.set_bars([(c["name"], c["received"]) for c in summary["by_category"]])
        self.overdue.clear()
        for r in data["overdue"]:
            text = (
                self.tr("{0} · hạn {1} · {2}")
                .replace("{0}", r["ticket"])
                .replace("{1}", local_time(r.get("due_at")))
                .replace("{2}", r.get("summary") or "")
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r["id"])
            self.overdue.addItem(item)
        if not data["overdue"]:
            self.overdue.addItem(self.tr("Không có yêu cầu nào quá hạn."))
        people = summary.get("by_assignee") or []
        self.team.setRowCount(len(people))
        for row, p in enumerate(people):
            for col, value in enumerate((p["assignee"], p["received"], p["resolved"])):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.team.setItem(row, col, item)
        self.team.resizeColumnToContents(1)
        self.team.resizeColumnToContents(2)

    def save_report(self, path: str | None = None) -> None:
        from supportdesk.ui.printing import _render

        period = self.current_period()
        if path is None:
            from supportdesk.ui.file_dialogs import save_file

            name = f"bao-cao-{period.replace('..', '_')}.pdf"
            path = save_file(self, self.tr("Lưu báo cáo"), name, self.tr("Tài liệu PDF (*.pdf)"))
        if not path:
            return
        say = self.message.emit
        self.ctx.tasks.start(
            _render, "report", period, path,
            on_done=lambda p: say(self.tr("Đã lưu báo cáo: {0}").replace("{0}", p)),
            on_error=lambda m: say(self.tr("Không lưu được báo cáo: {0}").replace("{0}", m)),
        )  # fmt: skip
