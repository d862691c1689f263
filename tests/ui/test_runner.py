"""The Runner (civicdesk/ui/runner.py): results come back on the GUI thread, a superseded op's result and
progress are dropped, a cancelled op reports nothing, a failure reaches ``on_failure`` (or the log), and
``busy_changed`` brackets the work.  Real threads and a real event loop, offscreen."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThread

from civicdesk.errors import CivicDeskError
from civicdesk.ui.runner import Job, Runner

WAIT = 5_000


@pytest.fixture
def runner(qtbot: Any) -> Iterator[Runner]:
    made = Runner()
    yield made
    made.wait()


def test_result_reaches_the_gui_thread_and_busy_brackets_the_work(qtbot: Any, runner: Runner) -> None:
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    got: list[tuple[Any, bool]] = []
    worker_thread: list[bool] = []

    def op(job: Job) -> int:
        worker_thread.append(QThread.currentThread() is not qtbot_thread)
        return 42

    qtbot_thread = QThread.currentThread()
    handle = runner.run(op, on_success=lambda r: got.append((r, QThread.currentThread() is qtbot_thread)))
    assert runner.is_busy()
    with qtbot.waitSignal(handle.finished, timeout=WAIT):
        pass
    assert got == [(42, True)]  # the callback ran on the GUI thread
    assert worker_thread == [True]  # the op did not
    assert busy == [True, False] and not runner.is_busy() and handle.done


def test_a_newer_op_of_the_same_key_drops_the_older_result_and_progress(qtbot: Any, runner: Runner) -> None:
    release = threading.Event()
    seen: list[str] = []
    progress: list[tuple[str, int, int]] = []

    def old(job: Job) -> str:
        release.wait(WAIT / 1000)
        # the op does not look at job.cancelled: its result arrives anyway and must be dropped
        job._channel.progressed.emit(1, 2)
        return "old"

    first = runner.run(old, on_success=seen.append, key="search",
                       on_progress=lambda d, t: progress.append(("old", d, t)))
    second = runner.run(lambda job: (job.progress(1, 1), "new")[1], on_success=seen.append, key="search",
                        on_progress=lambda d, t: progress.append(("new", d, t)))
    assert first.stale and first.job.cancelled and not second.stale
    release.set()
    with qtbot.waitSignal(second.finished, timeout=WAIT):
        pass
    assert first.done
    assert seen == ["new"]
    assert progress == [("new", 1, 1)]
    assert not runner.is_busy()


def test_ops_of_different_keys_both_report(qtbot: Any, runner: Runner) -> None:
    seen: list[str] = []
    a = runner.run(lambda job: "a", on_success=seen.append, key="search")
    b = runner.run(lambda job: "b", on_success=seen.append, key="filter")
    with qtbot.waitSignals([a.finished, b.finished], timeout=WAIT):
        pass
    assert seen == ["a", "b"]  # one worker: in the order started


def test_cancel_stops_the_op_at_its_next_check_and_reports_nothing(qtbot: Any, runner: Runner) -> None:
    started = threading.Event()
    steps: list[int] = []
    outcomes: list[object] = []

    def long(job: Job) -> str:
        started.set()
        for i in range(10_000):
            job.progress(i, 10_000)  # raises Cancelled once cancelled
            steps.append(i)
            QThread.msleep(1)
        return "finished"

    handle = runner.run(long, on_success=outcomes.append, on_failure=outcomes.append)
    assert started.wait(WAIT / 1000)
    with qtbot.waitSignal(handle.finished, timeout=WAIT):
        handle.cancel()
    assert outcomes == []
    assert len(steps) < 10_000
    assert not runner.is_busy()


def test_a_failure_reaches_on_failure_on_the_gui_thread(qtbot: Any, runner: Runner) -> None:
    gui = QThread.currentThread()
    failures: list[tuple[BaseException, bool]] = []
    successes: list[object] = []

    def broken(job: Job) -> None:
        raise CivicDeskError("db.locked")

    handle = runner.run(broken, on_success=successes.append,
                        on_failure=lambda exc: failures.append((exc, QThread.currentThread() is gui)))
    with qtbot.waitSignal(handle.finished, timeout=WAIT):
        pass
    assert successes == []
    assert len(failures) == 1
    exc, on_gui = failures[0]
    assert isinstance(exc, CivicDeskError) and on_gui
    assert not runner.is_busy()


def test_a_failure_without_on_failure_is_logged_not_lost(qtbot: Any, runner: Runner,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    def broken(job: Job) -> None:
        raise ValueError("boom")

    with caplog.at_level(logging.ERROR, logger="civicdesk.ui.runner"):
        handle = runner.run(broken)
        with qtbot.waitSignal(handle.finished, timeout=WAIT):
            pass
    assert any("boom" in r.getMessage() for r in caplog.records)


def test_a_stale_failure_is_dropped(qtbot: Any, runner: Runner) -> None:
    release = threading.Event()
    failures: list[BaseException] = []

    def old(job: Job) -> None:
        release.wait(WAIT / 1000)
        raise ValueError("too late")

    first = runner.run(old, on_failure=failures.append, key="k")
    second = runner.run(lambda job: None, on_failure=failures.append, key="k")
    release.set()
    with qtbot.waitSignals([first.finished, second.finished], timeout=WAIT):
        pass
    assert failures == []
