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
    from supportdesk.core.catalog import levels

    if args.limit < 1:
        raise CommandError("--limit phải lớn hơn 0")
    result = catalog.search(
        open_db(args), args.query, limit=args.limit, level=args.level, field=args.field
    )
    items = [dict(item, level=levels.label(item)) for item in result.items]
    if args.json:
        print_json(items)
        return 0
    for fix in result.corrections:
        print(f"Đã sửa chính tả: “{fix.said}” → “{fix.used}”")
    if result.approximate and items:
        print("Không tìm thấy chính xác — kết quả gần đúng:")
    if not items:
        print("Không tìm thấy thủ tục nào.")
        return 0
    print_table(
        [(p["code"], levels.short(p), p["name"], p["field"]) for p in items],
        ["Mã", "Cấp", "Tên", "Lĩnh vực"],
    )
    return 0


def cmd_show(args) -> int:
    from supportdesk.core import catalog
    from supportdesk.core.catalog import checklist, levels

    procedure = catalog.get(open_db(args), args.code)
    if procedure is None:
        raise CommandError(f"không có thủ tục mã {args.code}")
    go = levels.where_to_go(procedure)
    grouped = checklist.group_dossier(procedure["dossier"])
    if args.json:
        procedure["level"] = levels.label(procedure)
        procedure["where_to_go"] = None if go is None else {
            "agency": go.agency, "address": go.address, "online": go.online,
        }  # fmt: skip
        procedure["checklist"] = checklist.as_dict(grouped)
        print_json(procedure)
        return 0
    out = [
        f"{procedure['code']} — {procedure['name']}",
        f"Cấp thực hiện: {levels.label(procedure)}",
    ]
    if go is not None:
        out.append(levels.not_here(procedure))
        out += [f"  {label}: {value}" for label, value in go.lines()]
    for label, key in [
        ("Lĩnh vực", "field"),
        ("Cơ quan thực hiện", "executing_agency"),
        ("Cơ quan có thẩm quyền", "competent_agency"),
        ("Kết quả", "result"),
    ]:
        if procedure.get(key):
            out.append(f"{label}: {procedure[key]}")
    for channels, time_text, fee in checklist.methods_rows(procedure["methods"]):
        out.append(f"- {channels}: {time_text}; {fee}")
    out += checklist.text_lines(grouped)
    print("\n".join(out))
    return 0


def cmd_export(args) -> int:
    from supportdesk.core import catalog, files

    target = files.output_file(args.file)
    n = catalog.export_file(open_db(args), target)
    print(f"Đã xuất {n} thủ tục vào {args.file}")
    return 0
