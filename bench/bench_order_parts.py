"""Where a million-row whole order and the slowest search go: SQLite's own work beside the program's.

Usage::

    python bench/bench_order_parts.py [--db FILE] [--repeat 5]

on bench_register's kept city (default ``/work/bench-cache/register1m/register-1000000.sqlite3``), opened
read-only (``immutable``: never written).  Issue 20's rows 5 and 7, taken apart:

* **whole order** (the name order of the existing organizations, as ``browse.ordered_seqs`` reads it): the walk
  of the sort index counting its entries (the baseline: SQLite's walk alone), the same walk making the JSON array
  (what the program asks), ``json.loads`` of it, ``array('q', …)`` of the list, the program's path whole, and a
  variant made by SQLite as fixed-width hex (``group_concat(printf('%08x', seq), '')`` then ``bytes.fromhex`` and
  ``array.frombytes``: no Python object a row), checked to give the same order;
* **full pinyin** ``laonian``: FTS5's count alone (``NEAR`` of its end 4-grams, the register's default filter),
  the program's ``count_live``, and ``browse.count_and_first_page`` (what the window asks).

CPU milliseconds of this process (``time.process_time``), medians of ``--repeat``, with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_register import open_read_only  # noqa: E402
from civicdesk.schema import LIVE_STATUSES  # noqa: E402
from civicdesk.services.register import browse, search  # noqa: E402
from civicdesk.services.register.browse import RegisterFilter  # noqa: E402

DEFAULT_DB = Path("/work/bench-cache/register1m/register-1000000.sqlite3")
INDEX = "ix_organization_sort_rank"


def cpu_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        start = time.process_time()
        out = fn()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"no database at {args.db}: build one with bench/bench_register.py --keep DIR", file=sys.stderr)
        return 2
    print(f"bench_order_parts {time.strftime('%Y-%m-%d %H:%M')}, {args.db.name}, load "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    conn = sqlite3.connect(f"{args.db.resolve().as_uri()}?immutable=1", uri=True)
    live = " OR ".join("+status = ?" for _ in LIVE_STATUSES)
    where = f"FROM organization INDEXED BY {INDEX} WHERE deleted_at IS NULL AND ({live})"

    def one(sql: str) -> Any:
        return conn.execute(sql, LIVE_STATUSES).fetchone()[0]

    walk, rows = cpu_ms(lambda: one(f"SELECT count(seq) {where}"), args.repeat)
    bare, every = cpu_ms(lambda: conn.execute(f"SELECT count(seq) FROM organization INDEXED BY {INDEX}"
                                              " WHERE deleted_at IS NULL").fetchone()[0], args.repeat)
    made, text = cpu_ms(lambda: one(f"SELECT json_group_array(seq) {where}"), args.repeat)
    loads, listed = cpu_ms(lambda: json.loads(text), args.repeat)
    arrayed, _ = cpu_ms(lambda: array("q", listed), args.repeat)
    whole, seqs = cpu_ms(lambda: array("q", json.loads(one(f"SELECT json_group_array(seq) {where}"))), args.repeat)

    def hexed() -> array:
        out = array("I")
        out.frombytes(bytes.fromhex(one(f"SELECT group_concat(printf('%08x', seq), '') {where}")))
        out.byteswap()
        return array("q", out)

    hex_ms, hex_seqs = cpu_ms(hexed, args.repeat)
    print(f"whole order by name, {rows:,} rows (CPU ms, median of {args.repeat}):")
    print(f"  walk of {INDEX}, counting (baseline)  {walk:8.1f}")
    print(f"  the same walk without the status test ({every:,} rows)  {bare:8.1f}")
    print(f"  the same walk making the JSON array       {made:8.1f}")
    print(f"  json.loads of it                          {loads:8.1f}")
    print(f"  array('q', list)                          {arrayed:8.1f}")
    print(f"  the program's path whole (SQL + loads + array) {whole:8.1f}")
    print(f"  fixed-width hex made by SQLite, no object a row {hex_ms:8.1f}  same order: {hex_seqs == seqs}")

    query = "laonian"
    match = search.plan(query, live_only=True)
    assert match is not None and match.table is not None
    fts, count = cpu_ms(lambda: conn.execute(f"SELECT count(*) FROM {match.table} WHERE {match.table} MATCH ?",
                                             (match.expression,)).fetchone()[0], args.repeat * 4)
    db = open_read_only(args.db)
    try:
        def live_count() -> int | None:
            with db.read() as session:
                return search.count_live(session, query)

        counted, program_count = cpu_ms(live_count, args.repeat * 4)
        flt = RegisterFilter(text=query, status="live")
        answered, (window_count, page) = cpu_ms(lambda: browse.count_and_first_page(db, flt), args.repeat * 4)

        def ranks() -> list[int] | None:
            with db.read() as session:
                return search.first_ranks(session, query, 100)

        ranked, first = cpu_ms(ranks, args.repeat * 4)
        paged, rows = cpu_ms(lambda: browse.first_page(db, flt), args.repeat * 4)
    finally:
        db.close()
    print(f"full pinyin {query!r}, {count:,} live matches (CPU ms, median of {args.repeat * 4}):")
    print(f"  FTS5's count alone, {match.expression!r} (baseline)  {fts:6.2f}")
    print(f"  search.count_live                          {counted:6.2f}  same count: {program_count == count}")
    print(f"  browse.count_and_first_page ({len(page)} rows)   {answered:6.2f}  same count: {window_count == count}")
    print(f"  of it search.first_ranks (the page's ranks)  {ranked:6.2f}  {len(first or [])} ranks")
    same = [r.seq for r in rows] == [r.seq for r in page]
    print(f"  browse.first_page (ranks, then their rows)  {paged:6.2f}  same rows: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
