"""Children's service stations (儿童服务站): service days and 三个一点 funding, their totals, the refusals the issue
names (a day in the future, person-times out of range, a negative amount) changing nothing, and a service day
moving the figures; the ``station`` and ``volunteer`` command groups end to end."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from civicdesk.errors import CivicDeskError
from civicdesk.services.cultivation import stations
from civicdesk.services.cultivation.figures import cultivation_figures
from tests.cultivation.volunteer_fixtures import office
from tests.helpers.cli import run
from tests.supervision.enforcement_fixtures import data

__all__ = ["office"]


def _day(o: dict[str, Any], **over: Any) -> stations.ServiceInfo:
    values = {"served_on": "2026-11-01", "activity": "课业辅导", "person_times": 30, "in_difficulty": 3,
              "left_behind": 12, **over}
    return stations.add_service(o["db"], o["station"], by=o["clerk"], **values)


def test_service_days_and_funding_add_up_in_the_stations_totals(office) -> None:
    db = office["db"]
    _day(office)
    _day(office, served_on="2026-11-08", person_times="20", in_difficulty="", left_behind="20")
    stations.add_funding(db, office["station"], year=2026, source="foundation", funder="乐山市慈善总会",
                         amount="5000", received_on="2026-02-01", by=office["clerk"])
    stations.add_funding(db, office["station"], year=2027, source="civil_affairs", funder="沙湾区民政局",
                         amount="1234.50", received_on="2026-11-20", by=office["clerk"])
    t = stations.show_station(db, office["station"])
    assert (t.service_days, t.person_times, t.in_difficulty, t.left_behind) == (2, 50, 3, 32)
    assert t.funding == {"foundation": Decimal("5000.00"), "organization": Decimal("0.00"),
                         "civil_affairs": Decimal("1234.50")}
    assert [d.served_on.isoformat() for d in stations.list_services(db, office["station"], year=2026)] == [
        "2026-11-08", "2026-11-01"]
    assert [f.year for f in stations.list_funding(db, office["station"], year=2027)] == [2027]
    assert office["station"] in {s.id for s in stations.list_stations(db)}


SERVICE_REFUSALS = [
    ({"served_on": "2026-11-29"}, "enforce.date_in_future"),
    ({"person_times": 0}, "station.bad_person_times"),
    ({"person_times": -5}, "station.bad_person_times"),
    ({"person_times": "三十"}, "station.bad_person_times"),
    ({"in_difficulty": 31}, "station.bad_of_whom"),
    ({"left_behind": -1}, "station.bad_of_whom"),
    ({"activity": ""}, "enforce.required"),
]


@pytest.mark.parametrize("over, code", SERVICE_REFUSALS)
def test_a_bad_service_day_is_refused_by_name_and_writes_nothing(office, over: dict[str, Any], code: str) -> None:
    before = data(office["db"])
    with pytest.raises(CivicDeskError) as refused:
        _day(office, **over)
    assert refused.value.code == code
    assert data(office["db"]) == before


@pytest.mark.parametrize("over, code", [
    ({"amount": "-5000"}, "enforce.bad_amount"),
    ({"amount": "0"}, "enforce.bad_amount"),
    ({"amount": "10.001"}, "enforce.bad_amount"),
    ({"source": "lottery"}, "station.bad_source"),
    ({"received_on": "2027-01-01"}, "enforce.date_in_future"),
    ({"year": 2028}, "station.bad_year"),
    ({"station": "team"}, "station.wrong_kind"),
])
def test_bad_funding_is_refused_by_name_and_writes_nothing(office, over: dict[str, Any], code: str) -> None:
    values: dict[str, Any] = {"year": 2026, "source": "organization", "funder": "新民村社工站", "amount": "3000",
                              "received_on": "2026-03-01", **over}
    station = office["team"] if values.pop("station", None) else office["station"]
    before = data(office["db"])
    with pytest.raises(CivicDeskError) as refused:
        stations.add_funding(office["db"], station, by=office["clerk"], **values)
    assert refused.value.code == code
    assert data(office["db"]) == before


def test_a_service_day_moves_the_children_station_figures(office) -> None:
    before = cultivation_figures(office["db"])["children_stations"]
    _day(office, served_on="2026-11-28")
    after = cultivation_figures(office["db"])["children_stations"]
    assert after["service_days"] == before["service_days"] + 1
    assert after["person_times"] == before["person_times"] + 30
    assert (after["in_difficulty"], after["left_behind"]) == (before["in_difficulty"] + 3, before["left_behind"] + 12)


def test_the_station_and_volunteer_commands_end_to_end(office, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVICDESK_PASSWORD", "a-long-password-2")
    base = ("--db", str(office["path"]), "--user", "clerk1")
    code, out, err = run(capsys, *base, "station", "add", office["station"], "--served-on", "2026-11-20",
                         "--activity", "安全教育", "--person-times", "40", "--left-behind", "15", "--json")
    assert code == 0, err
    assert json.loads(out)["person_times"] == 40
    code, out, err = run(capsys, *base, "station", "add", office["station"], "--served-on", "2026-11-20",
                         "--activity", "安全教育", "--person-times", "4", "--left-behind", "15")
    assert code == 2 and "left_behind" in err and out == ""
    code, out, err = run(capsys, *base, "station", "show", office["station"], "--json")
    assert code == 0 and json.loads(out)["left_behind"] == 15
    code, out, err = run(capsys, *base, "volunteer", "add", office["team"], "--name", "周杰", "--phone",
                         "13900001111", "--joined-on", "2026-01-01", "--json")
    assert code == 0, err
    volunteer = json.loads(out)["id"]
    code, out, err = run(capsys, *base, "volunteer", "scheme", "set", "--name", "积分办法", "--valid-from",
                         "2026-01-01", "--rules", '{"per_hour": 2}', "--source", "沙民发〔2026〕1号", "--json")
    assert code == 0, err
    code, out, err = run(capsys, *base, "volunteer", "activity", office["team"], "--held-on", "2026-11-27",
                         "--title", "助老", "--hours", f"{volunteer}=3", "--json")
    assert code == 0 and json.loads(out)["total_hours"] == "3.00", err
    code, out, err = run(capsys, *base, "volunteer", "show", volunteer, "--json")
    shown = json.loads(out)
    assert (shown["hours"], shown["points"], shown["phone"]) == ("3.00", "6.00", "139****1111")
    code, out, err = run(capsys, *base, "volunteer", "activity", office["team"], "--held-on", "2026-12-01",
                         "--title", "助老", "--hours", f"{volunteer}=3")
    assert code == 2 and "held_on" in err
    code, out, err = run(capsys, *base, "volunteer", "list", office["team"], "--reveal")
    assert code == 2 and out == ""
    code, out, err = run(capsys, *base, "volunteer", "scheme", "show", "--json")
    assert code == 0 and json.loads(out)["current"]["rules"]["per_hour"] == 2
