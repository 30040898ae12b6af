"""How dates, times, numbers, money and personal data are shown (Vietnamese conventions).

One place for every display format, used by the CLI, the GUI, the PDFs and the hub alike
(docs/ARCHITECTURE.md, "Vocabulary and formats"). Stored times are UTC; shown in Vietnam time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from supportdesk.core.calendar import TZ
from supportdesk.core.periods import period_bounds


def local(value: str | datetime | None) -> datetime | None:
    """A stored UTC ISO-8601 time (or a datetime) as Vietnam local time; naive means UTC."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(TZ)


def now_local() -> datetime:
    return datetime.now(TZ)


def day(value: str | datetime | date | None) -> str:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    moment = local(value)
    return moment.strftime("%d/%m/%Y") if moment else ""


def moment(value: str | datetime | None) -> str:
    """'14:05 ngày 03/11/2026' — the form of appointment times on Vietnamese receipts."""
    stamp = local(value)
    return stamp.strftime("%H:%M ngày %d/%m/%Y") if stamp else ""


def long_date(value: date, place: str = "") -> str:
    """The place-and-date line of an administrative document: 'Tân Định, ngày 03 tháng 11 năm
    2026'. Decree 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 take a leading zero."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    text = f"ngày {value.day:02d} tháng {month} năm {value.year}"
    return f"{place}, {text}" if place else "N" + text[1:]


def number(value: float | int | None, decimals: int = 0, decimal: str = ",") -> str:
    """1.234 and 92,5: a dot groups thousands and a comma marks decimals in Vietnamese;
    `decimal="."` gives the English 1,234 and 92.5."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    if decimal == ".":
        return text
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def percent(part: int, whole: int, decimals: int = 1, decimal: str = ",") -> str:
    """'98,8%' (or '98,83%' with 2 decimals, as provinces report rates; '98.8%' with
    decimal="." for English); '—' when nothing counts."""
    return "—" if not whole else number(100 * part / whole, decimals, decimal) + "%"


def mask_id(id_number: str | None) -> str:
    """An ID number as shown on screen and paper: only the last 3 digits stay readable
    (Decree 13/2023); a short number keeps only its last digit, so it never shows whole."""
    value = "".join((id_number or "").split())
    if not value:
        return ""
    keep = 3 if len(value) > 6 else 1
    return "*" * (len(value) - keep) + value[-keep:]


def local_time(iso: str | None, with_year: bool = False) -> str:
    """'03/11 14:05' (or '03/11/2026 14:05'): a stored time in a list or a timeline."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso).astimezone(TZ)
    return moment.strftime("%d/%m/%Y %H:%M" if with_year else "%d/%m %H:%M")


# ---------------------------------------------------------------- periods
# "Tháng 11/2026", "Quý 4/2026", "Tuần 49 (30/11–06/12/2026)". Templates are str.format strings
# so that the desktop app can pass its translated ones (core never imports Qt).
VI_PERIODS = {
    "day": "Ngày {day}",
    "week": "Tuần {week} ({span})",
    "month": "Tháng {month}/{year}",
    "quarter": "Quý {quarter}/{year}",
    "year": "Năm {year}",
    "range": "{span}",
}


def day_text(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def span_text(first: date, last: date) -> str:
    """'30/11–06/12/2026': the year once when both days share it."""
    if first == last:
        return day_text(first)
    if first.year == last.year:
        return f"{first.strftime('%d/%m')}–{day_text(last)}"
    return f"{day_text(first)}–{day_text(last)}"


def period_label(period: str, templates: dict[str, str] | None = None) -> str:
    """A period id of core.tickets.stats ("2026-11", "2026-W49", "2026-Q4", "2026", "2026-11-22",
    "2026-11-01..2026-11-15") as people read it."""
    kind, first, after = period_bounds(period)
    last = after - timedelta(days=1)
    words = {**VI_PERIODS, **(templates or {})}
    return words[kind].format(
        day=day_text(first),
        week=first.isocalendar()[1],
        span=span_text(first, last),
        month=first.month,
        quarter=(first.month - 1) // 3 + 1,
        year=first.year,
    )


def period_id(kind: str, first: date, last: date | None = None) -> str:
    """The stats id of the period of `kind` holding `first` ("range": first..last)."""
    if kind == "day":
        return first.isoformat()
    if kind == "week":
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if kind == "month":
        return f"{first.year}-{first.month:02d}"
    if kind == "quarter":
        return f"{first.year}-Q{(first.month - 1) // 3 + 1}"
    if kind == "year":
        return str(first.year)
    return f"{first.isoformat()}..{(last or first).isoformat()}"


def previous_month(today: date) -> date:
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)
