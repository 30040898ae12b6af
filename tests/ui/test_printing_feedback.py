"""After printing the worker sees where the file is and can open its folder; without a PDF
viewer the app says so plainly."""

from pathlib import Path


def _receipt(window, qtbot):
    page = window.show_page("requests")
    page.view.setCurrentIndex(page.view.findData("all"))
    qtbot.waitUntil(lambda: page.detail.request is not None)
    return page


def test_printing_says_where_the_file_is(window, qtbot):
    _receipt(window, qtbot)
    with qtbot.waitSignal(window.printer.opened, timeout=20000) as done:
        window.actions_by_key["print"].trigger()  # Ctrl+P on the requests page: the receipt
    path = Path(done.args[0])
    assert path.exists() and path.read_bytes()[:4] == b"%PDF"
    assert window.opened_files == [str(path)]
    assert str(path) in window.status.currentMessage()
    assert "Đang tạo" not in window.status.currentMessage()
    assert window.status.folder_button.isVisible()


def test_without_a_pdf_viewer_the_app_says_so(window, qtbot):
    _receipt(window, qtbot)
    window.printer._open = lambda _path: False  # QDesktopServices found no program
    with qtbot.waitSignal(window.printer.no_viewer, timeout=20000) as done:
        window.actions_by_key["print"].trigger()
    message = window.status.currentMessage()
    assert "chưa có chương trình xem PDF" in message and done.args[0] in message
    assert "supportdesk" not in message.replace(done.args[0], "")  # no commands for staff
    assert window.status.folder_button.isVisible()
    window.status.clearMessage()
    assert not window.status.folder_button.isVisible()
