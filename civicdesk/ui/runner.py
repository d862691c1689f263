"""One background-op runner: database work runs on one worker thread, results come back as callbacks.

Modelled on Anki's ``taskman`` and git-cola's task runner: an op is a plain function; it runs on a
``QThreadPool`` with a single thread (so database work is serialised), and its success, failure and progress
come back to the GUI thread through a small signal channel.  An op started with a ``key`` supersedes the
previous op of that key: a result that arrives after the clerk moved on (new search, new filter) is dropped.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside an op by :meth:`Job.check` when the clerk cancelled it."""


class Job:
    """What an op sees of its own run: report progress, ask whether it was cancelled."""

    def __init__(self, channel: _Channel) -> None:
        self._channel = channel
        self.cancelled = False

    def progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self._channel.progressed.emit(done, total)

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()


class _Channel(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Job], Any], channel: _Channel, job: Job) -> None:
        super().__init__()
        self.fn, self.channel, self.job = fn, channel, job
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.job)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            if not isinstance(exc, Cancelled):
                log.debug("op failed: %s", "".join(traceback.format_exception(exc)))
            self._deliver(self.channel.failed, exc)
        else:
            self._deliver(self.channel.succeeded, result)

    @staticmethod
    def _deliver(signal: Any, value: Any) -> None:
        """Hand the outcome to the GUI thread; when the window (and the op's channel with it) was closed while
        the op ran, e.g. a connection check still running at exit, there is no one to tell: nothing to do."""
        try:
            signal.emit(value)
        except RuntimeError:  # "Signal source has been deleted"
            log.debug("op finished after its window closed")


class Op(QObject):
    """A running op: ``cancel()`` it; ``finished`` fires once, after its callbacks, whatever the outcome."""

    finished = Signal()

    def __init__(self, runner: Runner, key: str | None) -> None:
        super().__init__(runner)
        self.runner, self.key = runner, key
        self.channel = _Channel()
        self.job = Job(self.channel)
        self.stale = False
        self.done = False

    def cancel(self) -> None:
        self.job.cancelled = True


class Runner(QObject):
    """Runs ops on one worker thread; callbacks on the GUI thread; stale results dropped by key."""

    busy_changed = Signal(bool)
    #: every op's failure (but a cancel), stale or not, after its own callback: the connection watch listens
    op_failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._latest: dict[str, Op] = {}
        self._running: set[Op] = set()

    def run(
        self,
        fn: Callable[[Job], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        key: str | None = None,
    ) -> Op:
        """Start ``fn(job)`` on the worker; ``key`` makes older ops of the same key stale."""
        op = Op(self, key)
        if key is not None:
            previous = self._latest.get(key)
            if previous is not None:
                previous.stale = True
                previous.cancel()
            self._latest[key] = op

        @Slot(object)
        def succeeded(result: Any) -> None:
            if not op.stale and on_success is not None:
                on_success(result)
            self._finish(op)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            if not op.stale and not isinstance(exc, Cancelled) and on_failure is not None:
                on_failure(exc)
            elif not op.stale and not isinstance(exc, Cancelled) and on_failure is None:
                log.error("background op failed: %s", exc)
            self._finish(op)
            if not isinstance(exc, Cancelled):
                self.op_failed.emit(exc)

        op.channel.succeeded.connect(succeeded)
        op.channel.failed.connect(failed)
        if on_progress is not None:
            op.channel.progressed.connect(lambda d, t: None if op.stale else on_progress(d, t))
        self._running.add(op)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self.pool.start(_Task(fn, op.channel, op.job))
        return op

    def _finish(self, op: Op) -> None:
        op.done = True
        self._running.discard(op)
        if op.key is not None and self._latest.get(op.key) is op:
            del self._latest[op.key]
        op.finished.emit()
        if not self._running:
            self.busy_changed.emit(False)

    def is_busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (shutdown and tests); queued callbacks run on the next event loop turn."""
        return self.pool.waitForDone(msecs)
