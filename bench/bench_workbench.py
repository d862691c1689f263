"""The 监管 workbench at N organizations: time until each tab's table shows its first rows, beside the register.

Usage: ``python bench/bench_workbench.py [--rows 1000000] [--repeat 3] [--keep DIR]``

The database is :mod:`bench.bench_inspection`'s (a city of ``--rows`` generated organizations, every registered
one in the city's registry, the 2020 campaign with a report for ~92% of the due organizations; built once and
reused with ``--keep``), plus one spot-check plan of 2020 drawn at 4% (the city's legal minimum) over the
city's eligible organizations (set-up, not timed).  Offscreen Qt (``QT_QPA_PLATFORM=offscreen``), a warm
start (the database opened once).

Per repeat, as medians:

* baseline: the register's ``MainWindow`` built, shown, and its table painted with its first rows (what
  ``bench_register.py`` calls the first paint);
* each tab of a new :class:`~civicdesk.ui.supervision.workbench.SupervisionWorkbench`, in the window's order
  (到期提醒 loads on opening, every other tab when first shown): from showing the tab to its table(s) painted
  with rows (or, for a tab that has none in this database, to its load finished, marked "empty").  Before each
  tab the runner is let finish what the previous tab still loads (the rest of a list after its first page):
  the runner is one thread, and each figure is the tab's own.

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

TABS = ("due", "inspection", "rating", "spotcheck", "parameters")
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
    options = parser.parse_args(argv)
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
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench

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
    tabs: dict[str, list[float]] = {k: [] for k in TABS}
    empty: dict[str, bool] = {}
    for n in range(options.repeat):
        t = time.perf_counter()
        window = MainWindow(ctx)
        window.show()
        wait(lambda w=window: w.model.rowCount() > 0)
        window.table.viewport().repaint()
        register.append(time.perf_counter() - t)
        settle()  # the window's later loads (the whole order, counts) are not the workbench's

        loaded: set[str] = set()
        t = time.perf_counter()
        bench = SupervisionWorkbench(ctx, Labels(db, ctx.lang))
        for key in TABS:
            bench.pages[key].loaded.connect(lambda _n, key=key, seen=loaded: seen.add(key))
        bench.show()
        for key in TABS:
            page = bench.pages[key]
            if key != "due":  # 到期提醒 loads as the window opens: timed from its construction
                settle()
                t = time.perf_counter()
                bench.set_tab(key)
            wait(lambda p=page, k=key, seen=loaded: has_rows(p) or k in seen)
            for view in views(page):
                view.viewport().repaint()
            tabs[key].append(time.perf_counter() - t)
            empty[key] = not has_rows(page)
        ctx.runner.wait()
        app.processEvents()
        line = ", ".join(f"{k} {tabs[k][-1] * 1000:.0f} ms" for k in TABS)
        print(f"repeat {n + 1}: register first paint {register[-1] * 1000:.0f} ms; {line}")
        bench.close()
        window.close()
        app.processEvents()

    base = statistics.median(register)
    print(f"medians of {options.repeat} at {options.rows:,} organizations (load average after: "
          f"{os.getloadavg()[0]:.2f}):")
    print(f"  baseline: register first rows painted   {base * 1000:8.0f} ms")
    for key in TABS:
        m = statistics.median(tabs[key])
        note = "  (empty: load finished)" if empty[key] else ""
        print(f"  workbench tab {key:<12} first rows {m * 1000:8.0f} ms  ({m / base:.1f}x the register)"
              f"  target < 300 ms{note}")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
