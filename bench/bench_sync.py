"""Import of a sync package of N changes (default 100,000) against a plain bulk insert of the same rows.

Run from the repository root::

    python bench/bench_sync.py [--rows 100000] [--repeat 3] [--county 511111] [--dir /tmp]

Set-up (not timed): a district office (``--county``, by default 沙湾区 511111) and the city (511100), each made
with ``open_database`` + ``init_office`` + ``ensure_keys``, trusting each other's cards; the district gets N
generated organizations of its own (``generate_organizations(N, county=…)``: every row located in the county
and registered by it or its townships and communities, so the district owns, and exports, every one) with the
generator's invented villages and communities, by the bulk path, and exports them to the city as a full
package (N changes and the communities they point to, split into consecutive files above ~20 MB as the
product does).  The export's time and size are printed; the set-up stops if fewer than N rows were exported.

Timed, per repeat, on fresh copies of the city database:

* import: ``incoming.import_blobs`` of the package files (in memory): structure, signature, payload hash,
  decryption, strict decoding, and the apply in one transaction (version-vector checks, inserts, search
  index), commit included; then the city's count of organizations is checked to be N (not timed);
* baseline: the same N rows (and the same communities) inserted the way ``civicdesk demo`` loads rows
  (``stamped`` + search ``prepare_rows`` + ``insert_rows`` + ``index_rows``, one unit of work), commit included.

Prints each repeat (wall-clock seconds, and the process's CPU seconds beside them: on a shared machine the
wall clock also measures the other processes), the medians, the ratio import / baseline, and the load average
(``os.getloadavg``) before and after.  A benchmark, not a test: never fails on a figure.  ``--profile N``
then imports the package once more under ``cProfile`` (not part of the figures) and prints the N costliest
functions by own time and by cumulative time, with file:line.

Where the time goes (100,000 rows, one-off timings of each phase, 2026-11-28 after format 2): inserting the
organization rows about 8.5 s (the table's 15 indexes: 6 s of it is SQLite's own work), the search index about
8.5 s (6.5 s in FTS5, 2.2 s making the 4-grams), reading the package about 5.5 s (decryption and JSON 2.9 s,
the strict decoding 2.5 s), the commit 1.5 s.  Format 2 (upserts as plain values, the sender's pinyin
carried) and the search index without its 3-character prefix index took about 8 s off.

The per-row checks of issue 14 (ownership, every value as ``org add`` would judge it) made the import about
twice the bulk insert in CPU.  2026-12-05, both trees run side by side on a shared 2-core machine (load average
3-5): import CPU 78.2 s against 39.4 s for the bulk insert (1.99x) before, 66.7 s against 40.7 s (1.64x) after
(the text checks told plain by one regular expression per row, the audit of the rows without repeated
look-ups, the ownership check without copies of every row); the export 98.9 s -> 72.2 s (wall).  What remains
above the bulk insert is mostly outside sync: ``validate_org`` per row (~14% of the import), the audit trail's
canonical JSON (~12%) and the search index (~12%).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import demo_bulk_insert, generate_organizations, insert_communities
from sqlalchemy import func, select

from civicdesk.models import Organization
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.admin.office import init_office
from civicdesk.services.sync import incoming, keys, outgoing

PASSPHRASE = "bench-passphrase"
SEED = 11
CITY = "511100"


class Setup(NamedTuple):
    """The city database before any import, the package's files, the rows sent, and the export's figures."""

    city: Path
    blobs: list[tuple[str, bytes]]
    rows: list[dict]
    county: str
    export_s: float
    package_bytes: int
    changes: int


class Repeat(NamedTuple):
    """One repeat: import and baseline, wall and CPU seconds, and the organizations at the city afterwards."""

    import_s: float
    bulk_s: float
    import_cpu: float
    bulk_cpu: float
    arrived: int


def _office(path: Path, code: str, level: str) -> bytes:
    db = open_database(path)
    init_office(db, code=code, name=f"bench {code}", level=level)
    keys.ensure_keys(db, PASSPHRASE)
    card = keys.make_card(db, PASSPHRASE)
    db.close()
    return card


def _trust(path: Path, card: bytes) -> None:
    db = open_database(path)
    keys.trust_card(db, card)
    db.close()


def _bulk(path: Path, rows: list[dict], now: datetime, county: str) -> tuple[float, float]:
    db = open_database(path)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        with db.unit() as session:
            insert_communities(session, SEED, county)  # what the package carries besides the rows
            demo_bulk_insert(session, [dict(r) for r in rows], now)
        return time.perf_counter() - start, time.process_time() - cpu
    finally:
        db.close()


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Organization)) or 0


def setup(folder: Path, n: int, county: str = "511111") -> Setup:
    """Both offices, the district's N rows, and its export to the city (see the module's docstring)."""
    district, city = folder / "district.sqlite3", folder / "city.sqlite3"
    d_card, c_card = _office(district, county, "district"), _office(city, CITY, "city")
    _trust(district, c_card)
    _trust(city, d_card)
    rows = generate_organizations(n, seed=SEED, county=county)
    _bulk(district, rows, datetime(2026, 1, 1), county)
    db = open_database(district)
    try:
        start = time.perf_counter()
        packages = outgoing.export(db, CITY, PASSPHRASE, full=True)
        export_s = time.perf_counter() - start
    finally:
        db.close()
    size, changes = sum(len(p.data) for p in packages), sum(p.changes for p in packages)
    print(f"export by {county}: {len(packages)} file(s), {size / 1e6:.1f} MB, {changes:,} changes, {export_s:.1f} s")
    if changes < n:  # a benchmark of a partial package would time the wrong thing
        raise SystemExit(f"only {changes:,} of {n:,} rows were exported: rows not owned by {county}?")
    _checkpoint(city)
    return Setup(city, [(p.file_name, p.data) for p in packages], rows, county, export_s, size, changes)


def run(folder: Path, s: Setup, i: int, inspect: Callable[[Database], None] | None = None) -> Repeat:
    """Repeat ``i``: import the package into a fresh copy of the city, then the baseline into another;
    ``inspect`` is given the city after the import (bench_pg_scale compares its rows)."""
    target = folder / f"import{i}.sqlite3"
    shutil.copyfile(s.city, target)
    db = open_database(target)
    try:
        # the passphrase is unlocked once per process (as in the GUI): not part of the import's time
        with db.read() as session:
            keys.decryption_keys(session, PASSPHRASE)
        start, cpu = time.perf_counter(), time.process_time()
        results = incoming.import_blobs(db, s.blobs, PASSPHRASE)
        t_import, c_import = time.perf_counter() - start, time.process_time() - cpu
        if {r.status for r in results} != {"applied"}:
            raise SystemExit(f"the import was not applied: {results}")
        arrived = _count(db)
        if inspect is not None:
            inspect(db)
    finally:
        db.close()
    baseline = folder / f"bulk{i}.sqlite3"
    shutil.copyfile(s.city, baseline)
    t_bulk, c_bulk = _bulk(baseline, s.rows, datetime(2026, 1, 1), s.county)
    for p in (target, baseline):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{p}{suffix}").unlink(missing_ok=True)
    return Repeat(t_import, t_bulk, c_import, c_bulk, arrived)


def _unlocked_copy(target: Path, s: Setup) -> Database:
    """A fresh copy of the city at ``target``, opened, its passphrase unlocked (once per process, as in the GUI:
    not part of an import's time)."""
    shutil.copyfile(s.city, target)
    db = open_database(target)
    with db.read() as session:
        keys.decryption_keys(session, PASSPHRASE)
    return db


def profile(folder: Path, s: Setup, top: int) -> None:
    """One more import of the package into a fresh copy of the city, under cProfile; the top costs printed."""
    db = _unlocked_copy(folder / "profile.sqlite3", s)
    try:
        profiler = cProfile.Profile()
        profiler.enable()
        incoming.import_blobs(db, s.blobs, PASSPHRASE)
        profiler.disable()
    finally:
        db.close()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    for key in ("tottime", "cumulative"):
        print(f"profile of one import, top {top} by {key}:")
        stats.sort_stats(key).print_stats(top)


def steps(folder: Path, s: Setup) -> str:
    """One more import of the package into a fresh copy of the city with its steps timed (bench/steps.py)."""
    from sqlalchemy.orm.session import SessionTransaction

    from bench.steps import Steps
    from civicdesk.models import audit
    from civicdesk.services.register import organizations, search
    from civicdesk.services.sync import apply, trust

    db = _unlocked_copy(folder / "steps.sqlite3", s)
    try:
        with Steps([("opening (open_file)", incoming, "open_file"),
                    ("apply (apply_changes)", incoming, "apply_changes"),
                    ("of it check_ownership", trust, "check_ownership"),
                    ("check_rows", trust, "check_rows"),
                    ("of it validate_org", organizations, "validate_org"),
                    ("write (_write)", apply, "_write"),
                    ("of it _insert_many", apply, "_insert_many"),
                    ("search.prepare_rows", search, "prepare_rows"),
                    ("search.index_rows", search, "index_rows"),
                    ("audit.append", audit, "append"),
                    ("commit", SessionTransaction, "commit")]) as timed:
            gc.collect()
            cpu = time.process_time()
            incoming.import_blobs(db, s.blobs, PASSPHRASE)
            total = time.process_time() - cpu
        return timed.report(total, ("opening (open_file)", "apply (apply_changes)", "audit.append", "commit"))
    finally:
        db.close()


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--county", default="511111", help="the exporting district (default 沙湾区 511111)")
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="then profile one more import and print its N costliest functions")
    parser.add_argument("--steps", action="store_true",
                        help="then one more import with its steps' CPU timed (bench/steps.py)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        s = setup(folder, args.rows, args.county)
        print(f"before: {_load()}")
        repeats: list[Repeat] = []
        for i in range(args.repeat):
            r = run(folder, s, i)
            repeats.append(r)
            print(f"repeat {i + 1}: import {r.import_s:.2f} s (CPU {r.import_cpu:.2f} s, "
                  f"{args.rows / r.import_s:,.0f} rows/s), bulk insert {r.bulk_s:.2f} s (CPU {r.bulk_cpu:.2f} s), "
                  f"ratio {r.import_s / r.bulk_s:.2f}x; {r.arrived:,} of {args.rows:,} rows at the city; {_load()}")
            if r.arrived != args.rows:
                raise SystemExit(f"the city holds {r.arrived:,} organizations, not {args.rows:,}")
        mi, mb = statistics.median(r.import_s for r in repeats), statistics.median(r.bulk_s for r in repeats)
        ci = statistics.median(r.import_cpu for r in repeats)
        cb = statistics.median(r.bulk_cpu for r in repeats)
        print(f"median of {args.repeat}: import of {args.rows:,} changes {mi:.2f} s ({args.rows / mi:,.0f} rows/s; "
              f"issue 20 target <= 8 s), plain bulk insert {mb:.2f} s, ratio {mi / mb:.2f}x; CPU {ci:.2f} s against "
              f"{cb:.2f} s ({ci / cb:.2f}x); export {s.export_s:.1f} s, package {s.package_bytes / 1e6:.1f} MB; "
              f"after: {_load()}")
        if args.steps:
            print(f"one more import, its steps timed (the wrappers' own cost included): {steps(folder, s)}")
        if args.profile:
            profile(folder, s, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
