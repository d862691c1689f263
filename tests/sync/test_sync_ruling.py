"""The city's rulings in sync (docs/SYNC.md "Rulings"): the city annuls a district's listing, the ruling travels to
that district and is applied there in the import, and from then on neither the district's services nor its
packages can undo it; a district cannot send a ruling; a ruling about a third district's row is neither sent to
nor taken by another district.  The same for a penalty: the city corrects a fine's amount or annuls a warning, the
district takes the ruling, and a district's change of the ruled field arriving at the city leaves the ruling
standing (``sync.ruled_kept``)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.models import CreditListing, Penalty
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import credit, penalties, ruling
from tests.helpers.cli import ok
from tests.helpers.db import digest
from tests.helpers.sync import export, import_json
from tests.sync import test_sync_jurisdiction as jurisdiction
from tests.sync.test_sync_jurisdiction import CITY, DISTRICT, OTHER, Office, change, refused, rows

world = jurisdiction.world
world_known = jurisdiction.world_known  # (what world reads once per module)


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


# -- a ruling on a penalty ---------------------------------------------------------------------------------------------
def _penalty(city: Path, kind: str = "fine", office: str = DISTRICT) -> str:
    found = rows(city, "SELECT id FROM penalty WHERE office_code = ? AND kind = ? AND state = 'decided' "
                       "AND deleted_at IS NULL ORDER BY id LIMIT 1", office, kind)
    if not found:
        pytest.skip(f"no decided {kind} of this office in the demo")
    return str(found[0][0])


def _rule_penalty(city: Path, penalty_id: str, kind: str, fields: dict[str, Any] | None,
                  number: str = "乐民复决〔2026〕5号") -> ruling.RulingInfo:
    db = open_database(city)
    try:
        return ruling.issue(db, "penalty", penalty_id, kind, fields, number, None, "复议变更处罚", by=None)
    finally:
        db.close()


def test_the_citys_correction_of_a_penalty_reaches_the_district_and_stands_there(
        pair_exchanged: dict[str, Path]) -> None:
    city, district = pair_exchanged["city"], pair_exchanged["district"]
    fine = _penalty(city)
    (amount, basis) = rows(city, "SELECT amount, basis FROM penalty WHERE id = ?", fine)[0]
    ruled = "1234.50" if str(amount) not in ("1234.5", "1234.50") else "2345.00"
    info = _rule_penalty(city, fine, "correct", {"amount": ruled})
    assert info.fields == {"amount": ruled} and info.subject_entity == "penalty"
    assert rows(city, "SELECT amount, basis, state FROM penalty WHERE id = ?", fine) == [
        (float(ruled), basis, "decided")]
    code, results = import_json(district, *export(city, DISTRICT, pair_exchanged["dir"]))
    assert code == 0 and {r["status"] for r in results} == {"applied"}, results
    assert rows(district, "SELECT amount, basis, state FROM penalty WHERE id = ?", fine) == [
        (float(ruled), basis, "decided")]
    assert rows(district, "SELECT kind, decision_no FROM ruling WHERE subject_id = ?", fine) == [
        ("correct", info.decision_no)]
    # the corrected field is the city's; the fields it did not name stay the district's
    before = digest(district, without=("audit_entry",))
    db = open_database(district)
    try:
        with pytest.raises(CivicDeskError) as refusal, db.unit(actor="clerk1") as session:
            session.get(Penalty, fine).amount = amount
        assert refusal.value.code == "ruling.ruled" and info.decision_no in refusal.value.message("zh")
        assert "amount" in refusal.value.message("en")
    finally:
        db.close()
    assert digest(district, without=("audit_entry",)) == before
    db = open_database(district)
    try:
        with db.unit(actor="clerk1") as session:
            session.get(Penalty, fine).basis = basis + "（补正）"
    finally:
        db.close()
    assert rows(district, "SELECT basis, amount FROM penalty WHERE id = ?", fine) == [
        (basis + "（补正）", float(ruled))]


def test_the_citys_annulment_withdraws_a_district_penalty_and_the_district_cannot_undo_it(
        pair_exchanged: dict[str, Path]) -> None:
    city, district = pair_exchanged["city"], pair_exchanged["district"]
    warning = _penalty(city, "warning")
    info = _rule_penalty(city, warning, "annul", None, "乐民复决〔2026〕6号")
    assert rows(city, "SELECT state, reason FROM penalty WHERE id = ?", warning) == [("withdrawn", info.reason)]
    code, results = import_json(district, *export(city, DISTRICT, pair_exchanged["dir"]))
    assert code == 0 and {r["status"] for r in results} == {"applied"}, results
    assert rows(district, "SELECT state, reason FROM penalty WHERE id = ?", warning) == [("withdrawn", info.reason)]
    before = digest(district, without=("audit_entry",))
    db = open_database(district)
    try:
        with pytest.raises(CivicDeskError) as refusal, db.unit(actor="clerk1") as session:
            session.get(Penalty, warning).state = "decided"
        assert refusal.value.code == "ruling.ruled" and info.decision_no in refusal.value.message("zh")
        with pytest.raises(CivicDeskError) as refusal:
            penalties.withdraw(db, warning, reason="再撤销", by=None)
        assert refusal.value.code == "penalty.transition"  # already withdrawn: nothing of the district's to do
    finally:
        db.close()
    assert digest(district, without=("audit_entry",)) == before


def test_a_district_change_of_a_ruled_penalty_field_leaves_the_ruling_standing(world: dict[str, Any]) -> None:
    """The district corrects the fine's amount itself while the city's correction is on its way: the city keeps
    the ruled amount, the rest of the change applies, the district's amount is kept in the audit."""
    city = world["city"]
    fine = _penalty(city)
    (amount, vector) = rows(city, "SELECT amount, version_vector FROM penalty WHERE id = ?", fine)[0]
    ruled = "1234.50" if str(amount) not in ("1234.5", "1234.50") else "2345.00"
    out = ok("--db", city, "ruling", "issue", "penalty", fine, "--kind", "correct", "--field", f"amount={ruled}",
             "--decision-no", "乐民复决〔2026〕7号", "--reason", "复议变更罚款数额", "--json")
    info = json.loads(out)
    assert (info["kind"], info["fields"]) == ("correct", {"amount": ruled})
    sent = "999.00"
    own = change("penalty", fine, "update", {"amount": [f"{float(amount):.2f}", sent],
                                             "facts": [None, "区县补正事实"]}, before=json.loads(vector))
    result = refused(city, world["up"].package([own], seq=2, previous=world["previous"]))
    assert result.status == "applied", result
    assert rows(city, "SELECT amount, facts FROM penalty WHERE id = ?", fine) == [(float(ruled), "区县补正事实")]
    (details,) = rows(city, "SELECT details FROM audit_entry WHERE action = 'sync.ruled_kept' AND entity_id = ?",
                      fine)[0]
    kept = json.loads(details)
    assert (kept["field"], kept["sent"], kept["kept"]) == ("amount", sent, ruled)
    assert kept["decision_no"] == "乐民复决〔2026〕7号" and kept["sender"] == DISTRICT
