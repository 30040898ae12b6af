import sqlite3
from datetime import datetime, timedelta

import pytest

from supportdesk import cli, paths
from supportdesk.core import catalog, store
from supportdesk.core.store import backup, settings
from supportdesk.core.tabular import BadInputError
from tests.safety.helpers import damage, filled_store

CENTER = "Trung tâm Phục vụ hành chính công xã Ba Đình"


@pytest.fixture
def filled(data_dir):
    filled_store(data_dir)
    return data_dir


def test_daily_backup_once_a_day_keeps_the_last_n(filled):
    db = store.open_store(filled, seed=False)
    start = datetime(2026, 11, 1, 8, 30)
    made = [backup.daily(db, filled, now=start + timedelta(days=d)) for d in range(20)]
    assert all(made)
    assert backup.daily(db, filled, now=start + timedelta(days=19, hours=3)) is None
    kept = sorted(p.name for p in backup.backups_dir(filled).glob("*.db"))
    assert kept == sorted(p.name for p in made[-settings.REGISTRY[backup.KEEP_SETTING].default :])

    settings.put(db, backup.KEEP_SETTING, 3)
    backup.daily(db, filled, now=start + timedelta(days=20))
    kept = sorted(p.name for p in backup.backups_dir(filled).glob("*.db"))
    assert kept == ["supportdesk-20261119-083000-000000.db",
                    "supportdesk-20261120-083000-000000.db",
                    "supportdesk-20261121-083000-000000.db"]  # fmt: skip
    assert not list(backup.backups_dir(filled).glob("*partial*"))  # single-file backups only
    db.close()


def test_rotation_leaves_pre_migrate_and_pre_restore_copies(filled):
    folder = backup.backups_dir(filled)
    folder.mkdir()
    (folder / "pre-migrate-20260101T000000Z.db").write_bytes(b"")
    db = store.open_store(filled, seed=False)
    for _ in range(3):
        backup.create(db, filled, keep=1)
    db.close()
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and names[0].startswith("pre-migrate-")


def test_restore_round_trip_keeps_the_replaced_store(filled):
    db = store.open_store(filled, seed=False)
    saved = backup.create(db, filled)
    settings.put(db, "center_name", "đã đổi sau khi sao lưu")
    catalog.import_records(db, [(1, {"code": "1.999999", "name": "Thủ tục thêm sau"})])
    db.close()

    result = backup.restore(filled, saved)

    db = store.open_store(filled, seed=False)
    assert settings.get(db, "center_name") == CENTER
    assert catalog.get(db, "1.999999") is None and catalog.count(db) == 120
    db.close()
    old = sqlite3.connect(result.previous_copy)
    assert old.execute("SELECT count(*) FROM procedures").fetchone()[0] == 121
    old.close()
    assert backup.check(paths.store_path(filled)).ok


@pytest.mark.parametrize(
    "content",
    [b"", b"CODE,NAME\n1.000001,x\n", b"SQLite format 3\x00" + b"\x00" * 200, "sqlite-other"],
)
def test_restore_refuses_a_file_that_is_not_a_store(filled, tmp_path, content):
    bogus = tmp_path / "bogus.db"
    if content == "sqlite-other":  # a real SQLite database, but not ours
        other = sqlite3.connect(bogus)
        other.execute("CREATE TABLE t (x)")
        other.commit()
        other.close()
    else:
        bogus.write_bytes(content)
    before = paths.store_path(filled).read_bytes()
    with pytest.raises(BadInputError, match="không khôi phục được"):
        backup.restore(filled, bogus)
    assert paths.store_path(filled).read_bytes() == before
    assert not backup.backups_dir(filled).exists()  # not even a safety copy was needed
    assert cli.main(["--data-dir", str(filled), "restore", str(bogus)]) == 2


def test_restore_refuses_while_the_store_is_open(filled):
    db = store.open_store(filled, seed=False)
    saved = backup.create(db, filled)
    settings.put(db, "center_name", "vẫn đang mở")
    with pytest.raises(backup.StoreInUseError, match="đang được mở"):
        backup.restore(filled, saved)
    assert settings.get(db, "center_name") == "vẫn đang mở"
    db.close()


def test_check_reports_a_damaged_copy(filled, tmp_path, capsys):
    db = store.open_store(filled, seed=False)
    copy = backup.copy_to(db, tmp_path / "copy.db")
    db.close()
    assert backup.check(copy).ok
    damage(copy)
    report = backup.check(copy)
    assert report.is_store and not report.ok
    # Where the garbage lands depends on the schema's layout: integrity_check finds it, or the
    # first read of a damaged page already fails ("tệp bị hỏng").
    assert any("integrity_check" in p or "hỏng" in p for p in report.problems), report.problems
    assert cli.main(["--data-dir", str(filled), "check", str(copy)]) == 1
    assert "CÓ VẤN ĐỀ" in capsys.readouterr().out
    with pytest.raises(BadInputError):
        backup.restore(filled, copy)


def test_check_cli_json_and_exit_codes(filled, tmp_path, capsys):
    assert cli.main(["--data-dir", str(filled), "check", "--json"]) == 0
    assert '"ok": true' in capsys.readouterr().out
    text = tmp_path / "notes.txt"
    text.write_text("không phải kho dữ liệu", encoding="utf-8")
    assert cli.main(["--data-dir", str(filled), "check", str(text)]) == 2
    assert cli.main(["--data-dir", str(filled), "check", str(tmp_path / "missing.db")]) == 2


def test_backup_cli_to_a_file_and_never_over_one(filled, tmp_path, capsys):
    target = tmp_path / "usb" / "sao-lưu.db"
    assert cli.main(["--data-dir", str(filled), "backup", str(target)]) == 0
    assert backup.check(target).ok
    assert cli.main(["--data-dir", str(filled), "backup", str(target)]) == 2
    assert "đã tồn tại" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(filled), "backup", "--json"]) == 0
    assert '"backup"' in capsys.readouterr().out


def test_corrupt_store_at_open_names_the_latest_good_backup(filled):
    db = store.open_store(filled, seed=False)
    good = backup.create(db, filled, now=datetime(2026, 11, 20, 9, 0))
    newer = backup.create(db, filled, now=datetime(2026, 11, 21, 9, 0))
    db.close()
    damage(newer)  # the newest backup is bad too: it must be passed over
    live = paths.store_path(filled)
    damage(live)
    before = live.read_bytes()

    with pytest.raises(store.StoreCorruptError) as caught:
        store.open_store(filled, seed=False)

    assert caught.value.backup == good
    assert str(good) in str(caught.value) and "bị hỏng" in str(caught.value)
    assert backup.latest_good(filled) == good
    assert live.read_bytes() == before  # the damaged file is left for whoever investigates
    assert cli.main(["--data-dir", str(filled), "check"]) == 1

    backup.restore(filled, caught.value.backup)
    db = store.open_store(filled, seed=False)
    assert settings.get(db, "center_name") == CENTER
    db.close()
    kept = list(backup.backups_dir(filled).glob("pre-restore-*"))
    assert kept and kept[0].read_bytes()[:16] == before[:16]


def test_garbage_store_without_backups_says_so(data_dir):
    data_dir.mkdir(parents=True)
    paths.store_path(data_dir).write_bytes(b"this is not a database" * 300)
    with pytest.raises(store.StoreCorruptError, match="Không tìm thấy bản sao lưu") as caught:
        store.open_store(data_dir, seed=False)
    assert caught.value.backup is None
    assert cli.main(["--data-dir", str(data_dir), "catalog", "search", "khai sinh"]) == 1
