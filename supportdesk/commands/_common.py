"""What every subcommand shares: opening the store, printing JSON and tables, clear errors."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core.errors import UserError


class CommandError(UserError):
    """A failure the user can act on: one line on stderr and the exit code (2 for bad input)."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


def open_db(args) -> Database:
    from supportdesk.core.store.connection import StoreError, open_store

    try:
        return open_store(args.data_dir)
    except StoreError as exc:
        raise CommandError(str(exc), exit_code=1) from exc


def print_json(value: object) -> None:
    """Exactly one JSON document on stdout."""
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _width(s: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in s)


def print_table(rows: Sequence[Sequence[object]], headers: Sequence[str], max_width=70) -> None:
    """A readable plain-text table; long cells are cut with an ellipsis."""

    def cell(v: object) -> str:
        s = " ".join(str("" if v is None else v).split())
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    print("\n".join(lines))


def report_import(report, path: Path, as_json: bool) -> int:
    """An import's counts (or its JSON report); a refused import names its first bad row on
    stderr and exits 2 — all-or-nothing, so nothing was written."""
    if as_json:
        print_json(report.as_dict())
    else:
        print(
            f"Thêm {report.added}, cập nhật {report.updated}, "
            f"không đổi {report.unchanged}, bị từ chối {len(report.rejected)}."
        )
    if not report.rejected:
        return 0
    first, others = report.rejected[0], len(report.rejected) - 1
    more = f" (và {others} dòng khác)" if others else ""
    print(
        f"supportdesk: {path.name}, dòng {first['row']}: {first['reason']}{more}; không nhập gì.",
        file=sys.stderr,
    )
    return 2


def add_json_flag(parser) -> None:
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
