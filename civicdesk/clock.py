"""The program's one clock: every "now" and "today" in CivicDesk is read here, and nowhere else.

Production runs on :class:`SystemClock`. Tests install a :class:`FixedClock` (``use(FixedClock(...))``, or the
``clock`` fixture) and move it with :meth:`FixedClock.advance`, so a test that depends on dates passes on any
day. A test that runs the real program in another process cannot reach this object; it computes its dates from
:func:`today` instead, and runs under libfaketime in the suite's date checks.

Conventions kept from the schema: stored timestamps are naive UTC (:func:`utcnow`); the office's calendar day
(deadlines, received and decision dates, print dates) is the local date (:func:`today`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone


class SystemClock:
    """The machine's clock."""

    def utcnow(self) -> datetime:
        return datetime.now(timezone.utc).replace(tzinfo=None)

    def now(self) -> datetime:
        """Local wall time, naive (for file names and what a clerk reads)."""
        return datetime.now()

    def today(self) -> date:
        return date.today()


class FixedClock:
    """A clock that stands still until told to move: ``FixedClock(datetime(2027, 7, 1, 9, 30))``.

    The given moment is local time; UTC is derived with the machine's offset at that moment, so ``today()`` and
    ``utcnow()`` agree as they do on the system clock. ``step`` moves the clock on by that much at every read,
    for code that must see time pass (ordering of audit entries).
    """

    def __init__(self, moment: datetime | date, step: timedelta = timedelta(0)) -> None:
        if not isinstance(moment, datetime):
            moment = datetime(moment.year, moment.month, moment.day, 10, 0)
        self._local = moment.replace(tzinfo=None)
        self._step = step

    def advance(self, delta: timedelta = timedelta(0), *, days: int = 0) -> None:
        self._local += delta + timedelta(days=days)

    def _read(self) -> datetime:
        current = self._local
        self._local += self._step
        return current

    def now(self) -> datetime:
        return self._read()

    def utcnow(self) -> datetime:
        return self._read().astimezone(timezone.utc).replace(tzinfo=None)  # a naive time is taken as local

    def today(self) -> date:
        return self._read().date()


_current: SystemClock | FixedClock = SystemClock()


def current() -> SystemClock | FixedClock:
    """The clock in force."""
    return _current


def set_clock(clock: SystemClock | FixedClock) -> SystemClock | FixedClock:
    """Install a clock; returns the one it replaced."""
    global _current
    previous, _current = _current, clock
    return previous


@contextlib.contextmanager
def use(clock: SystemClock | FixedClock) -> Iterator[SystemClock | FixedClock]:
    """``with use(FixedClock(...)):`` everything inside reads that clock."""
    previous = set_clock(clock)
    try:
        yield clock
    finally:
        set_clock(previous)


def utcnow() -> datetime:
    """Now, naive UTC: the stored form of every timestamp."""
    return _current.utcnow()


def now() -> datetime:
    """Now, local and naive: for file names and times shown to a clerk."""
    return _current.now()


def today() -> date:
    """The office's calendar day."""
    return _current.today()
