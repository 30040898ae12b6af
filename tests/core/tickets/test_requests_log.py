from datetime import datetime, timedelta

import pytest

from supportdesk.core import tickets
from supportdesk.core.calendar import TZ, to_iso
from supportdesk.core.store import settings

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)  # a Monday


def vn(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


def add(db, *, at=NOW, now=None, **data):
    values = {
        "requester_name": "Nguyễn Văn An",
        "requester_phone": "0912 345 678",
        "category": "vneid",
        "summary": "Không kích hoạt được tài khoản VNeID",
    }
    values.update(data)
    return tickets.create(db, values, actor="Lan", at=at, now=now or max(at, NOW))


def test_intake_gives_ticket_due_time_and_a_created_event(empty_db):
    first = add(empty_db)
    second = add(empty_db, category="dvc_submit")
    assert first["ticket"] == "HT-2026-000001" and second["ticket"] == "HT-2026-000002"
    assert first["status"] == "new" and first["channel"] == "counter"
    assert first["due_at"] == to_iso(vn(2026, 11, 23, 15, 0))  # 4 office hours, lunch skipped
    assert second["due_at"] == to_iso(vn(2026, 11, 25, 17, 0))  # 1 working day, 24/11 off
    assert [(e["action"], e["actor"], e["to_status"]) for e in first["events"]] == [
        ("created", "Lan", "new")
    ]


def test_ticket_uses_commune_code_and_restarts_each_year(empty_db):
    settings.put(empty_db, "commune_code", "00004")
    late = add(empty_db, at=vn(2026, 12, 31, 23, 0), now=vn(2027, 1, 2, 8, 0))
    early = add(empty_db, at=vn(2027, 1, 1, 0, 30), now=vn(2027, 1, 2, 8, 0))
    assert late["ticket"] == "00004-2026-000001"
    assert early["ticket"] == "00004-2027-000001"  # the year at the counter, not in UTC
    assert tickets.find(empty_db, "00004-2027-000001") == early["id"]
    assert tickets.find(empty_db, str(late["id"])) == late["id"]
    assert tickets.find(empty_db, "HT-1999-000001") is None
    assert tickets.find(empty_db, "9" * 30) is None  # beyond SQLite's integers
    assert tickets.find(empty_db, "²") is None  # a digit to str.isdigit, not to int()


def test_appointment_in_working_days_skips_tet(empty_db):
    made = tickets.create(
        empty_db,
        {"category": "other", "summary": "Hẹn trả kết quả"},
        actor="Lan",
        at=vn(2027, 2, 3, 10, 0),
        now=vn(2027, 2, 3, 10, 0),
        due_days=1,
    )
    assert made["due_at"] == to_iso(vn(2027, 2, 11, 17, 0))
    assert made["due_days"] == 1


def test_resolved_at_the_counter_is_one_step(empty_db):
    made = tickets.create(
        empty_db,
        {"category": "dvc_find", "summary": "Tìm thủ tục khai sinh"},
        actor="Lan",
        now=NOW,
        resolved_now=True,
        resolution="Đã hướng dẫn",
    )
    assert made["status"] == "resolved" and made["on_time"] == 1
    assert made["resolved_at"] == made["created_at"] and made["resolution"] == "Đã hướng dẫn"
    assert [e["to_status"] for e in made["events"]] == ["new", "resolved"]


def _reach(db, status):
    """A request brought to `status` through legal steps."""
    made = add(db)
    path = {
        "new": [],
        "in_progress": ["in_progress"],
        "waiting": ["waiting"],
        "escalated": ["escalated"],
        "resolved": ["resolved"],
        "closed": ["resolved", "closed"],
    }[status]
    for step in path:
        target = "Sở KH&CN" if step == "escalated" else None
        tickets.update(db, made["id"], actor="Lan", status=step, escalate_to=target, now=NOW)
    return made["id"]


LEGAL = [(a, b) for a, targets in tickets.TRANSITIONS.items() for b in sorted(targets)]
ILLEGAL = [
    (a, b) for a in tickets.STATUSES for b in tickets.STATUSES if b not in tickets.TRANSITIONS[a]
]


@pytest.mark.parametrize(("old", "new"), LEGAL)
def test_every_legal_transition(empty_db, old, new):
    request_id = _reach(empty_db, old)
    target = "UBND tỉnh" if new == "escalated" else None
    done = tickets.update(
        empty_db, request_id, actor="Bình", status=new, escalate_to=target, now=NOW
    )
    assert done["status"] == new
    last = done["events"][-1]
    assert (last["from_status"], last["to_status"], last["actor"]) == (old, new, "Bình")


@pytest.mark.parametrize(("old", "new"), ILLEGAL)
def test_every_illegal_transition_is_refused_and_changes_nothing(empty_db, old, new):
    request_id = _reach(empty_db, old)
    before = tickets.get(empty_db, request_id, now=NOW)
    with pytest.raises(tickets.RequestError, match="không thể chuyển|đã ở trạng thái"):
        # Same status with a new target is a re-escalation (legal), so no target there.
        target = None if old == new else "X"
        tickets.update(empty_db, request_id, actor="Bình", status=new, escalate_to=target, now=NOW)
    assert tickets.get(empty_db, request_id, now=NOW) == before


def test_reopen_forgets_the_resolution_time(empty_db):
    request_id = _reach(empty_db, "closed")
    reopened = tickets.update(empty_db, request_id, actor="Lan", status="in_progress", now=NOW)
    assert reopened["resolved_at"] is None and reopened["closed_at"] is None
    assert reopened["on_time"] is None


def test_waiting_pauses_the_clock(empty_db):
    made = add(empty_db)  # Monday 09:00, 4 office hours: due Monday 15:00
    tickets.update(empty_db, made["id"], actor="Lan", status="waiting", now=vn(2026, 11, 23, 10, 0))
    late_now = vn(2026, 11, 23, 16, 0)
    paused = tickets.get(empty_db, made["id"], now=late_now)
    assert not paused["overdue"]  # past 15:00, but the clock is stopped
    back = tickets.update(
        empty_db, made["id"], actor="Lan", status="in_progress", now=vn(2026, 11, 25, 10, 0)
    )
    # 3 office hours were left at 10:00 Monday; 24/11 is a holiday: due Wednesday 15:00.
    assert back["due_at"] == to_iso(vn(2026, 11, 25, 15, 0))
    assert back["paused_minutes"] == 300 + 150
    done = tickets.update(
        empty_db, made["id"], actor="Lan", status="resolved", now=vn(2026, 11, 25, 14)
    )
    assert done["on_time"] == 1


def test_waiting_after_the_deadline_stays_overdue(empty_db):
    made = add(empty_db)
    tickets.update(empty_db, made["id"], actor="Lan", status="waiting", now=vn(2026, 11, 23, 16, 0))
    assert tickets.get(empty_db, made["id"], now=vn(2026, 11, 23, 16, 5))["overdue"]
    assert tickets.count(empty_db, {"overdue": True}, now=vn(2026, 11, 23, 16, 5)) == 1


def test_late_resolution_is_not_on_time(empty_db):
    made = add(empty_db)
    done = tickets.update(
        empty_db, made["id"], actor="Lan", status="resolved", now=vn(2026, 11, 23, 16)
    )
    assert done["on_time"] == 0


def test_escalation_needs_a_target_and_records_it(empty_db):
    made = add(empty_db)
    with pytest.raises(tickets.RequestError, match="nơi chuyển đến"):
        tickets.update(empty_db, made["id"], actor="Lan", status="escalated", now=NOW)
    done = tickets.update(
        empty_db, made["id"], actor="Lan", escalate_to="Bộ Công an — C06", escalation_ref="CV 12"
    )
    assert done["status"] == "escalated" and done["escalated_to"] == "Bộ Công an — C06"
    assert done["escalation_ref"] == "CV 12" and done["escalated_at"]
    again = tickets.update(empty_db, made["id"], actor="Lan", escalate_to="Sở KH&CN")
    assert again["escalated_to"] == "Sở KH&CN" and again["escalated_at"] == done["escalated_at"]


def test_escalation_to_a_directory_contact(empty_db):
    empty_db["contacts"].insert({"id": 7, "name": "Trần Thị Bích", "unit": "Sở Tư pháp"}, pk="id")
    made = add(empty_db)
    done = tickets.update(empty_db, made["id"], actor="Lan", escalate_to="7", now=NOW)
    assert done["escalated_contact_id"] == 7
    assert done["escalated_to"] == "Trần Thị Bích — Sở Tư pháp"
    with pytest.raises(tickets.RequestError, match="không có liên hệ mã 99"):
        tickets.update(empty_db, made["id"], actor="Lan", escalate_to="99", now=NOW)


def test_edits_assign_and_notes_write_events_without_personal_values(empty_db):
    made = add(empty_db, requester_id_number="001203004567")
    assert made["requester_id_masked"] == "*********567"
    assert "requester_id_number" not in made
    tickets.update(empty_db, made["id"], actor="Lan", fields={"assignee": "Bình"}, now=NOW)
    tickets.update(empty_db, made["id"], actor="Lan", note="Đã gọi lại", now=NOW)
    tickets.update(
        empty_db, made["id"], actor="Lan", fields={"requester_phone": "0987000111"}, now=NOW
    )
    events = tickets.get(empty_db, made["id"], now=NOW)["events"]
    assert [e["action"] for e in events] == ["created", "assign", "note", "edit"]
    assert events[1]["changes"] == {"assignee": [None, "Bình"]}
    assert events[2]["note"] == "Đã gọi lại"
    assert events[3]["changes"] == {"requester_phone": "changed"}
    assert tickets.search(empty_db, "0987000111", now=NOW)[0]["id"] == made["id"]
    with pytest.raises(tickets.RequestError, match="không có gì thay đổi"):
        tickets.update(empty_db, made["id"], actor="Lan", fields={"assignee": "Bình"}, now=NOW)


def test_category_change_recomputes_the_due_time(empty_db):
    made = add(empty_db)
    moved = tickets.update(
        empty_db, made["id"], actor="Lan", fields={"category": "data_lookup"}, now=NOW
    )
    assert moved["due_at"] == to_iso(vn(2026, 11, 27, 17, 0))  # 3 working days, 24/11 off


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"category": "nope"}, "không có chủ đề"),
        ({"summary": "   "}, "cần có tóm tắt"),
        ({"requester_kind": "alien"}, "loại người yêu cầu không hợp lệ"),
        ({"channel": "fax"}, "kênh tiếp nhận không hợp lệ"),
        ({"procedure_code": "abc"}, "mã thủ tục không hợp lệ"),
        ({"summary": "x" * 501}, "tóm tắt quá dài"),
        ({"requester_name": "An\ud800"}, "họ tên chứa ký tự không hợp lệ"),
    ],
)
def test_bad_intake_is_refused_and_nothing_is_stored(empty_db, data, message):
    with pytest.raises(tickets.RequestError, match=message):
        add(empty_db, **data)
    assert empty_db["requests"].count == 0 and empty_db["request_events"].count == 0


def test_future_backfill_is_refused(empty_db):
    with pytest.raises(tickets.RequestError, match="tương lai"):
        add(empty_db, at=vn(2026, 11, 24, 9, 0), now=NOW)


@pytest.mark.parametrize(
    ("received", "months", "due"),
    [
        (vn(2024, 12, 30, 10, 0), 24, vn(2026, 12, 30, 10, 0)),  # the 29th–31st on their day
        (vn(2024, 12, 31, 10, 0), 24, vn(2026, 12, 31, 10, 0)),
        (vn(2024, 2, 29, 10, 0), 24, vn(2026, 2, 28, 10, 0)),  # no 29 February: the last day
        (vn(2026, 1, 31, 10, 0), 1, vn(2026, 2, 28, 10, 0)),
        (vn(2026, 11, 30, 23, 50), 13, vn(2027, 12, 30, 23, 50)),  # evening: next day in UTC
        (vn(2025, 12, 31, 23, 30), 24, vn(2027, 12, 31, 23, 30)),
    ],
)
def test_purge_personal_on_the_due_day_even_at_a_month_end(empty_db, received, months, due):
    made = add(empty_db, at=received, now=received)
    assert tickets.purge_personal(empty_db, months, now=due - timedelta(minutes=1)) == 0
    assert tickets.purge_personal(empty_db, months, now=due) == 1
    assert tickets.get(empty_db, made["id"], now=due)["requester_name"] == ""


def test_unknown_request(empty_db):
    with pytest.raises(tickets.RequestError, match="không có yêu cầu số 42"):
        tickets.update(empty_db, 42, actor="Lan", note="x")
    assert tickets.get(empty_db, 42) is None


def test_purge_personal_keeps_counts_and_search_by_summary(empty_db):
    old = add(empty_db, at=vn(2024, 6, 3, 9, 0), requester_id_number="001203004567")
    recent = add(empty_db, at=vn(2026, 1, 5, 9, 0))
    assert tickets.purge_personal(empty_db, now=NOW) == 1  # default retention: 24 months
    gone = tickets.get(empty_db, old["id"], reveal=True, now=NOW)
    assert gone["requester_name"] == gone["requester_phone"] == gone["requester_id_number"] == ""
    assert gone["anonymised_at"] and gone["events"][-1]["action"] == "anonymise"
    assert tickets.search(empty_db, "Nguyễn Văn An", now=NOW) == [
        tickets.page(empty_db, now=NOW)[0]
    ]
    assert tickets.search(empty_db, "kich hoat", now=NOW)[-1]["id"] == old["id"]
    assert tickets.get(empty_db, recent["id"], now=NOW)["requester_name"] == "Nguyễn Văn An"
    assert tickets.purge_personal(empty_db, now=NOW) == 0  # nothing left to anonymise
    assert tickets.purge_personal(empty_db, older_than_months=0, now=NOW) == 1
    assert empty_db["requests"].count == 2


def test_the_person_on_duty_is_the_resolver_of_a_counter_resolution(empty_db):
    from supportdesk.core.tickets import stats

    made = tickets.create(empty_db, {"category": "vneid", "summary": "Quên mật khẩu VNeID"},
                     actor="Lan", now=NOW, resolved_now=True)  # fmt: skip
    assert made["assignee"] == "Lan"
    later = add(empty_db)
    resolved = tickets.update(empty_db, later["id"], actor="Hùng", status="resolved", now=NOW)
    assert resolved["assignee"] == "Hùng"
    people = stats.summarize(empty_db, "2026-11", now=NOW)["by_assignee"]
    assert {(p["assignee"], p["resolved"]) for p in people} == {("Lan", 1), ("Hùng", 1)}


def test_taking_over_an_escalated_request_is_its_own_recorded_step(empty_db):
    made = add(empty_db)
    with pytest.raises(tickets.RequestError):
        tickets.take_over(empty_db, made["id"], actor="Lan", now=NOW)
    tickets.update(empty_db, made["id"], actor="Lan", escalate_to="Sở Tư pháp", now=NOW)
    taken = tickets.take_over(empty_db, made["id"], actor="Hùng", note="Sở trả lời", now=NOW)
    assert taken["status"] == "in_progress" and taken["assignee"] == "Hùng"
    last = taken["events"][-1]
    assert last["action"] == "take_over" and last["actor"] == "Hùng"
    assert last["from_status"] == "escalated" and last["note"] == "Sở trả lời"
