from datetime import date, datetime

import holidays
import pytest

from supportdesk.core.calendar import TZ, CalendarError, WorkCalendar
from supportdesk.core.store import settings


def vn(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


@pytest.fixture
def cal():
    return WorkCalendar.build()


def test_package_knows_tet_2027_and_vietnam_culture_day():
    # If a future package drops these, resources/calendar/vn_overrides.json must add them.
    known = holidays.country_holidays("VN", years=[2026, 2027])
    assert date(2026, 11, 24) in known
    assert all(date(2027, 2, d) in known for d in range(4, 11))


def test_tet_2027_is_off_and_an_appointment_skips_it(cal):
    assert [cal.is_working_day(date(2027, 2, d)) for d in range(3, 12)] == [
        True, False, False, False, False, False, False, False, True,
    ]  # fmt: skip
    due = cal.end_of_working_days(vn(2027, 2, 3, 10, 0), 1)
    assert due == vn(2027, 2, 11, 17, 0)


def test_culture_day_24_nov_2026_is_skipped(cal):
    assert not cal.is_working_day(date(2026, 11, 24))
    assert cal.end_of_working_days(vn(2026, 11, 23, 9, 0), 1) == vn(2026, 11, 25, 17, 0)
    assert cal.add_working_minutes(vn(2026, 11, 23, 16, 0), 4 * 60) == vn(2026, 11, 25, 10, 30)


def test_weekend_and_lunch_break_are_skipped(cal):
    assert cal.add_working_minutes(vn(2026, 11, 20, 16, 0), 4 * 60) == vn(2026, 11, 23, 10, 30)
    assert cal.add_working_minutes(vn(2026, 11, 19, 11, 0), 60) == vn(2026, 11, 19, 14, 0)
    # Ending exactly at the lunch break stays before it.
    assert cal.add_working_minutes(vn(2026, 11, 19, 11, 0), 30) == vn(2026, 11, 19, 11, 30)
    assert cal.end_of_working_days(vn(2026, 11, 20, 9, 0), 2) == vn(2026, 11, 25, 17, 0)


def test_outside_office_hours_the_clock_starts_at_the_next_opening(cal):
    assert cal.add_working_minutes(vn(2026, 11, 21, 10, 0), 60) == vn(2026, 11, 23, 8, 30)
    assert cal.add_working_minutes(vn(2026, 11, 19, 19, 0), 60) == vn(2026, 11, 20, 8, 30)


def test_working_minutes_counts_office_time_only(cal):
    assert cal.working_minutes(vn(2026, 11, 20, 16, 0), vn(2026, 11, 23, 8, 30)) == 120
    assert cal.working_minutes(vn(2026, 11, 23, 12, 0), vn(2026, 11, 23, 13, 0)) == 0
    assert cal.working_minutes(vn(2026, 11, 23, 12, 0), vn(2026, 11, 22, 13, 0)) == 0
    assert cal.minutes_per_day == 450


def test_swapped_saturday_works_and_its_day_off_is_off(cal):
    assert cal.is_working_day(date(2026, 8, 22))  # Saturday worked for Monday 31 Aug
    assert not cal.is_working_day(date(2026, 8, 31))
    assert not cal.is_working_day(date(2026, 8, 29))


def test_local_overrides_from_settings(empty_db):
    settings.put(
        empty_db,
        "calendar_overrides",
        {"days_off": ["2026-11-26"], "working_days": ["2026-11-28"]},
    )
    settings.put(empty_db, "office_hours", [["08:00", "12:00"], ["13:00", "16:00"]])
    cal = WorkCalendar.from_settings(empty_db)
    assert not cal.is_working_day(date(2026, 11, 26))
    assert cal.is_working_day(date(2026, 11, 28))
    assert cal.add_working_minutes(vn(2026, 11, 25, 15, 0), 120) == vn(2026, 11, 27, 9, 0)
    assert cal.end_of_working_days(vn(2026, 11, 27, 9, 0), 1) == vn(2026, 11, 28, 16, 0)


@pytest.mark.parametrize(
    "hours",
    [[["11:30", "07:30"]], [["07:30", "12:00"], ["11:00", "17:00"]], [["7h30", "11:30"]], []],
)
def test_unusable_office_hours_are_refused(hours):
    with pytest.raises(CalendarError):
        WorkCalendar.build(office_hours=hours)


def test_bad_override_date_is_refused():
    with pytest.raises(CalendarError):
        WorkCalendar.build(days_off=["26/11/2026"])


def test_special_days_name_holidays_and_swaps(cal):
    days = {d["date"]: d for d in cal.special_days(2027)}
    assert [d for d in days if d.startswith("2027-02")] == [
        "2027-02-04",
        "2027-02-05",
        "2027-02-08",
        "2027-02-09",
        "2027-02-10",
    ]  # fmt: skip  (6 and 7 Feb are a weekend)
    assert days["2027-02-05"]["name"] == "Giao thừa Tết Nguyên Đán"
    swap = {d["date"]: d for d in cal.special_days(2026)}["2026-08-22"]
    assert swap == {"date": "2026-08-22", "off": False, "name": "Ngày làm bù"}


def test_saving_overrides_and_office_hours(empty_db):
    from supportdesk.core import calendar

    calendar.save_override(empty_db, date(2026, 12, 31), "day_off")
    calendar.save_override(empty_db, date(2026, 12, 26), "working_day")
    calendar.save_override(empty_db, date(2026, 12, 26), "day_off")  # moves, not duplicates
    saved = calendar.save_override(empty_db, date(2026, 12, 31), None)
    assert saved == {"days_off": ["2026-12-26"], "working_days": []}
    assert calendar.save_office_hours(empty_db, "08:00-12:00, 13:00-17:00") == [
        ["08:00", "12:00"], ["13:00", "17:00"],
    ]  # fmt: skip
    assert WorkCalendar.from_settings(empty_db).minutes_per_day == 480
    for bad in ["08:00", "12:00-08:00", "8h-12h"]:
        with pytest.raises(CalendarError):
            calendar.save_office_hours(empty_db, bad)
    assert WorkCalendar.from_settings(empty_db).minutes_per_day == 480
