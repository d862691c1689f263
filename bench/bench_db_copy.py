"""``db copy`` (civicdesk/services/admin/transfer.py) of an office, SQLite -> PostgreSQL and back, beside the same
machine's floor measured in the same run.

Run from the repository root, with a server (``sh scripts/pg_test_cluster.sh start DIR``)::

    python bench/bench_db_copy.py --server postgresql://postgres@127.0.0.1:PORT/postgres [--orgs 100000] [--repeat 3]

The source is the demo office of 沙湾区 (``init_office`` + ``load_demo``), plus ``--orgs`` generated
organizations of the city (bench/generate.py) inserted by the bulk path and indexed.  Each repeat copies it into a
new database on the server (created empty, so the copy's time includes the migration), then from there into a new
SQLite file; each copy includes its check (row counts, a digest of every table on both sides, ``verify`` and
``audit verify``).  The floor: SQLite's online backup of the source file, and ``pg_dump`` + ``pg_restore`` of the
copied server database into a new one (the server's own bulk path).  Wall and CPU time (``time.process_time``:
this process only, not the server's) of each repeat, their medians, and the load average beside them.  A
benchmark, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from civicdesk.models.engine import normalize_url  # noqa: E402
from civicdesk.services.admin import transfer  # noqa: E402
from civicdesk.services.admin.demo import load_demo  # noqa: E402
from civicdesk.services.admin.office import init_office  # noqa: E402
from civicdesk.services.core.database import open_database, sqlite_backup  # noqa: E402


def _admin(server: str, sql: str) -> None:
    engine = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def _timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _source(folder: Path, orgs: int) -> Path:
    path = folder / "source.sqlite3"
    db = open_database(path)
    init_office(db, code="511111", name="乐山市沙湾区民政局", level="district")
    load_demo(db)
    if orgs:
        from bench.generate import generate_organizations, insert_communities
        from civicdesk.models import Organization, table_of
        from civicdesk.models.base import utcnow
        from civicdesk.services.core.bulk import insert_rows, stamped
        from civicdesk.services.register import search

        rows = generate_organizations(orgs, county="511111")
        with db.unit() as session:
            insert_communities(session, county="511111")
            search.prepare_rows(session, rows)
            insert_rows(session, [(table_of(Organization), stamped(rows, utcnow()))])
            search.index_rows(session, rows)
    db.close()
    return path


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="an SQLAlchemy URL of the server's maintenance database")
    parser.add_argument("--orgs", type=int, default=0, help="generated organizations beside the demo office")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    server = normalize_url(args.server)
    figures: dict[str, list[tuple[float, float]]] = {k: [] for k in ("to_pg", "to_sqlite", "sqlite_backup",
                                                                      "pg_dump_restore")}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source_path = _source(folder, args.orgs)
        source = open_database(source_path)
        rows = 0
        for repeat in range(args.repeat):
            name = f"bench_copy_{uuid.uuid4().hex[:8]}"
            again = f"{name}_restored"
            _admin(server, f'CREATE DATABASE "{name}"')
            _admin(server, f'CREATE DATABASE "{again}"')
            url = make_url(server).set(database=name).render_as_string(hide_password=False)
            try:
                wall, cpu, report = _timed(lambda url=url: transfer.copy_database(source, url, by=None))
                assert report.ok, report
                rows = report.rows
                figures["to_pg"].append((wall, cpu))
                on_server = open_database(url)
                target = folder / f"back{repeat}.sqlite3"
                wall, cpu, report = _timed(lambda s=on_server, t=target: transfer.copy_database(s, t, by=None))
                assert report.ok, report
                on_server.close()
                figures["to_sqlite"].append((wall, cpu))
                wall, cpu, _ = _timed(lambda r=repeat: sqlite_backup(source_path, folder / f"floor{r}.sqlite3"))
                figures["sqlite_backup"].append((wall, cpu))
                dump = folder / f"d{repeat}.dump"
                restored = make_url(server).set(database=again).render_as_string(hide_password=False)

                def floor(dump: Path = dump, url: str = url, restored: str = restored) -> None:
                    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", f"--dbname={_libpq(url)}"],
                                   check=True)
                    subprocess.run(["pg_restore", "--single-transaction", "--no-owner", f"--dbname={_libpq(restored)}",
                                    str(dump)], check=True)

                wall, cpu, _ = _timed(floor)
                figures["pg_dump_restore"].append((wall, cpu))
            finally:
                _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                _admin(server, f'DROP DATABASE IF EXISTS "{again}" WITH (FORCE)')
        source.close()
    print(f"db copy of the demo office of 沙湾区 + {args.orgs:,} organizations: {rows:,} rows, "
          f"{args.repeat} repeats, load average {os.getloadavg()[0]:.1f}")
    for key, values in figures.items():
        walls = [w for w, _ in values]
        cpus = [c for _, c in values]
        print(f"  {key:16} wall median {statistics.median(walls):7.2f} s  cpu median {statistics.median(cpus):7.2f} s"
              f"  (walls {', '.join(f'{w:.2f}' for w in walls)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
