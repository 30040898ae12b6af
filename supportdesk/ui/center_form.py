"""The commune, its service center and the support team: used by first run and settings."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from supportdesk.core import text
from supportdesk.core.admin_units import AdminUnits, Unit
from supportdesk.ui.commune_picker import CommunePicker

KEYS = (
    "province_code", "province_name", "commune_code", "commune_name",
    "center_name", "center_address", "center_phone", "team_members", "operator",
)  # fmt: skip


class CenterForm(QWidget):
    def __init__(self, units: AdminUnits, parent: QWidget | None = None):
        super().__init__(parent)
        self.picker = CommunePicker(units)
        self.center_name = QLineEdit()
        self.center_name.setObjectName("centerName")
        self.center_address = QLineEdit()
        self.center_address.setObjectName("centerAddress")
        self.center_phone = QLineEdit()
        self.center_phone.setObjectName("centerPhone")
        self.team = QPlainTextEdit()
        self.team.setObjectName("teamMembers")
        self.team.setPlaceholderText(
            self.tr("Mỗi dòng một người, ví dụ:\nNguyễn Văn An\nTrần Thị Bình")
        )
        self.team.setFixedHeight(110)
        self.team.setTabChangesFocus(True)  # Tab leaves the box; names go one per line (Enter)
        self._auto_name = ""
        form = QFormLayout()
        form.addRow(self.tr("Tên trung tâm:"), self.center_name)
        form.addRow(self.tr("Địa chỉ:"), self.center_address)
        form.addRow(self.tr("Điện thoại:"), self.center_phone)
        form.addRow(self.tr("Thành viên tổ hỗ trợ:"), self.team)
        title = QLabel(self.tr("Xã, phường, đặc khu nơi đặt trung tâm:"))
        title.setProperty("role", "title")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.picker, 1)
        layout.addLayout(form)
        self.picker.chosen.connect(self._commune_chosen)
        self.picker.entered.connect(self.center_name.setFocus)

    def _commune_chosen(self, unit: Unit | None) -> None:
        if unit is None:
            return
        suggested = self.tr("Trung tâm Phục vụ hành chính công {0}").replace("{0}", unit.full_name)
        if not self.center_name.text() or self.center_name.text() == self._auto_name:
            self.center_name.setText(suggested)
        self._auto_name = suggested

    def members(self) -> list[str]:
        seen: list[str] = []
        for line in self.team.toPlainText().splitlines():
            name = text.clean(line)
            if name and name not in seen:
                seen.append(name)
        return seen

    def problem(self) -> str | None:
        """Why the form cannot be saved yet, in words for the user; None when it can."""
        if self.picker.selected() is None:
            return self.tr("Hãy chọn xã, phường nơi đặt trung tâm.")
        if not self.members():
            return self.tr("Hãy nhập ít nhất một thành viên tổ hỗ trợ.")
        return None

    def values(self, operator: str | None = None) -> dict:
        unit = self.picker.selected()
        members = self.members()
        return {
            "province_code": unit.province_code,
            "province_name": unit.province_name,
            "commune_code": unit.code,
            "commune_name": unit.full_name,
            "center_name": text.clean(self.center_name.text()),
            "center_address": text.clean(self.center_address.text()),
            "center_phone": text.clean(self.center_phone.text()),
            "team_members": members,
            "operator": operator if operator in members else members[0],
        }

    def load(self, values: dict) -> None:
        if values.get("commune_code"):
            self.picker.select(values["commune_code"])
        self.center_name.setText(values.get("center_name", ""))
        self._auto_name = ""
        self.center_address.setText(values.get("center_address", ""))
        self.center_phone.setText(values.get("center_phone", ""))
        self.team.setPlainText("\n".join(values.get("team_members") or []))
