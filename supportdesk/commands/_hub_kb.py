"""`supportdesk hub publish-kb|notice|notices|spikes|proposals`: the province's knowledge base,
live notices and outage flags on the hub (issue 17). Registered by commands/hub.py."""

from __future__ import annotations

from supportdesk.commands._common import CommandError, add_json_flag, print_json, print_table


def register_actions(action) -> None:
    p = action("publish-kb", "phát hành bài hướng dẫn cho các xã (tệp supportdesk-kb/1)",
               cmd_publish_kb)  # fmt: skip
    add_json_flag(p)
    p.add_argument("file")
    p = action("notice", "đăng thông báo cho các máy tại quầy của một tỉnh hoặc cả nước",
               cmd_notice)  # fmt: skip
    p.add_argument("text", nargs="?", help="nội dung, ví dụ: VNeID đang quá tải, hẹn sau 14h")
    p.add_argument("--topic", default="", help="chủ đề, ví dụ vneid")
    p.add_argument("--until", help="hết hạn lúc (giờ Việt Nam), ví dụ 2026-12-01T14:00")
    p.add_argument("--retract", metavar="ID", help="thu hồi thông báo có mã này")
    reach = p.add_mutually_exclusive_group()
    reach.add_argument("--province", metavar="CODE",
                       help="mã tỉnh 2 chữ số: chỉ các xã của tỉnh này nhận")  # fmt: skip
    reach.add_argument("--nation", action="store_true", help="mọi xã trong cả nước nhận")
    add_json_flag(p)
    p = action("notices", "các thông báo đang hiệu lực", cmd_notices)
    p.add_argument("--province", metavar="CODE", help="chỉ những gì các xã của tỉnh này thấy")
    add_json_flag(p)
    p = action("spikes", "chủ đề tăng đột biến (nhiều xã cùng lúc)", cmd_spikes)
    p.add_argument("--hour", help="giờ cần xét, ví dụ 2026-12-01T09 (mặc định: giờ mới nhất)")
    p.add_argument("--province", metavar="CODE", help="chỉ xét các xã của tỉnh này")
    p.add_argument("--notice", metavar="TOPIC",
                   help="đăng thông báo cho chủ đề này (cho tỉnh --province, nếu có)")  # fmt: skip
    add_json_flag(p)
    p = action("proposals", "bài các xã đề xuất, chờ tỉnh duyệt", cmd_proposals)
    p.add_argument("--publish", metavar="ID")
    p.add_argument("--reject", metavar="ID")
    p.add_argument("--province", metavar="CODE",
                   help="chỉ đề xuất của các xã thuộc tỉnh này")  # fmt: skip
    add_json_flag(p)


def _run(call):
    from supportdesk.hub.service import HubError

    try:
        return call()
    except HubError as exc:
        raise CommandError(str(exc)) from exc


def _storage(args):
    from supportdesk.commands.hub import _storage as open_storage

    return open_storage(args)


def cmd_publish_kb(args) -> int:
    from supportdesk.hub import kb as hub_kb

    result = _run(lambda: hub_kb.publish_file(_storage(args), args.file))
    if args.json:
        print_json(result)
    else:
        print(
            f"Đã phát hành bài hướng dẫn phiên bản {result['version']}: "
            f"{result['articles']} bài đang dùng, {result['retired']} bài đã gỡ."
        )
    return 0


def _province(code: str | None) -> str | None:
    from supportdesk.hub import provinces

    if code is not None and not provinces.known(code):
        raise CommandError(f"không có tỉnh mã {code!r} (mã 2 chữ số, ví dụ 08)")
    return code


def cmd_notice(args) -> int:
    from supportdesk.hub import notices

    province = _province(args.province)
    storage = _storage(args)
    if args.retract:
        mine = province if province else notices.EVERY  # --province: only that province's
        if not notices.retract(storage, args.retract, province=mine):
            raise CommandError(f"không có thông báo đang hiệu lực mã {args.retract}")
        print("Đã thu hồi thông báo.")
        return 0
    if not args.text or not args.until:
        raise CommandError("cần nội dung thông báo và --until (ví dụ 2026-12-01T14:00)")
    # One hub may serve every province: who receives the notice is always said, never assumed.
    if not (province or args.nation):
        raise CommandError("cần --province MÃ_TỈNH (các xã của một tỉnh) hoặc --nation (cả nước)")
    notice = _run(lambda: notices.post(storage, args.text, topic=args.topic, until=args.until,
                                       province=province))  # fmt: skip
    if args.json:
        print_json(notice)
    else:
        print(f"Đã đăng thông báo {notice['id']} cho {_reach(notice['province'])} "
              f"(hết hạn {notice['until']}).")  # fmt: skip
    return 0


def _reach(province: str | None) -> str:
    from supportdesk.hub import provinces

    return provinces.name_of(province)


def cmd_notices(args) -> int:
    from supportdesk.hub import notices

    province = _province(args.province)
    found = notices.active(_storage(args), province=province or notices.EVERY)
    if args.json:
        print_json(found)
    elif not found:
        print("Không có thông báo nào đang hiệu lực.")
    else:
        print_table([(n["id"][:8], _reach(n["province"]), n["topic"], n["until"], n["text"])
                     for n in found],
                    ["Mã", "Gửi tới", "Chủ đề", "Hết hạn", "Nội dung"])  # fmt: skip
    return 0


def cmd_spikes(args) -> int:
    from supportdesk.hub import provinces, spikes

    province = _province(args.province)
    scope = provinces.communes_of(province) if province else None
    storage = _storage(args)
    flagged = spikes.detect(storage, args.hour, scope)
    if args.notice:
        hour = args.hour or (flagged[0]["hour"] if flagged else "")
        notice = _run(lambda: spikes.notice_for(storage, args.notice, hour, province=province))
        print_json(notice) if args.json else print(f"Đã đăng thông báo: {notice['text']}")
        return 0
    if args.json:
        print_json(flagged)
    elif not flagged:
        print("Không có chủ đề nào tăng đột biến.")
    else:
        print_table(
            [(s["hour"], s["category"], s["count"], s["communes"], s["median"], s["ratio"])
             for s in flagged],
            ["Giờ", "Chủ đề", "Số yêu cầu", "Số xã", "Trung vị 4 tuần", "Gấp"],
        )  # fmt: skip
    return 0


def cmd_proposals(args) -> int:
    from supportdesk.hub import kb as hub_kb

    province = _province(args.province)
    storage = _storage(args)
    if args.publish or args.reject:
        ref = args.publish or args.reject
        result = _run(lambda: hub_kb.review(storage, ref, publish=bool(args.publish),
                                            province=province))  # fmt: skip
        print_json(result) if args.json else print(f"Đề xuất {ref}: {result['state']}")
        return 0
    found = hub_kb.proposals(storage, province=province)
    if args.json:
        print_json(found)
    elif not found:
        print("Không có đề xuất nào chờ duyệt.")
    else:
        print_table([(p["proposal_id"], p["commune_code"], p["article"]["title"]) for p in found],
                    ["Mã", "Xã", "Tiêu đề"])  # fmt: skip
    return 0
