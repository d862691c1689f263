"""A spot-check draw over N eligible ids (default 1,000,000) against sorting the ids alone.

Run from the repository root::

    python bench/bench_spotcheck.py [--ids 1000000] [--repeat 3] [--runs 12] [--db-rows 0] [--db FILE]

Part 1, the draw itself (no database), per repeat on the same generated ids (uuid4 text, generated once, not
timed, in random order as a query returns them):

* baseline: ``sorted(ids)``;
* draw: what :func:`civicdesk.services.supervision.spotcheck.draw` does between reading the ids and writing the
  plan: :func:`sort_and_pack` (the ids sorted bucket by bucket, each sorted bucket's text hashed and deflated
  on a worker thread while the next is sorted), then :func:`new_draw` (:func:`compute_draw` draws at 3% with a
  roster of 20 and 2 inspectors per check while the packing ends, then base64);
* verify: :func:`unpack_snapshot` + :func:`compute_draw` (what ``spotcheck verify`` computes);
* with ``--runs K`` (default 12) the draw again over the same ids in the order
  :func:`~civicdesk.services.supervision.spotcheck.eligible_ids` reads them from ``ix_organization_due_county``:
  K runs (a city's counties), each sorted, one after the other (``--runs 0``: skip).

Part 2 (``--db-rows N``, e.g. 100000): a city database with N generated organizations (``bench.generate``,
every one made this registry's, inserted by the bulk path, not timed); timed once each: the eligible-ids query
alone (the baseline: what any draw must read), the product's ``draw`` (query, draw, and writing the plan, its
snapshot, the change log and the audit, commit included) and ``verify``.

Part 3 (``--db FILE``, an existing office database such as ``bench_inspection.py``'s, only read): the query
the draw runs (:func:`eligible_ids` with the plan's default filters) then :func:`sort_and_pack` + :func:`new_draw`
(no writes), beside the query as it was before the index hint (SQLite chose the tier's sort index and read the
table) with the same draw, alternating; ``--repeat`` times each.

Prints each figure, the medians and the ratio draw / sort.  A benchmark, not a test: never fails.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from civicdesk.services.supervision import spotcheck

RATIO = Decimal("0.03")
ROSTER = [f"inspector-{n:02d}" for n in range(20)]
NAMES = ("sort", "draw", "verify")


def make_ids(n: int, seed: int = 1) -> list[str]:
    """``n`` distinct uuid4 texts in random order (deterministic for a seed)."""
    rng = random.Random(seed)
    return [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(n)]


def _clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    return time.perf_counter() - start[0], time.process_time() - start[1]


def in_runs(ids: list[str], runs: int) -> list[str]:
    """``ids`` as ``runs`` sorted runs one after the other (the order an index led by the county gives)."""
    size = -(-len(ids) // runs)
    return [i for n in range(runs) for i in sorted(ids[n * size:(n + 1) * size])]


def time_pure(ids: list[str]) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of sorting alone, the draw and the verification over ``ids``."""
    start = _clocks()
    sorted(ids)
    sort_s = _since(start)

    start = _clocks()
    ordered, packing = spotcheck.sort_and_pack(ids)
    made = spotcheck.new_draw("5eed" * 8, ordered, RATIO, ROSTER, 2, {}, packing=packing)
    draw_s = _since(start)
    packed, sha, result = made.snapshot, made.snapshot_sha256, made.result

    start = _clocks()
    again_ids, again_sha = spotcheck.unpack_snapshot(packed)
    again = spotcheck.compute_draw(spotcheck.METHOD, "5eed" * 8, again_ids, RATIO, ROSTER, 2, {})
    verify_s = _since(start)
    assert again == result and again_sha == sha and len(result.organization_ids) == spotcheck.sample_count(
        len(ids), RATIO)
    return [sort_s, draw_s, verify_s]


def time_database(rows: int, folder: Path) -> None:
    """Part 2 (see the module)."""
    from bench.bench_insert import create_database, insert_civicdesk
    from bench.generate import generate_organizations

    db = create_database(folder / "spotcheck.sqlite3")
    code = db.office().code
    generated = generate_organizations(rows, seed=3)
    for row in generated:  # every organization this registry's, so that the tier and status decide
        row["registry_code"] = code
        row["origin_office"] = code
    insert_civicdesk(db, generated, datetime(2026, 1, 1))
    del generated
    for n in range(20):
        spotcheck.add_inspector(db, f"检查员{n}", by=None)
    plan = spotcheck.plan(db, 2026, str(RATIO + Decimal("0.01")), by=None)  # the city's 4%

    with db.read() as session:
        start = time.perf_counter()
        eligible = spotcheck.eligible_ids(session, code, {})
        query_s = time.perf_counter() - start
    start = time.perf_counter()
    drawn = spotcheck.draw(db, plan.id, by=None)
    draw_s = time.perf_counter() - start
    start = time.perf_counter()
    outcome = spotcheck.verify(db, plan.id)
    verify_s = time.perf_counter() - start
    assert outcome.matches and drawn.eligible_count == len(eligible)
    db.close()
    print(f"database, {rows:,} organizations, {len(eligible):,} eligible, {drawn.drawn_count:,} drawn: "
          f"query alone {query_s:.2f} s, draw {draw_s:.2f} s (query, draw, writes, commit), "
          f"verify {verify_s:.2f} s")


def time_query(path: Path, repeat: int) -> None:
    """Part 3 (see the module)."""
    from sqlalchemy import func, select

    from civicdesk.models import Organization as o
    from civicdesk.schema import LIVE_STATUSES
    from civicdesk.services.core.database import open_database

    db = open_database(path)
    code = db.office().code

    def before() -> list[str]:
        with db.read() as session:
            return list(session.scalars(select(o.id).where(
                o.deleted_at.is_(None), o.status.in_(LIVE_STATUSES), func.substr(o.registry_code, 1, 6) == code,
                o.tier.in_(["registered"]))))

    def now() -> list[str]:
        with db.read() as session:
            return spotcheck.eligible_ids(session, code, {}, ordered=False)

    times: dict[str, list[tuple[float, float]]] = {"before": [], "now": []}
    drawn: dict[str, Any] = {}
    for n in range(repeat):
        for name in (("before", "now") if n % 2 == 0 else ("now", "before")):
            start = _clocks()
            ordered, packing = spotcheck.sort_and_pack((before if name == "before" else now)())
            made = spotcheck.new_draw("5eed" * 8, ordered, RATIO, ROSTER, 2, {}, packing=packing)
            times[name].append(_since(start))
            drawn[name] = (made.snapshot_sha256, made.result)
        print(f"database repeat {n + 1}: " + ", ".join(
            f"{k} {v[-1][0]:.3f} s (CPU {v[-1][1]:.3f} s)" for k, v in times.items())
            + f"; load {os.getloadavg()[0]:.2f}")
    assert drawn["before"] == drawn["now"]
    db.close()
    w = {k: statistics.median(x[0] for x in v) for k, v in times.items()}
    c = {k: statistics.median(x[1] for x in v) for k, v in times.items()}
    print(f"database {path.name}, {len(drawn['now'][1].organization_ids):,} drawn: query + sort + draw, medians of "
          f"{repeat}: before {w['before']:.3f} s (CPU {c['before']:.3f}), now {w['now']:.3f} s (CPU {c['now']:.3f}); "
          "same snapshot and draw")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--runs", type=int, default=12, help="also draw over the ids as K sorted runs (0: not)")
    parser.add_argument("--db-rows", type=int, default=0, help="also time a draw in a database of N rows")
    parser.add_argument("--db", type=Path, help="also time the query and the draw on this database (read only)")
    options = parser.parse_args(argv)

    ids = make_ids(options.ids)
    print(f"load average before: {os.getloadavg()[0]:.2f} (a shared machine: the CPU seconds say what the wall "
          "clock would on an idle one)")
    orders = {"random": ids}
    if options.runs:
        orders[f"{options.runs} runs"] = in_runs(ids, options.runs)
    for order, given in orders.items():
        results = []
        for n in range(options.repeat):
            timed = time_pure(given)
            results.append(timed)
            print(f"{order} order, repeat {n + 1}: " + ", ".join(
                f"{name} {wall:.3f} s (CPU {cpu:.3f} s)" for name, (wall, cpu) in zip(NAMES, timed, strict=True))
                + f"; load {os.getloadavg()[0]:.2f}")
        medians = [(statistics.median(r[i][0] for r in results), statistics.median(r[i][1] for r in results))
                   for i in range(3)]
        (sort_w, sort_c), (draw_w, draw_c), (verify_w, verify_c) = medians
        print(f"{order} order, median over {options.ids:,} ids: sort alone {sort_w:.3f} s (CPU {sort_c:.3f}), "
              f"draw {draw_w:.3f} s (CPU {draw_c:.3f}; {draw_c / sort_c:.1f}x the sort), verify {verify_w:.3f} s "
              f"(CPU {verify_c:.3f}); target: draw < 2 s")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if options.db:
        time_query(options.db, options.repeat)
    if options.db_rows:
        with tempfile.TemporaryDirectory() as folder:
            time_database(options.db_rows, Path(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
