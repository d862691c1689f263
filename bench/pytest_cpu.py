"""Where the test run's CPU goes: a pytest plugin that adds up the CPU seconds of each test module.

Run from the repository root::

    .venv/bin/python -m pytest -p bench.pytest_cpu

Each test's CPU is this process's CPU time plus that of the child processes it waited for (CLI and GUI
processes, a fork server's writers), taken before and after the test's setup, call and teardown; a module's
figure is the sum over its tests (its module and session fixtures fall on the test that first asks for them).
With pytest-xdist every worker writes its figures to a folder the controller named, and the controller prints
the modules that cost most, each worker's total and the sum, at the end of the run.  CPU seconds, not the wall
clock: they say what a change saves on a noisy machine.  Not a test and never fails.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FOLDER_ENV = "CIVICDESK_PYTEST_CPU_DIR"
SHOWN = 30
_modules: Counter[str] = Counter()


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and FOLDER_ENV not in os.environ:
        folder = tempfile.mkdtemp(prefix="civicdesk-cpu-")
        os.environ[FOLDER_ENV] = folder  # the workers inherit it
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    start = _cpu()
    yield
    _modules[item.nodeid.split("::")[0]] += _cpu() - start


def pytest_sessionfinish(session: pytest.Session) -> None:
    folder = Path(os.environ[FOLDER_ENV])
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    (folder / f"{worker}.json").write_text(json.dumps({"modules": _modules, "total": _cpu()}), encoding="utf-8")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    folder = Path(os.environ[FOLDER_ENV])
    modules: Counter[str] = Counter()
    totals = {}
    for file in sorted(folder.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        modules.update(data["modules"])
        totals[file.stem] = data["total"]
    if len(totals) > 1:  # the controller's children are the workers: their CPU is counted once, by each
        totals.pop("main", None)
    write = terminalreporter.write_line
    write(f"CPU seconds by test module (the {SHOWN} costliest; tests {sum(modules.values()):.1f} s):")
    for module, seconds in modules.most_common(SHOWN):
        write(f"  {seconds:7.1f}  {module}")
    write("CPU seconds by process (tests, collection and start-up): "
          + ", ".join(f"{name} {seconds:.1f}" for name, seconds in totals.items())
          + f"; load average {os.getloadavg()[0]:.2f}")
