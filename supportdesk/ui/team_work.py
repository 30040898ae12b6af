"""The team's work while the app is open: this desk's endpoint for the other desks, and a
gentle sync with every reachable desk each minute (core.team; docs/ARCHITECTURE.md, "team").

Started by BackgroundWork; it does nothing until this desk is in a team. Both run in child
processes of lower priority (ui.child_jobs), and the sync rests between pages, so the person at
the counter keeps the store and the processor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from supportdesk.ui import child_jobs
from supportdesk.ui.context import AppContext

TEAM_SYNC_MS = 60 * 1000
FIRST_TEAM_SYNC_MS = 10 * 1000
SERVER_STOP_MS = 3000


class TeamWork(QObject):
    synced = Signal(dict)  # the sync_team result: {"sent", "received", "peers"}
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.server: child_jobs.ChildJob | None = None  # this desk's endpoint, a child process
        self.port: int | None = None  # where it answers, once it does
        self.refused_port = False
        self.running = False
        self.syncing = False
        self.sync_job: child_jobs.ChildJob | None = None
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
        if self.server is not None:
            return
        port = str(self.ctx.setting("team_port"))
        self.server = child_jobs.ChildJob(self.ctx.data_dir, "team-serve", "--port", port,
                                          parent=self)  # fmt: skip
        self.server.done.connect(self._serving)
        self.server.failed.connect(self._serve_failed)
        self.server.start()

    def _serving(self, answer: dict) -> None:
        self.port, self.refused_port = int(answer["port"]), False

    def _serve_failed(self, _said: str) -> None:
        """The port is taken, or the endpoint stopped: said once, tried again each minute."""
        if self.server is not None:
            self.server.deleteLater()
        self.server, self.port = None, None
        if self.running and not self.refused_port:
            said = QCoreApplication.translate(
                "TeamWork",
                "Không mở được cổng đồng bộ nhóm {0}: máy khác chưa gửi được sang máy này.",
            )
            self.message.emit(said.replace("{0}", str(self.ctx.setting("team_port"))))
            self.refused_port = True

    def stop(self) -> None:
        self.running = False  # a first sync still scheduled does nothing now
        self.timer.stop()
        if self.sync_job is not None:
            self.sync_job.stop()
        if self.server is not None:
            server, self.server, self.port = self.server, None, None
            server.failed.disconnect(self._serve_failed)
            server.stop(SERVER_STOP_MS)
            server.deleteLater()

    def sync_now(self) -> bool:
        if self.syncing or not self.running or not self.ctx.setting("team"):
            return False
        self._serve()
        self.syncing = True
        self.sync_job = child_jobs.run(self, self.ctx.data_dir, "team-sync",
                                       on_done=self._synced, on_error=self._failed)  # fmt: skip
        return True

    def _synced(self, result: dict) -> None:
        self.syncing, self.sync_job = False, None
        self.last_result = result
        reached = [p for p in result["peers"] if p["ok"]]
        if result["received"]:
            said = QCoreApplication.translate("TeamWork", "Nhóm: đã nhận {0} thay đổi từ {1} máy.")
            self.message.emit(
                said.replace("{0}", str(result["received"])).replace("{1}", str(len(reached)))
            )
        self.synced.emit(result)

    def _failed(self, said: str) -> None:
        self.syncing, self.sync_job = False, None
        self.message.emit(
            QCoreApplication.translate("TeamWork", "Đồng bộ nhóm lỗi: {0}").replace("{0}", said)
        )
        self.synced.emit({"sent": 0, "received": 0, "peers": [], "error": said})
