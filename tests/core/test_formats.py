from datetime import date

import pytest

from supportdesk.core import formats, periods


@pytest.mark.parametrize(
    "period, label",
    [
        ("2026-11", "Tháng 11/2026"),
        ("2026-Q4", "Quý 4/2026"),
        ("2026-W49", "Tuần 49 (30/11–06/12/2026)"),
        ("2027-W01", "Tuần 1 (04/01–10/01/2027)"),
        ("2026-W53", "Tuần 53 (28/12/2026–03/01/2027)"),
        ("2026", "Năm 2026"),
        ("2026-11-22", "Ngày 22/11/2026"),
        ("2026-11-01..2026-11-15", "01/11–15/11/2026"),
        ("2026-12-20..2027-01-05", "20/12/2026–05/01/2027"),
    ],
)
def test_periods_read_the_way_people_write_them(period, label):
    assert formats.period_label(period) == label


def test_translated_templates():
    english = {"month": "{month}/{year}", "quarter": "Q{quarter} {year}"}
    assert formats.period_label("2026-11", english) == "11/2026"
    assert formats.period_label("2026-Q4", english) == "Q4 2026"
    assert formats.period_label("2026", english) == "Năm 2026"  # not given: Vietnamese


def test_period_ids_round_trip():
    day = date(2026, 12, 1)
    assert formats.period_id("month", formats.previous_month(day)) == "2026-11"
    assert formats.period_id("quarter", day) == "2026-Q4"
    assert formats.period_id("week", day) == "2026-W49"
    assert formats.period_id("range", date(2026, 11, 1), date(2026, 11, 15)) == (
        "2026-11-01..2026-11-15"
    )
    assert formats.previous_month(date(2026, 1, 15)) == date(2025, 12, 1)


def test_a_custom_range_is_a_period_both_days_included():
    kind, first, after = periods.period_bounds("2026-11-01..2026-11-15")
    assert (kind, first, after) == ("range", date(2026, 11, 1), date(2026, 11, 16))
    for bad in ("2026-11-15..2026-11-01", "2026-11-01..2036-11-01", "2026-11-01..2026-13-01"):
        with pytest.raises(periods.PeriodError):
            periods.period_bounds(bad)


def test_percent():
    assert formats.percent(247, 250) == "98,8%"
    assert formats.percent(1, 1, decimal=".") == "100.0%"
    assert formats.percent(0, 0) == "—"
