"""How dates, times, numbers, money and personal data are shown (Vietnamese conventions).

One place for every display format, used by the CLI, the GUI, the PDFs and the hub alike
(docs/ARCHITECTURE.md, "Vocabulary and formats"). Stored times are UTC; shown in Vietnam time."""

from __future__ import annotations

from datetime import UTC, date, datetime

from supportdesk.core.calendar import TZ


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


def number(value: float | int | None, decimals: int = 0) -> str:
    """1.234 and 92,5: a dot groups thousands and a comma marks decimals in Vietnamese."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def percent(part: int, whole: int, decimals: int = 1) -> str:
    """'98,8%' (or '98,83%' with 2 decimals, as provinces report rates); '—' when nothing counts."""
    return "—" if not whole else number(100 * part / whole, decimals) + "%"


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
