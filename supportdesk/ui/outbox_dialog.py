"""The outbox: reports waiting, sent, or rejected by the hub with its reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from supportdesk.core.formats import local_time
from supportdesk.ui.context import AppContext


def state_label(state: str) -> str:
    return {
        "pending": QCoreApplication.translate("OutboxDialog", "Chờ gửi"),
        "in_flight": QCoreApplication.translate("OutboxDialog", "Đang gửi"),
        "acked": QCoreApplication.translate("OutboxDialog", "Đã gửi"),
        "rejected": QCoreApplication.translate("OutboxDialog", "Bị từ chối"),
        "superseded": QCoreApplication.translate("OutboxDialog", "Đã thay bằng bản mới"),
    }.get(state, state)


def _when(value) -> str:
    from supportdesk.core.sync import outbox

    if isinstance(value, int | float):
        value = outbox.iso(value)
    return local_time(value, with_year=True) if value else ""


class OutboxDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        from supportdesk.core.sync import outbox

        self.setObjectName("outboxDialog")
        self.setWindowTitle(self.tr("Hộp thư đi"))
        self.resize(900, 480)
        state = outbox.get_state(ctx.db)
        self.state = QLabel()
        self.state.setWordWrap(True)
        if state.get("paused"):
            self.state.setText(self.tr("Tạm dừng: máy chủ tỉnh đã thu hồi mã của xã. Vào Cài đặt "
                                       "→ Máy chủ tỉnh để đăng ký lại."))  # fmt: skip
            self.state.setProperty("role", "warning")
        elif state.get("last_error"):
            self.state.setText(self.tr("Lần gửi gần nhất: {0}").replace("{0}", state["last_error"]))
        rows = outbox.items(ctx.db)
        self.table = QTableWidget(len(rows), 5)
        self.table.setObjectName("outboxTable")
        self.table.setHorizontalHeaderLabels([self.tr("Kỳ báo cáo"), self.tr("Lần"),
                                              self.tr("Trạng thái"), self.tr("Cập nhật"),
                                              self.tr("Lý do")])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for i, r in enumerate(rows):
            reason = r.get("last_error") or "" if r["state"] in ("rejected", "pending") else ""
            values = (r["period_id"], str(r["revision"]), state_label(r["state"]),
                      _when(r.get("updated_at")), reason)  # fmt: skip
            for col, value in enumerate(values):
                self.table.setItem(i, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        empty = QLabel(self.tr("Chưa có báo cáo nào.")) if not rows else None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        if empty:
            layout.addWidget(empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, ctx: AppContext, parent=None) -> None:
        cls(ctx, parent).exec()
