"""`supportdesk hub` administration from the command line: users (password on stdin in a
script), locking a commune, deleting a submission; every refusal one line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone

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


def test_a_notice_from_the_command_line_names_its_province_or_the_nation(tmp_path):
    db = tmp_path / "hub.db"
    vietnam = timezone(timedelta(hours=7))  # the CLI reads a time without offset as Vietnam's
    until = (datetime.now(vietnam) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    vague = hub(db, "notice", "Mất mạng", "--until", until)
    assert vague.returncode == 2 and "--nation" in vague.stderr and "Traceback" not in vague.stderr
    wrong = hub(db, "notice", "Mất mạng", "--until", until, "--province", "99")
    assert wrong.returncode == 2 and "99" in wrong.stderr
    posted = hub(db, "notice", "Tuyên Quang mất mạng", "--until", until, "--province", "08",
                 "--json")  # fmt: skip
    assert posted.returncode == 0, posted.stderr
    ours = json.loads(posted.stdout)
    assert ours["province"] == "08"
    national = hub(db, "notice", "VNeID bảo trì", "--until", until, "--nation")
    assert national.returncode == 0 and "toàn quốc" in national.stdout
    seen_in = {code: json.loads(hub(db, "notices", "--province", code, "--json").stdout)
               for code in ("08", "01")}  # fmt: skip
    assert sorted(n["text"] for n in seen_in["08"]) == ["Tuyên Quang mất mạng", "VNeID bảo trì"]
    assert [n["text"] for n in seen_in["01"]] == ["VNeID bảo trì"]
    # Retracting for a province touches that province's notices only.
    assert hub(db, "notice", "--retract", ours["id"], "--province", "01").returncode == 2
    assert hub(db, "notice", "--retract", ours["id"], "--province", "08").returncode == 0
    listing = hub(db, "notices")
    assert "Tuyên Quang mất mạng" not in listing.stdout and "toàn quốc" in listing.stdout
