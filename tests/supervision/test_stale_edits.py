"""A clerk acts on what the window showed: each edit and decision of supervision takes the ``version`` the view
showed (``shown_version``) and is refused (``record.changed``, audited, nothing else written) when a second clerk
changed the row in between; without a view (``shown_version`` None, as the CLI) the row as it is now is acted on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.models import Interview, Penalty
from civicdesk.services.admin import audit, auth
from civicdesk.services.core.database import Database
from civicdesk.services.supervision import (complaints, credit, inspection, interviews, parameters, penalties, rating,
                                            spotcheck)
from tests.helpers.pg import content_digest
from tests.pg.conftest import backend, office_db, pg_template
from tests.supervision.enforcement_fixtures import audited, data
from tests.supervision.test_inspection import GOOD, add_org, users
from tests.supervision.test_rating import office as rating_office
from tests.ui.test_supervision_ui import cheap_hashes  # autouse: accounts made without the cost of real hashes

__all__ = ["backend", "cheap_hashes", "office_db", "pg_template", "rating_office", "users"]


@pytest.fixture
def office(rating_office: dict[str, Any]) -> dict[str, Any]:
    """The rating tests' office (a social group inspected 合格 for 2025, an administrator, a clerk, two reviewers)
    and a second clerk."""
    return {**rating_office, "clerk2": auth.create_user(rating_office["db"], "clerk2", "a-long-password-5", "clerk",
                                                        by=rating_office["admin"])}


def refused(o: dict[str, Any], event: str, call: Callable[[], Any]) -> CivicDeskError:
    """``call`` is refused as acting on a changed row: nothing written but the audited refusal."""
    before = data(o["db"])
    with pytest.raises(CivicDeskError) as err:
        call()
    assert err.value.code == "record.changed", err.value
    assert data(o["db"]) == before
    assert audited(o, event)[0].details["error"] == "record.changed"
    assert "\n" not in err.value.message("zh") and "\n" not in err.value.message("en")
    return err.value


def test_the_refusal_names_the_record_and_the_versions_in_both_languages(office) -> None:
    db = office["db"]
    c = complaints.receive(db, received_on="2026-11-01", channel="letter", content="长期不换届",
                           organization=office["org"], reporter={"anonymous": True}, by=office["clerk"])
    shown = complaints.assign(db, c.id, to="clerk1", by=office["clerk"])
    complaints.assign(db, c.id, to="clerk2", by=office["clerk2"], shown_version=shown.version)  # the other clerk
    err = refused(office, "complaint.refused", lambda: complaints.reply(
        db, c.id, finding="已核实", by=office["clerk"], shown_version=shown.version))
    zh, en = err.message("zh"), err.message("en")
    assert "投诉举报" in zh and c.id in zh and f"{shown.version} → {shown.version + 1}" in zh and "未执行" in zh
    assert en.startswith(f"Complaint '{c.id}' was changed") and "nothing was done" in en
    # the view read again: the reply goes through; without a view (the CLI) no check is made
    now = complaints.get_complaint(db, c.id)
    assert complaints.reply(db, c.id, finding="已核实", by=office["clerk2"], shown_version=now.version).state == \
        "replied"


def test_an_interview_outcome_on_a_changed_interview_is_refused(office) -> None:
    db = office["db"]
    shown = interviews.record(db, office["org"], held_at="2026-11-20 09:30", place="区民政局301会议室",
                              participants="会长张三", issues="未按章程换届", by=office["clerk"])
    with db.unit(actor="clerk2") as session:  # another clerk's correction of the interview
        row = session.get(Interview, shown.id)
        assert row is not None
        row.place = "区民政局302会议室"
    refused(office, "interview.refused", lambda: interviews.record_outcome(
        db, shown.id, outcome="已换届", by=office["clerk"], shown_version=shown.version))
    assert interviews.record_outcome(db, shown.id, outcome="已换届", by=office["clerk"]).outcome == "已换届"


def test_a_penalty_decision_on_a_changed_case_is_refused(office) -> None:
    db = office["db"]
    shown = penalties.enter(db, office["org"], case_no="沙民罚〔2026〕9号", kind="warning", facts="未按章程开展活动",
                            basis="《社会团体登记管理条例》第三十条", by=office["clerk"])
    with db.unit(actor="clerk2") as session:
        row = session.get(Penalty, shown.id)
        assert row is not None
        row.facts = "未按章程开展活动，且未报告"
    refused(office, "penalty.refused", lambda: penalties.decide(
        db, shown.id, decision_no="沙民罚决〔2026〕9号", by=office["rev1"], shown_version=shown.version))
    assert penalties.get_penalty(db, shown.id).state == "draft"


def test_a_credit_decision_on_a_listing_corrected_meanwhile_is_refused(office) -> None:
    """The state check alone would let it through: the listing is still proposed, but its ground was corrected by
    an objection after the reviewer's view showed it."""
    db = office["db"]
    shown = credit.propose(db, office["org"], "abnormal", "abnormal_other", by=office["clerk"], detail="情形")
    objection = credit.object_to(db, shown.id, "情形不实", by=office["clerk"])
    credit.decide_objection(db, objection.id, "corrected", "情形说明有误，已更正", by=office["rev2"],
                            corrections={"ground_detail": "更正后的情形"})
    assert credit.get_listing(db, shown.id).state == "proposed"
    refused(office, "credit.refused", lambda: credit.decide(
        db, shown.id, approve=True, by=office["rev1"], decision_no="沙民信〔2026〕1号", shown_version=shown.version))
    now = credit.get_listing(db, shown.id)
    assert credit.decide(db, shown.id, approve=True, by=office["rev1"], decision_no="沙民信〔2026〕1号",
                         shown_version=now.version).state == "listed"


def test_a_decided_objection_shown_before_is_refused_as_changed(office) -> None:
    db = office["db"]
    listing = credit.propose(db, office["org"], "abnormal", "abnormal_other", by=office["clerk"], detail="情形")
    shown = credit.object_to(db, listing.id, "情形不实", by=office["clerk"])
    credit.decide_objection(db, shown.id, "upheld", "维持", by=office["rev2"], shown_version=shown.version)
    refused(office, "credit.refused", lambda: credit.decide_objection(
        db, shown.id, "annulled", "撤销", by=office["rev1"], shown_version=shown.version))


def test_a_rating_step_on_scores_corrected_meanwhile_is_refused(office) -> None:
    db = office["db"]
    a = rating.apply(db, office["org"], 2026, by=office["clerk"])
    full = {"basic": 60, "governance": 300, "performance": 300, "reputation": 100}
    shown = rating.score(db, a.id, full, by=office["clerk"])
    rating.score(db, a.id, {"basic": 50}, by=office["clerk2"], shown_version=shown.version)
    refused(office, "rating.refused", lambda: rating.submit(db, a.id, by=office["clerk"],
                                                            shown_version=shown.version))
    refused(office, "rating.refused", lambda: rating.score(db, a.id, {"governance": 310}, by=office["clerk"],
                                                           shown_version=shown.version))
    assert rating.get_rating(db, a.id).scores["basic"] == 50  # the other clerk's correction stands


def test_an_inspection_correction_or_step_on_a_changed_record_is_refused(db, users, clock) -> None:
    office = {"db": db, "admin": users["admin"], "clerk": users["clerk"], "rev1": users["rev"], "rev2": users["rev2"],
              "clerk2": auth.create_user(db, "clerk2", "a-long-password-5", "clerk", by=users["admin"])}
    org = add_org(db, "沙湾区摄影协会")
    inspection.open_campaign(db, 2025, by=office["clerk"])
    shown = inspection.record(db, 2025, org, GOOD, by=office["clerk"])
    inspection.record(db, 2025, org, {"staff_count": 4}, by=office["clerk2"], shown_version=shown.version)
    refused(office, "inspection.refused", lambda: inspection.record(
        db, 2025, org, {"staff_count": 5}, by=office["clerk"], shown_version=shown.version))
    refused(office, "inspection.refused", lambda: inspection.submit(db, 2025, org, by=office["clerk"],
                                                                    shown_version=shown.version))
    now = inspection.submit(db, 2025, org, by=office["clerk"])  # no view: acted on as it is
    assert now.staff_count == 4
    inspection.return_record(db, 2025, org, reason="补材料", by=office["rev1"], shown_version=now.version)
    refused(office, "inspection.refused", lambda: inspection.decide(
        db, 2025, org, conclusion="pass", by=office["rev2"], shown_version=now.version))


def test_a_parameter_changed_meanwhile_is_neither_reset_nor_overwritten(office) -> None:
    db = office["db"]
    shown = parameters.set_parameter(db, "complaint.reply_days", 30, source="沙民发〔2026〕1号", by=office["admin"])
    parameters.set_parameter(db, "complaint.reply_days", 45, source="沙民发〔2026〕2号", by=office["admin"],
                             shown_version=shown.version)
    refused(office, "parameter.refused", lambda: parameters.reset_parameter(
        db, shown.id, by=office["admin"], shown_version=shown.version))
    refused(office, "parameter.refused", lambda: parameters.set_parameter(
        db, "complaint.reply_days", 20, source="沙民发〔2026〕3号", by=office["admin"], shown_version=shown.version))
    assert parameters.value(db, "complaint.reply_days") == 45


def test_an_inspector_changed_meanwhile_is_not_overwritten(office) -> None:
    db = office["db"]
    shown = spotcheck.add_inspector(db, "王五", unit="社会组织管理科", by=office["rev1"])
    spotcheck.update_inspector(db, shown.id, unit="执法监督科", by=office["rev2"], shown_version=shown.version)
    refused(office, "inspector.refused", lambda: spotcheck.update_inspector(
        db, shown.id, active=False, by=office["rev1"], shown_version=shown.version))
    [row] = spotcheck.list_inspectors(db)
    assert (row.unit, row.active) == ("执法监督科", True)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_stale_complaint_reply_is_refused_on_both_back_ends(office_db: Database) -> None:
    admin = auth.create_user(office_db, "admin1", "a-long-password-1", "admin")
    clerks = [auth.create_user(office_db, f"clerk{n}", f"a-long-password-{n}", "clerk", by=admin) for n in (1, 2)]
    c = complaints.receive(office_db, received_on="2026-11-01", channel="letter", content="长期不换届",
                           subject_name="某协会", reporter={"anonymous": True}, by=clerks[0])
    shown = complaints.assign(office_db, c.id, to="clerk1", by=clerks[0])
    complaints.assign(office_db, c.id, to="clerk2", by=clerks[1], shown_version=shown.version)
    before = content_digest(office_db, without=("audit_entry",))
    with pytest.raises(CivicDeskError) as err:
        complaints.reply(office_db, c.id, finding="已核实", by=clerks[0], shown_version=shown.version)
    assert err.value.code == "record.changed"
    assert content_digest(office_db, without=("audit_entry",)) == before
    [entry] = audit.entries(office_db, action="complaint.refused", by=admin)
    assert entry.details["error"] == "record.changed"
    assert complaints.get_complaint(office_db, c.id).assigned_to == "clerk2"
