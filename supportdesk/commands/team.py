"""`supportdesk team …`: pair the commune's desks and keep their request logs together."""

from __future__ import annotations

import socket
import sys
import time

from supportdesk.commands._common import CommandError, add_json_flag, open_db, print_json


def register(sub) -> None:
    p = sub.add_parser("team", help="nhóm nhiều máy của một xã: ghép nối, đồng bộ qua mạng nội bộ")
    team = p.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    q = team.add_parser("invite", help="tạo mã mời một lần cho máy khác vào nhóm")
    q.add_argument("--host", help="địa chỉ của máy này trên mạng nội bộ (mặc định: tự tìm)")
    q.add_argument("--port", type=int, help="cổng của team serve (mặc định 8766)")
    add_json_flag(q)
    q.set_defaults(handler=cmd_invite)

    q = team.add_parser("join", help="vào nhóm bằng địa chỉ và mã mời của máy kia")
    q.add_argument(
        "address", nargs="?", help="địa chỉ máy mời, ví dụ 192.168.1.10:8766 (bỏ trống: tự tìm)"
    )
    q.add_argument("--code", required=True, help="mã mời, ví dụ ABCD-EFGH")
    q.add_argument("--port", type=int, help="cổng team serve của máy này (mặc định 8766)")
    q.add_argument("--name", help="tên máy này trong nhóm (mặc định: tên máy)")
    add_json_flag(q)
    q.set_defaults(handler=cmd_join)

    q = team.add_parser("serve", help="mở cổng đồng bộ của máy này (chạy đến khi Ctrl+C)")
    q.add_argument("--host", default="0.0.0.0", help="mặc định 0.0.0.0 (mọi mạng)")
    q.add_argument("--port", type=int, help="mặc định 8766")
    q.add_argument("--no-mdns", action="store_true", help="không quảng bá máy này qua mDNS")
    q.set_defaults(handler=cmd_serve)

    q = team.add_parser("sync", help="đồng bộ với các máy khác trong nhóm")
    q.add_argument("--once", action="store_true", help="đồng bộ một lần rồi thoát")
    q.add_argument("--peer", action="append", help="địa chỉ máy cần đồng bộ (có thể lặp lại)")
    q.add_argument("--interval", type=int, default=60, help="giây giữa hai lần (khi không --once)")
    q.add_argument("--no-mdns", action="store_true",
                   help="không dò địa chỉ mới của máy không trả lời qua mDNS")  # fmt: skip
    add_json_flag(q)
    q.set_defaults(handler=cmd_sync)

    q = team.add_parser("leave", help="rời nhóm: quên khoá và các máy khác, giữ mọi dữ liệu")
    q.add_argument("--yes", action="store_true", help="xác nhận rời nhóm")
    add_json_flag(q)
    q.set_defaults(handler=cmd_leave)

    q = team.add_parser("status", help="nhóm, các máy và ký hiệu của chúng")
    add_json_flag(q)
    q.set_defaults(handler=cmd_status)


def _port(db, given: int | None) -> int:
    from supportdesk.core.store import settings

    if given is not None:
        if not 1 <= given <= 65535:
            raise CommandError("cổng phải từ 1 đến 65535")
        settings.put(db, "team_port", given)
        return given
    return int(settings.get(db, "team_port"))


def _refusal(exc: Exception) -> CommandError:
    return CommandError(str(exc))


def cmd_invite(args) -> int:
    from supportdesk.core.team import pairing
    from supportdesk.core.team.membership import TeamError

    db = open_db(args)
    try:
        made = pairing.invite(db, host=args.host, port=_port(db, args.port),
                              name=socket.gethostname())  # fmt: skip
    except TeamError as exc:
        raise _refusal(exc) from exc
    if args.json:
        print_json(made)
    else:
        print(f"Mã mời: {made['code']} (dùng một lần, trong 15 phút)")
        print(f"Trên máy kia: supportdesk team join {made['address']} --code {made['code']}")
        print(f"(hoặc, cùng mạng nội bộ: supportdesk team join --code {made['code']})")
        print("Máy này cần đang chạy: supportdesk team serve (hoặc ứng dụng đang mở)")
    return 0


def cmd_join(args) -> int:
    from supportdesk.core.team import pairing
    from supportdesk.core.team.discovery import Unavailable
    from supportdesk.core.team.membership import TeamError

    db = open_db(args)
    port, name = _port(db, args.port), args.name or socket.gethostname()
    try:
        if args.address:
            joined = pairing.join(db, args.address, args.code, port=port, name=name)
        else:
            joined = pairing.join_discovered(db, args.code, port=port, name=name)
    except Unavailable as exc:
        raise CommandError(str(exc), 1) from exc
    except TeamError as exc:
        raise _refusal(exc) from exc
    if args.json:
        print_json(joined)
    else:
        print(f"Đã vào nhóm. Ký hiệu của máy này: {joined['mark']}. Đồng bộ: team sync --once")
    return 0


def cmd_serve(args) -> int:
    from supportdesk import paths
    from supportdesk.core.team import membership
    from supportdesk.core.team.server import TeamServer

    db = open_db(args)
    port = _port(db, args.port)
    if not membership.team(db):
        print("Lưu ý: máy này chưa vào nhóm; chỉ nhận ghép nối (team invite).", file=sys.stderr)
    db.close()
    try:
        server = TeamServer(paths.data_dir(args.data_dir), args.host, port)
    except OSError as exc:
        raise CommandError(f"không mở được cổng {port}: {exc.strerror or exc}", 1) from exc
    print(f"Đang phục vụ nhóm tại {args.host}:{server.port} (Ctrl+C để dừng)", flush=True)
    advertiser = None if args.no_mdns else _advertise(args, server.port)
    try:
        server.serve_forever()
    finally:
        server.httpd.server_close()
        if advertiser is not None:
            advertiser.close()
    return 0


def _advertise(args, port: int):
    """mDNS on a thread (core.team.discovery): typed addresses work whatever it says."""
    from supportdesk.core.team import discovery, membership

    db = open_db(args)
    commune, desk = membership.commune(db), membership.desk_id(db)
    db.close()
    if not commune:
        return None

    def said(problem: str | None) -> None:
        if problem:
            print(f"Lưu ý: {problem}", file=sys.stderr, flush=True)
        else:
            print(f"Đã quảng bá máy này trên mạng nội bộ (mDNS, xã {commune})", flush=True)

    return discovery.Advertiser(commune, desk, port, args.host, on_ready=said).start()


def cmd_sync(args) -> int:
    from supportdesk.core.team import client
    from supportdesk.core.team.membership import TeamError

    if args.interval < 5:
        raise CommandError("--interval phải từ 5 giây trở lên")
    db = open_db(args)
    while True:
        try:
            result = client.sync_team(db, args.peer, discover=not args.no_mdns)
        except TeamError as exc:
            raise _refusal(exc) from exc
        if args.json:
            print_json(result)
        else:
            print(f"Đã gửi {result['sent']}, đã nhận {result['received']}.")
            for peer in result["peers"]:
                state = "xong" if peer["ok"] else f"lỗi: {peer.get('error')}"
                print(f"  {peer.get('mark') or '?'} {peer['address']}: {state}")
            if result.get("discovery"):
                print(f"  {result['discovery']}")
        if args.once:
            return 0  # an unreachable desk is not an error: the work waits
        sys.stdout.flush()
        time.sleep(args.interval)


def cmd_leave(args) -> int:
    from supportdesk.core.team import membership
    from supportdesk.core.team.membership import TeamError

    if not args.yes:
        raise CommandError(
            "rời nhóm thì máy này thôi đồng bộ với các máy khác (dữ liệu vẫn giữ): "
            "thêm --yes để xác nhận"
        )
    db = open_db(args)
    try:
        membership.leave(db)
    except TeamError as exc:
        raise _refusal(exc) from exc
    if args.json:
        print_json({"left": True, "desk_id": membership.desk_id(db)})
    else:
        print("Đã rời nhóm. Mọi yêu cầu, bài viết và danh bạ vẫn ở trên máy này.")
    return 0


def cmd_status(args) -> int:
    from supportdesk.core.team import feed, membership, state

    db = open_db(args)
    team = membership.team(db)
    shown = {
        "team_id": team["team_id"] if team else None,
        "commune_code": team["commune_code"] if team else membership.commune(db),
        "desk_id": membership.desk_id(db),
        "mark": membership.desk_mark(db),
        "members": membership.members(db),
        "vector": feed.vector(db),
        "sync": state.summary(db),  # None outside a team
    }
    if args.json:
        print_json(shown)
        return 0
    if not team:
        print("Máy này chưa vào nhóm nào (team invite / team join).")
        return 0
    print(f"Nhóm của xã {shown['commune_code']}; máy này: {shown['mark']}")
    synced = shown["sync"]
    if synced["error"]:
        print(f"Lần đồng bộ cuối bị từ chối: {synced['error']}")
    elif synced["minutes_ago"] is None:
        print("Chưa liên lạc được máy nào của nhóm.")
    else:
        print(f"Lần cuối liên lạc được một máy: {synced['minutes_ago']} phút trước")
    for m in shown["members"]:
        print(f"  {m['mark']}  {m['name'] or '-'}  {m['address'] or '(chưa biết địa chỉ)'}")
    return 0
