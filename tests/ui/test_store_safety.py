"""The app's side of backups: the daily backup runs in the background, and a damaged store is
never opened blindly: the person is told and offered the latest good backup."""

import sqlite3

from supportdesk import paths
from supportdesk.core.store import backup
from supportdesk.core.store.connection import open_store
from supportdesk.ui import app as ui_app
from tests.ui.dialogs import answer_message_box


def test_daily_backup_runs_in_the_background(window, qtbot, configured_dir):
    with qtbot.waitSignal(window.background.backed_up, timeout=10_000) as made:
        window.background.back_up()
    assert made.args[0] and backup.check(made.args[0]).ok
    with qtbot.waitSignal(window.background.backed_up, timeout=10_000) as again:
        window.background.back_up()
    assert again.args[0] == ""  # one a day


def damage(store_file):
    data = bytearray(store_file.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 65536] = b"\xde\xad" * 32768
    store_file.write_bytes(bytes(data))


def prepare_damaged_store(directory):
    db = open_store(directory)
    good = backup.create(db, directory)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    damage(paths.store_path(directory))
    return good


def test_damaged_store_offers_the_latest_good_backup(qapp, configured_dir):
    good = prepare_damaged_store(configured_dir)
    seen = []
    answer_message_box("Khôi phục", seen)
    assert ui_app.run_app(configured_dir, exit_when_shown=True) == 0
    (said,) = seen
    assert "tệp bị hỏng" in said and str(paths.store_path(configured_dir)) in said
    assert "Khôi phục từ bản sao lưu này?" in said
    assert backup.check(paths.store_path(configured_dir)).ok
    with sqlite3.connect(good) as offered:  # the latest good backup is what came back
        expected = offered.execute("SELECT count(*) FROM requests").fetchone()[0]
    restored = open_store(configured_dir, seed=False)
    assert restored.execute("SELECT count(*) FROM requests").fetchone()[0] == expected > 0
    restored.close()
    assert list((configured_dir / "backups").glob("pre-restore-*"))  # the damaged file is kept


def test_declining_leaves_the_damaged_store_untouched(qapp, configured_dir):
    prepare_damaged_store(configured_dir)
    before = paths.store_path(configured_dir).read_bytes()
    seen = []
    answer_message_box("Thoát", seen)
    assert ui_app.run_app(configured_dir, exit_when_shown=True) == 1
    assert len(seen) == 1
    assert paths.store_path(configured_dir).read_bytes() == before
