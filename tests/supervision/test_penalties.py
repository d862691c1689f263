"""Penalties (行政处罚): the case entered, four eyes on the decision, amounts and dates refused with nothing
written, the appeal window from the parameter, a revocation starting its revoke filing, withdrawal."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.models.filing import Filing
from civicdesk.services.filings import service as filings
from civicdesk.services.supervision import parameters, penalties
from tests.supervision.enforcement_fixtures import audited, data, office

__all__ = ["office"]

FACTS = {"facts": "未按规定办理变更登记", "basis": "《社会团体登记管理条例》第三十条"}


def enter(o: dict[str, Any], case_no: str = "沙民罚〔2026〕1号", kind: str = "warning", **over: Any) -> Any:
    return penalties.enter(o["db"], o["org"], case_no=case_no, kind=kind, by=o["clerk"], **{**FACTS, **over})


def test_a_case_is_an_investigation_until_a_reviewer_other_than_its_clerk_decides_it(office) -> None:
    db = office["db"]
    p = enter(office, kind="fine", amount="5000")
    assert p.state == "draft" and p.amount == Decimal("5000.00") and p.entered_by == "clerk1"
    with db.read() as session:
        assert penalties.under_investigation(session, office["org"])
    with pytest.raises(CivicDeskError) as refused:  # a clerk may not decide
        penalties.decide(db, p.id, decision_no="沙民罚决〔2026〕1号", by=office["clerk"])
    assert refused.value.code == "auth.forbidden"
    decided = penalties.decide(db, p.id, decision_no="沙民罚决〔2026〕1号", by=office["rev1"])
    assert decided.state == "decided" and decided.decided_by == "rev1" and decided.decided_on == date(2026, 11, 28)
    with db.read() as session:
        assert not penalties.under_investigation(session, office["org"])
    assert [r.id for r in penalties.list_penalties(db, organization=office["org"], state="decided")] == [p.id]


def test_the_one_who_entered_a_case_cannot_decide_it_and_the_refusal_is_audited(office) -> None:
    db = office["db"]
    p = penalties.enter(db, office["org"], case_no="案1", kind="warning", by=office["rev1"], **FACTS)
    before = data(db)
    with pytest.raises(CivicDeskError) as refused:
        penalties.decide(db, p.id, decision_no="文1", by=office["rev1"])
    assert refused.value.code == "penalty.four_eyes"
    assert data(db) == before
    entry = audited(office, "penalty.refused")[0]
    assert entry.actor == "rev1" and entry.entity_id == p.id and entry.details["error"] == "penalty.four_eyes"


@pytest.mark.parametrize("over, code", [
    ({"kind": "fine", "amount": "-100"}, "enforce.bad_amount"),
    ({"kind": "fine", "amount": "0"}, "enforce.bad_amount"),
    ({"kind": "fine"}, "penalty.amount_required"),
    ({"kind": "confiscation", "amount": "12.345"}, "enforce.bad_amount"),
    ({"kind": "warning", "amount": "100"}, "penalty.amount_not_applicable"),
    ({"kind": "suspension", "suspended_from": "2026-12-10", "suspended_to": "2026-12-01"}, "penalty.dates_order"),
    ({"kind": "suspension", "suspended_from": "2026-12-10"}, "enforce.date_required"),
    ({"kind": "warning", "suspended_from": "2026-12-10", "suspended_to": "2026-12-20"},
     "penalty.dates_not_applicable"),
    ({"kind": "closure"}, "penalty.bad_kind"),
    ({"facts": "  "}, "enforce.required"),
])
def test_a_bad_case_is_refused_by_name_and_writes_nothing(office, over: dict[str, Any], code: str) -> None:
    db = office["db"]
    before = data(db)
    with pytest.raises(CivicDeskError) as refused:
        enter(office, **over)
    assert refused.value.code == code
    assert refused.value.message("en") and refused.value.message("zh")
    assert data(db) == before
    assert audited(office, "penalty.refused")[0].details["error"] == code


def test_a_case_number_is_unique_in_the_office_and_a_suspension_keeps_its_dates(office) -> None:
    p = enter(office, kind="suspension", suspended_from="2026-12-01", suspended_to="2027-02-28")
    assert (p.suspended_from, p.suspended_to) == (date(2026, 12, 1), date(2027, 2, 28))
    with pytest.raises(CivicDeskError) as refused:
        enter(office)
    assert refused.value.code == "penalty.case_exists"


def test_appeal_by_follows_the_parameter_and_a_future_decision_is_refused(office) -> None:
    db = office["db"]
    days = parameters.defaults()["penalty.appeal_days"].value
    p = penalties.decide(db, enter(office).id, decision_no="文1", decided_on="2026-11-20", by=office["rev1"])
    assert p.appeal_by == date(2026, 11, 20) + timedelta(days=days)
    parameters.set_parameter(db, "penalty.appeal_days", 90, source="本局通知", by=office["admin"])
    q = enter(office, case_no="案2")
    with pytest.raises(CivicDeskError) as refused:
        penalties.decide(db, q.id, decision_no="文2", decided_on="2026-11-29", by=office["rev1"])
    assert refused.value.code == "enforce.date_in_future"
    q = penalties.decide(db, q.id, decision_no="文2", by=office["rev2"])
    assert q.appeal_by == date(2026, 11, 28) + timedelta(days=90)


def test_deciding_a_revocation_starts_a_revoke_filing_reviewed_as_any_other(office) -> None:
    db = office["db"]
    p = penalties.decide(db, enter(office, kind="revocation").id, decision_no="沙民罚决〔2026〕9号", by=office["rev1"])
    assert p.filing_id is not None and p.filing_number
    with db.read() as session:
        f = session.get(Filing, p.filing_id)
        assert f is not None
        assert (f.kind, f.state, f.organization_id) == ("revoke", "submitted", office["org"])
        assert "沙民罚决〔2026〕9号" in f.changes["reason"]
    with pytest.raises(CivicDeskError) as refused:  # withdrawn only after its filing is closed
        penalties.withdraw(db, p.id, reason="复议撤销", by=office["rev2"])
    assert refused.value.code == "penalty.filing_open"
    approved = filings.transition(db, p.filing_id, "approve", by=office["rev2"])
    assert approved.state == "approved"
    with pytest.raises(CivicDeskError) as refused:
        penalties.withdraw(db, p.id, reason="复议撤销", by=office["rev2"])
    assert refused.value.code == "penalty.filing_applied"


def test_a_decided_penalty_is_withdrawn_with_a_reason_by_a_reviewer(office) -> None:
    db = office["db"]
    p = penalties.decide(db, enter(office).id, decision_no="文1", by=office["rev1"])
    with pytest.raises(CivicDeskError) as refused:
        penalties.withdraw(db, p.id, reason=" ", by=office["rev2"])
    assert refused.value.code == "enforce.required"
    w = penalties.withdraw(db, p.id, reason="行政复议决定撤销", by=office["rev2"])
    assert (w.state, w.reason) == ("withdrawn", "行政复议决定撤销")
    with pytest.raises(CivicDeskError) as refused:
        penalties.withdraw(db, p.id, reason="再次", by=office["rev2"])
    assert refused.value.code == "penalty.transition"
