"""A process that writes a stream to the store and acknowledges each write after its commit.

Run by test_crash.py and killed with SIGKILL at a random moment. Usage:

    crash_writer.py DATA_DIR settings
    crash_writer.py DATA_DIR catalog FILE...
    crash_writer.py DATA_DIR requests

Each acknowledged write is one line on stdout, flushed only after the call that wrote it
returned, i.e. after its transaction committed: `ack <kind> <key>`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from supportdesk.core import catalog
from supportdesk.core.store import settings
from supportdesk.core.store.connection import open_store


def ack(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def settings_stream(db) -> None:
    i = 0
    while True:
        settings.put(db, f"k{i}", f"Giá trị {i} — Trần Thị Thuỷ")
        ack("ack", "settings", i)
        i += 1


def catalog_stream(db, files: list[str]) -> None:
    for name in files:
        report = catalog.import_file(db, Path(name))
        assert not report.rejected, report.rejected
        ack("ack", "catalog", Path(name).stem)
    ack("done")
    time.sleep(60)


def requests_stream(db) -> None:
    from tests.safety.intake import intake

    i = 0
    while True:
        ref = intake(db, i)
        ack("ack", "request", i, ref)
        i += 1


def main() -> None:
    data_dir, mode, *rest = sys.argv[1:]
    db = open_store(Path(data_dir), seed=False)
    ack("ready")
    if mode == "settings":
        settings_stream(db)
    elif mode == "catalog":
        catalog_stream(db, rest)
    elif mode == "requests":
        requests_stream(db)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
