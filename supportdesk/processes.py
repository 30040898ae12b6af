"""Starting SupportDesk again as a child process, and a child's lower priority.

The app runs its background syncs in child processes (supportdesk.ui.child_jobs): a thread of the
app's own process would hold Python's global lock while it works, and the list the person is
scrolling or the form they are typing in would wait for it (docs/ARCHITECTURE.md, "Background
work")."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# The console sibling of the windowed Windows exe (packaging/supportdesk.spec): a windowed exe has
# no stdout to answer on.
CONSOLE_EXE = "supportdesk-cli.exe"


def own_command() -> list[str]:
    """The command line that starts this program's CLI: the interpreter with `-m supportdesk`,
    or the bundle's own executable (its console sibling on Windows)."""
    if not getattr(sys, "frozen", False):
        return [sys.executable, "-m", "supportdesk"]
    console = Path(sys.executable).with_name(CONSOLE_EXE)
    return [str(console)] if sys.platform == "win32" and console.exists() else [sys.executable]


def lower_priority() -> None:
    """Let the person at the counter have the processor first: on a 2-core PC a background sync
    at normal priority takes a core's worth of time from the app."""
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(10)
    except (OSError, AttributeError):  # not allowed here: the work still runs, at normal priority
        pass
