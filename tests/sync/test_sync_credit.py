"""Credit rows travel like the other supervision rows: a listing belongs to the office it names and must concern
one of that office's organizations; a listing, objection or calendar day a clerk could not have entered (decided
by its proposer, listed without its decision number) refuses the whole package, and the city is unchanged."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.db import digest
from tests.sync import test_sync_jurisdiction as jurisdiction
from tests.sync.test_sync_jurisdiction import DISTRICT, change, refused, rows

world = jurisdiction.world


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
