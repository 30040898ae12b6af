"""Working time: office hours, weekends, Vietnamese public holidays, deadlines.

Times come in and go out as aware datetimes; all reasoning about days and office hours happens in
Asia/Ho_Chi_Minh, because a deadline is "17:00 at the counter", whatever the PC clock zone is.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from supportdesk.core.errors import UserError

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_OFFICE_HOURS = (("07:30", "11:30"), ("13:30", "17:00"))
SETTING_OFFICE_HOURS = "office_hours"  # [["07:30", "11:30"], ["13:30", "17:00"]]
SETTING_OVERRIDES = "calendar_overrides"  # {"days_off": [iso dates], "working_days": [...]}
_MAX_DAYS = 3 * 366  # a deadline further than this is a mistake in the data, not a plan


class CalendarError(UserError, ValueError):
    """Office hours or overrides that cannot be used; the message says which."""


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    """The stored form: UTC, seconds, fixed width, so that text order is time order."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def from_iso(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=TZ)


def local(value: str | datetime) -> datetime:
    return (from_iso(value) if isinstance(value, str) else value).astimezone(TZ)


def local_iso(value: str | None) -> str | None:
    """A stored time as ISO-8601 with the +07:00 offset, for people and CLI output."""
    return local(value).isoformat() if value else None


def format_local(value: str | None) -> str:
    """dd/MM/yyyy HH:mm in Vietnam time, empty for no time."""
    return local(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _minutes(hhmm: str) -> int:
    try:
        parsed = time.fromisoformat(hhmm)
    except (TypeError, ValueError) as exc:
        raise CalendarError(f"giờ làm việc không hợp lệ: {hhmm!r} (cần dạng HH:MM)") from exc
    return parsed.hour * 60 + parsed.minute


def _dates(values, what: str) -> frozenset[date]:
    try:
        return frozenset(date.fromisoformat(v) for v in values)
    except (TypeError, ValueError) as exc:
        raise CalendarError(f"{what}: ngày không hợp lệ ({exc})") from exc


@functools.cache
def _package_holidays(year: int) -> frozenset[date]:
    import holidays  # imported lazily: loading every country's rules takes a moment

    return frozenset(holidays.country_holidays("VN", years=year))


@functools.cache
def _shipped_overrides() -> dict:
    from supportdesk.paths import resource

    return json.loads(resource("calendar", "vn_overrides.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class WorkCalendar:
    periods: tuple[tuple[int, int], ...] = tuple(
        (_minutes(a), _minutes(b)) for a, b in DEFAULT_OFFICE_HOURS
    )
    days_off: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        previous_end = 0
        for start, end in self.periods:
            if not start < end or start < previous_end:
                raise CalendarError("giờ làm việc phải tăng dần và không chồng nhau")
            previous_end = end
        if not self.periods:
            raise CalendarError("cần ít nhất một khoảng giờ làm việc")

    @classmethod
    def build(cls, office_hours=DEFAULT_OFFICE_HOURS, days_off=(), working_days=()):
        shipped = _shipped_overrides()
        return cls(
            periods=tuple((_minutes(a), _minutes(b)) for a, b in office_hours),
            days_off=_dates([*shipped["days_off"], *days_off], "ngày nghỉ thêm"),
            working_days=_dates([*shipped["working_days"], *working_days], "ngày làm bù"),
        )

    @classmethod
    def from_settings(cls, db: Database) -> WorkCalendar:
        from supportdesk.core.store import settings

        overrides = settings.get(db, SETTING_OVERRIDES, {}) or {}
        return cls.build(
            settings.get(db, SETTING_OFFICE_HOURS, None) or DEFAULT_OFFICE_HOURS,
            overrides.get("days_off", []),
            overrides.get("working_days", []),
        )

    # ------------------------------------------------------------ days

    def is_holiday(self, day: date) -> bool:
        if day in self.working_days:
            return False
        return day in self.days_off or day in _package_holidays(day.year)

    def is_working_day(self, day: date) -> bool:
        found = self._cache.get(day)
        if found is None:
            if day in self.working_days:
                found = True
            else:
                found = day.weekday() < 5 and not self.is_holiday(day)
            self._cache[day] = found
        return found

    def _at(self, day: date, minute: float) -> datetime:
        moment = datetime.combine(day, time(), tzinfo=TZ) + timedelta(minutes=minute)
        return moment.astimezone(UTC)

    # ------------------------------------------------------------ deadlines

    def add_working_minutes(self, start: datetime, minutes: float) -> datetime:
        """The moment `minutes` of office time after `start` (outside hours: from next opening)."""
        here = start.astimezone(TZ)
        day = here.date()
        position = here.hour * 60 + here.minute + here.second / 60
        remaining = max(0.0, minutes)
        for _ in range(_MAX_DAYS):
            if self.is_working_day(day):
                for opens, closes in self.periods:
                    begin = max(position, opens)
                    if begin >= closes:
                        continue
                    if remaining <= closes - begin:
                        return self._at(day, begin + remaining)
                    remaining -= closes - begin
            day += timedelta(days=1)
            position = 0
        raise CalendarError("không tìm được ngày làm việc trong ba năm tới")

    def end_of_working_days(self, start: datetime, days: int) -> datetime:
        """Closing time of the `days`-th working day after the day of `start` (ngày hẹn trả).

        The day of receipt does not count, as for administrative procedures."""
        day = start.astimezone(TZ).date()
        for _ in range(max(1, days)):
            for _ in range(_MAX_DAYS):
                day += timedelta(days=1)
                if self.is_working_day(day):
                    break
            else:
                raise CalendarError("không tìm được ngày làm việc trong ba năm tới")
        return self._at(day, self.periods[-1][1])

    def working_minutes(self, start: datetime, end: datetime) -> float:
        """Office minutes between two moments (0 when end is not after start)."""
        if end <= start:
            return 0.0
        a, b = start.astimezone(TZ), end.astimezone(TZ)
        total, day = 0.0, a.date()
        while day <= b.date():
            if self.is_working_day(day):
                lo = a.hour * 60 + a.minute + a.second / 60 if day == a.date() else 0
                hi = b.hour * 60 + b.minute + b.second / 60 if day == b.date() else 24 * 60
                for opens, closes in self.periods:
                    total += max(0.0, min(hi, closes) - max(lo, opens))
            day += timedelta(days=1)
        return total

    def special_days(self, year: int) -> list[dict]:
        """Weekdays off in a year and Saturdays/Sundays worked, with why, in date order."""
        import holidays

        names = holidays.country_holidays("VN", years=year, language="vi")
        found = []
        day = date(year, 1, 1)
        while day.year == year:
            weekend = day.weekday() >= 5
            if day in self.working_days and weekend:
                found.append({"date": day.isoformat(), "off": False, "name": "Ngày làm bù"})
            elif not weekend and not self.is_working_day(day):
                name = names.get(day) or ("Ngày nghỉ thêm" if day in self.days_off else "")
                found.append({"date": day.isoformat(), "off": True, "name": name})
            day += timedelta(days=1)
        return found

    @property
    def minutes_per_day(self) -> int:
        return sum(closes - opens for opens, closes in self.periods)


def save_override(db: Database, day: date, kind: str | None) -> dict:
    """Mark a day as an extra day off ("day_off"), a worked day ("working_day"), or clear it."""
    from supportdesk.core.store import settings

    if kind not in ("day_off", "working_day", None):
        raise CalendarError(f"loại ngày không hợp lệ: {kind!r}")
    overrides = settings.get(db, SETTING_OVERRIDES, {}) or {}
    lists = {k: set(overrides.get(k, [])) for k in ("days_off", "working_days")}
    for values in lists.values():
        values.discard(day.isoformat())
    if kind:
        lists["days_off" if kind == "day_off" else "working_days"].add(day.isoformat())
    saved = {k: sorted(v) for k, v in lists.items()}
    settings.put(db, SETTING_OVERRIDES, saved)
    return saved


def save_office_hours(db: Database, spec: str) -> list[list[str]]:
    """Office hours from "07:30-11:30,13:30-17:00"; refused unless increasing and disjoint."""
    from supportdesk.core.store import settings

    try:
        periods = [[a.strip(), b.strip()] for a, b in (p.split("-") for p in spec.split(","))]
    except ValueError as exc:
        raise CalendarError(
            f"giờ làm việc không hợp lệ: {spec!r} (dạng 07:30-11:30,13:30-17:00)"
        ) from exc
    WorkCalendar.build(office_hours=periods)  # raises CalendarError when unusable
    settings.put(db, SETTING_OFFICE_HOURS, periods)
    return periods
