"""The requests and stats command line, run as a real process the way a team member runs it.

Each run's clock reads Monday 23 November 2026, 10:00 at the counter: intake times, due times,
this month's statistics and the retention cut-off all depend on "now"."""

import json
from datetime import datetime

import pytest

from tests.clock import run_cli_at, vn

NOW = vn(2026, 11, 23, 10, 0)
pytestmark = pytest.mark.clock


def run(data_dir, *args, now=NOW):
    return run_cli_at(now, "--data-dir", str(data_dir), *args)


def add(data_dir, *extra):
    base = ["requests", "add", "--kind", "citizen", "--name", "Phạm Thị Hồng", "--phone"]
    return run(data_dir, *base, "0903 222 333", "--summary", "Không đăng nhập được", *extra)


def test_log_follow_escalate_resolve_and_count(data_dir):
    out = add(data_dir, "--category", "dvc_account", "--at", "2026-11-20T16:00", "--json")
    assert out.returncode == 0, out.stderr
    made = json.loads(out.stdout)
    assert made["ticket"] == "HT-2026-000001" and made["status"] == "new"
    # Friday 16:00 + 4 office hours: Monday 10:30, Vietnam time, with its offset.
    assert made["due_at"] == "2026-11-23T10:30:00+07:00"
    assert datetime.fromisoformat(made["created_at"]).utcoffset().total_seconds() == 7 * 3600

    steps = [
        ["--status", "in_progress", "--assignee", "Bình"],
        ["--escalate-to", "Sở Khoa học và Công nghệ", "--ref", "CV 15/TTPVHCC"],
        ["--status", "resolved", "--note", "Đã cấp lại mật khẩu"],
    ]
    for step in steps:
        out = run(data_dir, "requests", "update", "HT-2026-000001", *step, "--actor", "Bình")
        assert out.returncode == 0, out.stderr
    shown = json.loads(run(data_dir, "requests", "show", "1", "--json").stdout)
    assert shown["status"] == "resolved" and shown["resolution"] == "Đã cấp lại mật khẩu"
    assert [e["actor"] for e in shown["events"]] == ["cli", "Bình", "Bình", "Bình"]

    stats = json.loads(run(data_dir, "stats", "--period", "2026-11", "--json").stdout)
    assert stats["period"] == "2026-11"
    assert {k: stats["totals"][k] for k in ("received", "resolved", "escalated")} == {
        "received": 1, "resolved": 1, "escalated": 1,
    }  # fmt: skip
    assert stats["escalations"][0]["escalated_to"] == "Sở Khoa học và Công nghệ"

    found = json.loads(run(data_dir, "requests", "search", "pham hong", "--json").stdout)
    assert [r["ticket"] for r in found] == ["HT-2026-000001"]
    listed = json.loads(run(data_dir, "requests", "list", "--status", "resolved", "--json").stdout)
    assert len(listed) == 1


def test_resolved_now_and_appointment(data_dir):
    out = add(data_dir, "--category", "other", "--resolved-now", "--json")
    assert json.loads(out.stdout)["status"] == "resolved"
    out = add(data_dir, "--category", "other", "--at", "2026-11-20T10:00", "--due-days", "2")
    assert out.returncode == 0, out.stderr
    assert "25/11/2026 17:00" in out.stdout  # Monday, then Wednesday: 24/11 is a holiday


def test_bad_input_exit_2_one_line_nothing_changed(data_dir):
    assert add(data_dir, "--category", "vneid").returncode == 0
    bad = [
        ["requests", "add", "--phone", "0912345678", "--category", "nope", "--summary", "s"],
        ["requests", "add", "--phone", "0912345678", "--category", "vneid", "--summary",
         "s", "--at", "hôm qua"],
        ["requests", "add", "--phone", "0912345678", "--category", "vneid", "--summary",
         "s", "--kind", "alien"],
        ["requests", "update", "1", "--status", "closed"],
        ["requests", "update", "99", "--note", "x"],
        ["requests", "list", "--limit", "nhiều"],
        ["stats", "--period", "2026-13"],
    ]  # fmt: skip
    for args in bad:
        out = run(data_dir, *args)
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        assert len(out.stderr.strip().splitlines()) == 1 and out.stderr.startswith("supportdesk:")
    listed = json.loads(run(data_dir, "requests", "list", "--json").stdout)
    assert len(listed) == 1 and listed[0]["status"] == "new"
    assert len(json.loads(run(data_dir, "requests", "show", "1", "--json").stdout)["events"]) == 1


def test_purge_personal_reports_count(data_dir):
    add(data_dir, "--category", "vneid", "--at", "2023-05-02T09:00")
    add(data_dir, "--category", "vneid")
    out = run(data_dir, "requests", "purge-personal", "--json")
    assert out.returncode == 0 and json.loads(out.stdout) == {"anonymised": 1}
    out = run(data_dir, "requests", "purge-personal", "--older-than-months", "0")
    assert "1 yêu cầu" in out.stdout
    cats = json.loads(run(data_dir, "requests", "categories", "--json").stdout)
    assert cats[0]["code"] == "vneid" and len(cats) == 11


def test_calendar_lists_days_off_and_takes_a_local_day_off(data_dir):
    out = run(data_dir, "calendar", "--year", "2026", "--day-off", "2026-12-31", "--json")
    assert out.returncode == 0, out.stderr
    days = {d["date"]: d for d in json.loads(out.stdout)["days"]}
    assert days["2026-11-24"]["name"] == "Ngày Văn hóa Việt Nam"
    assert days["2026-12-31"]["off"]
    bad = run(data_dir, "calendar", "--office-hours", "17:00-07:30")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_add_checks_like_the_counter_form(data_dir):
    assert add(data_dir, "--category", "vneid").returncode == 0
    refused = {
        "số điện thoại": ["--phone", "12345"],
        "không phải số điện thoại": ["--phone", "không nhớ"],
        "không có thủ tục mã 9.999999": ["--procedure", "9.999999"],
    }
    for words, extra in refused.items():
        args = ["requests", "add", "--category", "vneid", "--summary", "Hỏi", *extra]
        out = run(data_dir, *args)
        assert out.returncode == 2, (extra, out.stdout, out.stderr)
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], (words, out.stderr)
    listed = json.loads(run(data_dir, "requests", "list", "--json").stdout)
    assert len(listed) == 1  # nothing was added by the refused ones

    # Name and phone are optional, as in the form; a known procedure and a landline are fine.
    out = run(data_dir, "requests", "add", "--category", "dvc_submit", "--summary",
              "Hỏi thủ tục khai sinh", "--procedure", "1.001193", "--json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    made = json.loads(out.stdout)
    assert made["procedure_code"] == "1.001193" and not made["requester_name"]
    out = add(data_dir, "--category", "vneid", "--phone", "024 3823 4567")
    assert out.returncode == 0, out.stderr


def test_note_without_resolving_is_a_note_event(data_dir):
    out = add(data_dir, "--category", "vneid", "--note", "Hẹn chiều mang CCCD", "--json")
    assert out.returncode == 0, out.stderr
    made = json.loads(out.stdout)
    assert made["status"] == "new" and not made["resolution"]
    assert [(e["action"], e["note"]) for e in made["events"]] == [
        ("created", None),
        ("note", "Hẹn chiều mang CCCD"),
    ]


def test_show_after_reopen_has_no_current_result(data_dir):
    out = add(data_dir, "--category", "vneid", "--resolved-now", "--note", "Đã cấp lại mật khẩu")
    assert out.returncode == 0, out.stderr
    assert "Đã cấp lại mật khẩu" in run(data_dir, "requests", "show", "1").stdout
    reopened = run(data_dir, "requests", "update", "1", "--status", "in_progress")
    assert reopened.returncode == 0, reopened.stderr
    shown = json.loads(run(data_dir, "requests", "show", "1", "--json").stdout)
    assert shown["status"] == "in_progress" and not shown["resolution"]
    assert shown["events"][1]["note"] == "Đã cấp lại mật khẩu"  # the history keeps it
    text = run(data_dir, "requests", "show", "1").stdout
    assert "Kết quả" not in text or "Đã cấp lại mật khẩu" not in text.split("Kết quả")[1][:80]
