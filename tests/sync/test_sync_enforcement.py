"""Penalties, interviews and complaints in sync: a penalty of another office's organization refused whole, the
values a clerk could not have entered refused by row and field (services/supervision/arrivals.py), the valid
ones applied, and a complaint travelling to the city without its reporter (complaint_reporter is local)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from civicdesk.models.sync import synced_entities
from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import complaints
from tests.helpers.db import digest
from tests.helpers.sync import export
from tests.sync import test_sync_jurisdiction as jurisdiction
from tests.sync.test_sync_format import _opened_payload
from tests.sync.test_sync_jurisdiction import DISTRICT, change, refused, rows

world = jurisdiction.world
world_known = jurisdiction.world_known  # (what world reads once per module)


def _penalty(org_id: str, **over: Any) -> dict[str, Any]:
    row = {"id": str(uuid.uuid4()), "organization_id": org_id, "office_code": DISTRICT, "case_no": "沙民罚〔2026〕3号",
           "kind": "fine", "state": "decided", "amount": "3000.00", "facts": "未按规定换届", "basis": "第三十条",
           "decision_no": "沙民罚决〔2026〕3号", "decided_on": "2026-05-10", "appeal_by": "2026-07-09",
           "entered_by": "clerk1", "decided_by": "rev1", "origin_office": DISTRICT}
    return {**row, **over}


def _interview(org_id: str, **over: Any) -> dict[str, Any]:
    row = {"id": str(uuid.uuid4()), "organization_id": org_id, "office_code": DISTRICT,
           "held_at": "2026-05-02 09:30:00", "place": "区民政局", "participants": "会长", "issues": "未换届",
           "rectification": "限期换届", "rectify_by": "2026-08-01", "entered_by": "clerk1", "origin_office": DISTRICT}
    return {**row, **over}


def _complaint(org_id: str | None, **over: Any) -> dict[str, Any]:
    row = {"id": str(uuid.uuid4()), "office_code": DISTRICT, "received_on": "2026-04-01", "channel": "phone",
           "organization_id": org_id, "subject_name": None, "content": "乱收费", "state": "replied",
           "assigned_to": "clerk1", "due_on": "2026-05-31", "finding": "属实", "replied_on": "2026-05-20",
           "entered_by": "clerk1", "origin_office": DISTRICT}
    return {**row, **over}


def test_a_penalty_for_an_organization_of_another_office_is_refused_whole(world: dict[str, Any]) -> None:
    city: Path = world["city"]
    before = digest(city)
    for row in (_penalty(world["other_org"]), _penalty(world["city_org"]), _interview(world["other_org"])):
        entity = "interview" if "held_at" in row else "penalty"
        result = refused(city, world["up"].package([change(entity, row["id"], "upsert", row)], seq=2,
                                                   previous=world["previous"]))
        assert result.status == "refused" and result.reason == "sync.refused.foreign_row", result.message
        assert row["id"] in result.message
    assert digest(city) == before


VALUES = {
    "a fine with a negative amount": ("penalty", {"amount": "-3000.00"}, "amount"),
    "a fine without an amount": ("penalty", {"amount": None}, "amount"),
    "a warning with an amount": ("penalty", {"kind": "warning"}, "amount"),
    "a penalty decided by its own clerk": ("penalty", {"decided_by": "clerk1"}, "decided_by"),
    "a penalty decided in the future": ("penalty", {"decided_on": "2099-01-01", "appeal_by": "2099-03-02"},
                                        "decided_on"),
    "a penalty of an unknown kind": ("penalty", {"kind": "closure"}, "kind"),
    "a suspension ending before it starts": ("penalty", {"kind": "suspension", "amount": None,
                                                         "suspended_from": "2026-06-01",
                                                         "suspended_to": "2026-05-01"}, "suspended_to"),
    "an interview held in the future": ("interview", {"held_at": "2099-01-01 09:00:00", "rectify_by": None,
                                                      "rectification": None}, "held_at"),
    "an interview's deadline before it": ("interview", {"rectify_by": "2026-04-01"}, "rectify_by"),
    "a complaint of an unknown channel": ("complaint", {"channel": "fax"}, "channel"),
    "a complaint about two subjects": ("complaint", {"subject_name": "某协会"}, "subject_name"),
    "a complaint replied before it arrived": ("complaint", {"replied_on": "2026-03-01"}, "replied_on"),
}


@pytest.mark.parametrize("name", list(VALUES))
def test_an_arriving_enforcement_row_a_clerk_could_not_have_entered_is_refused_whole(world: dict[str, Any],
                                                                                       name: str) -> None:
    entity, over, field = VALUES[name]
    make = {"penalty": _penalty, "interview": _interview, "complaint": _complaint}[entity]
    row = make(world["own_org"], **over)
    city: Path = world["city"]
    before = digest(city)
    result = refused(city, world["up"].package([change(entity, row["id"], "upsert", row)], seq=2,
                                               previous=world["previous"]))
    assert result.reason == "sync.refused.invalid_row", result.message
    assert row["id"] in result.message and field in result.message, result.message
    assert digest(city) == before


def test_a_valid_penalty_interview_and_complaint_apply(world: dict[str, Any]) -> None:
    city: Path = world["city"]
    c = _complaint(world["own_org"])
    i = _interview(world["own_org"], complaint_id=c["id"], outcome="已换届", outcome_on="2026-06-01")
    p = _penalty(world["own_org"], complaint_id=c["id"], interview_id=i["id"])
    result = refused(city, world["up"].package([change("complaint", c["id"], "upsert", c),
                                                change("interview", i["id"], "upsert", i),
                                                change("penalty", p["id"], "upsert", p)], seq=2,
                                               previous=world["previous"]))
    assert result.status == "applied", result.message
    assert rows(city, "SELECT state, amount FROM penalty WHERE id = ?", p["id"]) == [("decided", 3000)]


def test_a_complaint_travels_to_the_city_without_its_reporter(world: dict[str, Any]) -> None:
    assert "complaint" in synced_entities() and "complaint_reporter" not in synced_entities()
    district: Path = world["district"]
    db = open_database(district)
    try:
        by = None
        if auth.has_users(db):
            pytest.skip("the district template has accounts")  # it has none: the system acts
        received = complaints.receive(db, received_on="2026-05-01", channel="visit", content="理事会长期不开会",
                                      organization=world["own_org"], by=by,
                                      reporter={"name": "赵匿名者", "phone": "13999990000", "address": "沙湾区某街"})
    finally:
        db.close()
    files = export(district, jurisdiction.CITY, world["dir"])
    payloads = [_opened_payload(world["city"], f.read_bytes())[1] for f in files]
    text = json.dumps(payloads, ensure_ascii=False, default=str)
    assert received.id in text and "理事会长期不开会" in text  # the complaint travels …
    assert "赵匿名者" not in text and "13999990000" not in text and "沙湾区某街" not in text  # … its reporter not
    assert "complaint_reporter" not in text
    with sqlite3.connect(district) as conn:
        assert conn.execute("SELECT count(*) FROM complaint_reporter WHERE complaint_id = ?",
                            (received.id,)).fetchone() == (1,)
