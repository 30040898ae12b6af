"""Work the app does on its own: the upstream sync every few minutes once enrolled ("Gửi ngay"
forces it) in a child process (ui.child_jobs), the daily backup, and the retention purge of
personal data at start, each in a background task."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from supportdesk.ui.context import AppContext

SYNC_INTERVAL_MS = 5 * 60 * 1000
FIRST_SYNC_DELAY_MS = 15 * 1000  # let the window settle and the person start working first
BACKUP_CHECK_MS = 60 * 60 * 1000  # the day's backup is made by the first check of the day


def _backup(db, data_dir: str) -> str:
    from supportdesk.core.store import backup

    made = backup.daily(db, Path(data_dir))
    return str(made) if made else ""


def _purge(db) -> int:
    from supportdesk.core import tickets

    return tickets.purge_personal(db)


class BackgroundWork(QObject):
    synced = Signal(dict)  # the sync_now result
    purged = Signal(int)
    backed_up = Signal(str)  # the new backup's path, "" when today's existed already
    message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.syncing = False
        self.job = None  # the hub sync under way, in a child process (ui.child_jobs)
        self.last_result: dict | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.sync_now())
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.back_up)
        from supportdesk.ui.team_work import TeamWork

        self.team = TeamWork(ctx, self)  # the commune's other desks (when in a team)
        self.team.message.connect(self.message)

    def start(self) -> None:
        """The daily backup, and periodic sync when this PC is enrolled with the hub."""
        self.back_up()
        self.backup_timer.start()
        if self.ctx.setting("hub_url"):
            self.timer.start()
            QTimer.singleShot(FIRST_SYNC_DELAY_MS, self, lambda: self.sync_now())
        self.team.start()

    def stop(self) -> None:
        self.timer.stop()
        self.backup_timer.stop()
        self.team.stop()
        if self.syncing and self.job is not None:
            self.job.stop()

    def back_up(self) -> None:
        self.ctx.tasks.start(_backup, str(self.ctx.data_dir), on_done=self.backed_up.emit,
                             on_error=lambda m: self.message.emit(m))  # fmt: skip

    def sync_now(self, force: bool = False) -> bool:
        if self.syncing:
            return False
        self.syncing = True
        if force:
            self.message.emit(
                QCoreApplication.translate("BackgroundWork", "Đang gửi báo cáo lên máy chủ tỉnh…")
            )
        from supportdesk.ui import child_jobs

        self.job = child_jobs.run(
            self, self.ctx.data_dir, "hub-sync", *(["--force"] if force else []),
            on_done=self._synced, on_error=self._sync_failed,
        )  # fmt: skip
        return True

    def _synced(self, result: dict) -> None:
        self.syncing, self.job = False, None
        self.last_result = result
        if result.get("paused"):
            self.message.emit(QCoreApplication.translate("BackgroundWork",
                "Máy chủ tỉnh đã thu hồi mã của xã: việc gửi tạm dừng. Vào Cài đặt → Máy chủ "
                "tỉnh để đăng ký lại với mã mới."
            ))  # fmt: skip
        elif result.get("not_enrolled"):
            self.message.emit(QCoreApplication.translate("BackgroundWork",
                "Chưa gửi báo cáo lên tỉnh: máy này chưa đăng ký. Vào Cài đặt → Máy chủ tỉnh, "
                "nhập mã đăng ký do tỉnh cấp."
            ))  # fmt: skip
        elif result.get("reason"):
            self.message.emit(
                QCoreApplication.translate("BackgroundWork", "Chưa gửi được: {0}").replace(
                    "{0}", str(result["reason"])
                )
            )
        elif result.get("acked") or result.get("sent"):
            self.message.emit(
                QCoreApplication.translate("BackgroundWork", "Đã gửi {0} báo cáo.").replace(
                    "{0}", str(result.get("acked", 0))
                )
            )
        self.synced.emit(result)

    def _sync_failed(self, message: str) -> None:
        self.syncing, self.job = False, None
        self.message.emit(
            QCoreApplication.translate("BackgroundWork", "Đồng bộ lỗi: {0}").replace("{0}", message)
        )
        self.synced.emit({"error": message})

    def purge_personal(self) -> None:
        self.ctx.tasks.start(_purge, on_done=self._purged,
                             on_error=lambda m: self.message.emit(m))  # fmt: skip

    def _purged(self, count: int) -> None:
        if count:
            self.message.emit(
                QCoreApplication.translate(
                    "BackgroundWork", "Đã ẩn danh {0} yêu cầu quá thời hạn lưu giữ."
                ).replace("{0}", str(count))
            )
        self.purged.emit(count)
