"""The city's whole-city view of the credit lists (``credit list --city``, ``credit due --city``; the service's
``office="all"``): by default the city sees its own listings and timers only; switched, every office's listings it
holds, each timed by the parameters of the office the listing is of.  A district has no whole city to see."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from civicdesk.models import Parameter
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import credit
from tests.helpers.cli import run
from tests.helpers.db import digest

DISTRICT = "511111"


@pytest.fixture
def city(city_db_path: Path, clock: Any) -> Any:
    db = open_database(city_db_path)
    yield db
    db.close()


def test_the_city_lists_its_own_listings_unless_the_whole_city_is_asked_for(city: Any) -> None:
    code = city.office().code
    own, whole = credit.list_listings(city), credit.list_listings(city, office="all")
    assert own and {r.office_code for r in own} == {code}
    assert {r.office_code for r in whole} > {code, DISTRICT}
    assert {r.id for r in own} == {r.id for r in whole if r.office_code == code}
    mine, every = credit.due(city), credit.due(city, office="all")
    assert mine and {i.office_code for i in mine} == {code}
    assert {i.office_code for i in every} > {code, DISTRICT}
    assert [i for i in every if i.office_code == code] == mine  # the city's own timers are the same either way


def test_a_districts_timers_follow_that_districts_parameters(city: Any) -> None:
    before = {(i.listing_id, i.kind): i for i in credit.due(city, office="all")}
    theirs = [i for i in before.values() if i.office_code == DISTRICT and i.kind == "removal"]
    if not theirs:
        pytest.skip("no six-month removal of the district in the demo")
    with city.unit(actor="sync") as session:  # the district's own value, as its parameter row arrives by sync
        session.add(Parameter(key="credit.abnormal_auto_removal_months", value=12, source="区县规定（测试）",
                              edited_by="admin9", origin_office=DISTRICT))
    after = {(i.listing_id, i.kind): i for i in credit.due(city, office="all")}
    for item in theirs:
        moved = after[(item.listing_id, item.kind)]
        assert moved.due_on == credit.add_months(item.due_on, 6), item
    assert {k: v for k, v in after.items() if v.office_code != DISTRICT} == {
        k: v for k, v in before.items() if v.office_code != DISTRICT}


def test_the_cli_lists_and_times_the_whole_city_with_city(city_db_path: Path, clock: Any,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(city_db_path), "credit", "list", "--city", "--json")
    assert code == 0, err
    whole = json.loads(out)
    assert {"511100", DISTRICT} < {r["office_code"] for r in whole}
    code, out, err = run(capsys, "--db", str(city_db_path), "credit", "due", "--city")
    assert code == 0, err
    lines = out.strip().splitlines()
    offices = {line.split("\t")[5] for line in lines[:-1]}  # due, bucket, what, listing, organization, office
    assert {"511100", DISTRICT} < offices and lines[-1] == f"共 {len(lines) - 1} 项到期提醒。"


def test_a_district_is_refused_the_whole_city_and_nothing_changes(db_path: Path, clock: Any,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(db_path)
    for command in ("list", "due"):
        code, out, err = run(capsys, "--db", str(db_path), "credit", command, "--city")
        assert code != 0 and out == ""
        assert "--city（全市）只在市民政局的数据库中可用" in err and "511111" in err
        assert len(err.strip().splitlines()) <= 2
    assert digest(db_path) == before
