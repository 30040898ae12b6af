"""A pinned "now" for tests whose result depends on the date (they are marked `clock`).

In this process: `time_machine.travel(moment)`. A command run as a real process gets the same
clock by starting under time-machine too: the real CLI, the real store, only the clock is set.
Tests that pin the clock pass wherever the machine's clock stands (CI reruns them under
libfaketime on the last evening of a year)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

from supportdesk.core.calendar import TZ

ROOT = Path(__file__).resolve().parents[1]

# Runs `supportdesk ARGS` with the clock set to argv[1] (ISO 8601) and ticking from there.
_BOOT = (
    "import sys, time_machine\n"
    "from datetime import datetime\n"
    "time_machine.travel(datetime.fromisoformat(sys.argv[1]), tick=True).start()\n"
    "from supportdesk.cli import main\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


def vn(*args) -> datetime:
    """A moment on the counter's clock (Vietnam time)."""
    return datetime(*args, tzinfo=TZ)


def run_cli_at(now: datetime, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """`python -m supportdesk ARGS` as a real process whose clock reads `now`."""
    if now.tzinfo is None:
        raise ValueError("a pinned moment needs its time zone")
    return subprocess.run(
        [sys.executable, "-c", _BOOT, now.isoformat(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        **kwargs,
    )
