"""The sync benchmark runs end to end at a small scale (figures are judged by `bench`, not here)."""

import pytest


@pytest.mark.slow
def test_bench_runs_at_small_scale(tmp_path, monkeypatch):
    from supportdesk.bench import sync

    monkeypatch.delenv("SUPPORTDESK_BENCH_PG", raising=False)
    monkeypatch.delenv("SUPPORTDESK_TEST_PG", raising=False)
    rows = sync.bench(tmp_path, 0.001)
    assert {"name", "value", "unit", "budget"} <= set(rows[0])
    assert len(rows) == 4 and all(r["value"] > 0 for r in rows)
