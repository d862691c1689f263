"""The public disclosure prints of a city at scale: the credit lists and the penalties, as PDF, .xlsx and .csv.

Usage: ``python bench/bench_disclosure.py [--rows 50000] [--repeat 5] [--keep DIR]``

The database is a city office (乐山市, 511100) holding ``--rows`` generated organizations (:mod:`bench.generate`),
every registered one moved into the city's registry.  About 3% of the registered organizations are on the
abnormal list now, 1% were on it and are removed, 0.5% are on the serious list, and a few listings are only
proposed or were annulled (never printed); about 1.5% have a penalty decided this year (and some one withdrawn,
or decided last year).  Printed, as medians over ``--repeat`` runs, each with its ratio to the baseline:

* baseline: the published listings' rows read with one plain SQL join (what any print of them must read);
* ``print credit-list --public`` (both lists, on the list now) and ``--state all`` (removed ones too), as PDF,
  .xlsx and .csv, through :func:`civicdesk.services.printing.print_document` (permission check and audit
  included);
* ``print penalties --public`` of this year, as PDF, .xlsx and .csv.

Target (issue 17): the public lists of a city print in < 2 s.
"""

from __future__ import annotations

import argparse
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

from sqlalchemy import func, select, text, update  # noqa: E402

from bench.generate import generate_organizations, insert_communities  # noqa: E402
from civicdesk import clock  # noqa: E402
from civicdesk.models import Organization  # noqa: E402
from civicdesk.models.base import new_id, table_of  # noqa: E402
from civicdesk.models.enforcement import CreditListing, Penalty  # noqa: E402
from civicdesk.services.admin.office import init_office  # noqa: E402
from civicdesk.services.core.bulk import insert_rows, stamped  # noqa: E402
from civicdesk.services.core.database import Database, open_database  # noqa: E402
from civicdesk.services.printing import print_document, resolve_fonts  # noqa: E402
from civicdesk.services.printing.kind_credit import CreditListOptions, PenaltiesOptions  # noqa: E402
from civicdesk.services.register import search  # noqa: E402

CITY = "511100"
GROUNDS = ("annual_report_missing", "rectification_overdue", "penalty_minor", "unreachable")


def _listings(org_ids: list[str], today: date, rnd: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, org_id in enumerate(org_ids):
        roll = rnd.random()
        if roll < 0.03:
            kind, state = "abnormal", "listed"
        elif roll < 0.04:
            kind, state = "abnormal", "removed"
        elif roll < 0.045:
            kind, state = "serious", "listed"
        elif roll < 0.047:
            kind, state = "abnormal", rnd.choice(("proposed", "annulled", "rejected"))
        else:
            continue
        decided = today - timedelta(days=rnd.randrange(30, 900))
        removed = state == "removed"
        out.append({
            "id": new_id(), "origin_office": CITY, "organization_id": org_id, "office_code": CITY, "list_kind": kind,
            "state": state, "ground": "moved_over" if kind == "serious" else rnd.choice(GROUNDS),
            "ground_detail": "法定代表人某某下落不明", "evidence": [], "proposed_by": "rules",
            "proposed_on": decided - timedelta(days=10),
            "decision_no": None if state == "proposed" else f"乐市民异〔{decided.year}〕{n}号",
            "decided_on": None if state == "proposed" else decided, "decided_by": "reviewer",
            "listed_on": decided, "removal_ground": "rectified" if removed else None,
            "removal_decision_no": f"乐市民移〔{today.year}〕{n}号" if removed else None,
            "removed_on": decided + timedelta(days=20) if removed else None})
    return out


def _penalties(org_ids: list[str], today: date, rnd: random.Random) -> list[dict[str, Any]]:
    out = []
    for n, org_id in enumerate(org_ids):
        if rnd.random() >= 0.02:
            continue
        kind = rnd.choices(("warning", "fine", "confiscation", "suspension"), (50, 35, 10, 5))[0]
        state = "withdrawn" if rnd.random() < 0.05 else "decided"
        decided = today - timedelta(days=rnd.randrange(0, 500))
        out.append({
            "id": new_id(), "origin_office": CITY, "organization_id": org_id, "office_code": CITY,
            "case_no": f"乐市民案〔{decided.year}〕{n}号", "kind": kind, "state": state,
            "amount": Decimal(rnd.randrange(1, 100) * 1000) if kind in ("fine", "confiscation") else None,
            "facts": "经查，该组织负责人某某未按规定……", "basis": "《社会团体登记管理条例》第三十条第一款",
            "decision_no": f"乐市民罚〔{decided.year}〕{n}号", "decided_on": decided, "entered_by": "clerk",
            "decided_by": "reviewer", "reason": "复议撤销" if state == "withdrawn" else None})
    return out


def build(path: Path, rows: int) -> Database:
    """The city with ``rows`` organizations, its listings and penalties (cached between runs)."""
    if path.exists():
        db = open_database(path)
        with db.read() as s:
            if s.scalar(select(func.count()).select_from(Organization)) == rows:
                return db
        db.close()
        path.unlink()
    db = open_database(path)
    init_office(db, code=CITY, name="乐山市民政局", level="city")
    start = time.perf_counter()
    data = generate_organizations(rows)
    with db.unit() as session:
        insert_communities(session)
        prepared = stamped(data, datetime.now())
        search.prepare_rows(session, prepared)
        insert_rows(session, [(table_of(Organization), prepared)])
        search.index_rows(session, prepared)
        session.execute(update(Organization).where(Organization.tier == "registered")
                        .values(registry_code=CITY, registry_name="乐山市民政局"))
    with db.read() as s:
        registered = list(s.scalars(select(Organization.id).where(Organization.tier == "registered")
                                    .order_by(Organization.id)))
    rnd = random.Random(17)
    today = clock.today()
    listings, penalties = _listings(registered, today, rnd), _penalties(registered, today, rnd)
    with db.unit() as session:
        insert_rows(session, [(table_of(CreditListing), stamped(listings, datetime.now())),
                              (table_of(Penalty), stamped(penalties, datetime.now()))])
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    print(f"built {rows:,} organizations ({len(registered):,} registered), {len(listings):,} listings, "
          f"{len(penalties):,} penalties in {time.perf_counter() - start:.1f} s")
    return db


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the database in this folder")
    options = parser.parse_args(argv)
    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench_disclosure_"))
    folder.mkdir(parents=True, exist_ok=True)
    db = build(folder / f"disclosure_{options.rows}.sqlite3", options.rows)
    fonts = resolve_fonts(None)  # once, as the GUI and a long-running CLI session hold them
    out = Path(tempfile.mkdtemp(prefix="bench_disclosure_out_"))
    try:
        def baseline() -> int:
            with db.read() as s:
                return len(s.execute(text(
                    "SELECT l.list_kind, o.name, o.uscc, l.ground, l.decision_no, l.decided_on, l.removed_on "
                    "FROM credit_listing l JOIN organization o ON o.id = l.organization_id "
                    "WHERE l.office_code = :office AND l.state IN ('listed', 'removed', 'moved') "
                    "ORDER BY l.list_kind, l.decided_on, o.name"), {"office": CITY}).fetchall())

        base, published = timed(baseline, options.repeat)
        print(f"organizations {options.rows:,}; medians of {options.repeat}")
        print(f"  baseline: the {published:,} published listings by one SQL join {base * 1000:8.0f} ms")
        cases: list[tuple[str, str, Any]] = [
            ("credit-list (both lists, now)", "credit-list", CreditListOptions()),
            ("credit-list --state all", "credit-list", CreditListOptions(state="all")),
            ("penalties (this year)", "penalties", PenaltiesOptions(clock.today().year)),
        ]
        for words, kind, kind_options in cases:
            for suffix in (".pdf", ".xlsx", ".csv"):
                target = out / f"{kind}{suffix}"
                t, result = timed(lambda kind=kind, o=kind_options, target=target: print_document(
                    db, kind, o, target, public=True, fonts=fonts),
                                  options.repeat)
                pages = f", {result.pages} pages" if result.pages else ""
                print(f"  {words:<30} {suffix:<5} {result.facts['rows']:>5,} rows{pages:<11} {t * 1000:8.0f} ms"
                      f"  ({t / base:5.0f}x baseline)  target < 2000 ms")
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
