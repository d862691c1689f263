"""The city's rulings in sync (docs/SYNC.md "Rulings"): the city annuls a district's listing, the ruling travels to
that district and is applied there in the import, and from then on neither the district's services nor its
packages can undo it; a district cannot send a ruling; a ruling about a third district's row is neither sent to
nor taken by another district."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.models import CreditListing
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import credit, ruling
from tests.helpers.db import digest
from tests.helpers.sync import export, import_json
from tests.sync import test_sync_jurisdiction as jurisdiction
from tests.sync.test_sync_jurisdiction import CITY, DISTRICT, OTHER, Office, change, refused, rows

world = jurisdiction.world


def _listed(city: Path, office: str = DISTRICT) -> str:
    found = rows(city, "SELECT id FROM credit_listing WHERE office_code = ? AND state = 'listed' "
                       "AND deleted_at IS NULL ORDER BY id LIMIT 1", office)
    if not found:
        pytest.skip("no listed listing of this office in the demo")
    return str(found[0][0])


def _annul(city: Path, listing_id: str, number: str = "乐民复决〔2026〕1号") -> ruling.RulingInfo:
    db = open_database(city)
    try:
        return ruling.issue(db, "credit_listing", listing_id, "annul", None, number, None, "复议认定事实不清", by=None)
    finally:
        db.close()


def test_the_citys_annulment_reaches_the_district_and_the_district_cannot_undo_it(
        pair_exchanged: dict[str, Path]) -> None:
    city, district = pair_exchanged["city"], pair_exchanged["district"]
    listing = _listed(city)
    (org_id,) = rows(city, "SELECT organization_id FROM credit_listing WHERE id = ?", listing)[0]
    info = _annul(city, listing)
    assert rows(city, "SELECT state FROM credit_listing WHERE id = ?", listing) == [("annulled",)]
    code, results = import_json(district, *export(city, DISTRICT, pair_exchanged["dir"]))
    assert code == 0 and {r["status"] for r in results} == {"applied"}, results
    assert rows(district, "SELECT state, removal_decision_no FROM credit_listing WHERE id = ?", listing) == [
        ("annulled", info.decision_no)]
    assert rows(district, "SELECT count(*) FROM credit_event WHERE listing_id = ? AND action = 'ruling_annul'",
                listing) == [(1,)]
    still = rows(district, "SELECT count(*) FROM credit_listing WHERE organization_id = ? AND state = 'listed'",
                 org_id)[0][0]
    register = rows(district, "SELECT credit_list FROM organization WHERE id = ?", org_id)[0][0]
    assert (register is None) == (still == 0)
    # the district's service and a direct edit are refused with the ruling's number; nothing changes
    before = digest(district, without=("audit_entry",))
    db = open_database(district)
    try:
        with pytest.raises(CivicDeskError) as refusal:
            credit.propose_removal(db, listing, "other", by=None, reason="再议")
        assert refusal.value.code == "ruling.ruled" and info.decision_no in refusal.value.message("zh")
        with pytest.raises(CivicDeskError) as refusal, db.unit(actor="clerk1") as session:
            session.get(CreditListing, listing).state = "listed"
        assert refusal.value.code == "ruling.ruled"
    finally:
        db.close()
    assert digest(district, without=("audit_entry",)) == before  # the refusals are audited, nothing else written


def test_a_district_change_of_a_ruled_field_does_not_stand_nor_a_district_ruling(world: dict[str, Any]) -> None:
    """An honest race: the district re-lists (or removes) a listing the city has meanwhile annulled.  The ruling
    stands, the rest of the package applies (its stream goes on), the district's value is kept in the audit."""
    city = world["city"]
    listing = _listed(city)
    _annul(city, listing)
    (vector,) = rows(city, "SELECT version_vector FROM credit_listing WHERE id = ?", listing)[0]
    import json

    undo = change("credit_listing", listing, "update", {"state": ["annulled", "listed"],
                                                        "reason": [None, "区县重新列入"]},
                  before=json.loads(vector))
    own_org = world["own_org"]
    (org_vector,) = rows(city, "SELECT version_vector FROM organization WHERE id = ?", own_org)[0]
    other = change("organization", own_org, "update", {"address": "沙湾区同包另一修改"}, before=json.loads(org_vector))
    result = refused(city, world["up"].package([undo, other], seq=2, previous=world["previous"]))
    assert result.status == "applied", result
    assert rows(city, "SELECT state FROM credit_listing WHERE id = ?", listing) == [("annulled",)]
    assert rows(city, "SELECT address FROM organization WHERE id = ?", own_org) == [("沙湾区同包另一修改",)]
    (details,) = rows(city, "SELECT details FROM audit_entry WHERE action = 'sync.ruled_kept' AND entity_id = ?",
                      listing)[0]
    kept = json.loads(details)
    assert (kept["field"], kept["sent"], kept["kept"]) == ("state", "listed", "annulled")
    assert kept["decision_no"] == "乐民复决〔2026〕1号"
    before = digest(city)
    (applied,) = rows(city, "SELECT sha256 FROM sync_inbox WHERE origin = ? AND seq = 2", DISTRICT)[0]
    (org_id,) = rows(city, "SELECT organization_id FROM credit_listing WHERE id = ?", listing)[0]
    own = {"id": str(uuid.uuid4()), "office_code": DISTRICT, "organization_id": org_id,
           "subject_entity": "credit_listing", "subject_id": listing, "kind": "annul", "fields": {},
           "decision_no": "沙民〔2026〕9号", "decided_on": "2026-05-01", "decided_by": "rev1", "reason": "自行撤销",
           "origin_office": DISTRICT}
    result = refused(city, world["up"].package([change("ruling", own["id"], "upsert", own)], seq=3,
                                               previous=applied))
    assert result.reason == "sync.refused.ruling_not_from_city" and own["id"] in result.message, result.message
    assert digest(city) == before


def test_a_ruling_about_a_third_districts_row_is_not_sent_nor_taken(world: dict[str, Any]) -> None:
    city, district = world["city"], world["district"]
    db = open_database(city)
    try:
        with db.unit(actor="rev1") as session:
            theirs = CreditListing(organization_id=world["other_org"], office_code=OTHER, list_kind="abnormal",
                                   state="listed", ground="annual_report_missing", evidence=[], proposed_by="rules",
                                   proposed_on=jurisdiction_day(), decision_no="中民信〔2026〕1号",
                                   decided_on=jurisdiction_day(), decided_by="rev1", listed_on=jurisdiction_day(),
                                   origin_office=OTHER)
            session.add(theirs)
            session.flush()
            listing = theirs.id
    finally:
        db.close()
    info = _annul(city, listing, "乐民复决〔2026〕2号")
    files = export(city, DISTRICT, world["dir"])
    code, results = import_json(district, *files)
    assert code == 0, results
    assert rows(district, "SELECT count(*) FROM ruling") == [(0,)]
    # the same ruling forced into a package by hand: refused, naming it
    row = {"id": info.id, "office_code": CITY, "organization_id": world["other_org"],
           "subject_entity": "credit_listing", "subject_id": listing, "kind": "annul", "fields": {},
           "decision_no": info.decision_no, "decided_on": info.decided_on.isoformat(), "decided_by": info.decided_by,
           "reason": info.reason, "origin_office": CITY}
    before = digest(district)
    (seq,) = rows(district, "SELECT max(seq) FROM sync_inbox WHERE origin = ?", CITY)[0]
    (sha,) = rows(district, "SELECT sha256 FROM sync_inbox WHERE origin = ? AND seq = ?", CITY, seq)[0]
    down = Office(city, district)
    result = refused(district, down.package([change("ruling", row["id"], "upsert", row, by=CITY)], seq=seq + 1,
                                            previous=sha))
    assert result.status == "refused" and info.id in result.message, result.message
    assert digest(district) == before


def jurisdiction_day() -> Any:
    import datetime as dt

    return dt.date(2026, 5, 6)


def test_a_ruling_is_issued_only_at_the_city_and_not_on_its_own_rows(world: dict[str, Any]) -> None:
    db = open_database(world["district"])
    try:
        with pytest.raises(CivicDeskError) as refusal:
            ruling.issue(db, "credit_listing", "x", "annul", None, "1号", None, "理由", by=None)
        assert refusal.value.code == "ruling.not_city"
    finally:
        db.close()
    db = open_database(world["city"])
    try:
        with pytest.raises(CivicDeskError) as refusal:
            ruling.issue(db, "credit_listing", "no-such-row", "annul", None, "1号", None, "理由", by=None)
        assert refusal.value.code == "ruling.subject_not_found"
        listing = _listed(world["city"])
        with pytest.raises(CivicDeskError) as refusal:
            ruling.issue(db, "credit_listing", listing, "correct", {"state": "removed"}, "1号", None, "理由", by=None)
        assert refusal.value.code == "ruling.field_not_allowed"
    finally:
        db.close()
