"""`supportdesk self-test` from the source tree: the same command CI runs against the bundle."""

import os
import subprocess
import sys
from pathlib import Path

from supportdesk.commands import selftest

ROOT = Path(__file__).parents[2]


def test_self_test_passes_every_step_as_a_process():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    out = subprocess.run(
        [sys.executable, "-m", "supportdesk", "self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    for step in selftest.STEPS:
        assert any(f"({step.key}): ok, " in line and " ms" in line for line in lines), out.stdout
    assert "ĐẠT" in lines[-1]


def test_self_test_names_the_failed_step_and_stops(tmp_path):
    ran = []

    def ok(scratch):
        ran.append("ok")
        return "fine"

    def broken(scratch):
        raise FileNotFoundError("resource catalog/procedures.json not found")

    steps = [
        selftest.Step("first", "Bước đầu", ok),
        selftest.Step("catalog", "Nạp danh mục", broken),
        selftest.Step("never", "Không chạy", ok),
    ]
    lines = []
    assert selftest.run_steps(steps, tmp_path, lines.append) == 1
    assert ran == ["ok"]
    assert "(catalog): LỖI" in lines[1] and "procedures.json" in lines[2]
    assert lines[-1] == "self-test: KHÔNG ĐẠT ở bước 'catalog'"


def test_self_test_is_listed_by_the_cli():
    from supportdesk.cli import build_parser

    assert "self-test" in build_parser().format_help()
