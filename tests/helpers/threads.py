"""A call that must end: run on a thread of its own, failing the test when it is still running after a while."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any


def raised_within(call: Callable[[], Any], hangs: str, seconds: float = 60) -> list[BaseException]:
    """Run ``call`` on a thread and wait ``seconds`` for it; what it raised (empty when it returned).  A call
    still running then fails the test with ``hangs`` (the thread, a daemon, is left behind)."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as exc:  # noqa: BLE001 -- handed to the test
            raised.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), hangs
    return raised
