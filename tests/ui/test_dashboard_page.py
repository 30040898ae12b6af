import pytest


def _loaded(window, qtbot, which: str):
    page = window.show_page("dashboard")
    qtbot.waitUntil(lambda: page.data is not None and not page._loading, timeout=10000)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.period.setCurrentIndex(page.period.findData(which))
        page.refresh()
    return page


@pytest.mark.parametrize("which", ["today", "week", "month"])
def test_dashboard_numbers_equal_stats(window, qtbot, which):
    from supportdesk.core.tickets import stats
    from supportdesk.ui.dashboard_page import on_time_text, period_id

    page = _loaded(window, qtbot, which)
    expected = stats.summarize(window.ctx.db, period_id(which))
    totals = expected["totals"]
    assert page.cards["received"].text() == str(totals["received"])
    assert page.cards["resolved"].text() == str(totals["resolved"])
    rate, counts = on_time_text(totals["resolved_on_time"], totals["resolved"])
    assert (page.cards["on_time"].text(), page.on_time_counts.text()) == (rate, counts)
    assert page.chart.bars == [(c["name"], c["received"]) for c in expected["by_category"]]
    assert page.team.rowCount() == len(expected["by_assignee"])


def test_on_time_text():
    from supportdesk.ui.dashboard_page import on_time_text

    assert on_time_text(247, 250) == ("98,8%", "247/250")
    assert on_time_text(147_723, 149_470) == ("98,8%", "147.723/149.470")
    assert on_time_text(0, 0) == ("—", "0/0")


def test_a_province_month_of_counts_fits_a_small_screen(window, qtbot):
    """A month like one province's (149,470 dossiers) must not widen the window: only the rate
    is in big type; at a fake clock on Tết the counts beside it did (1043 px > 1000)."""
    from supportdesk.ui.dashboard_page import on_time_text

    page = _loaded(window, qtbot, "month")
    data = {**page.data, "summary": {**page.data["summary"]}}
    data["summary"]["totals"] = {**data["summary"]["totals"], "received": 149_470,
                                 "resolved": 149_470, "resolved_on_time": 147_723,
                                 "escalated": 12_345}  # fmt: skip
    page._show(data)
    page.layout().activate()
    assert window.minimumSizeHint().width() <= 1000
    assert page.cards["on_time"].text() == on_time_text(147_723, 149_470)[0]


def test_period_ids():
    from datetime import datetime

    from supportdesk.core.formats import TZ
    from supportdesk.ui.dashboard_page import period_id

    now = datetime(2026, 12, 1, 9, 0, tzinfo=TZ)  # 1 December: November's report is due
    assert [period_id(p, now) for p in ("today", "week", "month", "last_month")] == [
        "2026-12-01", "2026-W49", "2026-12", "2026-11"]  # fmt: skip


def test_any_period_reads_as_people_write_it(window, qtbot):
    from PySide6.QtCore import QDate

    page = _loaded(window, qtbot, "pick_quarter")
    picker = page.picker
    assert picker.quarter.isVisible() and picker.year.isVisible() and not picker.month.isVisible()
    picker.year.setValue(2026)
    picker.quarter.setCurrentIndex(3)
    qtbot.waitUntil(lambda: page.period_label.text() == "Kỳ: Quý 4/2026" and not page._loading)
    assert page.data["summary"]["period"] == "2026-Q4"
    picker.kind.setCurrentIndex(picker.kind.findData("pick_month"))
    picker.month.setCurrentIndex(10)
    qtbot.waitUntil(lambda: page.period_label.text() == "Kỳ: Tháng 11/2026")
    picker.kind.setCurrentIndex(picker.kind.findData("range"))
    picker.first.setDate(QDate(2026, 11, 30))
    picker.last.setDate(QDate(2026, 12, 6))
    qtbot.waitUntil(lambda: page.period_label.text() == "Kỳ: 30/11–06/12/2026")
    assert page.current_period() == "2026-11-30..2026-12-06"
    with qtbot.waitSignal(window.printer.started):
        page.print_button.click()  # the report of any period prints
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=20000)


def test_save_report(window, qtbot, tmp_path):
    page = _loaded(window, qtbot, "month")
    target = tmp_path / "report.pdf"
    page.save_report(str(target))
    qtbot.waitUntil(lambda: target.exists() and not window.ctx.tasks.busy, timeout=20000)
    assert target.read_bytes()[:4] == b"%PDF"
