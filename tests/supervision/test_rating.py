"""Rating evaluation (等级评估): eligibility rules refusing by name, scores, four eyes, bands as data, validity,
lowering and cancelling, the expiring list.  Inspection history is written straight into the test database."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.models import InspectionCampaign, InspectionRecord, Organization, RatingApplication
from civicdesk.services.admin import auth
from civicdesk.services.register import organizations
from civicdesk.services.supervision import parameters, rating
from tests.factories import social_group
from tests.helpers.db import digest

FULL = {"basic": 58, "governance": 370, "performance": 380, "reputation": 140}  # 948: 4A by default
TOP = {"basic": 60, "governance": 385, "performance": 395, "reputation": 145}  # 985: 5A


@pytest.fixture
def office(db: Any, clock: Any) -> dict[str, Any]:
    """An office at 2026-11-28 with one social group registered in 2019, inspected 合格 for 2025, and four
    accounts: an administrator, a clerk and two reviewers."""
    org = organizations.add_organization(db, social_group())
    inspect(db, org.id, 2025, "pass")
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    return {
        "db": db, "org": org.id, "admin": admin,
        "clerk": auth.create_user(db, "clerk1", "a-long-password-2", "clerk", by=admin),
        "rev1": auth.create_user(db, "rev1", "a-long-password-3", "reviewer", by=admin),
        "rev2": auth.create_user(db, "rev2", "a-long-password-4", "reviewer", by=admin),
    }


def inspect(db: Any, organization_id: str, year: int, conclusion: str, state: str = "decided") -> None:
    """A decided inspection record of ``year`` (and its campaign), as the inspection service would leave it."""
    with db.unit(actor="test") as session:
        campaign = session.query(InspectionCampaign).filter_by(office_code="511111", year=year).one_or_none()
        if campaign is None:
            campaign = InspectionCampaign(office_code="511111", year=year, rules={}, opened_by="test",
                                          opened_at=datetime(year + 1, 1, 5), origin_office="511111")
            session.add(campaign)
            session.flush()
        session.add(InspectionRecord(campaign_id=campaign.id, organization_id=organization_id, year=year, state=state,
                                     received_on=date(year + 1, 4, 1), conclusion=conclusion,
                                     reasons=None if conclusion == "pass" else "材料不全", entered_by="test",
                                     decided_by="test2", decided_at=datetime(year + 1, 6, 1),
                                     origin_office="511111"))


def change_org(db: Any, organization_id: str, **values: Any) -> None:
    with db.unit(actor="test") as session:
        org = session.get(Organization, organization_id)
        for k, v in values.items():
            setattr(org, k, v)


def through_submit(o: dict[str, Any], scores: dict[str, int] = FULL, *, by: str = "clerk") -> str:
    a = rating.apply(o["db"], o["org"], 2026, by=o[by])
    rating.score(o["db"], a.id, scores, by=o[by])
    return rating.submit(o["db"], a.id, by=o[by]).id


def rated(o: dict[str, Any], scores: dict[str, int] = TOP) -> str:
    app = through_submit(o, scores)
    return rating.decide(o["db"], app, by=o["rev1"], decision_no="沙民评〔2026〕1号").id


# -- the whole way ---------------------------------------------------------------------------------------------
def test_apply_score_submit_decide_gives_a_grade_valid_five_years(office):
    db = office["db"]
    a = rating.apply(db, office["org"], 2026, applied_on="2026-11-02", by=office["clerk"])
    assert a.state == "applied" and a.applied_on == date(2026, 11, 2)
    assert a.rules["validity_years"] == 5 and a.rules["bands"][0] == {"grade": "5A", "min": 950}
    assert all(o["ok"] for o in a.eligibility)
    assert [o["rule"] for o in a.eligibility] == [r.name for r in rating.RULES]
    partly = rating.score(db, a.id, {"basic": 58}, by=office["clerk"])
    assert partly.state == "applied" and partly.total is None
    scored = rating.score(db, a.id, {k: v for k, v in FULL.items() if k != "basic"}, by=office["clerk"])
    assert (scored.state, scored.total, scored.grade) == ("scored", 948, "4A")
    rating.submit(db, a.id, by=office["clerk"])
    decided = rating.decide(db, a.id, by=office["rev1"], decision_no="沙民评〔2026〕1号", decided_on="2026-11-20")
    assert (decided.state, decided.current_grade) == ("decided", "4A")
    assert (decided.valid_from, decided.valid_to) == (date(2026, 11, 20), date(2031, 11, 19))
    assert [s.action for s in decided.steps] == ["apply", "score", "score", "submit", "decide"]
    assert [s.actor for s in decided.steps] == ["clerk1"] * 4 + ["rev1"]
    with db.read() as session:
        now = rating.current_rating(session, office["org"])
    assert now is not None and (now.grade, now.valid_to) == ("4A", date(2031, 11, 19))


def test_validity_ends_the_day_before_the_anniversary():
    assert rating.valid_until(date(2026, 11, 28), 5) == date(2031, 11, 27)
    assert rating.valid_until(date(2024, 2, 29), 5) == date(2029, 2, 28)
    assert rating.valid_until(date(2024, 1, 1), 1) == date(2024, 12, 31)


def test_grade_is_the_highest_band_reached_and_none_below_the_lowest():
    bands = parameters.defaults()["rating.bands"].value
    assert [rating.grade_for(t, bands) for t in (1000, 950, 949, 700, 500, 499, 0)] == [
        "5A", "5A", "4A", "3A", "1A", None, None]


# -- eligibility: each rule refuses by name and writes nothing -----------------------------------------------------
def _not_registered(o: dict[str, Any]) -> None:
    change_org(o["db"], o["org"], status="deregistered")


def _other_registry(o: dict[str, Any]) -> None:
    change_org(o["db"], o["org"], registry_code="511102")


def _too_recent(o: dict[str, Any]) -> None:
    change_org(o["db"], o["org"], established_on=date(2024, 1, 2), certificate_issued_on=date(2024, 1, 2))


def _rated(o: dict[str, Any]) -> None:
    with o["db"].unit(actor="test") as session:
        session.add(RatingApplication(organization_id=o["org"], office_code="511111", year=2023, state="decided",
                                      applied_on=date(2023, 5, 1), rules={}, eligibility=[], scores={},
                                      total=960, grade="5A", current_grade="5A", valid_from=date(2023, 6, 1),
                                      valid_to=date(2028, 5, 31), entered_by="x", origin_office="511111"))


def _not_inspected(o: dict[str, Any]) -> None:
    with o["db"].unit(actor="test") as session:  # last year's record was never decided
        record = session.query(InspectionRecord).filter_by(organization_id=o["org"], year=2025).one()
        record.state = "submitted"


def _failed(o: dict[str, Any]) -> None:
    with o["db"].unit(actor="test") as session:
        session.query(InspectionRecord).filter_by(organization_id=o["org"], year=2025).one().conclusion = "fail"


def _basic_twice(o: dict[str, Any]) -> None:
    _with_2025(o, "basic")
    inspect(o["db"], o["org"], 2024, "basic")


def _with_2025(o: dict[str, Any], conclusion: str) -> None:
    with o["db"].unit(actor="test") as session:
        session.query(InspectionRecord).filter_by(organization_id=o["org"], year=2025).one().conclusion = conclusion


@pytest.mark.parametrize("setup, rule", [
    (_not_registered, "registered"),
    (_other_registry, "registered"),
    (_too_recent, "certificate_years"),
    (_rated, "not_rated"),
    (_not_inspected, "inspected_last_year"),
    (_failed, "last_year_not_failed"),
    (_basic_twice, "not_basic_twice"),
])
def test_each_eligibility_rule_refuses_by_name_and_writes_nothing(office, setup, rule):
    setup(office)
    before = digest(office["db"].path)
    with pytest.raises(CivicDeskError) as refused:
        rating.apply(office["db"], office["org"], 2026, by=office["clerk"])
    assert refused.value.code == "rating.ineligible"
    assert refused.value.params["rule"] == rule
    assert rating.rule_label(rule, "zh") in refused.value.message("zh")
    assert rating.rule_label(rule, "en") in refused.value.message("en")
    assert digest(office["db"].path) == before


def test_the_boundaries_of_the_rules_pass(office):
    # a certificate of 1 January two years before: held through all of 2024 and 2025
    change_org(office["db"], office["org"], established_on=date(2024, 1, 1), certificate_issued_on=date(2025, 3, 1))
    _with_2025(office, "basic")  # one year 基本合格 is not two
    inspect(office["db"], office["org"], 2024, "pass")
    a = rating.apply(office["db"], office["org"], 2026, by=office["clerk"])
    assert all(o["ok"] for o in a.eligibility)


def test_an_expired_or_cancelled_rating_does_not_bar(office):
    _rated(office)
    with office["db"].unit(actor="test") as session:
        session.query(RatingApplication).one().valid_to = date(2026, 11, 27)  # ended yesterday
    assert rating.apply(office["db"], office["org"], 2026, by=office["clerk"]).state == "applied"


def test_credit_rules_pass_without_records_and_a_plugged_rule_is_checked(office, monkeypatch):
    a = rating.apply(office["db"], office["org"], 2026, by=office["clerk"])
    later = {o["rule"]: o for o in a.eligibility if o["rule"] in ("not_penalized", "not_investigated", "not_listed")}
    assert len(later) == 3
    assert all(o["ok"] and o["detail"] == "rating_detail.ok" for o in later.values())
    rating.refuse(office["db"], a.id, by=office["rev1"], reason="撤回申请")
    monkeypatch.setattr(rating, "RULES", list(rating.RULES))
    rating.plug_rule("not_penalized", lambda c: rating.Outcome(False, "rating_detail.investigated", {"case_no": "1"}))
    with pytest.raises(CivicDeskError) as refused:
        rating.apply(office["db"], office["org"], 2026, by=office["clerk"])
    assert refused.value.params["rule"] == "not_penalized"


def test_eligibility_is_checked_again_at_decision(office):
    app = through_submit(office)
    change_org(office["db"], office["org"], status="suspended")  # 限期停止活动 after the application
    before = digest(office["db"].path)
    with pytest.raises(CivicDeskError) as refused:
        rating.decide(office["db"], app, by=office["rev1"], decision_no="沙民评〔2026〕1号")
    assert (refused.value.code, refused.value.params["rule"]) == ("rating.ineligible", "registered")
    assert digest(office["db"].path) == before
    out = rating.refuse(office["db"], app, by=office["rev1"], reason="限期停止活动期间")
    assert out.state == "refused" and out.reason == "限期停止活动期间"
    assert [o["rule"] for o in out.eligibility if not o["ok"]] == ["registered"]


def test_a_second_application_while_one_is_open_is_refused(office):
    a = rating.apply(office["db"], office["org"], 2026, by=office["clerk"])
    with pytest.raises(CivicDeskError) as refused:
        rating.apply(office["db"], office["org"], 2026, by=office["clerk"])
    assert refused.value.code == "rating.pending" and a.id in refused.value.message("en")


# -- bad input changes nothing ---------------------------------------------------------------------------------
@pytest.mark.parametrize("scores, code", [
    ({"basic": 61}, "rating.score_out_of_range"),
    ({"basic": -1}, "rating.score_out_of_range"),
    ({"governance": 391}, "rating.score_out_of_range"),
    ({"basic": 10, "charm": 5}, "rating.unknown_part"),
    ({"basic": 10.5}, "rating.score_not_int"),
    ({"basic": "10"}, "rating.score_not_int"),
    ({"basic": True}, "rating.score_not_int"),
    ({}, "rating.no_scores"),
])
def test_a_bad_score_is_refused_and_writes_nothing(office, scores, code):
    a = rating.apply(office["db"], office["org"], 2026, by=office["clerk"])
    rating.score(office["db"], a.id, {"basic": 50}, by=office["clerk"])
    before = digest(office["db"].path)
    with pytest.raises(CivicDeskError) as refused:
        rating.score(office["db"], a.id, scores, by=office["clerk"])
    assert refused.value.code == code
    assert digest(office["db"].path) == before
    assert rating.get_rating(office["db"], a.id).scores == {"basic": 50}


def test_submit_needs_every_part_scored(office):
    a = rating.apply(office["db"], office["org"], 2026, by=office["clerk"])
    rating.score(office["db"], a.id, {"basic": 50}, by=office["clerk"])
    before = digest(office["db"].path)
    with pytest.raises(CivicDeskError) as refused:
        rating.submit(office["db"], a.id, by=office["clerk"])
    assert refused.value.code == "rating.unscored_parts" and "governance" in refused.value.message("en")
    assert digest(office["db"].path) == before


def test_four_eyes_and_the_right_to_decide(office):
    app = through_submit(office, by="rev1")  # a reviewer entered and submitted it
    before = digest(office["db"].path)
    with pytest.raises(CivicDeskError) as refused:
        rating.decide(office["db"], app, by=office["rev1"], decision_no="沙民评〔2026〕1号")
    assert refused.value.code == "rating.four_eyes"
    with pytest.raises(CivicDeskError) as refused:
        rating.refuse(office["db"], app, by=office["rev1"], reason="自己不能不予")
    assert refused.value.code == "rating.four_eyes"
    with pytest.raises(CivicDeskError) as refused:
        rating.decide(office["db"], app, by=office["clerk"], decision_no="沙民评〔2026〕1号")
    assert (refused.value.code, refused.value.params["action"]) == ("auth.forbidden", "supervise.decide")
    assert digest(office["db"].path) == before
    assert rating.decide(office["db"], app, by=office["rev2"], decision_no="沙民评〔2026〕1号").state == "decided"


@pytest.mark.parametrize("kwargs, code", [
    ({"decision_no": "  "}, "rating.decision_no_required"),
    ({"decision_no": "=cmd|1"}, "validation.failed"),
    ({"decision_no": "1号", "decided_on": "2026-11-29"}, "rating.date_in_future"),
    ({"decision_no": "1号", "decided_on": "2026-02-30"}, "rating.bad_date"),
    ({"decision_no": "1号", "decided_on": "2026-11-27"}, "rating.date_before_application"),
])
def test_bad_decision_data_is_refused_and_writes_nothing(office, kwargs, code):
    a = rating.apply(office["db"], office["org"], 2026, applied_on="2026-11-28", by=office["clerk"])
    rating.score(office["db"], a.id, FULL, by=office["clerk"])
    rating.submit(office["db"], a.id, by=office["clerk"])
    before = digest(office["db"].path)
    with pytest.raises(CivicDeskError) as refused:
        rating.decide(office["db"], a.id, by=office["rev1"], **kwargs)
    assert refused.value.code == code
    assert digest(office["db"].path) == before


@pytest.mark.parametrize("kwargs, code", [
    ({"year": 1989}, "rating.bad_year"),
    ({"year": 2028}, "rating.bad_year"),
    ({"year": 2026, "applied_on": "2026-12-01"}, "rating.date_in_future"),
    ({"year": 2026, "organization": "no-such-org"}, "rating.org_not_found"),
])
def test_bad_application_data_is_refused_and_writes_nothing(office, kwargs, code):
    before = digest(office["db"].path)
    with pytest.raises(CivicDeskError) as refused:
        rating.apply(office["db"], kwargs.pop("organization", office["org"]), kwargs.pop("year"), by=office["clerk"],
                     **kwargs)
    assert refused.value.code == code
    assert digest(office["db"].path) == before


def test_a_total_below_the_lowest_band_cannot_be_decided_only_refused(office):
    app = through_submit(office, {"basic": 10, "governance": 100, "performance": 100, "reputation": 10})
    assert rating.get_rating(office["db"], app).grade is None
    before = digest(office["db"].path)
    with pytest.raises(CivicDeskError) as refused:
        rating.decide(office["db"], app, by=office["rev1"], decision_no="1号")
    assert refused.value.code == "rating.no_grade"
    assert digest(office["db"].path) == before
    with pytest.raises(CivicDeskError) as refused:
        rating.refuse(office["db"], app, by=office["rev1"], reason=" ")
    assert refused.value.code == "rating.reason_required"
    assert digest(office["db"].path) == before
    assert rating.refuse(office["db"], app, by=office["rev1"], reason="总分不足500分").state == "refused"


# -- bands are data ----------------------------------------------------------------------------------------------
def test_bands_from_a_changed_parameter_give_another_grade_and_an_application_keeps_its_own(office):
    db = office["db"]
    first = through_submit(office, FULL)
    assert rating.get_rating(db, first).grade == "4A"  # 948 under the default 950
    parameters.set_parameter(db, "rating.bands", [{"grade": "5A", "min": 900}, {"grade": "4A", "min": 800},
                                                  {"grade": "3A", "min": 700}], source="本局2026年评估通知",
                             by=office["admin"])
    rating.refuse(db, first, by=office["rev1"], reason="重新申请")
    second = through_submit(office, FULL)
    assert rating.get_rating(db, second).grade == "5A"
    assert rating.get_rating(db, first).rules["bands"][0]["min"] == 950  # copied at its application


# -- lowering, cancelling, the expiring list ---------------------------------------------------------------------
def test_lower_and_cancel_need_a_reason_and_change_the_grade_that_holds(office):
    db = office["db"]
    app = rated(office)
    before = digest(db.path)
    for call, code in ((lambda: rating.lower(db, app, "3A", by=office["rev1"], reason=""), "rating.reason_required"),
                       (lambda: rating.lower(db, app, "5A", by=office["rev1"], reason="x"), "rating.not_lower"),
                       (lambda: rating.lower(db, app, "6A", by=office["rev1"], reason="x"), "rating.bad_grade"),
                       (lambda: rating.lower(db, app, "3A", by=office["clerk"], reason="x"), "auth.forbidden"),
                       (lambda: rating.cancel(db, app, by=office["rev1"], reason=" "), "rating.reason_required")):
        with pytest.raises(CivicDeskError) as refused:
            call()
        assert refused.value.code == code
    assert digest(db.path) == before
    lowered = rating.lower(db, app, "3a", by=office["rev2"], reason="年检基本合格")
    assert (lowered.state, lowered.grade, lowered.current_grade) == ("lowered", "5A", "3A")
    assert lowered.reason == "年检基本合格"
    with db.read() as session:
        assert rating.current_rating(session, office["org"]).grade == "3A"
    cancelled = rating.cancel(db, app, by=office["rev2"], reason="弄虚作假")
    assert cancelled.state == "cancelled" and cancelled.current_grade is None
    assert [s.action for s in cancelled.steps][-2:] == ["lower", "cancel"]
    with db.read() as session:
        assert rating.current_rating(session, office["org"]) is None
    with pytest.raises(CivicDeskError) as refused:
        rating.cancel(db, app, by=office["rev2"], reason="again")
    assert refused.value.code == "rating.transition"


def test_ratings_expiring_within_the_warning_days_are_listed(office, clock):
    db = office["db"]
    app = rated(office)  # valid to 2031-11-27
    assert rating.list_ratings(db, expiring=True) == []
    clock.advance(days=(date(2031, 8, 29) - date(2026, 11, 28)).days)  # 90 days before the end
    assert [r.id for r in rating.list_ratings(db, expiring=True)] == [app]
    assert rating.list_ratings(db, expiring_within_days=89) == []
    assert rating.list_ratings(db, expiring=True)[0].days_left() == 90
    clock.advance(days=91)  # ended yesterday: no longer in force
    assert rating.list_ratings(db, expiring=True) == []
    with db.read() as session:
        assert rating.current_rating(session, office["org"]) is None
    assert [r.id for r in rating.list_ratings(db, year=2026, state="decided")] == [app]
    assert rating.list_ratings(db, year=2025) == []
