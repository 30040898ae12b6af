"""Messages for counter staff name a place in the app, never a terminal command."""


def test_not_enrolled_says_where_to_enrol_in_the_app(window, qtbot):
    with qtbot.waitSignal(window.background.synced, timeout=20000):
        window.background.sync_now(force=True)
    message = window.status.currentMessage()
    assert "Cài đặt → Máy chủ tỉnh" in message
    assert "supportdesk" not in message
    assert window.status.toolTip() == message  # cut on a small screen: whole on hover
