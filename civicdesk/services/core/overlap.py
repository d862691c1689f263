"""A unit's writes handed to a thread, so that the program works on while the database server works.

On PostgreSQL the client and the server are two processes: while a ``COPY`` of 5,000 organizations is checked,
inserted and indexed by the server, the program that sent it only waits, and while the program judges the next
rows of a ledger the server has nothing to do.  A :class:`Writer` runs the writes of a unit of work one after
another on a thread of its own (the unit's session and connection, used by no other thread meanwhile), and the
caller goes on with work that does not touch the database: the waits on the server overlap the caller's work.

The rules that keep this safe:

- a job uses the unit's session; the caller does not, until :meth:`Writer.drain` has returned (the thread then
  waits for the next job and holds nothing);
- jobs run in the order given; the first that fails stops the rest, and its exception is raised in the caller at
  the next :meth:`Writer.submit` or :meth:`Writer.drain` (the unit then rolls everything back);
- leaving the block by an exception (a cancel, a bad row) waits for the running job to end and runs no other:
  nothing is left running on the connection when the unit rolls back.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from typing import Any

_STOP = object()
#: the interpreter's thread switch interval while a writer runs (Python's default: 5 ms).  The writer's thread
#: comes back from each wait on the server wanting the interpreter, which the caller's thread, busy judging
#: rows, gives up only every switch interval: at 5 ms a ledger's writes waited more for that than the server.
SWITCH_INTERVAL_S = 0.0005


class Writer:
    """Jobs (callables) run in order on one thread; see the module's rules."""

    def __init__(self, name: str = "unit-writer") -> None:
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._error: BaseException | None = None
        self._on_failure: list[Callable[[], Any]] = []
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: Any) -> None:
        if kind is None:
            self.close()
        else:
            self._abandon()

    def submit(self, job: Callable[..., Any], *args: Any) -> None:
        """Run ``job(*args)`` after the jobs given before."""
        self._raise()
        self._jobs.put((job, args))

    def drain(self) -> None:
        """Wait until every job given has run; raise the first one's failure."""
        self._jobs.join()
        self._raise()

    def failed(self) -> bool:
        """Whether a job failed (its failure is raised at the next :meth:`submit` or :meth:`drain`)."""
        return self._error is not None

    def on_failure(self, call: Callable[[], Any]) -> None:
        """Have ``call()`` run on the writer's thread when a job fails from now on, so that a caller waiting for
        what the jobs hand it learns of the failure without a timed wait (a wait with a timeout is measured on
        the wall clock, which a test may set elsewhere).  A failure before this shows in :meth:`failed`."""
        self._on_failure.append(call)

    def close(self) -> None:
        """Drain, then end the thread."""
        try:
            self.drain()
        finally:
            self._stop()

    def _abandon(self) -> None:
        """The caller failed: run no job not yet started, wait for the running one, end the thread."""
        while True:
            try:
                self._jobs.get_nowait()
            except queue.Empty:
                break
            self._jobs.task_done()
        self._stop()

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join()
        sys.setswitchinterval(self._interval)

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            try:
                if item is _STOP:
                    return
                if self._error is None:  # after a failure the rest are passed over
                    job, args = item
                    try:
                        job(*args)
                    except BaseException as exc:  # noqa: BLE001 -- handed to the caller, raised there
                        self._error = exc  # first, then told: a call added meanwhile finds it failed()
                        for call in list(self._on_failure):
                            call()
            finally:
                self._jobs.task_done()
