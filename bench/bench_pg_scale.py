"""The register, a ledger import and a sync import on PostgreSQL beside SQLite, measured in the same run.

Usage::

    python bench/bench_pg_scale.py --server postgresql://user@host/db [--only ledger,sync,register]
        [--ledger-rows 100000] [--sync-rows 100000] [--register-rows 1000000] [--repeat 3] [--keep DIR]

(the server's URL: any database of it, its user allowed to create databases; default ``CIVICDESK_TEST_PG``).

* **ledger**: a ledger of N rows (bench_import's file: Chinese headers, labels, date cells) imported by
  ``ledger.import_ledger(legacy=True)`` (an administrator digitizing the office's records: the rows go into the
  register in one transaction, with their change log, search index and audit) into a fresh city office, in an
  SQLite file and in a fresh database on the server, alternating which goes first.  Checked: both report the
  same counts and the register then holds the same rows (a digest of every imported column, by USCC).
* **sync**: bench_sync's package (a district's N organizations exported to the city) imported by
  ``incoming.import_blobs`` into a fresh copy of the city (bench_sync's own repeat on SQLite, with its plain bulk
  insert baseline; on the server a database made from a template of the same city, with the same keys), and the
  same bulk insert on the server.  Checked: every sent row arrived, with the same values, on both back ends.
* **register**: bench_register's generated city of N organizations (built once in ``DIR``, and once in a
  database ``civicdesk_bench_N`` on the server by bench_pg_search, both kept), then what the register window
  asks of the services (``org_table_model``): the first rows (the first 200 in name order, then the count), for each
  sort order its first page and its whole ordered id array (the sort), and a jump (the block of 200 rows at the
  middle, the end and a third of that order, ``browse.rows``).  Checked: the same count, the same first page
  and the same whole order on both back ends.

Every figure is the median (and p95 where there are enough runs) of ``--repeat`` runs, wall and CPU of this
process (``time.process_time``: the server's own CPU is not in it), with the load average.  For the imports the
server's CPU meanwhile is printed beside them (``server cpu``) when the server runs on this machine (its
processes read from /proc): on one machine the client and the server share the cores, and an import that waits
for the server while it works pays both.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from bench import bench_sync  # noqa: E402
from bench.bench_import import fresh_database, ledger_rows, write_ledger  # noqa: E402
from bench.bench_pg_search import build_server, vacuum  # noqa: E402
from bench.bench_register import build, open_read_only  # noqa: E402
from bench.generate import insert_communities  # noqa: E402
from civicdesk.models import Organization  # noqa: E402
from civicdesk.models.engine import normalize_url  # noqa: E402
from civicdesk.models.sync import SyncKey  # noqa: E402
from civicdesk.schema import SORT_KEYS  # noqa: E402
from civicdesk.services.admin.office import init_office  # noqa: E402
from civicdesk.services.core.bulk import insert_rows, stamped  # noqa: E402
from civicdesk.services.core.database import Database, open_database  # noqa: E402
from civicdesk.services.register import browse, search  # noqa: E402
from civicdesk.services.sync import incoming, keys  # noqa: E402

#: the first page and the block the register's table model reads (civicdesk/ui/register/org_table_model.py)
FIRST_PAGE = 200
BLOCK = 200
PREFIX = "civicdesk_bench_scale_"

#: the columns an imported organization is compared by (not the local bookkeeping: ids, times, versions)
COMPARED = ("uscc", "name", "legal_form", "tier", "is_community", "community_subtype", "category", "status",
            "registry_code", "division_code", "township_code", "address", "legal_rep_name", "established_on",
            "registered_funds_wan", "member_count", "staff_count", "name_pinyin", "name_initials")


def load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Server:
    """Databases of this benchmark on the server: made, and dropped again at the end (but the kept register)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.made: list[str] = []
        self.data_dir: str | None = None

    def url_of(self, name: str) -> str:
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        self.drop(name)
        copy = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{copy}')
        self.made.append(name)
        return self.url_of(name)

    def drop(self, name: str) -> None:
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def cpu(self) -> float | None:
        """The server's CPU seconds so far (its postmaster with the children it reaped, and its live children, from
        /proc), when the server runs on this machine and its folder is readable; None otherwise.  Its background
        processes (checkpointer, WAL writer, autovacuum) count too: their work is the load's."""
        if self.data_dir is None:
            with self.engine.connect() as conn:
                self.data_dir = conn.exec_driver_sql("SHOW data_directory").scalar() or ""
        try:
            pid = int(Path(self.data_dir, "postmaster.pid").read_text().split()[0])
            ticks = os.sysconf("SC_CLK_TCK")
            total = sum(int(x) for x in _proc_stat(pid)[11:15])  # utime stime cutime cstime
            for entry in os.scandir("/proc"):
                if entry.name.isdigit():
                    try:
                        fields = _proc_stat(int(entry.name))
                    except OSError:
                        continue
                    if int(fields[1]) == pid:
                        total += int(fields[11]) + int(fields[12])
            return total / ticks
        except (OSError, ValueError, IndexError):
            return None

    def close(self) -> None:
        for name in self.made:
            self.drop(name)
        self.engine.dispose()


def _proc_stat(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command's name (so that field 1 is the parent's pid)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def server_timed(server: Server, fn: Callable[[], Any]) -> tuple[float, float, float | None, Any]:
    """:func:`timed`, and the server's CPU seconds meanwhile (None when it cannot be read)."""
    before = server.cpu()
    wall, cpu, out = timed(fn)
    after = server.cpu()
    return wall, cpu, (after - before if before is not None and after is not None else None), out


def _served(server_cpu: list[float]) -> str:
    """", server cpu X" (the median of the server's CPU seconds), or nothing when they could not be read."""
    return f", server cpu {statistics.median(server_cpu):.2f}" if server_cpu else ""


def _value(v: Any) -> Any:
    """One value as both back ends give it (SQLite's Numeric is a float, PostgreSQL's a Decimal)."""
    if isinstance(v, (float, Decimal)):
        return f"{float(v):.4f}"
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return v


def _digest(rows: list[tuple[Any, ...]]) -> tuple[int, str]:
    """Count and digest of rows, sorted here (the back ends place NULLs apart: SQLite first, PostgreSQL last)."""
    h = hashlib.sha256()
    for row in sorted(repr(r) for r in rows):
        h.update(row.encode())
    return len(rows), h.hexdigest()


def register_digest(db: Database, columns: tuple[str, ...] = COMPARED) -> tuple[int, str]:
    """The organizations' count and a digest of ``columns``."""
    with db.read() as s:
        found = s.execute(select(*(getattr(Organization, c) for c in columns)))
        return _digest([tuple(_value(v) for v in row) for row in found])


def rows_digest(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> tuple[int, str]:
    return _digest([tuple(_value(row.get(c)) for c in columns) for row in rows])


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - t, time.process_time() - c, out


def line(label: str, wall: list[float], cpu: list[float], unit: str = "s") -> str:
    k = 1000 if unit == "ms" else 1
    p95 = f" p95 {pct(wall, .95) * k:.1f}" if len(wall) >= 5 else ""
    return (f"{label} {statistics.median(wall) * k:.{1 if unit == 'ms' else 2}f}{p95} {unit}"
            f" (cpu {statistics.median(cpu) * k:.{1 if unit == 'ms' else 2}f})")


def _paired(figures: dict[str, list[float]]) -> str:
    """Each repeat's PostgreSQL / SQLite (its two runs one after the other, under the same load) and their
    median: on a host whose speed changes from minute to minute, the ratio of the two medians can pair a fast
    run of one back end with a slow run of the other."""
    ratios = [pg / sqlite for pg, sqlite in zip(figures["pg"], figures["sqlite"], strict=True)]
    return f" (each repeat {', '.join(f'{r:.2f}' for r in ratios)}; median {statistics.median(ratios):.2f}x)"


# -- ledger ------------------------------------------------------------------------------------------------------
def ledger_timeline() -> Any:
    """When a ledger import on the server writes its parts, ends its judging, makes ``org_gram``'s key and
    commits (bench/steps.Timeline): where the program and the server do not overlap."""
    from sqlalchemy.orm.session import SessionTransaction

    from bench.steps import Timeline
    from civicdesk.services.ledger import legacy_entry
    from civicdesk.services.register import search

    return Timeline([("parts written (Load.write)", legacy_entry.Load, "write"),
                     ("judging done, the rest written (Load.finish)", legacy_entry.Load, "finish"),
                     ("grams made and gathered in the key's order (Load._gather)", legacy_entry.Load, "_gather"),
                     ("grams copied in the key's order (search.load_ordered_grams)", search, "load_ordered_grams"),
                     ("org_gram's key and counts (search.end_load)", search, "end_load"),
                     ("of it the key", search, "_make_gram_key"),
                     ("the counts", search, "_recount"),
                     ("commit", SessionTransaction, "commit")])


def bench_ledger(server: Server, rows: int, repeat: int, folder: Path) -> None:
    from civicdesk.services import ledger

    path = folder / f"ledger-{rows}.xlsx"
    if not path.exists():
        write_ledger(path, ledger_rows(rows))
    print(f"\nledger import of {rows:,} rows ({path.stat().st_size / 1e6:.1f} MB), legacy entry, {load()}")
    figures: dict[str, list[float]] = {"sqlite": [], "sqlite_cpu": [], "pg": [], "pg_cpu": [], "pg_server": []}
    answers: dict[str, set[Any]] = {"sqlite": set(), "pg": set()}
    for r in range(repeat):
        for kind in (("sqlite", "pg") if r % 2 == 0 else ("pg", "sqlite")):
            if kind == "sqlite":
                db = fresh_database(folder, r)
            else:
                db = open_database(server.create(f"{PREFIX}ledger"))
                init_office(db, code="511100", name="乐山市民政局", level="city")
            try:
                with ledger_timeline() as marks:
                    wall, cpu, served, report = server_timed(
                        server, lambda db=db: ledger.import_ledger(db, path, legacy=True))
                if kind == "pg":
                    print(f"  PostgreSQL's timeline: {marks.report()}", flush=True)
                    if served is not None:
                        figures["pg_server"].append(served)
                if not report.imported:
                    raise SystemExit(f"the ledger was not imported on {kind}: {report.counts()}")
                answers[kind].add((tuple(sorted(report.counts().items())), register_digest(db)))
            finally:
                db.close()
            if kind == "sqlite":
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{folder / f'city-{r}.sqlite3'}{suffix}").unlink(missing_ok=True)
            figures[kind].append(wall)
            figures[f"{kind}_cpu"].append(cpu)
        print(f"  repeat {r + 1}: SQLite {figures['sqlite'][-1]:.2f} s (cpu {figures['sqlite_cpu'][-1]:.2f}),"
              f" PG {figures['pg'][-1]:.2f} s (cpu {figures['pg_cpu'][-1]:.2f}{_served(figures['pg_server'][-1:])});"
              f" {load()}", flush=True)
    same = answers["sqlite"] == answers["pg"] and len(answers["pg"]) == 1
    ratio = statistics.median(figures["pg"]) / statistics.median(figures["sqlite"])
    print(f"ledger {rows:,} rows, median of {repeat}: " + line("SQLite", figures["sqlite"], figures["sqlite_cpu"])
          + " | " + line("PG", figures["pg"], figures["pg_cpu"]) + _served(figures["pg_server"])
          + f" | PG/SQLite {ratio:.2f}x{_paired(figures)}"
          + f" | same rows: {'yes' if same else 'NO: DIFFERENT ANSWER'} ({next(iter(answers['pg']))[0]}); {load()}")


# -- sync --------------------------------------------------------------------------------------------------------
def _server_city(server: Server, s: bench_sync.Setup, folder: Path) -> str:
    """A template database on the server holding the same city as ``s.city``: the same office, the same keys
    (so that it reads the same package), trusting the same district."""
    url = server.create(f"{PREFIX}sync_city")
    db = open_database(url)
    init_office(db, code=bench_sync.CITY, name=f"bench {bench_sync.CITY}", level="city")
    on_file = open_database(s.city)
    try:
        with on_file.read() as src, db.unit() as dst:
            for k in src.scalars(select(SyncKey)):
                dst.add(SyncKey(key_id=k.key_id, purpose=k.purpose, algorithm=k.algorithm, public_key=k.public_key,
                                private_key=k.private_key, kdf=k.kdf, active=k.active, created_at=k.created_at))
    finally:
        on_file.close()
    district = open_database(folder / "district.sqlite3")
    try:
        card = keys.make_card(district, bench_sync.PASSPHRASE)
    finally:
        district.close()
    keys.trust_card(db, card)
    db.close()
    return f"{PREFIX}sync_city"


def sync_timeline() -> Any:
    """When a sync import on the server reads its package, judges, copies and indexes the rows and writes its
    audit (bench/steps.Timeline): the importing thread's steps beside the writer thread's
    (``apply._write_overlapped``)."""
    from sqlalchemy.orm.session import SessionTransaction

    from bench.steps import Timeline
    from civicdesk.models import audit as audit_model
    from civicdesk.services.register import search
    from civicdesk.services.sync import apply, trust

    return Timeline([("package read and decoded (incoming.open_file)", incoming, "open_file"),
                     ("grams made by the program (search.made_grams)", search, "made_grams"),
                     ("rows judged (RowChecks.run)", trust.RowChecks, "run"),
                     ("rows listed (Policy.list_written)", apply.Policy, "list_written"),
                     ("audit chained (audit.chained)", audit_model, "chained"),
                     ("rows copied (apply._insert_many)", apply, "_insert_many"),
                     ("grams copied in the key's order (search.load_ordered_grams)", search, "load_ordered_grams"),
                     ("grams' key (search._make_gram_key)", search, "_make_gram_key"),
                     ("audit copied (audit.insert_chained)", audit_model, "insert_chained"),
                     ("commit", SessionTransaction, "commit")])


def bench_sync_import(server: Server, rows: int, repeat: int, folder: Path) -> None:
    s = bench_sync.setup(folder, rows)
    template = _server_city(server, s, folder)
    sent = rows_digest(s.rows, ("id", "uscc", "name", "status", "registry_code", "division_code", "established_on"))
    print(f"\nsync import of {s.changes:,} changes ({s.package_bytes / 1e6:.1f} MB), {load()}")
    figures: dict[str, list[float]] = {k: [] for k in ("sqlite", "sqlite_cpu", "sqlite_bulk", "sqlite_bulk_cpu",
                                                        "pg", "pg_cpu", "pg_bulk", "pg_bulk_cpu", "pg_server")}
    same = True

    def check(db: Database) -> None:
        nonlocal same
        got = register_digest(db, ("id", "uscc", "name", "status", "registry_code", "division_code", "established_on"))
        same = same and got == sent

    for r in range(repeat):
        order = ("sqlite", "pg") if r % 2 == 0 else ("pg", "sqlite")
        for kind in order:
            if kind == "sqlite":
                done = bench_sync.run(folder, s, r, inspect=check)
                figures["sqlite"].append(done.import_s)
                figures["sqlite_cpu"].append(done.import_cpu)
                figures["sqlite_bulk"].append(done.bulk_s)
                figures["sqlite_bulk_cpu"].append(done.bulk_cpu)
                continue
            db = open_database(server.create(f"{PREFIX}sync_import", template))
            try:
                with db.read() as session:
                    keys.decryption_keys(session, bench_sync.PASSPHRASE)  # unlocked once, as in bench_sync
                with sync_timeline() as marks:
                    wall, cpu, served, results = server_timed(
                        server, lambda db=db: incoming.import_blobs(db, s.blobs, bench_sync.PASSPHRASE))
                print(f"  PostgreSQL's timeline: {marks.report()}", flush=True)
                if served is not None:
                    figures["pg_server"].append(served)
                if {x.status for x in results} != {"applied"}:
                    raise SystemExit(f"the import was not applied on the server: {results}")
                check(db)
            finally:
                db.close()
            figures["pg"].append(wall)
            figures["pg_cpu"].append(cpu)
            db = open_database(server.create(f"{PREFIX}sync_bulk", template))
            try:
                def bulk(db: Database = db) -> None:
                    with db.unit() as session:
                        insert_communities(session, bench_sync.SEED, s.county)
                        full = stamped([dict(x) for x in s.rows], datetime(2026, 1, 1))
                        search.prepare_rows(session, full)
                        insert_rows(session, [(Organization.__table__, full)])
                        search.index_rows(session, full)
                wall, cpu, _ = timed(bulk)
            finally:
                db.close()
            figures["pg_bulk"].append(wall)
            figures["pg_bulk_cpu"].append(cpu)
        print(f"  repeat {r + 1}: import SQLite {figures['sqlite'][-1]:.2f} s (cpu {figures['sqlite_cpu'][-1]:.2f}),"
              f" PG {figures['pg'][-1]:.2f} s (cpu {figures['pg_cpu'][-1]:.2f}{_served(figures['pg_server'][-1:])});"
              " bulk insert SQLite"
              f" {figures['sqlite_bulk'][-1]:.2f} s, PG {figures['pg_bulk'][-1]:.2f} s; {load()}", flush=True)
    m = {k: statistics.median(v) for k, v in figures.items() if v}
    print(f"sync import {s.changes:,} changes, median of {repeat}: "
          + line("SQLite", figures["sqlite"], figures["sqlite_cpu"]) + " | "
          + line("PG", figures["pg"], figures["pg_cpu"]) + _served(figures["pg_server"])
          + f" | PG/SQLite {m['pg'] / m['sqlite']:.2f}x{_paired(figures)};"
          f" plain bulk insert SQLite {m['sqlite_bulk']:.2f} s (cpu {m['sqlite_bulk_cpu']:.2f}),"
          f" PG {m['pg_bulk']:.2f} s (cpu {m['pg_bulk_cpu']:.2f}) | every row arrived, same values:"
          f" {'yes' if same else 'NO: DIFFERENT ANSWER'}; {load()}")


# -- register ----------------------------------------------------------------------------------------------------
def register_figures(db: Database, repeat: int, sort_keys: tuple[str, ...] = tuple(SORT_KEYS)) -> dict[str, Any]:
    """What the register window asks, per sort order: first rows, the whole order, jumps (see the docstring)."""
    flt = browse.RegisterFilter()
    out: dict[str, Any] = {}
    wall, cpu, cwall, ccpu = [], [], [], []
    n, first = 0, []
    for _ in range(repeat):
        w, c, first = timed(lambda: browse.first_page(db, flt, "name", False, FIRST_PAGE))  # painted on this
        wall.append(w)
        cpu.append(c)
        w, c, n = timed(lambda: browse.count(db, flt))  # asked after the first page is painted
        cwall.append(w)
        ccpu.append(c)
    out["first rows"] = (wall, cpu, (n, [r.seq for r in first]))
    out["count"] = (cwall, ccpu)
    for key in sort_keys:
        fw, fc, sw, sc, jw, jc = [], [], [], [], [], []
        page: list[int] = []
        order_digest = ""
        for _ in range(max(1, repeat // 4)):
            w, c, rows = timed(lambda key=key: browse.first_page(db, flt, key, False, FIRST_PAGE, expected=n))
            fw.append(w)
            fc.append(c)
            page = [r.seq for r in rows]
            w, c, seqs = timed(lambda key=key: browse.ordered_seqs(db, flt, key))
            sw.append(w)
            sc.append(c)
            order_digest = hashlib.sha256(seqs.tobytes()).hexdigest()
            for target in (len(seqs) // 2, len(seqs) - 1, len(seqs) // 3):
                start = (target // BLOCK) * BLOCK
                block = list(seqs[start:start + BLOCK])
                w, c, got = timed(lambda block=block: browse.rows(db, block))
                assert len(got) == len(block)
                jw.append(w)
                jc.append(c)
        out[key] = ((fw, fc), (sw, sc), (jw, jc), (page, order_digest))
    return out


def bench_register(server: Server, rows: int, repeat: int, folder: Path) -> None:
    t = time.perf_counter()
    path = folder / f"register-{rows}.sqlite3"
    # a kept file (shared, perhaps at an older revision than this program's) is only read: no migration, no backup
    on_file = open_read_only(path) if path.exists() else build(path, rows)
    print(f"\nregister: SQLite file ready in {time.perf_counter() - t:.1f} s", flush=True)
    t = time.perf_counter()
    served = build_server(server.url, rows)
    vacuum(served)
    print(f"register: server database civicdesk_bench_{rows} ready in {time.perf_counter() - t:.1f} s", flush=True)
    print(f"\nregister at {rows:,} organizations, {repeat} runs (sort orders {max(1, repeat // 4)}), {load()}")
    results = {}
    for kind, db in (("SQLite", on_file), ("PG", served)):
        results[kind] = register_figures(db, repeat)
        print(f"  {kind} measured; {load()}", flush=True)
    a, b = results["SQLite"], results["PG"]
    same = a["first rows"][2] == b["first rows"][2]
    print(f"  first rows ({FIRST_PAGE} by name, the window paints them):  "
          + line("SQLite", *a["first rows"][:2], unit="ms") + " | " + line("PG", *b["first rows"][:2], unit="ms")
          + ("" if same else "  DIFFERENT ANSWER"))
    print(f"  count ({a['first rows'][2][0]:,} rows, asked after the first paint):  "
          + line("SQLite", *a["count"], unit="ms") + " | " + line("PG", *b["count"], unit="ms"))
    print("  per sort order: first page | whole order (sort) | jump (a block of 200 rows: middle, end, third)")
    for key in SORT_KEYS:
        (fa, sa, ja, ans_a), (fb, sb, jb, ans_b) = a[key], b[key]
        same_page, same_order = ans_a[0] == ans_b[0], ans_a[1] == ans_b[1]
        print(f"    {key:18} first " + line("SQLite", *fa, unit="ms") + " / " + line("PG", *fb, unit="ms")
              + " | sort " + line("SQLite", *sa) + " / " + line("PG", *sb)
              + " | jump " + line("SQLite", *ja, unit="ms") + " / " + line("PG", *jb, unit="ms")
              + ("" if same_page else "  DIFFERENT FIRST PAGE") + ("" if same_order else "  DIFFERENT ORDER"))
    print(load())
    on_file.close()
    served.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default=os.environ.get("CIVICDESK_TEST_PG"))
    parser.add_argument("--only", default="ledger,sync,register")
    parser.add_argument("--ledger-rows", type=int, default=100_000)
    parser.add_argument("--sync-rows", type=int, default=100_000)
    parser.add_argument("--register-rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="repeats of the imports; the register runs 20")
    parser.add_argument("--register-repeat", type=int, default=20)
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "civicdesk-bench",
                        help="where the register's SQLite file (and the ledger) are kept")
    args = parser.parse_args(argv)
    if not args.server:
        parser.error("give --server (or set CIVICDESK_TEST_PG)")
    args.keep.mkdir(parents=True, exist_ok=True)
    server = Server(normalize_url(args.server))
    parts = set(args.only.split(","))
    print(f"bench_pg_scale {datetime.now():%Y-%m-%d %H:%M}, {load()}")
    try:
        with tempfile.TemporaryDirectory(dir=args.keep) as tmp:
            if "ledger" in parts:
                bench_ledger(server, args.ledger_rows, args.repeat, Path(tmp))
            if "sync" in parts:
                sync_dir = Path(tmp) / "sync"
                sync_dir.mkdir()
                bench_sync_import(server, args.sync_rows, args.repeat, sync_dir)
                shutil.rmtree(sync_dir)
        if "register" in parts:
            bench_register(server, args.register_rows, args.register_repeat, args.keep)
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
