"""Work around a reference-count bug of PySide6 6.12.0 on CPython 3.11.

That binding drops one reference to `None` on every call of a void C++ method from Python
(`setText`, `resize`, …) and one reference to `True` on every `SignalInstance.emit()`. CPython
3.12+ makes these singletons immortal, so the bug is invisible there; on 3.11 the count reaches
zero after a few thousand calls and the interpreter aborts ("none_dealloc: deallocating None").

The singletons are never freed anyway, so `protect_singletons()` gives each a large reserve of
references once, at start. It is a no-op on interpreters with immortal objects."""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # calls before the reserve runs out: about 10^12
_done = False


def protect_singletons() -> bool:
    """Give None, True and False a reserve of references; True when it was needed."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython 3.11 object header.
        ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE
    _done = True
    return True
