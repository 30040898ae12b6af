def test_send_now_without_enrollment_queues_and_reports(window, qtbot):
    from supportdesk.ui.outbox_dialog import OutboxDialog

    with qtbot.waitSignal(window.background.synced, timeout=20000) as got:
        window.actions_by_key["send_now"].trigger()
    assert "đăng ký" in (got.args[0].get("reason") or "")
    assert not window.background.syncing
    dialog = OutboxDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    states = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert states <= {"Chờ gửi"} and dialog.table.rowCount() == got.args[0]["queued"]
    assert window.status.outbox.text() == f"Chờ gửi: {got.args[0]['queued']}"


def test_revoked_token_is_said_clearly(window):
    from supportdesk.core.sync import outbox

    outbox.put_state(window.ctx.db, paused="401 token revoked")
    window.status.refresh()
    assert "Tạm dừng" in window.status.sync.text()
    assert "đăng ký lại" in window.status.sync.text()


def test_retention_purge_runs_in_the_background(window, qtbot):
    from supportdesk.core import tickets

    window.ctx.put_setting("retention_months", 0)
    with qtbot.waitSignal(window.background.purged, timeout=20000) as got:
        window.background.purge_personal()
    assert got.args[0] > 0
    assert tickets.page(window.ctx.db, {}, limit=1)[0]["requester_name"] in ("", None)
