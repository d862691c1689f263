"""The 监管 workbench at N organizations: time until each tab's table shows its first rows, beside the register.

Usage: ``python bench/bench_workbench.py [--rows 1000000] [--repeat 3] [--keep DIR] [--tabs due,inspection,…]``

The database is :mod:`bench.bench_inspection`'s (a city of ``--rows`` generated organizations, every registered
one in the city's registry, the 2020 campaign with a report for ~92% of the due organizations; built once and
reused with ``--keep``), plus one spot-check plan of 2020 drawn at 4% (the city's legal minimum) over the
city's eligible organizations (set-up, not timed).  Offscreen Qt (``QT_QPA_PLATFORM=offscreen``), a warm
start (the database opened once).

Per repeat, as medians:

* baseline: the register's ``MainWindow`` built, shown, and its table painted with its first rows (what
  ``bench_register.py`` calls the first paint);
* each tab of a new :class:`~civicdesk.ui.supervision.workbench.SupervisionWorkbench` (``--tabs``: all eight by
  default), in the window's order: 到期提醒 from the window's construction (it opens on 到期提醒, the only tab
  made then; the remembered tab is cleared before each repeat), every other tab from showing it (which makes
  it) to its table(s) painted with rows (or, for a tab that has none in this database, to its load finished,
  marked "empty").  Before each tab the runner is let finish what the previous tab still loads (the rest of a
  list after its first page): the runner is one thread, and each figure is the tab's own.  Wall and CPU
  (``time.process_time``: the GUI thread and the runner's) are given.

The target (issue 16): each tab's tables paint their first rows in < 0.3 s at 1,000,000 organizations.
The load average is printed before and after.  A benchmark, not a test: it never fails on a figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_inspection import build  # noqa: E402
from civicdesk.services.core.database import Database  # noqa: E402
from civicdesk.services.supervision import spotcheck  # noqa: E402

TABS = ("due", "inspection", "rating", "spotcheck", "credit", "enforcement", "complaints", "parameters")
TIMEOUT = 600.0


def add_spotcheck_plan(db: Database) -> None:
    """One drawn plan of 2020 at 4% with a roster of 20 (once per database)."""
    if spotcheck.list_plans(db, year=2020):
        return
    if not spotcheck.list_inspectors(db):
        for n in range(20):
            spotcheck.add_inspector(db, f"检查员{n:02d}", by=None)
    plan = spotcheck.plan(db, 2020, str(Decimal("0.04")), by=None)
    start = time.perf_counter()
    drawn = spotcheck.draw(db, plan.id, by=None)
    print(f"set-up: spot check drawn, {drawn.drawn_count:,} of {drawn.eligible_count:,} "
          f"in {time.perf_counter() - start:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the database in this folder")
    parser.add_argument("--tabs", default=",".join(TABS), help="the tabs to time, comma-separated (in the "
                        "window's order; 到期提醒 is always opened first, and timed when named)")
    options = parser.parse_args(argv)
    named = options.tabs.split(",")
    if not set(named) <= set(TABS):
        parser.error(f"--tabs: one of {', '.join(TABS)}")
    timed = [k for k in TABS if k in named or k == "due"]
    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench_workbench_"))
    folder.mkdir(parents=True, exist_ok=True)
    db, _campaign = build(folder / f"inspection_{options.rows}.sqlite3", options.rows)
    add_spotcheck_plan(db)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from civicdesk.ui.context import AppContext
    from civicdesk.ui.labels import Labels
    from civicdesk.ui.main_window import MainWindow
    from civicdesk.ui.runner import Runner
    from civicdesk.ui.supervision.workbench import SETTINGS, SupervisionWorkbench

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(db, settings, Runner(), "zh")

    def wait(predicate: Any, timeout: float = TIMEOUT) -> None:
        # sleep between turns as an idle event loop does: a busy processEvents() loop holds the GIL and slows
        # the runner's thread (bench_register.py measured it five-fold)
        end = time.perf_counter() + timeout
        while not predicate():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() > end:
                raise TimeoutError

    def settle() -> None:
        for _ in range(3):
            ctx.runner.wait()
            app.processEvents()
            time.sleep(0.2)
        ctx.runner.wait()
        app.processEvents()

    def views(page: Any) -> list[Any]:
        return list(page.tables.values()) if hasattr(page, "tables") else [page.table]

    def has_rows(page: Any) -> bool:
        return any(v.model().rowCount() > 0 for v in views(page))

    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores, shared)")
    register: list[float] = []
    tabs: dict[str, list[float]] = {k: [] for k in timed}
    cpu: dict[str, list[float]] = {k: [] for k in timed}
    empty: dict[str, bool] = {}
    made: list[int] = []
    for n in range(options.repeat):
        t = time.perf_counter()
        window = MainWindow(ctx)
        window.show()
        wait(lambda w=window: w.model.rowCount() > 0)
        window.table.viewport().repaint()
        register.append(time.perf_counter() - t)
        settle()  # the window's later loads (the whole order, counts) are not the workbench's

        # a closed workbench remembers its last tab and opens on it: without this, repeat 2 opened on 参数 and
        # waited for ever for 到期提醒's rows (a tab that is not shown does not load)
        ctx.settings.remove(f"{SETTINGS}/tab")
        loaded: set[str] = set()
        t, c = time.perf_counter(), time.process_time()
        bench = SupervisionWorkbench(ctx, Labels(db, ctx.lang))
        bench.show()
        made.append(len(bench.pages.made()))
        for key in timed:
            if key != "due":  # 到期提醒 loads as the window opens: timed from its construction
                settle()
                t, c = time.perf_counter(), time.process_time()
                bench.set_tab(key)
            page = bench.pages[key]  # its load has started; its results arrive on a later turn of the loop
            page.loaded.connect(lambda _n, key=key, seen=loaded: seen.add(key))
            wait(lambda p=page, k=key, seen=loaded: has_rows(p) or k in seen)
            for view in views(page):
                view.viewport().repaint()
            tabs[key].append(time.perf_counter() - t)
            cpu[key].append(time.process_time() - c)
            empty[key] = not has_rows(page)
        settle()
        line = ", ".join(f"{k} {tabs[k][-1] * 1000:.0f} ms (CPU {cpu[k][-1] * 1000:.0f})" for k in timed)
        print(f"repeat {n + 1}: register first paint {register[-1] * 1000:.0f} ms; {line}")
        bench.close()
        window.close()
        app.processEvents()

    base = statistics.median(register)
    print(f"medians of {options.repeat} at {options.rows:,} organizations (load average after: "
          f"{os.getloadavg()[0]:.2f}; tabs made on opening: {max(made)}):")
    print(f"  baseline: register first rows painted   {base * 1000:8.0f} ms")
    for key in timed:
        m, mc = statistics.median(tabs[key]), statistics.median(cpu[key])
        note = "  (empty: load finished)" if empty[key] else ""
        print(f"  workbench tab {key:<12} first rows {m * 1000:8.0f} ms, CPU {mc * 1000:6.0f} ms "
              f"({m / base:.1f}x the register)  target < 300 ms{note}")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
