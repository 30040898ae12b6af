"""Tổng hợp: today, this week, this month — counts, on-time rate, overdue requests, requests by
topic and the load of each team member, from core.stats.summarize in a background task."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
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

from supportdesk.core.formats import TZ, local_time
from supportdesk.ui.bar_chart import BarChart
from supportdesk.ui.context import AppContext

PERIODS = ("today", "week", "month")
OVERDUE_LIMIT = 50


def period_id(which: str, now: datetime | None = None) -> str:
    """core.tickets.stats period ids: "2026-11-22", "2026-W47", "2026-11" (Vietnam time)."""
    today = (now or datetime.now(TZ)).astimezone(TZ).date()
    if which == "today":
        return today.isoformat()
    if which == "week":
        year, week, _ = today.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{today.year}-{today.month:02d}"


def on_time_text(on_time: int, resolved: int) -> str:
    """'98,8% (247/250)': the rate with its counts, a Vietnamese decimal comma."""
    if not resolved:
        return "— (0/0)"
    rate = f"{100 * on_time / resolved:.1f}".replace(".", ",")
    return f"{rate}% ({on_time}/{resolved})"


def load_dashboard(db, period: str) -> dict:
    """Run in a task: the period summary and the requests overdue now."""
    from supportdesk.core import tickets
    from supportdesk.core.tickets import stats

    overdue = tickets.page(db, {"overdue": True}, limit=OVERDUE_LIMIT)
    return {"summary": stats.summarize(db, period), "overdue": overdue}


class DashboardPage(QWidget):
    loaded = Signal(dict)
    open_request = Signal(int)
    print_report = Signal(str)  # period id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.data: dict | None = None
        self._loading = False
        self._again = False
        self.period = QComboBox()
        self.period.setObjectName("dashboardPeriod")
        for key in PERIODS:
            self.period.addItem("", key)
        self.period_label = QLabel()
        self.period_label.setProperty("role", "hint")
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
        bar.addWidget(self.period)
        bar.addWidget(self.period_label, 1)
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
        layout.addLayout(cards)
        layout.addLayout(body, 1)
        self.period.currentIndexChanged.connect(self.refresh)
        self.print_button.clicked.connect(lambda: self.print_report.emit(self.current_period()))
        self.save_button.clicked.connect(lambda: self.save_report())
        self.overdue.itemActivated.connect(
            lambda item: self.open_request.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.retranslate()

    def retranslate(self) -> None:
        labels = {"today": self.tr("Hôm nay"), "week": self.tr("Tuần này"),
                  "month": self.tr("Tháng này")}  # fmt: skip
        for i, key in enumerate(PERIODS):
            self.period.setItemText(i, labels[key])
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
        return period_id(self.period.currentData() or "today")

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute off the GUI thread; a refresh asked while one runs runs once after it."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        period = self.current_period()
        self.period_label.setText(self.tr("Kỳ: {0} · đang tính…").replace("{0}", period))
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
        self.period_label.setText(self.tr("Kỳ: {0}").replace("{0}", summary["period"]))
        self.cards["received"].setText(str(totals["received"]))
        self.cards["resolved"].setText(str(totals["resolved"]))
        self.cards["on_time"].setText(on_time_text(totals["resolved_on_time"], totals["resolved"]))
        self.cards["overdue"].setText(str(len(data["overdue"])))
        self.cards["escalated"].setText(str(totals["escalated"]))
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
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu báo cáo"), f"bao-cao-{period}.pdf", self.tr("PDF (*.pdf)")
            )
        if not path:
            return
        window = self.window()
        hint = getattr(window, "hint", lambda _m: None)
        self.ctx.tasks.start(
            _render, "report", period, path,
            on_done=lambda p: hint(self.tr("Đã lưu báo cáo: {0}").replace("{0}", p)),
            on_error=lambda m: hint(self.tr("Không lưu được báo cáo: {0}").replace("{0}", m)),
        )  # fmt: skip
