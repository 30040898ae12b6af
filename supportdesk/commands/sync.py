"""`supportdesk sync` and `supportdesk enroll`: the commune's side of the provincial hub."""

from __future__ import annotations

import sys
import time

from supportdesk.commands._common import CommandError, add_json_flag, open_db, print_json

EXIT_PAUSED = 4  # the token was refused: someone must enroll again
SHOWN = ("sent", "acked", "pending", "rejected", "catalogs_updated")


def register(sub) -> None:
    p = sub.add_parser("sync", help="gửi báo cáo tổng hợp lên máy chủ tỉnh, nhận danh mục mới")
    p.add_argument("--once", action="store_true", help="đồng bộ một lần rồi thoát")
    p.add_argument("--interval", type=int, default=300, help="giây giữa hai lần (khi không --once)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_sync)

    p = sub.add_parser("enroll", help="đăng ký máy này với máy chủ tỉnh bằng mã một lần")
    p.add_argument("--hub", required=True, help="địa chỉ máy chủ tỉnh, ví dụ https://hub.tinh.vn")
    p.add_argument("--code", required=True, help="mã đăng ký do tỉnh cấp")
    p.add_argument(
        "--ca", help="tệp chứng chỉ gốc (PEM) của tỉnh, khi máy chủ dùng chứng chỉ riêng"
    )
    p.add_argument(
        "--allow-http", action="store_true",
        help="cho phép http:// không mã hoá tới máy chủ ngoài máy này (không nên)",
    )  # fmt: skip
    add_json_flag(p)
    p.set_defaults(handler=cmd_enroll)


def _report(result: dict, as_json: bool) -> None:
    if as_json:
        shown = {k: result.get(k) for k in SHOWN}
        shown.update({k: result[k] for k in ("reason", "paused", "queued") if result.get(k)})
        print_json(shown)
        return
    print(
        f"Đã gửi {result.get('sent', 0)}, được nhận {result.get('acked', 0)}, "
        f"còn chờ {result.get('pending', 0)}, bị từ chối {result.get('rejected', 0)}."
    )
    for item in result.get("catalogs_updated") or []:
        print(f"Danh mục {item['name']} cập nhật lên phiên bản {item['version']}.")
    if result.get("reason"):
        how = " (supportdesk enroll --hub … --code …)" if result.get("not_enrolled") else ""
        print(f"Lưu ý: {result['reason']}{how}")


def cmd_sync(args) -> int:
    from supportdesk import paths
    from supportdesk.core.sync.runner import sync_now

    if args.interval < 30:
        raise CommandError("--interval phải từ 30 giây trở lên")
    db = open_db(args)
    data_dir = paths.data_dir(args.data_dir)
    while True:
        result = sync_now(db, data_dir, force=args.once)
        _report(result, args.json)
        if result.get("paused"):
            print(f"supportdesk: {result['paused']}", file=sys.stderr)
            return EXIT_PAUSED
        if args.once:
            return 0  # an unreachable hub is not an error: the work waits in the outbox
        sys.stdout.flush()
        time.sleep(args.interval)


def cmd_enroll(args) -> int:
    from supportdesk import paths
    from supportdesk.core.sync import enrollment
    from supportdesk.core.sync.client import HubUnavailable

    db = open_db(args)
    store = enrollment.token_store(db, paths.data_dir(args.data_dir))
    try:
        answer = enrollment.enroll(
            db, store, args.hub, args.code, ca=args.ca, allow_http=args.allow_http
        )
    except enrollment.EnrollmentError as exc:
        raise CommandError(str(exc)) from exc
    except HubUnavailable as exc:
        raise CommandError(str(exc), exit_code=1) from exc
    if args.json:
        print_json(answer)
    else:
        print(f"Đã đăng ký xã {answer['commune_code']} với {answer['hub_url']}.")
        if args.allow_http and answer["hub_url"].startswith("http://"):
            print("Cảnh báo: kết nối http:// không mã hoá; mã truy cập có thể bị lộ.")
    return 0
