"""Complaints (举报投诉): received about one subject, assigned with the reply due by the parameter, replied, the
overdue list by the program's clock, and the reporter: kept apart, shown only to a holder of the right, every
reading and refusal audited, never in a list or JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.services.supervision import complaints, parameters
from tests.supervision.enforcement_fixtures import audited, data, office

__all__ = ["office"]

REPORTER = {"name": "王举报", "phone": "13800001234", "address": "沙湾区嘉农路9号"}


def receive(o: dict[str, Any], **over: Any) -> complaints.ComplaintInfo:
    values: dict[str, Any] = {"received_on": "2026-09-01", "channel": "phone", "content": "违规收取会费",
                              "organization": o["org"], "reporter": dict(REPORTER)}
    return complaints.receive(o["db"], by=o["clerk"], **{**values, **over})


def test_a_complaint_is_received_assigned_and_replied_with_the_reply_due_by_the_parameter(office) -> None:
    db = office["db"]
    c = receive(office)
    assert (c.state, c.organization_name, c.due_on) == ("received", office["org_name"], None)
    c = complaints.assign(db, c.id, to="clerk2", by=office["clerk"])
    days = parameters.defaults()["complaint.reply_days"].value
    assert (c.state, c.assigned_to, c.due_on) == ("assigned", "clerk2", date(2026, 9, 1) + timedelta(days=days))
    c = complaints.reply(db, c.id, finding="情况属实，已责令退还", replied_on="2026-10-15", by=office["clerk2"])
    assert (c.state, c.replied_on) == ("replied", date(2026, 10, 15))


@pytest.mark.parametrize("over, code", [
    ({"organization": None}, "complaint.one_subject"),
    ({"subject_name": "某某联谊会"}, "complaint.one_subject"),
    ({"channel": "fax"}, "complaint.bad_channel"),
    ({"received_on": "2026-11-29"}, "enforce.date_in_future"),
    ({"reporter": {"anonymous": True, "name": "王"}}, "complaint.anonymous_with_identity"),
    ({"reporter": {"phone": "13800001234"}}, "complaint.reporter_name_required"),
    ({"reporter": None}, "complaint.reporter_required"),
    ({"organization": "91510000MA00000000"}, "enforce.org_not_found"),
])
def test_a_bad_complaint_is_refused_by_name_and_writes_nothing(office, over: dict[str, Any], code: str) -> None:
    before = data(office["db"])
    with pytest.raises(CivicDeskError) as refused:
        receive(office, **over)
    assert refused.value.code == code
    assert data(office["db"]) == before
    assert audited(office, "complaint.refused")[0].details["error"] == code


def test_an_unregistered_body_by_name_and_an_anonymous_reporter(office) -> None:
    c = receive(office, organization=None, subject_name="某某非法社会组织", reporter={"anonymous": True})
    assert (c.organization_id, c.subject) == (None, "某某非法社会组织")
    r = complaints.reporter(office["db"], c.id, by=office["rev1"])
    assert r.anonymous and r.name is None


def test_assigning_needs_an_active_account_that_may_supervise(office) -> None:
    c = receive(office)
    before = data(office["db"])
    with pytest.raises(CivicDeskError) as refused:
        complaints.assign(office["db"], c.id, to="nobody", by=office["clerk"])
    assert refused.value.code == "complaint.bad_assignee"
    assert data(office["db"]) == before


def test_the_overdue_list_follows_the_programs_clock(office) -> None:
    db, clock = office["db"], office["clock"]
    late = complaints.assign(db, receive(office, received_on="2026-09-01").id, to="clerk2", by=office["clerk"])
    fresh = complaints.assign(db, receive(office, received_on="2026-11-20").id, to="clerk2", by=office["clerk"])
    done = complaints.assign(db, receive(office, received_on="2026-08-01").id, to="clerk2", by=office["clerk"])
    complaints.reply(db, done.id, finding="不属实", replied_on="2026-11-01", by=office["clerk2"])
    assert late.due_on == date(2026, 10, 31)
    assert [c.id for c in complaints.list_complaints(db, overdue=True)] == [late.id]
    clock.advance(days=60)
    assert [c.id for c in complaints.list_complaints(db, overdue=True)] == [late.id, fresh.id]


def test_the_reporter_is_hidden_from_a_clerk_and_shown_to_a_reviewer_each_audited(office) -> None:
    db = office["db"]
    c = receive(office)
    with pytest.raises(CivicDeskError) as refused:
        complaints.reporter(db, c.id, by=office["clerk"])
    assert refused.value.code == "auth.forbidden"
    refusal = audited(office, "complaint.reporter_refused")[0]
    assert (refusal.actor, refusal.entity_id) == ("clerk1", c.id)
    r = complaints.reporter(db, c.id, by=office["rev1"])
    assert (r.name, r.phone, r.address, r.anonymous) == ("王举报", "13800001234", "沙湾区嘉农路9号", False)
    reading = audited(office, "complaint.reporter_read")[0]
    assert (reading.actor, reading.entity_id) == ("rev1", c.id)
    # the trail names the complaint, never the reporter
    every = json.dumps([e.details for e in audited(office, "")], ensure_ascii=False)
    assert "王举报" not in every and "13800001234" not in every


def test_the_reporter_is_in_no_list_or_json_output(office) -> None:
    db = office["db"]
    c = receive(office)
    shown = json.dumps([x.to_json() for x in complaints.list_complaints(db)] + [complaints.get_complaint(db, c.id)
                                                                                .to_json()], ensure_ascii=False)
    assert c.id in shown
    assert "王举报" not in shown and "13800001234" not in shown and "嘉农路" not in shown
