"""`supportdesk catalog …`: import, search, show and export administrative procedures."""

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

LEVELS = ("xa", "tinh", "bo", "huyen", "khac")


def register(sub) -> None:
    parser = sub.add_parser("catalog", help="danh mục thủ tục hành chính")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = actions.add_parser(
        "import", help="nhập danh mục (.json, .json.gz, .xlsx của Cổng DVC, .csv)"
    )
    p.add_argument("file")
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = actions.add_parser("search", help="tìm thủ tục")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--level", choices=LEVELS)
    p.add_argument("--field", help="lọc theo lĩnh vực")
    add_json_flag(p)
    p.set_defaults(handler=cmd_search)

    p = actions.add_parser("show", help="xem chi tiết một thủ tục")
    p.add_argument("code")
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)

    p = actions.add_parser("export", help="xuất danh mục ra tệp JSON (.json hoặc nén .json.gz)")
    p.add_argument("file")
    p.set_defaults(handler=cmd_export)


def cmd_import(args) -> int:
    from supportdesk.core import directory

    report = directory.agencies.import_catalog(open_db(args), Path(args.file))
    return report_import(report, Path(args.file), args.json)


def cmd_search(args) -> int:
    from supportdesk.core import catalog

    if args.limit < 1:
        raise CommandError("--limit phải lớn hơn 0")
    result = catalog.search(
        open_db(args), args.query, limit=args.limit, level=args.level, field=args.field
    )
    if args.json:
        print_json(result.items)
        return 0
    for fix in result.corrections:
        print(f"Đã sửa chính tả: “{fix.said}” → “{fix.used}”")
    if result.approximate and result.items:
        print("Không tìm thấy chính xác — kết quả gần đúng:")
    if not result.items:
        print("Không tìm thấy thủ tục nào.")
        return 0
    print_table(
        [(p["code"], p["name"], p["field"]) for p in result.items], ["Mã", "Tên", "Lĩnh vực"]
    )
    return 0


def cmd_show(args) -> int:
    from supportdesk.core import catalog

    procedure = catalog.get(open_db(args), args.code)
    if procedure is None:
        raise CommandError(f"không có thủ tục mã {args.code}")
    if args.json:
        print_json(procedure)
        return 0
    out = [f"{procedure['code']} — {procedure['name']}"]
    for label, key in [
        ("Cấp thực hiện", "level_text"),
        ("Lĩnh vực", "field"),
        ("Cơ quan thực hiện", "executing_agency"),
        ("Cơ quan có thẩm quyền", "competent_agency"),
        ("Kết quả", "result"),
    ]:
        if procedure.get(key):
            out.append(f"{label}: {procedure[key]}")
    for m in procedure["methods"]:
        fee = f", phí: {m['fee_text']}" if m.get("fee_text") else ""
        out.append(f"- {m['channel']}: {m['time_text']}{fee}")
    for case in procedure["dossier"]:
        out.append(case["case"] or "Thành phần hồ sơ")
        for item in case["items"]:
            out.append(
                f"  [ ] {item['name']} (bản chính {item['originals']}, bản sao {item['copies']})"
            )
    print("\n".join(out))
    return 0


def cmd_export(args) -> int:
    from supportdesk.core import catalog

    n = catalog.export_file(open_db(args), Path(args.file))
    print(f"Đã xuất {n} thủ tục vào {args.file}")
    return 0
