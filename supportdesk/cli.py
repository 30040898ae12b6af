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


def build_parser(only: set[str] | None = None) -> argparse.ArgumentParser:
    """Every subcommand, or only those named (the desktop app's start needs only `gui`)."""
    parser = argparse.ArgumentParser(
        prog="supportdesk",
        description="SupportDesk — phần mềm của tổ hỗ trợ kỹ thuật cấp xã.",
    )
    parser.add_argument("--version", action="version", version=f"SupportDesk {__version__}")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục người dùng)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not info.name.startswith("_") and (only is None or info.name in only):
            importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return parser


def _opens_the_app(argv: list[str]) -> bool:
    """No subcommand, or `gui`, and no request for help or the version."""
    words = [a for a in argv if not a.startswith("-")]
    if "--data-dir" in argv[:-1]:  # its value is not a subcommand
        words.remove(argv[argv.index("--data-dir") + 1])
    asks = {"-h", "--help", "--version"} & set(argv)
    return not asks and (not words or words[0] == "gui")


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # Vietnamese output whatever the console code page
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    argv = sys.argv[1:] if argv is None else argv
    # Opening the desktop app loads no other command's module: start-up counts (issue 19).
    parser = build_parser({"gui"} if _opens_the_app(argv) else None)
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
