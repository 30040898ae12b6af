"""The request list's lean rows agree with the full rows of tickets.page, cell by cell."""

from datetime import datetime, timedelta

from supportdesk.core import tickets
from supportdesk.core.calendar import TZ
from supportdesk.core.tickets import listing as L

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)


def add(db, at, **data):
    values = {"category": "vneid", "summary": "Hỗ trợ"} | data
    return tickets.create(db, values, actor="Lan", at=at, now=at)


def test_rows_show_vietnam_time_and_flags_like_the_full_rows(empty_db):
    for i in range(30):
        made = add(empty_db, NOW - timedelta(minutes=50 * i), summary="Chữ ký số " * 40,
                   requester_name=f"Người {i}")  # fmt: skip
        if i % 3 == 2:
            tickets.update(empty_db, made["id"], actor="Lan", status="resolved", now=NOW)
        elif i % 4 == 1:
            tickets.update(empty_db, made["id"], actor="Lan", status="waiting", now=NOW)
    later = NOW + timedelta(hours=5, minutes=30)  # the 9:00 request is due soon by then
    full = tickets.page(empty_db, None, limit=100, now=later)
    lean = L.page_rows(empty_db, None, limit=100, now=later)
    assert [r[L.ID] for r in lean] == [r["id"] for r in full]
    for row, whole in zip(lean, full):
        shown = datetime.fromisoformat(whole["created_at"]).astimezone(TZ).strftime("%d/%m %H:%M")
        assert row[L.CREATED] == shown
        assert row[L.SUMMARY] == whole["summary"][: L.SUMMARY_CHARS]
        assert bool(row[L.OVERDUE]) == whole["overdue"]
        assert row[L.STATUS] == whole["status"]
        assert bool(row[L.SOON]) == whole["due_soon"]
    assert any(r[L.OVERDUE] for r in lean) and not all(r[L.OVERDUE] for r in lean)
    assert any(r[L.SOON] for r in lean), "no row is due soon: the test proves nothing"


def test_keyset_pages_and_rows_read_back_by_id(empty_db):
    ids = [add(empty_db, NOW - timedelta(minutes=i), requester_name=f"Máy in {i}")["id"]
           for i in range(23)]  # fmt: skip
    seen, after = [], None
    while rows := L.page_rows(empty_db, {"query": "may in"}, after=after, limit=5, now=NOW):
        seen += [r[L.ID] for r in rows]
        after = rows[-1][L.ID]
    assert seen == sorted(ids, reverse=True)
    wanted = [ids[5], ids[2], 999_999, ids[9]]
    back = L.rows_by_id(empty_db, wanted, now=NOW)
    assert [r[L.ID] for r in back] == [ids[5], ids[2], ids[9]]  # the order asked, gone ones out
    assert back[0] == L.page_rows(empty_db, None, after=ids[5] + 1, limit=1, now=NOW)[0]
    assert L.page_rows(empty_db, {"query": '"'}, now=NOW) == []
