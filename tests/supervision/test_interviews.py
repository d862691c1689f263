"""Administrative interviews (行政约谈): recorded with the rectification required, their outcome, the lists."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.services.supervision import complaints, interviews
from tests.supervision.enforcement_fixtures import audited, data, office

__all__ = ["office"]


def record(o: dict[str, Any], **over: Any) -> interviews.InterviewInfo:
    values: dict[str, Any] = {"held_at": "2026-11-20 09:30", "place": "区民政局301会议室",
                              "participants": "会长张三；秘书长李四；民政局王五", "issues": "未按章程换届",
                              "rectification": "三个月内完成换届", "rectify_by": "2027-02-20"}
    return interviews.record(o["db"], o["org"], by=o["clerk"], **{**values, **over})


def test_an_interview_is_recorded_then_its_outcome_once(office) -> None:
    db = office["db"]
    complaint = complaints.receive(db, received_on="2026-11-01", channel="letter", content="长期不换届",
                                   organization=office["org"], reporter={"anonymous": True}, by=office["clerk"])
    i = record(office, complaint=complaint.id)
    assert (i.held_at, i.rectify_by, i.complaint_id) == (datetime(2026, 11, 20, 9, 30), date(2027, 2, 20),
                                                         complaint.id)
    assert complaints.get_complaint(db, complaint.id).interview_ids == (i.id,)
    i = interviews.record_outcome(db, i.id, outcome="已召开换届大会", outcome_on="2026-11-27", by=office["clerk"])
    assert (i.outcome, i.outcome_on) == ("已召开换届大会", date(2026, 11, 27))
    with pytest.raises(CivicDeskError) as refused:
        interviews.record_outcome(db, i.id, outcome="再记", by=office["clerk"])
    assert refused.value.code == "interview.outcome_recorded"
    assert [x.id for x in interviews.list_interviews(db, organization=office["org"])] == [i.id]
    assert [x.id for x in interviews.list_interviews(db, office="511111")] == [i.id]
    assert interviews.list_interviews(db, office="511100") == []


@pytest.mark.parametrize("over, code", [
    ({"held_at": "2026-11-29 09:00"}, "enforce.date_in_future"),
    ({"held_at": "last week"}, "enforce.bad_date"),
    ({"rectify_by": None}, "interview.rectification_pair"),
    ({"rectify_by": "2026-11-01"}, "interview.rectify_before_held"),
    ({"place": ""}, "enforce.required"),
])
def test_a_bad_interview_is_refused_by_name_and_writes_nothing(office, over: dict[str, Any], code: str) -> None:
    before = data(office["db"])
    with pytest.raises(CivicDeskError) as refused:
        record(office, **over)
    assert refused.value.code == code
    assert data(office["db"]) == before
    assert audited(office, "interview.refused")[0].details["error"] == code


def test_an_outcome_before_the_interview_is_refused(office) -> None:
    i = record(office)
    with pytest.raises(CivicDeskError) as refused:
        interviews.record_outcome(office["db"], i.id, outcome="已整改", outcome_on="2026-11-19", by=office["clerk"])
    assert refused.value.code == "interview.outcome_before_held"
