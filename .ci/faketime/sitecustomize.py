"""Loaded (through PYTHONPATH) only when .ci/run reruns the clock tests under libfaketime.

libfaketime 0.9.10 (Debian 12) mishandles clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME), which
Python 3.11's time.sleep uses: with the monotonic clock left real (it must be: thread waits hang
otherwise) every sleep fails with EINVAL (github.com/wolfcw/libfaketime/issues/426). select()
takes a relative timeout and sleeps correctly, so sleeps go through it in these processes."""

import os
import select
import time

if os.environ.get("FAKETIME") or "faketime" in os.environ.get("LD_PRELOAD", ""):

    def _sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            select.select([], [], [], left)

    time.sleep = _sleep
