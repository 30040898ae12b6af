"""Help: keyboard shortcuts and about."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from supportdesk.ui.views import fit_to_screen


def shortcuts() -> list[tuple[str, str]]:
    return [
        ("Ctrl+N", QCoreApplication.translate("help", "Ghi yêu cầu mới")),
        ("Ctrl+Enter", QCoreApplication.translate("help", "Lưu yêu cầu đang ghi")),
        ("Ctrl+K", QCoreApplication.translate("help", "Tìm nhanh yêu cầu, thủ tục, danh bạ")),
        ("Ctrl+F", QCoreApplication.translate("help", "Đưa con trỏ vào ô tìm kiếm của trang")),
        (
            "Ctrl+1 … Ctrl+4",
            QCoreApplication.translate("help", "Chuyển trang: Yêu cầu, Thủ tục, Danh bạ, Tổng hợp"),
        ),
        ("Ctrl+P", QCoreApplication.translate("help", "In hướng dẫn thủ tục hoặc phiếu tiếp nhận")),
        ("Ctrl++ / Ctrl+-", QCoreApplication.translate("help", "Chữ to hơn / nhỏ hơn")),
        (
            "Esc",
            QCoreApplication.translate(
                "help", "Đóng danh sách gợi ý; đóng khung ghi yêu cầu (hỏi trước khi bỏ nội dung)"
            ),
        ),
        ("Tab / Shift+Tab", QCoreApplication.translate("help", "Sang ô tiếp theo / ô trước")),
        (
            "Alt+N",
            QCoreApplication.translate(
                "help", "Nhận xử lý yêu cầu đang chọn (yêu cầu đã chuyển: nhận lại từ cấp trên)"
            ),
        ),
        ("Alt+C", QCoreApplication.translate("help", "Chờ người yêu cầu")),
        ("Alt+U", QCoreApplication.translate("help", "Chuyển cấp trên")),
        ("Alt+G", QCoreApplication.translate("help", "Đã giải quyết")),
        ("Alt+O", QCoreApplication.translate("help", "Đóng yêu cầu")),
        ("Alt+M", QCoreApplication.translate("help", "Mở lại yêu cầu")),
        ("Alt+I", QCoreApplication.translate("help", "In phiếu tiếp nhận")),
        ("Ctrl+,", QCoreApplication.translate("help", "Cài đặt")),
        ("F1", QCoreApplication.translate("help", "Bảng phím tắt này")),
    ]


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in shortcuts()
    )
    return f"<table cellpadding='6'>{rows}</table>"


def show_shortcuts(parent: QWidget) -> None:
    """The list in a scrolling dialog that fits a 1024×768 screen (a message box grew taller
    than the screen and hid its button)."""
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsDialog")
    dialog.setWindowTitle(QCoreApplication.translate("help", "Phím tắt"))
    text = QTextBrowser()
    text.setObjectName("shortcutList")
    text.setHtml(shortcuts_html())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text, 1)
    layout.addWidget(buttons)
    fit_to_screen(dialog, QSize(620, 640))
    buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
    dialog.exec()


def show_about(parent: QWidget, version: str) -> None:
    text = QCoreApplication.translate(
        "help",
        "SupportDesk {0}\nPhần mềm của tổ hỗ trợ kỹ thuật tại Trung tâm Phục vụ hành chính công "
        "cấp xã.\nDữ liệu đơn vị hành chính: thanglequoc/vietnamese-provinces-database (MIT).",
    ).replace("{0}", version)
    QMessageBox.about(parent, QCoreApplication.translate("help", "Giới thiệu"), text)
