"""Key/value settings kept in the store (commune, office hours, retention, hub address …)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database


def get(db: Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return default if row is None else json.loads(row[0])


def put(db: Database, key: str, value: Any) -> None:
    with db.atomic():
        encoded = json.dumps(value, ensure_ascii=False)
        db["settings"].upsert({"key": key, "value": encoded}, pk="key")


def get_all(db: Database) -> dict[str, Any]:
    return {k: json.loads(v) for k, v in db.execute("SELECT key, value FROM settings")}
