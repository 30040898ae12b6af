"""The team's own knowledge-base articles travel between desks; the province's do not (every
desk has them from the hub); the later edit wins on every desk."""

from __future__ import annotations

from datetime import UTC, datetime

from supportdesk.core.kb import store
from supportdesk.core.team import client
from tests.core.team.team_kit import DirectPeer, new_desk, pair

ARTICLE = {
    "title": "VNeID báo sai mật khẩu nhiều lần",
    "symptoms": "không đăng nhập được",
    "steps": ["Chờ 30 phút", "Đặt lại mật khẩu trên ứng dụng"],
    "topics": ["vneid"],
}


def test_local_articles_replicate_and_the_later_edit_wins(tmp_path):
    lead, counter = new_desk(tmp_path / "a"), new_desk(tmp_path / "b")
    pair(lead, counter)
    written = store.add(lead, ARTICLE, now=datetime(2026, 11, 2, 8, tzinfo=UTC))
    store.add(lead, {**ARTICLE, "title": "Hướng dẫn của tỉnh", "origin": "province"})
    client.exchange(counter, DirectPeer(lead))
    here = store.get(counter, written["uuid"])
    assert here is not None and here["steps"] == ARTICLE["steps"]
    titles = {a["title"] for a in store.listing(counter)}  # with the starter articles
    assert ARTICLE["title"] in titles and "Hướng dẫn của tỉnh" not in titles

    # Both desks edit it while apart; the later edit wins on both, nothing is duplicated.
    store.update(counter, here["id"], {"steps": ["Đặt lại mật khẩu"]},
                 now=datetime(2026, 11, 3, 9, tzinfo=UTC))  # fmt: skip
    store.update(lead, written["id"], {"title": "VNeID: sai mật khẩu"},
                 now=datetime(2026, 11, 3, 8, tzinfo=UTC))  # fmt: skip
    client.exchange(lead, DirectPeer(counter))
    client.exchange(counter, DirectPeer(lead))
    views = [store.get(db, written["uuid"]) for db in (lead, counter)]
    assert views[0]["steps"] == views[1]["steps"] == ["Đặt lại mật khẩu"]
    assert views[0]["title"] == views[1]["title"]
    assert views[0]["updated_at"] == views[1]["updated_at"]
    assert len(store.listing(lead, origin="commune")) == len(
        store.listing(counter, origin="commune")
    )
    # Nothing left to send either way.
    again = client.exchange(lead, DirectPeer(counter))
    assert (again["sent"], again["received"]) == (0, 0)
    lead.close()
    counter.close()
