"""The benchmark itself runs and reports every budgeted figure (timings are not judged here)."""

from supportdesk.bench.requests import bench, generate
from supportdesk.core import requests_log, stats


def test_bench_reports_the_budgeted_figures(tmp_path):
    rows = bench(tmp_path, scale=0.005)
    by_name = {r["name"].split(" 20")[0]: r for r in rows}
    assert by_name["requests in store"]["value"] == 1000 + 400
    budgets = {r["name"].split(" 20")[0]: r["budget"] for r in rows if r["budget"]}
    assert budgets == {"add request p95": 5, "search first page p95": 30, "stats month": 50}
    assert all(r["value"] >= 0 and r["unit"] for r in rows)


def test_generated_data_is_consistent_with_the_core(empty_db):
    generate(empty_db, 1500)
    assert requests_log.count(empty_db) == 1500
    year = stats.summarize(empty_db, "2026")
    assert 0 < year["totals"]["resolved_on_time"] <= year["totals"]["resolved"]
    first = requests_log.page(empty_db, None, limit=1)[0]
    shown = requests_log.get(empty_db, first["id"])
    assert shown["events"][0]["action"] == "created"
    assert requests_log.search(empty_db, shown["ticket"])[0]["id"] == first["id"]
