"""Applying a peer's change of a directory entry (feed kind `contact`, core.directory.shared).

Last writer wins: a received item is applied when its (stamp, desk) is above every item held
for the same entry, so every desk keeps the same version whatever order the items came in. A
local change is always above (its stamp follows every stamp seen), and a later received one is
above it. A removal is an item too, so an entry removed on one desk is removed on all, unless
a later edit brings it back everywhere."""

from __future__ import annotations

from sqlite_utils import Database

KIND = "contact"


def latest(db: Database, uid: str) -> tuple[int, str] | None:
    """(stamp, desk) of the highest item held for an entry."""
    found = db.execute(
        "SELECT hlc, origin FROM team_feed WHERE kind = ? AND uid = ? "
        "ORDER BY hlc DESC, origin DESC LIMIT 1",
        [KIND, uid],
    ).fetchone()
    return None if found is None else (int(found[0]), str(found[1]))


def apply(db: Database, item: dict) -> None:
    """Inside the page's transaction, before the item's own feed row is written."""
    from supportdesk.core.directory import entries, shared

    body, uid = item["body"], str(item["uid"])
    held = latest(db, uid)
    if held is not None and held >= (int(item["hlc"]), str(item["origin"])):
        return
    found = db.execute("SELECT id FROM contacts WHERE uid = ?", [uid]).fetchone()
    if body.get("removed"):
        if found is not None:
            entries.remove_row(db, found[0])
        return
    rec = _record(body)
    agency = None
    if body.get("agency_uid"):
        agency = db.execute(
            "SELECT id FROM contacts WHERE uid = ?", [body["agency_uid"]]
        ).fetchone()
    written = entries._write(
        db,
        None if found is None else found[0],
        rec,
        None if agency is None else agency[0],
        shared.COMMUNE,
        received={**body, "uid": uid},
    )
    if found is None and held is not None:
        _relink(db, written, uid)


def _record(body: dict) -> dict:
    """The entry a body carries, or MergeError (the page is refused, nothing applied) for one
    this desk cannot store: a newer version's kind, phones that are not triples."""
    from supportdesk.core.directory import KINDS, shared
    from supportdesk.core.team.kinds import MergeError

    try:
        rec = shared.record(body)
    except (TypeError, ValueError) as exc:
        raise MergeError(f"liên hệ {body.get('uid')} không đọc được") from exc
    if rec["kind"] not in KINDS or not rec["name"]:
        raise MergeError(f"liên hệ {body.get('uid')} không đọc được")
    return rec


def _relink(db: Database, agency_id: int, agency_uid: str) -> None:
    """An entry removed here and brought back by a later edit: the people whose latest version
    names it as their agency are linked again, as on a desk that never applied the removal.
    (A first arrival needs none of this: a person's item always comes after its agency's,
    which was stamped earlier on the desk that linked them.)"""
    db.execute(
        "UPDATE contacts SET agency_id = :id WHERE agency_id IS NULL AND uid IN ("
        " SELECT f.uid FROM team_feed f WHERE f.kind = :kind"
        " AND json_extract(f.body, '$.agency_uid') = :agency AND NOT EXISTS ("
        "  SELECT 1 FROM team_feed g WHERE g.kind = :kind AND g.uid = f.uid"
        "  AND (g.hlc > f.hlc OR (g.hlc = f.hlc AND g.origin > f.origin))))",
        {"id": agency_id, "kind": KIND, "agency": agency_uid},
    )
