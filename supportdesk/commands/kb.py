"""`supportdesk kb …`: the knowledge base of known problems and fixes (issue 17)."""

from __future__ import annotations

from pathlib import Path

from supportdesk.commands._common import (
    CommandError,
    add_json_flag,
    open_db,
    print_json,
    print_table,
    report_import,
)

EDITABLE = ("title", "symptoms", "topics", "systems", "procedures", "audience", "source", "notes")


def register(sub) -> None:
    parser = sub.add_parser("kb", help="kho bài hướng dẫn xử lý sự cố")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser("search", help="tìm bài viết")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--all", action="store_true", help="cả bài đã gỡ")
    add_json_flag(p)
    p.set_defaults(handler=cmd_search)

    p = actions.add_parser("suggest", help="gợi ý bài cho nội dung một yêu cầu")
    p.add_argument("text")
    p.add_argument("--topic", help="chủ đề của yêu cầu (xếp bài cùng chủ đề lên trước)")
    p.add_argument("--limit", type=int, default=3)
    add_json_flag(p)
    p.set_defaults(handler=cmd_suggest)

    p = actions.add_parser("list", help="liệt kê bài viết (mới sửa trước)")
    p.add_argument("--status", choices=("draft", "published", "retired"))
    p.add_argument("--origin", choices=("commune", "province"))
    p.add_argument("--topic")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = actions.add_parser("show", help="xem một bài (số hoặc mã uuid)")
    p.add_argument("ref")
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)

    for name, help_text in (("add", "thêm bài (bản nháp của xã)"), ("edit", "sửa một bài")):
        p = actions.add_parser(name, help=help_text)
        if name == "edit":
            p.add_argument("ref")
        p.add_argument("--title", required=name == "add")
        p.add_argument("--symptoms")
        p.add_argument(
            "--step", action="append", dest="steps", help="một bước (lặp lại theo thứ tự)"
        )
        p.add_argument("--topics", help="mã chủ đề, cách nhau bằng dấu phẩy")
        p.add_argument("--systems", help="hệ thống: vneid, dvc_quoc_gia, chu_ky_so …")
        p.add_argument("--procedures", help="mã thủ tục, cách nhau bằng dấu phẩy")
        p.add_argument("--audience", choices=("staff", "citizen"))
        p.add_argument("--source", help="địa chỉ hướng dẫn chính thức hoặc đơn vị")
        p.add_argument("--notes")
        p.add_argument("--status", choices=("draft", "published", "retired"))
        add_json_flag(p)
        p.set_defaults(handler=cmd_add if name == "add" else cmd_edit)

    p = actions.add_parser("draft", help="tạo bản nháp từ một yêu cầu đã giải quyết")
    p.add_argument("request", help="số hoặc mã phiếu yêu cầu")
    add_json_flag(p)
    p.set_defaults(handler=cmd_draft)

    p = actions.add_parser("sheet", help="in phiếu hướng dẫn từng bước cho công dân (PDF)")
    p.add_argument("ref", help="số hoặc mã uuid của bài (bài viết cho công dân)")
    p.add_argument("--width", choices=("a5", "80mm"), default="a5")
    p.add_argument("-o", "--output", required=True, help="tệp PDF cần ghi")
    p.set_defaults(handler=cmd_sheet)

    p = actions.add_parser("export", help=f"xuất bài viết ra tệp JSON ({'supportdesk-kb/1'})")
    p.add_argument("file")
    p.add_argument("--include-retired", action="store_true")
    p.set_defaults(handler=cmd_export)

    p = actions.add_parser("import", help="nhập bài viết từ tệp JSON (tất cả hoặc không gì)")
    p.add_argument("file")
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)


def _positive(limit: int) -> int:
    if limit < 1:
        raise CommandError("--limit phải lớn hơn 0")
    return limit


def _brief(article: dict) -> dict:
    keys = ("id", "uuid", "title", "status", "origin", "audience", "topics", "sample")
    return {k: article[k] for k in keys}


def _print_results(items: list[dict], approximate: bool, as_json: bool) -> int:
    if as_json:
        print_json([_brief(a) for a in items])
        return 0
    if not items:
        print("Không tìm thấy bài viết nào.")
        return 0
    if approximate:
        print("Không tìm thấy chính xác — kết quả gần đúng:")
    _table(items)
    return 0


def _table(items: list[dict]) -> None:
    from supportdesk.core.kb import STATUS_LABELS

    rows = [
        (a["id"], a["title"], STATUS_LABELS[a["status"]], ", ".join(a["topics"])) for a in items
    ]
    print_table(rows, ["Số", "Tiêu đề", "Trạng thái", "Chủ đề"])


def cmd_search(args) -> int:
    from supportdesk.core import kb

    statuses = kb.STATUSES if args.all else ("draft", "published")
    result = kb.search(open_db(args), args.query, limit=_positive(args.limit), statuses=statuses)
    return _print_results(result.items, result.approximate, args.json)


def cmd_suggest(args) -> int:
    from supportdesk.core import kb

    result = kb.suggest(open_db(args), args.text, limit=_positive(args.limit), topic=args.topic)
    return _print_results(result.items, result.approximate, args.json)


def cmd_list(args) -> int:
    from supportdesk.core import kb
    from supportdesk.core.kb import usage

    db = open_db(args)
    items = usage.with_stats(
        db, kb.listing(db, status=args.status, origin=args.origin, topic=args.topic)
    )
    if args.json:
        print_json([_brief(a) | {"usage": a["usage"]} for a in items])
        return 0
    if not items:
        print("Chưa có bài viết nào.")
        return 0
    rows = [
        (a["id"], a["title"], a["status"], a["usage"]["suggested"], a["usage"]["applied"],
         a["usage"]["resolved_on_time"])
        for a in items
    ]  # fmt: skip
    print_table(rows, ["Số", "Tiêu đề", "Trạng thái", "Gợi ý", "Áp dụng", "Xong đúng hạn"])
    return 0


def _article(db, ref: str) -> dict:
    from supportdesk.core import kb

    article = kb.get(db, ref)
    if article is None:
        raise CommandError(f"không có bài viết {ref}")
    return article


def show_text(article: dict) -> str:
    from supportdesk.core.kb import AUDIENCE_LABELS, ORIGIN_LABELS, STATUS_LABELS, SYSTEMS

    out = [f"#{article['id']} {article['title']}"]
    state = f"{STATUS_LABELS[article['status']]} · {ORIGIN_LABELS[article['origin']]}"
    state += f" · cho {AUDIENCE_LABELS[article['audience']]}"
    if article["sample"]:
        state += " · BÀI MẪU (tỉnh cần rà soát)"
    out.append(state)
    if article["symptoms"]:
        out += ["", "Dấu hiệu: " + article["symptoms"]]
    out += ["", "Cách xử lý:"] + [f"  {i}. {s}" for i, s in enumerate(article["steps"], 1)]
    if article["systems"]:
        out.append("Hệ thống: " + ", ".join(SYSTEMS.get(s, s) for s in article["systems"]))
    if article["topics"]:
        out.append("Chủ đề: " + ", ".join(article["topics"]))
    if article["procedures"]:
        out.append("Thủ tục: " + ", ".join(article["procedures"]))
    if article["source"]:
        out.append("Nguồn: " + article["source"].replace("\n", "\n       "))
    if article["notes"]:
        out.append("Ghi chú: " + article["notes"])
    out.append(f"Cập nhật: {article['updated_at']} · mã {article['uuid']}")
    return "\n".join(out)


def cmd_show(args) -> int:
    from supportdesk.core.kb import usage

    db = open_db(args)
    article = usage.with_stats(db, [_article(db, args.ref)])[0]
    if args.json:
        print_json(article)
        return 0
    print(show_text(article))
    u = article["usage"]
    print(f"Đã gợi ý {u['suggested']} lần, áp dụng {u['applied']}, ", end="")
    print(f"xong đúng hạn {u['resolved_on_time']}.")
    return 0


def _fields(args) -> dict:
    values = {k: getattr(args, k) for k in (*EDITABLE, "status") if getattr(args, k) is not None}
    if args.steps is not None:
        values["steps"] = args.steps
    return values


def _saved(article: dict, as_json: bool, verb: str) -> int:
    if as_json:
        print_json(article)
    else:
        print(f"{verb} bài #{article['id']}: {article['title']}")
    return 0


def cmd_add(args) -> int:
    from supportdesk.core import kb

    try:
        return _saved(kb.add(open_db(args), _fields(args)), args.json, "Đã thêm")
    except kb.KbError as exc:
        raise CommandError(str(exc)) from exc


def cmd_edit(args) -> int:
    from supportdesk.core import kb

    db = open_db(args)
    changes = _fields(args)
    if not changes:
        raise CommandError("không có gì thay đổi (cho biết --title, --step, --status …)")
    try:
        return _saved(kb.update(db, _article(db, args.ref)["id"], changes), args.json, "Đã sửa")
    except kb.KbError as exc:
        raise CommandError(str(exc)) from exc


def cmd_draft(args) -> int:
    from supportdesk.core import tickets
    from supportdesk.core.kb import KbError, drafts

    db = open_db(args)
    request_id = tickets.find(db, args.request)
    if request_id is None:
        raise CommandError(f"không có yêu cầu {args.request}")
    try:
        return _saved(drafts.from_request(db, request_id), args.json, "Đã tạo bản nháp")
    except KbError as exc:
        raise CommandError(str(exc)) from exc


def cmd_sheet(args) -> int:
    from supportdesk.commands.documents import _save

    return _save(open_db(args), "kb_sheet", args.ref, args.output, width=args.width)


def cmd_export(args) -> int:
    from supportdesk.core import kb

    n = kb.export_file(open_db(args), Path(args.file), include_retired=args.include_retired)
    print(f"Đã xuất {n} bài viết vào {args.file}")
    return 0


def cmd_import(args) -> int:
    from supportdesk.core import kb

    report = kb.import_file(open_db(args), Path(args.file))
    return report_import(report, Path(args.file), args.json)
