"""The Page protocol: every page offers it, the main window knows pages only through it, a new
page plugs in with one line, and pages learn of changes from one signal."""

from pathlib import Path

from supportdesk.ui import pages
from supportdesk.ui.pages import BasePage, Page, PageSpec

ROOT = Path(__file__).resolve().parents[2]


class NotesPage(BasePage):
    """A page added by a test, the way the knowledge base will add its own."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.opened = []
        self.activated = 0

    def activate(self) -> None:
        self.activated += 1

    def open_item(self, kind, key) -> None:
        self.opened.append((kind, key))


def test_every_page_offers_the_protocol(window):
    for spec in pages.PAGES:
        page = window.page(spec.name)
        assert isinstance(page, Page) and isinstance(page, BasePage)


def test_a_new_page_is_one_line(desk, qtbot, monkeypatch):
    spec = PageSpec("notes", lambda: "Ghi chú", "tests.ui.test_pages:NotesPage", ("note",))
    monkeypatch.setattr(pages, "PAGES", (*pages.PAGES, spec))
    window = desk.open_window(first_run=False)
    qtbot.waitExposed(window)
    assert window.nav.count() == len(pages.PAGES)
    assert window.nav.item(window.nav.count() - 1).text() == "Ghi chú"
    window.open_item("note", 7)
    page = window.pages["notes"]
    assert page.opened == [("note", 7)] and page.activated == 1
    assert window.current_page_name() == "notes"
    window.actions_by_key["notes"].trigger()  # its Ctrl+5 action exists too
    page.message.emit("xin chào")
    assert window.status.currentMessage() == "xin chào"


def test_the_main_window_never_probes_pages_and_pages_never_reach_back():
    ui = ROOT / "supportdesk" / "ui"
    window_code = (ui / "main_window.py").read_text(encoding="utf-8")
    assert "hasattr(" not in window_code
    for path in ui.glob("*page*.py"):
        code = path.read_text(encoding="utf-8")
        assert "self.window()" not in code, path.name
    assert "extras" not in (ui / "context.py").read_text(encoding="utf-8")


def test_pages_refresh_on_the_change_signal(window, qtbot):
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None and not dashboard._loading)
    before = dashboard.data["summary"]["totals"]["received"]
    requests = window.page("requests")
    requests.new_request()
    requests.intake.summary.setText("Máy in không in được phiếu hẹn")
    requests.intake.save()  # notifies "requests"; the visible dashboard recomputes
    qtbot.waitUntil(lambda: not dashboard._loading and dashboard.data is not None)
    window.show_page("dashboard")
    qtbot.waitUntil(
        lambda: dashboard.data["summary"]["totals"]["received"] == before + 1, timeout=10000
    )
