"""`team leave`: refused without --yes; with it the desk forgets its team and keeps its data."""

from __future__ import annotations

from tests.commands.test_team_cli import new_desk, run, run_json


def test_team_leave_asks_for_yes_then_forgets_the_team_and_keeps_the_requests(capsys, tmp_path):
    desk = new_desk(tmp_path, "quay")
    run_json(capsys, "--data-dir", desk, "team", "invite", "--host", "127.0.0.1")
    made = run_json(capsys, "--data-dir", desk, "requests", "add", "--category", "vneid",
                    "--summary", "Quên mật khẩu VNeID")  # fmt: skip
    code, out = run(capsys, "--data-dir", desk, "team", "leave")
    assert code == 2 and "--yes" in out and "Traceback" not in out
    assert run_json(capsys, "--data-dir", desk, "team", "status")["team_id"] is not None

    assert run_json(capsys, "--data-dir", desk, "team", "leave", "--yes")["left"] is True
    status = run_json(capsys, "--data-dir", desk, "team", "status")
    assert status["team_id"] is None and status["members"] == []
    shown = run_json(capsys, "--data-dir", desk, "requests", "show", made["ticket"])
    assert shown["ticket"] == made["ticket"]
    code, out = run(capsys, "--data-dir", desk, "team", "leave", "--yes")
    assert code == 2 and "chưa vào nhóm" in out
    # Free to found or join another team of the commune.
    again = run_json(capsys, "--data-dir", desk, "team", "invite", "--host", "127.0.0.1")
    assert set(again) == {"code", "address"}
