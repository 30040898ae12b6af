import sqlite3

import pytest

from supportdesk import paths
from supportdesk.core import store
from supportdesk.core.store import settings


def test_fresh_store_is_wal_with_foreign_keys(empty_db):
    assert empty_db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert empty_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert "procedures_fts" in empty_db.table_names()


def test_reopening_applies_nothing_twice(data_dir):
    store.open_store(data_dir, seed=False).close()
    db = store.open_store(data_dir, seed=False)
    assert store.migrate(db, paths.store_path(data_dir)) == []


def test_newer_store_is_refused_and_left_alone(data_dir):
    db = store.open_store(data_dir, seed=False)
    db["_sqlite_migrations"].insert(
        {"migration_set": "supportdesk", "name": "m999_from_the_future", "applied_at": "x"}
    )
    db.close()
    before = paths.store_path(data_dir).read_bytes()
    with pytest.raises(store.StoreTooNewError, match="phiên bản SupportDesk mới hơn"):
        store.open_store(data_dir, seed=False)
    assert paths.store_path(data_dir).read_bytes() == before


def test_pending_migration_takes_a_copy_first(data_dir, monkeypatch):
    db = store.open_store(data_dir, seed=False)
    settings.put(db, "commune_code", "00004")
    db.close()

    @store.migrations.migrations()
    def m998_test_only(db):
        db["extra"].create({"id": int}, pk="id")

    try:
        db = store.open_store(data_dir, seed=False)
        assert "extra" in db.table_names()
        copies = list((data_dir / "backups").glob("pre-migrate-*.db"))
        assert len(copies) == 1
        old = sqlite3.connect(copies[0])
        assert old.execute("SELECT value FROM settings").fetchone()[0] == '"00004"'
        assert "extra" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    finally:
        store.migrations.migrations._migrations.pop()


def test_garbage_file_is_a_clear_store_error(data_dir):
    data_dir.mkdir(parents=True)
    paths.store_path(data_dir).write_bytes(b"this is not a database" * 100)
    with pytest.raises(store.StoreError, match="Không mở được"):
        store.open_store(data_dir, seed=False)


def test_data_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ENV_DATA_DIR, str(tmp_path / "env"))
    assert paths.data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert paths.data_dir() == tmp_path / "env"
    monkeypatch.delenv(paths.ENV_DATA_DIR)
    assert "SupportDesk" in str(paths.data_dir())


def test_settings_round_trip_vietnamese(empty_db):
    settings.put(empty_db, "center_name", "Trung tâm Phục vụ hành chính công xã Ba Đình")
    settings.put(empty_db, "team_members", ["Lê Thị Hoà", "Trần Văn Đức"])
    assert settings.get(empty_db, "team_members") == ["Lê Thị Hoà", "Trần Văn Đức"]
    assert settings.get(empty_db, "missing", 7) == 7


def test_an_early_check_stands_in_for_the_check_and_a_damaged_store_is_still_refused(data_dir):
    """The app starts the store's check in a thread while Qt loads; a clean store then opens
    without a second check, a damaged one is refused exactly as by the check itself."""
    from supportdesk.core.store.connection import EarlyCheck
    from tests.safety.helpers import damage

    db = store.open_store(data_dir)  # seeded: the catalog fills enough pages to damage some
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    early = EarlyCheck(data_dir)
    assert early.passed()
    store.open_store(data_dir, check=early).close()

    damage(paths.store_path(data_dir))
    early = EarlyCheck(data_dir)
    assert not early.passed()
    with pytest.raises(store.StoreCorruptError):
        store.open_store(data_dir, check=early)
    assert not EarlyCheck(data_dir / "nowhere").passed()  # no store yet: nothing to vouch for
