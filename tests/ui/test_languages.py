"""Every string in both languages: the English .ts has nothing unfinished after lupdate; the
intake form follows a language switch; Qt's file dialog reads Vietnamese; numbers follow the
language (98,8% / 98.8%)."""

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QToolButton

ROOT = Path(__file__).resolve().parents[2]


def test_lupdate_leaves_nothing_unfinished(tmp_path):
    ts = tmp_path / "supportdesk_en.ts"
    shutil.copy(ROOT / "resources" / "i18n" / "supportdesk_en.ts", ts)
    lupdate = shutil.which("pyside6-lupdate") or str(
        Path(sys.executable).with_name("pyside6-lupdate")
    )
    sources = sorted(str(p) for p in (ROOT / "supportdesk" / "ui").glob("*.py"))
    sources.append(str(ROOT / "supportdesk" / "core" / "vocab.py"))  # as build_translations does
    subprocess.run([lupdate, *sources, "-source-language", "vi", "-target-language", "en",
                    "-no-obsolete", "-locations", "none", "-ts", str(ts)],
                   check=True, capture_output=True)  # fmt: skip
    text = ts.read_text(encoding="utf-8")
    assert text.count("<message") > 300
    assert 'type="unfinished"' not in text


def test_the_intake_form_and_the_timeline_follow_the_language(desk, window, qtbot):
    page = window.show_page("requests")
    page.new_request()
    page.view.setCurrentIndex(page.view.findData("all"))
    desk.set_language("en")
    try:
        qtbot.waitUntil(lambda: page.intake.title.text() != "Ghi yêu cầu mới")
        assert page.intake.resolved.text() == "Resolved at the counter"
        assert "Timeline" in page.detail.body.toPlainText()
        dashboard = window.show_page("dashboard")
        assert dashboard.picker.kind.itemText(3) == "Last month"
        from supportdesk.ui.dashboard_page import on_time_text

        assert on_time_text(1247, 1250) == ("99.8%", "1,247/1,250")
        from supportdesk.ui.request_model import status_label

        assert status_label("in_progress") == "In progress"  # core.vocab's labels, translated
    finally:
        desk.set_language("vi")
    from supportdesk.ui.dashboard_page import on_time_text

    assert on_time_text(1247, 1250) == ("99,8%", "1.247/1.250")


def test_the_file_dialog_reads_vietnamese(desk, qtbot):
    from supportdesk.ui.file_dialogs import _dialog

    dialog = _dialog(None, "Nhập danh bạ", "", "Danh bạ (*.csv)", save=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == "Thư mục:"
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == "Loại tệp:"
    tips = {b.toolTip() for b in dialog.findChildren(QToolButton)}
    assert {"Quay lại", "Thư mục cha", "Tạo thư mục mới"} <= tips
    assert not tips & {"Back", "Parent Directory"}
