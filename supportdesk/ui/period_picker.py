"""Which period the dashboard and the report cover: today, this week, this or last month, any
month, quarter or year, or a range of days. Ids are core.tickets.stats's, labels core.formats's."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from supportdesk.core import formats
from supportdesk.core.calendar import TZ

KINDS = ("today", "week", "month", "last_month", "pick_month", "pick_quarter", "pick_year",
         "range")  # fmt: skip


def period_id(which: str, now: datetime | None = None, picked: date | None = None,
              until: date | None = None) -> str:  # fmt: skip
    """The stats id of a choice; `picked` (and `until`) for the pick_* kinds and range."""
    today = (now or datetime.now(TZ)).astimezone(TZ).date()
    simple = {"today": ("day", today), "week": ("week", today), "month": ("month", today),
              "last_month": ("month", formats.previous_month(today))}  # fmt: skip
    if which in simple:
        return formats.period_id(*simple[which])
    kind = {"pick_month": "month", "pick_quarter": "quarter", "pick_year": "year"}.get(which)
    return formats.period_id(kind or "range", picked or today, until)


def period_text(period: str) -> str:
    """'Tháng 11/2026', 'Quý 4/2026', 'Tuần 49 (30/11–06/12/2026)' in the UI language."""
    t = QCoreApplication.translate
    return formats.period_label(period, {
        "day": t("PeriodPicker", "Ngày {day}"), "week": t("PeriodPicker", "Tuần {week} ({span})"),
        "month": t("PeriodPicker", "Tháng {month}/{year}"),
        "quarter": t("PeriodPicker", "Quý {quarter}/{year}"),
        "year": t("PeriodPicker", "Năm {year}"),
    })  # fmt: skip


class PeriodPicker(QWidget):
    changed = Signal(str)  # the period id

    def __init__(self, parent: QWidget | None = None, now: datetime | None = None):
        super().__init__(parent)
        today = (now or datetime.now(TZ)).astimezone(TZ).date()
        self.kind = QComboBox()
        self.kind.setObjectName("dashboardPeriod")
        for key in KINDS:
            self.kind.addItem("", key)
        self.month = QComboBox()
        self.month.setObjectName("periodMonth")
        for m in range(1, 13):
            self.month.addItem("", m)
        self.quarter = QComboBox()
        self.quarter.setObjectName("periodQuarter")
        for q in range(1, 5):
            self.quarter.addItem("", q)
        self.year = QSpinBox()
        self.year.setObjectName("periodYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.month.setCurrentIndex(formats.previous_month(today).month - 1)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.first = QDateEdit(QDate(today.year, today.month, 1))
        self.first.setObjectName("periodFrom")
        self.last = QDateEdit(QDate(today.year, today.month, today.day))
        self.last.setObjectName("periodTo")
        self.dash = QLabel("–")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.kind, self.month, self.quarter, self.year, self.first, self.dash, self.last):
            layout.addWidget(w)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for combo in (self.month, self.quarter):
            combo.currentIndexChanged.connect(self._emit)
        self.year.valueChanged.connect(self._emit)
        self.first.dateChanged.connect(self._emit)
        self.last.dateChanged.connect(self._emit)
        self.retranslate()
        self._show_editors()

    def retranslate(self) -> None:
        labels = {
            "today": self.tr("Hôm nay"), "week": self.tr("Tuần này"),
            "month": self.tr("Tháng này"), "last_month": self.tr("Tháng trước"),
            "pick_month": self.tr("Chọn tháng…"), "pick_quarter": self.tr("Chọn quý…"),
            "pick_year": self.tr("Chọn năm…"), "range": self.tr("Khoảng ngày…"),
        }  # fmt: skip
        for i, key in enumerate(KINDS):
            self.kind.setItemText(i, labels[key])
        for i in range(12):
            self.month.setItemText(i, self.tr("Tháng {0}").replace("{0}", str(i + 1)))
        for i in range(4):
            self.quarter.setItemText(i, self.tr("Quý {0}").replace("{0}", str(i + 1)))
        self.year.setLocale(QLocale.c())  # 2026, never "2.026"

    def _kind_changed(self) -> None:
        self._show_editors()
        self._emit()

    def _show_editors(self) -> None:
        which = self.kind.currentData()
        self.month.setVisible(which == "pick_month")
        self.quarter.setVisible(which == "pick_quarter")
        self.year.setVisible(which in ("pick_month", "pick_quarter", "pick_year"))
        for w in (self.first, self.dash, self.last):
            w.setVisible(which == "range")

    def _emit(self, *_args) -> None:
        self.changed.emit(self.period())

    def period(self, now: datetime | None = None) -> str:
        which = self.kind.currentData() or "today"
        year = self.year.value()
        picked = {
            "pick_month": date(year, self.month.currentData(), 1),
            "pick_quarter": date(year, 3 * self.quarter.currentData() - 2, 1),
            "pick_year": date(year, 1, 1),
            "range": self.first.date().toPython(),
        }.get(which)
        until = self.last.date().toPython()
        if which == "range" and until < picked:
            picked, until = until, picked
        return period_id(which, now, picked, until)
