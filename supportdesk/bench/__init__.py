"""Benchmarks: each module has bench(tmpdir, scale) -> [{name, value, unit, budget}]."""
