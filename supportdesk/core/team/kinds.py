"""What travels for each kind of feed item, and how a received one is applied.

- event: a request event with its payload; a `created` event brings the request itself.
- member: a desk of the team (mark, name, address), last writer wins.
- article: a local knowledge-base article, as a whole record, last writer wins
  (core.team.records).
- contact: a commune's own directory entry, as a whole record (or its removal), last writer
  wins by stamp and desk (core.team.contacts, core.directory.shared).
Applying is idempotent: an item whose uid is already here changes nothing."""

from __future__ import annotations

import json

from sqlite_utils import Database

from supportdesk.core.team import contacts, membership, records
from supportdesk.core.tickets import replay

_EVENT_COLUMNS = (
    "uid", "desk_id", "hlc", "at", "actor", "action", "from_status", "to_status", "changes",
    "note", "payload",
)  # fmt: skip


class MergeError(ValueError):
    """A peer sent something this desk cannot place; the page is refused, nothing is applied."""


def fill_bodies(db: Database, items: list[dict]) -> None:
    """Give each item its body: events are read from the request log, 200 at a query."""
    wanted = [item["uid"] for item in items if item["kind"] == "event"]
    events = {}
    cols = ", ".join(f"e.{c}" for c in _EVENT_COLUMNS)
    for start in range(0, len(wanted), 200):
        chunk = wanted[start : start + 200]
        rows = db.execute(
            f"SELECT {cols}, r.uid FROM request_events e JOIN requests r ON r.id = e.request_id "
            f"WHERE e.uid IN ({', '.join('?' for _ in chunk)})",
            chunk,
        )
        for row in rows:
            events[row[0]] = {**dict(zip(_EVENT_COLUMNS, row[:-1])), "request_uid": row[-1]}
    for item in items:
        if item["kind"] != "event":
            item["body"] = json.loads(item["body"]) if item["body"] else None
        elif item["uid"] in events:
            item["body"] = events[item["uid"]]
        else:
            raise MergeError(f"sự kiện {item['uid']} có trong nhật ký nhưng không còn trong kho")


class Page:
    """What applying one page keeps track of: requests to replay once at its end."""

    def __init__(self, db: Database):
        self.columns = replay.columns(db)
        # Requests that already had events when one arrived. A request this page inserts from
        # its `created` event holds its snapshot already, until a later event touches it.
        self.touched: set[int] = set()

    def to_replay(self) -> list[int]:
        return sorted(self.touched)


def apply(db: Database, item: dict, page: Page) -> None:
    """Apply one received item (inside the page's transaction)."""
    kind, body = item["kind"], item["body"]
    if kind == "event":
        _apply_event(db, body, page)
    elif kind == "member":
        membership.apply_member(db, body, int(item["hlc"]))
    elif kind == contacts.KIND:
        contacts.apply(db, item)
    elif kind in records.KINDS:
        records.apply(db, kind, item)
    # Kinds a newer version added are kept in the feed (and passed on) but not interpreted.


def _apply_event(db: Database, body: dict, page: Page) -> None:
    if db.execute("SELECT 1 FROM request_events WHERE uid = ?", [body["uid"]]).fetchone():
        return
    found = db.execute("SELECT id FROM requests WHERE uid = ?", [body["request_uid"]]).fetchone()
    if found is not None:
        request_id = found[0]
        page.touched.add(request_id)
    elif body["action"] == "created" or "ticket" in json.loads(body["payload"] or "{}"):
        request_id = replay.insert_from(db, json.loads(body["payload"]), page.columns)
    else:
        raise MergeError(f"sự kiện {body['uid']} thuộc một yêu cầu chưa có ở máy này")
    values = {c: body[c] for c in _EVENT_COLUMNS}
    names = ", ".join(values)
    marks = ", ".join(f":{c}" for c in values)
    db.execute(
        f"INSERT INTO request_events (request_id, {names}) VALUES (:request_id, {marks})",
        {**values, "request_id": request_id},
    )
