"""Background work: QThreadPool + QRunnable, results relayed to the GUI thread
(docs/ARCHITECTURE.md).

Each task opens its own SQLite connection (a connection must not cross threads). A task function
takes the connection first; when it returns a generator, each `(done, total)` it yields is sent as
progress and the task can be cancelled between steps; the generator's return value is the result.
"""

from __future__ import annotations

import inspect
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from supportdesk.core.errors import UserError, user_message


class TaskRelay(QObject):
    """Lives in the GUI thread; signals emitted from the worker are delivered queued."""

    finished = Signal(object)
    failed = Signal(object)  # the exception itself; handlers show core.errors.user_message(exc)
    cancelled = Signal()
    progress = Signal(int, int)


class Cancelled(Exception):
    pass


class Task(QRunnable):
    def __init__(self, db_path: Path | None, fn: Callable, args: tuple, relay: TaskRelay):
        super().__init__()
        self.setAutoDelete(True)
        self._db_path, self._fn, self._args, self.relay = db_path, fn, args, relay
        self.cancel_event = threading.Event()

    def run(self) -> None:
        db = None
        try:
            if self._db_path is not None:
                from supportdesk.core.store.connection import connect

                db = connect(self._db_path)
                result = self._fn(db, *self._args)
            else:
                result = self._fn(*self._args)
            if inspect.isgenerator(result):
                result = self._drain(result)
            self.relay.finished.emit(result)
        except Cancelled:
            self.relay.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 — reported to the GUI, which shows it
            if not isinstance(exc, UserError):  # our fault: keep the trace for the log
                traceback.print_exc()
            self.relay.failed.emit(exc)
        finally:
            if db is not None:
                db.close()

    def _drain(self, gen):
        try:
            while True:
                if self.cancel_event.is_set():
                    gen.close()
                    raise Cancelled
                done, total = next(gen)
                self.relay.progress.emit(int(done), int(total))
        except StopIteration as stop:
            return stop.value


class TaskRunner(QObject):
    """Starts tasks on its own pool (not the global instance) and keeps relays alive until done."""

    def __init__(self, db_path: Path | None, parent: QObject | None = None, threads: int = 2):
        super().__init__(parent)
        self.db_path = db_path
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._live: set[TaskRelay] = set()

    def start(
        self,
        fn: Callable,
        *args,
        on_done: Callable | None = None,
        on_error: Callable | None = None,
        on_progress: Callable | None = None,
        on_cancel: Callable | None = None,
        with_db: bool = True,
    ) -> Task:
        relay = TaskRelay(self)
        self._live.add(relay)
        if on_done:
            relay.finished.connect(on_done)
        if on_error:  # handlers get the message a person reads, never a type name
            relay.failed.connect(lambda exc: on_error(user_message(exc)))
        if on_cancel:
            relay.cancelled.connect(on_cancel)
        if on_progress:
            relay.progress.connect(on_progress)
        relay.finished.connect(lambda _r, relay=relay: self._release(relay))
        relay.failed.connect(lambda _e, relay=relay: self._release(relay))
        relay.cancelled.connect(lambda relay=relay: self._release(relay))
        task = Task(self.db_path if with_db else None, fn, args, relay)
        self.pool.start(task)
        return task

    def _release(self, relay: TaskRelay) -> None:
        self._live.discard(relay)
        relay.deleteLater()

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def stop(self, timeout_ms: int = 5000) -> bool:
        """Drop queued tasks and wait for running ones (window close, test teardown)."""
        self.pool.clear()
        return self.pool.waitForDone(timeout_ms)
