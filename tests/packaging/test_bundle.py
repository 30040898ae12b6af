"""The real thing: build the PyInstaller bundle and run the frozen binary's self-test offscreen.

Takes about a minute on two cores (PyInstaller, then the checks), so it runs only when asked:
SUPPORTDESK_BUILD_BUNDLE=1 python -m pytest tests/packaging -m slow"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import build_bundle  # noqa: E402 — packaging/ is a folder of scripts, not a package

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("SUPPORTDESK_BUILD_BUNDLE") != "1",
        reason="builds the bundle for minutes; set SUPPORTDESK_BUILD_BUNDLE=1",
    ),
]


@pytest.fixture(scope="module")
def bundle():
    build = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_bundle.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=1800,
    )
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    return build


def test_frozen_self_test_passes_offscreen(bundle, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SUPPORTDESK_DATA_DIR": str(tmp_path)}
    out = subprocess.run(
        [str(build_bundle.cli_executable()), "self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "self-test: ĐẠT" in out.stdout


def test_frozen_app_runs_its_team_endpoint(bundle, tmp_path):
    """The app's own background job, as the app starts it in the bundle: the sealed bodies need
    PyNaCl's compiled part, which freezing once left out (`No module named '_cffi_backend'`)."""
    env = {**os.environ, "SUPPORTDESK_DATA_DIR": str(tmp_path)}
    out = subprocess.run(
        [str(build_bundle.cli_executable()), "background", "team-serve", "--port", "0"],
        stdin=subprocess.DEVNULL,  # closed at once: the endpoint answers, then stops
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert json.loads(out.stdout.splitlines()[0])["port"] > 0


def test_frozen_cli_lists_every_subcommand(bundle):
    out = subprocess.run(
        [str(build_bundle.cli_executable()), "--help"], capture_output=True, text=True
    )
    for command in build_bundle.expected_commands():
        assert f"    {command} " in out.stdout or f"    {command}\n" in out.stdout


def test_bundle_stays_within_budget_and_drops_unused_qt(bundle):
    assert build_bundle.folder_size_mib(build_bundle.BUNDLE) <= build_bundle.SIZE_BUDGET_MIB
    names = {p.name for p in build_bundle.BUNDLE.rglob("*")}
    for unwanted in ("libQt6Network.so.6", "libQt6Qml.so.6", "libgtk-3.so.0", "libqwayland.so"):
        assert unwanted not in names
    translations = [p.stem for p in build_bundle.BUNDLE.rglob("translations/*.qm")]
    assert all(t.endswith(("_vi", "_en")) for t in translations)
