"""The status bar says how the team is doing: nothing while the desk works alone, its size and
last sync, a warning when no desk has answered for hours or the last sync was refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from supportdesk.core.team import membership, pairing, state

OFFLINE = {"ok": False, "error": "không kết nối được"}


@pytest.mark.clock
def test_status_bar_shows_the_teams_state(clock, window):
    db, status = window.ctx.db, window.status
    label = status.team
    status.refresh()
    assert label.isHidden()  # a desk of its own: nothing to say

    pairing.invite(db, host="127.0.0.1", port=1)  # founds the team
    membership.publish_member(db, "ban-quay", "B", "Quầy")
    membership.publish_member(db, "ban-xach-tay", "C", "Máy xách tay")
    status.refresh()
    assert not label.isHidden() and label.text() == "Nhóm: 3 máy · chưa đồng bộ lần nào"

    state.record(db, {"peers": [{"ok": True}, OFFLINE]})  # one desk answered
    clock.shift(timedelta(minutes=2))
    status.refresh()
    assert label.text() == "Nhóm: 3 máy · đồng bộ 2 phút trước"
    assert "#b42318" not in label.styleSheet()

    # The laptop and the counter switched off all afternoon: nobody answered for five hours.
    for _ in range(5):
        clock.shift(timedelta(hours=1))
        state.record(db, {"peers": [OFFLINE, OFFLINE]})
    status.refresh()
    assert label.text() == "⚠ Nhóm: 3 máy · không liên lạc được máy nào từ 5 giờ trước"
    assert "#b42318" in label.styleSheet()

    # A desk that answers and refuses (another team's key) is said at once.
    refused = {"ok": False, "error": "máy kia từ chối: máy này thuộc một nhóm khác",
               "refused": True}  # fmt: skip
    state.record(db, {"peers": [refused, OFFLINE]})
    status.refresh()
    assert label.text() == "⚠ Nhóm: 3 máy · lần đồng bộ cuối bị từ chối"
    assert "nhóm khác" in label.toolTip()

    membership.leave(db)
    status.refresh()
    assert label.isHidden()
