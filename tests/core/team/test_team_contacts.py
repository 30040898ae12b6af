"""The commune's own directory entries travel between the team's desks; the province's do not
(every desk derives them itself); the later edit or removal wins on every desk; searches find
what arrived and no longer find what was replaced."""

from __future__ import annotations

import pytest

from supportdesk.core import directory
from supportdesk.core.directory import shared
from supportdesk.core.team import client, feed
from tests.core.team.team_kit import DirectPeer, contact_view, new_desk, pair

HOA = {
    "name": "Lê Thị Hoa",
    "position": "Công chức Tư pháp - Hộ tịch",
    "agency": "UBND xã Tân Lập",
    "tels": [("0912 345 678", "")],
    "fields": "Hộ tịch",
}
NAM = {
    "name": "Phạm Văn Nam",
    "position": "Trưởng Công an xã",
    "agency": "Công an xã Tân Lập",
    "tels": [("0987 654 321", "")],
}


def _names(db, query: str) -> list[str]:
    return [c["name"] for c in directory.search(db, query)]


def _sync(a, b) -> dict:
    return client.exchange(a, DirectPeer(b))


def test_contacts_added_on_each_desk_reach_the_other_and_are_found(tmp_path):
    lead, counter = new_desk(tmp_path / "a"), new_desk(tmp_path / "b")
    # Typed before the team existed: it travels with the desk's history.
    directory.add(lead, HOA)
    pair(lead, counter)
    directory.add(counter, NAM)
    # The province's entries (a sheet from the hub) stay each desk's own copy.
    directory.import_records(lead, [(1, {"name": "Sở Tư pháp tỉnh", "kind": "agency"})],
                             shared.PROVINCE)  # fmt: skip
    _sync(counter, lead)
    assert contact_view(lead) == contact_view(counter)
    names = {c["name"] for c in contact_view(counter)}
    assert {"Lê Thị Hoa", "UBND xã Tân Lập", "Phạm Văn Nam", "Công an xã Tân Lập"} == names
    # Found by name without accents, by agency and by a run of phone digits on the other desk.
    assert _names(counter, "le thi hoa") == ["Lê Thị Hoa"]
    assert "Lê Thị Hoa" in _names(counter, "345678")
    person = next(c for c in contact_view(counter) if c["name"] == "Lê Thị Hoa")
    agency = next(c for c in contact_view(counter) if c["name"] == "UBND xã Tân Lập")
    assert person["agency_uid"] == agency["uid"]
    again = _sync(counter, lead)
    assert (again["sent"], again["received"]) == (0, 0)


def test_the_later_edit_wins_everywhere_and_a_removal_travels(tmp_path):
    lead, counter = new_desk(tmp_path / "a"), new_desk(tmp_path / "b")
    pair(lead, counter)
    hoa = directory.add(lead, HOA)
    _sync(counter, lead)
    there = counter.execute("SELECT id FROM contacts WHERE name = 'Lê Thị Hoa'").fetchone()[0]
    # Both desks edit her while apart; the counter's edit is stamped later, so it wins.
    directory.update(lead, hoa, {**HOA, "position": "Phó Chủ tịch UBND xã"})
    directory.update(counter, there, {**HOA, "name": "Lê Thị Hoà Bình"})
    _sync(lead, counter)
    _sync(counter, lead)
    assert contact_view(lead) == contact_view(counter)
    assert _names(lead, "hoa binh") == ["Lê Thị Hoà Bình"]
    assert _names(lead, "pho chu tich") == []  # the replaced edit is gone from the index too
    assert directory.count(lead) == directory.count(counter) == 2

    directory.remove(counter, there)
    _sync(lead, counter)
    assert directory.get(lead, hoa) is None and _names(lead, "hoa binh") == []
    assert contact_view(lead) == contact_view(counter)
    assert feed.vector(lead) == feed.vector(counter)


def test_an_edit_of_a_province_entry_makes_it_the_communes_without_doubling_it(tmp_path):
    lead, counter = new_desk(tmp_path / "a"), new_desk(tmp_path / "b")
    pair(lead, counter)
    sheet = [(1, {"name": "UBND xã Tân Lập", "kind": "agency"})]
    for db in (lead, counter):
        directory.import_records(db, sheet, shared.PROVINCE)
    _sync(counter, lead)
    for db in (lead, counter):  # nothing of the province travels
        assert (
            db.execute("SELECT count(*) FROM team_feed WHERE kind = 'contact'").fetchone()[0] == 0
        )
    here = lead.execute("SELECT id FROM contacts").fetchone()[0]
    directory.update(lead, here, {"name": "UBND xã Tân Lập", "kind": "agency",
                                  "tels": [("0237 3861 234", "")]})  # fmt: skip
    _sync(counter, lead)
    assert directory.count(counter) == 1
    assert contact_view(lead) == contact_view(counter)
    assert contact_view(counter)[0]["origin"] == shared.COMMUNE


def test_m010_gives_existing_entries_uids_and_puts_the_communes_in_the_feed(tmp_path):
    from sqlite_utils import Database

    from supportdesk.core.store.migrations import migrations

    db = Database(tmp_path / "old.db")
    migrations.apply(db, stop_before="m010_contact_uids")
    # Rows as the version before m010 wrote them: a typed person, a catalog agency.
    db["contacts"].insert_all([
        {"kind": "person", "name": "Lê Thị Hoa", "match_key": "person|le thi hoa|"},
        {"kind": "agency", "name": "UBND xã Tân Lập", "match_key": "agency|ubnd xa tan lap|",
         "source": directory.SHIPPED_SOURCE},
    ])  # fmt: skip
    migrations.apply(db)
    rows = dict(db.execute("SELECT name, origin FROM contacts").fetchall())
    assert rows == {"Lê Thị Hoa": shared.COMMUNE, "UBND xã Tân Lập": shared.PROVINCE}
    uids = [r[0] for r in db.execute("SELECT uid FROM contacts")]
    assert len(set(uids)) == 2 and all(len(u) == 32 for u in uids)
    # The province's agency has the uid every desk derives for it; only the person travels.
    agency = db.execute("SELECT uid FROM contacts WHERE kind = 'agency'").fetchone()[0]
    assert agency == shared.province_uid("agency|ubnd xa tan lap|")
    travelling = db.execute("SELECT body FROM team_feed WHERE kind = 'contact'").fetchall()
    assert len(travelling) == 1 and "Lê Thị Hoa" in travelling[0][0]


def test_a_contact_this_desk_cannot_read_refuses_the_page_and_changes_nothing(tmp_path):
    from supportdesk.core.team import kinds, merge

    desk = new_desk(tmp_path / "a")
    before = feed.vector(desk)
    bad = {"origin": "f" * 32, "seq": 1, "kind": "contact", "uid": "e" * 32, "hlc": 1 << 20,
           "body": {"uid": "e" * 32, "kind": "robot", "name": "Máy", "phones": []}}  # fmt: skip
    with pytest.raises(kinds.MergeError):
        merge.apply_page(desk, [bad])
    bad["body"] = {
        "uid": "e" * 32,
        "kind": "person",
        "name": "Lê Hoa",
        "phones": [["1", "", "cell", "?"]],
    }
    with pytest.raises(kinds.MergeError):
        merge.apply_page(desk, [bad])
    assert feed.vector(desk) == before and directory.count(desk) == 0
