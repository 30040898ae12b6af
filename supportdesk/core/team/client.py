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


def sync_team(db: Database, addresses: list[str] | None = None, **options) -> dict:
    """Sync with every known desk (or the addresses given): {"sent", "received", "peers"}."""
    if not membership.team(db):
        raise TeamError("máy này chưa vào nhóm nào (supportdesk team invite / team join)")
    targets = addresses or [m["address"] for m in membership.peers(db)]
    total = {"sent": 0, "received": 0, "peers": []}
    for address in targets:
        outcome = {"address": address, "ok": False, "sent": 0, "received": 0}
        try:
            outcome.update(sync_with(db, address, **options), ok=True)
        except requests.RequestException:
            outcome["error"] = "không kết nối được"
        except (TeamError, wire.WireError, merge.kinds.MergeError) as exc:
            outcome.update(error=str(exc), refused=True)  # it answered: something to fix
        total["sent"] += outcome["sent"]
        total["received"] += outcome["received"]
        total["peers"].append(outcome)
    state.record(db, total)
    return total
