"""Danh bạ: whom to call. Search as you type (names, agencies, fields, any run of phone
digits, a procedure code), a detail pane, copy the phone, add, edit, import and export."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from supportdesk.core import vocab
from supportdesk.core.admin_units import AdminUnits
from supportdesk.ui.contact_model import ContactTableModel, level_label, where_text
from supportdesk.ui.context import AppContext
from supportdesk.ui.file_dialogs import open_file, save_file
from supportdesk.ui.pages import BasePage
from supportdesk.ui.views import row_table, select_row

RESULT_LIMIT = 200


class FilePicker:
    """File choosers, replaced in tests."""

    @staticmethod
    def open_contacts(parent) -> str | None:
        return open_file(
            parent, QCoreApplication.translate("DirectoryPage", "Nhập danh bạ"),
            QCoreApplication.translate("DirectoryPage", "Danh bạ (*.csv *.xlsx *.vcf *.vcard)"),
        )  # fmt: skip

    @staticmethod
    def save_vcard(parent) -> str | None:
        return save_file(
            parent, QCoreApplication.translate("DirectoryPage", "Xuất vCard"), "danh-ba.vcf",
            QCoreApplication.translate("DirectoryPage", "vCard (*.vcf)"),
        )  # fmt: skip

    @staticmethod
    def save_template(parent) -> str | None:
        return save_file(
            parent, QCoreApplication.translate("DirectoryPage", "Lưu tệp mẫu danh bạ"),
            "mau-danh-ba.xlsx", QCoreApplication.translate("DirectoryPage", "Excel (*.xlsx)"),
        )  # fmt: skip


class DirectoryPage(BasePage):
    import_finished = Signal(dict)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.procedure: dict | None = None  # showing who handles this procedure
        self.query = QLineEdit()
        self.query.setObjectName("contactQuery")
        self.query.setClearButtonEnabled(True)
        self.add_button = QPushButton()
        self.add_button.setProperty("role", "primary")
        self.edit_button = QPushButton()
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.import_menu = QMenu(self.import_button)  # a file to import, or the template to fill
        self.import_file_action = self.import_menu.addAction("")
        self.template_action = self.import_menu.addAction("")
        self.import_button.setMenu(self.import_menu)
        self.export_button = QPushButton()
        self.level = QComboBox()
        self.level.setObjectName("contactLevel")
        self.level.addItem("", None)
        for key in vocab.LEVEL:
            self.level.addItem("", key)
        self.province = QComboBox()
        self.province.setObjectName("contactProvince")
        self.province.addItem("", None)
        for name in self._provinces():
            self.province.addItem(name, name)
        self.banner = QLabel()
        self.banner.setProperty("role", "hint")
        self.banner.setWordWrap(True)
        self.report = QLabel()
        self.report.setObjectName("importReport")
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        self.cancel_import_button = QPushButton()
        self.cancel_import_button.setObjectName("cancelImport")
        self.cancel_import_button.hide()
        self._import_task = None
        self.model = ContactTableModel(self)
        self.table = row_table("contactTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 210)  # narrow enough that the workplace column shows at 1024×768
        header.resizeSection(2, 90)
        header.resizeSection(3, 130)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyPhone")
        self.remove_button = QPushButton()  # Delete in the list does the same
        self.remove_button.setObjectName("removeContact")
        self.body = QTextBrowser()
        self.body.setObjectName("contactBody")
        bar = QHBoxLayout()
        bar.addWidget(self.query, 1)
        for b in (self.add_button, self.edit_button, self.import_button, self.export_button):
            bar.addWidget(b)
        filters = QHBoxLayout()
        filters.addWidget(self.level, 1)
        filters.addWidget(self.province, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.body, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([820, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(self.banner)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_import_button)
        layout.addWidget(self.report)
        layout.addLayout(progress_row)
        layout.addWidget(split, 1)
        self.contact: dict | None = None
        self.query.textChanged.connect(self._typed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_contact())
        self.add_button.clicked.connect(lambda: self.add_contact())
        self.edit_button.clicked.connect(lambda: self.edit_contact())
        self.cancel_import_button.clicked.connect(self.cancel_import)
        self.import_file_action.triggered.connect(lambda: self.import_file())
        self.template_action.triggered.connect(lambda: self.save_template())
        self.level.currentIndexChanged.connect(self.refresh)
        self.province.currentIndexChanged.connect(self.refresh)
        self.export_button.clicked.connect(lambda: self.export_file())
        self.copy_button.clicked.connect(self.copy_phone)
        self.remove_button.clicked.connect(lambda: self.remove_contact())
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(lambda: self.remove_contact())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.query.setPlaceholderText(
            self.tr("Tìm: họ tên, cơ quan, lĩnh vực, vài số điện thoại, mã thủ tục…")
        )
        self.add_button.setText(self.tr("Thêm liên hệ"))
        self.edit_button.setText(self.tr("Sửa"))
        self.import_button.setText(self.tr("Nhập tệp…"))
        self.import_file_action.setText(self.tr("Chọn tệp danh bạ (.xlsx, .csv, .vcf)…"))
        self.template_action.setText(self.tr("Lưu tệp mẫu Excel (.xlsx) để điền…"))
        self.level.setItemText(0, self.tr("Mọi cấp"))
        for i in range(1, self.level.count()):
            self.level.setItemText(i, level_label(self.level.itemData(i)))
        self.province.setItemText(0, self.tr("Mọi tỉnh, thành phố"))
        self.export_button.setText(self.tr("Xuất vCard…"))
        self.cancel_import_button.setText(self.tr("Dừng nhập"))
        self.copy_button.setText(self.tr("Sao chép số điện thoại"))
        self.remove_button.setText(self.tr("Xoá liên hệ"))
        self._show_banner()
        self.show_contact_detail(self.contact)

    # ------------------------------------------------------------ searching

    def _provinces(self) -> list[str]:
        """The desk's own province first, then the others in the shipped order."""
        own = self.ctx.setting("province_name", "") or ""
        names = [p.name for p in AdminUnits.shipped().provinces]
        return sorted(names, key=lambda n: n != own)

    def _typed(self) -> None:
        self.procedure = None
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        from supportdesk.core import directory

        current = (
            select if select is not None else self.model.id_at(self.table.currentIndex().row())
        )
        narrow = {"level": self.level.currentData(), "province": self.province.currentData()}
        if self.procedure is not None:
            rows = directory.for_procedure(self.ctx.db, self.procedure["code"],
                                           limit=RESULT_LIMIT, **narrow)  # fmt: skip
        else:
            rows = directory.search(self.ctx.db, self.query.text(), limit=RESULT_LIMIT, **narrow)
        self.model.set_rows(rows)
        self._show_banner()
        row = self.model.row_of(current) if current is not None else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            select_row(self.table, row)
        else:
            self.show_contact_detail(None)

    def _show_banner(self) -> None:
        from supportdesk.core import directory

        n = self.model.rowCount()
        if self.procedure is not None:
            text = self.tr("Ai phụ trách thủ tục {0} — {1}: {2} liên hệ").replace(
                "{0}", self.procedure["code"]).replace("{1}", self.procedure.get("name") or ""
            ).replace("{2}", str(n))  # fmt: skip
        elif self.query.text().strip() or self.level.currentData() or self.province.currentData():
            text = self.tr("Tìm thấy %n liên hệ", "", n)
        else:
            total = directory.count(self.ctx.db)
            text = self.tr(
                "Danh bạ có {0} liên hệ. Gõ vài chữ của tên, cơ quan, lĩnh vực hoặc vài số "
                "điện thoại để tìm."
            ).replace("{0}", str(total))
        self.banner.setText(text)

    def _row_changed(self, current, _previous) -> None:
        from supportdesk.core import directory

        contact_id = self.model.id_at(current.row())
        self.show_contact_detail(directory.get(self.ctx.db, contact_id) if contact_id else None)

    def show_contact(self, contact_id) -> None:
        """Quick search and other pages: show one contact."""
        from supportdesk.core import directory

        contact = directory.get(self.ctx.db, int(contact_id))
        if contact is None:
            return
        self.procedure = None
        self.query.blockSignals(True)
        self.query.setText(contact["name"])
        self.query.blockSignals(False)
        self.refresh(select=contact["id"])
        if self.model.row_of(contact["id"]) < 0:
            self.show_contact_detail(contact)

    def show_procedure(self, procedure: dict) -> None:
        """The contacts who handle a procedure (its code, its agencies, its field)."""
        self.procedure = {"code": procedure["code"], "name": procedure.get("name", "")}
        self.query.blockSignals(True)
        self.query.clear()
        self.query.blockSignals(False)
        self.refresh()

    def focus_search(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def activate(self) -> None:
        self._show_banner()

    def open_item(self, kind: str, key: object) -> None:
        if kind == "who_handles":
            self.show_procedure(key)
        else:
            self.show_contact(key)

    # ------------------------------------------------------------ detail

    def show_contact_detail(self, contact: dict | None) -> None:
        self.contact = contact
        self.edit_button.setEnabled(contact is not None)
        self.remove_button.setEnabled(contact is not None)
        self.copy_button.setEnabled(bool(contact and contact.get("phones")))
        if contact is None:
            self.title.setText(self.tr("Chọn một liên hệ để xem chi tiết."))
            self.body.clear()
            return
        self.title.setText(contact["name"])
        self.body.setHtml(self._html(contact))

    def _html(self, c: dict) -> str:
        from supportdesk.core.directory.entries import show_date

        kinds = {"cell": self.tr("di động"), "work": self.tr("cơ quan"),
                 "home": self.tr("nhà riêng"), "fax": self.tr("fax"), "other": ""}  # fmt: skip

        def row(label: str, value) -> str:
            if not value:
                return ""
            return f"<tr><td><b>{escape(label)}</b></td><td>{value}</td></tr>"

        phones = "<br>".join(
            f"<big><b>{escape(p['display'])}</b></big>"
            + (f" ({escape(kinds.get(p['kind'], ''))})" if kinds.get(p["kind"]) else "")
            for p in c.get("phones") or []
        )
        rows = [
            row(self.tr("Điện thoại"), phones),
            row(self.tr("Chức vụ, nơi làm việc"), escape(where_text(c))),
            row(self.tr("Cấp"), escape(level_label(c.get("level")))),
            row(self.tr("Email"), escape(c.get("email") or "")),
            row(self.tr("Lĩnh vực"), escape("; ".join(c.get("fields") or []))),
            row(self.tr("Mã thủ tục"), escape("; ".join(c.get("codes") or []))),
            row(self.tr("Giờ làm việc"), escape(c.get("hours") or "")),
            row(self.tr("Ghi chú"), escape(c.get("notes") or "")),
            row(self.tr("Nguồn"), escape(c.get("source") or "")),
            row(self.tr("Xác minh ngày"), escape(show_date(c.get("verified") or ""))),
        ]
        return "<table cellpadding='4'>" + "".join(rows) + "</table>"

    def copy_phone(self) -> None:
        if self.contact and self.contact.get("phones"):
            number = self.contact["phones"][0]["display"]
            QGuiApplication.clipboard().setText(number)
            self.message.emit(self.tr("Đã sao chép: {0}").replace("{0}", number))

    # ------------------------------------------------------------ changes

    def add_contact(self) -> None:
        from supportdesk.ui.contact_dialog import ContactDialog

        raw = ContactDialog.ask(None, self)
        if raw is not None:
            self._store(raw, None)

    def edit_contact(self) -> None:
        from supportdesk.ui.contact_dialog import ContactDialog

        if self.contact is None:
            return
        raw = ContactDialog.ask(self.contact, self)
        if raw is not None:
            self._store(raw, self.contact["id"])

    def remove_contact(self) -> None:
        """After a yes: the entry leaves this desk's directory and, in a team, the others'."""
        from supportdesk.core import directory

        if self.contact is None:
            return
        asked = QMessageBox.question(
            self, self.tr("Xoá liên hệ"),
            self.tr("Xoá «{0}» khỏi danh bạ? Các máy khác trong nhóm của xã cũng sẽ xoá.")
            .replace("{0}", self.contact["name"]),
        )  # fmt: skip
        if asked != QMessageBox.StandardButton.Yes:
            return
        try:
            directory.remove(self.ctx.db, self.contact["id"])
        except directory.RecordError as exc:
            self.message.emit(str(exc))
            return
        self.show_contact_detail(None)
        self.refresh()
        self.ctx.changes.notify("contacts")
        self.message.emit(self.tr("Đã xoá liên hệ."))

    def _store(self, raw: dict, contact_id: int | None) -> None:
        from supportdesk.core import directory
        from supportdesk.ui.contact_store import save_contact

        try:
            saved = save_contact(self.ctx.db, raw, contact_id)
        except directory.RecordError as exc:
            self.message.emit(str(exc))
            return
        self.show_contact(saved)
        self.ctx.changes.notify("contacts")
        self.message.emit(self.tr("Đã lưu liên hệ."))

    def import_file(self, path: str | None = None) -> None:
        from supportdesk.ui.contact_store import import_contacts

        path = path or FilePicker.open_contacts(self)
        if not path:
            return
        self.import_button.setEnabled(False)
        self.report.setText(self.tr("Đang nhập danh bạ…"))
        self.report.show()
        self.progress.setRange(0, 0)  # busy until the first step says how many rows
        self.progress.show()
        self.cancel_import_button.show()
        self._import_task = self.ctx.tasks.start(
            import_contacts, path, on_done=self._imported, on_error=self._import_failed,
            on_progress=self._import_progress, on_cancel=self._import_cancelled,
        )  # fmt: skip

    def cancel_import(self) -> None:
        """Stop the running import; it is rolled back whole, nothing is half imported."""
        if self._import_task is not None:
            self._import_task.cancel_event.set()

    def _import_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _import_ended(self) -> None:
        self._import_task = None
        self.import_button.setEnabled(True)
        self.progress.hide()
        self.cancel_import_button.hide()

    def _imported(self, report: dict) -> None:
        self._import_ended()
        self.report.setText(self.report_text(report))
        self.refresh()
        self.ctx.changes.notify("contacts")
        self.import_finished.emit(report)

    def _import_failed(self, message: str) -> None:
        self._import_ended()
        self.report.setText(self.tr("Không nhập được: {0}").replace("{0}", message))
        self.import_finished.emit({"cancelled": False, "error": message})

    def _import_cancelled(self) -> None:
        self._import_ended()
        self.report.setText(self.tr("Đã dừng nhập; danh bạ không thay đổi."))
        self.import_finished.emit({"cancelled": True, "error": ""})

    def report_text(self, report: dict) -> str:
        if report.get("error"):
            return self.tr("Không đọc được tệp: {0}").replace("{0}", report["error"])
        rejected = report.get("rejected") or []
        if rejected:
            lines = [self.tr("Chưa nhập gì: {0} dòng có lỗi, sửa tệp rồi nhập lại.").replace(
                "{0}", str(len(rejected)))]  # fmt: skip
            for r in rejected[:20]:
                lines.append(self.tr("• Dòng {0}: {1}").replace("{0}", str(r["row"]))
                             .replace("{1}", r["reason"]))  # fmt: skip
            if len(rejected) > 20:
                lines.append(self.tr("… và {0} dòng khác").replace("{0}", str(len(rejected) - 20)))
            return "\n".join(lines)
        return (
            self.tr("Đã nhập: {0} mới, {1} cập nhật, {2} không đổi.")
            .replace("{0}", str(report["added"]))
            .replace("{1}", str(report["updated"]))
            .replace("{2}", str(report["unchanged"]))
        )

    def save_template(self, path: str | None = None) -> None:
        """The .xlsx to fill with the team's contacts, then import with "Nhập tệp…"."""
        from supportdesk.core.directory import files

        path = path or FilePicker.save_template(self)
        if not path:
            return
        try:
            files.write_template(path)
        except OSError as exc:
            self.message.emit(self.tr("Không lưu được tệp mẫu: {0}").replace("{0}", str(exc)))
            return
        self.message.emit(
            self.tr("Đã lưu tệp mẫu: {0}. Điền mỗi dòng một người rồi bấm Nhập tệp….")
            .replace("{0}", path)
        )  # fmt: skip

    def export_file(self, path: str | None = None) -> None:
        from supportdesk.ui.contact_store import export_vcard

        path = path or FilePicker.save_vcard(self)
        if not path:
            return
        self.ctx.tasks.start(
            export_vcard, path,
            on_done=lambda n: self.message.emit(
                self.tr("Đã xuất {0} liên hệ ra {1}").replace("{0}", str(n)).replace("{1}", path)
            ),
            on_error=lambda m: self.message.emit(self.tr("Không xuất được: {0}").replace("{0}", m)),
        )  # fmt: skip
