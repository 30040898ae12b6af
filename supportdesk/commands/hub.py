"""`supportdesk hub …`: run and administer the provincial hub (needs the `hub` extra)."""

from __future__ import annotations

from pathlib import Path

from supportdesk.commands._common import CommandError, add_json_flag, print_json, print_table


def register(sub) -> None:
    parser = sub.add_parser("hub", help="máy chủ tỉnh: chạy và quản trị")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_text: str, handler):
        p = actions.add_parser(name, help=help_text)
        p.add_argument("--db", required=True, help="tệp SQLite hoặc postgresql://…")
        p.set_defaults(handler=_closing(handler))
        return p

    p = action("serve", "chạy máy chủ", cmd_serve)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument(
        "--access-log", action="store_true", help="ghi mỗi yêu cầu vào nhật ký (chậm hơn ~40%%)"
    )
    p.add_argument("--cert", help="chứng chỉ TLS (PEM, kèm chuỗi trung gian)")
    p.add_argument("--key", help="khoá riêng của chứng chỉ (PEM)")
    p.add_argument(
        "--allow-http", action="store_true", help="cho phép HTTP thường ngoài máy này (không nên)"
    )
    p.add_argument("--workers", type=int, default=1, help="số tiến trình (>1 cần PostgreSQL)")
    p.add_argument("--pool-size", type=int, default=10, help="kết nối PostgreSQL mỗi tiến trình")
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
    p = action("lock-period", "khoá kỳ báo cáo (không nhận bản mới)", cmd_lock_period)
    p.add_argument("period", help="ví dụ 2026-11")
    p.add_argument("--type", default="month", choices=["month", "week", "quarter"])
    p = action("lock", "khoá một xã (không nhận báo cáo) hoặc một kỳ (--period)", cmd_lock)
    p.add_argument("code", nargs="?", help="mã xã, 5 chữ số")
    p.add_argument("--period", help="khoá kỳ này thay cho một xã, ví dụ 2026-11")
    p.add_argument("--type", default="month", choices=["month", "week", "quarter"])
    p.add_argument("--unlock", action="store_true", help="mở khoá xã")
    p = action("delete-submission", "xoá một báo cáo đã nhận (dữ liệu sai)", cmd_delete)
    p.add_argument("submission_id", nargs="?", help="mã báo cáo (UUID)")
    p.add_argument("--commune", help="mã xã: xoá bản mới nhất của kỳ --period")
    p.add_argument("--period", help="kỳ, ví dụ 2026-11")
    p.add_argument("--type", default="month", choices=["month", "week", "quarter"])
    add_json_flag(p)
    p = action("add-user", "thêm người xem bảng theo dõi (hỏi mật khẩu)", cmd_add_user)
    p.add_argument("name")
    scope = p.add_mutually_exclusive_group(required=True)
    scope.add_argument("--province", help="mã tỉnh 2 chữ số: chỉ thấy các xã của tỉnh này")
    scope.add_argument("--nation", action="store_true", help="thấy mọi tỉnh")
    p = action("remove-user", "xoá người xem bảng theo dõi", cmd_remove_user)
    p.add_argument("name")
    p = action("status", "tình hình báo cáo của các xã", cmd_status)
    add_json_flag(p)
    from supportdesk.commands._hub_kb import register_actions

    register_actions(action)  # publish-kb, notice, notices, spikes, proposals (issue 17)


def _closing(handler):
    """Run a command, then close the storages it opened (PostgreSQL pools hold threads)."""

    def run(args) -> int:
        args.opened = []
        try:
            return handler(args)
        finally:
            for storage in args.opened:
                storage.close()

    return run


def _storage(args, *, must_exist: bool = False):
    """The hub's database; `must_exist` for commands that only read (a typo in --db must not
    create an empty hub and report that it has no communes)."""
    if must_exist and not str(args.db).startswith(("postgresql:", "postgres:")):
        path = Path(args.db)
        if path.is_dir():
            raise CommandError(f"{path}: đây là một thư mục, không phải cơ sở dữ liệu của máy chủ")
        if not path.is_file():
            raise CommandError(
                f"không có cơ sở dữ liệu máy chủ tỉnh {path}; kiểm tra lại --db "
                "(hub serve hoặc hub add-commune tạo nó lần đầu)"
            )
    try:
        from supportdesk.hub.storage import Storage
    except ImportError as exc:
        raise CommandError(
            f"thiếu gói của máy chủ tỉnh (pip install supportdesk[hub]): {exc}"
        ) from exc
    try:
        storage = Storage(args.db, pool_size=2)
    except ImportError as exc:
        raise CommandError(f"thiếu gói psycopg (pip install supportdesk[hub]): {exc}") from exc
    except Exception as exc:  # noqa: BLE001 — sqlite3, psycopg and pool errors alike
        raise CommandError(f"không mở được cơ sở dữ liệu của máy chủ tỉnh: {exc}") from exc
    getattr(args, "opened", []).append(storage)
    return storage


def _admin(call):
    from supportdesk.hub.service import HubError

    try:
        return call()
    except HubError as exc:
        raise CommandError(str(exc)) from exc


def cmd_serve(args) -> int:
    from supportdesk.hub.serving import ServeError, check_plan, serve

    try:
        check_plan(args.db, args.host, args.workers, args.cert, args.key, args.allow_http)
        _storage(args).close()  # fail early, with a clear message, if the database is unusable
        serve(args.db, host=args.host, port=args.port, access_log=args.access_log,
              workers=args.workers, pool_size=args.pool_size, cert=args.cert, key=args.key,
              allow_http=args.allow_http)  # fmt: skip
    except ServeError as exc:
        raise CommandError(str(exc)) from exc
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
    from supportdesk.core import files
    from supportdesk.hub import admin

    files.input_file(args.file)
    storage = _storage(args)
    info = _admin(lambda: admin.publish_catalog(storage, args.file, args.name,
                                                args.catalog_version))  # fmt: skip
    if args.json:
        print_json(info)
    else:
        print(f"Đã phát hành {info['name']} phiên bản {info['version']} ({info['size']} byte).")
    return 0


def cmd_lock_period(args) -> int:
    from supportdesk.hub import admin

    admin.lock_period(_storage(args), args.type, args.period)
    print(f"Đã khoá kỳ {args.period}.")
    return 0


def cmd_lock(args) -> int:
    from supportdesk.hub import admin

    if args.period:
        if args.code or args.unlock:
            raise CommandError("--period khoá một kỳ: không kèm mã xã hay --unlock")
        return cmd_lock_period(args)
    if not args.code:
        raise CommandError("cần mã xã (hoặc --period KỲ)")
    if not admin.lock_commune(_storage(args), args.code, locked=not args.unlock):
        raise CommandError(f"không có xã {args.code}")
    print(f"Đã {'mở khoá' if args.unlock else 'khoá'} xã {args.code}.")
    return 0


def cmd_delete(args) -> int:
    from supportdesk.hub import admin

    storage = _storage(args)
    sid = args.submission_id
    if not sid:
        if not (args.commune and args.period):
            raise CommandError("cần mã báo cáo, hoặc --commune MÃ_XÃ --period KỲ")
        with storage.tx(write=False) as db:
            row = db.one(
                "SELECT submission_id FROM latest WHERE commune_code = ? AND period_type = ? "
                "AND period_id = ?",
                [args.commune, args.type, args.period],
            )
        if row is None:
            raise CommandError(f"xã {args.commune} chưa có báo cáo kỳ {args.period}")
        sid = row[0]
    info = _admin(lambda: admin.delete_submission(storage, sid))
    if args.json:
        print_json(info)
    else:
        print(f"Đã xoá báo cáo {sid} (xã {info['commune_code']}, kỳ {info['period']}, "
              f"bản {info['revision']}).")  # fmt: skip
    return 0


def cmd_add_user(args) -> int:
    import getpass
    import sys

    from supportdesk.hub import access

    if sys.stdin.isatty():
        password = getpass.getpass("Mật khẩu: ")
        if getpass.getpass("Nhập lại mật khẩu: ") != password:
            raise CommandError("hai lần nhập mật khẩu không khớp")
    else:  # a script pipes the password on stdin, never on the command line
        password = sys.stdin.readline().rstrip("\n")
    province = None if args.nation else args.province
    user = _admin(lambda: access.add_user(_storage(args), args.name, password, province))
    scope = "toàn quốc" if user.national else f"tỉnh {user.province}"
    print(f"Đã lưu người dùng {user.name} ({scope}).")
    return 0


def cmd_remove_user(args) -> int:
    from supportdesk.hub import access

    if not access.remove_user(_storage(args), args.name):
        raise CommandError(f"không có người dùng {args.name}")
    print(f"Đã xoá người dùng {args.name}.")
    return 0


def cmd_status(args) -> int:
    from supportdesk.hub import admin

    rows = admin.status(_storage(args, must_exist=True))
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
