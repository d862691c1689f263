"""An organization's supervision timeline: every kind of record, newest first, one line each from the catalogue,
complaints without their reporter.  The records other services keep are written straight into the database."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from civicdesk.models import (CreditListing, InspectionCampaign, InspectionRecord, RatingApplication, SpotcheckItem,
                              SpotcheckPlan)
from civicdesk.services.supervision import complaints, history, interviews, penalties
from tests.supervision.enforcement_fixtures import office

__all__ = ["office"]

OFFICE = "511111"


def records_of_other_services(db: Any, org: str) -> None:
    with db.unit(actor="test") as session:
        campaign = InspectionCampaign(office_code=OFFICE, year=2025, rules={}, opened_by="test",
                                      opened_at=datetime(2026, 1, 5), origin_office=OFFICE)
        plan = SpotcheckPlan(office_code=OFFICE, year=2026, ratio=Decimal("0.03"), state="drawn", created_by="rev1",
                             drawn_by="rev1", drawn_at=datetime(2026, 8, 1, 9), origin_office=OFFICE)
        session.add_all([campaign, plan])
        session.flush()
        session.add_all([
            InspectionRecord(campaign_id=campaign.id, organization_id=org, year=2025, state="decided",
                             received_on=date(2026, 4, 1), conclusion="basic", reasons="材料不全", entered_by="c",
                             decided_by="r", decided_at=datetime(2026, 6, 1, 10), origin_office=OFFICE),
            RatingApplication(organization_id=org, office_code=OFFICE, year=2026, state="decided",
                              applied_on=date(2026, 3, 1), grade="4A", current_grade="4A", decision_no="评1",
                              valid_from=date(2026, 7, 1), valid_to=date(2031, 6, 30), entered_by="c",
                              decided_by="r", origin_office=OFFICE),
            SpotcheckItem(plan_id=plan.id, organization_id=org, position=1, checked_on=date(2026, 8, 10),
                          result="rectify", rectify_by=date(2026, 9, 10), origin_office=OFFICE),
            CreditListing(organization_id=org, office_code=OFFICE, list_kind="abnormal", state="removed",
                          ground="annual_report", proposed_by="rules", proposed_on=date(2026, 10, 1),
                          decision_no="异1", decided_on=date(2026, 10, 10), decided_by="rev1",
                          listed_on=date(2026, 10, 10), removal_ground="rectified", removal_decision_no="移1",
                          removed_on=date(2026, 11, 26), removed_by="rev2", origin_office=OFFICE),
        ])


def test_the_timeline_holds_every_kind_newest_first_without_the_reporter(office) -> None:
    db, org = office["db"], office["org"]
    records_of_other_services(db, org)
    c = complaints.receive(db, received_on="2026-09-01", channel="online", content="财务不公开\n第二行",
                           organization=org, reporter={"name": "王举报", "phone": "13800001234"}, by=office["clerk"])
    interviews.record(db, org, held_at="2026-11-20 09:30", place="局301", participants="会长", issues="未按时换届",
                      by=office["clerk"])
    fine = penalties.enter(db, org, case_no="案1", kind="fine", amount="2000", facts="事实", basis="条款",
                           complaint=c.id, by=office["clerk"])
    penalties.decide(db, fine.id, decision_no="罚决1", decided_on="2026-11-25", by=office["rev1"])
    penalties.enter(db, org, case_no="案2", kind="warning", facts="事实", basis="条款", by=office["clerk"])

    timeline = history.history(db, org)
    kinds = [(e.day.isoformat(), e.kind) for e in timeline.entries]
    assert kinds == [("2026-11-28", "investigation"), ("2026-11-26", "credit_removed"), ("2026-11-25", "penalty"),
                     ("2026-11-20", "interview"), ("2026-10-10", "credit_listed"), ("2026-09-01", "complaint"),
                     ("2026-08-10", "spotcheck"), ("2026-07-01", "rating"), ("2026-06-01", "inspection")]
    lines = {e.kind: e.summary("zh") for e in timeline.entries}
    assert lines["inspection"] == "2025年度年检：基本合格"
    assert lines["penalty"] == "行政处罚：罚款，罚决1"
    assert lines["complaint"] == "举报投诉（网上，已收到）：财务不公开"
    assert lines["credit_listed"] == "列入活动异常名录，异1"
    english = json.dumps(timeline.to_json("en"), ensure_ascii=False)
    assert "Annual inspection 2025: basic pass" in english and "Rated 4A, valid to 2031-06-30" in english
    assert "王举报" not in english and "13800001234" not in english
    assert {e.entity for e in timeline.entries} >= {"penalty", "complaint", "credit_listing", "spotcheck_item"}
