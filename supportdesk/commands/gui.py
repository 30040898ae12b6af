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
    parser.add_argument(
        "--size", metavar="WxH", default="1366x768", type=_size,
        help="cỡ cửa sổ khi chụp ảnh, ví dụ 1024x768 (mặc định 1366x768)",
    )  # fmt: skip
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(handler=cmd_gui)


def _size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"cỡ không hợp lệ: {value!r} (ví dụ 1024x768)") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"cỡ không hợp lệ: {value!r} (ví dụ 1024x768)")
    return width, height


def cmd_gui(args) -> int:
    import os

    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from supportdesk.ui.app import run_app

    return run_app(
        args.data_dir,
        demo=args.demo,
        screenshot_dir=args.screenshot,
        screenshot_size=args.size,
        exit_when_shown=args.exit_when_shown,
    )
