"""Import of a sync package of N changes (default 100,000) against a plain bulk insert of the same rows.

Run from the repository root::

    python bench/bench_sync.py [--rows 100000] [--repeat 3] [--dir /tmp]

Set-up (not timed): a district office (511111) and the city (511100), each made with ``open_database`` +
``init_office`` + ``ensure_keys``, trusting each other's cards; the district gets N generated organizations
(``bench.generate``) by the bulk path, and exports them to the city as a full package (N changes, split into
consecutive files above ~20 MB as the product does).

Timed, per repeat, on fresh copies of the city database:

* import: ``incoming.import_blobs`` of the package files (in memory): structure, signature, payload hash,
  decryption, strict decoding, and the apply in one transaction (version-vector checks, inserts, search
  index), commit included;
* baseline: the same N rows inserted the way ``civicdesk demo`` loads rows (``stamped`` + search
  ``prepare_rows`` + ``insert_rows`` + ``index_rows``, one unit of work), commit included.

Prints each repeat (wall-clock seconds, and the process's CPU seconds beside them: on a shared machine the
wall clock also measures the other processes), the medians, the ratio import / baseline, and the load average
(``os.getloadavg``) before and after.  A benchmark, not a test: never fails.

Where the time goes (100,000 rows, one-off timings of each phase, 2026-11-28 after format 2): inserting the
organization rows about 8.5 s (the table's 15 indexes: 6 s of it is SQLite's own work), the search index about
8.5 s (6.5 s in FTS5, 2.2 s making the 4-grams), reading the package about 5.5 s (decryption and JSON 2.9 s,
the strict decoding 2.5 s), the commit 1.5 s.  Format 2 (upserts as plain values, the sender's pinyin
carried) and the search index without its 3-character prefix index took about 8 s off.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate_organizations
from civicdesk.models import Organization
from civicdesk.services.register import search
from civicdesk.services.core.bulk import insert_rows, stamped
from civicdesk.services.core.database import open_database
from civicdesk.services.admin.office import init_office
from civicdesk.services.sync import incoming, keys, outgoing

PASSPHRASE = "bench-passphrase"


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


def _bulk(path: Path, rows: list[dict], now: datetime) -> tuple[float, float]:
    db = open_database(path)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        with db.unit() as session:
            full = stamped([dict(r) for r in rows], now)
            search.prepare_rows(session, full)
            insert_rows(session, [(Organization.__table__, full)])
            search.index_rows(session, full)
        return time.perf_counter() - start, time.process_time() - cpu
    finally:
        db.close()


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def setup(folder: Path, n: int) -> tuple[Path, list[tuple[str, bytes]], list[dict]]:
    district, city = folder / "district.sqlite3", folder / "city.sqlite3"
    d_card, c_card = _office(district, "511111", "district"), _office(city, "511100", "city")
    _trust(district, c_card)
    _trust(city, d_card)
    rows = generate_organizations(n, seed=11)
    for r in rows:
        r["origin_office"] = "511111"
    _bulk(district, rows, datetime(2026, 1, 1))
    db = open_database(district)
    try:
        start = time.perf_counter()
        packages = outgoing.export(db, "511100", PASSPHRASE, full=True)
        print(f"export: {len(packages)} file(s), {sum(len(p.data) for p in packages) / 1e6:.1f} MB, "
              f"{sum(p.changes for p in packages):,} changes, {time.perf_counter() - start:.1f} s")
    finally:
        db.close()
    _checkpoint(city)
    return city, [(p.file_name, p.data) for p in packages], rows


def run(folder: Path, city: Path, blobs: list[tuple[str, bytes]], rows: list[dict], i: int) -> tuple[float, ...]:
    target = folder / f"import{i}.sqlite3"
    shutil.copyfile(city, target)
    db = open_database(target)
    try:
        # the passphrase is unlocked once per process (as in the GUI): not part of the import's time
        with db.read() as session:
            keys.decryption_keys(session, PASSPHRASE)
        start, cpu = time.perf_counter(), time.process_time()
        results = incoming.import_blobs(db, blobs, PASSPHRASE)
        t_import, c_import = time.perf_counter() - start, time.process_time() - cpu
        assert {r.status for r in results} == {"applied"}, results
    finally:
        db.close()
    baseline = folder / f"bulk{i}.sqlite3"
    shutil.copyfile(city, baseline)
    t_bulk, c_bulk = _bulk(baseline, rows, datetime(2026, 1, 1))
    for p in (target, baseline):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{p}{suffix}").unlink(missing_ok=True)
    return t_import, t_bulk, c_import, c_bulk


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        city, blobs, rows = setup(folder, args.rows)
        print(f"before: {_load()}")
        imports, bulks, cpu_imports, cpu_bulks = [], [], [], []
        for i in range(args.repeat):
            t_import, t_bulk, c_import, c_bulk = run(folder, city, blobs, rows, i)
            imports.append(t_import)
            bulks.append(t_bulk)
            cpu_imports.append(c_import)
            cpu_bulks.append(c_bulk)
            print(f"repeat {i + 1}: import {t_import:.2f} s (CPU {c_import:.2f} s), bulk insert {t_bulk:.2f} s "
                  f"(CPU {c_bulk:.2f} s), ratio {t_import / t_bulk:.2f}x; {_load()}")
        mi, mb = statistics.median(imports), statistics.median(bulks)
        ci, cb = statistics.median(cpu_imports), statistics.median(cpu_bulks)
        print(f"median of {args.repeat}: import of {args.rows:,} changes {mi:.2f} s (target < 30 s), "
              f"plain bulk insert {mb:.2f} s, ratio {mi / mb:.2f}x; CPU {ci:.2f} s against {cb:.2f} s "
              f"({ci / cb:.2f}x); after: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
