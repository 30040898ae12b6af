"""`supportdesk stats --period PERIOD`: counts of the request log for a day, week, month, …"""

from __future__ import annotations

from supportdesk.commands._common import CommandError, add_json_flag, open_db, print_json
from supportdesk.core import formats, periods


def register(sub) -> None:
    p = sub.add_parser("stats", help="thống kê yêu cầu theo kỳ")
    p.add_argument(
        "--period",
        help="kỳ: 2026-11-22, 2026-W47, 2026-11, 2026-Q4, 2026 hoặc 2026-11-01..2026-11-15 "
        "(mặc định: tháng này)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_stats)


def _rate(part: int, whole: int) -> str:
    return formats.percent(part, whole, 2)  # 98,83%: provinces report rates to 2 decimals


def cmd_stats(args) -> int:
    from supportdesk.core.calendar import TZ, now_utc
    from supportdesk.core.tickets import stats

    period = args.period or now_utc().astimezone(TZ).strftime("%Y-%m")
    try:
        summary = stats.summarize(open_db(args), period)
    except periods.PeriodError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        print_json(summary)
        return 0
    t = summary["totals"]
    median = t["median_hours_to_resolve"]
    print(f"Kỳ: {formats.period_label(summary['period'])} ({summary['period']})")
    print(
        f"Tiếp nhận {t['received']} · đã giải quyết {t['resolved']} "
        f"(đúng hạn {t['resolved_on_time']}, {_rate(t['resolved_on_time'], t['resolved'])}) · "
        f"đang mở {t['open']} · quá hạn {t['overdue']} · chuyển cấp trên {t['escalated']}"
        + (
            f" · thời gian giải quyết trung vị {median:g} giờ".replace(".", ",")
            if median is not None
            else ""
        )
    )
    from supportdesk.commands._common import print_table

    rows = [
        (
            c["name"], c["received"], c["resolved"], c["resolved_on_time"],
            _rate(c["resolved_on_time"], c["resolved"]), c["open"], c["overdue"], c["escalated"],
        )
        for c in summary["by_category"]
        if c["received"] or c["resolved"]
    ]  # fmt: skip
    if rows:
        headers = ["Chủ đề", "Nhận", "Xong", "Đúng hạn", "Tỉ lệ", "Mở", "Quá hạn", "Chuyển"]
        print_table(rows, headers, max_width=45)
    return 0
