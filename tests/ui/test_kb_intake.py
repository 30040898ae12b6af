"""Issue 17 at the counter: articles offered while the summary is typed, one key applies one."""

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from supportdesk.core import tickets as requests_log  # noqa: E402
from supportdesk.core.kb import usage  # noqa: E402
from tests.ui.keyboard import type_text  # noqa: E402


def test_typing_offers_the_vneid_login_article_and_alt_1_resolves(window, qtbot):
    page = window.show_page("requests")
    window.actions_by_key["new_request"].trigger()
    intake = page.intake
    type_text(intake.name, "Lương Thị Kim Oanh")
    intake.category.setCurrentIndex(intake.category.findData("vneid"))
    type_text(intake.summary, "không đăng nhập được vneid")
    offered = intake.suggestions
    assert offered.buttons[0].isVisible()
    assert offered.articles[0]["title"] == "Không đăng nhập được VNeID"
    assert offered.buttons[0].text() == "1. Không đăng nhập được VNeID"

    QTest.keyClick(intake.summary, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert intake.resolved.isChecked()
    assert intake.resolution.text().startswith("Theo hướng dẫn “Không đăng nhập được VNeID”")
    assert "Đã áp dụng" in offered.heading.text()
    applied = offered.articles[0]["uuid"]
    with qtbot.waitSignal(intake.saved) as saved:
        intake.save()
    request = saved.args[0]
    assert request["status"] == "resolved"
    db = window.ctx.db
    assert usage.applied_to(db, request["id"])["title"] == "Không đăng nhập được VNeID"
    notes = [e["note"] for e in requests_log.events(db, request["id"])]
    assert "Áp dụng bài hướng dẫn “Không đăng nhập được VNeID”" in notes
    counts = usage.stats(db)[applied]
    assert counts["suggested"] == 1 and counts["applied"] == 1


def test_nothing_offered_for_a_few_letters_and_the_form_resets(window, qtbot, monkeypatch):
    page = window.show_page("requests")
    monkeypatch.setattr(page.intake, "ask_close", lambda: "discard")
    window.actions_by_key["new_request"].trigger()
    intake = page.intake
    type_text(intake.summary, "vn")
    assert not intake.suggestions.buttons[0].isVisible()
    type_text(intake.summary, "eid quên mật khẩu")
    assert intake.suggestions.articles
    intake.suggestions.apply(0)
    intake.cancel()
    window.actions_by_key["new_request"].trigger()
    assert intake.suggestions.chosen is None and not intake.suggestions.articles


def test_request_detail_shows_the_article_similar_requests_and_makes_a_draft(window, qtbot):
    from supportdesk.core import kb

    page = window.show_page("requests")
    for summary in (
        "Ông Bình không vào được VNeID, báo lỗi đăng nhập",
        "Không đăng nhập được VNeID",
    ):
        window.actions_by_key["new_request"].trigger()
        type_text(page.intake.name, "Lương Thị Kim Oanh")
        type_text(page.intake.summary, summary)
        QTest.keyClick(page.intake.summary, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        with qtbot.waitSignal(page.intake.saved) as saved:
            page.intake.save()
    request = saved.args[0]
    page.detail.show_request(requests_log.get(window.ctx.db, request["id"]))
    panel = page.detail.kb_panel
    assert "Bài đã áp dụng:</b> Không đăng nhập được VNeID" in panel.info.text()
    assert "Ông Bình không vào được VNeID" in panel.info.text()
    assert panel.draft_button.isEnabled()
    with qtbot.waitSignal(panel.drafted) as drafted:
        panel.draft_button.click()
    draft = drafted.args[0]
    assert draft["status"] == "draft" and "Oanh" not in str(kb.get(window.ctx.db, draft["id"]))
    assert "Đã tạo bản nháp" in panel.note.text()
