"""The knowledge base page (issue 17): find an article the way people type, read its fix,
see how often it was offered, applied and followed by an on-time resolution; write, publish,
retire, print it for a citizen."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from supportdesk.core import kb
from supportdesk.core.kb import usage
from supportdesk.ui.context import AppContext
from supportdesk.ui.kb_editor import KbEditor
from supportdesk.ui.pages import BasePage


def _t(text: str) -> str:
    return QCoreApplication.translate("KbPage", text)


def filters() -> tuple[tuple[str, str], ...]:
    return (("", _t("Đang dùng")), ("draft", _t("Bản nháp")), ("published", _t("Đã đăng")),
            ("retired", _t("Đã gỡ")))  # fmt: skip


def status_label(status: str) -> str:
    return dict(filters()[1:])[status]


class KbPage(BasePage):
    """Prints through `print_requested("kb_sheet", (article id, width))`."""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self.items: list[dict] = []
        self.query = QLineEdit()
        self.query.setObjectName("kbQuery")
        self.query.setPlaceholderText(self.tr("Tìm bài: gõ như người dân nói, có dấu hay không"))
        self.query.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("kbStatus")
        for key, label in filters():
            self.status.addItem(label, key)
        self.note = QLabel()
        self.note.setProperty("role", "muted")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("kbTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Bài hướng dẫn"), self.tr("Trạng thái"), self.tr("Gợi ý"),
             self.tr("Áp dụng"), self.tr("Xong đúng hạn")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view = QTextBrowser()
        self.view.setObjectName("kbArticle")
        self.view.setOpenExternalLinks(True)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, label in (
            ("add", self.tr("Thêm bài")),
            ("edit", self.tr("Sửa")),
            ("publish", self.tr("Đăng")),
            ("retire", self.tr("Gỡ bài")),
            ("sheet_a5", self.tr("In phiếu A5")),
            ("sheet_roll", self.tr("In phiếu 80 mm")),
            ("propose", self.tr("Đề xuất lên tỉnh")),
        ):
            button = QPushButton(label)
            button.setObjectName(f"kb_{key}")
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.status)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.note)
        left_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.view)
        split.setSizes([640, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.query.textChanged.connect(lambda _t: self.refresh(keep_selection=False))
        self.status.currentIndexChanged.connect(lambda _i: self.refresh(keep_selection=False))
        self.table.itemSelectionChanged.connect(self._selected)
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["edit"].clicked.connect(self.edit)
        self.buttons["publish"].clicked.connect(lambda: self._set_status("published"))
        self.buttons["retire"].clicked.connect(lambda: self._set_status("retired"))
        self.buttons["sheet_a5"].clicked.connect(lambda: self._print("a5"))
        self.buttons["sheet_roll"].clicked.connect(lambda: self._print("80mm"))
        self.buttons["propose"].clicked.connect(self.propose)
        self.refresh()

    def activate(self) -> None:
        self.refresh()

    def focus_search(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def print_current(self) -> None:
        article = self.current()
        if article and article["audience"] == "citizen":
            self._print("a5")

    def open_item(self, kind: str, key: object) -> None:
        article = kb.get(self.ctx.db, str(key)) if kind == "article" else None
        if article is not None:
            self.query.clear()
            self.status.setCurrentIndex(max(0, self.status.findData(
                "" if article["status"] != "retired" else "retired")))  # fmt: skip
            self._show(article)

    def current(self) -> dict | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def refresh(self, keep_selection: bool = True) -> None:
        """Re-read the list; a new query or filter starts at its best result."""
        keep = (self.current() or {}).get("uuid") if keep_selection else None
        status = self.status.currentData()
        typed = self.query.text()
        self.note.clear()
        if typed.strip():
            statuses = (status,) if status else ("draft", "published")
            found = kb.search(self.ctx.db, typed, limit=50, statuses=statuses)
            items = found.items
            if found.approximate and items:
                self.note.setText(self.tr("Không tìm thấy chính xác — kết quả gần đúng"))
        else:
            items = kb.listing(self.ctx.db, status=status or None)
        self.items = usage.with_stats(self.ctx.db, items)
        self.table.setRowCount(len(self.items))
        for row, a in enumerate(self.items):
            u = a["usage"]
            cells = [a["title"], status_label(a["status"]), u["suggested"],
                     u["applied"], u["resolved_on_time"]]  # fmt: skip
            for column, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        uuids = [a["uuid"] for a in self.items]
        self.table.setCurrentCell(uuids.index(keep) if keep in uuids else (0 if uuids else -1), 0)
        self._selected()

    def _selected(self) -> None:
        article = self.current()
        for key in ("edit", "publish", "retire", "sheet_a5", "sheet_roll", "propose"):
            self.buttons[key].setEnabled(article is not None)
        if article is None:
            self.view.setHtml(f"<p>{escape(self.tr('Chưa có bài nào.'))}</p>")
            return
        citizen = article["audience"] == "citizen"
        self.buttons["sheet_a5"].setEnabled(citizen)
        self.buttons["sheet_roll"].setEnabled(citizen)
        self.buttons["publish"].setEnabled(article["status"] != "published")
        self.buttons["retire"].setEnabled(article["status"] != "retired")
        self.buttons["propose"].setEnabled(article["origin"] == "commune")
        self.view.setHtml(article_html(article))

    def add(self) -> None:
        saved = KbEditor.ask(self.ctx, None, self)
        if saved:
            self.query.clear()
            self.status.setCurrentIndex(0)
            self._show(saved)

    def edit(self) -> None:
        article = self.current()
        if article and (saved := KbEditor.ask(self.ctx, article, self)):
            self._show(saved)

    def _show(self, article: dict) -> None:
        self.refresh()
        uuids = [a["uuid"] for a in self.items]
        if article["uuid"] in uuids:
            self.table.setCurrentCell(uuids.index(article["uuid"]), 0)

    def _set_status(self, status: str) -> None:
        article = self.current()
        if article:
            kb.set_status(self.ctx.db, article["id"], status)
            self.message.emit(self.tr("Đã lưu: %s") % article["title"])
            self.refresh()

    def propose(self) -> None:
        """Queue the article for the province; it leaves with the next sync."""
        from supportdesk.core.kb import proposals

        article = self.current()
        if article is None:
            return
        try:
            proposals.propose(self.ctx.db, article["id"])
        except kb.KbError as exc:
            self.message.emit(str(exc))
            return
        self.message.emit(self.tr("Đã xếp bài vào hộp thư đi để gửi tỉnh: %s") % article["title"])

    def _print(self, width: str) -> None:
        article = self.current()
        if article:
            self.print_requested.emit("kb_sheet", (article["id"], width))


def article_html(a: dict) -> str:
    """An article as the page shows it: state, symptoms, numbered steps, where it applies."""
    audience = {"staff": _t("cán bộ"), "citizen": _t("công dân")}[a["audience"]]
    origin = {"commune": _t("Của xã"), "province": _t("Của tỉnh")}[a["origin"]]
    state = [status_label(a["status"]), origin, _t("cho %s") % audience]
    h = [f"<h2>{escape(a['title'])}</h2><p><i>{escape(' · '.join(state))}</i></p>"]
    if a["sample"]:
        sample = _t("Bài mẫu — tỉnh cần rà soát trước khi dùng chính thức.")
        h.append(f"<p><b>{escape(sample)}</b></p>")
    if a["symptoms"]:
        h.append(f"<p><b>{escape(_t('Dấu hiệu:'))}</b> {escape(a['symptoms'])}</p>")
    h.append(f"<p><b>{escape(_t('Cách xử lý:'))}</b></p><ol>")
    h += [f"<li>{escape(step)}</li>" for step in a["steps"]]
    h.append("</ol>")
    if a["systems"]:
        systems = ", ".join(kb.SYSTEMS.get(s, s) for s in a["systems"])
        h.append(f"<p><b>{escape(_t('Hệ thống:'))}</b> {escape(systems)}</p>")
    if a["source"]:
        links = "<br/>".join(
            f"<a href='{escape(u)}'>{escape(u)}</a>" if u.startswith("http") else escape(u)
            for u in a["source"].split("\n")
        )
        h.append(f"<p><b>{escape(_t('Nguồn:'))}</b><br/>{links}</p>")
    if a.get("usage"):
        u = a["usage"]
        line = _t("Đã gợi ý %1 lần · áp dụng %2 · xong đúng hạn sau khi áp dụng %3")
        line = line.replace("%1", str(u["suggested"])).replace("%2", str(u["applied"]))
        h.append(f"<p>{escape(line.replace('%3', str(u['resolved_on_time'])))}</p>")
    return "".join(h)
