"""Search of the register on PostgreSQL beside SQLite, at N organizations, in one run.

Usage: ``python bench/bench_pg_search.py --server postgresql://user@host/db [--rows 100000] [--repeat 20]
[--keep DIR]`` (the server's URL: any database of it; its user must be allowed to create databases; default
``CIVICDESK_TEST_PG``, as the tests use).

Builds (or reuses, when it holds ``--rows`` organizations) the same generated city as bench_register, once in an
SQLite file (``DIR/register-N.sqlite3``, bench_register's build) and once in a database ``civicdesk_bench_N`` on
the server (the same rows, the same bulk path), then for each of bench_register's query kinds measures what the
register window does for a search: the count, then the first page (100 rows in name order), p50 and p95 over
``--repeat`` runs, wall and CPU time of this process (``time.process_time``: the server's own CPU is not in it),
with the machine's load average.  On the server it measures:

* ``PG``: the program's plan: the table ``org_gram`` of migration 0014 (4-grams, rank, live; counted and paged
  by index-only scans) for the queries it answers; for a search with another filter or sort the ranks of the
  query's key or range, for 5 characters or more the ranks of its rarest 4-gram checked by LIKE, for punctuation
  or one character the LIKE scan (``search.condition``; migration 0020 dropped the bigram GIN index);
* with ``--uncounted``, ``PG uncounted``: the same with ``org_gram_count`` (migration 0019) left out: a query of
  one key counted by an index-only scan of its entries, as 0014 did;
* with ``--bigram``, ``PG bigram``: the program of 0019: the bigram GIN index of 0013 then LIKE for whatever
  ``org_gram`` does not count and page (made again by the bench from 0020's frozen SQL, dropped at the end);
* with ``--intersect``, ``PG intersect``: a query of 5 characters or more answered by the ranks holding both its
  first and its last 4-gram (instead of its rarest one) checked by LIKE: the alternative measured;
* ``PG scan``: the LIKE condition alone (what the program did before 0013: a scan of the table);
* with ``--trgm``, ``PG trgm``: the LIKE condition alone with pg_trgm GIN indexes on the five columns, the
  alternative measured against the bigram index (made by the bench when the extension can be created, dropped
  again at the end);

and checks that each gives the same count and the same first page as SQLite.  Besides bench_register's kinds
(the register's default filter in name order) it measures the kinds that take ``search.condition``
(:data:`EXTRA`): an 8-character name, punctuation, a 2- and a 4-character query sorted by date, a 2-character
query with another filter.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import and_, create_engine, func, or_, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from bench.bench_register import QUERIES, build, open_read_only  # noqa: E402
from bench.generate import generate_organizations, insert_communities  # noqa: E402
from civicdesk.models import Organization  # noqa: E402
from civicdesk.schema import LIVE_STATUSES  # noqa: E402
from civicdesk.models.engine import normalize_url  # noqa: E402
from civicdesk.services.admin.office import init_office  # noqa: E402
from civicdesk.services.core.bulk import insert_rows, stamped  # noqa: E402
from civicdesk.services.core.database import Database, open_database  # noqa: E402
from civicdesk.services.register import browse, search  # noqa: E402

TRGM_COLUMNS = ("name", "address", "legal_rep_name", "name_pinyin", "name_initials")
#: kinds beyond bench_register's: (query, sort key, descending, other filter)
EXTRA: dict[str, tuple[str, str, bool, dict[str, Any]]] = {
    "8-char name": ("乐山市智慧树慈善", "name", False, {}),
    "punctuation": ("老年-协会", "name", False, {}),
    "2-char by date": ("通江", "established_on", True, {}),
    "4-char by date": ("老年协会", "established_on", True, {}),
    "2-char + filter": ("通江", "name", False, {"legal_form": "social_group"}),
}


def load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _admin(server: str) -> Any:
    return create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def build_server(server: str, rows: int) -> Database:
    """The generated city in ``civicdesk_bench_<rows>`` on the server (kept between runs)."""
    name = f"civicdesk_bench_{rows}"
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    engine = _admin(server)
    with engine.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
    if exists:
        db = open_database(url, backup=False)  # a bench database: migrated without a pg_dump of it
        with db.read() as s:
            if s.scalar(select(func.count()).select_from(Organization)) == rows:
                engine.dispose()
                return db
        db.close()
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    db = open_database(url)
    init_office(db, code="511100", name="乐山市民政局", level="city")
    data = generate_organizations(rows)
    start = time.perf_counter()
    with db.unit() as session:
        insert_communities(session)
        prepared = stamped(data, datetime.now())
        search.prepare_rows(session, prepared)
        insert_rows(session, [(Organization.__table__, prepared)])
        search.index_rows(session, prepared)
    print(f"built {rows:,} rows on the server (with org_gram) in {time.perf_counter() - start:.1f} s")
    vacuum(db)
    return db


def vacuum(db: Database) -> None:
    """VACUUM ANALYZE (autovacuum's work on a live server: statistics, and the visibility map that lets a covering
    index answer without the table), outside a transaction."""
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE organization")
        conn.exec_driver_sql("VACUUM ANALYZE org_gram")
        conn.exec_driver_sql("VACUUM ANALYZE org_gram_count")


def trigram_indexes(db: Database, make: bool) -> bool:
    """Make (or drop) the pg_trgm GIN indexes; False when the extension cannot be created."""
    with db.engine.connect() as conn:
        if make:
            try:
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except Exception as exc:  # noqa: BLE001 (any refusal: not installed, not allowed)
                print(f"pg_trgm not available: {exc}")
                conn.rollback()
                return False
            start = time.perf_counter()
            for c in TRGM_COLUMNS:
                conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS bench_trgm_{c} ON organization"
                                     f" USING gin ({c} gin_trgm_ops)")
            conn.exec_driver_sql("ANALYZE organization")
            print(f"pg_trgm GIN indexes on {', '.join(TRGM_COLUMNS)} made in {time.perf_counter() - start:.1f} s")
        else:
            for c in TRGM_COLUMNS:
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS bench_trgm_{c}")
        conn.commit()
    return True


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(db: Database, query: str, repeat: int, sort_key: str = "name", descending: bool = False,
            other: dict[str, Any] | None = None) -> tuple[list[float], list[float], int, list[str]]:
    """What the window does: count, then the first page (in name order unless ``sort_key``)."""
    flt = browse.RegisterFilter(text=query, **(other or {}))
    wall, cpu = [], []
    n, page = 0, []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        n = browse.count(db, flt)
        page = browse.first_page(db, flt, sort_key, descending, 100, expected=n)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return wall, cpu, n, [r.id for r in page]


# the program of 0019's condition on the server: the bigram GIN index's containment, then LIKE (frozen here with
# the index's SQL from migration 0020, which makes it again on a downgrade)
BIGRAMS = importlib.import_module("civicdesk.models.migrations.versions.0020_postgresql_drop_bigrams")


def _bigram_condition(_session: Any, query: str) -> Any:
    like = search.like_condition(query, ilike=True)
    low = "".join(c.lower() if c.isascii() else c for c in search.normalize_query(query))
    grams = sorted({low[i:i + 2] for i in range(len(low) - 1)})
    if not grams:
        return like
    return and_(text(f"{BIGRAMS.BIGRAM_SOURCE} @> CAST(:grams AS text[])").bindparams(grams=grams), like)


def _intersect_condition(session: Any, query: str) -> Any:
    """A query of 5 characters or more: the ranks holding its first and its last 4-gram, checked by LIKE."""
    low = search.normalize_query(query).lower()
    how = search.plan(query)
    if search.gram_plan(query) is not None or how is None or how.like or how.uscc_prefix:
        return kept_condition(session, query)
    first, last = (search._gram_ranks(search.GramMatch(g, None, several=False)) for g in (low[:4], low[-4:]))
    return and_(Organization.name_rank.in_(first.intersect(last).scalar_subquery()),
                search.like_condition(query, ilike=True))


kept_condition = search._server_condition
kept_first_ranks = search._checked_first_ranks


def measure_with(condition: Any, db: Database, query: str, repeat: int, *args: Any) -> tuple[
        list[float], list[float], int, list[str]]:
    """:func:`measure` with ``condition`` as the server's ``search._server_condition``; for 0019's bigram path also
    without the checked first page (0019 had none: such a page was the condition's query)."""
    search._server_condition = condition  # type: ignore[assignment]
    if condition is _bigram_condition:
        search._checked_first_ranks = lambda *_args: None  # type: ignore[assignment]
    try:
        return measure(db, query, repeat, *args)
    finally:
        search._server_condition = kept_condition  # type: ignore[assignment]
        search._checked_first_ranks = kept_first_ranks  # type: ignore[assignment]


def bigram_index(db: Database, make: bool) -> None:
    """Make (as migration 0013 did, from 0020's frozen SQL) or drop the bigram GIN index and its function."""
    with db.engine.connect() as conn:
        start = time.perf_counter()
        if make:
            conn.exec_driver_sql(BIGRAMS.BIGRAM_FUNCTION)
            conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_organization_bigrams ON organization USING gin"
                                 f" ({BIGRAMS.BIGRAM_SOURCE})")
            conn.exec_driver_sql("ANALYZE organization")
            print(f"bigram GIN index made in {time.perf_counter() - start:.1f} s")
        else:
            conn.exec_driver_sql("DROP INDEX IF EXISTS ix_organization_bigrams")
            conn.exec_driver_sql("DROP FUNCTION IF EXISTS civicdesk_bigrams(text)")
        conn.commit()


def measure_uncounted(db: Database, query: str, repeat: int, *args: Any) -> tuple[list[float], list[float], int,
                                                                                  list[str]]:
    """:func:`measure` with ``org_gram_count`` left out (migration 0019): a query of one key of ``org_gram``
    counted by an index-only scan of its entries, as 0014 did (the A/B of the kept counts)."""
    kept = search._server_count

    def counted(session: Any, q: str) -> int | None:
        match = search.gram_plan(q)
        if match is None or match.high is not None:
            return kept(session, q)
        sql = f"SELECT count(*) FROM {search.GRAM_TABLE} WHERE gram = :low AND live"
        return int(session.execute(text(sql), {"low": match.low}).scalar() or 0)

    search._server_count = counted  # type: ignore[assignment]
    try:
        return measure(db, query, repeat, *args)
    finally:
        search._server_count = kept  # type: ignore[assignment]


def sizes(db: Database) -> str:
    with db.read() as s:
        row = s.execute(text("SELECT pg_relation_size('org_gram'), pg_indexes_size('org_gram'),"
                             " pg_total_relation_size('organization'), (SELECT count(*) FROM org_gram),"
                             " pg_total_relation_size('org_gram_count'), (SELECT count(*) FROM org_gram_count)")).one()
    return (f"org_gram: {row[3]:,} rows, table {row[0] / 2**20:,.0f} MB, key {row[1] / 2**20:,.0f} MB"
            f" (organization with its indexes {row[2] / 2**20:,.0f} MB); org_gram_count: {row[5]:,} rows,"
            f" {row[4] / 2**20:,.0f} MB with its index")


def measure_like(db: Database, query: str, repeat: int,
                 plain: bool = False) -> tuple[list[float], list[float], int, list[str]]:
    """The same two statements with the LIKE condition alone (no bigram containment); ``plain``: ILIKE on the
    columns as they are (no COLLATE), which pg_trgm's indexes on the columns can answer."""
    o = Organization
    live = (o.deleted_at.is_(None), o.status.in_(LIVE_STATUSES))
    like = search.like_condition(query, ilike=True)
    if plain and not search.uscc_query(search.normalize_query(query)):
        pattern = f"%{search.normalize_query(query)}%"
        like = or_(*(getattr(o, c).ilike(pattern) for c in TRGM_COLUMNS))
    wall, cpu = [], []
    n, page = 0, []
    with db.read() as s:
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            n = int(s.scalar(select(func.count()).select_from(o).where(like, *live)) or 0)
            page = list(s.scalars(select(o.id).where(like, *live).order_by(o.name_rank.asc().nulls_first(),
                                                                          o.seq.asc().nulls_first()).limit(100)))
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    return wall, cpu, n, page


def report(label: str, wall: list[float], cpu: list[float]) -> str:
    return (f"{label} p50 {pct(wall, .5) * 1000:7.1f} p95 {pct(wall, .95) * 1000:7.1f} ms"
            f" (cpu {statistics.median(cpu) * 1000:5.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default=os.environ.get("CIVICDESK_TEST_PG"))
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "civicdesk-bench")
    parser.add_argument("--trgm", action="store_true", help="also measure pg_trgm GIN indexes")
    parser.add_argument("--no-scan", action="store_true", help="leave out the LIKE scan (slow at a million)")
    parser.add_argument("--bigram", action="store_true", help="also measure 0019's bigram GIN index (made again)")
    parser.add_argument("--intersect", action="store_true", help="also measure long queries by two 4-grams")
    parser.add_argument("--uncounted", action="store_true", help="also measure one key without org_gram_count")
    parser.add_argument("--only-extra", action="store_true", help="only the kinds of EXTRA and full pinyin")
    args = parser.parse_args()
    if not args.server:
        parser.error("give --server (or set CIVICDESK_TEST_PG)")
    args.keep.mkdir(parents=True, exist_ok=True)
    server = normalize_url(args.server)
    path = args.keep / f"register-{args.rows}.sqlite3"
    # a kept file (shared, perhaps at an older revision than this program's) is only read: no migration, no backup
    on_file = open_read_only(path) if path.exists() else build(path, args.rows)
    served = build_server(server, args.rows)
    vacuum(served)
    print(sizes(served))
    print(f"\nsearch at {args.rows:,} organizations: count + first page (100 rows by name),"
          f" {args.repeat} runs, {load()}")
    kinds = {label: (query, "name", False, {}) for label, query in QUERIES.items()
             if not args.only_extra or label == "full pinyin"}
    kinds.update(EXTRA)
    if args.bigram:
        bigram_index(served, True)
    results: dict[str, dict[str, Any]] = {}
    half = max(1, args.repeat // 2)
    for label, (query, *how) in kinds.items():
        r = results[label] = {}
        for _round in range(2):  # alternating, half the runs each
            for kind, run in (("sqlite", lambda q=query, h=how: measure(on_file, q, half, *h)),
                              ("PG", lambda q=query, h=how: measure(served, q, half, *h)),
                              ("PG uncounted", lambda q=query, h=how: measure_uncounted(served, q, half, *h)),
                              ("PG bigram", lambda q=query, h=how: measure_with(_bigram_condition, served, q, half,
                                                                                *h)),
                              ("PG intersect", lambda q=query, h=how: measure_with(_intersect_condition, served, q,
                                                                                   half, *h))):
                if kind == "PG uncounted" and not args.uncounted or kind == "PG bigram" and not args.bigram:
                    continue
                if kind == "PG intersect" and not args.intersect:
                    continue
                got = run()
                if kind in r:
                    got = (r[kind][0] + got[0], r[kind][1] + got[1], got[2], got[3])
                r[kind] = got
        if not args.no_scan and label not in EXTRA:
            results[label]["PG scan"] = measure_like(served, query, max(3, args.repeat // 4))
    if args.bigram:
        bigram_index(served, False)
    if args.trgm and trigram_indexes(served, True):
        for label, (query, *_how) in kinds.items():
            results[label]["PG trgm"] = measure_like(served, query, args.repeat, plain=True)
        trigram_indexes(served, False)
    for label, (query, *_how) in kinds.items():
        r = results[label]
        n = r["sqlite"][2]
        line = f"  {label:17} {query!r:10} {n:>7,} hits  " + report("SQLite", *r["sqlite"][:2])
        for kind in ("PG", "PG uncounted", "PG bigram", "PG intersect", "PG scan", "PG trgm"):
            if kind in r:
                same = r[kind][2] == n and (kind in ("PG scan", "PG trgm") or r[kind][3] == r["sqlite"][3])
                line += " | " + report(kind, *r[kind][:2]) + ("" if same else "  DIFFERENT ANSWER")
        print(line)
    print(load())
    on_file.close()
    served.close()


if __name__ == "__main__":
    main()
