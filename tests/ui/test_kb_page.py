"""The knowledge base page: search as people type, write, publish, retire, print for a citizen."""

import pytest

pytest.importorskip("PySide6")

from supportdesk.core import kb  # noqa: E402
from supportdesk.ui.kb_editor import KbEditor  # noqa: E402
from tests.ui.keyboard import type_text  # noqa: E402


def test_search_shows_the_article_with_its_steps_and_source(window, qtbot):
    page = window.show_page("kb")
    assert window.nav.item(4).text() == "Bài hướng dẫn"
    type_text(page.query, "không đăng nhập được vneid")
    assert page.items[0]["title"] == "Không đăng nhập được VNeID"
    html = page.view.toHtml()
    assert "Bài mẫu" in html and "luatvietnam.vn" in html
    assert not page.buttons["sheet_a5"].isEnabled()  # written for staff: not printed for citizens
    page.query.clear()
    type_text(page.query, "quen mat khau vneid")
    assert page.current()["audience"] == "citizen" and page.buttons["sheet_a5"].isEnabled()
    with qtbot.waitSignal(page.print_requested) as printed:
        page.buttons["sheet_roll"].click()
    assert printed.args == ["kb_sheet", (page.current()["id"], "80mm")]


def test_editor_writes_a_draft_then_publish_and_retire(window, qtbot, monkeypatch):
    page = window.show_page("kb")

    def fake_ask(ctx, article=None, parent=None):
        dialog = KbEditor(ctx, article, parent)
        dialog.title.setText("Máy in ở quầy báo kẹt giấy")
        dialog.steps.setPlainText("Mở nắp máy in\nLấy giấy kẹt ra")
        dialog.save()
        return dialog.saved

    monkeypatch.setattr(KbEditor, "ask", staticmethod(fake_ask))
    page.buttons["add"].click()
    article = page.current()
    assert article["title"] == "Máy in ở quầy báo kẹt giấy" and article["status"] == "draft"
    assert article["steps"] == ["Mở nắp máy in", "Lấy giấy kẹt ra"]
    page.buttons["publish"].click()
    assert kb.get(window.ctx.db, article["id"])["status"] == "published"
    page.buttons["retire"].click()
    assert kb.get(window.ctx.db, article["id"])["status"] == "retired"
    assert article["uuid"] not in [a["uuid"] for a in page.items]


def test_editor_refuses_bad_input_and_keeps_it(window):
    dialog = KbEditor(window.ctx)
    dialog.save()
    assert "tiêu đề" in dialog.error.text() and dialog.saved is None


def test_the_provinces_notice_shows_as_a_banner_until_it_expires(window):
    from datetime import UTC, datetime, timedelta

    from supportdesk.core.kb import notices

    banner = window.notices
    assert not banner.isVisible()
    now = datetime.now(UTC)
    notices.replace(
        window.ctx.db,
        [{"id": "n1", "text": "VNeID đang quá tải, hẹn công dân quay lại sau 14h",
          "topic": "vneid", "starts_at": (now - timedelta(minutes=1)).isoformat(),
          "until": (now + timedelta(hours=1)).isoformat(), "created_at": now.isoformat()}],
    )  # fmt: skip
    window.background.synced.emit({})  # what a finished sync announces
    assert banner.isVisible() and "VNeID đang quá tải" in banner.text()
    notices.replace(window.ctx.db, [])  # retracted on the hub: gone at the next sync
    banner.refresh()
    assert not banner.isVisible()
