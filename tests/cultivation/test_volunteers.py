"""Volunteer service (志愿服务): volunteers of a team, activities with each volunteer's hours, the points scheme as
data, awards; every refusal the issue names changes nothing; recording an activity moves the figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import audit
from civicdesk.services.cultivation import volunteers
from civicdesk.services.cultivation.figures import cultivation_figures
from tests.cultivation.volunteer_fixtures import office
from tests.supervision.enforcement_fixtures import data

__all__ = ["office"]

RULES = {"per_hour": 1, "max_hours_per_day": 8,
         "awards": [{"points": 10, "zh": "一星志愿者", "en": "one-star volunteer"},
                    {"points": 100, "zh": "二星志愿者", "en": "two-star volunteer"}]}


def _audited(o: dict[str, Any], action: str) -> list[Any]:
    return audit.entries(o["db"], action=action, by=o["admin"])


def _add(o: dict[str, Any], name: str = "王芳", team: str | None = None, **over: Any) -> volunteers.VolunteerInfo:
    values = {"name": name, "phone": "13812345678", "joined_on": "2025-01-01", **over}
    return volunteers.add_volunteer(o["db"], team or o["team"], by=o["clerk"], **values)


def test_hours_earn_points_under_the_scheme_of_their_day_and_points_are_redeemed_once(office) -> None:
    db, clerk = office["db"], office["clerk"]
    v = _add(office)
    assert v.phone == "138****5678"
    volunteers.record_activity(db, office["team"], held_on="2025-06-01", title="无方案时的活动", hours={v.id: 3},
                               by=clerk)
    volunteers.set_scheme(db, name="积分办法（试行）", valid_from="2026-01-01", rules=RULES, source="沙民发〔2026〕1号",
                          by=clerk)
    a = volunteers.record_activity(db, office["team"], held_on="2026-03-01", title="关爱老人", place="敬老院",
                                   hours={v.id: "10"}, by=clerk)
    assert a.total_hours == Decimal("10.00")
    volunteers.set_scheme(db, name="积分办法", valid_from="2026-07-01", rules={**RULES, "per_hour": 2},
                          source="沙民发〔2026〕9号", by=clerk)
    volunteers.record_activity(db, office["team"], held_on="2026-08-01", title="河道清理", hours={v.id: "2.5"},
                               by=clerk)
    first, second = volunteers.list_schemes(db)
    assert (first.valid_to, second.valid_to) == (second.valid_from.replace(day=30, month=6), None)
    record = volunteers.show_volunteer(db, v.id)
    # no scheme in 2025: no points; 10 hours on a day of the first scheme earn 8 (its daily cap); 2.5 x 2
    assert [(str(s.hours), str(s.points)) for s in record.served] == [("3.00", "0.00"), ("10.00", "8.00"),
                                                                       ("2.50", "5.00")]
    assert (record.hours, record.points) == (Decimal("15.50"), Decimal("13.00"))
    assert [t["points"] for t in record.thresholds] == [10]
    volunteers.award(db, volunteer=v.id, title="优秀志愿者", awarded_by="沙湾区民政局", points=13, by=clerk)
    team_award = volunteers.award(db, team=office["team"], title="优秀志愿服务队", awarded_by="沙湾区文明办", by=clerk)
    assert volunteers.show_volunteer(db, v.id).balance == Decimal("0.00")
    assert {w.id for w in volunteers.list_awards(db, team=office["team"])} >= {team_award.id}


def test_phones_are_masked_and_a_reveal_needs_the_right_and_is_audited(office) -> None:
    v = _add(office)
    assert [p.phone for p in volunteers.list_volunteers(office["db"], office["team"])] == ["138****5678"]
    with pytest.raises(CivicDeskError):
        volunteers.list_volunteers(office["db"], office["team"], reveal=True, by=office["clerk"])
    shown = volunteers.show_volunteer(office["db"], v.id, reveal=True, by=office["rev"])
    assert shown.volunteer.phone == "13812345678"
    revealed = _audited(office, "data.revealed")
    assert revealed and revealed[0].entity_id == v.id


def test_a_volunteer_leaves_once_and_serves_no_more(office) -> None:
    db = office["db"]
    v = _add(office)
    volunteers.leave(db, v.id, left_on="2026-05-01", by=office["clerk"])
    assert volunteers.list_volunteers(db, office["team"]) == []
    assert len(volunteers.list_volunteers(db, office["team"], include_left=True)) == 1
    with pytest.raises(CivicDeskError) as refused:
        volunteers.leave(db, v.id, by=office["clerk"])
    assert refused.value.code == "volunteer.already_left"
    with pytest.raises(CivicDeskError) as refused:
        volunteers.record_activity(db, office["team"], held_on="2026-06-01", title="x", hours={v.id: 1},
                                   by=office["clerk"])
    assert refused.value.code == "volunteer.not_member_on"


ACTIVITY_REFUSALS = {
    "hours in the future": ({"held_on": "2026-11-29"}, "enforce.date_in_future"),
    "zero hours": ({"hours": "0"}, "volunteer.bad_hours"),
    "negative hours": ({"hours": "-2"}, "volunteer.bad_hours"),
    "more than a day": ({"hours": "25"}, "volunteer.bad_hours"),
    "three decimals": ({"hours": "1.255"}, "volunteer.bad_hours"),
    "a volunteer of another team": ({"other_team": True}, "volunteer.other_team"),
    "before the volunteer joined": ({"held_on": "2024-12-31"}, "volunteer.not_member_on"),
    "over a day with the day's other activity": ({"hours": "20"}, "volunteer.day_over"),
    "not a volunteer team": ({"station": True}, "volunteer.team.wrong_kind"),
    "no title": ({"title": " "}, "enforce.required"),
    "no volunteer": ({"none": True}, "volunteer.no_hours"),
}


@pytest.mark.parametrize("name", list(ACTIVITY_REFUSALS))
def test_a_bad_activity_is_refused_by_name_and_writes_nothing(office, name: str) -> None:
    over, code = ACTIVITY_REFUSALS[name]
    db = office["db"]
    v = _add(office)
    stranger = _add(office, "李强", team=office["team2"])
    volunteers.record_activity(db, office["team"], held_on="2026-03-01", title="早班", hours={v.id: 5},
                               by=office["clerk"])
    who = stranger.id if over.get("other_team") else v.id
    hours = {} if over.get("none") else {who: over.get("hours", "3")}
    before = data(db)
    with pytest.raises(CivicDeskError) as refused:
        volunteers.record_activity(db, office["station"] if over.get("station") else office["team"],
                                   held_on=over.get("held_on", "2026-03-01"), title=over.get("title", "晚班"),
                                   hours=hours, by=office["clerk"])
    assert refused.value.code == code
    assert data(db) == before
    assert _audited(office, "volunteer.refused")[0].details["error"] == code


@pytest.mark.parametrize("over, code", [
    ({"rules": {"per_hour": 0}}, "volunteer.bad_rules"),
    ({"rules": {"per_hour": 1, "max_hours_per_day": 25}}, "volunteer.bad_rules"),
    ({"rules": {"per_hour": 1, "awards": [{"points": 100, "zh": "甲", "en": "a"},
                                          {"points": 50, "zh": "乙", "en": "b"}]}}, "volunteer.bad_rules"),
    ({"rules": {"per_hour": 1, "bonus": 3}}, "volunteer.bad_rules"),
    ({"source": ""}, "enforce.required"),
    ({"valid_from": "2025-12-31"}, "volunteer.scheme_not_after"),
])
def test_a_bad_scheme_is_refused_and_writes_nothing(office, over: dict[str, Any], code: str) -> None:
    db = office["db"]
    volunteers.set_scheme(db, name="积分办法", valid_from="2026-01-01", rules=RULES, source="沙民发〔2026〕1号",
                          by=office["clerk"])
    before = data(db)
    values = {"name": "新办法", "valid_from": "2026-09-01", "rules": RULES, "source": "沙民发〔2026〕9号", **over}
    with pytest.raises(CivicDeskError) as refused:
        volunteers.set_scheme(db, by=office["clerk"], **values)
    assert refused.value.code == code
    assert data(db) == before


@pytest.mark.parametrize("over, code", [
    ({"team": "T", "points": 1}, "volunteer.award_team_points"),
    ({"points": -1}, "volunteer.bad_points"),
    ({"points": 1}, "volunteer.points_over"),  # no scheme, no points held
    ({"awarded_on": "2026-12-01"}, "enforce.date_in_future"),
    ({"awarded_on": "2024-01-01"}, "volunteer.award_before_joined"),
    ({"title": ""}, "enforce.required"),
])
def test_a_bad_award_is_refused_and_writes_nothing(office, over: dict[str, Any], code: str) -> None:
    db = office["db"]
    v = _add(office)
    before = data(db)
    values: dict[str, Any] = {"volunteer": v.id, "title": "优秀志愿者", "awarded_by": "沙湾区民政局", **over}
    if values.get("team") == "T":
        values.update(team=office["team"], volunteer=None)
    with pytest.raises(CivicDeskError) as refused:
        volunteers.award(db, by=office["clerk"], **values)
    assert refused.value.code == code
    assert data(db) == before


def test_recording_an_activity_moves_the_volunteer_figures(office) -> None:
    db = office["db"]
    before = cultivation_figures(db)["volunteers"]
    v, w = _add(office), _add(office, "赵敏", phone=None)
    volunteers.record_activity(db, office["team"], held_on="2026-11-28", title="文明交通劝导",
                               hours={v.id: "2", w.id: "1.5"}, by=office["clerk"])
    after = cultivation_figures(db)["volunteers"]
    assert after["teams"] == before["teams"]
    assert after["volunteers"] == before["volunteers"] + 2
    assert after["activities"] == before["activities"] + 1
    assert after["hours"] == before["hours"] + Decimal("3.50")
