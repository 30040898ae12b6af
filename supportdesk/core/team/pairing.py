"""Pairing a desk with the team: a one-time code shown on one desk, typed on the other.

The inviting desk keeps the code (hashed use is pointless: it needs the code itself to open the
joiner's message) for 15 minutes and five tries; the first good join uses it up. Both sides
check the commune: desks of different communes never pair."""

from __future__ import annotations

import socket
import time

from sqlite_utils import Database

from supportdesk.core.store import settings
from supportdesk.core.team import membership, wire
from supportdesk.core.team.membership import TeamError

SETTING_INVITE = "team_invite"
INVITE_SECONDS = 15 * 60
MAX_TRIES = 5
DEFAULT_PORT = 8766  # the hub listens on 8765


def lan_address() -> str:
    """This PC's address on the office LAN (no packet is sent); loopback when there is none."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def invite(db: Database, *, host: str | None = None, port: int = DEFAULT_PORT,
           name: str = "", now: float | None = None) -> dict:  # fmt: skip
    """A new one-time code (the team is founded on the first invite) and where to reach us."""
    membership.found_team(db, name=name)
    code = wire.new_code()
    now = time.time() if now is None else now
    settings.put(db, SETTING_INVITE, {"code": code, "expires": now + INVITE_SECONDS, "tries": 0})
    return {"code": code, "address": f"{host or lan_address()}:{int(port)}"}


def answer(db: Database, request: dict, peer_host: str, *, now: float | None = None) -> dict:
    """The inviting desk's side of a join: check the code and the commune, grant a mark."""
    now = time.time() if now is None else now
    pending = settings.get(db, SETTING_INVITE)
    if not pending or pending["expires"] < now:
        raise TeamError("không có mã mời nào còn hạn trên máy này (chạy lại: team invite)")
    salt = wire.unb64(request.get("salt", ""))
    key = wire.code_key(pending["code"], salt)
    try:
        asked = wire.unseal(key, wire.unb64(request.get("box", "")))
    except wire.WireError as exc:
        tries = pending["tries"] + 1
        settings.put(db, SETTING_INVITE, {**pending, "tries": tries} if tries < MAX_TRIES else None)
        raise TeamError("mã mời không đúng") from exc
    team = membership.team(db)
    if asked.get("commune_code") != team["commune_code"]:
        raise TeamError(
            f"máy kia thuộc xã {asked.get('commune_code') or '(chưa đặt)'}, nhóm này thuộc xã "
            f"{team['commune_code']}: máy của hai xã khác nhau không ghép được"
        )
    joiner = str(asked["desk_id"])
    if joiner == membership.desk_id(db):
        raise TeamError("không thể ghép một máy với chính nó")
    with db.atomic():
        known = {m["desk_id"]: m["mark"] for m in membership.members(db)}
        avoid = {str(m) for m in asked.get("held_marks") or []}  # tickets the joiner holds
        mark = known.get(joiner) or membership.next_mark(db, avoid | membership.held_marks(db))
        settings.put(db, SETTING_INVITE, None)  # used up
        address = f"{peer_host}:{int(asked.get('port') or DEFAULT_PORT)}"
        membership.publish_member(db, joiner, mark, asked.get("name", ""), address)
    granted = {**team, "mark": mark, "members": membership.members(db),
               "inviter": membership.desk_id(db)}  # fmt: skip
    return {"box": wire.b64(wire.seal(key, granted))}


def join_request(db: Database, code: str, *, port: int = DEFAULT_PORT,
                 name: str = "") -> tuple[bytes, dict]:  # fmt: skip
    """(key, body) of a join: who we are, sealed with a key stretched from the code."""
    if membership.team(db):
        raise TeamError("máy này đã ở trong một nhóm")
    commune = membership.commune(db)
    if not commune:
        raise TeamError("chưa đặt mã xã cho máy này: không vào nhóm được")
    salt = wire.new_salt()
    key = wire.code_key(code, salt)
    asked = {"desk_id": membership.desk_id(db), "commune_code": commune, "name": name,
             "port": int(port), "held_marks": sorted(membership.held_marks(db))}  # fmt: skip
    return key, {"salt": wire.b64(salt), "box": wire.b64(wire.seal(key, asked))}


def accept(db: Database, key: bytes, answered: dict, address: str, name: str = "") -> dict:
    """Store what the inviting desk granted; remember where it is."""
    granted = wire.unseal(key, wire.unb64(answered.get("box", "")))
    if granted.get("commune_code") != membership.commune(db):
        raise TeamError("nhóm kia thuộc xã khác: không ghép")
    membership.join_as(db, {**granted, "name": name})
    membership.remember_address(db, granted["inviter"], address)
    return {"team_id": granted["team_id"], "mark": granted["mark"],
            "members": len(granted.get("members", []))}  # fmt: skip


def join(db: Database, address: str, code: str, *, port: int = DEFAULT_PORT, name: str = "",
         timeout: float = 20.0) -> dict:  # fmt: skip
    """The joining desk's side over HTTP: ask `address` with the code."""
    import requests

    from supportdesk.core.team.client import base_url, refused

    key, body = join_request(db, code, port=port, name=name)
    try:
        answered = requests.post(f"{base_url(address)}/team/v1/join", json=body, timeout=timeout)
    except requests.RequestException as exc:
        raise TeamError(
            f"không kết nối được tới {address}: máy kia đã bật team serve chưa?"
        ) from exc
    if answered.status_code != 200:
        raise refused(answered)
    return accept(db, key, answered.json(), address, name)


def pair_locally(inviter: Database, joiner: Database, name: str = "") -> dict:
    """Both sides of a pairing between two stores open in one process, without the network
    (the benchmark; an installer that sets up several desks from one PC)."""
    made = invite(inviter, host="127.0.0.1", port=DEFAULT_PORT)
    key, body = join_request(joiner, made["code"], name=name)
    answered = answer(inviter, body, "127.0.0.1")
    return accept(joiner, key, answered, made["address"], name)


def join_discovered(db: Database, code: str, *, port: int = DEFAULT_PORT, name: str = "") -> dict:
    """Join with no address typed: ask each desk of this commune that mDNS finds on the LAN
    (core.team.discovery) until the one that showed the code accepts it. Raises TeamError
    when none does, discovery.Unavailable when mDNS cannot run (then an address is typed)."""
    from supportdesk.core.team import discovery

    commune = membership.commune(db)
    if not commune:
        raise TeamError("chưa đặt mã xã cho máy này: không vào nhóm được")
    found = discovery.browse(commune, exclude=membership.desk_id(db))
    if not found:
        raise TeamError(
            f"không thấy máy nào của xã {commune} trên mạng nội bộ: máy mời đã bật team serve "
            "(hoặc ứng dụng) chưa? Có thể gõ địa chỉ máy mời"
        )
    refusals = []
    for peer in found:
        try:
            joined = join(db, peer["address"], code, port=port, name=name)
        except TeamError as exc:
            refusals.append(f"{peer['address']}: {exc}")
            continue
        return {**joined, "address": peer["address"]}
    raise TeamError("không máy nào nhận mã mời này (" + "; ".join(refusals) + ")")
