"""`supportdesk gui`: the desktop app, a demo with fictitious data, or screenshots of every page."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    parser = sub.add_parser("gui", help="mở ứng dụng trên máy tính")
    parser.add_argument(
        "--demo", action="store_true", help="mở với dữ liệu mẫu hư cấu trong thư mục tạm"
    )
    parser.add_argument(
        "--screenshot", metavar="DIR", help="chụp ảnh mọi trang vào DIR/<tên>.png rồi thoát"
    )
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=cmd_gui)


def cmd_gui(args) -> int:
    import os

    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from supportdesk.ui.app import run_app

    return run_app(
        args.data_dir,
        demo=args.demo,
        screenshot_dir=args.screenshot,
        exit_when_shown=args.exit_when_shown,
    )
