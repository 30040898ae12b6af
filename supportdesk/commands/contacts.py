"""`supportdesk contacts …`: import, search, show and export the directory of officials."""

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
