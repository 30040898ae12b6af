"""Migrations run in the order of their numbers, and an old store upgrades to a new one's schema."""

import re
import shutil
import sqlite3
from pathlib import Path

from supportdesk.core.store import open_store
from supportdesk.core.store.migrations import migrations

# An empty store written by SupportDesk at commit 5ef1cc4, whose migrations ran m001, m003, m004,
# m002 (registration order then); every later version must open it and end with today's schema.
OLD_STORE = Path(__file__).parents[2] / "data" / "stores" / "store-main-5ef1cc4.db"


def _numbers(names):
    return [int(re.match(r"m(\d+)_", name).group(1)) for name in names]


def _schema(path: Path) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        return {(kind, name, re.sub(r"\s+", " ", sql)) for kind, name, sql in rows}
    finally:
        conn.close()


def test_migrations_are_registered_in_numbered_order():
    names = [step.name for step in migrations._migrations]
    # Numbers are reserved per issue (BRIEF), so one may land before a lower one: a gap is
    # allowed, a number out of order or twice is not.
    assert _numbers(names) == sorted(set(_numbers(names)))
    assert _numbers(names)[:4] == [1, 2, 3, 4]


def test_fresh_store_applies_them_in_numbered_order(data_dir):
    open_store(data_dir, seed=False).close()
    conn = sqlite3.connect(data_dir / "supportdesk.db")
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    assert _numbers(applied) == sorted(_numbers(applied))


def test_store_of_the_previous_version_upgrades_to_the_same_schema(tmp_path, data_dir):
    old = tmp_path / "old"
    old.mkdir()
    shutil.copy(OLD_STORE, old / "supportdesk.db")
    open_store(old, seed=False).close()
    open_store(data_dir, seed=False).close()
    assert _schema(old / "supportdesk.db") == _schema(data_dir / "supportdesk.db")
