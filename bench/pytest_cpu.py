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
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FOLDER_ENV = "CIVICDESK_PYTEST_CPU_DIR"
SHOWN = 30
_modules: dict[str, float] = defaultdict(float)
_walls: dict[str, float] = defaultdict(float)
_started = time.monotonic()
_first: list[float] = []  # the wall clock when this process's first test began
_order: list[tuple[str, float]] = []  # the modules in the order this process began them, and when


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--write-module-costs", metavar="FILE", type=Path,
                     help="write every module's CPU seconds to FILE (JSON), the order tests/conftest.py "
                          "schedules modules in (tests/module_costs.json)")


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and FOLDER_ENV not in os.environ:
        folder = tempfile.mkdtemp(prefix="civicdesk-cpu-")
        os.environ[FOLDER_ENV] = folder  # the workers inherit it
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    start, wall = _cpu(), time.monotonic()
    if not _first:
        _first.append(wall)
    yield
    module = item.nodeid.split("::")[0]
    if module not in _walls:
        _order.append((module, round(wall - _started, 1)))
    _modules[module] += _cpu() - start
    _walls[module] += time.monotonic() - wall


def pytest_sessionfinish(session: pytest.Session) -> None:
    folder = Path(os.environ[FOLDER_ENV])
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    now = time.monotonic()
    ready = (_first[0] if _first else now) - _started
    (folder / f"{worker}.json").write_text(json.dumps({
        "modules": _modules, "walls": _walls, "total": _cpu(), "ready": ready, "wall": now - _started, "order": _order,
    }), encoding="utf-8")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    folder = Path(os.environ[FOLDER_ENV])
    modules: Counter[str] = Counter()
    waits: Counter[str] = Counter()
    totals, processes = {}, {}
    for file in sorted(folder.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        modules.update(data["modules"])
        waits.update({m: w - data["modules"][m] for m, w in data["walls"].items()})
        totals[file.stem] = data["total"]
        processes[file.stem] = data
    if len(totals) > 1:  # the controller's children are the workers: their CPU is counted once, by each
        totals.pop("main", None)
        processes.pop("main", None)
    costs_file = terminalreporter.config.getoption("write_module_costs")
    if costs_file is not None:
        costs = {module: round(seconds, 1) for module, seconds in sorted(modules.items())}
        costs_file.write_text(json.dumps(costs, indent=1) + "\n", encoding="utf-8")
    write = terminalreporter.write_line
    write(f"CPU seconds by test module (the {SHOWN} costliest; tests {sum(modules.values()):.1f} s):")
    for module, seconds in modules.most_common(SHOWN):
        write(f"  {seconds:7.1f}  {module}")
    write("CPU seconds by process (tests, collection and start-up): "
          + ", ".join(f"{name} {seconds:.1f}" for name, seconds in totals.items())
          + f"; load average {os.getloadavg()[0]:.2f}")
    write("Wall seconds by process (start to first test, then to the end; the tests' wall minus their CPU): "
          + ", ".join(f"{name} {data['ready']:.1f} + {data['wall'] - data['ready']:.1f}"
                      f" (waiting {sum(data['walls'].values()) - sum(data['modules'].values()):.1f})"
                      for name, data in processes.items()))
    for name, data in processes.items():
        write(f"{name} began last: " + ", ".join(f"{m} at {t:.0f} s" for m, t in data["order"][-4:]))
    write("Waiting most (wall minus CPU seconds of the module's tests): "
          + ", ".join(f"{module} {seconds:.1f}" for module, seconds in waits.most_common(8)))
