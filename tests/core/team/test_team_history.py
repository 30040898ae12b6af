"""A desk used alone for months joins a team: its history merges, its tickets stay as printed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from supportdesk.core import tickets
from supportdesk.core.store import open_store
from supportdesk.core.team import client, feed
from supportdesk.core.tickets import replay
from tests.core.team.team_kit import DirectPeer, new_desk, pair, request_view, timeline_view

# An empty store written before migration m008 (the team's), see tests/core/store.
OLD_STORE = Path(__file__).parents[2] / "data" / "stores" / "store-main-5ef1cc4.db"


def _old_desk_with_history(directory: Path, count: int) -> list[str]:
    """A pre-team store holding `count` requests, each created then resolved, written as the
    SupportDesk of that time wrote them (tickets numbered per commune and year)."""
    directory.mkdir(parents=True)
    shutil.copy(OLD_STORE, directory / "supportdesk.db")
    conn = sqlite3.connect(directory / "supportdesk.db")
    conn.execute("INSERT INTO settings (key, value) VALUES ('commune_code', '\"00001\"')")
    topic = conn.execute("SELECT code FROM categories ORDER BY position LIMIT 1").fetchone()[0]
    made = []
    for seq in range(1, count + 1):
        ticket = f"00001-2026-{seq:06d}"
        at = f"2026-0{1 + seq % 9}-10T0{seq % 10}:00:00+00:00"
        cursor = conn.execute(
            "INSERT INTO requests (ticket, commune_code, year, seq, requester_kind, "
            "requester_name, channel, category, summary, priority, status, created_at, "
            "updated_at, due_at, warn_at, resolved_at, on_time, resolution, search_text) "
            "VALUES (?, '00001', 2026, ?, 'citizen', 'Nguyễn Văn Cũ', 'counter', ?, ?, 'normal', "
            "'resolved', ?, ?, ?, ?, ?, 1, 'Đã hướng dẫn', ?)",
            [ticket, seq, topic, f"Yêu cầu cũ số {seq}", at, at, "2026-12-31T00:00:00+00:00",
             "2026-12-30T00:00:00+00:00", at, ticket.lower()],
        )  # fmt: skip
        for action, before, after in (("created", None, "new"), ("status", "new", "resolved")):
            conn.execute(
                "INSERT INTO request_events (request_id, at, actor, action, from_status, "
                "to_status, changes) VALUES (?, ?, 'An', ?, ?, ?, '{}')",
                [cursor.lastrowid, at, action, before, after],
            )
        made.append(ticket)
    conn.commit()
    conn.close()
    return made


def test_a_desk_used_alone_joins_and_its_history_merges_unrenumbered(tmp_path):
    printed = _old_desk_with_history(tmp_path / "old", 12)
    old = open_store(tmp_path / "old", seed=False)  # migration m008 runs here
    before = [(r["ticket"], r["status"], r["resolved_at"]) for r in tickets.page(old, None)]
    assert sorted(t for t, _, _ in before) == printed
    # Each request is its own replay already: the first event carries it as it stood.
    for (request_id,) in old.execute("SELECT id FROM requests").fetchall():
        state = replay.fold(replay.ordered_events(old, request_id))
        assert (state["ticket"], state["status"]) == old.execute(
            "SELECT ticket, status FROM requests WHERE id = ?", [request_id]
        ).fetchone()
    assert sum(feed.vector(old).values()) == 24  # every event is in this desk's feed

    # The team's other desk also worked alone, with the same first ticket number.
    other = new_desk(tmp_path / "other")
    clash = tickets.create(other, {"category": "vneid", "summary": "Ở máy kia"}, actor="Bình")
    assert clash["ticket"] == "00001-2026-000001" == printed[0]
    pair(other, old)
    after_join = tickets.create(old, {"category": "vneid", "summary": "Sau khi vào nhóm"},
                                actor="An")  # fmt: skip
    assert after_join["ticket"] == "00001-2026-B000013"  # its mark, its own numbers go on
    client.exchange(old, DirectPeer(other))

    for db in (old, other):
        held = sorted(r[0] for r in db.execute("SELECT ticket FROM requests"))
        assert held == sorted([*printed, clash["ticket"], after_join["ticket"]])
    assert request_view(old) == request_view(other)
    assert timeline_view(old) == timeline_view(other)
    # A ticket that two desks gave out before the team: each desk finds its own first.
    assert tickets.get(old, tickets.find(old, printed[0]))["summary"] == "Yêu cầu cũ số 1"
    assert tickets.get(other, tickets.find(other, printed[0]))["summary"] == "Ở máy kia"
    # Counted once: both desks count the same 14 requests for the year.
    from supportdesk.core.tickets import stats

    totals = [stats.summarize(db, "2026")["totals"]["received"] for db in (old, other)]
    assert totals == [14, 14]
    old.close()
    other.close()
