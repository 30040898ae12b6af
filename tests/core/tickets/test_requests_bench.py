"""The benchmark itself runs and reports every budgeted figure (timings are not judged here)."""

from supportdesk.bench.requests import bench, generate
from supportdesk.core import tickets
from supportdesk.core.tickets import stats


def test_bench_reports_the_budgeted_figures(tmp_path):
    rows = bench(tmp_path, scale=0.005)
    budgets = {r["name"].split(" (")[0]: r["budget"] for r in rows if r["budget"]}
    assert budgets == {
        "requests: add a request p95": 5,
        "requests: search, first page of 100 p95": 30,
        "requests: stats of one month": 50,
    }
    assert all(r["value"] >= 0 and r["unit"] and "1,400 requests" in r["note"] for r in rows)
    for row in rows:  # the verdict is the figure against its budget, nothing else
        if row["budget"]:
            assert row["pass"] is (row["value"] <= row["budget"]), row


def test_generated_data_is_consistent_with_the_core(empty_db):
    generate(empty_db, 1500)
    assert tickets.count(empty_db) == 1500
    year = stats.summarize(empty_db, "2026")
    assert 0 < year["totals"]["resolved_on_time"] <= year["totals"]["resolved"]
    first = tickets.page(empty_db, None, limit=1)[0]
    shown = tickets.get(empty_db, first["id"])
    assert shown["events"][0]["action"] == "created"
    assert tickets.search(empty_db, shown["ticket"])[0]["id"] == first["id"]
