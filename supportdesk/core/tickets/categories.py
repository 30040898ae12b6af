"""Support topics (categories) of requests, each with its service time; editable, kept in the DB."""

from __future__ import annotations

import json
import re

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.errors import UserError

UNITS = ("hours", "days")
CODE_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_SERVICE = {"hours": 24 * 60, "days": 365}


class CategoryError(UserError, ValueError):
    pass


def load_shipped(db: Database) -> int:
    """Insert the shipped topics that the store does not have yet (keeps local edits), in one
    transaction."""
    from supportdesk.paths import resource

    doc = json.loads(resource("categories.json").read_text(encoding="utf-8"))
    known = {r[0] for r in db.execute("SELECT code FROM categories")}
    rows = [
        {
            "code": item["code"],
            "name": text.clean(item["name"]),
            "service_unit": "hours" if "hours" in item else "days",
            "service_value": int(item["hours"] if "hours" in item else item["days"]),
            "position": position,
            "active": 1,
        }
        for position, item in enumerate(doc["categories"])
        if item["code"] not in known
    ]
    with db.atomic():
        db["categories"].insert_all(rows)
    return len(rows)


def _row(r) -> dict:
    code, name, unit, value, position, active = r
    return {
        "code": code,
        "name": name,
        "service_unit": unit,
        "service_value": value,
        "position": position,
        "active": bool(active),
    }


_COLUMNS = "code, name, service_unit, service_value, position, active"


def all_categories(db: Database, include_inactive: bool = False) -> list[dict]:
    where = "" if include_inactive else "WHERE active = 1"
    sql = f"SELECT {_COLUMNS} FROM categories {where} ORDER BY position, code"
    return [_row(r) for r in db.execute(sql)]


def get(db: Database, code: str) -> dict | None:
    found = db.execute(f"SELECT {_COLUMNS} FROM categories WHERE code = ?", [code]).fetchone()
    return _row(found) if found else None


def names(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT code, name FROM categories"))


def save(
    db: Database,
    code: str,
    name: str,
    *,
    unit: str,
    value: int,
    active: bool = True,
) -> dict:
    """Add or edit a topic. A changed service time applies to requests logged from now on."""
    code = text.clean(code).lower()
    name = text.clean(name)
    if not CODE_RE.match(code):
        raise CategoryError(f"mã chủ đề không hợp lệ: {code!r} (chữ thường, số, dấu _)")
    if not name:
        raise CategoryError("chủ đề cần có tên")
    if unit not in UNITS:
        raise CategoryError(f"đơn vị thời hạn phải là {' hoặc '.join(UNITS)}")
    if not isinstance(value, int) or not 1 <= value <= MAX_SERVICE[unit]:
        raise CategoryError(f"thời hạn phải từ 1 đến {MAX_SERVICE[unit]} {unit}")
    with db.atomic():
        existing = get(db, code)
        position = existing["position"] if existing else _next_position(db)
        db["categories"].upsert(
            {
                "code": code,
                "name": name,
                "service_unit": unit,
                "service_value": value,
                "position": position,
                "active": int(active),
            },
            pk="code",
        )
    return get(db, code)


def _next_position(db: Database) -> int:
    return db.execute("SELECT coalesce(max(position), -1) + 1 FROM categories").fetchone()[0]
