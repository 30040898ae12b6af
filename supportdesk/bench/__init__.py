"""`supportdesk bench`: realistic synthetic data in a temporary directory, timed against the
budgets the issues set. Each module here with a `bench(workdir: Path, quick: bool) -> list[dict]`
returns metrics built with `metric()`; the command discovers the modules.

Absolute times drift on a shared machine, so a figure is also held against its floor: what the
bare tool does on the same machine in the same run (a bare PySide6 window, a raw FTS5 query, a
bare Qt table; see floors.py). A metric carries value, floor, ratio (value / floor), budget (on
the value, in its unit), ratio_budget (on the ratio) and pass (every budget it has held)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def metric(
    name: str,
    value: float,
    unit: str,
    budget: float | None = None,
    note: str = "",
    *,
    floor: float | None = None,
    ratio_budget: float | None = None,
    at_least: bool = False,
) -> dict:
    """One measured figure; `pass` is judged against its budgets: the budget is a ceiling
    (times, sizes), or a minimum when at_least (search quality); ratio_budget is a ceiling on
    the ratio to the floor, when the figure has one."""
    ratio = value / floor if floor else None
    checks = [] if budget is None else [value >= budget if at_least else value <= budget]
    if ratio_budget is not None and ratio is not None:
        checks.append(ratio <= ratio_budget)
    found = {
        "name": name,
        "value": round(value, 3),
        "unit": unit,
        "floor": None if floor is None else round(floor, 3),
        "ratio": None if ratio is None else round(ratio, 2),
        "budget": budget,
        "ratio_budget": ratio_budget,
        "pass": all(checks) if checks else None,
        "note": note,
    }
    if at_least:
        found["at_least"] = True
    return found


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def time_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def latency(
    name: str,
    samples_ms: list[float],
    budget_p95: float | None,
    note="",
    *,
    floor_ms: list[float] | None = None,
    ratio_budget: float | None = None,
) -> list[dict]:
    """p50 and p95 of the samples, each next to the same percentile of the floor's samples."""
    floor50 = statistics.median(floor_ms) if floor_ms else None
    floor95 = percentile(floor_ms, 95) if floor_ms else None
    return [
        metric(f"{name} p50", statistics.median(samples_ms), "ms", None, note, floor=floor50),
        metric(f"{name} p95", percentile(samples_ms, 95), "ms", budget_p95, note, floor=floor95,
               ratio_budget=ratio_budget),
    ]  # fmt: skip
