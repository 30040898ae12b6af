"""From the store to a PDF file: the one entry point the CLI and the desktop's background tasks
share. Each call takes its own `db` (a connection must not cross threads) and writes the file
atomically, so a viewer never opens half a document."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from supportdesk.core.pdf import handout, parts

KINDS = ("handout", "handouts", "receipt", "report")


class DocumentSourceMissing(LookupError):
    """The procedure, request or period asked for does not exist; the message says which."""


def procedure(db: Database, code: str) -> dict[str, Any]:
    from supportdesk.core import catalog

    found = catalog.get(db, code)
    if found is None:
        raise DocumentSourceMissing(f"không có thủ tục mã {code}")
    return found


def handout_pdf(db: Database, code: str, size: str = "a4", printed: date | None = None) -> bytes:
    return handout.render(procedure(db, code), parts.center_from_settings(db), size, printed)


def handouts_pdf(
    db: Database, codes: list[str], size: str = "a4", printed: date | None = None
) -> bytes:
    procedures = [procedure(db, code) for code in codes]
    return handout.render_many(procedures, parts.center_from_settings(db), size, printed)


def pdf_bytes(db: Database, kind: str, key: Any, **options: Any) -> bytes:
    """The PDF of one document. kind/key: handout/code, handouts/[codes], receipt/request id,
    report/period ('2026-11'). Options: size ('a4'|'a5'), width ('a5'|'80mm'), printed (date)."""
    if kind == "handout":
        return handout_pdf(db, key, options.get("size", "a4"), options.get("printed"))
    if kind == "handouts":
        return handouts_pdf(db, list(key), options.get("size", "a4"), options.get("printed"))
    raise ValueError(f"không biết loại tài liệu {kind!r} (một trong {', '.join(KINDS)})")


def write_atomic(data: bytes, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def render_to_file(db: Database, kind: str, key: Any, path: Path | str, **options: Any) -> Path:
    """Render a document and save it to `path`; safe to call from a worker thread with its own
    connection. Raises DocumentSourceMissing for an unknown code, request or period."""
    return write_atomic(pdf_bytes(db, kind, key, **options), path)
