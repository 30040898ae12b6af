"""`supportdesk ask`, run as a real process the way a user or script runs it."""

import json

from tests.commands.cli import run_cli

run = run_cli


def test_ask_command_prints_json_and_text(tmp_path):
    out = run(tmp_path, "ask", "Tôi muốn làm khai sinh mới cho con sinh trong nước", "--json")
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert set(found) >= {"procedure", "also", "asked", "answer"}
    assert found["procedure"]["code"] == "1.001193" and "Giấy chứng sinh" in found["answer"]
    text = run(tmp_path, "ask", "dang ky khia sinh")
    assert text.returncode == 0 and "1.001193" in text.stdout and "khia" in text.stdout
    empty = run(tmp_path, "ask", "   ")
    assert empty.returncode == 2 and "Traceback" not in empty.stderr
