"""The rule engine runs by itself for one organization after the records it reads change (credit.TRIGGERS): a
penalty decided, an inspection report decided, a spot-check result recorded.  The proposal is written in the
same unit of work as the record, so it is there the moment the record is; and it costs a few milliseconds."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, union

from civicdesk import clock
from civicdesk.models import CreditListing, InspectionRecord, Organization, Penalty, SpotcheckItem, SpotcheckPlan
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.supervision import credit, inspection, penalties, spotcheck


@pytest.fixture(scope="module")
def district(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """沙湾区's demo register; each test works on organizations of its own."""
    path = tmp_path_factory.mktemp("credit_trigger") / "shawan.sqlite3"
    shutil.copyfile(templates["shawan_demo"], path)
    db = open_database(path)
    yield db
    db.close()


def _unlisted(db: Database, n: int) -> list[str]:
    """``n`` registered organizations of the office without a listing, a penalty or a waiting report."""
    with db.read() as session:
        busy = union(select(CreditListing.organization_id), select(Penalty.organization_id),
                     select(InspectionRecord.organization_id).where(InspectionRecord.state == "submitted"))
        return list(session.scalars(select(Organization.id).where(
            Organization.registry_code == db.office().code, Organization.tier == "registered",
            Organization.id.not_in(busy)).order_by(Organization.id).limit(n)))


def _proposed(db: Database, org_id: str) -> list[credit.ListingInfo]:
    return credit.list_listings(db, organization=org_id, state="proposed")


def test_a_decided_warning_is_proposed_for_the_abnormal_list_at_once(district: Database) -> None:
    (org_id,) = _unlisted(district, 1)
    case = penalties.enter(district, org_id, case_no="触发罚〔1〕号", kind="warning", facts="未按规定报送年报",
                           basis="《社会团体登记管理条例》第三十条", by=None)
    assert _proposed(district, org_id) == []  # a case under investigation is no ground yet
    penalties.decide(district, case.id, decision_no="触发罚决〔1〕号", by=None)
    (listing,) = _proposed(district, org_id)
    assert (listing.list_kind, listing.ground, listing.source_entity, listing.source_id) == (
        "abnormal", "warning_or_small_fine", "penalty", case.id)
    assert (listing.proposed_by, listing.proposed_on) == (credit.RULES_ACTOR, clock.today())
    assert credit.propose_for(district, org_id, by=None).proposed == []  # proposed once


def test_a_spot_check_whose_rectification_ran_out_is_proposed_when_recorded(district: Database) -> None:
    with district.read() as session:
        item_id, org_id, checked_on = session.execute(
            select(SpotcheckItem.id, SpotcheckItem.organization_id, SpotcheckItem.checked_on)
            .join(SpotcheckPlan, SpotcheckPlan.id == SpotcheckItem.plan_id)
            .where(SpotcheckPlan.office_code == district.office().code,
                   SpotcheckItem.organization_id.in_(_unlisted(district, 10_000)))
            .order_by(SpotcheckItem.position).limit(1)).one()
    assert checked_on is not None
    assert _proposed(district, org_id) == []
    spotcheck.record(district, item_id, {"result": "rectify", "findings": "财务票据不规范",
                                         "rectify_by": checked_on + timedelta(days=30), "rectified_on": None},
                     by=None)
    (listing,) = _proposed(district, org_id)
    assert (listing.ground, listing.source_entity, listing.source_id) == (
        "rectification_not_done", "spotcheck_item", item_id)


def test_an_inspection_decision_runs_the_engine_for_its_organization(district: Database) -> None:
    office = district.office().code
    with district.read() as session:
        org_id = session.scalar(select(InspectionRecord.organization_id).where(
            InspectionRecord.state == "submitted", InspectionRecord.year == 2020).order_by(InspectionRecord.id)
            .limit(1))
    assert org_id is not None
    with district.unit(actor="clerk") as session:  # a warning that came in without the engine (as if synced)
        session.add(Penalty(organization_id=org_id, office_code=office, case_no="触发罚〔2〕号", kind="warning",
                            state="decided", facts="演示", basis="演示", decision_no="触发罚决〔2〕号",
                            decided_on=clock.today(), appeal_by=clock.today() + timedelta(days=60),
                            entered_by="clerk", decided_by="reviewer", origin_office=office))
    assert _proposed(district, org_id) == []
    inspection.decide(district, 2020, org_id, conclusion="pass", by=None)
    assert [p.ground for p in _proposed(district, org_id)] == ["warning_or_small_fine"]
