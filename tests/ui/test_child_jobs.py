"""The app's syncs run in child processes of lower priority (ui.child_jobs)."""

from __future__ import annotations

import os
import socket
import sys

import pytest
import requests

from supportdesk.ui.child_jobs import ChildJob


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_endpoint_answers_at_lower_priority_and_stops_when_asked(configured_dir, qtbot):
    server = ChildJob(configured_dir, "team-serve", "--port", str(_free_port()))
    with qtbot.waitSignal(server.done, timeout=20000) as answered:
        server.start()
    port = answered.args[0]["port"]
    pid = server.process.processId()
    try:
        requests.get(f"http://127.0.0.1:{port}/", timeout=5)  # it answers (POSTs are its work)
        if sys.platform.startswith("linux"):
            assert os.getpriority(os.PRIO_PROCESS, pid) >= os.getpriority(os.PRIO_PROCESS, 0) + 1
    finally:
        server.stop(grace_ms=5000)
    # It stopped on its own once its stdin closed: not killed.
    assert server.process.exitStatus() == server.process.ExitStatus.NormalExit
    assert server.process.exitCode() == 0
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/", timeout=2)


def test_a_failed_job_says_why_in_words(configured_dir, qtbot):
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = ChildJob(configured_dir, "team-serve", "--port", str(port))
        with qtbot.waitSignal(server.failed, timeout=20000) as failed:
            server.start()
    assert failed.args[0].startswith(f"không mở được cổng {port}")


def test_a_sync_answers_with_its_result(configured_dir, qtbot):
    job = ChildJob(configured_dir, "hub-sync", "--force")
    with qtbot.waitSignal(job.done, timeout=20000) as answered:
        job.start()
    assert answered.args[0]["not_enrolled"] is True  # the same dict runner.sync_now returns
    qtbot.waitUntil(lambda: not job.running, timeout=20000)


def test_background_jobs_are_not_offered_to_people(tmp_path):
    from tests.commands.cli import run_cli

    shown = run_cli(tmp_path, "--help")
    assert shown.returncode == 0 and "background" not in shown.stdout
