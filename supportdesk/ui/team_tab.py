"""Settings → "Nhóm máy": this desk in the commune's team. Invite another desk (a one-time code
and this desk's address), join a team with the code another desk shows, or leave the team
(core.team.membership.leave: the data stays).

Both act at once through core.team (not on "Lưu"): a code is shown to be typed elsewhere, and
joining asks the other desk over the LAN, in a background task."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportdesk.ui.context import AppContext


def _join(db, address: str, code: str, port: int) -> dict:
    from supportdesk.core.team import pairing

    if not address:  # the inviting desk found by mDNS (core.team.discovery)
        return pairing.join_discovered(db, code, port=port, name=socket.gethostname())
    return pairing.join(db, address, code, port=port, name=socket.gethostname())


class TeamTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.desks = QTableWidget(0, 3)
        self.desks.setObjectName("teamDesks")
        self.desks.setHorizontalHeaderLabels([self.tr("Ký hiệu"), self.tr("Tên máy"),
                                              self.tr("Địa chỉ")])  # fmt: skip
        self.desks.verticalHeader().hide()
        self.desks.horizontalHeader().setStretchLastSection(True)
        self.desks.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.invite_button = QPushButton(self.tr("Mời máy khác vào nhóm"))
        self.invite_button.clicked.connect(self.invite)
        self.invitation = QLabel()
        self.invitation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invitation.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("192.168.1.10:8766 — để trống: tự tìm trong mạng"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH")
        self.join_button = QPushButton(self.tr("Vào nhóm"))
        self.join_button.clicked.connect(self.join)
        self.leave_button = QPushButton(self.tr("Rời nhóm…"))
        self.leave_button.setObjectName("teamLeave")
        self.leave_button.clicked.connect(self.ask_leave)
        # Asked on the tab itself, not in a modal box: one more click, and nothing is lost.
        self.leave_question = QWidget()
        question = QHBoxLayout(self.leave_question)
        question.setContentsMargins(0, 0, 0, 0)
        question.addWidget(QLabel(self.tr("Rời nhóm? Máy này thôi đồng bộ với các máy khác; "
                                          "mọi dữ liệu vẫn giữ trên máy này.")), 1)  # fmt: skip
        self.confirm_leave = QPushButton(self.tr("Rời nhóm"))
        self.confirm_leave.setObjectName("teamLeaveConfirm")
        self.confirm_leave.clicked.connect(self.leave)
        self.cancel_leave = QPushButton(self.tr("Thôi"))
        self.cancel_leave.clicked.connect(self.leave_question.hide)
        question.addWidget(self.confirm_leave)
        question.addWidget(self.cancel_leave)
        self.leave_question.hide()
        self.problem = QLabel()
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Địa chỉ máy mời"), self.address)
        form.addRow(self.tr("Mã mời"), self.code)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.desks, 1)
        row = QHBoxLayout()
        row.addWidget(self.invite_button)
        row.addWidget(self.invitation, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.join_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.leave_question)
        layout.addWidget(self.problem)
        self.refresh()

    def refresh(self) -> None:
        from supportdesk.core.team import membership

        db = self.ctx.db
        team = membership.team(db)
        if team:
            self.state.setText(self.tr("Máy này là máy {0} trong nhóm của xã {1}. Số phiếu mới "
                                       "có chữ {0}.").replace("{0}", membership.desk_mark(db))
                               .replace("{1}", team["commune_code"]))  # fmt: skip
        else:
            self.state.setText(self.tr("Máy này chưa vào nhóm nào. Mời máy khác, hoặc nhập "
                                       "địa chỉ và mã mời do máy khác cho."))  # fmt: skip
        members = membership.members(db)
        self.desks.setRowCount(len(members))
        for r, m in enumerate(members):
            for c, value in enumerate((m["mark"], m["name"], m["address"])):
                self.desks.setItem(r, c, QTableWidgetItem(value))
        for widget in (self.address, self.code, self.join_button):
            widget.setEnabled(not team)
        self.leave_button.setVisible(bool(team))
        if not team:
            self.leave_question.hide()

    def invite(self) -> None:
        from supportdesk.core.errors import UserError
        from supportdesk.core.team import pairing

        try:
            made = pairing.invite(self.ctx.db, port=int(self.ctx.setting("team_port")),
                                  name=socket.gethostname())  # fmt: skip
        except (UserError, ValueError) as exc:
            self.problem.setText(str(exc))
            return
        self.problem.clear()
        self.invitation.setText(self.tr("Mã: {0} — địa chỉ: {1} (dùng một lần, trong 15 phút)")
                                .replace("{0}", made["code"])
                                .replace("{1}", made["address"]))  # fmt: skip
        self.refresh()

    def join(self) -> None:
        address, code = self.address.text().strip(), self.code.text().strip()
        if not code:
            self.problem.setText(self.tr("Cần mã mời (địa chỉ máy mời có thể để trống)."))
            return
        self.join_button.setEnabled(False)
        self.problem.setText(self.tr("Đang vào nhóm…"))
        self.ctx.tasks.start(_join, address, code, int(self.ctx.setting("team_port")),
                             on_done=self._joined, on_error=self._refused)  # fmt: skip

    def _joined(self, joined: dict) -> None:
        self.problem.clear()
        self.refresh()

    def _refused(self, error) -> None:
        from supportdesk.core.errors import user_message

        self.problem.setText(user_message(error))
        self.refresh()

    def ask_leave(self) -> None:
        self.leave_question.show()

    def leave(self) -> None:
        from supportdesk.core.errors import UserError
        from supportdesk.core.team import membership

        try:
            membership.leave(self.ctx.db)
        except UserError as exc:
            self.problem.setText(str(exc))
        else:
            self.problem.clear()
            self.invitation.clear()
            self.ctx.changes.notify("settings")  # the status bar's team state follows
        self.refresh()

    def save(self) -> None:
        """Nothing to save: inviting and joining act at once."""
