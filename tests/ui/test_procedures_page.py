from PySide6.QtGui import QGuiApplication

from tests.ui.keyboard import type_text


def _procedures(window, qtbot):
    page = window.show_page("procedures")
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy)
    return page


def test_search_as_you_type_in_vietnamese(window, qtbot):
    page = _procedures(window, qtbot)
    page.focus_search()
    type_text(page.query, "đăng ký khai sinh")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not window.ctx.tasks.busy)
    names = [item["name"] for item in page.model.items]
    assert any(name.endswith("đăng ký khai sinh") for name in names)
    assert page.latencies_ms  # the benchmark reads these
    qtbot.waitUntil(lambda: page.detail.procedure is not None)  # first result opens on a pause


def test_search_without_accents_and_filters(window, qtbot):
    page = _procedures(window, qtbot)
    type_text(page.query, "ho tich")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not window.ctx.tasks.busy)
    page.field.setCurrentIndex(page.field.findData("Hộ tịch"))
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy)
    assert page.model.items and {i["field"] for i in page.model.items} == {"Hộ tịch"}
    page.level.setCurrentIndex(page.level.findData("xa"))
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy)
    assert page.model.items, "Hộ tịch at the commune level: there are such procedures"
    assert all("xa" in i["levels"] for i in page.model.items)


def test_nothing_found_says_so(window, qtbot):
    page = _procedures(window, qtbot)
    type_text(page.query, "zzqqxx")
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy and "Không tìm thấy" in page.status.text())
    assert page.model.rowCount() == 0
    assert page.detail.procedure is None


def test_checklist_ticks_are_kept_and_copied(window, qtbot):
    page = _procedures(window, qtbot)
    page.show_code("1.001193")
    qtbot.waitUntil(lambda: page.detail.procedure is not None and not window.ctx.tasks.busy)
    detail = page.detail
    assert detail.procedure["code"] == "1.001193"
    boxes = detail.checklist.boxes
    assert boxes, "the birth registration has papers to bring"
    first = sorted(boxes)[0]
    boxes[first].click()
    assert detail.ticked() == {first}
    detail.show_procedure(detail.procedure)  # shown again: the tick is still there
    assert detail.checklist.boxes[first].isChecked()
    page.copy_current()
    copied = QGuiApplication.clipboard().text()
    assert "1.001193" in copied and "[x]" in copied and "[ ]" in copied
    detail.clear_ticks()
    assert detail.ticked() == set()


def test_log_request_about_a_procedure(window, qtbot):
    page = _procedures(window, qtbot)
    page.show_code("1.001193")
    qtbot.waitUntil(lambda: page.detail.procedure is not None and not window.ctx.tasks.busy)
    with qtbot.waitSignal(page.log_request) as blocker:
        page.detail.log_button.click()
    assert blocker.args[0]["code"] == "1.001193"


def test_portal_link(window, qtbot, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    page = _procedures(window, qtbot)
    page.show_code("1.001193")
    qtbot.waitUntil(lambda: page.detail.procedure is not None and not window.ctx.tasks.busy)
    page.detail.portal_button.click()
    assert opened and "1.001193" in opened[0]


def test_a_question_opens_the_detail_at_the_part_asked(window, qtbot):
    page = _procedures(window, qtbot)
    type_text(page.query, "đăng ký kết hôn lệ phí bao nhiêu")
    qtbot.waitUntil(lambda: page.detail.procedure is not None and not window.ctx.tasks.busy)
    qtbot.waitUntil(lambda: page.detail.procedure["code"] == "1.000894")
    answer = page.detail.answer
    assert page.detail.asked == "fee" and not answer.isHidden()
    assert "Phí, lệ phí" in answer.text() and "Trực tiếp" in answer.text()
    page.query.clear()
    type_text(page.query, "dang ky khia sinh")
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy and "khia" in page.status.text())
    assert page.model.items[0]["code"] == "1.001193"
