"""How dates, numbers and personal data look on paper (Vietnamese conventions)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

# Vietnam has kept UTC+7 without daylight saving since 1975; a fixed offset avoids needing the
# tzdata package on Windows just to print a date.
VN_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")


def local(value: str | datetime | None) -> datetime | None:
    """A stored UTC ISO-8601 time (or a datetime) as Vietnam local time; naive means UTC."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(VN_TZ)


def now_local() -> datetime:
    return datetime.now(VN_TZ)


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


def number(value: float | int | None, decimals: int = 0) -> str:
    """1.234 and 92,5: a dot groups thousands and a comma marks decimals in Vietnamese."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def percent(part: int, whole: int) -> str:
    return "—" if not whole else number(100 * part / whole, 1) + "%"


def mask_id(id_number: str | None) -> str:
    """Only the last 3 digits of an ID number leave the counter on paper (Decree 13/2023)."""
    value = "".join((id_number or "").split())
    if not value:
        return ""
    keep = 3 if len(value) > 6 else 1
    return "*" * (len(value) - keep) + value[-keep:]
