from datetime import datetime

import pytest

from supportdesk.core import periods, tickets
from supportdesk.core.calendar import TZ
from supportdesk.core.tickets import stats

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=TZ)


def vn(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


def add(db, at, category="vneid", **data):
    values = {
        "requester_name": "Lê Thị Hoa",
        "requester_phone": "0905 111 222",
        "requester_id_number": "001199000123",
        "category": category,
        "summary": f"Hỗ trợ {category}",
        **data,
    }
    return tickets.create(db, values, actor="Lan", at=at, now=NOW)["id"]


@pytest.mark.parametrize(
    ("period", "kind", "start", "end"),
    [
        ("2026-11-22", "day", "2026-11-22T00:00:00+07:00", "2026-11-23T00:00:00+07:00"),
        ("2026-W47", "week", "2026-11-16T00:00:00+07:00", "2026-11-23T00:00:00+07:00"),
        ("2026-11", "month", "2026-11-01T00:00:00+07:00", "2026-12-01T00:00:00+07:00"),
        ("2026-12", "month", "2026-12-01T00:00:00+07:00", "2027-01-01T00:00:00+07:00"),
        ("2026-Q4", "quarter", "2026-10-01T00:00:00+07:00", "2027-01-01T00:00:00+07:00"),
        ("2026-Q1", "quarter", "2026-01-01T00:00:00+07:00", "2026-04-01T00:00:00+07:00"),
        ("2026", "year", "2026-01-01T00:00:00+07:00", "2027-01-01T00:00:00+07:00"),
    ],
)
def test_periods(empty_db, period, kind, start, end):
    summary = stats.summarize(empty_db, period, now=NOW)
    assert (summary["period"], summary["period_type"]) == (period, kind)
    assert (summary["start"], summary["end"]) == (start, end)
    assert summary["totals"] == {
        "received": 0, "resolved": 0, "resolved_on_time": 0, "open": 0, "overdue": 0,
        "escalated": 0, "median_hours_to_resolve": None,
    }  # fmt: skip
    assert {c["category"] for c in summary["by_category"]} >= {"vneid", "other"}


@pytest.mark.parametrize("period", ["2026-13", "2026-W54", "2026-Q5", "26", "", "2026-02-30", "x"])
def test_bad_period_is_refused(empty_db, period):
    with pytest.raises(periods.PeriodError, match="kỳ không hợp lệ"):
        stats.summarize(empty_db, period)


@pytest.fixture
def november(empty_db):
    db = empty_db
    ids = {}
    ids["quick"] = add(db, vn(2026, 11, 2, 8, 0), "dvc_find")
    tickets.update(db, ids["quick"], actor="Lan", status="resolved", now=vn(2026, 11, 2, 9, 0))
    ids["late"] = add(db, vn(2026, 11, 3, 8, 0), assignee="Bình")
    tickets.update(db, ids["late"], actor="Bình", status="resolved", now=vn(2026, 11, 5, 8, 0))
    ids["escalated"] = add(db, vn(2026, 11, 10, 8, 0), "digital_signature", assignee="Bình")
    tickets.update(db, ids["escalated"], actor="Bình", escalate_to="Ban Cơ yếu Chính phủ",
              now=vn(2026, 11, 10, 9, 0))  # fmt: skip
    ids["open_overdue"] = add(db, vn(2026, 11, 30, 8, 0))
    ids["waiting"] = add(db, vn(2026, 11, 30, 8, 0), "other")
    tickets.update(db, ids["waiting"], actor="Lan", status="waiting", now=vn(2026, 11, 30, 9, 0))
    # Received in October, resolved in November: counts as resolved in November only.
    ids["october"] = add(db, vn(2026, 10, 30, 8, 0), "dvc_submit")
    tickets.update(db, ids["october"], actor="Lan", status="resolved", now=vn(2026, 11, 2, 8, 0))
    ids["december"] = add(db, vn(2026, 12, 1, 8, 0))
    return db, ids


def test_month_counts(november):
    db, _ = november
    summary = stats.summarize(db, "2026-11", now=NOW)
    assert summary["totals"] == {
        "received": 5, "resolved": 3, "resolved_on_time": 2, "open": 3, "overdue": 2,
        "escalated": 1, "median_hours_to_resolve": 48.0,
    }  # fmt: skip
    by = {c["category"]: c for c in summary["by_category"]}
    assert by["vneid"]["received"] == 2 and by["vneid"]["overdue"] == 1
    assert by["vneid"]["resolved"] == 1 and by["vneid"]["resolved_on_time"] == 0
    assert by["dvc_submit"]["received"] == 0 and by["dvc_submit"]["resolved_on_time"] == 1
    assert by["dvc_find"]["median_hours_to_resolve"] == 1.0
    assert by["vneid"]["name"] == "Tài khoản VNeID và định danh mức 2"
    for key in stats.COUNTERS:
        assert sum(c[key] for c in summary["by_category"]) == summary["totals"][key]


def test_escalations_carry_no_personal_data(november):
    db, _ = november
    escalations = stats.summarize(db, "2026-11", now=NOW)["escalations"]
    assert len(escalations) == 1
    assert set(escalations[0]) == {
        "ticket", "category", "summary", "escalated_to", "status", "created_at",
    }  # fmt: skip
    assert escalations[0]["escalated_to"] == "Ban Cơ yếu Chính phủ"
    flat = repr(escalations)
    assert "Lê Thị Hoa" not in flat and "0905" not in flat and "001199000123" not in flat


def test_by_assignee(november):
    db, _ = november
    rows = stats.summarize(db, "2026-11", now=NOW)["by_assignee"]
    # Whoever resolves an unassigned request becomes its resolver (Lan: 2 of them, one received
    # in October); requests nobody handled yet are not a team member: not listed.
    assert rows == [
        {"assignee": "Bình", "received": 2, "resolved": 1},
        {"assignee": "Lan", "received": 1, "resolved": 2},
    ]


@pytest.mark.parametrize("period", ["2026-11", "2026-W49", "2026-Q4", "2026", "2026-11-30"])
def test_totals_equal_what_the_list_filters_show(november, period):
    db, _ = november
    summary = stats.summarize(db, period, now=NOW)
    received = {"created_from": summary["start"], "created_to": summary["end"]}
    resolved = {"resolved_from": summary["start"], "resolved_to": summary["end"]}
    totals = summary["totals"]
    assert totals["received"] == tickets.count(db, received, now=NOW)
    assert totals["open"] == tickets.count(db, {**received, "open_only": True}, now=NOW)
    assert totals["overdue"] == tickets.count(db, {**received, "overdue": True}, now=NOW)
    assert totals["escalated"] == tickets.count(db, {**received, "escalated": True}, now=NOW)
    assert totals["resolved"] == tickets.count(db, resolved, now=NOW)
    listed = tickets.page(db, resolved, now=NOW)
    assert totals["resolved_on_time"] == sum(1 for r in listed if r["on_time"])


def test_day_and_week_follow_vietnam_time(november):
    db, _ = november
    # 2026-12-01 08:00 in Vietnam is 2026-12-01 01:00 UTC: December, not November.
    assert stats.summarize(db, "2026-12-01", now=NOW)["totals"]["received"] == 1
    assert stats.summarize(db, "2026-W49", now=NOW)["totals"]["received"] == 3
