"""Command line: no subcommand opens the desktop app; subcommands do headless work.

Each module in supportdesk.commands adds its own subcommands through `register(subparsers)`, so a
new domain adds a file instead of growing this one."""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from supportdesk import __version__, commands
from supportdesk.core.errors import UserError, user_message


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="supportdesk",
        description="SupportDesk — phần mềm của tổ hỗ trợ kỹ thuật cấp xã.",
    )
    parser.add_argument("--version", action="version", version=f"SupportDesk {__version__}")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục người dùng)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # Vietnamese output whatever the console code page
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from supportdesk.ui.app import run_app

        return run_app(data_dir=args.data_dir)
    try:
        return args.handler(args) or 0
    except UserError as exc:  # bad input, a refused change, a full disk: the message says why
        print(f"supportdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 — the last line of defence: one clear line, exit 1
        if os.environ.get("SUPPORTDESK_DEBUG"):
            raise
        print(f"supportdesk: {user_message(exc)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
