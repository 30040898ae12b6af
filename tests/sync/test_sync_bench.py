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


@pytest.mark.slow
def test_hub_bench_runs_at_small_scale_on_postgres(tmp_path, monkeypatch):
    import os

    from supportdesk.bench import hub

    if not os.environ.get("SUPPORTDESK_TEST_PG"):
        pytest.skip("SUPPORTDESK_TEST_PG not set (CI sets it; see .ci/postgres.sh)")
    monkeypatch.setattr(hub, "WORKERS", (2,))
    monkeypatch.setattr(hub, "DASHBOARD_SAMPLES", 4)
    rows = hub.bench(tmp_path, 0.001)
    names = " ".join(r["name"] for r in rows)
    assert "2 worker(s)" in names and "national ingest" in names and "dashboard" in names
    assert all(r["value"] > 0 for r in rows)
