"""Who this desk is in its team: desk id, one-letter mark, the team key, the other desks.

The team key is kept in the store's settings, beside the data it protects: a person who can read
the store file already reads every request, so a separate key file would add no protection."""

from __future__ import annotations

import secrets

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.errors import UserError
from supportdesk.core.store import settings
from supportdesk.core.team import feed

SETTING_TEAM = "team"  # {"team_id", "commune_code", "key" (hex)}
SETTING_MARK = "desk_mark"
# Letters read aloud without doubt: no I/O (1/0), no Q (O), no Z (2 on a bad print).
MARKS = "ABCDEFGHJKLMNPRSTUVWXY"
KEY_BYTES = 32

desk_id = feed.desk_id


class TeamError(UserError, ValueError):
    """Pairing or syncing refused for a reason a person can act on (Vietnamese, one line)."""


def team(db: Database) -> dict | None:
    return settings.get(db, SETTING_TEAM)


def team_key(db: Database) -> bytes:
    found = team(db)
    if not found:
        raise TeamError("máy này chưa vào nhóm nào (supportdesk team invite / team join)")
    return bytes.fromhex(found["key"])


def desk_mark(db: Database) -> str:
    """The letter inside this desk's new tickets; "" while the desk works alone."""
    return settings.get(db, SETTING_MARK, "") or ""


def commune(db: Database) -> str:
    return text.clean(settings.get(db, "commune_code", "") or "")


def members(db: Database) -> list[dict]:
    rows = db.execute("SELECT desk_id, mark, name, address FROM team_desks ORDER BY mark, desk_id")
    return [dict(zip(("desk_id", "mark", "name", "address"), r)) for r in rows]


def found_team(db: Database, *, name: str = "") -> dict:
    """Make this desk the first member of a new team (on the first invite)."""
    existing = team(db)
    if existing:
        return existing
    code = commune(db)
    if not code:
        raise TeamError("chưa đặt mã xã cho máy này: không lập được nhóm")
    made = {"team_id": secrets.token_hex(16), "commune_code": code,
            "key": secrets.token_bytes(KEY_BYTES).hex()}  # fmt: skip
    # A desk that left a team keeps its mark (its tickets hold it); a new one takes a letter
    # no ticket here holds yet.
    mark = desk_mark(db) or next_mark(db, held_marks(db))
    with db.atomic():
        settings.put(db, SETTING_TEAM, made)
        settings.put(db, SETTING_MARK, mark)
        publish_member(db, desk_id(db), mark, name)
    return made


def held_marks(db: Database) -> set[str]:
    """The marks inside the tickets this desk holds from other desks (of a team it left): a
    new mark avoids them, so no ticket here is handed out twice."""
    me = desk_id(db)
    found = db.execute(
        "SELECT DISTINCT substr(ticket, -7, 1) FROM requests WHERE origin_desk != ?", [me]
    )
    return {letter for (letter,) in found if letter in MARKS}


def next_mark(db: Database, avoid: set[str] | frozenset[str] = frozenset()) -> str:
    taken = {m["mark"] for m in members(db)} | {desk_mark(db)} | set(avoid)
    for letter in MARKS:
        if letter not in taken:
            return letter
    raise TeamError(f"nhóm đã đủ {len(MARKS)} máy")


def publish_member(db: Database, desk: str, mark: str, name: str = "", address: str = "") -> None:
    """Record a desk of the team and let it travel to the others (a `member` item)."""
    stamped = {**feed.stamp(db), "uid": desk}
    body = {"desk_id": desk, "mark": mark, "name": text.clean(name)[:100],
            "address": address, "team_id": (team(db) or {}).get("team_id", "")}  # fmt: skip
    with db.atomic():
        apply_member(db, body, stamped["hlc"])
        feed.append_local(db, "member", stamped, body)


def apply_member(db: Database, body: dict, hlc: int) -> None:
    """Last writer wins, by stamp, so every desk ends with the same roster. A desk that left a
    team and joined another brings the old team's roster in its feed: it is passed on, never
    applied (items older than team ids in member bodies are taken as the team's)."""
    current = team(db)
    if body.get("team_id") and current and body["team_id"] != current["team_id"]:
        return
    db.execute(
        "INSERT INTO team_desks (desk_id, mark, name, address, hlc) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (desk_id) DO UPDATE SET mark = excluded.mark, name = excluded.name, "
        "address = CASE WHEN excluded.address != '' THEN excluded.address ELSE address END, "
        "hlc = excluded.hlc WHERE excluded.hlc > team_desks.hlc",
        [body["desk_id"], body["mark"], body.get("name", ""), body.get("address", ""), hlc],
    )


def remember_address(db: Database, desk: str, address: str) -> None:
    """Where a peer answered last: local knowledge, not replicated."""
    with db.atomic():
        db.execute("UPDATE team_desks SET address = ? WHERE desk_id = ?", [address, desk])


def join_as(db: Database, granted: dict) -> None:
    """Store what the inviting desk granted: the team, this desk's mark, the roster so far."""
    if team(db):
        raise TeamError("máy này đã ở trong một nhóm")
    with db.atomic():
        settings.put(db, SETTING_TEAM, {k: granted[k] for k in ("team_id", "commune_code", "key")})
        settings.put(db, SETTING_MARK, granted["mark"])
        for member in granted.get("members", []):
            # Stamp 0: the roster's own items arrive with the first sync and take over.
            apply_member(db, member, 0)
    publish_member(db, desk_id(db), granted["mark"], granted.get("name", ""))


def leave(db: Database) -> None:
    """This desk leaves its team: it forgets the team key, the other desks and any pending
    invitation, and keeps every request, article and contact it holds (with their tickets) and
    its mark, so its new tickets never repeat one it holds. It may then join another team of
    its commune (or found one); its history goes along, as a desk used alone would bring it."""
    if not team(db):
        raise TeamError("máy này chưa vào nhóm nào: không có nhóm để rời")
    with db.atomic():
        settings.put(db, SETTING_TEAM, None)
        settings.put(db, "team_invite", None)
        settings.put(db, "team_sync_state", None)  # core.team.state: no news of a left team
        db.execute("DELETE FROM team_desks")


def peers(db: Database) -> list[dict]:
    me = desk_id(db)
    return [m for m in members(db) if m["desk_id"] != me and m["address"]]
