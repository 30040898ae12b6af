"""Status bar: commune, operator on duty (switchable), the team's state (core.team.state), online
state and items waiting to send."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QStatusBar, QToolButton, QWidget

from supportdesk.ui.context import AppContext
from supportdesk.ui.views import ElidedLabel


class StatusBar(QStatusBar):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.commune = ElidedLabel(Qt.TextElideMode.ElideRight)  # shrinks on a small screen
        self.commune.setObjectName("statusCommune")
        self.operator = QToolButton()
        self.operator.setObjectName("statusOperator")
        self.operator.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.operator_menu = QMenu(self.operator)
        self.operator.setMenu(self.operator_menu)
        self.operator_menu.aboutToShow.connect(self._fill_operators)
        self.team = ElidedLabel(Qt.TextElideMode.ElideRight)  # the commune's other desks
        self.team.setObjectName("statusTeam")
        self.team.hide()
        self.sync = ElidedLabel(Qt.TextElideMode.ElideRight)
        self.sync.setObjectName("statusSync")
        self.outbox = QLabel()
        self.outbox.setObjectName("statusOutbox")
        self.folder_button = QPushButton()  # beside a message about a file: open its folder
        self.folder_button.setObjectName("openFolder")
        self.folder_button.hide()
        self.folder_button.clicked.connect(self._open_folder)
        self.messageChanged.connect(lambda text: text or self.folder_button.hide())
        self.messageChanged.connect(self.setToolTip)  # a long message read whole on hover
        self.file: Path | None = None
        self.addWidget(self.folder_button)
        self.addPermanentWidget(self.commune)
        self.addPermanentWidget(self.operator)
        self.addPermanentWidget(self.team)
        self.addPermanentWidget(self.sync)
        self.addPermanentWidget(self.outbox)
        self.sync_state: dict = {}
        ctx.changes.changed.connect(lambda _topic: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.folder_button.setText(self.tr("Mở thư mục"))
        self.refresh()

    def show_file(self, message: str, path: str) -> None:
        """A message about a file, with a button that opens the folder it is in."""
        self.file = Path(path)
        self.showMessage(message, 30000)
        self.folder_button.show()

    def _open_folder(self) -> None:
        if self.file is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.file.parent))):
            self.showMessage(
                self.tr("Không mở được thư mục. Tệp nằm ở: {0}").replace("{0}", str(self.file)),
                30000,
            )

    def _read_sync_state(self) -> None:
        from supportdesk.core.formats import local_time
        from supportdesk.core.sync import outbox

        found = outbox.status(self.ctx.db)
        last = found.get("last_success_at")
        if isinstance(last, int | float):
            last = outbox.iso(last)
        self.sync_state = {
            "online": bool(last) and not found.get("failures") and not found.get("paused"),
            "last_sync": local_time(last, with_year=True) if last else None,
            "pending": found.get("pending", 0) + found.get("in_flight", 0),
            "paused": found.get("paused"),
            "insecure": found.get("insecure"),
        }

    def refresh(self) -> None:
        self._read_sync_state()
        commune = self.ctx.setting("commune_name", "")
        province = self.ctx.setting("province_name", "")
        self.commune.setText(f"{commune}, {province}" if commune else self.tr("Chưa chọn đơn vị"))
        operator = self.ctx.operator or self.tr("(chưa chọn)")
        self.operator.setText(self.tr("Người trực: {0}").replace("{0}", operator))
        self.operator.setToolTip(self.tr("Bấm để đổi người trực"))
        state = self.sync_state
        if state.get("paused"):
            self.sync.setText(self.tr("⏸ Tạm dừng gửi: cần đăng ký lại (Cài đặt → Máy chủ tỉnh)"))
            self.sync.setStyleSheet("color: #b42318; font-weight: bold;")
        elif state.get("online"):
            when = state.get("last_sync") or self.tr("chưa lần nào")
            self.sync.setText(self.tr("● Trực tuyến · đồng bộ: {0}").replace("{0}", when))
            self.sync.setStyleSheet("color: #1a7f37;")
        else:
            when = state.get("last_sync") or self.tr("chưa lần nào")
            self.sync.setText(self.tr("○ Ngoại tuyến · đồng bộ: {0}").replace("{0}", when))
            self.sync.setStyleSheet("color: #8a4b00;")
        if state.get("insecure"):  # enrolled with --allow-http: the token travels unencrypted
            self.sync.setText(self.sync.text() + self.tr(" · ⚠ HTTP không mã hoá"))
            self.sync.setStyleSheet("color: #b42318; font-weight: bold;")
        waiting = int(state.get("pending", 0))
        self.outbox.setText(self.tr("Chờ gửi: {0}").replace("{0}", str(waiting)))
        self._show_team()

    def _ago(self, minutes: int) -> str:
        if minutes < 1:
            return self.tr("vừa xong")
        if minutes < 60:
            return self.tr("{0} phút trước").replace("{0}", str(minutes))
        if minutes < 48 * 60:
            return self.tr("{0} giờ trước").replace("{0}", str(minutes // 60))
        return self.tr("{0} ngày trước").replace("{0}", str(minutes // (24 * 60)))

    def _show_team(self) -> None:
        """Nothing while the desk works alone; the team's size and its last sync, or a warning
        (core.team.state decides when the silence is long enough to say so)."""
        from supportdesk.core.team import state

        found = state.summary(self.ctx.db)
        self.team.setVisible(found is not None)
        if found is None:
            return
        desks = self.tr("Nhóm: {0} máy").replace("{0}", str(found["desks"]))
        minutes = found["minutes_ago"]
        tip = ""
        if found["error"]:
            shown = self.tr("⚠ {0} · lần đồng bộ cuối bị từ chối").replace("{0}", desks)
            tip = found["error"]
        elif found["stale"]:
            shown = self.tr("⚠ {0} · không liên lạc được máy nào từ {1}")
            shown = shown.replace("{0}", desks).replace("{1}", self._ago(minutes))
            tip = self.tr("Kiểm tra mạng nội bộ và các máy khác của nhóm.")
        elif minutes is None:
            shown = self.tr("{0} · chưa đồng bộ lần nào").replace("{0}", desks)
        else:
            shown = self.tr("{0} · đồng bộ {1}").replace("{0}", desks)
            shown = shown.replace("{1}", self._ago(minutes))
        self.team.setText(shown)
        self.team.setToolTip(f"{shown}\n{tip}" if tip else shown)
        self.team.setStyleSheet("color: #b42318;" if found["warn"] else "")

    def _fill_operators(self) -> None:
        self.operator_menu.clear()
        for name in self.ctx.team:
            action = self.operator_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name == self.ctx.operator)
            action.triggered.connect(lambda _=False, n=name: self.set_operator(n))

    def set_operator(self, name: str) -> None:
        self.ctx.put_setting("operator", name)  # notifies "settings": refresh follows
