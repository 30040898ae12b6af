from tests.ui.keyboard import type_text  # noqa: E402


def test_escalation_to_a_contact_picked_from_the_directory(window, monkeypatch):
    from supportdesk.core import tickets
    from supportdesk.ui.contact_store import save_contact
    from supportdesk.ui.escalation import EscalationDialog

    contact = save_contact(window.ctx.db, {
        "kind": "person", "name": "Đỗ Minh Quân", "agency": "Sở Tư pháp tỉnh Phú Thọ",
        "tels": [("0904 111 222", "")],
    })  # fmt: skip
    page = window.show_page("requests")
    page.new_request()
    type_text(page.intake.name, "Hà Văn Tú")
    type_text(page.intake.summary, "Hồ sơ khai sinh bị trả lại")
    page.intake.save()
    request_id = page.detail.request["id"]

    def pick(dialog):
        type_text(dialog.query, "Đỗ Minh Quân 0904")
        ids = [dialog.results.item(i).data(0x0100) for i in range(dialog.results.count())]
        assert contact in ids
        dialog.results.setCurrentRow(ids.index(contact))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(EscalationDialog, "exec", pick)
    page.detail.buttons["escalated"].click()
    stored = tickets.get(window.ctx.db, request_id)
    assert stored["status"] == "escalated"
    assert stored["escalated_contact_id"] == contact
    assert "Đỗ Minh Quân" in stored["escalated_to"]
    event = stored["events"][-1]
    assert event["to_status"] == "escalated"
    assert "escalated_contact_id" in str(event["changes"])


def test_escalation_to_a_unit_in_words(desk, qtbot):
    from supportdesk.ui.escalation import EscalationDialog

    dialog = EscalationDialog(desk.ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.query, "zzzz Phòng Quản lý hành chính")
    assert dialog.results.count() == 0
    dialog.accept()
    assert dialog.choice == "zzzz Phòng Quản lý hành chính"
