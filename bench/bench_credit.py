"""The credit rule engine at scale: every due listing and removal of the whole office, and one organization's
run after one new record, beside a full scan of the register.

Usage: ``python bench/bench_credit.py [--rows 1000000] [--repeat 3] [--single 20] [--keep DIR | --db FILE]``

The database (built once, kept with ``--keep``) is :func:`bench.bench_inspection.build`'s city office of
``--rows`` organizations with its 2020 campaign, and five years of records on top, inserted with the bulk path
(:func:`~civicdesk.services.core.bulk.insert_rows`), never through the services row by row:

* the campaigns 2021-2024 (the shipped rules), about 92% of the due organizations reporting in each; the rest
  miss their report.  The missing reports of 2020-2023 were mostly proposed already (listed, removed when
  rectified, a few rejected or moved over; one in twenty not yet): the engine proposes those left and every
  missing report of 2024;
* penalties (four per thousand organizations: warnings, small and large fines, suspensions, revocations, some
  organizations penalised twice), four in five already proposed;
* spot checks 2021-2025 (half a percent of the register a year), one in five ordering rectification, some of
  them not rectified in time;
* the abnormal listings of warnings and small fines still listed after six months (removals due) and a few
  abnormal listings older than two years (move-overs due).

Timed, on a working copy of the kept database (deleted at the end), as medians:

* baseline: a full scan of ``organization`` (``sum(length(address))``), in the same run;
* the whole office, ``credit.propose_due`` on the day ``--on`` (default 2025-09-01), each repeat in a unit of
  work rolled back at its end (so every repeat sees the same state; the commit is not in these figures), then
  once for real (with its commit) and once more after it (nothing left to propose: a nightly run's cost);
* one organization after one new decided penalty: a penalty written (not timed), then ``credit.propose_for``
  (with its commit), ``--single`` times on different organizations.

Targets (issue 17): the whole office < 5 s at 1,000,000 organizations with 5 years of records; one organization
after one new record < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from bench.bench_inspection import CITY, build  # noqa: E402
from civicdesk.errors import CivicDeskError  # noqa: E402
from civicdesk.models import (CreditEvent, CreditListing, InspectionRecord,  # noqa: E402
                              Organization, Penalty, SpotcheckItem, SpotcheckPlan)
from civicdesk.models.base import Base, new_id, table_of  # noqa: E402
from civicdesk.services.core.bulk import insert_rows, stamped  # noqa: E402
from civicdesk.services.core.database import Database, open_database  # noqa: E402
from civicdesk.services.supervision import credit, inspection  # noqa: E402

YEARS = (2020, 2021, 2022, 2023, 2024)
ON = date(2025, 9, 1)


def _day(rnd: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rnd.randrange((end - start).days + 1))


def _listing(org_id: str, kind: str, ground: str, entity: str, source: str, proposed_on: date, state: str,
             rnd: random.Random, evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """A listing row as the engine and the deciding reviewer would have left it."""
    listed = state in ("listed", "removed", "moved")
    decided_on = proposed_on + timedelta(days=rnd.randrange(5, 30)) if state != "proposed" else None
    removed = state in ("removed", "moved")
    removed_on = decided_on + timedelta(days=rnd.randrange(60, 300)) if removed and decided_on else None
    return {
        "id": new_id(), "origin_office": CITY, "organization_id": org_id, "office_code": CITY, "list_kind": kind,
        "state": state, "ground": ground, "ground_detail": None, "evidence": evidence, "source_entity": entity,
        "source_id": source, "proposed_by": credit.RULES_ACTOR, "proposed_on": proposed_on,
        "decision_no": f"乐民信〔{proposed_on.year}〕{rnd.randrange(1, 9999)}号" if state != "proposed" else None,
        "decided_on": decided_on, "decided_by": "reviewer" if decided_on else None,
        "listed_on": decided_on if listed else None,
        "removal_ground": ("rectified" if state == "removed" else None), "removal_proposed_on": removed_on,
        "removal_proposed_by": "clerk" if removed else None,
        "removal_decision_no": f"乐民信移〔{proposed_on.year}〕{rnd.randrange(1, 9999)}号" if removed else None,
        "removed_on": removed_on, "removed_by": "reviewer" if removed else None, "moved_from_id": None,
        "reason": "理由" if state == "rejected" else None}


def _events(listing: dict[str, Any], at: datetime) -> list[dict[str, Any]]:
    out = [{"id": new_id(), "origin_office": CITY, "listing_id": listing["id"], "action": "propose",
            "from_state": None, "to_state": "proposed", "actor": credit.RULES_ACTOR, "at": at,
            "comment": listing["ground"]}]
    if listing["state"] != "proposed":
        out.append({"id": new_id(), "origin_office": CITY, "listing_id": listing["id"],
                    "action": "reject" if listing["state"] == "rejected" else "list", "from_state": "proposed",
                    "to_state": "rejected" if listing["state"] == "rejected" else "listed", "actor": "reviewer",
                    "at": at, "comment": listing["decision_no"] or listing["reason"]})
    return out


def build_credit(path: Path, rows: int) -> Database:
    """The city of :func:`bench.bench_inspection.build` with five years of supervision records (cached: a
    database that has the 2024 campaign is reused as it is)."""
    db, first = build(path, rows)
    with db.engine.connect() as conn:
        # a database migrated by an earlier 0011 (the prebuilt 1M inspection database) lacks the register's
        # derived credit column: added as 0011 adds it (an empty column, its index)
        if "credit_list" not in {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(organization)")}:
            conn.exec_driver_sql("ALTER TABLE organization ADD COLUMN credit_list VARCHAR(8)")
            conn.exec_driver_sql("CREATE INDEX ix_organization_credit ON organization (credit_list, status, name_rank,"
                                 " seq, deleted_at) WHERE deleted_at IS NULL")
            conn.commit()
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(Penalty)):
            return db
    start = time.perf_counter()
    rnd = random.Random(17)
    now = datetime.now()
    campaigns = [first]
    for year in YEARS[1:]:  # resumable: a campaign and its reports are committed one by one
        try:
            campaigns.append(inspection.get_campaign(db, year))
        except CivicDeskError:
            campaigns.append(inspection.open_campaign(db, year, by=None))
    listings: list[dict[str, Any]] = []
    reports = 0
    for c in campaigns:
        due = inspection.due_ids(db, c)
        records = []
        with db.read() as s:
            done = s.scalar(select(func.count()).select_from(InspectionRecord)
                            .where(InspectionRecord.campaign_id == c.id))
        if not done:
            for org_id in due:
                if rnd.random() >= 0.92:
                    continue
                decided = rnd.random() < 0.75
                records.append({
                    "id": new_id(), "origin_office": CITY, "campaign_id": c.id, "organization_id": org_id,
                    "year": c.year, "state": "decided" if decided else "submitted",
                    "received_on": date(c.year + 1, 4, 15), "late": False, "materials": ["report", "financial"],
                    "conclusion": "pass" if decided else None, "reasons": None, "entered_by": "clerk",
                    "submitted_by": "clerk", "decided_by": "reviewer" if decided else None})
            with db.unit() as session:
                insert_rows(session, [(table_of(InspectionRecord), stamped(records, now))])
            reports += len(records)
        if c.year == YEARS[-1]:
            continue  # 2024's missing reports: all for the engine to propose
        with db.read() as s:
            have = {o for (o,) in s.execute(select(InspectionRecord.organization_id)
                                            .where(InspectionRecord.campaign_id == c.id))}
        proposed_on = c.deadline(None) + timedelta(days=20)
        for org_id in due:
            if org_id in have or rnd.random() < 0.05:  # one in twenty missing reports not proposed yet
                continue
            roll = rnd.random()
            # 2023's mostly still listed; a few of 2022's too, two years on (move-overs due)
            state = ("rejected" if roll < 0.04 else "listed" if roll < (0.45 if c.year == 2023 else 0.06)
                     and c.year >= 2022 else "moved" if roll < 0.47 else "removed")
            listings.append(_listing(org_id, "abnormal", "annual_report_missing", "inspection_campaign", c.id,
                                     proposed_on, state, rnd,
                                     [{"entity": "inspection_campaign", "id": c.id,
                                       "summary": f"{c.year}年度工作报告未报送"}]))
    # penalties: four per thousand organizations, a pool small enough that some organizations get two
    with db.read() as s:
        ids = list(s.scalars(select(Organization.id).where(Organization.tier == "registered")
                             .order_by(Organization.id)))
    pool = rnd.sample(ids, max(1, rows * 3 // 1000))
    penalties = []
    kinds = (("warning", None), ("fine", (500, 49_999)), ("fine", (50_000, 200_000)), ("suspension", None),
             ("revocation", None))
    for i in range(max(2, rows * 4 // 1000)):
        kind, span = rnd.choices(kinds, (50, 25, 10, 12, 3))[0]
        decided_on = _day(rnd, date(2020, 6, 1), date(2025, 8, 25))
        case_no = f"乐民罚〔{decided_on.year}〕{i + 1}号"
        penalties.append({
            "id": new_id(), "origin_office": CITY, "organization_id": rnd.choice(pool), "office_code": CITY,
            "case_no": case_no, "kind": kind, "state": "decided",
            "amount": Decimal(rnd.randrange(*span)) if span else None,
            "suspended_from": decided_on if kind == "suspension" else None,
            "suspended_to": decided_on + timedelta(days=90) if kind == "suspension" else None,
            "facts": "未按章程开展活动", "basis": "《社会团体登记管理条例》第三十条", "decision_no": case_no,
            "decided_on": decided_on, "appeal_by": decided_on + timedelta(days=60), "entered_by": "clerk",
            "decided_by": "reviewer"})
    limit = Decimal(50_000)
    for p in penalties:
        if rnd.random() >= 0.8:
            continue
        small = p["kind"] == "warning" or (p["kind"] == "fine" and p["amount"] < limit)
        ground = ("warning_or_small_fine" if small else "large_fine" if p["kind"] == "fine"
                  else "suspended" if p["kind"] == "suspension" else "revoked")
        kind = "abnormal" if small else "serious"
        proposed_on = p["decided_on"] + timedelta(days=3)
        # small ones: most removed after six months, those decided from 2024-06 to 2025-02 still listed (due)
        state = ("listed" if not small or date(2024, 6, 1) <= p["decided_on"] < date(2025, 2, 1)
                 else "removed")
        listings.append(_listing(p["organization_id"], kind, ground, "penalty", p["id"], proposed_on, state, rnd,
                                 [{"entity": "penalty", "id": p["id"], "summary": f"{p['kind']} {p['case_no']}"}]))
    # spot checks: half a percent of the register a year, one in five ordering rectification
    plans, items = [], []
    for year in range(2021, 2026):
        plan = {"id": new_id(), "origin_office": CITY, "office_code": CITY, "year": year, "kind": "regular",
                "ratio": Decimal("0.005"), "filters": {}, "title": f"{year}年度抽查", "state": "done",
                "inspectors_per_check": 2, "created_by": "clerk", "inspector_ids": [], "exclusions": {}}
        plans.append(plan)
        for position, org_id in enumerate(rnd.sample(ids, max(1, rows // 200))):
            checked = _day(rnd, date(year, 4, 1), date(year, 8, 1))
            rectify = rnd.random() < 0.2
            rectify_by = checked + timedelta(days=60) if rectify else None
            late = rnd.random()
            rectified_on = (None if not rectify or late < 0.1 else
                            rectify_by + timedelta(days=10) if late < 0.2 else rectify_by - timedelta(days=5))
            items.append({"id": new_id(), "origin_office": CITY, "plan_id": plan["id"], "organization_id": org_id,
                          "position": position, "inspector_ids": [], "notice_on": checked - timedelta(days=10),
                          "checked_on": checked, "findings": "财务制度不健全" if rectify else None,
                          "result": "rectify" if rectify else "clear", "rectify_by": rectify_by,
                          "rectified_on": rectified_on, "recorded_by": "clerk"})
    events = [e for row in listings for e in _events(row, now)]
    with db.unit() as session:
        insert_rows(session, [(table_of(Penalty), stamped(penalties, now)),
                              (table_of(SpotcheckPlan), stamped(plans, now)),
                              (table_of(SpotcheckItem), stamped(items, now)),
                              (table_of(CreditListing), stamped(listings, now)),
                              (table_of(CreditEvent), stamped(events, now))])
        # the register's derived credit_list column, as the deciding services leave it
        session.execute(text(  # migration 0011's statement
            "UPDATE organization SET credit_list = (SELECT l.list_kind FROM credit_listing l"
            " WHERE l.organization_id = organization.id AND l.state = 'listed' AND l.deleted_at IS NULL"
            " ORDER BY l.list_kind DESC LIMIT 1)"
            " WHERE id IN (SELECT organization_id FROM credit_listing WHERE state = 'listed')"))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    print(f"built the supervision records: {len(campaigns)} campaigns, {reports:,} more reports, "
          f"{len(penalties):,} penalties, {len(items):,} spot checks, {len(listings):,} listings in "
          f"{time.perf_counter() - start:.1f} s")
    return db


@contextmanager
def rolled_back(db: Database) -> Iterator[None]:
    """``db.unit`` replaced by a unit that rolls back at its end, for the repeats of the whole-office run."""
    original = db.unit

    @contextmanager
    def unit(actor: str | None = None) -> Iterator[Session]:
        session = db._sessions(bind=db._writer)
        session.info["office_code"] = db.office().code
        if actor:
            session.info["actor"] = actor
        try:
            with session.begin():
                yield session
                session.flush()
                session.rollback()
        finally:
            session.close()

    db.unit = unit  # type: ignore[method-assign]
    try:
        yield
    finally:
        db.unit = original  # type: ignore[method-assign]


CPU: list[float] = []  # the CPU seconds (this process) of the last timed call's repeats


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, list[float], Any]:
    times, result = [], None
    CPU.clear()
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        CPU.append(time.process_time() - cpu)
    return statistics.median(times), times, result


def cpu() -> str:
    return f"CPU {statistics.median(CPU) * 1000:.0f} ms"


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--single", type=int, default=20, help="runs for one organization")
    parser.add_argument("--on", type=date.fromisoformat, default=ON)
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the database in this folder")
    parser.add_argument("--db", type=Path, help="a working copy made beforehand (at the head migration) to run on "
                                                "as it is: written (the committed runs), never copied nor deleted")
    options = parser.parse_args(argv)
    if options.db:
        work = options.db
    else:
        folder = options.keep or Path(tempfile.mkdtemp(prefix="bench_credit_"))
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / f"inspection_{options.rows}.sqlite3"
        build_credit(kept, options.rows).close()
        work = folder / f"work_{options.rows}.sqlite3"
        shutil.copyfile(kept, work)
    db = open_database(work)
    # a database built by an earlier 0011 lacks the tables 0011 has made since (ruling): made on the working
    # copy (empty, with their indexes), as 0011 makes them; the kept database is not changed
    Base.metadata.create_all(db.engine, tables=[t for t in Base.metadata.sorted_tables
                                                if t.name in {"ruling"}], checkfirst=True)
    try:
        def scan() -> int:
            with db.read() as s:
                return int(s.execute(text("SELECT sum(length(address)) FROM organization")).scalar() or 0)

        with db.read() as s:
            counts = {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in
                      (Organization, InspectionRecord, Penalty, SpotcheckItem, CreditListing)}
        print("rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()) + f"; on {options.on}")
        print(f"before: {load()}")
        full, times, _ = timed(scan, options.repeat)
        print(f"  baseline full scan of organization            {full * 1000:8.0f} ms  "
              f"({', '.join(f'{t * 1000:.0f}' for t in times)})")
        with rolled_back(db):
            t, times, result = timed(lambda: credit.propose_due(db, by=None, on=options.on), options.repeat)
        print(f"  whole office, rolled back ({len(result.proposed):,} proposed, {len(result.removals):,} removals)"
              f" {t * 1000:8.0f} ms  ({t / full:.1f}x full scan; {', '.join(f'{x * 1000:.0f}' for x in times)};"
              f" {cpu()})  target < 5000 ms at 1M")
        kinds: dict[str, int] = {}
        for p in result.proposed:
            kinds[p.ground] = kinds.get(p.ground, 0) + 1
        print("    proposed: " + ", ".join(f"{k} {v:,}" for k, v in sorted(kinds.items())))
        t, _, result = timed(lambda: credit.propose_due(db, by=None, on=options.on), 1)
        print(f"  whole office, committed once ({len(result.proposed):,} proposed) {t * 1000:8.0f} ms ({cpu()})")
        t, _, result = timed(lambda: credit.propose_due(db, by=None, on=options.on), 1)
        print(f"  whole office again, nothing left ({len(result.proposed):,} proposed) {t * 1000:8.0f} ms ({cpu()})")
        rnd = random.Random(3)
        with db.read() as s:
            ids = list(s.scalars(select(Organization.id).where(Organization.tier == "registered")
                                 .order_by(Organization.id).limit(50_000)))
        times, cpus = [], []
        found = 0
        for i in range(options.single):
            org_id = rnd.choice(ids)
            with db.unit(actor="bench") as session:
                session.add(Penalty(organization_id=org_id, office_code=CITY, case_no=f"乐民罚〔2025〕B{i}号",
                                    kind="warning", state="decided", facts="未按章程开展活动", basis="第三十条",
                                    decision_no=f"乐民罚〔2025〕B{i}号", decided_on=options.on,
                                    entered_by="clerk", decided_by="reviewer", origin_office=CITY))
            start, started = time.perf_counter(), time.process_time()
            found += len(credit.propose_for(db, org_id, by=None, on=options.on).proposed)
            times.append(time.perf_counter() - start)
            cpus.append(time.process_time() - started)
        print(f"  one organization after a new penalty ({found} proposed in {options.single} runs) "
              f"{statistics.median(times) * 1000:8.1f} ms median, {max(times) * 1000:.1f} ms max "
              f"(CPU {statistics.median(cpus) * 1000:.1f} ms)  target < 50 ms")
        print(f"after: {load()}")
    finally:
        db.close()
        for suffix in ("", "-wal", "-shm"):
            if not options.db:
                Path(f"{work}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
