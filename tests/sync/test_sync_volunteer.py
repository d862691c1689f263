"""Volunteer service and children's stations in sync: rows of another office's team or station, or hours under
another office's activity, refused whole; values a clerk could not have entered (hours in the future or beyond a
day, a negative amount, person-times out of range) refused by row and field; valid rows applied at the city."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.db import digest
from tests.sync import test_sync_jurisdiction as jurisdiction
from tests.sync.test_sync_jurisdiction import DISTRICT, change, refused, rows

world = jurisdiction.world
world_known = jurisdiction.world_known  # (what world reads once per module)


def _row(**values: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "office_code": DISTRICT, "origin_office": DISTRICT, **values}


def _volunteer(team: str, **over: Any) -> dict[str, Any]:
    return {**_row(team_id=team, name="王芳", phone="13812345678", joined_on="2026-01-01", entered_by="clerk1"),
            **over}


def _activity(team: str, **over: Any) -> dict[str, Any]:
    return {**_row(team_id=team, held_on="2026-05-01", title="关爱老人", place="敬老院", entered_by="clerk1"), **over}


def _hours(activity: str, volunteer: str, **over: Any) -> dict[str, Any]:
    return {**_row(activity_id=activity, volunteer_id=volunteer, hours="3.50"), **over}


def _scheme(**over: Any) -> dict[str, Any]:
    return {**_row(name="积分办法", valid_from="2026-01-01", valid_to=None, rules={"per_hour": 1},
                   source="沙民发〔2026〕1号", entered_by="clerk1"), **over}


def _award(volunteer: str | None, **over: Any) -> dict[str, Any]:
    return {**_row(volunteer_id=volunteer, team_id=None, title="优秀志愿者", awarded_by="沙湾区民政局",
                   awarded_on="2026-06-01", points=5, entered_by="clerk1"), **over}


def _service(station: str, **over: Any) -> dict[str, Any]:
    return {**_row(station_id=station, served_on="2026-05-02", activity="课业辅导", person_times=30, in_difficulty=3,
                   left_behind=12, entered_by="clerk1"), **over}


def _funding(station: str, **over: Any) -> dict[str, Any]:
    return {**_row(station_id=station, year=2026, source="foundation", funder="乐山市慈善总会", amount="5000.00",
                   received_on="2026-03-01", entered_by="clerk1"), **over}


def _send(w: dict[str, Any], *items: tuple[str, dict[str, Any]]) -> Any:
    return refused(w["city"], w["up"].package([change(e, r["id"], "upsert", r) for e, r in items], seq=2,
                                              previous=w["previous"]))


def _family(org: str) -> list[tuple[str, dict[str, Any]]]:
    v, a = _volunteer(org), _activity(org)
    return [("volunteer", v), ("volunteer_activity", a), ("volunteer_hours", _hours(a["id"], v["id"])),
            ("points_scheme", _scheme()), ("volunteer_award", _award(v["id"])),
            ("station_service", _service(org)), ("station_funding", _funding(org))]


def test_valid_volunteer_and_station_rows_apply_at_the_city(world: dict[str, Any]) -> None:
    family = _family(world["own_org"])
    result = _send(world, *family)
    assert result.status == "applied", result.message
    city = world["city"]
    assert rows(city, "SELECT hours FROM volunteer_hours WHERE id = ?", family[2][1]["id"]) == [(3.5,)]
    assert rows(city, "SELECT person_times FROM station_service WHERE id = ?", family[5][1]["id"]) == [(30,)]


def test_rows_of_another_offices_team_or_activity_are_refused_whole(world: dict[str, Any]) -> None:
    city: Path = world["city"]
    before = digest(city)
    theirs, ours = world["other_org"], world["own_org"]
    v, a = _volunteer(ours), _activity(ours)
    for items in ([("volunteer", _volunteer(theirs))], [("station_service", _service(world["city_org"]))],
                  [("volunteer", v), ("volunteer_activity", a),  # hours claiming another office than their parents
                   ("volunteer_hours", _hours(a["id"], v["id"], office_code="511102"))],
                  [("volunteer_award", _award(None, team_id=theirs, points=None))],
                  [("points_scheme", _scheme(office_code="511102"))]):
        result = _send(world, *items)
        assert result.status == "refused" and result.reason == "sync.refused.foreign_row", result.message
        assert items[-1][1]["id"] in result.message
    assert digest(city) == before


VALUES = {
    "hours in the future": ("volunteer_activity", {"held_on": "2099-01-01"}, "held_on"),
    "hours beyond a day": ("volunteer_hours", {"hours": "25.00"}, "hours"),
    "negative hours": ("volunteer_hours", {"hours": "-1.00"}, "hours"),
    "a volunteer who left before joining": ("volunteer", {"left_on": "2025-01-01"}, "left_on"),
    "a scheme with bad rules": ("points_scheme", {"rules": {"per_hour": -1}}, "rules"),
    "an award to a volunteer and a team": ("volunteer_award", {"team_id": "TEAM"}, "volunteer_id"),
    "person-times of zero": ("station_service", {"person_times": 0}, "person_times"),
    "more left behind than served": ("station_service", {"left_behind": 31}, "left_behind"),
    "a negative amount": ("station_funding", {"amount": "-5000.00"}, "amount"),
    "an unknown source": ("station_funding", {"source": "lottery"}, "source"),
}


@pytest.mark.parametrize("name", list(VALUES))
def test_an_arriving_row_a_clerk_could_not_have_entered_is_refused_whole(world: dict[str, Any], name: str) -> None:
    entity, over, field = VALUES[name]
    family = _family(world["own_org"])
    index = [e for e, _ in family].index(entity)
    over = {k: world["own_org"] if v == "TEAM" else v for k, v in over.items()}
    family[index] = (entity, {**family[index][1], **over})
    city: Path = world["city"]
    before = digest(city)
    result = _send(world, *family)
    assert result.reason == "sync.refused.invalid_row", result.message
    assert family[index][1]["id"] in result.message and field in result.message, result.message
    assert digest(city) == before


def _second_team(city: Path) -> str:
    (team,) = rows(city, "SELECT id FROM organization WHERE registry_code = ? AND tier = 'registered' "
                         "ORDER BY id LIMIT 1 OFFSET 1", DISTRICT)
    return str(team[0])


@pytest.mark.parametrize("case", ["another team", "joined after", "left before"])
def test_hours_of_a_volunteer_not_of_the_team_that_day_are_refused_whole(world: dict[str, Any], case: str) -> None:
    """The activity's form refuses them (volunteers.check_member); an arriving package carrying them too."""
    city: Path = world["city"]
    ours = world["own_org"]
    over = {"another team": {"team_id": _second_team(city)}, "joined after": {"joined_on": "2026-05-02"},
            "left before": {"left_on": "2026-04-30"}}[case]
    v, a = _volunteer(ours, **over), _activity(ours)
    hours = _hours(a["id"], v["id"])
    before = digest(city)
    result = _send(world, ("volunteer", v), ("volunteer_activity", a), ("volunteer_hours", hours))
    assert result.reason == "sync.refused.invalid_row", result.message
    assert hours["id"] in result.message and "volunteer_id" in result.message, result.message
    assert digest(city) == before
    stored = _send(world, ("volunteer", v))  # the volunteer alone is good; hours arriving later still refused
    assert stored.status == "applied", stored.message
    (previous,) = rows(city, "SELECT sha256 FROM sync_inbox WHERE origin = ? AND seq = 2", DISTRICT)[0]
    before = digest(city)
    later = refused(city, world["up"].package([change("volunteer_activity", a["id"], "upsert", a),
                                               change("volunteer_hours", hours["id"], "upsert", hours)],
                                              seq=3, previous=previous))
    assert later.reason == "sync.refused.invalid_row" and hours["id"] in later.message, later.message
    assert digest(city) == before
