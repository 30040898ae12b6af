"""Settings: commune and center, team, topics and service times, office hours and days off,
the provincial hub, retention of personal data, language and text size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportdesk.core.admin_units import AdminUnits
from supportdesk.core.errors import UserError
from supportdesk.core.store import settings
from supportdesk.ui import i18n, style
from supportdesk.ui.center_form import KEYS, CenterForm
from supportdesk.ui.context import AppContext
from supportdesk.ui.views import fit_to_screen


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, units: AdminUnits, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settings")
        self.setWindowTitle(self.tr("Cài đặt"))
        fit_to_screen(self, QSize(900, 720))
        self.ctx = ctx
        self.form = CenterForm(units)
        self.form.load({k: ctx.setting(k) for k in KEYS if ctx.setting(k) is not None})
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(ctx.setting("ui_language")))
        self.font_size = QSpinBox()
        self.font_size.setObjectName("fontSize")
        self.font_size.setRange(style.MIN_POINT_SIZE, style.MAX_POINT_SIZE)
        self.font_size.setValue(ctx.setting("ui_font_size", style.DEFAULT_POINT_SIZE))
        self.font_size.setSuffix(" pt")
        look = QWidget()
        look_form = QFormLayout(look)
        look_form.addRow(self.tr("Ngôn ngữ:"), self.language)
        look_form.addRow(self.tr("Cỡ chữ:"), self.font_size)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Đơn vị, tổ hỗ trợ"))
        self.tabs.addTab(look, self.tr("Giao diện"))
        self.extra_tabs = self._extra_tabs(ctx)
        for title, tab in self.extra_tabs:
            self.tabs.addTab(tab, title)
        self.error = QLabel()
        self.error.setProperty("role", "warning")
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setProperty("role", "primary")
        buttons.addButton(self.tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _extra_tabs(self, ctx: AppContext) -> list[tuple[str, QWidget]]:
        from supportdesk.ui import settings_tabs as t
        from supportdesk.ui.team_tab import TeamTab

        return [
            (self.tr("Chủ đề, thời hạn"), t.CategoriesTab(ctx)),
            (self.tr("Lịch làm việc"), t.CalendarTab(ctx)),
            (self.tr("Máy chủ tỉnh"), t.SyncTab(ctx)),
            (self.tr("Nhóm máy"), TeamTab(ctx)),
            (self.tr("Dữ liệu cá nhân"), t.RetentionTab(ctx)),
        ]

    def accept(self) -> None:
        problem = self.form.problem()
        if problem:
            self.tabs.setCurrentIndex(0)
            self.error.setText(problem)
            return
        changes = self.form.values(operator=self.ctx.operator)
        changes["ui_language"] = self.language.currentData()
        changes["ui_font_size"] = self.font_size.value()
        current = [None]  # the tab whose save is running, to show it when the core refuses

        def step(tab):
            def run():
                current[0] = tab
                tab.save()

            return run

        try:  # all tabs or none: the core checks and writes everything in one transaction
            settings.apply(self.ctx.db, changes, [step(tab) for _title, tab in self.extra_tabs])
        except UserError as exc:  # a setting, a topic or the calendar: the core says why
            if current[0] is not None:
                self.tabs.setCurrentWidget(current[0])
            self.error.setText(self.tr("Chưa lưu: {0}").replace("{0}", str(exc)))
            return
        super().accept()

    @classmethod
    def ask(cls, ctx: AppContext, units: AdminUnits, parent: QWidget | None = None) -> bool:
        return cls(ctx, units, parent).exec() == QDialog.DialogCode.Accepted
