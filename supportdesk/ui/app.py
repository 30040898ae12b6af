"""Starting the desktop app."""

from __future__ import annotations

import sys


def run_app(data_dir: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from supportdesk import __version__
    from supportdesk.core import catalog
    from supportdesk.core.db import open_store

    app = QApplication.instance() or QApplication(sys.argv)
    db = open_store(data_dir)
    window = QMainWindow()
    window.setWindowTitle(f"SupportDesk {__version__}")
    window.setCentralWidget(QLabel(f"Danh mục: {catalog.count(db)} thủ tục hành chính"))
    window.resize(900, 600)
    window.show()
    return app.exec()
