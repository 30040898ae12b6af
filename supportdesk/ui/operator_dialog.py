"""Who is on duty at this counter: asked at start when the team has several members."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout


class OperatorDialog(QDialog):
    def __init__(self, team: list[str], current: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("operatorDialog")
        self.setWindowTitle(self.tr("Người trực"))
        self.resize(420, 360)
        self.names = QListWidget()
        self.names.addItems(team)
        self.names.setCurrentRow(team.index(current) if current in team else 0)
        self.names.itemActivated.connect(lambda _i: self.accept())
        label = QLabel(self.tr("Ai đang trực quầy hôm nay?"))
        label.setProperty("role", "title")
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Bắt đầu"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setProperty("role", "primary")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.names, 1)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, team: list[str], current: str = "", parent=None) -> str | None:
        dialog = cls(team, current, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.names.currentItem():
            return dialog.names.currentItem().text()
        return None
