"""Printing: render the PDF in a background task, then open it in the system viewer to print
(PySide6-Essentials has no QtPdf)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from supportdesk.ui.context import AppContext


def _render(db, kind: str, key, path: str) -> str:
    from supportdesk.core.pdf.export import render_to_file

    return str(render_to_file(db, kind, key, path))


class Printer(QObject):
    """Starts document renders. When the file is ready, `opened` (it is shown in the PDF viewer)
    or `no_viewer` (nothing could show it) carries its path; `failed` a message for the user."""

    opened = Signal(str)
    no_viewer = Signal(str)
    failed = Signal(str)
    started = Signal(str)

    def __init__(self, ctx: AppContext, parent=None, open_file=None):
        super().__init__(parent)
        self.ctx = ctx
        self._open = open_file or (lambda p: QDesktopServices.openUrl(QUrl.fromLocalFile(p)))

    def target(self, kind: str, key) -> Path:
        safe = re.sub(r"[^\w.-]+", "_", str(key))
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return self.ctx.data_dir / "printouts" / f"{kind}-{safe}-{stamp}.pdf"

    def print_document(self, kind: str, key) -> None:
        path = self.target(kind, key)
        self.started.emit(QCoreApplication.translate("Printer", "Đang tạo tài liệu để in…"))
        self.ctx.tasks.start(
            _render, kind, key, str(path), on_done=self._done, on_error=self._error
        )

    def _done(self, path: str) -> None:
        if self._open(path) is False:  # QDesktopServices found no program for PDF files
            self.no_viewer.emit(path)
        else:
            self.opened.emit(path)

    def _error(self, message: str) -> None:
        self.failed.emit(
            QCoreApplication.translate("Printer", "Không tạo được tài liệu: {0}").replace(
                "{0}", message
            )
        )
