"""`supportdesk hub …`: run and administer the provincial hub (needs the `hub` extra)."""

from __future__ import annotations

from supportdesk.commands._common import CommandError, add_json_flag, print_json, print_table


def register(sub) -> None:
    parser = sub.add_parser("hub", help="máy chủ tỉnh: chạy và quản trị")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_text: str, handler):
        p = actions.add_parser(name, help=help_text)
        p.add_argument("--db", required=True, help="tệp SQLite hoặc postgresql://…")
        p.set_defaults(handler=handler)
        return p

    p = action("serve", "chạy máy chủ", cmd_serve)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument(
        "--access-log", action="store_true", help="ghi mỗi yêu cầu vào nhật ký (chậm hơn ~40%%)"
    )
    p = action("add-commune", "thêm xã (hoặc cấp lại mã đăng ký)", cmd_add)
    p.add_argument("code")
    p.add_argument("--name", default="")
    add_json_flag(p)
    p = action("revoke", "thu hồi mã truy cập của một xã", cmd_revoke)
    p.add_argument("code")
    p = action("publish-catalog", "phát hành danh mục cho các xã", cmd_publish)
    p.add_argument("file")
    p.add_argument("--name")
    p.add_argument("--version", dest="catalog_version")
    add_json_flag(p)
    p = action("lock-period", "khoá kỳ báo cáo (không nhận bản mới)", cmd_lock)
    p.add_argument("period", help="ví dụ 2026-11")
    p.add_argument("--type", default="month", choices=["month", "week", "quarter"])
    p = action("status", "tình hình báo cáo của các xã", cmd_status)
    add_json_flag(p)


def _storage(args):
    try:
        from supportdesk.hub.storage import Storage
    except ImportError as exc:
        raise CommandError(
            f"thiếu gói của máy chủ tỉnh (pip install supportdesk[hub]): {exc}"
        ) from exc
    try:
        return Storage(args.db)
    except ImportError as exc:
        raise CommandError(f"thiếu gói psycopg (pip install supportdesk[hub]): {exc}") from exc


def _admin(call):
    from supportdesk.hub.service import HubError

    try:
        return call()
    except HubError as exc:
        raise CommandError(str(exc)) from exc


def cmd_serve(args) -> int:
    from supportdesk.hub.app import serve

    _storage(args).close()  # fail early, with a clear message, if the database is unusable
    serve(args.db, host=args.host, port=args.port, access_log=args.access_log)
    return 0


def cmd_add(args) -> int:
    from supportdesk.hub import admin

    code = _admin(lambda: admin.add_commune(_storage(args), args.code, args.name))
    if args.json:
        print_json({"commune_code": args.code, "enrollment_code": code})
    else:
        print(f"Mã đăng ký một lần cho xã {args.code}: {code}")
    return 0


def cmd_revoke(args) -> int:
    from supportdesk.hub import admin

    if not admin.revoke(_storage(args), args.code):
        raise CommandError(f"không có xã {args.code}")
    print(f"Đã thu hồi mã truy cập của xã {args.code}.")
    return 0


def cmd_publish(args) -> int:
    from supportdesk.hub import admin

    storage = _storage(args)
    info = _admin(lambda: admin.publish_catalog(storage, args.file, args.name,
                                                args.catalog_version))  # fmt: skip
    if args.json:
        print_json(info)
    else:
        print(f"Đã phát hành {info['name']} phiên bản {info['version']} ({info['size']} byte).")
    return 0


def cmd_lock(args) -> int:
    from supportdesk.hub import admin

    admin.lock_period(_storage(args), args.type, args.period)
    print(f"Đã khoá kỳ {args.period}.")
    return 0


def cmd_status(args) -> int:
    from supportdesk.hub import admin

    rows = admin.status(_storage(args))
    if args.json:
        print_json(rows)
        return 0
    print_table(
        [
            [
                r["commune_code"],
                r["name"],
                len(r["periods"]),
                r["latest_revision"],
                r["last_seen_at"] or "",
                "có" if r["enrolled"] else "chưa",
            ]
            for r in rows
        ],  # fmt: skip
        ["Mã xã", "Tên", "Số kỳ", "Bản mới nhất", "Lần cuối", "Đã đăng ký"],
    )
    return 0
