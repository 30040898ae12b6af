import unicodedata
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportdesk.core import tickets
from supportdesk.core.calendar import TZ

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)
EARLY = datetime(2026, 11, 23, 9, 45, tzinfo=TZ)


def vn(*args) -> datetime:
    return datetime(*args, tzinfo=TZ)


def add(db, at=NOW, **data):
    values = {"category": "vneid", "summary": "Hỗ trợ"} | data
    return tickets.create(db, values, actor="Lan", at=at, now=NOW)


def test_search_folds_accents_and_finds_ticket_and_phone(empty_db):
    an = add(empty_db, requester_name="Đặng Thị Thuỷ", requester_phone="+84 912-345-678",
             summary="Chứng thực điện tử không được", description="Lỗi ký số")  # fmt: skip
    other = add(empty_db, requester_name="Lê Văn Bình", requester_phone="0988 777 666")
    for query in ["dang thi thuy", "Đặng Thủy", "chung thuc", "ky so", "HT-2026-000001",
                  "0912345678", "0912 345", "+84912345678", "1"]:  # fmt: skip
        assert [r["id"] for r in tickets.search(empty_db, query, now=NOW)] == [an["id"]], query
    assert [r["id"] for r in tickets.search(empty_db, "binh", now=NOW)] == [other["id"]]
    for nasty in ['"', "AND", "(", "*", "NEAR(", "", "   ", "ký\u0301"]:
        assert isinstance(tickets.search(empty_db, nasty, now=NOW), list)  # never raises


@pytest.mark.parametrize("run", ["5678", "45678", "345678", "2345678", "912345678", "0912 345 678",
                                 "84912345678", "1234", "3456", "9123"])  # fmt: skip
def test_any_run_of_four_phone_digits_finds_the_request(empty_db, run):
    """What a citizen reads out: the tail of the number, or any run of it, as the directory."""
    an = add(empty_db, requester_phone="+84 912-345-678")
    add(empty_db, requester_phone="0988 777 666")
    assert [r["id"] for r in tickets.search(empty_db, run, now=NOW)] == [an["id"]]


def test_runs_that_are_not_in_the_number_find_nothing(empty_db):
    add(empty_db, requester_phone="0912 345 678")
    for run in ["5679", "8765", "0913", "12345679"]:
        assert tickets.search(empty_db, run, now=NOW) == [], run


def test_upgrade_indexes_the_phone_tails_of_existing_requests(empty_db):
    from supportdesk.core.store.migrations import m005_request_search_by_phone_tails

    made = add(empty_db, requester_phone="0912 345 678", summary="Quên mật khẩu")
    # As a store written before m005 indexed it: the whole number only.
    empty_db.execute(
        "UPDATE requests SET search_text = 'quen mat khau 0912345678' WHERE id = ?", [made["id"]]
    )
    empty_db.conn.commit()
    assert tickets.search(empty_db, "345678", now=NOW) == []
    with empty_db.atomic():
        m005_request_search_by_phone_tails(empty_db)
    assert [r["id"] for r in tickets.search(empty_db, "345678", now=NOW)] == [made["id"]]
    assert [r["id"] for r in tickets.search(empty_db, "quen mat khau", now=NOW)] == [made["id"]]


def test_keyset_paging_walks_every_row_once_newest_first(empty_db):
    ids = [add(empty_db, at=NOW - timedelta(minutes=i), summary=f"Máy in {i}")["id"]
           for i in range(23)]  # fmt: skip
    seen, after = [], None
    while True:
        rows = tickets.page(empty_db, {"query": "may in"}, after=after, limit=5, now=NOW)
        if not rows:
            break
        seen += [r["id"] for r in rows]
        after = rows[-1]["id"]
    assert seen == sorted(ids, reverse=True)
    assert len(tickets.page(empty_db, None, limit=10, now=NOW)) == 10


def test_filters(empty_db):
    a = add(empty_db, at=vn(2026, 11, 2, 9, 0), assignee="Bình")
    b = add(empty_db, at=vn(2026, 11, 23, 8, 0), category="devices")
    c = add(empty_db, at=vn(2026, 11, 23, 8, 0))
    tickets.update(empty_db, c["id"], actor="Lan", escalate_to="Sở", now=NOW)
    d = add(empty_db, at=vn(2026, 11, 23, 8, 0), category="dvc_find")

    def ids(at=EARLY, **filters):
        return sorted(r["id"] for r in tickets.page(empty_db, filters, now=at))

    assert ids(assignee="Bình") == [a["id"]]
    assert ids(category="devices") == [b["id"]]
    assert ids(escalated=True) == [c["id"]]
    assert ids(status="escalated") == [c["id"]]
    assert ids(status=("new", "escalated")) == [a["id"], b["id"], c["id"], d["id"]]
    assert ids(created_from="2026-11-23") == [b["id"], c["id"], d["id"]]
    assert ids(created_to="2026-11-02") == [a["id"]]
    # d (dvc_find, 2 office hours from 08:00): warned from 09:36, due 10:00.
    assert ids(overdue=True) == [a["id"]]
    assert ids(due_soon=True) == [d["id"]]
    # c (vneid, 4 office hours from 08:00): warned from 11:12, due 14:00 after lunch.
    late = vn(2026, 11, 23, 13, 45)
    assert ids(at=late, overdue=True) == [a["id"], d["id"]]
    assert ids(at=late, due_soon=True) == [c["id"]]
    assert ids(at=late, open_only=True, category="vneid") == [a["id"], c["id"]]
    # The list's colours (row flags) follow the same rules as the filters, at both moments.
    for at in (EARLY, late):
        rows = tickets.page(empty_db, {}, now=at)
        assert sorted(r["id"] for r in rows if r["due_soon"]) == ids(at=at, due_soon=True)
        assert sorted(r["id"] for r in rows if r["overdue"]) == ids(at=at, overdue=True)


phones = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\+?(84|0)[ .\-]?\d{2,3}([ .\-]?\d{3}){2}", fullmatch=True),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(max_size=200), phone=phones, summary=st.text(min_size=1, max_size=300),
       description=st.text(max_size=300))  # fmt: skip
def test_any_intake_text_is_stored_nfc_or_refused_cleanly(empty_db, name, phone, summary,
                                                          description):  # fmt: skip
    data = {"requester_name": name, "requester_phone": phone, "summary": summary,
            "description": description}  # fmt: skip
    before = empty_db["requests"].count
    try:
        made = add(empty_db, **data)
    except tickets.RequestError as exc:
        assert str(exc) and "\n" not in str(exc)
        assert empty_db["requests"].count == before
        return
    for key in ("requester_name", "requester_phone", "summary", "description"):
        value = made[key] or ""
        assert value == unicodedata.normalize("NFC", value)
    assert made["summary"]
    digits = "".join(ch for ch in made["requester_phone"] if ch.isdigit())
    if made["requester_phone"].isascii() and len(digits) >= 4:
        found = tickets.search(empty_db, made["requester_phone"], now=NOW)
        assert made["id"] in [r["id"] for r in found]
    tickets.search(empty_db, name, now=NOW)
    tickets.search(empty_db, summary, now=NOW)
