"""`supportdesk ask "câu hỏi"`: the procedure a citizen's question is about, the part asked
first (papers, fee, time, where, result, conditions, form), and two alternatives."""

from __future__ import annotations

from supportdesk.commands._common import CommandError, add_json_flag, open_db, print_json


def register(sub) -> None:
    p = sub.add_parser("ask", help="trả lời câu hỏi về thủ tục (giấy tờ, lệ phí, nơi nộp…)")
    p.add_argument("question", help='câu hỏi, ví dụ "đổi bằng lái xe ở đâu"')
    add_json_flag(p)
    p.set_defaults(handler=cmd_ask)


def cmd_ask(args) -> int:
    from supportdesk.core.catalog import answer as catalog_answer

    if not args.question.strip():
        raise CommandError("hãy nhập câu hỏi")
    found = catalog_answer.ask(open_db(args), args.question)
    if args.json:
        print_json(found)
        return 0 if found["procedure"] else 1
    if not found["procedure"]:
        print("Không tìm thấy thủ tục nào cho câu hỏi này.")
        return 1
    procedure = found["procedure"]
    level = f" ({procedure['level']})" if procedure["level"] else ""
    out = [f"{procedure['code']} — {procedure['name']}{level}"]
    for fix in found["corrections"]:
        out.append(f"(đã sửa chính tả: “{fix['said']}” → “{fix['used']}”)")
    out.append("")
    out.append(catalog_answer.HEADINGS[found["asked"]] + ":")
    out.append(found["answer"])
    if found["also"]:
        out.append("")
        out.append("Có thể bạn cần:")
        out += [f"- {p['code']} — {p['name']}" for p in found["also"]]
    print("\n".join(out))
    return 0
