"""What goes wrong at the command line is said in one Vietnamese line: never a traceback, never
a Python exception's name, and a folder is not "file not found"."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from supportdesk import paths
from supportdesk.core.store import open_store

ROOT = Path(__file__).resolve().parents[2]
PYTHON_NAMES = re.compile(r"Traceback|\b[A-Z]\w*(Error|Exception)\b|HTTPConnection|<\w+")


def run(*args, env=None, data_dir=None):
    extra = ["--data-dir", str(data_dir)] if data_dir else []
    return subprocess.run(
        [sys.executable, "-m", "supportdesk", *extra, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def one_line(out, code: int, *words: str) -> str:
    assert out.returncode == code, (out.returncode, out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("supportdesk: "), out.stderr
    assert not PYTHON_NAMES.search(out.stderr), out.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def no_display_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items()}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return {**env, **extra}


@pytest.mark.parametrize("args", [[], ["gui"], ["gui", "--demo"]], ids=["bare", "gui", "demo"])
def test_no_display_is_one_line_not_an_abort(tmp_path, args):
    out = run(*args, env=no_display_env(), data_dir=tmp_path / "data")
    one_line(out, 1, "phiên đồ hoạ")


def test_display_that_cannot_be_reached_is_one_line(tmp_path):
    out = run("gui", env=no_display_env(DISPLAY=":97"), data_dir=tmp_path / "data")
    one_line(out, 1, "phiên đồ hoạ")


def test_catalog_export_to_a_folder_or_a_missing_folder(tmp_path):
    data = tmp_path / "data"
    one_line(run("catalog", "export", str(tmp_path), data_dir=data), 2, "thư mục", "tên tệp")
    missing = tmp_path / "khong-co" / "danh-muc.json"
    line = one_line(run("catalog", "export", str(missing), data_dir=data), 2, "không tồn tại")
    assert str(missing.parent) in line
    in_a_file = tmp_path / "tep.txt"
    in_a_file.write_text("x")
    one_line(run("catalog", "export", str(in_a_file / "a.json"), data_dir=data), 2, "là một tệp")


def test_catalog_and_contacts_import_of_a_folder(tmp_path):
    data = tmp_path / "data"
    for command in ("catalog", "contacts"):
        line = one_line(run(command, "import", str(tmp_path), data_dir=data), 2, "thư mục")
        assert "không tìm thấy" not in line
    one_line(run("catalog", "import", str(tmp_path / "khong.json"), data_dir=data), 2, "không tìm")


def test_hub_publish_catalog_of_a_missing_file_or_a_folder(tmp_path):
    hub_db = tmp_path / "hub.db"
    missing = tmp_path / "khong-co.json"
    line = one_line(run("hub", "publish-catalog", str(missing), "--db", str(hub_db)), 2)
    assert str(missing) in line and "không tìm thấy tệp" in line
    one_line(run("hub", "publish-catalog", str(tmp_path), "--db", str(hub_db)), 2, "thư mục")


def test_hub_status_of_a_missing_database_refuses_and_creates_nothing(tmp_path):
    hub_db = tmp_path / "go-nham.db"
    line = one_line(run("hub", "status", "--db", str(hub_db)), 2, "--db")
    assert str(hub_db) in line
    assert not hub_db.exists()
    one_line(run("hub", "status", "--db", str(tmp_path)), 2, "thư mục")


def test_enroll_to_an_unreachable_hub(tmp_path):
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = run(
        "enroll", "--hub", f"http://127.0.0.1:{port}", "--code", "ABCD-EFGH-JKMN",
        "--allow-http", data_dir=tmp_path / "data",
    )  # fmt: skip
    one_line(out, 1, "không kết nối được máy chủ tỉnh", f"127.0.0.1:{port}", "từ chối")


def test_data_dir_that_is_a_file(tmp_path):
    a_file = tmp_path / "supportdesk.db"
    a_file.write_bytes(b"")
    line = one_line(run("requests", "list", data_dir=a_file), 1, "là một tệp, không phải thư mục")
    assert "chỉ cho phép đọc" not in line
    one_line(run("catalog", "search", "khai sinh", data_dir=a_file / "con"), 1, "là một tệp")


def test_check_of_a_folder_is_not_file_not_found(tmp_path):
    one_line(run("check", str(tmp_path)), 2, "thư mục")


# --- a store on read-only media -----------------------------------------------------------------

RO_BIND = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'


def read_only(data: Path, *command: str) -> list[str]:
    """`command` with `data` write-protected: as root (who ignores permission bits) a read-only
    bind mount in a private mount namespace, as a user chmod 555."""
    if os.geteuid() != 0:
        data.chmod(0o555)
        return list(command)
    if not (shutil.which("unshare") and shutil.which("mount")):
        pytest.skip("running as root without unshare/mount: cannot make a read-only dir")
    return ["unshare", "-m", "sh", "-c", RO_BIND, "sh", str(data), *command]


def test_check_and_backup_of_a_store_on_read_only_media(tmp_path):
    data = tmp_path / "data"
    open_store(data).close()  # closed cleanly: no -wal left beside it
    before = paths.store_path(data).read_bytes()
    copy = tmp_path / "ban-sao.db"
    script = (
        "import sys\nfrom supportdesk.cli import main\n"
        "a = main(['--data-dir', sys.argv[1], 'check'])\n"
        "b = main(['--data-dir', sys.argv[1], 'backup', sys.argv[2]])\n"
        "print('codes', a, b)\n"
    )
    command = read_only(data, sys.executable, "-c", script, str(data), str(copy))
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        data.chmod(0o755)
    if "mount" in done.stderr and "codes" not in done.stdout:
        pytest.skip(f"no private mount namespace here: {done.stderr.strip()}")
    assert "codes 0 0" in done.stdout, done.stdout + done.stderr
    assert "tốt" in done.stdout and f"Đã sao lưu vào {copy}" in done.stdout
    assert paths.store_path(data).read_bytes() == before
    assert sorted(p.name for p in data.iterdir()) == ["supportdesk.db"]  # nothing written there
    assert run("check", str(copy)).returncode == 0
