"""The team's work while the app is open: this desk's endpoint for the other desks, and a
gentle sync with every reachable desk each minute (core.team; docs/ARCHITECTURE.md, "team").

Started by BackgroundWork; it does nothing until this desk is in a team. The endpoint serves
from its own threads, each with its own store connection; the sync runs as a background task
and rests between pages, so the person at the counter keeps the store and the processor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from supportdesk.ui.context import AppContext

TEAM_SYNC_MS = 60 * 1000
FIRST_TEAM_SYNC_MS = 10 * 1000


def _team_sync(db) -> dict:
    from supportdesk.core.team import client

    return client.sync_team(db, **client.BACKGROUND)


class TeamWork(QObject):
    synced = Signal(dict)  # the sync_team result: {"sent", "received", "peers"}
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.server = None
        self.refused_port = False
        self.running = False
        self.syncing = False
        self.last_result: dict | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(TEAM_SYNC_MS)
        self.timer.timeout.connect(self.sync_now)

    def start(self) -> None:
        """Each minute: serve and sync once this desk is in a team (it may join while open)."""
        self.running = True
        self.timer.start()
        if self.ctx.setting("team"):
            self._serve()
            QTimer.singleShot(FIRST_TEAM_SYNC_MS, self, self.sync_now)

    def _serve(self) -> None:
        from supportdesk.core.team.server import TeamServer

        if self.server is not None:
            return
        port = int(self.ctx.setting("team_port"))
        try:
            self.server = TeamServer(Path(self.ctx.data_dir), "0.0.0.0", port).start()
        except OSError:
            if not self.refused_port:  # said once, tried again each minute
                said = QCoreApplication.translate(
                    "TeamWork",
                    "Không mở được cổng đồng bộ nhóm {0}: máy khác chưa gửi được sang máy này.",
                )
                self.message.emit(said.replace("{0}", str(port)))
            self.refused_port = True

    def stop(self) -> None:
        self.running = False  # a first sync still scheduled does nothing now
        self.timer.stop()
        if self.server is not None:
            self.server.stop()
            self.server = None

    def sync_now(self) -> bool:
        if self.syncing or not self.running or not self.ctx.setting("team"):
            return False
        self._serve()
        self.syncing = True
        self.ctx.tasks.start(_team_sync, on_done=self._synced, on_error=self._failed)
        return True

    def _synced(self, result: dict) -> None:
        self.syncing = False
        self.last_result = result
        reached = [p for p in result["peers"] if p["ok"]]
        if result["received"]:
            said = QCoreApplication.translate("TeamWork", "Nhóm: đã nhận {0} thay đổi từ {1} máy.")
            self.message.emit(
                said.replace("{0}", str(result["received"])).replace("{1}", str(len(reached)))
            )
        self.synced.emit(result)

    def _failed(self, error) -> None:
        from supportdesk.core.errors import user_message

        self.syncing = False
        self.message.emit(
            QCoreApplication.translate("TeamWork", "Đồng bộ nhóm lỗi: {0}").replace(
                "{0}", user_message(error)
            )
        )
        self.synced.emit({"sent": 0, "received": 0, "peers": [], "error": str(error)})
