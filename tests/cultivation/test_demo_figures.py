"""The demo's cultivation rows reproduce the letter's figures (docs/DOMAIN.md "Cultivation"), each counted here by
its own SQL from the rows of the demo city (not through services/cultivation/figures.py), and every row is one the
services would accept; a district holds its own share, with the city's ids; ``stats`` shows them.  The statistics
report's 培育发展 section is read in tests/services/test_printing.py (which prints the city's report once)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from civicdesk import messages
from civicdesk.services.admin.demo import CUTOFF
from tests.helpers.cli import ok

CUT = CUTOFF.isoformat()


@pytest.fixture(scope="module")
def city(templates: dict[str, Path]) -> Iterator[sqlite3.Connection]:
    """The demo city's template, read only (no copy: nothing here writes)."""
    conn = sqlite3.connect(f"file:{templates['city_demo']}?mode=ro", uri=True)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def shawan(templates: dict[str, Path]) -> Iterator[sqlite3.Connection]:
    """沙湾区's demo template, read only."""
    conn = sqlite3.connect(f"file:{templates['shawan_demo']}?mode=ro", uri=True)
    yield conn
    conn.close()


def one(conn: sqlite3.Connection, sql: str, *args: object) -> object:
    return conn.execute(sql, args).fetchone()[0]


def money(value: object) -> Decimal:
    return Decimal(str(value))


LIVE = "deleted_at IS NULL"


def test_the_letters_figures_from_the_rows(city: sqlite3.Connection) -> None:
    # 1 city-level and 4 county-level bases (市中区, 沙湾区, 夹江县, 犍为县), parks in 通江街道 and 铜河街道
    bases = city.execute(f"SELECT level, kind, division_code, township_code FROM incubation_base WHERE {LIVE}"
                         ).fetchall()
    assert sorted(b[2] for b in bases if b[1] == "base" and b[0] == "county") == ["511102", "511111", "511123",
                                                                                    "511126"]
    assert [b[2] for b in bases if b[1] == "base" and b[0] == "city"] == ["511100"]
    assert sorted(b[3] for b in bases if b[1] == "park") == ["511102006", "511111002"]
    # the city base admitted 38 and graduated 12; the others some too
    admitted, graduated = city.execute(
        f"SELECT count(*), count(r.graduated_on) FROM incubation_resident r JOIN incubation_base b ON b.id = r.base_id"
        f" WHERE r.{LIVE} AND b.level = 'city'").fetchone()
    assert (admitted, graduated) == (38, 12)
    assert one(city, f"SELECT count(DISTINCT base_id) FROM incubation_resident WHERE {LIVE}"
               " AND graduated_on IS NOT NULL") == 7
    # purchased services since 2019: more than 32,000,000 yuan, in every county and year
    total, first, counties = city.execute(
        f"SELECT sum(amount), min(year), count(DISTINCT division_code) FROM service_project WHERE {LIVE}").fetchone()
    assert money(total) > 32_000_000 and first == 2019 and counties == 12
    # the 1,412 volunteer teams of the register, some with volunteers, activities and hours
    assert one(city, "SELECT count(*) FROM organization WHERE community_subtype = 'volunteer_team'"
               " AND status = 'active'") == 1412
    assert one(city, f"SELECT count(DISTINCT team_id) FROM volunteer WHERE {LIVE}") > 0
    assert money(one(city, f"SELECT sum(hours) FROM volunteer_hours WHERE {LIVE}")) > 0
    # 9 funds in 8 communities, 1,350,000 contributed
    assert city.execute(f"SELECT count(*), count(DISTINCT community_code) FROM community_fund WHERE {LIVE}"
                        ).fetchone() == (9, 8)
    assert money(one(city, f"SELECT sum(amount) FROM fund_entry WHERE {LIVE} AND kind = 'contribution'")) == 1_350_000
    # 沙湾区: 550,000 to 10 organizations; 市中区's 金点子: more than 100 ideas, 10 funded
    rows = dict((r[0], r[1:]) for r in city.execute(
        f"SELECT r.division_code, r.kind, count(*), sum(a.state = 'awarded'), sum(a.amount_awarded),"
        f" count(DISTINCT CASE WHEN a.state = 'awarded' THEN a.organization_id END)"
        f" FROM venture_round r JOIN venture_application a ON a.round_id = r.id WHERE r.{LIVE} AND a.{LIVE}"
        f" GROUP BY r.id"))
    assert rows["511111"][0] == "venture" and rows["511111"][2:] == (10, 550000, 10)
    assert rows["511102"][0] == "contest" and rows["511102"][1] > 100 and rows["511102"][2] == 10
    # the 20 stations of the register: more than 100,000 person-times; funded by the three sources
    assert one(city, "SELECT count(*) FROM organization WHERE community_subtype = 'children_station'") == 20
    assert one(city, f"SELECT count(DISTINCT station_id) FROM station_service WHERE {LIVE}") == 20
    assert one(city, f"SELECT sum(person_times) FROM station_service WHERE {LIVE}") > 100_000
    assert {r[0] for r in city.execute(f"SELECT DISTINCT source FROM station_funding WHERE {LIVE}")} == {
        "foundation", "organization", "civil_affairs"}


def test_every_row_is_one_the_services_accept(city: sqlite3.Connection) -> None:
    def none(sql: str) -> None:
        assert city.execute(sql).fetchall() == [], sql

    # dates in order, never after the cut-off
    none(f"SELECT id FROM incubation_resident r WHERE admitted_on > '{CUT}' OR outcome_on > '{CUT}'"
         " OR graduated_on < admitted_on OR outcome_on < admitted_on"
         " OR admitted_on < (SELECT opened_on FROM incubation_base b WHERE b.id = r.base_id)"
         " OR (outcome IN ('registered', 'filed')) != (graduated_on IS NOT NULL)")
    none("SELECT s.id FROM incubation_service s JOIN incubation_resident r ON r.id = s.resident_id"
         f" WHERE s.given_on < r.admitted_on OR s.given_on > coalesce(r.outcome_on, '{CUT}') OR s.until < s.given_on")
    none(f"SELECT id FROM service_project WHERE amount <= 0 OR ends_on < starts_on OR ends_on > '{CUT}'"
         " OR evaluated_on < ends_on OR evaluated_on > '" + CUT + "' OR year != cast(substr(starts_on, 1, 4) AS int)")
    none("SELECT p.id FROM service_project p JOIN project_payment x ON x.project_id = p.id"
         f" GROUP BY p.id HAVING sum(x.amount) > p.amount OR min(x.paid_on) < p.starts_on OR max(x.paid_on) > '{CUT}'"
         " OR min(x.amount) <= 0")
    none("SELECT a.id FROM venture_application a JOIN venture_round r ON r.id = a.round_id"
         " WHERE a.submitted_on NOT BETWEEN r.opens_on AND r.closes_on OR a.decided_on < r.closes_on"
         " OR a.amount_awarded > a.amount_asked OR a.amount_asked <= 0")
    none("SELECT id FROM venture_score WHERE score < 0 OR score > 100")
    none("SELECT a.id FROM venture_application a JOIN venture_payment x ON x.venture_application_id = a.id"
         f" GROUP BY a.id HAVING sum(x.amount) > a.amount_awarded OR min(x.paid_on) < a.decided_on"
         f" OR max(x.paid_on) > '{CUT}'")
    # a fund's balance never below zero, entries after its founding
    entries = city.execute("SELECT e.fund_id, e.entry_on, e.kind, e.amount, f.founded_on FROM fund_entry e"
                           " JOIN community_fund f ON f.id = e.fund_id ORDER BY e.fund_id, e.entry_on, e.kind"
                           ).fetchall()
    balance: dict[str, Decimal] = {}
    for fund, on, kind, amount, founded in entries:
        assert founded <= on <= CUT and money(amount) > 0
        balance[fund] = balance.get(fund, Decimal(0)) + (money(amount) if kind == "contribution" else -money(amount))
        assert balance[fund] >= 0
    # hours within a day, after joining; person-times at least the children counted
    none("SELECT h.volunteer_id, a.held_on FROM volunteer_hours h JOIN volunteer_activity a ON a.id = h.activity_id"
         " JOIN volunteer v ON v.id = h.volunteer_id GROUP BY h.volunteer_id, a.held_on"
         f" HAVING sum(h.hours) > 24 OR min(h.hours) <= 0 OR max(a.held_on) > '{CUT}'"
         " OR min(a.held_on) < max(v.joined_on)")
    none(f"SELECT id FROM station_service WHERE served_on > '{CUT}' OR person_times <= 0"
         " OR in_difficulty + left_behind > person_times OR in_difficulty < 0 OR left_behind < 0")
    none(f"SELECT id FROM station_funding WHERE amount <= 0 OR received_on > '{CUT}'")
    # every organization a row names is one of the row's office (the owner sync reads: its registry's county),
    # so that a district's package carries rows about its own organizations only
    for table, column in (("incubation_base", "operator_org_id"), ("incubation_resident", "organization_id"),
                          ("service_project", "organization_id"), ("venture_application", "organization_id"),
                          ("volunteer", "team_id"), ("volunteer_activity", "team_id"),
                          ("station_service", "station_id"), ("station_funding", "station_id")):
        none(f"SELECT t.id FROM {table} t JOIN organization o ON o.id = t.{column}"
             " WHERE substr(o.registry_code, 1, 6) != t.office_code OR o.origin_office != t.office_code")
    # marked invented
    none("SELECT id FROM service_project WHERE entered_by != 'demo_clerk'")


def test_a_district_holds_its_own_share_with_the_citys_ids(city: sqlite3.Connection,
                                                          shawan: sqlite3.Connection) -> None:
    for table in ("incubation_base", "service_project", "venture_application", "community_fund", "volunteer",
                  "station_service"):
        here = set(shawan.execute(f"SELECT id FROM {table}").fetchall())
        there = set(city.execute(f"SELECT id FROM {table} WHERE office_code = '511111'").fetchall())
        assert here == there and here, table
        assert one(shawan, f"SELECT count(*) FROM {table} WHERE office_code != '511111'") == 0


def test_stats_shows_the_figures_in_json_and_text(city_db_path: Path) -> None:
    figures = json.loads(ok("--db", city_db_path, "stats", "--json"))
    assert figures["incubation"]["bases"] == {"city": 1, "county": 4, "township": 0}
    assert figures["incubation"]["parks"] == 2
    assert Decimal(figures["purchased_services"]["contracted"]) > 32_000_000
    assert figures["community_funds"]["funds"] == 9 and Decimal(figures["community_funds"]["contributed"]) == 1350000
    assert figures["volunteers"]["teams"] == 1412 and figures["children_stations"]["stations"] == 20
    shawan = next(r for r in figures["by_division"] if r["code"] == "511111")
    assert shawan["registered_social_organizations"] > 0  # the register's row, with its county's cultivation
    assert shawan["venture_philanthropy"]["amount_awarded"] == "550000.00"
    assert shawan["incubation"]["parks"] == 1
    assert sum(Decimal(r["purchased_services"]["contracted"]) for r in figures["by_division"]) < Decimal(
        figures["purchased_services"]["contracted"])  # the city's own projects count in the city's figures only
    text = ok("--db", city_db_path, "stats")
    assert "培育孵化基地 5 个（市级 1，县级 4），社区社会组织孵化园 2 个；入驻" in text
    assert "社区基金 9 个（8 个社区），累计筹集 1,350,000.00 元" in text
    english = messages.text("cli.stats.funds", "en", funds=9, communities=8, contributed="1,350,000.00",
                            balance="1.00")
    assert english == "    Community funds: 9 in 8 communities, 1,350,000.00 yuan contributed, balance 1.00 yuan"

