"""overlap.Writer: jobs run in order on one thread; a failure is raised in the caller and stops the rest.  Leaving
the block by an exception (a cancel, an invalid row, a failed write) with parts written is tested on the server in
tests/services/test_ledger_legacy_bulk.py: nothing is left in the database."""

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

