"""Benchmarks: timing goals measured against their budgets (`bench(tmpdir, scale)` per area)."""
