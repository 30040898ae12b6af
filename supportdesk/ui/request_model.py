"""Requests as a lazily paging Qt model that holds a window of rows, not all of them.

Scrolling 200,000 requests must stay within one frame a page and within the memory budget
(supportdesk/bench/gui.py). So the model keeps every listed id (8 bytes a row, in an array: the
order of the list) and only the last few pages of rows it showed; a page it let go of is read
back by its ids when the view comes back to it. Rows are the lean tuples of
core.tickets.listing, every cell ready to show: no per-row Python work while scrolling.

Given a TaskRunner, the model also reads the next page ahead, in the background, as soon as a
page is shown: when the view asks for more, the rows are usually there already, so the GUI
thread does no SQL while a sync or an import keeps the other threads busy (it falls back to
reading the page itself when the read ahead has not come back)."""

from __future__ import annotations

from array import array
from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from supportdesk.core import vocab
from supportdesk.core.tickets import listing as L

PAGE_SIZE = 200
KEPT_PAGES = 8  # rows held in memory: enough for a screen and the pages either side of it
OVERDUE_BG, DUE_SOON_BG, DONE_FG = QColor("#f9d6d5"), QColor("#fdf0c8"), QColor("#5f6b76")
DONE = ("resolved", "closed")
_DISPLAY = Qt.ItemDataRole.DisplayRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_USER = Qt.ItemDataRole.UserRole


def status_label(status: str) -> str:
    return QCoreApplication.translate("vocab", vocab.label(vocab.STATUS, status))


class RequestTableModel(QAbstractTableModel):
    # The position of each column's value in a list row (core.tickets.listing).
    COLUMNS = (L.TICKET, L.CREATED, L.REQUESTER, L.CATEGORY, L.SUMMARY, L.STATUS, L.DUE,
               L.ASSIGNEE)  # fmt: skip

    def __init__(self, db, category_names: dict[str, str], parent=None, tasks=None):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self._ahead: tuple | None = None  # (generation, after id, rows) read in the background
        self._generation = 0  # bumped by every reload: a read ahead for older filters is dropped
        self.category_names = category_names
        self.filters: dict = {}
        self._ids = array("q")
        self._pages: OrderedDict[int, list[tuple]] = OrderedDict()  # least recently used first
        self._more = False
        self._statuses: dict[str, str] = {}

    def reload(self, filters: dict | None = None) -> None:
        if filters is not None:
            self.filters = filters
        self.beginResetModel()
        self._generation += 1
        self._ahead = None
        self._statuses = {}  # the language may have changed
        self._ids = array("q")
        self._pages.clear()
        self._append(L.page_rows(self.db, self.filters, limit=PAGE_SIZE))
        self.endResetModel()
        self._read_ahead()

    def _append(self, rows: list[tuple]) -> None:
        """Keep a fetched page (pages start at multiples of PAGE_SIZE) and its ids."""
        if rows:
            self._keep(len(self._ids) // PAGE_SIZE, rows)
            self._ids.extend(row[L.ID] for row in rows)
        self._more = len(rows) == PAGE_SIZE

    def _keep(self, number: int, rows: list[tuple]) -> None:
        self._pages[number] = rows
        self._pages.move_to_end(number)
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 — Qt's signature
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._ids:
            return
        after = self._ids[-1]
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[:2] == (self._generation, after):
            rows = ahead[2]
        else:
            rows = L.page_rows(self.db, self.filters, after=after, limit=PAGE_SIZE)
        first = len(self._ids)
        if rows:
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._append(rows)
            self.endInsertRows()
        else:
            self._more = False
        self._read_ahead()

    def _read_ahead(self) -> None:
        """Start reading the page after the last one, on a background connection."""
        if self.tasks is None or not self._more or not self._ids:
            return
        key = (self._generation, self._ids[-1])

        def arrived(rows: list[tuple]) -> None:
            if key == (self._generation, self._ids[-1] if self._ids else None):
                self._ahead = (*key, rows)

        self.tasks.start(L.page_rows, dict(self.filters), key[1], PAGE_SIZE, on_done=arrived,
                         on_error=lambda _message: None)  # fmt: skip

    def row(self, number: int) -> tuple:
        """The list row at this position, read back from the store if it was let go of."""
        page = number // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE].tolist()
            found = {r[L.ID]: r for r in L.rows_by_id(self.db, ids)}
            # A request that vanished meanwhile keeps its place, blank, until the next reload.
            rows = [found.get(i) or (i, "", None, "", "", "", "", None, "", 0, 0) for i in ids]
            self._keep(page, rows)
        elif len(self._pages) > 1:
            self._pages.move_to_end(page)
        return rows[number - page * PAGE_SIZE]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if role == _DISPLAY:
            row = self.row(index.row())
            column = self.COLUMNS[index.column()]
            value = row[column]
            if column == L.STATUS:
                return self._status(value)
            if column == L.CATEGORY:
                return self.category_names.get(value, value)
            return value or ""
        if role == Qt.ItemDataRole.ToolTipRole:  # names and summaries cut in the table
            column = self.COLUMNS[index.column()]
            if column in (L.REQUESTER, L.SUMMARY):
                return self.row(index.row())[column] or None
            return None
        if role == _BACKGROUND:
            row = self.row(index.row())
            if row[L.OVERDUE]:
                return OVERDUE_BG
            if row[L.SOON]:
                return DUE_SOON_BG
            return None
        if role == _FOREGROUND:
            return DONE_FG if self.row(index.row())[L.STATUS] in DONE else None
        if role == _USER:
            return self._ids[index.row()]
        return None

    def _status(self, status: str) -> str:
        label = self._statuses.get(status)
        if label is None:
            label = self._statuses[status] = status_label(status)
        return label

    def headerData(self, section: int, orientation, role: int = _DISPLAY):
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        return (
            QCoreApplication.translate("RequestTableModel", "Số phiếu"),
            QCoreApplication.translate("RequestTableModel", "Tiếp nhận"),
            QCoreApplication.translate("RequestTableModel", "Người yêu cầu"),
            QCoreApplication.translate("RequestTableModel", "Chủ đề"),
            QCoreApplication.translate("RequestTableModel", "Tóm tắt"),
            QCoreApplication.translate("RequestTableModel", "Trạng thái"),
            QCoreApplication.translate("RequestTableModel", "Hạn xử lý"),
            QCoreApplication.translate("RequestTableModel", "Người xử lý"),
        )[section]

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def ids(self) -> list[int]:
        """Every listed id, in list order."""
        return self._ids.tolist()

    def row_of(self, request_id: int) -> int:
        try:
            return self._ids.index(request_id)
        except ValueError:
            return -1
