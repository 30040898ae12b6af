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

HIDDEN = {"background"}  # the app's own jobs (commands/background.py): not for people


def build_parser(only: set[str] | None = None) -> argparse.ArgumentParser:
    """Every subcommand people use, or only those named (the desktop app's start needs only
    `gui`; the app's own background jobs, hidden from --help, only `background`)."""
    parser = argparse.ArgumentParser(
        prog="supportdesk",
        description="SupportDesk — phần mềm của tổ hỗ trợ kỹ thuật cấp xã.",
    )
    parser.add_argument("--version", action="version", version=f"SupportDesk {__version__}")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục người dùng)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        wanted = info.name not in HIDDEN if only is None else info.name in only
        if not info.name.startswith("_") and wanted:
            importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return parser


def _command(argv: list[str]) -> str | None:
    """The subcommand asked for (None for none), or "" when help or the version is asked."""
    if {"-h", "--help", "--version"} & set(argv):
        return ""
    words = [a for a in argv if not a.startswith("-")]
    if "--data-dir" in argv[:-1]:  # its value is not a subcommand
        words.remove(argv[argv.index("--data-dir") + 1])
    return words[0] if words else None


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # Vietnamese output whatever the console code page
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    argv = sys.argv[1:] if argv is None else argv
    # Opening the desktop app loads no other command's module: start-up counts (issue 19).
    command = _command(argv)
    parser = build_parser({"gui"} if command in (None, "gui") else HIDDEN & {command} or None)
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
