"""The tabs of the settings dialog beyond the commune form: topics and service times, office
hours and extra days off, the provincial hub, retention of personal data.

Each tab reads the store on `load` and writes through core functions on `save`, raising the
core's error (in Vietnamese) when a value cannot be kept; the dialog saves all tabs in one
transaction, so a refused value leaves nothing half-written."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.ui.context import AppContext


class CategoriesTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("categoriesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Chủ đề"), self.tr("Thời hạn"), self.tr("Đơn vị"), self.tr("Dùng")]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):  # "giờ làm việc" whole, never "giờ làm v…"
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton(self.tr("Thêm chủ đề"))
        self.add_button.clicked.connect(lambda: self.add_row())
        note = QLabel(self.tr("Thời hạn mới áp dụng cho các yêu cầu ghi từ nay."))
        note.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(note, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.codes: list[str | None] = []
        from supportdesk.core.tickets import categories

        for c in categories.all_categories(ctx.db, include_inactive=True):
            self.add_row(c)

    def add_row(self, c: dict | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(c["name"] if c else ""))
        value = QSpinBox()
        value.setRange(1, 24 * 60)
        value.setValue(c["service_value"] if c else 1)
        unit = QComboBox()
        unit.addItem(self.tr("giờ làm việc"), "hours")
        unit.addItem(self.tr("ngày làm việc"), "days")
        unit.setCurrentIndex(unit.findData(c["service_unit"] if c else "days"))
        active = QCheckBox()
        active.setChecked(c["active"] if c else True)
        self.table.setCellWidget(row, 1, value)
        self.table.setCellWidget(row, 2, unit)
        self.table.setCellWidget(row, 3, active)
        self.codes.append(c["code"] if c else None)
        return row

    def save(self) -> None:
        from supportdesk.core import text
        from supportdesk.core.tickets import categories

        taken = set(filter(None, self.codes))
        for row, code in enumerate(self.codes):
            name = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            if code is None:
                if not name:
                    continue  # an added row left empty
                base = "_".join(text.fold(name).split())[:30] or "chu_de"
                base = "".join(ch for ch in base if ch.isalnum() or ch == "_")
                code, n = base if base[0].isalpha() else f"c_{base}", 2
                while code in taken:
                    code, n = f"{base}_{n}", n + 1
                taken.add(code)
                self.codes[row] = code
            categories.save(
                self.ctx.db, code, name,
                unit=self.table.cellWidget(row, 2).currentData(),
                value=self.table.cellWidget(row, 1).value(),
                active=self.table.cellWidget(row, 3).isChecked(),
            )  # fmt: skip


def _parse_day(value: str) -> date:
    from supportdesk.core.calendar import CalendarError

    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise CalendarError(f"ngày không hợp lệ: {value} (viết dd/mm/yyyy)")


class CalendarTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        from supportdesk.core import calendar

        self.ctx = ctx
        hours = ctx.setting(calendar.SETTING_OFFICE_HOURS) or calendar.DEFAULT_OFFICE_HOURS
        self.hours = QLineEdit(",".join(f"{a}-{b}" for a, b in hours))
        self.hours.setObjectName("officeHours")
        overrides = ctx.setting(calendar.SETTING_OVERRIDES, {}) or {}
        self.saved_days = [date.fromisoformat(d) for d in overrides.get("days_off", [])]
        self.days_off = QPlainTextEdit(
            "\n".join(d.strftime("%d/%m/%Y") for d in sorted(self.saved_days))
        )
        self.days_off.setObjectName("daysOff")
        form = QFormLayout(self)
        form.addRow(self.tr("Giờ làm việc:"), self.hours)
        hint = QLabel(self.tr("Dạng 07:30-11:30,13:30-17:00. Ngày lễ, Tết theo luật đã có sẵn."))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(self.tr("Ngày nghỉ thêm\n(mỗi dòng một ngày,\ndd/mm/yyyy):"), self.days_off)

    def save(self) -> None:
        from supportdesk.core import calendar

        days = {_parse_day(line) for line in self.days_off.toPlainText().splitlines()
                if line.strip()}  # fmt: skip
        calendar.save_office_hours(self.ctx.db, self.hours.text())
        for day in set(self.saved_days) - days:
            calendar.save_override(self.ctx.db, day, None)
        for day in days - set(self.saved_days):
            calendar.save_override(self.ctx.db, day, "day_off")


def _enroll(db, data_dir: str, hub_url: str, code: str) -> dict:
    from pathlib import Path

    from supportdesk.core.sync import enrollment

    store = enrollment.token_store(db, Path(data_dir))
    return enrollment.enroll(db, store, hub_url, code)


class SyncTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.hub_url = QLineEdit(ctx.setting("hub_url", "") or "")
        self.hub_url.setObjectName("hubUrl")
        self.hub_url.setPlaceholderText("https://hotro.phutho.gov.vn")
        self.code = QLineEdit()
        self.code.setObjectName("enrollCode")
        self.code.setPlaceholderText(self.tr("Mã đăng ký do tổ hỗ trợ tỉnh cấp"))
        self.enroll_button = QPushButton(self.tr("Đăng ký với máy chủ tỉnh"))
        self.enroll_button.clicked.connect(self.enroll)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(self)
        form.addRow(self.tr("Địa chỉ máy chủ tỉnh:"), self.hub_url)
        form.addRow(self.tr("Mã đăng ký:"), self.code)
        form.addRow("", self.enroll_button)
        form.addRow("", self.state)
        self.show_state()

    def show_state(self) -> None:
        from supportdesk.core.sync import outbox

        paused = outbox.get_state(self.ctx.db).get("paused")
        if paused:
            self.state.setText(self.tr("Máy chủ tỉnh đã thu hồi mã của xã: xin mã đăng ký mới "
                                       "rồi bấm Đăng ký."))  # fmt: skip
        elif self.ctx.setting("hub_url"):
            self.state.setText(
                self.tr("Đã đăng ký: {0}").replace("{0}", self.ctx.setting("hub_url"))
            )
        else:
            self.state.setText(self.tr("Chưa đăng ký: báo cáo chờ trong hộp thư đi."))

    def enroll(self) -> None:
        url, code = self.hub_url.text().strip(), self.code.text().strip()
        if not url or not code:
            self.state.setText(self.tr("Cần địa chỉ máy chủ và mã đăng ký."))
            return
        self.enroll_button.setEnabled(False)
        self.state.setText(self.tr("Đang đăng ký…"))
        self.ctx.tasks.start(_enroll, str(self.ctx.data_dir), url, code,
                             on_done=self._enrolled, on_error=self._failed)  # fmt: skip

    def _enrolled(self, _answer: dict) -> None:
        self.enroll_button.setEnabled(True)
        self.code.clear()
        self.show_state()

    def _failed(self, message: str) -> None:
        self.enroll_button.setEnabled(True)
        self.state.setText(self.tr("Không đăng ký được: {0}").replace("{0}", message))

    def save(self) -> None:
        url = self.hub_url.text().strip().rstrip("/")
        if url != (self.ctx.setting("hub_url") or ""):
            self.ctx.put_setting("hub_url", url or None)


class RetentionTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        from supportdesk.core.tickets.model import RETENTION_SETTING

        self.ctx = ctx
        self.key = RETENTION_SETTING
        self.months = QSpinBox()
        self.months.setObjectName("retentionMonths")
        self.months.setRange(1, 1200)
        self.months.setValue(int(ctx.setting(RETENTION_SETTING)))
        self.months.setSuffix(self.tr(" tháng"))
        note = QLabel(self.tr(
            "Sau thời hạn này, họ tên, số điện thoại và số giấy tờ của người yêu cầu được xoá "
            "(Nghị định 13/2023/NĐ-CP); số liệu thống kê vẫn giữ."
        ))  # fmt: skip
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        form = QFormLayout(self)
        form.addRow(self.tr("Giữ dữ liệu cá nhân:"), self.months)
        form.addRow("", note)

    def save(self) -> None:
        self.ctx.put_setting(self.key, self.months.value())
