"""Credit lists (信用名单): the rule engine's proposals from each automatic ground, once; four eyes; refusals that
write nothing; removals on their time limits; the move-over on its day; objections; the working-day calendar;
the timers; the rating rules that read the lists and penalties.  Records are written with the ORM as their
services would leave them; the program's clock is the ``clock`` fixture (2026-11-28, a Saturday)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.models import CreditListing, Penalty, SpotcheckItem, SpotcheckPlan
from civicdesk.services.admin import auth
from civicdesk.services.register import organizations
from civicdesk.services.supervision import calendar, credit, inspection, rating
from tests.factories import social_group
from tests.helpers.db import digest
from tests.supervision.test_rating import inspect


@pytest.fixture
def office(db: Any, clock: Any) -> dict[str, Any]:
    """One social group registered in 2019 and inspected 合格 for 2025; an administrator, a clerk, two
    reviewers."""
    org = organizations.add_organization(db, social_group())
    inspect(db, org.id, 2025, "pass")
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    return {
        "db": db, "org": org.id, "admin": admin, "clock": clock,
        "clerk": auth.create_user(db, "clerk1", "a-long-password-2", "clerk", by=admin),
        "rev1": auth.create_user(db, "rev1", "a-long-password-3", "reviewer", by=admin),
        "rev2": auth.create_user(db, "rev2", "a-long-password-4", "reviewer", by=admin),
    }


def penalty(db: Any, org: str, kind: str, decided_on: date, amount: str | None = None, state: str = "decided",
            case_no: str = "沙民罚〔2026〕1号") -> str:
    with db.unit(actor="test") as session:
        p = Penalty(organization_id=org, office_code="511111", case_no=case_no, kind=kind, state=state,
                    amount=Decimal(amount) if amount else None, facts="未按章程开展活动",
                    basis="《社会团体登记管理条例》第三十条",
                    decision_no=case_no if state == "decided" else None,
                    decided_on=decided_on if state == "decided" else None, entered_by="clerk1",
                    decided_by="rev1" if state == "decided" else None, origin_office="511111")
        session.add(p)
        session.flush()
        return p.id


def engine(o: dict[str, Any], **kw: Any) -> credit.EngineResult:
    return credit.propose_due(o["db"], by=o["clerk"], organization_ids=[o["org"]], **kw)


def grounds(result: credit.EngineResult) -> list[tuple[str, str]]:
    return sorted((p.list_kind, p.ground) for p in result.proposed)


def listed(o: dict[str, Any], ground: str = "abnormal_other", kind: str = "abnormal", *, proposed_on: str,
           decided_on: str) -> str:
    """A listing by hand, decided by rev1."""
    p = credit.propose(o["db"], o["org"], kind, ground, by=o["clerk"], detail="情形", proposed_on=proposed_on)
    return credit.decide(o["db"], p.id, approve=True, by=o["rev1"], decision_no="沙民信〔2024〕1号",
                         decided_on=decided_on).id


# -- the rule engine ------------------------------------------------------------------------------------------------
def test_penalties_propose_by_kind_and_amount_and_once(office):
    db, org = office["db"], office["org"]
    penalty(db, org, "warning", date(2026, 3, 2))
    penalty(db, org, "fine", date(2026, 5, 6), "49999.99")
    penalty(db, org, "fine", date(2026, 6, 1), "50000")
    penalty(db, org, "suspension", date(2026, 7, 1))
    penalty(db, org, "revocation", date(2026, 8, 3))
    penalty(db, org, "warning", date(2026, 9, 1), state="draft")  # an open case: nothing yet
    first = engine(office)
    assert grounds(first) == [("abnormal", "warning_or_small_fine"), ("abnormal", "warning_or_small_fine"),
                              ("serious", "large_fine"), ("serious", "repeat_penalties"), ("serious", "revoked"),
                              ("serious", "suspended")]
    assert all(p.proposed_by == "rules" and p.evidence and p.source_entity == "penalty" for p in first.proposed)
    repeat = next(p for p in first.proposed if p.ground == "repeat_penalties")
    assert len(repeat.evidence) == 2
    before = digest(db.path)
    assert engine(office).proposed == []  # idempotent
    assert credit.propose_due(db, by=office["clerk"]).proposed == []  # the whole office's run too
    assert digest(db.path) == before


def test_two_small_penalties_more_than_three_years_apart_are_not_repeated(office):
    penalty(office["db"], office["org"], "warning", date(2022, 3, 1))
    penalty(office["db"], office["org"], "warning", date(2025, 3, 2))
    assert grounds(engine(office)) == [("abnormal", "warning_or_small_fine")] * 2


def test_annual_report_missing_after_the_registry_deadline(office):
    db = office["db"]
    campaign = inspection.open_campaign(db, 2024, by=office["clerk"])  # its deadline in 2025 has passed
    assert engine(office, on=date(2025, 1, 10)).proposed == []  # before the deadline
    found = credit.propose_due(db, by=office["clerk"])  # the whole office: the due query finds it
    assert [(p.ground, p.source_id) for p in found.proposed] == [("annual_report_missing", campaign.id)]
    assert "2024" in found.proposed[0].evidence[0]["summary"]
    assert engine(office).proposed == []


def test_a_decided_report_proposes_nothing(office):
    inspection.open_campaign(office["db"], 2024, by=office["clerk"])
    inspect(office["db"], office["org"], 2024, "basic")
    assert engine(office).proposed == []
    assert credit.propose_due(office["db"], by=office["clerk"]).proposed == []


def test_spot_check_rectification_not_done_by_its_day(office):
    db, org = office["db"], office["org"]
    with db.unit(actor="test") as session:
        plan = SpotcheckPlan(office_code="511111", year=2026, ratio=Decimal("0.05"), created_by="clerk1",
                             origin_office="511111")
        session.add(plan)
        session.flush()
        for position, rectified in enumerate((None, date(2026, 10, 30), date(2026, 11, 2))):
            session.add(SpotcheckItem(plan_id=plan.id, organization_id=org, position=position, result="rectify",
                                      checked_on=date(2026, 9, 1), rectify_by=date(2026, 10, 31),
                                      rectified_on=rectified, origin_office="511111"))
    found = engine(office)
    assert grounds(found) == [("abnormal", "rectification_not_done")] * 2  # none, and two days late
    assert all(p.source_entity == "spotcheck_item" for p in found.proposed)


# -- proposals and decisions ----------------------------------------------------------------------------------------
def test_a_proposal_without_ground_or_evidence_is_refused_and_writes_nothing_but_the_audit(office):
    db = office["db"]
    before = digest(db.path, without=("audit_entry",))
    with pytest.raises(CivicDeskError) as no_ground:
        credit.propose(db, office["org"], "abnormal", "", by=office["clerk"])
    assert no_ground.value.code == "credit.ground_required"
    with pytest.raises(CivicDeskError) as wrong_list:
        credit.propose(db, office["org"], "serious", "unreachable", by=office["clerk"])
    assert wrong_list.value.code == "credit.bad_ground"
    with pytest.raises(CivicDeskError) as no_letters:
        credit.propose(db, office["org"], "abnormal", "unreachable", by=office["clerk"])
    assert no_letters.value.code == "credit.evidence_required"
    assert digest(db.path, without=("audit_entry",)) == before
    letters = [{"entity": "letter", "summary": "挂号信 XA001 于2026-10-08退回"},
               {"entity": "letter", "summary": "挂号信 XA002 于2026-11-09退回"}]
    p = credit.propose(db, office["org"], "abnormal", "unreachable", by=office["clerk"], evidence=letters)
    assert p.state == "proposed" and len(p.evidence) == 2 and p.steps[0].action == "propose"


def test_a_decision_needs_a_number_and_another_reviewer(office):
    db = office["db"]
    p = credit.propose(db, office["org"], "serious", "judgment_defaulter", by=office["rev2"], detail="法院名单")
    before = digest(db.path, without=("audit_entry",))
    with pytest.raises(CivicDeskError) as mine:
        credit.decide(db, p.id, approve=True, by=office["rev2"], decision_no="沙民信〔2026〕3号")
    assert mine.value.code == "credit.four_eyes"
    with pytest.raises(CivicDeskError) as no_number:
        credit.decide(db, p.id, approve=True, by=office["rev1"])
    assert no_number.value.code == "credit.decision_no_required"
    with pytest.raises(CivicDeskError) as clerk:
        credit.decide(db, p.id, approve=True, by=office["clerk"], decision_no="沙民信〔2026〕3号")
    assert clerk.value.code == "auth.forbidden"
    with pytest.raises(CivicDeskError) as no_reason:
        credit.decide(db, p.id, approve=False, by=office["rev1"])
    assert no_reason.value.code == "credit.reason_required"
    assert digest(db.path, without=("audit_entry",)) == before
    done = credit.decide(db, p.id, approve=True, by=office["rev1"], decision_no="沙民信〔2026〕3号")
    assert (done.state, done.listed_on, done.decided_by) == ("listed", date(2026, 11, 28), "rev1")
    assert [s.action for s in done.steps] == ["propose", "list"]
    with db.read() as session:
        assert credit.listed(session, [office["org"], "nobody"]) == {office["org"]: "serious"}


# -- removals -------------------------------------------------------------------------------------------------------
def test_removal_before_its_time_is_refused_and_writes_nothing(office):
    db = office["db"]
    small = listed(office, "abnormal_other", proposed_on="2026-09-01", decided_on="2026-09-02")
    serious = listed(office, "change_fraud", "serious", proposed_on="2025-01-02", decided_on="2025-01-03")
    before = digest(db.path, without=("audit_entry",))
    for key, ground, code in ((small, "six_months", "credit.removal_ground_wrong"),
                              (serious, "two_years", "credit.removal_too_early"),
                              (small, "two_years", "credit.removal_ground_wrong")):
        with pytest.raises(CivicDeskError) as refused:
            credit.propose_removal(db, key, ground, by=office["clerk"])
        assert refused.value.code == code
    assert digest(db.path, without=("audit_entry",)) == before


def test_six_months_removal_proposed_by_the_rules_then_decided(office):
    db, org = office["db"], office["org"]
    penalty(db, org, "warning", date(2026, 4, 1))
    p = engine(office, on=date(2026, 5, 1)).proposed[0]
    credit.decide(db, p.id, approve=True, by=office["rev1"], decision_no="沙民信〔2026〕4号", decided_on="2026-05-06")
    with pytest.raises(CivicDeskError) as early:
        credit.propose_removal(db, p.id, "six_months", by=office["clerk"], on="2026-11-05")
    assert (early.value.code, early.value.params["earliest"]) == ("credit.removal_too_early", "2026-11-06")
    assert engine(office, on=date(2026, 11, 5)).removals == []
    removal = engine(office, on=date(2026, 11, 6)).removals
    assert [(r.id, r.removal_ground) for r in removal] == [(p.id, "six_months")]
    with pytest.raises(CivicDeskError):
        credit.decide_removal(db, p.id, approve=True, by=office["rev1"])  # no number
    gone = credit.decide_removal(db, p.id, approve=True, by=office["rev1"], decision_no="沙民信〔2026〕9号")
    assert (gone.state, gone.removed_on) == ("removed", date(2026, 11, 28))


def test_rectified_removal_is_due_five_working_days_after_verification(office):
    db = office["db"]
    key = listed(office, proposed_on="2026-09-01", decided_on="2026-09-02")
    credit.propose_removal(db, key, "rectified", by=office["clerk"], on="2026-09-30")
    [item] = [i for i in credit.due(db) if i.kind == "removal_decide"]
    # 1-7 October is the national holiday, Saturday 10 October a worked day
    assert (item.due_on, item.bucket, item.note) == (date(2026, 10, 13), "overdue", None)
    with pytest.raises(CivicDeskError) as mine:
        credit.decide_removal(db, key, approve=True, by=office["clerk"], decision_no="x")
    assert mine.value.code == "auth.forbidden"


# -- move-over ------------------------------------------------------------------------------------------------------
def test_move_over_proposed_on_its_day_and_decided(office):
    db, clock = office["db"], office["clock"]
    old = listed(office, proposed_on="2024-11-20", decided_on="2024-11-29")
    assert engine(office).proposed == []  # 2026-11-28: one day short of two years
    clock.advance(days=1)
    [move] = engine(office).proposed
    assert (move.list_kind, move.ground, move.moved_from_id) == ("serious", "abnormal_two_years", old)
    assert any(i.kind == "move_over" and i.bucket == "today" for i in credit.due(db))
    assert engine(office).proposed == []
    new = credit.decide(db, move.id, approve=True, by=office["rev2"], decision_no="沙民信〔2026〕7号")
    assert new.state == "listed"
    assert credit.get_listing(db, old).state == "moved"


def test_listing_again_restarts_the_clock(office):
    listed(office, proposed_on="2024-11-20", decided_on="2024-11-29")
    listed(office, proposed_on="2025-06-01", decided_on="2025-06-02")
    office["clock"].advance(days=1)
    assert engine(office).proposed == []  # two years from 2025-06-02, not from 2024-11-29


# -- objections and the timers --------------------------------------------------------------------------------------
def test_an_objection_annuls_the_listing(office):
    db = office["db"]
    key = listed(office, proposed_on="2026-09-01", decided_on="2026-09-02")
    o = credit.object_to(db, key, "年度报告已于期限内寄出，有邮寄凭证", by=office["clerk"], received_on="2026-11-20")
    assert any(i.kind == "objection" and i.objection_id == o.id for i in credit.due(db))
    with pytest.raises(CivicDeskError):
        credit.decide_objection(db, o.id, "annulled", "", by=office["rev1"])
    done = credit.decide_objection(db, o.id, "annulled", "经核实，列入有误", by=office["rev1"])
    assert done.decision == "annulled"
    assert credit.get_listing(db, key).state == "annulled"
    with db.read() as session:
        assert credit.listed(session, [office["org"]]) == {}


def test_a_corrected_objection_corrects_the_listing_and_keeps_the_values_before(office):
    db = office["db"]
    key = listed(office, proposed_on="2026-09-01", decided_on="2026-09-02")
    o = credit.object_to(db, key, "列入情形有误，应为未按期整改", by=office["clerk"], received_on="2026-11-20")
    before = digest(db.path, without=("audit_entry",))
    for decision, corrections in (("corrected", {"ground": "abnormal_two_years"}),  # a ground of the other list
                                  ("corrected", {"listed_on": "2026-08-01"}),  # before the proposal
                                  ("corrected", {"state": "removed"}),  # not correctable
                                  ("corrected", {"ground": "abnormal_other"}),  # what it already is
                                  ("upheld", {"ground": "rectification_not_done"})):  # only a correction corrects
        with pytest.raises(CivicDeskError):
            credit.decide_objection(db, o.id, decision, "经核实", by=office["rev1"], corrections=corrections)
    assert digest(db.path, without=("audit_entry",)) == before
    done = credit.decide_objection(db, o.id, "corrected", "经核实，列入情形更正", by=office["rev1"],
                                   corrections={"ground": "rectification_not_done", "listed_on": "2026-09-03"})
    assert done.decision == "corrected"
    row = credit.get_listing(db, key)
    assert (row.state, row.ground, row.listed_on) == ("listed", "rectification_not_done", date(2026, 9, 3))
    step = row.steps[-1]
    assert step.action == "objection_corrected"
    assert "ground: abnormal_other -> rectification_not_done" in step.comment
    assert "listed_on: 2026-09-02 -> 2026-09-03" in step.comment


def test_a_clerk_opening_on_monday_sees_the_weekend_overdue(office):
    db = office["db"]
    p = credit.propose(db, office["org"], "abnormal", "abnormal_other", by=office["clerk"], detail="情形")
    office["clock"].advance(days=2)  # Saturday -> Monday
    [item] = credit.due(db)
    assert (item.listing_id, item.kind, item.due_on, item.bucket) == (p.id, "decide", date(2026, 11, 28), "overdue")
    assert credit.bucket(date(2026, 12, 6), date(2026, 11, 30)) == "this_week"
    assert credit.bucket(date(2026, 12, 7), date(2026, 11, 30)) == "later"


# -- the working-day calendar -----------------------------------------------------------------------------------------
def test_working_days_across_a_holiday_and_a_worked_weekend(office):
    with office["db"].read() as session:
        counted = calendar.add_working_days(session, "511111", date(2026, 9, 30), 5)
        assert (counted.day, counted.estimated) == (date(2026, 10, 13), False)
        assert calendar.is_working_day(session, "511111", date(2026, 10, 10)) is not None  # 调休
        assert calendar.is_working_day(session, "511111", date(2026, 10, 5)) is None


def test_a_missing_year_is_an_estimate_until_an_administrator_adds_it(office):
    db = office["db"]
    with db.read() as session:
        counted = calendar.add_working_days(session, "511111", date(2026, 12, 28), 5)
    assert (counted.day, counted.estimated_years) == (date(2027, 1, 4), (2027,))
    assert "2027" in (counted.note("zh") or "") and "2027" in (counted.note("en") or "")
    before = digest(db.path, without=("audit_entry",))
    with pytest.raises(CivicDeskError) as clerk:
        calendar.add_days(db, "2027-01-01", kind="holiday", source="通知", by=office["clerk"])
    assert clerk.value.code == "auth.forbidden"
    with pytest.raises(CivicDeskError) as weekday:
        calendar.add_days(db, "2027-01-04", kind="workday", source="通知", by=office["admin"])
    assert weekday.value.code == "calendar.workday_not_weekend"
    assert digest(db.path, without=("audit_entry",)) == before
    calendar.add_days(db, "2027-01-01", kind="holiday", name="元旦", by=office["admin"],
                      source="国务院办公厅关于2027年部分节假日安排的通知")
    with db.read() as session:
        counted = calendar.add_working_days(session, "511111", date(2026, 12, 28), 5)
    assert (counted.day, counted.estimated_years) == (date(2027, 1, 5), ())
    calendar.remove_day(db, "2027-01-01", by=office["admin"], reason="录入有误")
    assert [d.day for d in calendar.list_days(db, year=2027)] == []


# -- effects on rating ----------------------------------------------------------------------------------------------
def test_rating_refused_for_a_listed_penalized_or_investigated_organization(office):
    db = office["db"]
    listing = listed(office, proposed_on="2026-09-01", decided_on="2026-09-02")
    with pytest.raises(CivicDeskError) as on_list:
        rating.apply(db, office["org"], 2026, by=office["clerk"])
    assert on_list.value.params["rule"] == "not_listed"
    with db.unit(actor="test") as session:
        session.get(CreditListing, listing).state = "removed"
    penalty(db, office["org"], "warning", date(2024, 6, 1))  # not the year before 2026
    a = rating.apply(db, office["org"], 2026, by=office["clerk"])
    rating.refuse(db, a.id, by=office["rev1"], reason="撤回")
    penalty(db, office["org"], "warning", date(2025, 6, 1))
    with pytest.raises(CivicDeskError) as penalized:
        rating.apply(db, office["org"], 2026, by=office["clerk"])
    assert penalized.value.params["rule"] == "not_penalized"


def test_rating_refused_while_a_penalty_case_is_open(office):
    penalty(office["db"], office["org"], "fine", date(2026, 1, 1), "1000", state="draft")
    with pytest.raises(CivicDeskError) as open_case:
        rating.apply(office["db"], office["org"], 2026, by=office["clerk"])
    assert open_case.value.params["rule"] == "not_investigated"


def test_a_timer_counted_into_a_year_without_a_calendar_says_so(office):
    db = office["db"]
    key = listed(office, proposed_on="2026-09-01", decided_on="2026-09-02")
    office["clock"].advance(days=30)  # 2026-12-28
    credit.propose_removal(db, key, "rectified", by=office["clerk"])
    [item] = [i for i in credit.due(db) if i.kind == "removal_decide"]
    assert (item.due_on, item.bucket) == (date(2027, 1, 4), "later")
    assert item.note == "工作日历缺少2027年的放假安排，期限按周一至周五估算，请管理员补充。"
    assert "2027" in (credit.due(db, lang="en")[0].note or "")
