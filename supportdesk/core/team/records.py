"""Whole records that replicate last-writer-wins: the knowledge base's local articles (core.kb:
a uuid and updated_at each). The province's articles are not sent: every desk gets them from
the hub. (Directory entries travel as `contact` items written with each change instead:
core.team.contacts.)

An article is captured into the feed when this desk changed it since it last travelled (at
each sync and each pull a peer makes), with the whole article as the body. A received article
wins when its (updated_at, stamp, desk) is the highest seen for its uuid and no newer local
edit waits to be captured, so every desk keeps the same version."""

from __future__ import annotations

import json

from sqlite_utils import Database

from supportdesk.core.team import feed

KINDS = ("article",)


def _local_articles(db: Database) -> list[dict]:
    from supportdesk.core.kb import files, store

    mine = store.listing(db, origin="commune") + store.listing(
        db, origin="commune", status="retired"
    )
    return [{k: a.get(k) for k in files.EXPORTED} for a in mine]


def _latest(db: Database, kind: str, uid: str | None = None) -> dict[str, tuple]:
    """For each uid: (updated_at, stamp, origin, body) of its highest item."""
    where, params = "kind = ?", [kind]
    if uid is not None:
        where, params = "kind = ? AND uid = ?", [kind, uid]
    found: dict[str, tuple] = {}
    for item_uid, hlc, origin, body in db.execute(
        f"SELECT uid, hlc, origin, body FROM team_feed WHERE {where}", params
    ):
        value = json.loads(body or "{}")
        key = (value.get("updated_at") or "", hlc, origin, value)
        if item_uid not in found or key[:3] > found[item_uid][:3]:
            found[item_uid] = key
    return found


def capture(db: Database) -> int:
    """Put this desk's article changes since they last travelled into the feed."""
    known = _latest(db, "article")
    made = 0
    with db.atomic():
        for body in _local_articles(db):
            last = known.get(body["uuid"])
            if last is not None and last[3] == body:
                continue
            feed.append_local(db, "article", {**feed.stamp(db), "uid": body["uuid"]}, body)
            made += 1
    return made


def apply(db: Database, kind: str, item: dict) -> None:
    """A received article (inside the page's transaction, before its feed row is written)."""
    from supportdesk.core.kb import files, store

    body = item["body"]
    key = (body.get("updated_at") or "", int(item["hlc"]), item["origin"])
    last = _latest(db, kind, body["uuid"]).get(body["uuid"])
    if last is not None and last[:3] >= key:
        return
    here = store.get(db, body["uuid"])
    if here is not None and (here.get("updated_at") or "") > key[0]:
        return  # edited here meanwhile: that edit travels next and wins
    files.import_document(db, {"articles": [body], "retired": []})
