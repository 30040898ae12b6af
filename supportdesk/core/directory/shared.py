"""What of the directory a commune's team shares between its desks (docs/ARCHITECTURE.md, "A team
sync"): the entries the commune itself typed or imported (`origin` "commune"). Entries from the
province — the catalog's agencies every desk derives itself, contact sheets pulled from the hub —
are `origin` "province" and do not travel: every desk gets them from the same source.

Every entry has a global id (`uid`, migration m010). A province entry's uid is derived from its
kind and folded name, so the same agency has the same uid on every desk and a commune's edit of
it (a phone added to "UBND xã") updates that agency on the other desks instead of doubling it.

Each write of a commune entry appends a `contact` item to the team feed in the writer's own
transaction, with the whole entry as its body (core.team.contacts applies it: last writer wins)."""

from __future__ import annotations

import uuid

from sqlite_utils import Database

from supportdesk.core import phones
from supportdesk.core.team import feed

COMMUNE = "commune"
PROVINCE = "province"
KIND = "contact"  # the feed kind
_NAMESPACE = uuid.UUID("5d0c6f52-8a43-4e39-9f0e-1f6c2b7d0a18")  # of province entries' uids
_TEXT = ("name", "position", "unit", "agency", "email", "hours", "notes", "source")


def new_uid(db: Database, origin: str, match_key: str) -> str:
    """A new entry's global id: derived from its match key for a province entry (unless an
    entry renamed since holds it), random for the commune's own."""
    if origin == PROVINCE:
        derived = province_uid(match_key)
        if not db.execute("SELECT 1 FROM contacts WHERE uid = ?", [derived]).fetchone():
            return derived
    return uuid.uuid4().hex


def province_uid(match_key: str) -> str:
    return uuid.uuid5(_NAMESPACE, match_key).hex


def body(db: Database, contact_id: int, rec: dict, updated: str) -> dict:
    """The entry as it travels: every field a form or file can set, its agency by uid."""
    uid, agency_uid = db.execute(
        "SELECT c.uid, a.uid FROM contacts c LEFT JOIN contacts a ON a.id = c.agency_id "
        "WHERE c.id = ?",
        [contact_id],
    ).fetchone()
    return {
        "uid": uid,
        "kind": rec["kind"],
        **{k: rec[k] for k in _TEXT},
        "level": rec["level"],
        "verified": rec["verified"],
        "fields": list(rec["fields"]),
        "codes": list(rec["codes"]),
        "phones": [[p.number, p.ext, p.kind] for p in rec["phones"]],
        "agency_uid": agency_uid,
        "updated": updated,
    }


def record(received: dict) -> dict:
    """The stored-record shape (entries.normalise's) of a received body."""
    rec = {k: str(received.get(k) or "") for k in (*_TEXT, "kind", "level", "verified")}
    rec["fields"] = [str(f) for f in received.get("fields") or []]
    rec["codes"] = [str(c) for c in received.get("codes") or []]
    rec["phones"] = [phones.Phone(*map(str, p)) for p in received.get("phones") or []]
    return rec


def publish(db: Database, value: dict) -> None:
    """Append one of this desk's own changes of an entry to the feed (caller's transaction)."""
    feed.append_local(db, KIND, {**feed.stamp(db), "uid": value["uid"]}, value)


def publish_removal(db: Database, uid: str) -> None:
    publish(db, {"uid": uid, "removed": True})
