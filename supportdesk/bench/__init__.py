"""`supportdesk bench`: realistic synthetic data in a temporary directory, timed against the
budgets the issues set. Each module here has `bench(workdir: Path, quick: bool) -> list[dict]`
returning metrics built with `metric()`; the command discovers the modules."""

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
    at_least: bool = False,
) -> dict:
    """One measured figure; `pass` is judged against the budget: a ceiling (times, sizes), or
    a floor when at_least (search quality)."""
    passed = None if budget is None else (value >= budget if at_least else value <= budget)
    found = {
        "name": name,
        "value": round(value, 3),
        "unit": unit,
        "budget": budget,
        "pass": passed,
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


def latency(name: str, samples_ms: list[float], budget_p95: float | None, note="") -> list[dict]:
    return [
        metric(f"{name} p50", statistics.median(samples_ms), "ms", None, note),
        metric(f"{name} p95", percentile(samples_ms, 95), "ms", budget_p95, note),
    ]
