"""The figures of cultivation at scale: ``stats``' six cultivation sections of a city whose children's stations
have millions of service days, beside full scans of the same tables.

Usage: ``python bench/bench_cultivation.py --base REGISTER.sqlite3 [--services 5000000] [--hours 1000000]
[--repeat 5] [--keep DIR]``

``--base`` is a city register to start from (e.g. the 1,000,000-organization database that
``bench/bench_inspection.py --keep DIR`` builds); it is copied, never changed, and migrated to the head.  On the
copy the benchmark writes, with plain ``executemany`` (the data's shape matters here, not the insert path):

* ``--services`` service days (``station_service``) spread over the register's children's stations;
* ``--hours`` volunteer-hour rows over 200,000 volunteers of the register's volunteer teams and 100,000
  activities;
* 20,000 purchased-service projects with two payments each, 200 venture rounds with 5,000 applications,
  1,000 community funds with 20,000 entries, 50 bases with 5,000 residents.

Timed, as medians of ``--repeat`` runs, wall and CPU:

* baselines: a full scan of ``station_service`` (``sum(person_times)``) and of ``organization``
  (``sum(length(address))``), in the same run;
* ``cultivation_figures`` for the city, with its per-county table (what ``stats --json`` and the report read);
* once, after writing: the tally of every team and station refreshed from the rows (what the demo load does).

Target (issue 18): the cultivation section of the report adds < 1 s at 1,000,000 organizations and 5,000,000
service records; the dashboard opens in < 1 s after the window.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from civicdesk.services.core.database import open_database  # noqa: E402
from civicdesk.services.cultivation import tally  # noqa: E402
from civicdesk.services.cultivation.figures import cultivation_figures  # noqa: E402

NOW = datetime(2026, 1, 1).isoformat(sep=" ")
BOOK = ("id", "origin_office", "version", "version_vector", "created_at", "updated_at")


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]],
            office: str) -> int:
    names = BOOK + columns + ("office_code",) if "office_code" not in columns else BOOK + columns
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    n = 0
    batch: list[tuple[Any, ...]] = []
    for values in rows:
        book = (str(uuid.UUID(int=random.getrandbits(128), version=4)), office, 1, "{}", NOW, NOW)
        batch.append(book + values + (() if "office_code" in columns else (office,)))
        if len(batch) >= 50_000:
            conn.executemany(sql, batch)
            n += len(batch)
            batch.clear()
    if batch:
        conn.executemany(sql, batch)
        n += len(batch)
    return n


def _day(rnd: random.Random, start: date, days: int) -> str:
    return (start + timedelta(days=rnd.randrange(days))).isoformat()


def populate(path: Path, services: int, hours: int) -> dict[str, int]:
    """Write the cultivation rows described in the module's docstring; returns the counts written."""
    rnd = random.Random(18)
    random.seed(18)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    office = conn.execute("SELECT code FROM office LIMIT 1").fetchone()[0]
    live = "deleted_at IS NULL AND status IN ('active','suspended','liquidating')"
    stations = [r[0] for r in conn.execute(
        f"SELECT id FROM organization WHERE community_subtype = 'children_station' AND {live}")]
    teams = [r[0] for r in conn.execute(
        f"SELECT id FROM organization WHERE community_subtype = 'volunteer_team' AND {live} LIMIT 20000")]
    orgs = [r[0] for r in conn.execute(f"SELECT id FROM organization WHERE tier = 'registered' AND {live} LIMIT 50000")]
    counties = [r[0] for r in conn.execute("SELECT code FROM division WHERE level = 'county'")]
    communities = [r[0] for r in conn.execute("SELECT code FROM division WHERE level = 'community' LIMIT 2000")]
    start = date(2019, 1, 1)
    counts: dict[str, int] = {}
    with conn:
        counts["station_service"] = _insert(conn, "station_service", (
            "station_id", "served_on", "activity", "person_times", "in_difficulty", "left_behind", "entered_by"),
            ((rnd.choice(stations), _day(rnd, start, 2500), "课业辅导", 20, 3, 5, "bench")
             for _ in range(services)), office)
        counts["station_funding"] = _insert(conn, "station_funding", (
            "station_id", "year", "source", "funder", "amount", "received_on", "entered_by"),
            ((s, y, src, "资助方", "10000.00", f"{y}-03-01", "bench") for s in stations for y in (2020, 2021)
             for src in ("foundation", "organization", "civil_affairs")), office)
        volunteer_ids: list[str] = []

        def volunteers() -> Iterator[tuple[Any, ...]]:
            for i in range(200_000):
                team = teams[i % len(teams)]
                volunteer_ids.append(team)
                yield (team, f"志愿者{i}", None, "2020-01-01", None, "bench")

        counts["volunteer"] = _insert(conn, "volunteer", (
            "team_id", "name", "phone", "joined_on", "left_on", "entered_by"), volunteers(), office)
        vol_rows = conn.execute("SELECT id, team_id FROM volunteer").fetchall()
        counts["volunteer_activity"] = _insert(conn, "volunteer_activity", (
            "team_id", "held_on", "title", "place", "entered_by"),
            ((rnd.choice(teams), _day(rnd, start, 2500), "志愿服务", None, "bench") for _ in range(100_000)), office)
        activities = [r[0] for r in conn.execute("SELECT id FROM volunteer_activity")]
        counts["volunteer_hours"] = _insert(conn, "volunteer_hours", ("activity_id", "volunteer_id", "hours"),
                                            ((rnd.choice(activities), rnd.choice(vol_rows)[0], "2.50")
                                             for _ in range(hours)), office)
        counts["service_project"] = _insert(conn, "service_project", (
            "division_code", "name", "department", "year", "funding_source", "organization_id", "contract_no",
            "amount", "starts_on", "ends_on", "deliverables", "evaluation", "evaluated_on", "entered_by"),
            ((rnd.choice(counties), f"项目{i}", "民政局", 2019 + i % 6, "lottery", rnd.choice(orgs), None,
              "80000.00", "2020-01-01", "2020-12-31", "服务", None, None, "bench") for i in range(20_000)), office)
        projects = [r[0] for r in conn.execute("SELECT id FROM service_project")]
        counts["project_payment"] = _insert(conn, "project_payment", ("project_id", "paid_on", "amount", "note",
                                                                      "entered_by"),
                                            ((p, "2020-06-01", "40000.00", None, "bench") for p in projects
                                             for _ in range(2)), office)
        counts["venture_round"] = _insert(conn, "venture_round", (
            "division_code", "name", "kind", "organizer", "budget", "opens_on", "closes_on", "awarded_on",
            "entered_by"), ((rnd.choice(counties), f"创投{i}", "venture", "民政局", "500000.00", "2020-04-01",
                             "2020-05-01", "2020-06-01", "bench") for i in range(200)), office)
        rounds = [r[0] for r in conn.execute("SELECT id FROM venture_round")]
        counts["venture_application"] = _insert(conn, "venture_application", (
            "round_id", "organization_id", "applicant_name", "project_title", "summary", "amount_asked",
            "submitted_on", "state", "amount_awarded", "decided_on", "entered_by"),
            ((rnd.choice(rounds), rnd.choice(orgs), None, f"申报{i}", None, "50000.00", "2020-04-10",
              "awarded" if i % 5 == 0 else "submitted", "50000.00" if i % 5 == 0 else None,
              "2020-06-01" if i % 5 == 0 else None, "bench") for i in range(5_000)), office)
        counts["community_fund"] = _insert(conn, "community_fund", (
            "division_code", "community_code", "name", "holder_org_id", "holder_name", "founded_on", "entered_by"),
            ((rnd.choice(counties), rnd.choice(communities), f"社区基金{i}", None, "慈善总会", "2020-01-01", "bench")
             for i in range(1_000)), office)
        funds = [r[0] for r in conn.execute("SELECT id FROM community_fund")]
        counts["fund_entry"] = _insert(conn, "fund_entry", (
            "fund_id", "kind", "entry_on", "amount", "party", "purpose", "entered_by"),
            ((rnd.choice(funds), "contribution" if i % 3 else "grant", "2020-05-01", "1000.00", "捐赠方", None,
              "bench") for i in range(20_000)), office)
        counts["incubation_base"] = _insert(conn, "incubation_base", (
            "name", "level", "kind", "division_code", "township_code", "operator_org_id", "operator_name",
            "opened_on", "address", "notes", "entered_by"),
            ((f"孵化基地{i}", "county", "base", rnd.choice(counties), None, None, "运营方", "2019-01-01", None, None,
              "bench") for i in range(50)), office)
        bases = [r[0] for r in conn.execute("SELECT id FROM incubation_base")]
        counts["incubation_resident"] = _insert(conn, "incubation_resident", (
            "base_id", "organization_id", "name", "contact_name", "contact_phone", "admitted_on", "graduated_on",
            "outcome", "outcome_on", "notes", "entered_by"),
            ((rnd.choice(bases), rnd.choice(orgs), None, None, None, "2019-06-01",
              "2020-06-01" if i % 3 == 0 else None, "registered" if i % 3 == 0 else None,
              "2020-06-01" if i % 3 == 0 else None, None, "bench") for i in range(5_000)), office)
    conn.execute("ANALYZE")
    conn.close()
    return counts


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="a city register database to copy")
    parser.add_argument("--services", type=int, default=5_000_000)
    parser.add_argument("--hours", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the populated copy in this folder")
    options = parser.parse_args(argv)
    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench_cultivation_"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"cultivation_{options.base.stem}_{options.services}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        shutil.copyfile(options.base, path)
        # migrated to the head (the cultivation tables) by Alembic itself: open_database would first back the
        # copy up beside itself, another file as big as the register
        from alembic import command

        from civicdesk.models.migrate import alembic_config

        command.upgrade(alembic_config(f"sqlite:///{path}"), "head")
        counts = populate(path, options.services, options.hours)
        print(f"populated in {time.perf_counter() - started:.0f} s: {json.dumps(counts)}")
        db = open_database(path)
        wall, cpu = time.perf_counter(), time.process_time()
        with db.unit() as session:
            tally.refresh(session)
        print(f"tally of every team and station refreshed in {time.perf_counter() - wall:.1f} s "
              f"(CPU {time.process_time() - cpu:.1f} s)")
        db.close()
    db = open_database(path)
    try:
        print(f"load average before: {os.getloadavg()}")

        def scan(sql: str) -> Callable[[], Any]:
            def run() -> Any:
                with db.read() as session:
                    return session.connection().exec_driver_sql(sql).scalar()
            return run

        rows = scan("SELECT count(*) FROM station_service")()
        orgs = scan("SELECT count(*) FROM organization")()
        print(f"organizations {orgs:,}; service days {rows:,}; medians of {options.repeat} (wall / CPU)")
        for label, fn in (("baseline full scan of station_service",
                           scan("SELECT sum(person_times) FROM station_service")),
                          ("baseline full scan of organization",
                           scan("SELECT sum(length(address)) FROM organization")),
                          ("cultivation_figures(city, per county)", lambda: cultivation_figures(db))):
            wall, cpu, _ = timed(fn, options.repeat)
            print(f"  {label:<42} {wall * 1000:8.0f} ms  {cpu * 1000:8.0f} ms")
        print(f"load average after: {os.getloadavg()}")
    finally:
        db.close()
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
