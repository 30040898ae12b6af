"""A full disk and a read-only data dir: clear Vietnamese errors, nothing saved is lost."""

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from supportdesk import paths
from supportdesk.core import catalog, store
from supportdesk.core.store import backup, settings
from tests.safety.helpers import filled_store, procedures

ROOT = Path(__file__).resolve().parents[2]


def test_full_disk_keeps_every_acknowledged_write(data_dir):
    filled_store(data_dir)
    db = store.open_store(data_dir, seed=False)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    # SQLite refuses to grow the file past max_page_count with a real SQLITE_FULL.
    db.execute(f"PRAGMA max_page_count = {pages + 8}")
    acked = {}
    with pytest.raises(store.StoreFullError) as caught:
        for i in range(10_000):
            settings.put(db, f"ghi-chú-{i}", "Nguyễn Thị Hoà " * 40 + str(i))
            acked[f"ghi-chú-{i}"] = "Nguyễn Thị Hoà " * 40 + str(i)
    assert 0 < len(acked) < 10_000
    message = str(caught.value)
    assert "Ổ đĩa đã đầy" in message and "vẫn nguyên vẹn" in message
    assert isinstance(caught.value, sqlite3.OperationalError)  # callers' rollbacks still work

    # An import that does not fit is refused whole, and the store stays usable for reading.
    with pytest.raises(store.StoreFullError):
        catalog.import_records(db, list(enumerate(procedures(5, 50), start=1)))
    assert db.execute("SELECT count(*) FROM procedures WHERE code LIKE '15.%'").fetchone()[0] == 0
    assert catalog.search(db, "khai sinh").items
    db.close()

    db = store.open_store(data_dir, seed=False)
    assert {k: v for k, v in settings.get_all(db).items() if k in acked} == acked
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert catalog.count(db) == 120
    db.close()


def test_full_disk_during_a_backup_leaves_no_half_file(data_dir, monkeypatch):
    filled_store(data_dir)
    db = store.open_store(data_dir, seed=False)

    def tiny_disk(source, target):
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(str(target))
        dest.execute("PRAGMA max_page_count = 5")
        try:
            source.conn.backup(dest)
        finally:
            dest.close()

    monkeypatch.setattr(store.connection, "backup_copy", tiny_disk)
    with pytest.raises(store.StoreFullError, match="Ổ đĩa đã đầy"):
        backup.create(db, data_dir)
    assert list(backup.backups_dir(data_dir).iterdir()) == []
    db.close()


def test_read_only_store_file_on_write(data_dir, monkeypatch):
    """SQLite's own read-only mode (file:…?mode=ro) stands in for a read-only medium."""
    filled_store(data_dir)
    live = paths.store_path(data_dir)
    real_connect = sqlite3.connect

    def read_only(database, *args, **kwargs):
        if str(database) == str(live):
            return real_connect(live.as_uri() + "?mode=ro", *args, uri=True, **kwargs)
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    db = store.open_store(data_dir, seed=False)
    assert settings.get(db, "center_name")  # reading still works
    with pytest.raises(store.StoreReadOnlyError, match="chỉ cho phép đọc") as caught:
        settings.put(db, "center_name", "không ghi được")
    assert "vẫn nguyên vẹn" in str(caught.value)
    with pytest.raises(store.StoreReadOnlyError):
        catalog.import_records(db, list(enumerate(procedures(6, 5), start=1)))
    db.close()
    monkeypatch.undo()
    db = store.open_store(data_dir, seed=False)
    assert settings.get(db, "center_name").startswith("Trung tâm")
    assert catalog.count(db) == 120
    db.close()


PROBE = textwrap.dedent(
    """
    import sys
    from supportdesk import cli
    from supportdesk.core import store
    try:
        store.open_store(sys.argv[1], seed=False)
    except store.StoreReadOnlyError as exc:
        print("READONLY", exc)
    else:
        print("OPENED")
    sys.exit(cli.main(["--data-dir", sys.argv[1], "catalog", "search", "khai sinh"]))
    """
)


RO_BIND = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec "$2" -c "$3" "$1"'


def test_read_only_data_dir_at_open(tmp_path):
    """A data dir that cannot be written. root ignores permission bits, so as root the data dir
    is bind-mounted read-only in a private mount namespace (what a write-protected share does);
    as a normal user, chmod 555 is enough."""
    data = tmp_path / "data"
    filled_store(data)
    before = paths.store_path(data).read_bytes()
    command = [sys.executable, "-c", PROBE, str(data)]
    if os.geteuid() == 0:
        if not (shutil.which("unshare") and shutil.which("mount")):
            pytest.skip("running as root without unshare/mount: cannot make a read-only dir")
        command = ["unshare", "-m", "sh", "-c", RO_BIND, "sh", str(data), sys.executable, PROBE]
    else:
        data.chmod(0o555)
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        data.chmod(0o755)
    if "mount" in done.stderr and not done.stdout:
        pytest.skip(f"no private mount namespace here: {done.stderr.strip()}")
    assert done.stdout.startswith("READONLY"), done.stdout + done.stderr
    assert "chỉ cho phép đọc" in done.stdout and "vẫn nguyên vẹn" in done.stdout
    assert done.returncode == 1 and "chỉ cho phép đọc" in done.stderr
    assert paths.store_path(data).read_bytes() == before
