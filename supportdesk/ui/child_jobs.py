"""The app's syncs in child processes of lower priority (`supportdesk background JOB`).

A sync in a thread of the app shares Python's global lock with the window: while it merges a
month of a peer's requests, every page the person scrolls and every key they type waits for the
lock (bench: gui, team). A child process has its own lock and a lower priority, so the counter
keeps a core and the first claim on the other (docs/ARCHITECTURE.md, "Background work").

Jobs are driven by QProcess: nothing blocks the event loop, and the results come back as signals.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal

from supportdesk import processes

STOP_WAIT_MS = 3000


def _said(stderr: str) -> str:
    """The one line a failed command says, without the program's name in front."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    return lines[-1].removeprefix("supportdesk: ").strip() if lines else ""


class ChildJob(QObject):
    """One run of `supportdesk --data-dir D background JOB ARGS`."""

    done = Signal(object)  # the job's result, decoded from its JSON line
    failed = Signal(str)  # what went wrong, in words for the person

    def __init__(self, data_dir: Path, job: str, *args: str, parent: QObject | None = None):
        super().__init__(parent)
        program, *head = processes.own_command()
        self.process = QProcess(self)
        self.process.setProgram(program)
        self.process.setArguments([*head, "--data-dir", str(data_dir), "background", job, *args])
        if sys.platform == "win32":  # a console child must not flash a window at the counter
            self.process.setCreateProcessArgumentsModifier(_no_window)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)
        self._out = b""
        self._answered = False

    def start(self) -> ChildJob:
        self.process.start()
        return self

    @property
    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def stop(self, grace_ms: int = 0) -> None:
        """End it: a server is given `grace_ms` to stop on its own once its stdin closes; a sync
        is ended at once, which loses nothing (its writes are transactions, and what the hub or
        a peer did not acknowledge is sent again next time)."""
        if not self.running:
            return
        self.process.closeWriteChannel()
        if not grace_ms or not self.process.waitForFinished(grace_ms):
            self.process.kill()
            self.process.waitForFinished(STOP_WAIT_MS)

    def _read(self) -> None:
        """A server answers its first line while it keeps running: report it at once."""
        self._out += bytes(self.process.readAllStandardOutput())
        if not self._answered and b"\n" in self._out:
            line, self._out = self._out.split(b"\n", 1)
            try:
                result = json.loads(line.decode("utf-8"))
            except ValueError:
                return  # not our line (a library's notice): the exit code decides
            self._answered = True
            self.done.emit(result)

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        if self._answered and code == 0:
            return
        said = _said(bytes(self.process.readAllStandardError()).decode("utf-8", "replace"))
        if status == QProcess.ExitStatus.CrashExit or not said:
            said = QCoreApplication.translate(
                "ChildJob", "công việc chạy nền dừng bất thường (mã {0})"
            ).replace("{0}", str(code))
        self.failed.emit(said)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.failed.emit(
                QCoreApplication.translate("ChildJob", "không chạy được công việc nền: {0}")
                .replace("{0}", self.process.errorString())
            )  # fmt: skip


def run(parent: QObject, data_dir: Path, job: str, *args: str, on_done, on_error) -> ChildJob:
    """Start a one-shot job; it is deleted once it has finished and said so."""
    child = ChildJob(data_dir, job, *args, parent=parent)
    child.done.connect(on_done)
    child.failed.connect(on_error)
    child.process.finished.connect(child.deleteLater)
    return child.start()


def _no_window(args) -> None:
    args.flags |= 0x08000000  # CREATE_NO_WINDOW
