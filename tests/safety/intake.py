"""Request intake as the crash writer does it, and the check made after each kill."""

from __future__ import annotations

from supportdesk.core import tickets

CATEGORY = "vneid"
ACTOR = "Lê Thị Hoà"


def intake(db, i: int) -> str:
    """Log request number i as a counter would; the ticket once it is committed."""
    request = tickets.create(
        db,
        {
            "category": CATEGORY,
            "summary": f"Yêu cầu {i}: quên mật khẩu VNeID, cần đặt lại",
            "requester_name": "Nguyễn Văn Đức",
            "requester_phone": f"09{i:08d}",
            "description": "Công dân đến quầy; đã hướng dẫn định danh mức 2. " * 5,
        },
        actor=ACTOR,
        resolved_now=i % 3 == 0,  # the one-step "resolved at the counter" writes two events
        resolution="Đã đặt lại mật khẩu tại quầy" if i % 3 == 0 else None,
    )
    return request["ticket"]


def verify_requests(db, acked: list) -> None:
    """Every acknowledged request is there, whole: its fields and its audit events."""
    for _, i, ticket in acked:
        request_id = tickets.find(db, ticket)
        assert request_id is not None, f"acknowledged request {ticket} is missing"
        request = tickets.get(db, request_id)
        assert request["summary"].startswith(f"Yêu cầu {i}:")
        assert request["requester_phone"] == f"09{int(i):08d}"
        actions = [e["action"] for e in tickets.events(db, request_id)]
        assert actions[0] == "created" and len(actions) == (2 if int(i) % 3 == 0 else 1), actions
        assert request["status"] == ("resolved" if int(i) % 3 == 0 else "new")
    # Nothing half-written either: every request, acknowledged or not, has its creation event.
    orphans = db.execute(
        "SELECT count(*) FROM requests r WHERE NOT EXISTS "
        "(SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.action = 'created')"
    ).fetchone()[0]
    assert orphans == 0
    counts = db.execute("SELECT count(*), count(DISTINCT ticket) FROM requests").fetchone()
    assert counts[0] == counts[1]
