"""`supportdesk handout|handouts|receipt|report`: printable PDF documents."""

from __future__ import annotations

from pathlib import Path

from supportdesk.commands._common import CommandError, open_db

FULL_HELP = "bản đầy đủ (mọi trường hợp, lưu ý cho cán bộ, căn cứ pháp lý)"


def register(sub) -> None:
    p = sub.add_parser("handout", help="in hướng dẫn hồ sơ một thủ tục (PDF)")
    p.add_argument("code", help="mã thủ tục, ví dụ 1.001193")
    p.add_argument("--size", choices=("a4", "a5"), default="a4")
    p.add_argument("--full", action="store_true", help=FULL_HELP)
    p.add_argument("-o", "--output", required=True, help="tệp PDF cần ghi")
    p.set_defaults(handler=cmd_handout)

    p = sub.add_parser("handouts", help="in nhiều hướng dẫn hồ sơ vào một tệp PDF")
    p.add_argument("codes", nargs="*", metavar="CODE", help="mã thủ tục (bỏ trống: dùng --top)")
    p.add_argument("--top", type=int, metavar="N", help="N thủ tục được hỏi nhiều nhất tháng này")
    p.add_argument("--size", choices=("a4", "a5"), default="a4")
    p.add_argument("--full", action="store_true", help=FULL_HELP)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_handouts)
    register_requests(sub)


def _save(db, kind: str, key, output: str, **options) -> int:
    from supportdesk.core.pdf.export import DocumentSourceMissing, render_to_file

    try:
        path = render_to_file(db, kind, key, Path(output), **options)
    except (DocumentSourceMissing, ValueError) as exc:  # ValueError: a bad period or size
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        raise CommandError(f"không ghi được {output}: {exc.strerror or exc}", exit_code=1) from exc
    print(f"Đã lưu {path}")
    return 0


def cmd_handout(args) -> int:
    return _save(open_db(args), "handout", args.code, args.output, size=args.size, full=args.full)


def cmd_handouts(args) -> int:
    if args.top is not None and args.top < 1:
        raise CommandError("--top phải lớn hơn 0")
    if not args.codes and args.top is None:
        raise CommandError("cần ít nhất một mã thủ tục hoặc --top N")
    db = open_db(args)
    codes = list(dict.fromkeys(args.codes))  # a code given twice prints once
    if args.top:
        from supportdesk.core.pdf.export import top_procedures

        top, note = top_procedures(db, args.top)
        codes += [c for c in top if c not in codes]
        print(note)
    return _save(db, "handouts", codes, args.output, size=args.size, full=args.full)


def register_requests(sub) -> None:
    p = sub.add_parser("receipt", help="in phiếu tiếp nhận yêu cầu hỗ trợ (PDF)")
    p.add_argument("request", metavar="REQUEST_ID", help="số thứ tự hoặc số phiếu của yêu cầu")
    p.add_argument("--width", choices=("a5", "80mm"), default="a5")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_receipt)

    p = sub.add_parser("report", help="in báo cáo kết quả hỗ trợ một kỳ (PDF)")
    p.add_argument(
        "--period", required=True,
        help="kỳ: 2026-11, 2026-W47, 2026-Q4, 2026, 2026-11-01..2026-11-15",
    )  # fmt: skip
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(handler=cmd_report)


def cmd_receipt(args) -> int:
    return _save(open_db(args), "receipt", args.request, args.output, width=args.width)


def cmd_report(args) -> int:
    return _save(open_db(args), "report", args.period, args.output)
