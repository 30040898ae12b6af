"""Benchmarks of the budgets the issues set (timing goals live here, not in unit tests)."""
