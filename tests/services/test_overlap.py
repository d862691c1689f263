"""overlap.Writer: jobs run in order on one thread; a failure is raised in the caller and stops the rest; leaving
the block by an exception runs no job not yet started and waits for the running one."""

from __future__ import annotations

import threading

import pytest

from civicdesk.services.core.overlap import Writer


def test_jobs_run_in_order_on_one_other_thread() -> None:
    ran: list[tuple[int, str]] = []
    with Writer() as writer:
        for i in range(50):
            writer.submit(lambda i=i: ran.append((i, threading.current_thread().name)))
        writer.drain()
        assert [i for i, _ in ran] == list(range(50))
        writer.submit(ran.append, (50, "x"))
    assert len(ran) == 51  # leaving the block drains
    assert {name for _, name in ran[:50]} == {"unit-writer"}


def test_a_failure_stops_the_rest_and_is_raised_in_the_caller() -> None:
    ran: list[int] = []

    def fail() -> None:
        raise ValueError("part 2 failed")

    with pytest.raises(ValueError, match="part 2 failed"):
        with Writer() as writer:
            writer.submit(ran.append, 1)
            writer.submit(fail)
            writer.submit(ran.append, 3)
            writer.drain()
    assert ran == [1]


def test_leaving_by_an_exception_runs_no_queued_job_and_waits_for_the_running_one() -> None:
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def slow() -> None:
        started.set()
        release.wait(10)
        ran.append("slow done")

    with pytest.raises(KeyboardInterrupt):
        with Writer() as writer:
            writer.submit(slow)
            writer.submit(ran.append, "queued")
            assert started.wait(10)
            threading.Timer(0.2, release.set).start()
            raise KeyboardInterrupt
    assert ran == ["slow done"]  # waited for, and the queued job never ran

