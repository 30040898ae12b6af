"""`supportdesk requests …`: log, list, search, show, update requests; categories; anonymising."""

from __future__ import annotations

import functools
from datetime import datetime

from supportdesk.commands._common import (
    CommandError,
    add_json_flag,
    open_db,
    print_json,
    print_table,
)

TIME_FIELDS = (
    "created_at", "updated_at", "due_at", "warn_at", "waiting_since", "resolved_at", "closed_at",
    "escalated_at", "anonymised_at",
)  # fmt: skip


def register(sub) -> None:
    parser = sub.add_parser("requests", help="sổ yêu cầu hỗ trợ")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser("add", help="ghi nhận một yêu cầu")
    p.add_argument("--kind", default="citizen", help="citizen, civil_servant, business, other")
    p.add_argument("--name", help="họ tên người yêu cầu (không bắt buộc)")
    p.add_argument("--phone", help="số điện thoại Việt Nam (không bắt buộc)")
    p.add_argument("--category", required=True, help="mã chủ đề (xem: requests categories)")
    p.add_argument("--summary", required=True, help="tóm tắt yêu cầu")
    p.add_argument("--description", help="mô tả chi tiết")
    p.add_argument("--id-number", help="số định danh cá nhân (lưu, hiển thị che)")
    p.add_argument("--unit", help="đơn vị của người yêu cầu")
    p.add_argument("--procedure", help="mã thủ tục liên quan, ví dụ 1.001193")
    p.add_argument("--channel", default="counter", help="counter, phone, online, field")
    p.add_argument("--priority", default="normal", help="low, normal, high, urgent")
    p.add_argument("--assignee", help="người xử lý")
    p.add_argument("--at", help="thời điểm tiếp nhận (ghi bù), ISO-8601; mặc định: bây giờ")
    p.add_argument("--due-days", help="hẹn trả sau N ngày làm việc")
    p.add_argument("--resolved-now", action="store_true", help="đã giải quyết ngay tại quầy")
    p.add_argument("--note", help="kết quả giải quyết (với --resolved-now), nếu không: một ghi chú")
    _common(p, cmd_add)

    p = actions.add_parser("list", help="danh sách yêu cầu, mới nhất trước")
    p.add_argument("--status", action="append", help="lọc theo trạng thái (lặp lại được)")
    p.add_argument("--category", help="lọc theo chủ đề")
    p.add_argument("--assignee", help="lọc theo người xử lý")
    p.add_argument("--from", dest="created_from", help="nhận từ ngày (YYYY-MM-DD)")
    p.add_argument("--to", dest="created_to", help="nhận đến hết ngày (YYYY-MM-DD)")
    p.add_argument("--open", action="store_true", help="chỉ yêu cầu chưa giải quyết")
    p.add_argument("--overdue", action="store_true", help="chỉ yêu cầu quá hạn")
    p.add_argument("--due-soon", action="store_true", help="còn dưới 20%% thời hạn")
    p.add_argument("--escalated", action="store_true", help="chỉ yêu cầu đã chuyển cấp trên")
    p.add_argument("--limit", default="50", help="số dòng tối đa (mặc định 50)")
    p.add_argument("--after", help="trang sau: id của dòng cuối trang trước")
    _common(p, cmd_list)

    p = actions.add_parser("search", help="tìm theo số phiếu, nội dung, tên, số điện thoại")
    p.add_argument("query")
    p.add_argument("--limit", default="50")
    _common(p, cmd_search)

    p = actions.add_parser("show", help="xem một yêu cầu và lịch sử của nó")
    p.add_argument("id", help="id hoặc số phiếu (ví dụ HT-2026-000123)")
    _common(p, cmd_show)

    p = actions.add_parser("update", help="đổi trạng thái, giao việc, chuyển cấp trên, ghi chú")
    p.add_argument("id", help="id hoặc số phiếu")
    p.add_argument("--status", help="new, in_progress, waiting, escalated, resolved, closed")
    p.add_argument("--note", help="ghi chú (khi giải quyết: kết quả giải quyết)")
    p.add_argument("--assignee", help="giao cho")
    p.add_argument("--escalate-to", help="chuyển đến: mã liên hệ trong danh bạ hoặc tên đơn vị")
    p.add_argument("--ref", help="số công văn / mã tham chiếu khi chuyển")
    p.add_argument("--priority", help="low, normal, high, urgent")
    p.add_argument("--category", help="đổi chủ đề (thời hạn tính lại)")
    _common(p, cmd_update)

    p = actions.add_parser("categories", help="các chủ đề hỗ trợ và thời hạn")
    p.add_argument("--all", action="store_true", help="kể cả chủ đề đã ngừng dùng")
    _common(p, cmd_categories)

    p = actions.add_parser("category-set", help="thêm hoặc sửa một chủ đề")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    unit = p.add_mutually_exclusive_group(required=True)
    unit.add_argument("--hours", help="thời hạn: số giờ làm việc")
    unit.add_argument("--days", help="thời hạn: số ngày làm việc")
    p.add_argument("--retire", action="store_true", help="ngừng dùng cho yêu cầu mới")
    _common(p, cmd_category_set)

    p = actions.add_parser("purge-personal", help="ẩn danh dữ liệu cá nhân quá hạn lưu giữ")
    p.add_argument("--older-than-months", help="mặc định: cài đặt retention_months (24)")
    _common(p, cmd_purge)


def _common(parser, handler) -> None:
    parser.add_argument("--actor", help="người thực hiện (mặc định: cài đặt operator)")
    add_json_flag(parser)
    parser.set_defaults(handler=_clear_errors(handler))


def _clear_errors(handler):
    """Core refusals (bad input, illegal transition) become one line and exit code 2."""

    @functools.wraps(handler)
    def run(args):
        from supportdesk.core.calendar import CalendarError
        from supportdesk.core.tickets.categories import CategoryError
        from supportdesk.core.tickets.filters import FilterError
        from supportdesk.core.tickets.log import RequestError

        try:
            return handler(args)
        except (RequestError, CategoryError, FilterError, CalendarError) as exc:
            raise CommandError(str(exc)) from exc

    return run


def _int(value: str | None, flag: str, low: int = 1, high: int = 100_000) -> int | None:
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise CommandError(f"{flag} phải là số nguyên, không phải {value!r}") from None
    if not low <= number <= high:
        raise CommandError(f"{flag} phải từ {low} đến {high}")
    return number


def parse_time(value: str) -> datetime:
    """ISO-8601 from the user; without an offset it is Vietnam time."""
    from supportdesk.core.calendar import TZ

    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            f"thời điểm không hợp lệ: {value!r} (dạng 2026-11-23T09:00 hoặc 2026-11-23T09:00+07:00)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=TZ)


def _actor(db, args) -> str:
    from supportdesk.core.store import settings

    return args.actor or settings.get(db, "operator", None) or "cli"


def shown(request: dict) -> dict:
    """A request for output: times in Vietnam time with their offset."""
    from supportdesk.core.calendar import local_iso

    out = dict(request)
    for key in TIME_FIELDS:
        if key in out:
            out[key] = local_iso(out[key])
    for event in out.get("events", []):
        event["at"] = local_iso(event["at"])
    return out


def _table(db, rows: list[dict]) -> None:
    from supportdesk.core import vocab
    from supportdesk.core.calendar import format_local
    from supportdesk.core.tickets import categories

    topics = categories.names(db)
    if not rows:
        print("Không có yêu cầu nào.")
        return
    print_table(
        [
            (
                r["id"], r["ticket"], vocab.label(vocab.STATUS, r["status"]),
                topics.get(r["category"], r["category"]),
                r["summary"], r["requester_name"], format_local(r["due_at"]),
                "QUÁ HẠN" if r["overdue"] else "",
            )
            for r in rows
        ],
        ["Id", "Số phiếu", "Trạng thái", "Chủ đề", "Tóm tắt", "Người yêu cầu", "Hạn", ""],
        max_width=40,
    )  # fmt: skip


def _print_request(request: dict) -> None:
    from supportdesk.core.calendar import format_local

    lines = [
        f"{request['ticket']} — {request['summary']}",
        f"Trạng thái: {request['status_label']}" + (" (QUÁ HẠN)" if request["overdue"] else ""),
        f"Chủ đề: {request['category_name']}",
        f"Người yêu cầu: {request['requester_name'] or '—'} · {request['requester_phone'] or '—'}"
        + (f" · {request['requester_id_masked']}" if request["requester_id_masked"] else ""),
        f"Tiếp nhận: {format_local(request['created_at'])}"
        f" · Hạn: {format_local(request['due_at'])}",
    ]
    for label, key in [
        ("Người xử lý", "assignee"),
        ("Thủ tục", "procedure_code"),
        ("Mô tả", "description"),
        ("Chuyển đến", "escalated_to"),
        ("Kết quả", "resolution"),
    ]:
        if request.get(key):
            lines.append(f"{label}: {request[key]}")
    lines.append("Lịch sử:")
    for event in request["events"]:
        moved = f" {event['from_status'] or ''}→{event['to_status']}" if event["action"] in (
            "created", "status") else ""  # fmt: skip
        note = f" — {event['note']}" if event["note"] else ""
        lines.append(
            f"  {format_local(event['at'])} {event['actor']}: {event['action']}{moved}{note}"
        )
    print("\n".join(lines))


def _output(args, request: dict) -> int:
    if args.json:
        print_json(shown(request))
    else:
        _print_request(request)
    return 0


def _resolve_id(db, reference: str) -> int:
    from supportdesk.core import tickets

    found = tickets.find(db, reference)
    if found is None:
        raise CommandError(f"không có yêu cầu {reference}")
    return found


# ---------------------------------------------------------------- handlers


def cmd_add(args) -> int:
    from supportdesk.core import tickets

    db = open_db(args)
    _known_procedure(db, args.procedure)
    data = {
        "requester_kind": args.kind,
        "requester_name": args.name,
        "requester_phone": args.phone,
        "requester_id_number": args.id_number,
        "requester_unit": args.unit,
        "category": args.category,
        "summary": args.summary,
        "description": args.description,
        "procedure_code": args.procedure,
        "channel": args.channel,
        "priority": args.priority,
        "assignee": args.assignee,
    }
    request = tickets.create(
        db,
        {k: v for k, v in data.items() if v is not None},
        actor=_actor(db, args),
        at=parse_time(args.at) if args.at else None,
        due_days=_int(args.due_days, "--due-days", 1, 365),
        resolved_now=args.resolved_now,
        resolution=args.note if args.resolved_now else None,
        note=None if args.resolved_now else args.note,
    )
    if args.json:
        print_json(shown(request))
    else:
        print(f"Đã ghi nhận {request['ticket']} (id {request['id']}), {request['status_label']}.")
        from supportdesk.core.calendar import format_local

        print(f"Hạn giải quyết: {format_local(request['due_at'])}")
    return 0


def _known_procedure(db, code: str | None) -> None:
    """--procedure names a procedure of this desk's catalog (the form picks one from it)."""
    from supportdesk.core import catalog, text

    if code and text.clean(code) and catalog.get(db, code) is None:
        raise CommandError(f"không có thủ tục mã {text.clean(code)} trong danh mục "
                           "(xem: supportdesk catalog search)")  # fmt: skip


def cmd_list(args) -> int:
    from supportdesk.core import tickets

    db = open_db(args)
    filters = {
        "status": tuple(args.status) if args.status else None,
        "category": args.category,
        "assignee": args.assignee,
        "created_from": args.created_from,
        "created_to": args.created_to,
        "open_only": args.open,
        "overdue": args.overdue,
        "due_soon": args.due_soon,
        "escalated": args.escalated,
    }
    for status in filters["status"] or ():
        if status not in tickets.STATUSES:
            raise CommandError(
                f"trạng thái không hợp lệ: {status!r} (chọn: {', '.join(tickets.STATUSES)})"
            )
    limit = _int(args.limit, "--limit", 1, 1000)
    rows = tickets.page(db, filters, after=_int(args.after, "--after", 1, 2**62), limit=limit)
    if args.json:
        print_json([shown(r) for r in rows])
    else:
        _table(db, rows)
    return 0


def cmd_search(args) -> int:
    from supportdesk.core import tickets

    db = open_db(args)
    rows = tickets.search(db, args.query, _int(args.limit, "--limit", 1, 1000))
    if args.json:
        print_json([shown(r) for r in rows])
    else:
        _table(db, rows)
    return 0


def cmd_show(args) -> int:
    from supportdesk.core import tickets

    db = open_db(args)
    return _output(args, tickets.get(db, _resolve_id(db, args.id)))


def cmd_update(args) -> int:
    from supportdesk.core import tickets

    db = open_db(args)
    request_id = _resolve_id(db, args.id)
    edits = {"assignee": args.assignee, "priority": args.priority, "category": args.category}
    request = tickets.update(
        db,
        request_id,
        actor=_actor(db, args),
        status=args.status,
        note=args.note,
        escalate_to=args.escalate_to,
        escalation_ref=args.ref,
        fields={k: v for k, v in edits.items() if v is not None},
    )
    if args.json:
        print_json(shown(request))
    else:
        print(f"{request['ticket']}: {request['status_label']}.")
    return 0


def cmd_categories(args) -> int:
    from supportdesk.core.tickets import categories

    rows = categories.all_categories(open_db(args), include_inactive=args.all)
    if args.json:
        print_json(rows)
        return 0
    unit = {"hours": "giờ làm việc", "days": "ngày làm việc"}
    print_table(
        [
            (c["code"], c["name"], f"{c['service_value']} {unit[c['service_unit']]}")
            + (("",) if c["active"] else ("ngừng dùng",))
            for c in rows
        ],
        ["Mã", "Chủ đề", "Thời hạn", ""],
    )
    return 0


def cmd_category_set(args) -> int:
    from supportdesk.core.tickets import categories

    unit = "hours" if args.hours is not None else "days"
    value = _int(args.hours if unit == "hours" else args.days, f"--{unit}", 1, 10_000)
    saved = categories.save(
        open_db(args), args.code, args.name, unit=unit, value=value, active=not args.retire
    )
    if args.json:
        print_json(saved)
    else:
        print(f"Đã lưu chủ đề {saved['code']}: {saved['name']}.")
    return 0


def cmd_purge(args) -> int:
    from supportdesk.core import tickets

    db = open_db(args)
    months = _int(args.older_than_months, "--older-than-months", 0, 1200)
    n = tickets.purge_personal(db, months, actor=_actor(db, args))
    if args.json:
        print_json({"anonymised": n})
    else:
        print(f"Đã ẩn danh dữ liệu cá nhân của {n} yêu cầu.")
    return 0
