"""Desks of one team for the tests: stores in data dirs, paired without a network, and a peer
that calls the other desk's endpoint functions directly (the HTTP path has its own tests)."""

from __future__ import annotations

import json
from pathlib import Path

from supportdesk.core.store import open_store, settings
from supportdesk.core.team import pairing, server


def new_desk(directory: Path, commune: str = "00001"):
    db = open_store(directory, seed=False)
    if not settings.get(db, "commune_code"):
        settings.put(db, "commune_code", commune)
    return db


def pair(inviter, joiner, name: str = "") -> dict:
    """Pair two open stores the way `team invite` / `team join` do, minus the HTTP."""
    made = pairing.invite(inviter, host="127.0.0.1", port=1)
    key, body = pairing.join_request(joiner, made["code"], port=1, name=name)
    answered = pairing.answer(inviter, json.loads(json.dumps(body)), "127.0.0.1")
    return pairing.accept(joiner, key, json.loads(json.dumps(answered)), "127.0.0.1:1", name)


class DirectPeer:
    """The other desk's endpoint called in-process, its answers passed through JSON as on the
    wire."""

    def __init__(self, db):
        self.db = db

    def call(self, route: str, value: dict) -> dict:
        action = {"pull": server.pull, "push": server.push}[route]
        return json.loads(json.dumps(action(self.db, json.loads(json.dumps(value)))))


def request_view(db) -> list[tuple]:
    """Every request as all desks must agree on it: everything but the local row id and the
    search index's text (each desk folds it itself; an old version folded it differently)."""
    cursor = db.execute("SELECT * FROM requests ORDER BY uid")
    names = [d[0] for d in cursor.description]
    keep = [i for i, n in enumerate(names) if n not in ("id", "search_text")]
    return [tuple(row[i] for i in keep) for row in cursor]


def timeline_view(db) -> list[tuple]:
    """Every request's timeline, as shown, in order."""
    return db.execute(
        "SELECT r.uid, e.uid, e.at, e.actor, e.action, e.from_status, e.to_status, e.changes, "
        "e.note, e.payload FROM request_events e JOIN requests r ON r.id = e.request_id "
        "ORDER BY r.uid, e.hlc, e.desk_id, e.uid"
    ).fetchall()


def contact_view(db) -> list[dict]:
    """Every entry of the commune's own as all desks must agree on it: by uid, with its agency's
    uid (row ids are each desk's own); the search index is checked through searches."""
    from supportdesk.core import directory
    from supportdesk.core.directory import shared

    out = []
    rows = db.execute("SELECT id, updated FROM contacts WHERE origin = 'commune' ORDER BY uid")
    for contact_id, updated in rows.fetchall():
        rec = directory.entries._record(db, contact_id)
        out.append({**shared.body(db, contact_id, rec, updated), "origin": db.execute(
            "SELECT origin FROM contacts WHERE id = ?", [contact_id]).fetchone()[0]})  # fmt: skip
    return out


def mdns_on_loopback() -> str:
    """127.0.0.1 where this machine's loopback carries multicast (a real advertisement found by
    a real browse); else the calling test is skipped, saying why (a CI container)."""
    import pytest

    from supportdesk.core.team import discovery

    probe = "0" * 31 + "1"
    advertiser = discovery.Advertiser("99999", probe, 9, "127.0.0.1").start()
    try:
        advertiser.ready.wait(15)
        reason = advertiser.problem
        if reason is None:
            try:
                seen = discovery.browse("99999", interface="127.0.0.1", seconds=2.0)
            except discovery.Unavailable as exc:
                reason = str(exc)
            else:
                if not any(p["desk_id"] == probe for p in seen):
                    reason = "multicast on 127.0.0.1 does not come back to this machine"
    finally:
        advertiser.close()
    if reason:
        print(f"mDNS skipped: {reason}")
        pytest.skip(reason)
    return "127.0.0.1"
