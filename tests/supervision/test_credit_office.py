"""The rule engine's whole-office run (set by set, written in bulk) proposes exactly what the runs for one
organization at a time propose, on the demo district: the same listings (organization, list, ground, record,
evidence) and the same removals."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from civicdesk import clock
from civicdesk.models import InspectionRecord, Organization, Penalty, SpotcheckItem, SpotcheckPlan
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import credit


def _concerned(path: Path) -> list[str]:
    """Every organization of the district some rule may concern: a decided penalty, a spot check ordering
    rectification, a listing, or a campaign's due report not submitted (a superset of what the engine proposes)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute(
            "SELECT organization_id FROM penalty WHERE state = 'decided'"
            " UNION SELECT organization_id FROM spotcheck_item WHERE result = 'rectify'"
            " UNION SELECT organization_id FROM credit_listing"
            " UNION SELECT o.id FROM organization o JOIN inspection_campaign c ON c.office_code = o.registry_code"
            " WHERE o.tier = 'registered' AND o.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM inspection_record r"
            " WHERE r.organization_id = o.id AND r.year = c.year AND r.state IN ('submitted', 'decided'))"
            " ORDER BY 1")]
    finally:
        conn.close()


def _more_records(path: Path) -> None:
    """Records for every automatic ground besides the demo's: three reports of past campaigns sent back, warnings and
    small fines (two within three years: repeated), a large fine, a suspension, a spot check's rectification
    overdue and one done late."""
    db = open_database(path)
    try:
        today = clock.today()
        with db.read() as session:
            orgs = list(session.scalars(select(Organization.id).where(Organization.tier == "registered")
                                        .order_by(Organization.id).limit(6)))
        with db.unit(actor="test") as session:
            for record in session.scalars(select(InspectionRecord).where(InspectionRecord.state == "decided",
                                                                         InspectionRecord.year < today.year - 1)
                                          .order_by(InspectionRecord.id).limit(3)):
                record.state = "returned"
            for i, (org, kind, amount, days) in enumerate([
                    (orgs[0], "warning", None, 30), (orgs[0], "fine", "1000", 400), (orgs[1], "fine", "80000", 10),
                    (orgs[2], "suspension", None, 900), (orgs[3], "warning", None, 200)]):
                number = f"沙民罚〔{today.year}〕{90 + i}号"
                session.add(Penalty(organization_id=org, office_code="511111", case_no=number, kind=kind,
                                    state="decided", amount=Decimal(amount) if amount else None, facts="事实",
                                    basis="依据", decision_no=number, decided_on=today - timedelta(days=days),
                                    entered_by="clerk1", decided_by="rev1", origin_office="511111"))
            plan = SpotcheckPlan(office_code="511111", year=today.year, ratio=Decimal("0.05"), created_by="clerk1",
                                 origin_office="511111")
            session.add(plan)
            session.flush()
            for position, (org, late) in enumerate([(orgs[4], None), (orgs[5], 3)]):
                by_day = today - timedelta(days=20)
                session.add(SpotcheckItem(plan_id=plan.id, organization_id=org, position=position, result="rectify",
                                          rectify_by=by_day, rectified_on=by_day + timedelta(days=late) if late
                                          else None, origin_office="511111"))
    finally:
        db.close()


def _key(p: credit.ListingInfo) -> tuple[Any, ...]:
    return (p.organization_id, p.list_kind, p.ground, p.source_entity, p.source_id, p.moved_from_id,
            str(sorted((e["entity"], e["id"], e["summary"]) for e in p.evidence)))


def test_the_whole_office_proposes_what_the_organizations_one_by_one_propose(shawan_db_path: Path,
                                                                            tmp_path: Path) -> None:
    _more_records(shawan_db_path)
    apart = tmp_path / "one_by_one.sqlite3"
    shutil.copyfile(shawan_db_path, apart)
    concerned = _concerned(apart)
    day = clock.today() + timedelta(days=3 * 365)  # removals and move-overs fall due too
    whole, one = open_database(shawan_db_path), open_database(apart)
    try:
        office = credit.propose_due(whole, by=None, on=day)
        single = credit.propose_due(one, by=None, on=day, organization_ids=concerned)
    finally:
        whole.close()
        one.close()
    assert sorted(map(_key, office.proposed)) == sorted(map(_key, single.proposed))
    assert sorted(r.id for r in office.removals) == sorted(r.id for r in single.removals)
    grounds, removals = {p.ground for p in office.proposed}, len(office.removals)
    assert grounds == {"annual_report_missing", "warning_or_small_fine", "repeat_penalties", "large_fine",
                       "suspended", "rectification_not_done", "abnormal_two_years"} and removals
