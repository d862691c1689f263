"""The dashboard at scale: from the main window shown to every tile and chart painted, on a generated city.

Usage: ``python bench/bench_dashboard.py [--rows 100000] [--services 5] [--repeat 5] [--keep DIR] [--db FILE]``

The database (built once, kept with ``--keep``) is :func:`bench.bench_inspection.build`'s city of ``--rows``
organizations with its 2020 campaign, and cultivation rows on top, inserted with the bulk path: ``--services``
children's-station service days per organization of the register (5 000 000 at 1 000 000 organizations, the
issue's figure), spread over the register's children's stations; a purchased-service project for one registered
organization in fifty (2019-2025), five incubation bases with a resident for one organization in five hundred.

Timed, as medians of ``--repeat`` (wall and CPU, ``time.process_time()``, with the load average beside them):

* baseline: a full scan of ``organization`` (``sum(length(address))``), in the same run;
* the services alone: :func:`civicdesk.services.dashboard.compute` (every tile and series) on a fresh
  :class:`~civicdesk.services.dashboard.Dashboard`;
* the window: a :class:`~civicdesk.ui.main_window.MainWindow` over the database (offscreen), shown on the
  dashboard tab; the clock starts when ``show()`` is called; first figure: the panel paints one; every figure:
  every tile and chart painted (:meth:`DashboardPanel.complete`) from the data as it is (not 更新中…), events
  processed as a running program would.  Cold: the dashboard's cache emptied first; warm: the cache the
  previous opening left (fresh: the data did not change);
* after a station service day: what the window computes again then (the tiles, the register's three taken from
  the cache, and the three cultivation charts), timed over the warm cache without writing a row.

Target (issue 18): < 1 s after the window at 1 000 000 organizations and 5 000 000 service records.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select, text  # noqa: E402

from bench.bench_inspection import CITY, build  # noqa: E402
from civicdesk.models import (IncubationBase, IncubationResident, Organization, ServiceProject,  # noqa: E402
                              StationService)
from civicdesk.models.base import new_id, table_of  # noqa: E402
from civicdesk.services.core.bulk import insert_rows, stamped  # noqa: E402
from civicdesk.services.cultivation import tally  # noqa: E402
from civicdesk.services.core.database import Database  # noqa: E402
from civicdesk.schema import LIVE_STATUSES  # noqa: E402

COUNTIES = ("511102", "511111", "511112", "511113", "511123")


def add_cultivation(db: Database, per_org: int) -> None:
    """Station service days, projects, bases and residents (once: a database that has them is left as it is)."""
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(StationService)):
            return
        stations = list(s.scalars(select(Organization.id).where(
            Organization.community_subtype == "children_station", Organization.status.in_(LIVE_STATUSES))))
        orgs = list(s.execute(select(Organization.id, Organization.division_code, Organization.tier)))
    rnd = random.Random(18)
    start = time.perf_counter()
    now = datetime.now()
    total = per_org * len(orgs)
    day0 = date(2019, 1, 1)
    with db.unit() as session:
        chunk: list[dict[str, Any]] = []
        for n in range(total):
            chunk.append({"id": new_id(), "origin_office": CITY, "station_id": stations[n % len(stations)],
                          "office_code": CITY, "served_on": day0 + timedelta(days=rnd.randrange(2500)),
                          "activity": "课业辅导", "person_times": rnd.randrange(5, 60),
                          "in_difficulty": rnd.randrange(3), "left_behind": rnd.randrange(5), "entered_by": "clerk"})
            if len(chunk) == 200_000:
                insert_rows(session, [(table_of(StationService), stamped(chunk, now))])
                chunk = []
        insert_rows(session, [(table_of(StationService), stamped(chunk, now))])
        projects = [{"id": new_id(), "origin_office": CITY, "office_code": CITY, "division_code": county,
                     "name": f"社区服务项目{n}", "department": "民政局", "year": 2019 + n % 7,
                     "funding_source": "lottery",
                     "organization_id": org_id, "amount": Decimal(rnd.randrange(20_000, 500_000)),
                     "starts_on": date(2019 + n % 7, 3, 1), "ends_on": date(2019 + n % 7, 12, 31),
                     "deliverables": "服务", "entered_by": "clerk"}
                    for n, (org_id, county, tier) in enumerate(orgs[::50]) if tier == "registered"]
        bases = [{"id": new_id(), "origin_office": CITY, "office_code": CITY, "name": f"孵化基地{c}", "level": "county",
                  "kind": "base", "division_code": c, "opened_on": date(2018, 1, 1), "entered_by": "clerk"}
                 for c in COUNTIES]
        residents = [{"id": new_id(), "origin_office": CITY, "base_id": bases[n % len(bases)]["id"],
                      "office_code": CITY, "organization_id": org_id,
                      "admitted_on": date(2019, 1, 1) + timedelta(n % 900),
                      "graduated_on": date(2022, 6, 1) if n % 3 == 0 else None, "entered_by": "clerk"}
                     for n, (org_id, _c, _t) in enumerate(orgs[::500])]
        insert_rows(session, [(table_of(ServiceProject), stamped(projects, now)),
                              (table_of(IncubationBase), stamped(bases, now)),
                              (table_of(IncubationResident), stamped(residents, now))])
    with db.unit() as session:
        tally.refresh(session)  # the stations' sums, as the services and the demo keep them
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    print(f"added {total:,} station service days over {len(stations):,} stations, {len(projects):,} projects, "
          f"{len(residents):,} residents in {time.perf_counter() - start:.1f} s")


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), result


def window_run(path: Path, settings_dir: Path, cold: bool) -> tuple[float, float]:
    """Seconds from ``show()`` to the first figure painted and to every figure painted with figures computed from
    the data as it is (not a stale cache's), in a fresh window and context over ``path``; ``cold``: the
    dashboard's cache emptied first (every figure computed), else the cache the previous opening left."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from civicdesk.models.dashboard import DashboardCache
    from civicdesk.services.core.database import open_database
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.main_window import MainWindow
    from civicdesk.ui.runner import Runner

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(settings_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("dashboard/tab", 1)
    db = open_database(path)
    table = DashboardCache.__table__
    with db.engine.begin() as conn:
        table.create(conn, checkfirst=True)  # a database migrated to 0012 before the cache was added to it
        if cold:
            conn.execute(table.delete())
    ctx = AppContext(db, settings, Runner(), "zh")
    window = MainWindow(ctx)
    start = time.perf_counter()
    window.show()
    deadline = start + 120
    first = None
    while time.perf_counter() < deadline:
        app.processEvents()
        panel = window.dashboard
        if panel is not None and panel.painted and first is None:
            first = time.perf_counter() - start
        if panel is not None and panel.complete() and not panel.updating():
            break
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    window.close()
    # the callbacks of what the window started queue more (the register's order and figures: full scans at this
    # size): run them out here, or they run on the worker beside whatever this process times next
    while True:
        ctx.runner.wait()
        app.processEvents()
        if not ctx.runner.is_busy():
            break
    ctx.db.close()
    window.deleteLater()
    app.processEvents()
    return first if first is not None else elapsed, elapsed


def summary_ab(db: Database, repeat: int) -> None:
    """The services from the register's summary (migration 0018) and from the rows (the summary switched off:
    the code a server runs, and the code before 0018), alternating in this process; medians, wall and CPU."""
    from civicdesk.services import dashboard
    from civicdesk.services.cultivation import figures as cultivation
    from civicdesk.services.register import statistics as register

    real = register.has_summary

    def use(summary: bool) -> None:
        register.has_summary = cultivation.has_summary = dashboard.has_summary = (  # type: ignore[assignment]
            real if summary else (lambda _session: False))

    def one_thread() -> None:
        board = dashboard.Dashboard(db)
        board.tiles()
        for key in dashboard.SERIES:
            board.series(key)

    work: dict[str, Callable[[], Any]] = {
        "register statistics": lambda: register.statistics(db),
        "cultivation figures": lambda: cultivation.cultivation_figures(db),
        "registrations by year": lambda: dashboard.Dashboard(db).series("registrations"),
        "participation": lambda: dashboard.Dashboard(db).series("participation"),
        "every figure, one thread": one_thread}
    runs: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    try:
        for _ in range(repeat):
            for summary in (False, True):
                use(summary)
                for label, fn in work.items():
                    w, c = time.perf_counter(), time.process_time()
                    fn()
                    runs.setdefault((label, summary), []).append((time.perf_counter() - w, time.process_time() - c))
    finally:
        use(True)
    print(f"  the summary against the rows, alternating, medians of {repeat}; load {os.getloadavg()[0]:.2f}")
    for label in work:
        rw, rc, sw, sc = (statistics.median(x[i] for x in runs[(label, summary)])
                          for summary in (False, True) for i in (0, 1))
        print(f"    {label:<26} rows {rw * 1000:7.0f} ms wall {rc * 1000:7.0f} ms CPU   "
              f"summary {sw * 1000:7.0f} ms wall {sc * 1000:7.0f} ms CPU")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--services", type=int, default=5, help="station service days per organization")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the database in this folder")
    parser.add_argument("--db", type=Path, help="a city database with its cultivation rows already (e.g. the one "
                        "bench/bench_cultivation.py --keep writes): used as it is, nothing generated; it is "
                        "written to (the dashboard's cache): pass a copy")
    parser.add_argument("--ab", type=int, default=0, metavar="N", help="only time the services from the register's "
                        "summary against the same from the rows, alternating, N times each")
    parser.add_argument("--migrate", action="store_true", help="migrate the --db file in place (no backup) when "
                        "it is not at the newest revision")
    options = parser.parse_args(argv)
    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench_dashboard_"))
    folder.mkdir(parents=True, exist_ok=True)
    if options.db is not None:
        from civicdesk.models.engine import make_engine
        from civicdesk.schema import HEAD_REVISION
        from civicdesk.services.core.database import _schema_state, open_database, to_url, upgrade

        path = options.db
        engine = make_engine(to_url(path))
        revision, _tables = _schema_state(engine)
        if revision != HEAD_REVISION:
            # open_database would write a backup as large as the file beside it first
            if not options.migrate:
                engine.dispose()
                print(f"{path} is at revision {revision}, not {HEAD_REVISION}: the benchmark writes to it (the "
                      "dashboard's cache); copy it and pass the copy with --migrate (migrated in place, no backup)")
                return 2
            start = time.perf_counter()
            upgrade(engine, to_url(path))
            print(f"migrated {revision} -> {HEAD_REVISION} in place in {time.perf_counter() - start:.1f} s")
        engine.dispose()
        db = open_database(path)
        with db.read() as s:
            options.rows = int(s.scalar(select(func.count()).select_from(Organization)) or 0)
    else:
        path = folder / f"dashboard_{options.rows}.sqlite3"
        db, _campaign = build(path, options.rows)
        add_cultivation(db, options.services)
    from civicdesk.services import dashboard

    with db.read() as s:
        services = s.scalar(select(func.count()).select_from(StationService))

    def scan() -> int:
        with db.read() as s:
            return int(s.execute(text("SELECT sum(length(address)) FROM organization")).scalar() or 0)

    if options.ab:
        summary_ab(db, options.ab)
        db.close()
        return 0
    full, full_cpu, _ = timed(scan, options.repeat)
    print(f"organizations {options.rows:,}, station service days {services:,}; medians of {options.repeat}; "
          f"load {os.getloadavg()[0]:.2f}")
    print(f"  baseline full scan of organization        {full * 1000:7.0f} ms wall {full_cpu * 1000:7.0f} ms CPU")
    wall, cpu, figures = timed(lambda: dashboard.compute(db), options.repeat)
    print(f"  services: every tile and series           {wall * 1000:7.0f} ms wall {cpu * 1000:7.0f} ms CPU "
          f"({wall / full:.1f}x the scan)")
    for key in dashboard.SERIES:
        board = dashboard.Dashboard(db)
        board.register(), board.cultivation()
        w, c, _s = timed(lambda k=key, b=board: b.series(k), 1)
        print(f"    series {key:<22} {w * 1000:7.0f} ms wall (after the shared statistics)")
    board = dashboard.Dashboard(db)
    w, c, _r = timed(board.register, 1)
    print(f"    register statistics              {w * 1000:7.0f} ms wall")
    w, c, _r = timed(board.cultivation, 1)
    print(f"    cultivation figures              {w * 1000:7.0f} ms wall")
    db.close()
    for label, cold in (("cold (no cache)", True), ("warm (fresh cache)", False)):
        firsts, everys, cpu_runs = [], [], []
        for _ in range(options.repeat):
            c0 = time.process_time()
            first, every = window_run(path, folder, cold)
            cpu_runs.append(time.process_time() - c0)
            firsts.append(first)
            everys.append(every)
        print(f"  window {label:<19} shown -> first figure {statistics.median(firsts) * 1000:7.0f} ms, every figure "
              f"{statistics.median(everys) * 1000:7.0f} ms wall {statistics.median(cpu_runs) * 1000:7.0f} ms CPU "
              f"(the CPU includes building the window); load {os.getloadavg()[0]:.2f}")
    # after a station service day (not written here: the database may be shared): the window paints every part
    # from the cache at once, and computes again only what reads the cultivation tables, as timed here over the
    # cache the warm openings left (the register's tiles taken from it)
    from civicdesk.services.core.database import open_database

    db = open_database(path)

    def cultivation_parts() -> None:
        board = dashboard.Dashboard(db, dashboard.cached(db))
        board.tiles()
        for key in ("purchased_by_year", "purchased_by_county", "incubation"):
            board.series(key)
        assert board._register is None

    w, c, _r = timed(cultivation_parts, options.repeat)
    print(f"  after a service day: the cache read, the tiles and the 3 cultivation charts computed again "
          f"{w * 1000:7.0f} ms wall {c * 1000:7.0f} ms CPU; load {os.getloadavg()[0]:.2f}")
    w, c, _r = timed(lambda: dashboard.cached(db), options.repeat)
    print(f"    the cache read (cached(), fresh)  {w * 1000:7.0f} ms wall {c * 1000:7.0f} ms CPU")
    db.close()
    print(f"  tiles: registered {figures['tiles']['registered']:,}, person-times "
          f"{figures['tiles']['person_times']:,}")
    print("  target (issue 18): < 1 s after the window at 1,000,000 organizations and 5,000,000 service records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
