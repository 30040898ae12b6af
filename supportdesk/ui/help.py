"""Help: keyboard shortcuts and about."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


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
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("help", "Phím tắt"))
    box.setText(shortcuts_html())
    box.exec()


def show_about(parent: QWidget, version: str) -> None:
    text = QCoreApplication.translate(
        "help",
        "SupportDesk {0}\nPhần mềm của tổ hỗ trợ kỹ thuật tại Trung tâm Phục vụ hành chính công "
        "cấp xã.\nDữ liệu đơn vị hành chính: thanglequoc/vietnamese-provinces-database (MIT).",
    ).replace("{0}", version)
    QMessageBox.about(parent, QCoreApplication.translate("help", "Giới thiệu"), text)
