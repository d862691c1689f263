"""The register window and its search at 1,000,000 organizations, against the naive ways, in one run.

Usage: ``python bench/bench_register.py [--rows 1000000] [--repeat 20] [--keep DIR] [--search] [--sorts]
[--no-like]`` (``--search`` / ``--sorts``: only that part, on the database opened read-only)

Measured (medians unless said; the machine is shared and noisy):

* first paint: ``MainWindow`` built and its table painted with the first rows, from a warm start (the
  database opened, caches warm), against a bare ``QAbstractTableModel`` over a Python list of every row;
  also the time the whole ordered-id array takes and a LIMIT/OFFSET jump to the middle after a sort;
* jump to the middle and the end, painted, in every sort order;
* sort by name: from the click to the whole order loaded;
* search: count + first page for a 2-character Chinese query, a longer one, a USCC prefix, pinyin initials
  and full pinyin: p50 and p95 over ``--repeat`` runs, against the LIKE scan, with the same matches checked;
* filters (``--filters`` alone): count, first page and whole order for the supervision filters (last year's
  inspection, rating in force) on synthetic summaries, against no filter and the legal-form filter;
* pinyin: a 100,000-row bulk insert with and without the search indexing (seq, pinyin, bigrams);
* process start to main window painted with rows, by the real start path (``python main.py --db``, fresh
  process and settings), fast and normal start, and the process's peak memory; ``--start-only [--db FILE]
  [--login-db FILE_WITH_ACCOUNTS] [--against OTHER_CHECKOUT]`` measures only that (wall and CPU to the first
  paint; the login dialog's for a database with accounts), A/B with another checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from civicdesk import clock  # noqa: E402

from bench.generate import generate_organizations, insert_communities  # noqa: E402
from civicdesk.models import Organization  # noqa: E402
from civicdesk.services.register import browse  # noqa: E402
from civicdesk.services.register import search  # noqa: E402
from civicdesk.services.core.bulk import bulk_cache, insert_rows, stamped  # noqa: E402
from civicdesk.services.core.database import Database, open_database  # noqa: E402
from civicdesk.services.admin.office import init_office  # noqa: E402
from civicdesk.services.register.organizations import LIVE_STATUSES  # noqa: E402

QUERIES = {"2-char Chinese": "通江", "3-char Chinese": "老年协", "longer Chinese": "老年协会", "USCC prefix": "5151110",
           "pinyin initials": "lnxh", "3-letter initials": "lnx", "full pinyin": "laonian"}


def build(path: Path, rows: int) -> Database:
    """A city database with ``rows`` generated organizations, indexed for search (cached between runs)."""
    if path.exists():
        db = open_database(path)
        with db.read() as s:
            if s.scalar(select(func.count()).select_from(Organization)) == rows:
                return db
        db.close()
        path.unlink()
    db = open_database(path)
    init_office(db, code="511100", name="乐山市民政局", level="city")
    data = generate_organizations(rows)
    start, cpu = time.perf_counter(), time.process_time()
    phases: list[tuple[str, float, float]] = []

    def phase(name: str) -> None:  # wall and CPU seconds since the previous phase
        nonlocal start, cpu
        phases.append((name, time.perf_counter() - start, time.process_time() - cpu))
        start, cpu = time.perf_counter(), time.process_time()

    with db.unit() as session, bulk_cache(session, rows):  # as load_demo: the bulk page cache for the unit
        insert_communities(session)  # the guided rows' community_code points to them
        prepared = stamped(data, datetime.now())
        phase("stamp")
        search.prepare_rows(session, prepared, ahead=True)  # as load_demo: the 4-grams made during the insert
        phase("seq, pinyin, rank")
        insert_rows(session, [(Organization.__table__, prepared)])
        phase("insert")
        search.index_rows(session, prepared)
        phase("search index")
    phase("commit")
    print(f"built {rows:,} rows with their search index in {sum(w for _, w, _ in phases):.1f} s "
          f"(CPU {sum(c for _, _, c in phases):.1f} s; load {os.getloadavg()[0]:.1f}): "
          + ", ".join(f"{name} {w:.1f} s (CPU {c:.1f})" for name, w, c in phases))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    return db


def open_read_only(path: Path) -> Database:
    """The database at ``path`` opened read-only (SQLite's ``immutable``: no lock, no WAL or shm file, no
    migration, no backup): the search and sort parts only read, so a prebuilt file shared between engineers is
    measured as it is and never written (a write would fail)."""
    from civicdesk.models.engine import make_engine

    url = f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true"
    return Database(make_engine(url), url, path)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def bench_search(db: Database, repeat: int, with_like: bool = True) -> None:
    """Count + first page per query kind, p50/p95 wall and median CPU; against the LIKE scan unless ``with_like`` is
    False (``--no-like``: the scans take minutes at a million rows)."""
    print(f"\nsearch: count + first page (100 rows by name), load {os.getloadavg()[0]:.2f}")
    for label, query in QUERIES.items():
        flt = browse.RegisterFilter(text=query)  # the window's default filter: the existing organizations
        fast, slow, cpu = [], [], []
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            n, _rows = browse.count_and_first_page(db, flt, "name", False, 100)  # as the table model asks
            fast.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        if not with_like:
            print(f"  {label:16} {query!r:12} {n:>8,} hits  index p50 {ms(pct(fast, .5))} p95 {ms(pct(fast, .95))}"
                  f"  CPU p50 {ms(pct(cpu, .5))}")
            continue
        live = (Organization.deleted_at.is_(None), Organization.status.in_(LIVE_STATUSES))
        with db.read() as s:
            like = search.like_condition(query)
            for _ in range(max(3, repeat // 4)):
                t = time.perf_counter()
                n_like = s.scalar(select(func.count()).select_from(Organization).where(like, *live))
                s.execute(select(Organization.id).where(like, *live)
                          .order_by(Organization.name_pinyin).limit(100)).all()
                slow.append(time.perf_counter() - t)
            same = set(s.scalars(select(Organization.id).where(like, *live))) == set(
                s.scalars(select(Organization.id).where(search.condition(s, query), *live)))
        print(f"  {label:16} {query!r:12} {n:>8,} hits  index p50 {ms(pct(fast, .5))} p95 {ms(pct(fast, .95))}"
              f"  LIKE p50 {ms(pct(slow, .5))}  {statistics.median(slow) / statistics.median(fast):.1f}x faster"
              f"  same matches: {same and n == n_like}")


def fill_supervision(db: Database) -> None:
    """Synthetic supervision summaries (the derived columns), the same on every run: about 55 % of the
    organizations passed last year's inspection, 15 % basic, 3 % failed, 12 % were last inspected the year
    before, the rest never; 22 % hold a rating, a fifth of them expired."""
    year = clock.today().year
    with db.unit() as session:
        if session.scalar(select(func.count()).select_from(Organization)
                          .where(Organization.inspection_year.is_not(None))):
            return
        session.connection().exec_driver_sql(
            "UPDATE organization SET"
            " inspection_year = CASE WHEN (seq * 2654435761) % 1000 < 730 THEN ? WHEN (seq * 2654435761) % 1000"
            "  < 850 THEN ? END,"
            " inspection_conclusion = CASE WHEN (seq * 2654435761) % 1000 < 550 THEN 'pass'"
            "  WHEN (seq * 2654435761) % 1000 < 700 THEN 'basic' WHEN (seq * 2654435761) % 1000 < 730 THEN 'fail'"
            "  WHEN (seq * 2654435761) % 1000 < 850 THEN 'pass' END,"
            " rating_grade = CASE WHEN (seq * 40503) % 1000 < 30 THEN '5A' WHEN (seq * 40503) % 1000 < 80 THEN '4A'"
            "  WHEN (seq * 40503) % 1000 < 150 THEN '3A' WHEN (seq * 40503) % 1000 < 200 THEN '2A'"
            "  WHEN (seq * 40503) % 1000 < 220 THEN '1A' END,"
            " rating_valid_to = CASE WHEN (seq * 40503) % 1000 < 220 THEN (? + (seq * 40503) % 5 - 1) || '-12-31' END",
            (year - 1, year - 2, year))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


FILTERS = {"none (default)": {}, "legal form foundation": {"legal_form": "foundation"},
           "inspection pass": {"inspection": "pass"}, "inspection fail": {"inspection": "fail"},
           "inspection none": {"inspection": "none"}, "rating rated": {"rating": "rated"},
           "rating 5A": {"rating": "5A"}, "rating none": {"rating": "none"},
           "fail + township search": {"inspection": "fail", "text": "通江"}}


def bench_filters(db: Database, repeat: int) -> None:
    """The register's supervision filters as the table model runs them: count + first page, then the order."""
    fill_supervision(db)
    print("\nfilters: count + first page (200 rows by name) | whole order by name | by established_on")
    for label, values in FILTERS.items():
        flt = browse.RegisterFilter(**values)
        first, order, other = [], [], []
        for _ in range(repeat):
            t = time.perf_counter()
            n = browse.count(db, flt)
            browse.first_page(db, flt, "name", False, 200, expected=n)
            first.append(time.perf_counter() - t)
            t = time.perf_counter()
            seqs = browse.ordered_seqs(db, flt, "name")
            order.append(time.perf_counter() - t)
            t = time.perf_counter()
            browse.ordered_seqs(db, flt, "established_on")
            other.append(time.perf_counter() - t)
        assert len(seqs) == n
        print(f"  {label:24} {n:>8,} rows  first p50 {ms(pct(first, .5))} p95 {ms(pct(first, .95))}"
              f"  order p50 {ms(pct(order, .5))}  order by date p50 {ms(pct(other, .5))}")


def bench_window(db: Database) -> None:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from civicdesk.ui.context import AppContext
    from civicdesk.ui.main_window import MainWindow
    from civicdesk.ui.runner import Runner
    from civicdesk.ui.register.org_table_model import SORT_KEYS

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(db, settings, Runner(), "zh")

    def wait(predicate: Any, timeout: float = 120) -> None:
        # Sleep between turns as an idle event loop would: a busy processEvents() loop holds the GIL and
        # slowed the worker thread's reading of the order about five-fold.
        end = time.perf_counter() + timeout
        while not predicate():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() > end:
                raise TimeoutError

    firsts, orders = [], []
    for _ in range(5):
        t = time.perf_counter()
        window = MainWindow(ctx)
        window.show()
        wait(lambda w=window: w.model.rowCount() > 0)
        window.table.viewport().repaint()
        firsts.append(time.perf_counter() - t)
        wait(lambda w=window: w.model._seqs is not None)
        orders.append(time.perf_counter() - t)
        window.close()
        ctx.runner.wait()
        app.processEvents()
    print(f"\nwindow: first rows painted {ms(statistics.median(firsts))} (target < 300 ms);"
          f" whole order loaded {ms(statistics.median(orders))}")

    # the naive baselines
    t = time.perf_counter()
    with db.read() as s:
        everything = s.execute(select(Organization.name, Organization.uscc, Organization.status,
                                      Organization.division_code).order_by(Organization.name)).all()

    class ListModel(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return len(everything)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 4

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            return everything[index.row()][index.column()] if role == Qt.ItemDataRole.DisplayRole else None

    view = QTableView()
    view.setModel(ListModel())
    view.resize(1200, 800)
    view.show()
    view.viewport().repaint()
    bare = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    view.close()
    everything = []  # the rows go (the closed view's model now has none)
    with db.read() as s:
        t = time.perf_counter()
        s.execute(select(Organization.seq).order_by(Organization.name_pinyin, Organization.name).offset(
            500_000).limit(100)).all()
        offset_middle = time.perf_counter() - t
    print(f"  baseline: list model of every row {ms(bare)} (peak RSS so far {rss:.0f} MB);"
          f" LIMIT/OFFSET middle jump after sort {ms(offset_middle)}")

    window = MainWindow(ctx)
    window.show()
    wait(lambda: window.model._seqs is not None)
    print("  jump painted (middle / end), per sort order:")
    header = window.table.horizontalHeader()
    for column, key in SORT_KEYS.items():
        if key is None or column == 8:
            continue
        t = time.perf_counter()
        header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        window.model.sort(column, Qt.SortOrder.AscendingOrder)
        wait(lambda k=key: window.model._seqs is not None and window.model.sort_key == k
             and not ctx.runner.is_busy())
        sort_s = time.perf_counter() - t
        jumps = []
        for target in (window.model.rowCount() // 2, window.model.rowCount() - 1, window.model.rowCount() // 3):
            t = time.perf_counter()
            window.table.scrollTo(window.model.index(target, 0))
            window.table.viewport().repaint()
            jumps.append(time.perf_counter() - t)
        print(f"    {key:18} sort {ms(sort_s):>10}   middle {ms(jumps[0]):>8}   end {ms(jumps[1]):>8}"
              f"   third {ms(jumps[2]):>8}")
    window.close()
    ctx.runner.wait()


def _plain_order(db: Database, key: str, descending: bool) -> Any:
    """The whole order as it was read before issue 20: the JSON array over the ORDER BY subquery, the live
    statuses as ``IN``; the baseline of :func:`bench_sorts`."""
    import json
    from array import array

    with db.read() as session:
        query = (select(Organization.seq).where(*browse._conditions(session, browse.RegisterFilter()))
                 .order_by(*browse._order(key, descending)))
        compiled = query.compile(bind=session.get_bind(), compile_kwargs={"render_postcompile": True})
        params = compiled.construct_params()
        found = session.connection().exec_driver_sql(
            f"SELECT json_group_array(seq) FROM ({compiled} LIMIT -1)",
            tuple(params[n] for n in compiled.positiontup or [])).scalar()
        return array("q", json.loads(found) if found else [])


def bench_sorts(db: Database, repeat: int = 3) -> None:
    """The whole order after a sort, every sort key going up: in the window (click to the order loaded) and
    ``browse.ordered_seqs`` alone (wall and CPU), against the plain read of the order in the same run,
    alternating which goes first; medians of ``repeat``."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from civicdesk.ui.context import AppContext
    from civicdesk.ui.main_window import MainWindow
    from civicdesk.ui.register.org_table_model import SORT_KEYS
    from civicdesk.ui.runner import Runner

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(db, settings, Runner(), "zh")
    window = MainWindow(ctx)
    window.show()

    def wait(predicate: Any, timeout: float = 120) -> None:
        end = time.perf_counter() + timeout
        while not predicate():
            app.processEvents()
            time.sleep(0.001)  # as an idle event loop (see bench_window)
            if time.perf_counter() > end:
                raise TimeoutError

    wait(lambda: window.model._seqs is not None)
    done: list[bool] = []
    window.model.order_loaded.connect(lambda: done.append(True))
    header = window.table.horizontalHeader()
    print(f"\nsorts: whole order after a sort (median of {repeat}), load {os.getloadavg()[0]:.2f}")
    for column, key in SORT_KEYS.items():
        if key is None:
            continue
        clicks, new, new_cpu, old, old_cpu = [], [], [], [], []
        for r in range(repeat):
            for way in (("new", "old") if r % 2 == 0 else ("old", "new")):
                t, c = time.perf_counter(), time.process_time()
                seqs = (browse.ordered_seqs(db, browse.RegisterFilter(), key) if way == "new"
                        else _plain_order(db, key, False))
                (new if way == "new" else old).append(time.perf_counter() - t)
                (new_cpu if way == "new" else old_cpu).append(time.process_time() - c)
                if way == "new":
                    same = list(seqs)
                else:
                    plain = list(seqs)
            for other in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                wait(lambda: not ctx.runner.is_busy())
                done.clear()
                t = time.perf_counter()
                header.setSortIndicator(column, other)
                window.model.sort(column, other)  # as a header click does
                wait(lambda k=key, d=other == Qt.SortOrder.DescendingOrder: bool(done) and window.model.sort_key == k
                     and window.model.descending == d)
                clicks.append(time.perf_counter() - t)
        med = statistics.median
        print(f"  {key:18} window click to order {ms(med(clicks)):>10}   ordered_seqs {ms(med(new)):>9}"
              f" (CPU {ms(med(new_cpu))})   plain {ms(med(old)):>9} (CPU {ms(med(old_cpu))})"
              f"   same order: {same == plain}")
    window.close()
    ctx.runner.wait()


def bench_pinyin(rows: int = 100_000, repeat: int = 3) -> None:
    """A ``rows``-row bulk insert with and without the search indexing (seq, pinyin, rank, 4-gram and USCC
    index), ``repeat`` times each, alternating which goes first; the medians and the median ratio."""
    data = generate_organizations(rows, seed=7)
    times: dict[str, list[float]] = {"plain": [], "indexed": []}
    ratios = []
    with tempfile.TemporaryDirectory() as folder:
        for r in range(repeat):
            run = {}
            for mode in (("plain", "indexed") if r % 2 == 0 else ("indexed", "plain")):
                path = Path(folder) / f"{mode}-{r}.sqlite3"
                db = open_database(path)
                init_office(db, code="511100", name="乐山市民政局", level="city")
                with db.unit() as session:
                    insert_communities(session, seed=7)  # set-up, not timed
                search._segment_pinyin.cache_clear()
                t = time.perf_counter()
                with db.unit() as session:
                    prepared = stamped([dict(row) for row in data], datetime.now())
                    if mode == "indexed":
                        search.prepare_rows(session, prepared)
                    insert_rows(session, [(Organization.__table__, prepared)])
                    if mode == "indexed":
                        search.index_rows(session, prepared)
                run[mode] = time.perf_counter() - t
                db.close()
                path.unlink()
            times["plain"].append(run["plain"])
            times["indexed"].append(run["indexed"])
            ratios.append(run["indexed"] / run["plain"])
            print(f"  pinyin repeat {r + 1}: plain {run['plain']:.1f} s, indexed {run['indexed']:.1f} s:"
                  f" {ratios[-1]:.2f}x")
    print(f"\npinyin: {rows:,}-row insert {statistics.median(times['plain']):.1f} s; with seq, pinyin, rank and"
          f" search index {statistics.median(times['indexed']):.1f} s: {statistics.median(ratios):.2f}x"
          f" (median of {repeat}; target <= 2x)")


def _probed_start(path: Path, root: Path = ROOT, **env: str) -> dict[str, Any]:
    """``python main.py --db PATH`` as a clerk starts it, in a fresh process with fresh settings, probed by
    ``civicdesk/ui/start_probe.py``: seconds from just before the process started to the register painted with
    rows, and to the whole order loaded; the process's CPU seconds at the paint; the peak memory; whether it was
    the fast start.  ``root``: the checkout whose ``main.py`` runs (another one for an A/B comparison)."""
    folder = Path(tempfile.mkdtemp())
    probe = folder / "probe.json"
    environment = {**os.environ, "PYTHONPATH": str(root), "XDG_CONFIG_HOME": str(folder / "config"),
                   "CIVICDESK_START_PROBE": str(probe), "CIVICDESK_START_PROBE_QUIT": "1", **env}
    t0 = time.time()
    subprocess.run([sys.executable, str(root / "main.py"), "--db", str(path)], env=environment, check=True,
                   capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    found = json.loads(probe.read_text(encoding="utf-8"))
    if found.get("login"):  # a start that asks for a login: its dialog painted, and its database open
        return {"painted": found["painted_at"] - t0, "ordered": found["opened_at"] - t0, "fast": False,
                "sqlalchemy": found["at_paint"]["sqlalchemy"], "cpu": found.get("cpu_at_paint")}
    return {"painted": found["painted_at"] - t0, "ordered": found["ordered_at"] - t0, "peak": found["peak_mb"],
            "attached": found.get("attached_at", found["painted_at"]) - t0, "fast": found["fast"],
            "sqlalchemy": found["at_paint"]["sqlalchemy"], "cpu": found.get("cpu_at_paint")}


def _old_style_start(path: Path) -> float:
    """The figure this benchmark printed before the fast start: services imported and the database opened
    first, then ``MainWindow`` built, shown, and repainted once the first page came."""
    code = (
        "import time, os, sys; t0 = float(os.environ['T0']);"
        "from PySide6.QtWidgets import QApplication; from PySide6.QtCore import QSettings;"
        "app = QApplication([]);"
        "from civicdesk.services.core.database import open_database;"
        "from civicdesk.ui.context import AppContext; from civicdesk.ui.runner import Runner;"
        "from civicdesk.ui.main_window import MainWindow;"
        f"db = open_database({str(path)!r});"
        "ctx = AppContext(db, QSettings(os.environ['SETTINGS'], QSettings.Format.IniFormat), Runner());"
        "w = MainWindow(ctx); w.show();"
        "exec('while w.model.rowCount() == 0: app.processEvents(); time.sleep(0.001)');"
        "w.table.viewport().repaint(); print(time.time() - t0, flush=True);"
        "os._exit(0)"
    )
    env = {**os.environ, "T0": repr(time.time()), "PYTHONPATH": str(ROOT),
           "SETTINGS": str(Path(tempfile.mkdtemp()) / "s.ini")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.split()[-1])


def bench_start(path: Path, runs: int = 5) -> None:
    """Process start to main window painted with rows, the real start path (``python main.py --db``): the
    fast start (painted from a sqlite3 peek before SQLAlchemy is imported), against the normal start
    (``CIVICDESK_NO_FAST_START``: database opened first, as before issue 3) and the old in-process figure."""
    fast = [_probed_start(path) for _ in range(runs)]
    if not all(r["fast"] and not r["sqlalchemy"] for r in fast):
        print("\nWARNING: the fast start did not apply to this database (schema, office, accounts?)")
    normal = [_probed_start(path, CIVICDESK_NO_FAST_START="1") for _ in range(runs)]
    old = [_old_style_start(path) for _ in range(runs)]

    def line(runs_: list[float]) -> str:
        return f"{ms(statistics.median(runs_))} (runs: {', '.join(f'{t * 1000:.0f}' for t in runs_)} ms)"

    print(f"\nprocess start to main window painted with rows (median of {runs}, load {os.getloadavg()[0]:.2f}):"
          f"\n  fast start   {line([r['painted'] for r in fast])} (target < 1000 ms);"
          f" services attached {ms(statistics.median(r['attached'] for r in fast))},"
          f" whole order loaded {ms(statistics.median(r['ordered'] for r in fast))}"
          f"\n  normal start {line([r['painted'] for r in normal])};"
          f" whole order loaded {ms(statistics.median(r['ordered'] for r in normal))}"
          f"\n  old figure   {line(old)} (in-process: services first, then the window)"
          f"\npeak memory with the whole order loaded {statistics.median(r['peak'] for r in fast):.0f} MB"
          f" (target < 250 MB)")


_IMPORTS = (
    "import time, json; t = [time.process_time()];"
    "import PySide6.QtWidgets; t.append(time.process_time());"
    "import sqlalchemy.orm; t.append(time.process_time());"
    "import civicdesk.models; t.append(time.process_time());"
    "sqlalchemy.orm.configure_mappers(); t.append(time.process_time());"
    "print(json.dumps(t))"
)


def start_floor(runs: int) -> str:
    """What the normal start cannot paint without, in fresh processes: CPU ms of the interpreter to its first
    line, PySide6's widgets imported, SQLAlchemy's ORM imported, the models declared, the mappers configured
    (medians).  The normal start opens the database through SQLAlchemy before its window, so these are its floor."""
    steps: list[list[float]] = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _IMPORTS], env={**os.environ, "PYTHONPATH": str(ROOT)},
                             capture_output=True, text=True, check=True)
        t = json.loads(out.stdout)
        steps.append([t[0], *(b - a for a, b in zip(t, t[1:], strict=False))])
    names = ("interpreter", "PySide6 widgets", "SQLAlchemy ORM", "models declared", "mappers configured")
    medians = [statistics.median(s[i] for s in steps) for i in range(len(names))]
    return (f"the normal start's floor (CPU, median of {runs} fresh processes): "
            + ", ".join(f"{n} {ms(m)}" for n, m in zip(names, medians, strict=True))
            + f"; SQLAlchemy, models and mappers together {ms(sum(medians[2:]))}, all {ms(sum(medians))}")


def bench_start_only(path: Path, runs: int, against: Path | None, login_db: Path | None = None) -> None:
    """``--start-only``: the fast and the normal start of ``path`` alone, ``runs`` fresh processes each, wall
    and CPU to the first paint; with ``--login-db``, also the start of a database with accounts to the login
    dialog painted (its "whole order" is then its database open, behind the dialog); with ``--against ROOT``, the
    same starts of another checkout (the code before a change), alternating with this one's run by run so that both
    see the same load."""
    roots = {"this": ROOT} if against is None else {"this": ROOT, "against": against.resolve()}
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    loads = [os.getloadavg()[0]]
    kinds: list[tuple[str, Path, dict[str, str]]] = [("fast", path, {}),
                                                     ("normal", path, {"CIVICDESK_NO_FAST_START": "1"})]
    if login_db is not None:
        kinds.append(("login", login_db, {}))
    for _ in range(runs):
        for kind, db, env in kinds:
            for name, root in roots.items():
                found.setdefault((kind, name), []).append(_probed_start(db, root, **env))
        loads.append(os.getloadavg()[0])
    print(f"\nprocess start to main window painted with rows, {path.name} (median of {runs} fresh processes,"
          f" load {min(loads):.2f}-{max(loads):.2f}):")
    for (kind, name), results in found.items():
        if kind == "fast" and not all(r["fast"] and not r["sqlalchemy"] for r in results):
            print(f"  WARNING: the fast start did not apply ({name}): schema, office, accounts?")
        if kind == "login" and not all(r["fast"] is False for r in results):
            print(f"  WARNING: no login was asked ({name}): does --login-db have accounts?")
        walls, cpus = [r["painted"] for r in results], [r["cpu"] for r in results if r["cpu"] is not None]
        cpu = f"CPU {ms(statistics.median(cpus))}" if cpus else "CPU not probed"
        peak = "" if kind == "login" else f"; peak memory {statistics.median(r['peak'] for r in results):.0f} MB"
        print(f"  {kind:6} start, {name:7}: wall {ms(statistics.median(walls))}, {cpu}"
              f" (wall runs: {', '.join(f'{t * 1000:.0f}' for t in walls)} ms);"
              f" {'database open' if kind == 'login' else 'whole order loaded'}"
              f" {ms(statistics.median(r['ordered'] for r in results))}"
              f"{peak}"
              f"{'; SQLAlchemy loaded at the paint' if all(r['sqlalchemy'] for r in results) else ''}")
    print(f"  {start_floor(runs)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", type=Path, default=ROOT / "bench" / "out", help="where the big database is kept")
    parser.add_argument("--skip-pinyin", action="store_true")
    parser.add_argument("--filters", action="store_true", help="only the supervision filters")
    parser.add_argument("--start-only", action="store_true",
                        help="only the process start (fast and normal), --repeat fresh processes each; the database"
                             " is --db, else the kept one (the normal start opens it as the program does: a copy)")
    parser.add_argument("--db", type=Path, help="with --start-only: the database file to start on")
    parser.add_argument("--against", type=Path, help="with --start-only: another checkout's root, run alternately")
    parser.add_argument("--login-db", type=Path, help="with --start-only: also the start of this database, which has"
                                                      " accounts, to its login dialog painted")
    parser.add_argument("--search", action="store_true", help="only the search (the database opened read-only)")
    parser.add_argument("--sorts", action="store_true", help="only the sorts (the database opened read-only)")
    parser.add_argument("--no-like", action="store_true", help="search without the LIKE scans beside it")
    args = parser.parse_args(argv)
    if args.start_only:
        path = args.db or args.keep / f"register-{args.rows}.sqlite3"
        if not path.is_file():
            parser.error(f"no database at {path}")
        bench_start_only(path, args.repeat, args.against, args.login_db)
        return 0
    args.keep.mkdir(parents=True, exist_ok=True)
    path = args.keep / f"register-{args.rows}.sqlite3"
    if args.search or args.sorts:  # read only: a prebuilt database (--keep) is never written
        if not path.exists():
            build(path, args.rows).close()
        db = open_read_only(path)
        if args.search:
            bench_search(db, args.repeat, with_like=not args.no_like)
        if args.sorts:
            bench_sorts(db, min(args.repeat, 3))
        db.close()
        return 0
    db = build(path, args.rows)
    if args.filters:
        bench_filters(db, args.repeat)
        db.close()
        return 0
    bench_search(db, args.repeat)
    bench_window(db)
    db.close()
    bench_start(path)
    if not args.skip_pinyin:
        bench_pinyin(min(args.rows, 100_000))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
