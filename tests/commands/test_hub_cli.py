"""`supportdesk hub` administration from the command line: users (password on stdin in a
script), locking a commune, deleting a submission; every refusal one line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from supportdesk.core.sync import payload
from supportdesk.hub import access, service
from supportdesk.hub.storage import Storage
from tests.hub.kit import enrolled_token, summary


def hub(db, *args, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "supportdesk", "hub", *args, "--db", str(db)],
        input=stdin, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_add_user_reads_the_password_from_stdin_and_hashes_it(tmp_path):
    db = tmp_path / "hub.db"
    done = hub(db, "add-user", "lan", "--province", "08", stdin="một mật khẩu rất dài\n")
    assert done.returncode == 0 and "tỉnh 08" in done.stdout, done.stderr
    storage = Storage(db)
    try:
        with storage.tx(write=False) as tx:
            stored = tx.one("SELECT password_hash, province FROM users WHERE name = 'lan'")
        assert stored[0].startswith("$argon2id$") and stored[1] == "08"
        assert "một mật khẩu" not in stored[0]
        _token, session = access.login(storage, "lan", "một mật khẩu rất dài")
        assert session.user.province == "08"
    finally:
        storage.close()
    short = hub(db, "add-user", "binh", "--nation", stdin="ngắn\n")
    assert short.returncode == 2 and "10" in short.stderr and "Traceback" not in short.stderr
    both = hub(db, "add-user", "binh", stdin="một mật khẩu rất dài\n")
    assert both.returncode == 2  # --province or --nation is required


def test_lock_and_delete_submission(tmp_path):
    db = tmp_path / "hub.db"
    storage = Storage(db)
    try:
        token = enrolled_token(storage)
        body = payload.build(payload.summary_content(summary("2026-10")), commune_code="00001",
                             revision=1, install_id="install-1", app_version="t")  # fmt: skip
        service.ingest(storage, service.authenticate(storage, f"Bearer {token}"), body)
    finally:
        storage.close()
    assert hub(db, "lock", "00001").returncode == 0
    assert hub(db, "lock", "99999").returncode == 2
    deleted = hub(db, "delete-submission", "--commune", "00001", "--period", "2026-10", "--json")
    assert deleted.returncode == 0, deleted.stderr
    assert json.loads(deleted.stdout)["latest_revision"] is None
    again = hub(db, "delete-submission", body["submission_id"])
    assert again.returncode == 2 and "Traceback" not in again.stderr
    status = json.loads(hub(db, "status", "--json").stdout)
    assert status[0]["periods"] == []
