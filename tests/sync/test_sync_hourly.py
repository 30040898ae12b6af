"""Hourly counts per topic in the summaries (issue 17): counts only, the two latest hours with
an intake, unchanged by the clock alone, validated on the hub."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from supportdesk.core import tickets
from supportdesk.core.calendar import TZ
from supportdesk.core.sync import hourly, payload, snapshots
from supportdesk.hub import schema


def log(db, at: datetime, category: str = "vneid") -> None:
    tickets.create(
        db,
        {"requester_name": "Nguyễn Văn Thử", "requester_phone": "0912 000 111",
         "category": category, "summary": "Không đăng nhập được VNeID"},
        actor="Lan", at=at, now=at,
    )  # fmt: skip


@pytest.mark.clock
def test_latest_two_hours_in_vietnam_time(desk):
    assert hourly.latest(desk, "2026-12") == {}
    log(desk, datetime(2026, 12, 1, 7, 40, tzinfo=TZ))
    log(desk, datetime(2026, 12, 1, 8, 5, tzinfo=TZ))
    log(desk, datetime(2026, 12, 1, 9, 10, tzinfo=TZ))
    log(desk, datetime(2026, 12, 1, 9, 50, tzinfo=TZ), "dvc_account")
    log(desk, datetime(2026, 12, 1, 9, 55, tzinfo=TZ))
    assert hourly.latest(desk, "2026-12") == {
        "2026-12-01T08": {"vneid": 1},
        "2026-12-01T09": {"dvc_account": 1, "vneid": 2},
    }
    assert hourly.latest(desk, "2026-11") == {}  # 07:40 on 1/12 is 00:40 UTC: still December


@pytest.mark.clock
def test_payload_carries_counts_only_and_an_idle_desk_makes_no_new_revision(desk):
    log(desk, datetime(2026, 12, 1, 9, 10, tzinfo=TZ))
    now = datetime(2026, 12, 1, 9, 30, tzinfo=TZ).timestamp()
    queued = snapshots.queue_periods(desk, ["2026-12"], now=now)
    body = json.loads(queued[0]["payload"])
    assert body["hourly"] == {"2026-12-01T09": {"vneid": 1}}
    assert schema.problems(body) == []
    assert "Nguyễn" not in queued[0]["payload"] and "VNeID" not in json.dumps(body["hourly"])
    later = datetime(2026, 12, 1, 11, 0, tzinfo=TZ).timestamp()
    assert snapshots.queue_periods(desk, ["2026-12"], now=later) == []


@pytest.mark.parametrize(
    "bad",
    [
        [],
        {"2026-12-01 09": {"vneid": 1}},
        {"2026-12-01T24": {"vneid": 1}},
        {"2026-12-01T09": {"Nguyễn Văn An": 1}},
        {"2026-12-01T09": {"vneid": -1}},
        {"2026-12-01T09": {"vneid": "1"}},
        {"2026-12-01T09": {"vneid": True}},
        {"2026-12-01T09": ["vneid"]},
        {f"2026-12-01T{h:02d}": {} for h in range(24)} | {"2026-12-02T00": {}},
    ],
)
def test_the_hub_refuses_odd_hourly_counts(bad):
    from tests.hub.kit import summary

    body = payload.build(
        payload.summary_content(summary("2026-12")), commune_code="00001", revision=1,
        install_id="i", app_version="t",
    )  # fmt: skip
    assert schema.problems({**body, "hourly": bad})


@pytest.mark.clock
def test_only_counts_not_sent_yet_travel(desk):
    def queued(at: datetime) -> dict | None:
        rows = snapshots.queue_periods(desk, ["2026-12"], now=at.timestamp())
        return json.loads(rows[0]["payload"]) if rows else None

    log(desk, datetime(2026, 12, 1, 9, 10, tzinfo=TZ))
    assert queued(datetime(2026, 12, 1, 9, 15, tzinfo=TZ))["hourly"] == {
        "2026-12-01T09": {"vneid": 1}
    }
    log(desk, datetime(2026, 12, 1, 9, 20, tzinfo=TZ), "dvc_account")
    assert queued(datetime(2026, 12, 1, 9, 25, tzinfo=TZ))["hourly"] == {
        "2026-12-01T09": {"dvc_account": 1}  # vneid's count is unchanged: not sent again
    }
    first = tickets.search(desk, "")[0]
    tickets.update(desk, first["id"], actor="Lan", status="resolved",
                   now=datetime(2026, 12, 1, 9, 40, tzinfo=TZ))  # fmt: skip
    resolved = queued(datetime(2026, 12, 1, 9, 45, tzinfo=TZ))
    assert resolved is not None and "hourly" not in resolved  # a resolution adds no hours
    assert queued(datetime(2026, 12, 1, 9, 50, tzinfo=TZ)) is None  # idle: nothing new
    # The hour rolls over with a request not yet sent: both hours travel.
    log(desk, datetime(2026, 12, 1, 9, 58, tzinfo=TZ))
    log(desk, datetime(2026, 12, 1, 10, 1, tzinfo=TZ))
    assert queued(datetime(2026, 12, 1, 10, 5, tzinfo=TZ))["hourly"] == {
        "2026-12-01T09": {"vneid": 2},
        "2026-12-01T10": {"vneid": 1},
    }
