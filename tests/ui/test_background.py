import pytest

from tests.clock import vn


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


@pytest.mark.clock
def test_retention_purge_runs_in_the_background(clock, window, qtbot):
    """The demo requests were logged over the five days up to 30 November 2026, 16:00; a month
    later every one of them is due for anonymising, those of the 29th and 30th included."""
    from supportdesk.core import tickets

    db = window.ctx.db
    window.ctx.put_setting("retention_months", 1)
    clock.move_to(vn(2026, 12, 30, 15, 20))
    with qtbot.waitSignal(window.background.purged, timeout=20000) as got:
        window.background.purge_personal()
    assert got.args[0] == tickets.count(db) - 1  # the one logged at 15:30 on the 30th waits
    clock.move_to(vn(2026, 12, 30, 15, 45))
    with qtbot.waitSignal(window.background.purged, timeout=20000) as got:
        window.background.purge_personal()
    assert got.args[0] == 1
    assert {r["requester_name"] for r in tickets.page(db, {}, limit=100)} == {""}
