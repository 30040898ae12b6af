"""A horizontal bar chart drawn with QPainter (PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#1f6fb2")
TRACK = QColor("#e9eef3")


class BarChart(QWidget):
    """One bar per (label, value), longest value full width; labels on the left, values right."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("barChart")
        self.bars: list[tuple[str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self.bars = list(bars)
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 10

    def sizeHint(self) -> QSize:
        return QSize(480, max(1, len(self.bars)) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        width, row_h = self.width(), self._row_height()
        label_w = min(int(width * 0.6), max((metrics.horizontalAdvance(b[0]) for b in self.bars),
                                             default=0) + 12)  # fmt: skip
        value_w = metrics.horizontalAdvance("00000") + 8
        top = max((v for _, v in self.bars), default=0) or 1
        track_w = max(10, width - label_w - value_w - 8)
        for i, (label, value) in enumerate(self.bars):
            y = 4 + i * row_h
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_w - 8, row_h), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, text)  # fmt: skip
            bar_rect = QRectF(label_w, y + 3, track_w, row_h - 6)
            painter.fillRect(bar_rect, TRACK)
            painter.fillRect(QRectF(label_w, y + 3, track_w * value / top, row_h - 6), BAR)
            painter.drawText(QRectF(label_w + track_w + 8, y, value_w, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             str(value))  # fmt: skip
        painter.end()
