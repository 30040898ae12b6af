"""How dates, times and money are shown: dd/MM/yyyy, 24-hour time, Vietnam time, đồng."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def local_time(iso: str | None, with_year: bool = False) -> str:
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso).astimezone(TZ)
    return moment.strftime("%d/%m/%Y %H:%M" if with_year else "%d/%m %H:%M")


def money(amount: int | float) -> str:
    return f"{int(amount):,}".replace(",", ".") + " đ"
