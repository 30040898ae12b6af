"""`supportdesk calendar`: office hours, days off and worked days that deadlines count with."""

from __future__ import annotations

from datetime import date

from supportdesk.commands._common import (
    CommandError,
    add_json_flag,
    open_db,
    print_json,
    print_table,
)


def register(sub) -> None:
    p = sub.add_parser("calendar", help="giờ làm việc, ngày nghỉ lễ, ngày làm bù")
    p.add_argument("--year", help="năm cần xem (mặc định: năm nay)")
    change = p.add_mutually_exclusive_group()
    change.add_argument("--day-off", metavar="YYYY-MM-DD", help="thêm một ngày nghỉ")
    change.add_argument("--working-day", metavar="YYYY-MM-DD", help="thêm một ngày làm bù")
    change.add_argument("--clear", metavar="YYYY-MM-DD", help="bỏ ngày đã thêm")
    change.add_argument("--office-hours", metavar="07:30-11:30,13:30-17:00")
    add_json_flag(p)
    p.set_defaults(handler=cmd_calendar)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"ngày không hợp lệ: {value!r} (dạng 2026-11-24)") from None


def cmd_calendar(args) -> int:
    from supportdesk.core import calendar

    db = open_db(args)
    try:
        if args.office_hours:
            calendar.save_office_hours(db, args.office_hours)
        for kind, value in (("day_off", args.day_off), ("working_day", args.working_day)):
            if value:
                calendar.save_override(db, _day(value), kind)
        if args.clear:
            calendar.save_override(db, _day(args.clear), None)
        cal = calendar.WorkCalendar.from_settings(db)
    except calendar.CalendarError as exc:
        raise CommandError(str(exc)) from exc
    today = calendar.now_utc().astimezone(calendar.TZ).date()
    year = today.year if args.year is None else _year(args.year)
    hours = [f"{o // 60:02d}:{o % 60:02d}-{c // 60:02d}:{c % 60:02d}" for o, c in cal.periods]
    days = cal.special_days(year)
    if args.json:
        print_json({"year": year, "office_hours": hours, "days": days})
        return 0
    print(f"Giờ làm việc: {', '.join(hours)}")
    rows = [
        (date.fromisoformat(d["date"]).strftime("%d/%m/%Y"), "nghỉ" if d["off"] else "làm việc",
         d["name"])
        for d in days
    ]  # fmt: skip
    print_table(rows, ["Ngày", "", f"Ngày đặc biệt năm {year}"])
    return 0


def _year(value: str) -> int:
    if not value.isdigit() or not 2000 <= int(value) <= 2100:
        raise CommandError(f"năm không hợp lệ: {value!r}")
    return int(value)
