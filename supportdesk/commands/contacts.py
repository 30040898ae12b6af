"""`supportdesk contacts …`: add, import, list, search, show, remove and export the directory of
officials."""

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


def register(sub) -> None:
    parser = sub.add_parser("contacts", help="danh bạ cán bộ, cơ quan giải quyết thủ tục")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser("import", help="nhập danh bạ (.csv, .xlsx, .vcf)")
    p.add_argument("file")
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = actions.add_parser("add", help="thêm một liên hệ (hoặc cập nhật liên hệ trùng số, tên)")
    p.add_argument("--name", required=True, help="họ tên, hoặc tên cơ quan với --kind agency")
    p.add_argument("--kind", choices=["person", "agency"], default="person")
    p.add_argument("--position", default="")
    p.add_argument("--agency", default="", help="cơ quan của người này")
    p.add_argument("--phone", action="append", default=[], help="số điện thoại (có thể lặp lại)")
    p.add_argument("--email", default="")
    p.add_argument("--notes", default="")
    add_json_flag(p)
    p.set_defaults(handler=cmd_add)

    p = actions.add_parser("list", help="mọi liên hệ trong danh bạ")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = actions.add_parser("remove", help="xoá một liên hệ (cả trên các máy cùng nhóm)")
    p.add_argument("id", type=int)
    p.add_argument("--yes", action="store_true", help="xác nhận xoá")
    p.set_defaults(handler=cmd_remove)

    p = actions.add_parser("search", help="tìm theo tên, chức vụ, cơ quan, lĩnh vực, mã, số")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    add_json_flag(p)
    p.set_defaults(handler=cmd_search)

    p = actions.add_parser("show", help="xem một liên hệ")
    p.add_argument("id", type=int)
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)

    p = actions.add_parser("for-procedure", help="ai giải quyết một thủ tục (theo mã)")
    p.add_argument("code")
    add_json_flag(p)
    p.set_defaults(handler=cmd_for_procedure)

    p = actions.add_parser("export", help="xuất danh bạ (.vcf, .csv hoặc .xlsx theo đuôi tệp)")
    p.add_argument("file")
    p.add_argument("--id", type=int, action="append", dest="ids", help="chỉ xuất liên hệ này")
    p.set_defaults(handler=cmd_export)


def cmd_import(args) -> int:
    from supportdesk.core import directory

    report = directory.files.import_file(open_db(args), Path(args.file))
    return report_import(report, Path(args.file), args.json)


def cmd_add(args) -> int:
    from supportdesk.core import directory

    db = open_db(args)
    raw = {"name": args.name, "kind": args.kind, "position": args.position,
           "agency": args.agency, "email": args.email, "notes": args.notes,
           "tels": [(phone, "") for phone in args.phone]}  # fmt: skip
    try:
        contact_id = directory.add(db, raw)
    except directory.RecordError as exc:
        raise CommandError(str(exc)) from exc
    if args.json:
        print_json(directory.get(db, contact_id))
    else:
        print(f"Đã lưu liên hệ số {contact_id}: {directory.get(db, contact_id)['name']}")
    return 0


def cmd_list(args) -> int:
    from supportdesk.core import directory

    items = directory.all_contacts(open_db(args))
    if args.json:
        print_json(items)
    elif not items:
        print("Danh bạ chưa có liên hệ nào.")
    else:
        _table(items)
    return 0


def cmd_remove(args) -> int:
    from supportdesk.core import directory

    if not args.yes:
        raise CommandError("xoá liên hệ không hoàn tác được: thêm --yes để xác nhận")
    db = open_db(args)
    try:
        directory.remove(db, args.id)
    except directory.RecordError as exc:
        raise CommandError(str(exc)) from exc
    print(f"Đã xoá liên hệ số {args.id}")
    return 0


def _phones(item: dict) -> str:
    return "; ".join(p["display"] for p in item["phones"]) or "—"


def _table(items: list[dict]) -> None:
    from supportdesk.core.directory.entries import LEVELS

    print_table(
        [
            (
                i["id"],
                i["name"],
                ", ".join(x for x in (i["position"], i["unit"], i["agency"]) if x),
                LEVELS.get(i["level"], ""),
                _phones(i),
            )
            for i in items
        ],
        ["ID", "Tên", "Chức vụ, đơn vị", "Cấp", "Điện thoại"],
        max_width=50,
    )


def cmd_search(args) -> int:
    from supportdesk.core import directory

    if args.limit < 1:
        raise CommandError("--limit phải lớn hơn 0")
    items = directory.search(open_db(args), args.query, limit=args.limit)
    if args.json:
        print_json(items)
    elif not items:
        print("Không tìm thấy liên hệ nào.")
    else:
        _table(items)
    return 0


def cmd_show(args) -> int:
    from supportdesk.core import directory

    db = open_db(args)
    contact = directory.get(db, args.id)
    if contact is None:
        raise CommandError(f"không có liên hệ số {args.id}")
    if args.json:
        print_json(contact)
        return 0
    out = [contact["name"]]
    for label, value in [
        ("Loại", directory.KINDS[contact["kind"]]),
        ("Chức vụ", contact["position"]),
        ("Phòng, ban", contact["unit"]),
        ("Cơ quan", contact["agency"]),
        ("Cấp", directory.LEVELS.get(contact["level"], "")),
        ("Email", contact["email"]),
        ("Lĩnh vực", "; ".join(contact["fields"])),
        ("Mã thủ tục", "; ".join(contact["codes"])),
        ("Giờ làm việc", contact["hours"]),
        ("Ghi chú", contact["notes"]),
        ("Nguồn", contact["source"]),
        ("Xác minh ngày", directory.show_date(contact["verified"])),
    ]:
        if value:
            out.append(f"{label}: {value}")
    kinds = {"cell": "di động", "work": "cơ quan", "home": "nhà riêng", "fax": "fax"}
    for phone in contact["phones"]:
        out.append(f"Điện thoại ({kinds.get(phone['kind'], 'khác')}): {phone['display']}")
    if not contact["phones"]:
        out.append("Điện thoại: chưa có")
    if contact["members"]:
        out.append(f"Cán bộ thuộc cơ quan: {len(contact['members'])} người")
    print("\n".join(out))
    return 0


def cmd_for_procedure(args) -> int:
    from supportdesk.core import catalog, directory

    db = open_db(args)
    items = directory.for_procedure(db, args.code)
    if args.json:
        print_json(items)
        return 0
    procedure = catalog.get(db, args.code)
    if procedure:
        print(f"{procedure['code']} — {procedure['name']}")
    if not items:
        print("Chưa có liên hệ nào cho thủ tục này.")
        return 0
    _table(items)
    return 0


def cmd_export(args) -> int:
    from supportdesk.core import directory, files

    db = open_db(args)
    missing = [i for i in args.ids or [] if directory.get(db, i) is None]
    if missing:
        raise CommandError(f"không có liên hệ số {', '.join(map(str, missing))}")
    n = directory.files.export_file(db, files.output_file(args.file), ids=args.ids)
    print(f"Đã xuất {n} liên hệ vào {args.file}")
    return 0
