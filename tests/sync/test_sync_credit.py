"""Credit rows travel like the other supervision rows: a listing belongs to the office it names and must concern
one of that office's organizations; a listing, objection or calendar day a clerk could not have entered (decided
by its proposer, listed without its decision number) refuses the whole package, and the city is unchanged.  A
listing's ground is a shipped one or one its office defined in its own ``credit.grounds`` row (in the package or
stored before); another office's ground, or an unknown one, is refused."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import parameters
from tests.helpers.db import digest
from tests.sync import test_sync_jurisdiction as jurisdiction
from tests.sync.test_sync_jurisdiction import DISTRICT, change, refused, rows

world = jurisdiction.world
world_known = jurisdiction.world_known  # (what world reads once per module)


def _listing(org_id: str, **over: Any) -> dict[str, Any]:
    row = {"id": str(uuid.uuid4()), "organization_id": org_id, "office_code": DISTRICT, "list_kind": "abnormal",
           "state": "listed", "ground": "annual_report_missing", "evidence": [], "proposed_by": "rules",
           "proposed_on": "2026-05-04", "decision_no": "沙民信〔2026〕1号", "decided_on": "2026-05-06",
           "decided_by": "rev1", "listed_on": "2026-05-06", "origin_office": DISTRICT}
    return {**row, **over}


def _send(world: dict[str, Any], *changes: dict[str, Any]) -> Any:
    return refused(world["city"], world["up"].package(list(changes), seq=2, previous=world["previous"]))


def test_a_listing_of_an_organization_the_office_does_not_own_is_refused_whole(world: dict[str, Any]) -> None:
    city: Path = world["city"]
    before = digest(city)
    for org in (world["city_org"], world["other_org"]):
        row = _listing(org)
        result = _send(world, change("credit_listing", row["id"], "upsert", row))
        assert (result.status, result.reason) == ("refused", "sync.refused.foreign_row"), result
        assert row["id"] in result.message
    assert digest(city) == before


BAD = {
    "decided by its proposer": ({"proposed_by": "rev1"}, "decided_by"),
    "listed without its decision number": ({"decision_no": None}, "decision_no"),
    "an unknown ground": ({"ground": "bad_mood"}, "ground"),
    "a ground of the other list": ({"ground": "large_fine"}, "ground"),
    "decided before it was proposed": ({"decided_on": "2026-05-01"}, "decided_on"),
    "decided in the future": ({"decided_on": "2099-01-01", "listed_on": "2099-01-01"}, "decided_on"),
    "removed by whoever proposed the removal": ({"state": "removed", "removal_ground": "rectified",
                                                "removal_proposed_on": "2026-05-10", "removal_proposed_by": "rev2",
                                                "removal_decision_no": "沙民信〔2026〕2号", "removed_on": "2026-05-12",
                                                "removed_by": "rev2"}, "removed_by"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_an_arriving_listing_a_clerk_could_not_have_entered_is_refused_whole(world: dict[str, Any],
                                                                              name: str) -> None:
    over, field = BAD[name]
    row = _listing(world["own_org"], **over)
    city: Path = world["city"]
    before = digest(city)
    result = _send(world, change("credit_listing", row["id"], "upsert", row))
    assert result.reason == "sync.refused.invalid_row", result.message
    assert row["id"] in result.message and field in result.message, result.message
    assert digest(city) == before


def test_a_valid_listing_its_objection_and_a_calendar_day_apply(world: dict[str, Any]) -> None:
    city: Path = world["city"]
    row = _listing(world["own_org"])
    objection = {"id": str(uuid.uuid4()), "listing_id": row["id"], "received_on": "2026-05-08", "content": "异议",
                 "state": "decided", "decision": "upheld", "reply": "维持", "decided_on": "2026-05-09",
                 "entered_by": "rev1", "decided_by": "rev1", "origin_office": DISTRICT}
    day = {"id": str(uuid.uuid4()), "office_code": DISTRICT, "day": "2026-05-06", "kind": "workday",
           "source": "区政府通知", "origin_office": DISTRICT}
    before = digest(city)
    result = _send(world, change("credit_listing", row["id"], "upsert", row),
                   change("credit_objection", objection["id"], "upsert", objection))
    assert result.reason == "sync.refused.invalid_row" and "decided_by" in result.message, result.message
    result = _send(world, change("calendar_day", day["id"], "upsert", day))
    assert result.reason == "sync.refused.invalid_row" and "day" in result.message, result.message
    assert digest(city) == before
    objection["entered_by"], day["day"] = "clerk1", "2026-05-09"  # a Saturday
    result = _send(world, change("credit_listing", row["id"], "upsert", row),
                   change("credit_objection", objection["id"], "upsert", objection),
                   change("calendar_day", day["id"], "upsert", day))
    assert result.status == "applied", result.message
    assert rows(city, "SELECT state FROM credit_listing WHERE id = ?", row["id"]) == [("listed",)]
    # the register's derived column follows the arriving listing (services/sync/apply.py _refresh_supervision)
    assert rows(city, "SELECT credit_list FROM organization WHERE id = ?", world["own_org"]) == [("abnormal",)]


def test_a_serious_listing_arrives_with_the_abnormal_listing_it_moved_from_whatever_their_ids(world) -> None:
    """Both in one package (a first, full package holds both): the one it names is inserted first, though its id
    sorts after."""
    city: Path = world["city"]
    old = _listing(world["own_org"], id="ffffffff-0000-4000-8000-000000000001", state="moved",
                   removed_on="2026-05-08", removed_by="rev1", removal_decision_no="沙民信〔2026〕2号")
    serious = _listing(world["own_org"], id="00000000-0000-4000-8000-000000000001", list_kind="serious",
                       ground="abnormal_two_years", moved_from_id=old["id"], decision_no="沙民信〔2026〕2号",
                       proposed_on="2026-05-07", decided_on="2026-05-08", listed_on="2026-05-08")
    result = _send(world, change("credit_listing", serious["id"], "upsert", serious),
                   change("credit_listing", old["id"], "upsert", old))
    assert result.status == "applied", result.message
    assert rows(city, "SELECT moved_from_id FROM credit_listing WHERE id = ?", serious["id"]) == [(old["id"],)]


# -- a ground the office defined itself (its own credit.grounds parameter row) ----------------------------------------
def _own_grounds(office: str, key: str = "district_own_ground") -> dict[str, Any]:
    """An office's ``credit.grounds`` row as its administrator leaves it: the shipped grounds and one of its own."""
    grounds = [*parameters.defaults()["credit.grounds"].value,
               {"key": key, "list_kind": "abnormal", "zh": "区县规定的其他情形", "en": "A ground of the district",
                "auto": False, "removal": "rectified", "evidence_required": False}]
    return {"id": str(uuid.uuid4()), "key": "credit.grounds", "legal_form": None, "year_from": None,
            "year_to": None, "value": grounds, "source": "区民政局信用管理细则（测试）", "note": None,
            "edited_by": "admin1", "origin_office": office}


def test_a_listing_on_the_offices_own_ground_applies_with_its_parameter_or_after_it(world: dict[str, Any]) -> None:
    """The ground is known when the sending office's own parameter row defining it arrives in the same package,
    or was stored before; without it the same listing is refused."""
    city: Path = world["city"]
    own = _own_grounds(DISTRICT)
    first = _listing(world["own_org"], ground="district_own_ground", ground_detail="区县细则第三条")
    before = digest(city)
    result = _send(world, change("credit_listing", first["id"], "upsert", first))
    assert result.reason == "sync.refused.invalid_row" and "ground" in result.message, result.message
    assert digest(city) == before
    result = _send(world, change("credit_listing", first["id"], "upsert", first),
                   change("parameter", own["id"], "upsert", own))
    assert result.status == "applied", result.message
    assert rows(city, "SELECT ground, state FROM credit_listing WHERE id = ?", first["id"]) == [
        ("district_own_ground", "listed")]
    # already stored: a later package with a listing alone
    (previous,) = rows(city, "SELECT sha256 FROM sync_inbox WHERE origin = ? AND seq = 2", DISTRICT)[0]
    later = _listing(world["own_org"], ground="district_own_ground", decision_no="沙民信〔2026〕5号")
    result = refused(city, world["up"].package([change("credit_listing", later["id"], "upsert", later)], seq=3,
                                               previous=previous))
    assert result.status == "applied", result.message


def test_a_ground_defined_by_another_office_or_deleted_does_not_count(world: dict[str, Any]) -> None:
    """Only the listing's own office's rows define its grounds: the city's own ground is unknown for a district's
    listing, and a row the package deletes defines nothing."""
    city: Path = world["city"]
    db = open_database(city)
    try:
        parameters.set_parameter(db, "credit.grounds", _own_grounds("511100", "city_own_ground")["value"],
                                 source="市局细则（测试）", by=None)
    finally:
        db.close()
    before = digest(city)
    theirs = _listing(world["own_org"], ground="city_own_ground")
    result = _send(world, change("credit_listing", theirs["id"], "upsert", theirs))
    assert result.reason == "sync.refused.invalid_row" and "ground" in result.message, result.message
    gone = {**_own_grounds(DISTRICT), "deleted_at": "2026-05-01T10:00:00"}
    listing = _listing(world["own_org"], ground="district_own_ground")
    result = _send(world, change("parameter", gone["id"], "upsert", gone),
                   change("credit_listing", listing["id"], "upsert", listing))
    assert result.reason == "sync.refused.invalid_row" and listing["id"] in result.message, result.message
    assert digest(city) == before
