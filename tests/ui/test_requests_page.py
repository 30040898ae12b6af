from tests.ui.keyboard import type_text  # noqa: E402


def _requests(window, qtbot):
    page = window.show_page("requests")
    return page


def test_counter_flow_typed_in_vietnamese(window, qtbot):
    page = _requests(window, qtbot)
    window.actions_by_key["new_request"].trigger()
    intake = page.intake
    assert intake.isVisible() and intake.name.hasFocus()
    type_text(intake.name, "Lương Thị Kim Oanh")
    type_text(intake.phone, "0912 000 111")
    intake.category.setCurrentIndex(intake.category.findData("vneid"))
    type_text(intake.summary, "Quên mật khẩu VNeID, cần đặt lại")
    intake.resolved.setChecked(True)
    type_text(intake.resolution, "Đã hướng dẫn đặt lại mật khẩu")
    intake.save()
    assert not intake.isVisible(), intake.error.text()
    assert page.detail.request["requester_name"] == "Lương Thị Kim Oanh"
    created = page.detail.request["id"]
    # resolved: not an open one, so the list switches to today's requests and selects it
    assert page.view.currentData() == "today"
    assert page.model.id_at(page.table.currentIndex().row()) == created
    ticket = page.detail.request["ticket"]
    assert ticket in page.notice.text() and ticket in window.status.currentMessage()
    assert page.detail.request["assignee"] == window.ctx.operator  # the resolver on duty
    page.view.setCurrentIndex(page.view.findData("all"))
    type_text(page.query, "0912000111")
    assert page.model.ids() == [created]
    page.table.selectRow(0)
    assert page.detail.request["status"] == "resolved"


def test_status_actions_from_the_ui(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    page = _requests(window, qtbot)
    page.new_request()
    type_text(page.intake.name, "Kiều Văn Phúc")
    type_text(page.intake.summary, "Không nộp được hồ sơ trên Cổng DVC")
    page.intake.save()
    detail = page.detail
    created = detail.request["id"]
    assert detail.request["status"] == "new"
    detail.buttons["in_progress"].click()
    assert detail.request["status"] == "in_progress"
    assert detail.request["assignee"] == window.ctx.operator
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Đã nộp lại thành công", True))
    detail.buttons["resolved"].click()
    assert detail.request["status"] == "resolved"
    assert page.model.row_of(created) < 0  # left the open view
    page.view.setCurrentIndex(page.view.findData("done"))
    type_text(page.query, "Kiều Văn Phúc")
    assert page.model.ids() == [created]
    page.table.selectRow(0)
    page.detail.buttons["reopen"].click()
    assert page.detail.request["status"] == "in_progress"
    actions = [e["to_status"] for e in page.detail.request["events"]]
    assert actions[-3:] == ["in_progress", "resolved", "in_progress"]


def test_lazy_paging_and_search(window, qtbot):
    from supportdesk.core import tickets
    from supportdesk.ui.request_model import PAGE_SIZE

    for i in range(PAGE_SIZE + 30):
        tickets.create(
            window.ctx.db,
            {"category": "other", "summary": f"Yêu cầu số {i}", "requester_name": f"Người {i}"},
            actor="test",
        )
    page = _requests(window, qtbot)
    page.view.setCurrentIndex(page.view.findData("all"))
    total = tickets.count(window.ctx.db)
    assert page.model.rowCount() == PAGE_SIZE
    assert page.model.canFetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == total
    type_text(page.query, "Người 17")
    assert page.model.rowCount() >= 1
    names = [page.model.index(i, 2).data() for i in range(page.model.rowCount())]
    assert "Người 17" in names


def test_log_request_from_a_procedure(window, qtbot):
    procedures = window.show_page("procedures")
    procedures.show_code("1.001193")
    qtbot.waitUntil(lambda: procedures.detail.procedure is not None)
    procedures.detail.log_button.click()
    page = window.pages["requests"]
    assert window.current_page_name() == "requests"
    assert page.intake.procedure.text().startswith("1.001193")
    type_text(page.intake.summary, "Hỏi giấy tờ khai sinh")
    page.intake.save()
    assert page.detail.request["procedure_code"] == "1.001193"


def test_the_list_keeps_a_window_of_rows_and_reads_back_the_rest(window, qtbot, monkeypatch):
    """Scrolled to the end, the model holds a few pages; going back up reads them again, and
    every row shows what the store holds, in the store's order."""
    from supportdesk.core import tickets
    from supportdesk.ui import request_model

    monkeypatch.setattr(request_model, "PAGE_SIZE", 10)
    monkeypatch.setattr(request_model, "KEPT_PAGES", 2)
    for i in range(57):
        tickets.create(window.ctx.db, {"category": "other", "summary": f"Yêu cầu {i}",
                                       "requester_name": f"Người {i}"}, actor="test")  # fmt: skip
    page = _requests(window, qtbot)
    page.view.setCurrentIndex(page.view.findData("all"))
    model = page.model
    while model.canFetchMore():
        page.table.scrollToBottom()
        model.fetchMore()
    assert model.rowCount() == tickets.count(window.ctx.db)
    assert len(model._pages) <= 2
    expected = [r["requester_name"] or "" for r in tickets.page(window.ctx.db, None, limit=1000)]
    shown = [model.index(i, 2).data() for i in range(model.rowCount())]
    assert shown == expected
    assert len(model._pages) <= 2
    assert model.row_of(model.id_at(3)) == 3


def test_the_next_page_is_read_ahead_in_the_background(window, qtbot, monkeypatch):
    """Once a page is shown the next one is read on a background connection; asking for more
    then runs no query on the GUI thread."""
    import threading

    from supportdesk.core import tickets
    from supportdesk.core.tickets import listing
    from supportdesk.ui import request_model

    monkeypatch.setattr(request_model, "PAGE_SIZE", 10)
    for i in range(80):
        tickets.create(window.ctx.db, {"category": "other", "summary": f"Yêu cầu {i}"},
                       actor="test")  # fmt: skip
    on_gui_thread = []
    real = listing.page_rows

    def counted(*args, **kwargs):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(listing, "page_rows", counted)
    page = _requests(window, qtbot)
    page.view.setCurrentIndex(page.view.findData("all"))
    model = page.model
    qtbot.waitUntil(lambda: model._ahead is not None, timeout=10_000)
    before, shown = len(on_gui_thread), model.rowCount()
    model.fetchMore()
    assert model.rowCount() == shown + 10
    assert not any(on_gui_thread[before:]), "the GUI thread read the page itself"
    assert model.ids() == [r["id"] for r in tickets.page(window.ctx.db, None, limit=shown + 10)]
