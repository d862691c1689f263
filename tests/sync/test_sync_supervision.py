"""Supervision rows travel like the register's, and are owned like it (SYNC.md, "Topology and ownership").

A campaign, a plan or a roster row belongs to the office it names; a record, a rating or a drawn check about an
organization belongs to that organization's office as well, and the two must be one.  A district's package
carrying another office's supervision row, or a row whose two owners disagree, is refused whole, naming the row,
and the city's database is unchanged.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest

from civicdesk.models import InspectionCampaign, InspectionEvent, InspectionRecord, RatingApplication
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import inspection, parameters
from tests.helpers.db import digest
from tests.helpers.sync import export, import_json
from tests.sync import test_sync_jurisdiction as jurisdiction
from tests.sync.test_sync_jurisdiction import CITY, DISTRICT, OTHER, change, refused, rows

# the jurisdiction tests' world: the city holding 沙湾区's first package, its own and 市中区's registrations
world = jurisdiction.world
world_known = jurisdiction.world_known  # (what world reads once per module)

NOW = dt.datetime(2026, 6, 1, 9, 0)
RULES = {"parts": parameters.defaults()["rating.parts"].value, "bands": parameters.defaults()["rating.bands"].value,
         "validity_years": 5, "certificate_years": 2}


def _campaign(office: str, year: int = 2025) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "office_code": office, "year": year, "state": "open", "rules": {},
            "opened_by": "clerk1", "opened_at": NOW.isoformat(), "origin_office": DISTRICT}


def _record(campaign_id: str, org_id: str) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "campaign_id": campaign_id, "organization_id": org_id, "year": 2025,
            "state": "draft", "received_on": "2026-05-20", "late": False, "materials": [],
            "entered_by": "clerk1", "origin_office": DISTRICT}


def test_a_districts_campaign_record_and_events_reach_the_city(world: dict[str, Any]) -> None:
    district, city = world["district"], world["city"]
    (org_id,) = rows(district, "SELECT id FROM organization WHERE registry_code = ? AND tier = 'registered' "
                               "AND status = 'active' AND id NOT IN (SELECT organization_id FROM inspection_record)"
                               " ORDER BY id LIMIT 1", DISTRICT)[0]
    db = open_database(district)
    try:
        with db.unit(actor="clerk1") as session:
            campaign = InspectionCampaign(office_code=DISTRICT, year=2025, rules={}, opened_by="clerk1",
                                          opened_at=NOW)
            session.add(campaign)
            session.flush()
            record = InspectionRecord(campaign_id=campaign.id, organization_id=org_id, year=2025,
                                      received_on=dt.date(2026, 5, 20), entered_by="clerk1")
            session.add(record)
            session.flush()
            session.add(InspectionEvent(record_id=record.id, action="enter", to_state="draft", actor="clerk1",
                                        at=NOW))
            session.add(RatingApplication(organization_id=org_id, office_code=DISTRICT, year=2026, rules=RULES,
                                          applied_on=dt.date(2026, 3, 1), entered_by="clerk1"))
            ids = campaign.id, record.id
    finally:
        db.close()
    files = export(district, CITY, world["dir"])
    code, results = import_json(city, *files)
    assert code == 0, results
    assert rows(city, "SELECT office_code, year FROM inspection_campaign WHERE id = ?", ids[0]) == [(DISTRICT, 2025)]
    assert rows(city, "SELECT organization_id FROM inspection_record WHERE id = ?", ids[1]) == [(org_id,)]
    assert rows(city, "SELECT count(*) FROM inspection_event WHERE record_id = ?", ids[1]) == [(1,)]
    assert rows(city, "SELECT count(*) FROM rating_application WHERE organization_id = ?", org_id) == [(1,)]
    # the city's register shows what arrived: its derived columns follow the decided records
    db = open_database(district)
    try:
        with db.unit(actor="rev1") as session:
            record = session.get(InspectionRecord, ids[1])
            record.state, record.conclusion, record.decided_by = "decided", "basic", "rev1"
            record.reasons = "财务制度不健全"
        # and revised (inspection.revise): the record as revised and its revise step travel too
        inspection.revise(db, 2025, ids[1], conclusion="fail", reason="复核发现未开展活动", by=None)
    finally:
        db.close()
    assert rows(city, "SELECT inspection_year, inspection_conclusion FROM organization WHERE id = ?",
                org_id) == [(None, None)]
    code, results = import_json(city, *export(district, CITY, world["dir"]))
    assert code == 0, results
    assert rows(city, "SELECT inspection_year, inspection_conclusion FROM organization WHERE id = ?",
                org_id) == [(2025, "fail")]
    assert rows(city, "SELECT conclusion, reasons FROM inspection_record WHERE id = ?", ids[1]) == [
        ("fail", "复核发现未开展活动")]
    (comment,) = rows(city, "SELECT comment FROM inspection_event WHERE record_id = ? AND action = 'revise'", ids[1])
    assert inspection.revision_of(comment[0]) == ("basic", "fail", "复核发现未开展活动")


def _attacks(w: dict[str, Any]) -> dict[str, tuple[list[dict[str, Any]], str, str]]:
    own, city_org, other_org = w["own_org"], w["city_org"], w["other_org"]
    theirs = _campaign(OTHER)
    ours = _campaign(DISTRICT)
    record_of_city_org = _record(ours["id"], city_org)
    own_under_theirs = _record(theirs["id"], own)
    rating = {"id": str(uuid.uuid4()), "organization_id": city_org, "office_code": DISTRICT, "year": 2026,
              "state": "applied", "applied_on": "2026-03-01", "rules": RULES, "eligibility": [], "scores": {},
              "entered_by": "clerk1", "origin_office": DISTRICT}
    ev = str(uuid.uuid4())
    return {
        "a campaign in another office's name": (
            [change("inspection_campaign", theirs["id"], "upsert", theirs)], "foreign_row", theirs["id"]),
        "a record of a city registration under its own campaign": (
            [change("inspection_campaign", ours["id"], "upsert", ours),
             change("inspection_record", record_of_city_org["id"], "upsert", record_of_city_org)],
            "foreign_row", record_of_city_org["id"]),
        "its own organization's record under another office's campaign": (
            [change("inspection_record", own_under_theirs["id"], "upsert", own_under_theirs)],
            "foreign_row", own_under_theirs["id"]),
        "a rating of a city registration claimed as its own": (
            [change("rating_application", rating["id"], "upsert", rating)], "foreign_row", rating["id"]),
        "an event on a record it cannot own": (
            [change("inspection_campaign", ours["id"], "upsert", ours),
             change("inspection_record", record_of_city_org["id"], "upsert", record_of_city_org),
             change("inspection_event", ev, "upsert",
                    {"id": ev, "record_id": record_of_city_org["id"], "action": "decide", "to_state": "decided",
                     "actor": "x", "at": NOW.isoformat(), "origin_office": DISTRICT})],
            "foreign_row", record_of_city_org["id"]),
        "a rating of another district's organization": (
            [change("rating_application", rating["id"], "upsert", dict(rating, organization_id=other_org))],
            "foreign_row", rating["id"]),
    }


ATTACKS = ["a campaign in another office's name", "a record of a city registration under its own campaign",
           "its own organization's record under another office's campaign",
           "a rating of a city registration claimed as its own", "an event on a record it cannot own",
           "a rating of another district's organization"]


@pytest.mark.parametrize("name", ATTACKS)
def test_a_district_package_with_a_supervision_row_it_does_not_own_is_refused_whole(world: dict[str, Any],
                                                                                       name: str) -> None:
    changes, reason, row_id = _attacks(world)[name]
    city: Path = world["city"]
    before = digest(city)
    result = refused(city, world["up"].package(changes, seq=2, previous=world["previous"]))
    assert result.status == "refused", result
    assert result.reason == f"sync.refused.{reason}" and row_id in result.message, result.message
    assert digest(city) == before


def _decided(org_id: str, **over: Any) -> dict[str, Any]:
    scores = {"basic": 60, "governance": 385, "performance": 395, "reputation": 145}
    row = {"id": str(uuid.uuid4()), "organization_id": org_id, "office_code": DISTRICT, "year": 2026,
           "state": "decided", "applied_on": "2026-03-01", "rules": RULES, "eligibility": [], "scores": scores,
           "total": 985, "grade": "5A", "current_grade": "5A", "decision_no": "沙民评〔2026〕1号",
           "valid_from": "2026-05-01", "valid_to": "2031-04-30", "entered_by": "clerk1", "submitted_by": "clerk1",
           "decided_by": "rev1", "decided_at": NOW.isoformat(), "origin_office": DISTRICT}
    return {**row, **over}


VALUES = {
    "a rating decided by the clerk who entered it": ({"decided_by": "clerk1"}, "decided_by"),
    "a part scored above its maximum": ({"scores": {"basic": 61, "governance": 385, "performance": 395,
                                                    "reputation": 145}}, "scores"),
    "a total that is not the sum of its scores": ({"total": 999}, "total"),
    "a grade its total does not reach": ({"total": 985, "grade": "5A", "scores": {
        "basic": 10, "governance": 385, "performance": 395, "reputation": 145}}, "total"),
    "a validity longer than the rule's": ({"valid_to": "2036-04-30"}, "valid_to"),
    "a decision in the future": ({"valid_from": "2099-05-01", "valid_to": "2104-04-30"}, "valid_from"),
}


@pytest.mark.parametrize("name", list(VALUES))
def test_an_arriving_rating_a_clerk_could_not_have_entered_is_refused_whole(world: dict[str, Any],
                                                                             name: str) -> None:
    over, field = VALUES[name]
    row = _decided(world["own_org"], **over)
    city: Path = world["city"]
    before = digest(city)
    result = refused(city, world["up"].package([change("rating_application", row["id"], "upsert", row)], seq=2,
                                               previous=world["previous"]))
    assert result.reason == "sync.refused.invalid_row", result.message
    assert row["id"] in result.message and field in result.message, result.message
    assert digest(city) == before


def test_a_valid_decided_rating_and_an_own_parameter_apply(world: dict[str, Any]) -> None:
    city: Path = world["city"]
    row = _decided(world["own_org"])
    pid = str(uuid.uuid4())
    param = {"id": pid, "key": "rating.validity_years", "value": 4, "source": "本局通知", "edited_by": "admin1",
             "origin_office": DISTRICT}
    bad = dict(param, id=str(uuid.uuid4()), key="rating.bands", value=[{"grade": "5A", "min": 900},
                                                                      {"grade": "4A", "min": 950}])
    result = refused(city, world["up"].package([change("parameter", bad["id"], "upsert", bad)], seq=2,
                                               previous=world["previous"]))
    assert result.reason == "sync.refused.invalid_row" and bad["id"] in result.message, result.message
    result = refused(city, world["up"].package([change("rating_application", row["id"], "upsert", row),
                                                change("parameter", pid, "upsert", param)], seq=2,
                                               previous=world["previous"]))
    assert result.status == "applied", result.message
    assert rows(city, "SELECT rating_grade FROM organization WHERE id = ?", world["own_org"]) == [("5A",)]


def test_the_city_sends_a_district_its_registrations_but_not_its_own_supervision(world: dict[str, Any]) -> None:
    city, district = world["city"], world["district"]
    # the city's own demo holds its campaigns, with records of its registrations located in 沙湾区
    located = rows(city, "SELECT count(*) FROM inspection_record r JOIN organization o ON o.id = r.organization_id"
                         " WHERE o.registry_code = ? AND o.division_code = ?", CITY, DISTRICT)[0][0]
    assert located > 0
    files = export(city, DISTRICT, world["dir"])
    code, results = import_json(district, *files)
    assert code == 0 and {r["status"] for r in results} == {"applied"}, results
    assert rows(district, "SELECT count(*) FROM organization WHERE registry_code = ?", CITY)[0][0] > 0
    assert rows(district, "SELECT count(*) FROM inspection_campaign WHERE office_code = ?", CITY) == [(0,)]
    assert rows(district, "SELECT count(*) FROM inspection_record r JOIN organization o ON o.id = r.organization_id"
                          " WHERE o.registry_code = ?", CITY) == [(0,)]


def _record_row(world: dict[str, Any], campaign_id: str, **over: Any) -> dict[str, Any]:
    row = dict(_record(campaign_id, world["own_org"]), state="decided", conclusion="basic", reasons="财务制度不健全",
               submitted_by="clerk1", decided_by="rev1", decided_at=NOW.isoformat(), income="12000.00")
    return {**row, **over}


RECORD_VALUES = {
    "a record decided by the clerk who entered it": ({"decided_by": "clerk1"}, "decided_by"),
    "a 基本合格 without reasons": ({"reasons": None}, "reasons"),
    "an unknown conclusion": ({"conclusion": "excellent"}, "conclusion"),
    "a negative income": ({"income": "-5.00"}, "income"),
    "a report received before its year ended": ({"received_on": "2025-12-30"}, "received_on"),
    "a report received in the future": ({"received_on": "2099-01-05"}, "received_on"),
}


@pytest.mark.parametrize("name", list(RECORD_VALUES))
def test_an_arriving_inspection_record_a_clerk_could_not_have_entered_is_refused_whole(world: dict[str, Any],
                                                                                        name: str) -> None:
    over, field = RECORD_VALUES[name]
    campaign = _campaign(DISTRICT, 2025)
    row = _record_row(world, campaign["id"], **over)
    city: Path = world["city"]
    before = digest(city)
    result = refused(city, world["up"].package([change("inspection_campaign", campaign["id"], "upsert", campaign),
                                                change("inspection_record", row["id"], "upsert", row)], seq=2,
                                               previous=world["previous"]))
    assert result.reason == "sync.refused.invalid_row", result.message
    assert row["id"] in result.message and field in result.message, result.message
    assert digest(city) == before


def test_an_arriving_spot_check_with_its_dates_out_of_order_is_refused(world: dict[str, Any]) -> None:
    plan = {"id": str(uuid.uuid4()), "office_code": DISTRICT, "year": 2026, "kind": "regular", "ratio": "0.0300",
            "filters": {}, "state": "drawn", "inspectors_per_check": 2, "created_by": "rev1", "inspector_ids": [],
            "origin_office": DISTRICT}
    item = {"id": str(uuid.uuid4()), "plan_id": plan["id"], "organization_id": world["own_org"], "position": 1,
            "inspector_ids": [], "checked_on": "2026-05-10", "result": "rectify", "rectify_by": "2026-05-01",
            "origin_office": DISTRICT}
    city: Path = world["city"]
    before = digest(city)
    result = refused(city, world["up"].package([change("spotcheck_plan", plan["id"], "upsert", plan),
                                                change("spotcheck_item", item["id"], "upsert", item)], seq=2,
                                               previous=world["previous"]))
    assert result.reason == "sync.refused.invalid_row" and item["id"] in result.message, result.message
    assert digest(city) == before
