from datetime import datetime

import pytest

from supportdesk.core import tickets
from supportdesk.core.calendar import TZ, to_iso
from supportdesk.core.tickets import categories

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)


def test_shipped_topics_cover_the_support_work(empty_db):
    codes = [c["code"] for c in categories.all_categories(empty_db)]
    assert codes[0] == "vneid" and codes[-1] == "other" and len(codes) == 11
    for c in categories.all_categories(empty_db):
        assert c["name"] and c["service_unit"] in ("hours", "days") and c["service_value"] >= 1
    assert categories.load_shipped(empty_db) == 0  # loading again adds nothing


def test_edited_service_time_applies_to_new_requests(empty_db):
    before = tickets.create(
        empty_db, {"category": "devices", "summary": "Máy in"}, actor="L", now=NOW
    )
    categories.save(empty_db, "devices", "Thiết bị và mạng", unit="hours", value=1)
    after = tickets.create(
        empty_db, {"category": "devices", "summary": "Máy in"}, actor="L", now=NOW
    )
    assert before["due_at"] == to_iso(datetime(2026, 11, 26, 17, 0, tzinfo=TZ))  # 24/11 off
    assert after["due_at"] == to_iso(datetime(2026, 11, 23, 10, 0, tzinfo=TZ))
    assert categories.get(empty_db, "devices")["name"] == "Thiết bị và mạng"


def test_retired_topic_keeps_old_requests_but_takes_no_new_ones(empty_db):
    old = tickets.create(empty_db, {"category": "other", "summary": "Hỏi"}, actor="L", now=NOW)
    categories.save(empty_db, "other", "Khác", unit="days", value=2, active=False)
    with pytest.raises(tickets.RequestError, match="không có chủ đề"):
        tickets.create(empty_db, {"category": "other", "summary": "Hỏi"}, actor="L", now=NOW)
    assert tickets.get(empty_db, old["id"], now=NOW)["category_name"] == "Khác"
    assert "other" not in [c["code"] for c in categories.all_categories(empty_db)]


def test_new_topic_and_defaults_for_missing_fields(empty_db):
    categories.save(empty_db, "Kiosk", "Ki-ốt tự phục vụ", unit="hours", value=2)
    made = tickets.create(
        empty_db,
        {"category": "kiosk", "summary": "Ki-ốt treo", "requester_kind": None, "channel": None},
        actor="L",
        now=NOW,
    )
    assert (made["requester_kind"], made["channel"], made["priority"]) == (
        "citizen", "counter", "normal",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("code", "name", "unit", "value", "message"),
    [
        ("bad code", "X", "hours", 1, "mã chủ đề"),
        ("ok", "  ", "hours", 1, "tên"),
        ("ok", "X", "weeks", 1, "đơn vị"),
        ("ok", "X", "days", 0, "thời hạn"),
        ("ok", "X", "days", 1000, "thời hạn"),
    ],
)
def test_bad_topic_is_refused(empty_db, code, name, unit, value, message):
    with pytest.raises(categories.CategoryError, match=message):
        categories.save(empty_db, code, name, unit=unit, value=value)
    assert categories.get(empty_db, "ok") is None
