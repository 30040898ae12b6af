"""The command line run as a real process, the way a team member or a script runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(data_dir, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """`python -m supportdesk --data-dir DATA_DIR ARGS`, its output captured as UTF-8 text."""
    return subprocess.run(
        [sys.executable, "-m", "supportdesk", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        **kwargs,
    )
