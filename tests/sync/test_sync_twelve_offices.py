"""Eleven districts and the city, through the CLI: each district loads its demo share and sends one package;
the city imports all eleven in a shuffled order, twice, and prints the published figures.

The default run does it with the three smallest districts (every step, the counts by origin checked against the
demo); the whole city (~1 minute: eleven demo shares) runs with ``-m slow``."""

from __future__ import annotations

import json
import random
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from civicdesk.services.admin.demo import build_demo
from civicdesk.services.cultivation.figures import KEYS as CULTIVATION
from tests.helpers.db import digest
from tests.helpers.sync import CITY, DISTRICTS, export, import_json, load_own_share, make_office, ok, trust_each_other


def test_demo_shares_partition_the_city_register() -> None:
    data = build_demo()
    owners = {o["origin_office"] for o in data.organizations}
    assert owners == set(DISTRICTS) | {CITY[0]}
    by_owner = {code: sum(1 for o in data.organizations if o["origin_office"] == code) for code in owners}
    assert sum(by_owner.values()) == len(data.organizations) == 7403
    assert by_owner[CITY[0]] == 257  # registered by the city bureau itself: in the city's own database


def test_three_districts_to_the_city_in_shuffled_order_twice(tmp_path: Path) -> None:
    districts = ("511113", "511133", "511132")  # 金口河区, 马边, 峨边: the smallest shares
    city = _districts_to_the_city_twice(tmp_path, districts)
    counts = json.loads(ok("--db", city, "sync", "status", "--json"))
    assert {o["code"] for o in counts["offices"]} == set(districts)
    assert all(o["received"]["seq"] == 1 for o in counts["offices"])
    expected = Counter(o["origin_office"] for o in build_demo().organizations
                       if o["origin_office"] in (*districts, CITY[0]))
    assert counts["organizations_by_origin"] == dict(expected)
    assert "ok" in ok("--db", city, "verify")
    _the_city_reports_the_districts_participation(tmp_path, city, districts)
    _the_city_consolidates_the_districts_cultivation(tmp_path, city, districts)


def _the_city_reports_the_districts_participation(folder: Path, city: Path, districts: tuple[str, ...]) -> None:
    """The city's 参检率 of 2020, consolidated across the offices whose records it received, is each district's
    own, and its total over them the sum of theirs."""
    keys = ("due", "received", "decided", "passed", "basic", "failed", "late")
    report = json.loads(ok("--db", city, "inspection", "report", "--year", "2020", "--by", "registry", "--office",
                           "all", "--json"))
    at_city = {row["key"]: row for row in report["rows"]}
    total = Counter[str]()
    for code in districts:
        own = json.loads(ok("--db", folder / f"{code}.sqlite3", "inspection", "report", "--year", "2020", "--json"))
        assert own["total"]["due"] > 0 and 0.9 <= own["participation_rate"] <= 0.96, own["total"]
        assert {k: at_city[code][k] for k in keys} == {k: own["total"][k] for k in keys}, code
        total.update({k: own["total"][k] for k in keys})
    city_own = {k: at_city[CITY[0]][k] for k in keys}
    assert {k: report["total"][k] - city_own[k] for k in keys} == dict(total)


def _the_city_consolidates_the_districts_cultivation(folder: Path, city: Path,
                                                      districts: tuple[str, ...]) -> dict[str, Any]:
    """The cultivation rows travel with the packages (synced tables, owned by the office that recorded them):
    each county's six sections at the city are the district's own, row for row."""
    at_city = json.loads(ok("--db", city, "stats", "--json"))
    rows = {r["code"]: r for r in at_city["by_division"]}
    for code in districts:
        own = json.loads(ok("--db", folder / f"{code}.sqlite3", "stats", "--json"))
        assert own["children_stations"]["person_times"] + own["purchased_services"]["projects"] > 0, code
        assert {k: rows[code][k] for k in CULTIVATION} == {k: own[k] for k in CULTIVATION}, code
    return at_city


def _districts_to_the_city_twice(tmp_path: Path, districts: tuple[str, ...]) -> Path:
    """Each district: office, demo share, trust with the city, one package; the city imports them all in a
    shuffled order (all applied), then again in another order (all already imported, nothing changed)."""
    city = make_office(tmp_path, *CITY, demo=False)
    assert load_own_share(city) == 257
    packages = []
    for code in districts:
        name = DISTRICTS[code]
        make_office(tmp_path, code, name, "district", demo=True)
        trust_each_other(tmp_path, CITY[0], code)
        (package,) = export(tmp_path / f"{code}.sqlite3", CITY[0], tmp_path)
        packages.append(package)
    rng = random.Random(6)
    order = packages[:]
    rng.shuffle(order)
    code, results = import_json(city, *order)
    assert code == 0 and {r["status"] for r in results} == {"applied"}
    once = digest(city)
    rng.shuffle(order)
    code, results = import_json(city, *order)
    assert code == 0 and {r["status"] for r in results} == {"already_imported"}
    assert digest(city) == once
    return city


@pytest.mark.slow
def test_eleven_districts_to_the_city_in_shuffled_order_twice(tmp_path: Path) -> None:
    city = _districts_to_the_city_twice(tmp_path, tuple(DISTRICTS))
    stats = json.loads(ok("--db", city, "stats", "--json"))
    assert stats["registered_social_organizations"] == 1831
    assert stats["community_social_organizations"] == {"total": 5611, "registered": 89, "filed": 52, "guided": 5470}
    assert stats["per_10k_population"] == 5.08
    # the consolidated register, by origin office
    counts = json.loads(ok("--db", city, "sync", "status", "--json"))
    assert {o["code"] for o in counts["offices"]} == set(DISTRICTS)
    assert all(o["received"]["seq"] == 1 for o in counts["offices"])
    by_origin = counts["organizations_by_origin"]
    assert set(by_origin) == set(DISTRICTS) | {CITY[0]} and sum(by_origin.values()) == 7403
    assert "ok" in ok("--db", city, "verify")
    # the letter's cultivation figures, consolidated from the eleven packages and the city's own rows
    stats = _the_city_consolidates_the_districts_cultivation(tmp_path, city, tuple(DISTRICTS))
    bases = [(b["level"], b["division_code"], b["admitted"], b["graduated"]) for b in stats["incubation"]["by_base"]
             if b["kind"] == "base"]
    assert [(lv, c) for lv, c, _a, _g in bases if lv == "county"] == [
        ("county", "511102"), ("county", "511111"), ("county", "511123"), ("county", "511126")]
    assert [(a, g) for lv, _c, a, g in bases if lv == "city"] == [(38, 12)]
    assert sorted(b["township_code"] for b in stats["incubation"]["by_base"] if b["kind"] == "park") == [
        "511102006", "511111002"]
    assert Decimal(stats["purchased_services"]["contracted"]) > 32_000_000
    assert stats["purchased_services"]["since"] == 2019
    assert stats["volunteers"]["teams"] == 1412
    funds = stats["community_funds"]
    assert (funds["funds"], funds["communities"], Decimal(funds["contributed"])) == (9, 8, 1_350_000)
    rounds = {r["division_code"]: r for r in stats["venture_philanthropy"]["by_round"]}
    assert (Decimal(rounds["511111"]["amount_awarded"]), rounds["511111"]["awardees"]) == (550_000, 10)
    assert rounds["511102"]["applications"] > 100 and rounds["511102"]["awarded"] == 10
    stations = stats["children_stations"]
    assert stations["stations"] == 20 and stations["person_times"] > 100_000
