"""CPU seconds by step of one run: named functions wrapped with ``time.process_time()`` counters.

``with Steps([("judging", importer._RowJudge, "judge"), ...]) as steps: run()`` replaces each ``owner.attribute``
by a wrapper for the block and restores it after; ``steps.report(total, top)`` gives each step's inclusive CPU
and the part of ``total`` outside the ``top`` steps.  :class:`Timeline` marks wall-clock times the same way.
A step called inside itself counts once (the outermost call).  The
counters are the process's CPU, so a thread working beside a step (the 4-gram thread of a bulk insert, the
server writer's thread) is counted in the step it overlaps.  The wrappers cost a few microseconds a call: run
the steps in a run of their own, not in the one whose total is quoted.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from typing import Any


class _Patched:
    """Each ``(label, owner, attribute)`` of ``targets`` replaced by ``self._wrap(label, original)`` for the block,
    the originals put back after it."""

    def __init__(self, targets: Iterable[tuple[str, Any, str]]) -> None:
        self.targets = list(targets)
        self.calls = {label: 0 for label, _owner, _name in self.targets}
        self._saved: list[tuple[Any, str, Any]] = []

    def _wrap(self, label: str, original: Callable[..., Any]) -> Callable[..., Any]:
        raise NotImplementedError

    def _patch(self) -> None:
        for label, owner, name in self.targets:
            original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
            self._saved.append((owner, name, original))
            setattr(owner, name, self._wrap(label, getattr(owner, name)))

    def _restore(self) -> None:
        for owner, name, original in reversed(self._saved):
            setattr(owner, name, original)
        self._saved.clear()


class Steps(_Patched):
    def __init__(self, targets: Iterable[tuple[str, Any, str]]) -> None:
        super().__init__(targets)
        self.cpu = {label: 0.0 for label, _owner, _name in self.targets}
        self._depth = {label: 0 for label, _owner, _name in self.targets}

    def _wrap(self, label: str, original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.calls[label] += 1
            if self._depth[label]:
                return original(*args, **kwargs)
            self._depth[label] += 1
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.cpu[label] += time.process_time() - start
                self._depth[label] -= 1
        return timed

    def __enter__(self) -> Steps:
        self._patch()
        return self

    def __exit__(self, *exc: object) -> None:
        self._restore()

    def report(self, total: float, top: Iterable[str]) -> str:
        """One line: ``total`` CPU, each step's, and the rest of ``total`` outside the ``top`` steps (which must
        not nest in one another)."""
        parts = [f"{label} {self.cpu[label]:.2f} s ({self.calls[label]:,} calls)" for label, _o, _n in self.targets]
        rest = total - sum(self.cpu[label] for label in top)
        return f"CPU {total:.2f} s by step: " + "; ".join(parts) + f"; outside {', '.join(top)}: {rest:.2f} s"


class Timeline(_Patched):
    """Wall-clock marks of one run: for each named function, when its first call began and its last call ended,
    in seconds from the block's start, whichever thread calls it (a writer thread's parts, the judging's end).
    The wrappers are only timestamps: their cost is nothing beside the steps."""

    def __init__(self, targets: Iterable[tuple[str, Any, str]]) -> None:
        super().__init__(targets)
        self.began: dict[str, float] = {}
        self.ended: dict[str, float] = {}
        self._start = self.total = 0.0

    def _wrap(self, label: str, original: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(original)
        def marked(*args: Any, **kwargs: Any) -> Any:
            self.began.setdefault(label, time.perf_counter() - self._start)
            self.calls[label] += 1
            try:
                return original(*args, **kwargs)
            finally:
                self.ended[label] = time.perf_counter() - self._start
        return marked

    def __enter__(self) -> Timeline:
        self._start = time.perf_counter()
        self._patch()
        return self

    def __exit__(self, *exc: object) -> None:
        self.total = time.perf_counter() - self._start
        self._restore()

    def report(self) -> str:
        """One line: each step's first start and last end (s from the start), its calls, and the whole."""
        parts = [f"{label} {self.began[label]:.2f}-{self.ended[label]:.2f} s ({self.calls[label]:,} calls)"
                 for label, _o, _n in self.targets if label in self.began]
        return "; ".join(parts) + f"; whole {self.total:.2f} s"
