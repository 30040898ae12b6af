"""Syncing with the team's other desks: pull what we lack, then push what they lack.

A peer that cannot be reached is not an error (offline-first: the work waits); a peer of another
team, or one whose answers do not open with the key, is reported and skipped. Pages are applied
one transaction each, so a sync cut off at any moment leaves both desks consistent and the
next sync carries on where this one stopped."""

from __future__ import annotations

import time
from collections.abc import Callable

import requests
from sqlite_utils import Database

from supportdesk.core.team import feed, membership, merge, pairing, records, state, wire
from supportdesk.core.team.membership import TeamError

TIMEOUT = (3.0, 60.0)  # connect, read: a desk switched off answers nothing at all
# The app's background sync: small pages (the write lock is held briefly) and a rest of nine
# times each page's time, so the counter's searches and saves rarely wait (bench: team).
BACKGROUND = {"page": 50, "gentle": 9.0}


def base_url(address: str) -> str:
    address = address.strip().rstrip("/")
    if "://" not in address:
        address = f"http://{address}"
    host_port = address.split("://", 1)[1]
    if ":" not in host_port.split("/", 1)[0]:
        address = f"{address}:{pairing.DEFAULT_PORT}"
    return address


def refused(answer: requests.Response) -> TeamError:
    try:
        reason = answer.json().get("error") or answer.reason
    except ValueError:
        reason = f"HTTP {answer.status_code}"
    return TeamError(f"máy kia từ chối: {reason}")


class Peer:
    """One conversation with a peer's endpoint, sealed with the team key."""

    def __init__(self, db: Database, address: str, session: requests.Session | None = None):
        team = membership.team(db)
        if not team:
            raise TeamError("máy này chưa vào nhóm nào (supportdesk team invite / team join)")
        self.url = base_url(address)
        self.key = bytes.fromhex(team["key"])
        self.team_id = team["team_id"]
        self.session = session or requests.Session()

    def call(self, route: str, value: dict) -> dict:
        answer = self.session.post(
            f"{self.url}/team/v1/{route}",
            data=wire.seal(self.key, value),
            headers={"X-Team": self.team_id, "Content-Type": "application/octet-stream"},
            timeout=TIMEOUT,
        )
        if answer.status_code != 200:
            raise refused(answer)
        return wire.unseal(self.key, answer.content)


def sync_with(
    db: Database,
    address: str,
    *,
    page: int = feed.PAGE,
    session: requests.Session | None = None,
    **options,
) -> dict:
    """Pull then push with the desk at `address`; {"sent", "received", "desk_id", "mark"}.
    `options` go to `exchange` (progress, gentle)."""
    result = exchange(db, Peer(db, address, session), page=page, **options)
    if result["desk_id"] and result["desk_id"] != membership.desk_id(db):
        membership.remember_address(db, result["desk_id"], address)
    return result


def exchange(
    db: Database,
    peer,
    *,
    page: int = feed.PAGE,
    progress: Callable[[int], None] | None = None,
    gentle: float = 0.0,
) -> dict:
    """The protocol over any `peer.call(route, value)`: HTTP between PCs, or a direct call.

    `gentle` > 0 rests that many times a page's time after each page: the app's background
    sync leaves the store and the processor to the person at the counter most of the time."""
    me = membership.desk_id(db)
    records.capture(db)
    received = 0
    while True:
        answer = peer.call("pull", {"from": me, "vector": feed.vector(db), "limit": page})
        started = time.perf_counter()
        got = merge.apply_page(db, answer["items"], progress)
        _rest(started, gentle)
        received += got
        if not answer["more"] or not got:
            break
    theirs = {str(k): int(v) for k, v in answer["vector"].items()}
    sent, held = 0, feed.vector(db)
    while True:
        items = feed.items_since(db, theirs, page, upto=held)
        if not items:
            break
        started = time.perf_counter()
        pushed = peer.call("push", {"from": me, "items": items})
        _rest(started, gentle)
        theirs = {str(k): int(v) for k, v in pushed["vector"].items()}
        sent += pushed["applied"]
        if not pushed["applied"]:
            break  # the peer refused the page's order: better stop than loop
    return {"sent": sent, "received": received, "desk_id": answer.get("desk_id"),
            "mark": answer.get("mark")}  # fmt: skip


def _rest(started: float, gentle: float) -> None:
    if gentle > 0:
        time.sleep(min(5.0, (time.perf_counter() - started) * gentle))


def sync_team(
    db: Database,
    addresses: list[str] | None = None,
    *,
    discover: bool = False,
    **options,
) -> dict:
    """Sync with every known desk (or the addresses given): {"sent", "received", "peers"}.

    With `discover`, a desk of the team that did not answer at its last known address (a PC
    that got a new address from the router), or whose address was never known, is looked up
    by mDNS (core.team.discovery) and tried there; when mDNS cannot run, "discovery" says so
    and the known addresses were tried all the same."""
    if not membership.team(db):
        raise TeamError("máy này chưa vào nhóm nào (supportdesk team invite / team join)")
    me = membership.desk_id(db)
    if addresses:
        targets = [(None, address) for address in addresses]
    else:
        targets = [(m["desk_id"], m["address"]) for m in membership.peers(db)]
    total = {"sent": 0, "received": 0, "peers": []}
    missed = {m["desk_id"] for m in membership.members(db) if m["desk_id"] != me}
    for desk, address in targets:
        outcome = _sync_one(db, address, options)
        total["peers"].append(outcome)
        if outcome["ok"] or outcome.get("refused"):
            missed.discard(desk)
            missed.discard(outcome.get("desk_id"))
    if discover and not addresses and missed:
        _sync_discovered(db, total, missed, options)
    for outcome in total["peers"]:
        total["sent"] += outcome["sent"]
        total["received"] += outcome["received"]
    state.record(db, total)
    return total


def _sync_one(db: Database, address: str, options: dict) -> dict:
    outcome = {"address": address, "ok": False, "sent": 0, "received": 0}
    try:
        outcome.update(sync_with(db, address, **options), ok=True)
    except requests.RequestException:
        outcome["error"] = "không kết nối được"
    except (TeamError, wire.WireError, merge.kinds.MergeError) as exc:
        outcome.update(error=str(exc), refused=True)  # it answered: something to fix
    return outcome


def _sync_discovered(db: Database, total: dict, missed: set[str], options: dict) -> None:
    """Try the team's silent desks where mDNS finds them; a desk reached there replaces its
    failed outcome (it was not offline, only elsewhere) and its new address is remembered."""
    from supportdesk.core.team import discovery

    try:
        found = discovery.browse(membership.commune(db), exclude=membership.desk_id(db))
    except discovery.Unavailable as exc:
        total["discovery"] = str(exc)
        return
    tried = {o["address"] for o in total["peers"]}
    known = {m["desk_id"]: m["address"] for m in membership.members(db)}
    for peer in found:
        if peer["desk_id"] not in missed or peer["address"] in tried:
            continue
        outcome = _sync_one(db, peer["address"], options)
        outcome["discovered"] = True
        old = known.get(peer["desk_id"])
        total["peers"] = [o for o in total["peers"] if not (o["address"] == old and not o["ok"])]
        total["peers"].append(outcome)
