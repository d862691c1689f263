"""The dashboard (issue 18): the series equal the figures counted by direct SQL, the window's tiles show the demo
city's figures, a bar opens the rows behind it, a chart exports a PNG and the same chart as a PDF."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from civicdesk import clock as program_clock
from civicdesk.errors import InputError
from civicdesk.models import IncubationBase, IncubationResident, ProjectPayment, ServiceProject
from civicdesk.services import dashboard
from civicdesk.services.core.database import Database
from civicdesk.services.printing import print_document
from civicdesk.services.printing.kind_dashboard import DashboardOptions
from tests.services.test_printing import text_of

LIVE = "('active', 'suspended', 'liquidating')"


def _sql(path: Path, query: str) -> list[Any]:
    with sqlite3.connect(path) as conn:
        return conn.execute(query).fetchall()


def _before(path: Path) -> dict[str, Any]:
    """The demo's own cultivation figures, counted by direct SQL: what the test's rows add to."""
    live_bases = "select id from incubation_base where deleted_at is null"
    return {
        "bases": _sql(path, "select count(*) from incubation_base where deleted_at is null and kind='base'")[0][0],
        "admitted": _sql(path, f"select count(*) from incubation_resident where deleted_at is null and base_id in "
                               f"({live_bases})")[0][0],
        "graduated": _sql(path, f"select count(*) from incubation_resident where deleted_at is null and base_id in "
                                f"({live_bases}) and graduated_on is not null")[0][0],
        "projects": _sql(path, "select count(*) from service_project where deleted_at is null")[0][0],
        "amount": Decimal(str(_sql(path, "select coalesce(sum(amount), 0) from service_project where "
                                         "deleted_at is null")[0][0])).quantize(Decimal("0.01")),
        "by_county": {c: float(a) for c, a in _sql(path, "select division_code, sum(amount) from service_project "
                                                         "where deleted_at is null group by 1")},
        "in_511102": _sql(path, "select count(*) from service_project where deleted_at is null and "
                                "division_code='511102'")[0][0],
    }


def _cultivation_rows(db: Database) -> dict[str, str]:
    """Two bases (city and 沙湾区) with residents, two projects (2020 市中区, 2021 沙湾区) with a payment."""
    with db.unit(actor="test") as session:
        org_ids = [r[0] for r in session.execute(
            text("select id from organization where tier='registered' order by seq limit 3"))]
        city = IncubationBase(office_code="511100", name="乐山市社会组织孵化基地（演示）", level="city",
                              division_code="511100", opened_on=date(2018, 3, 1), entered_by="clerk",
                              origin_office="511100")
        shawan = IncubationBase(office_code="511111", name="沙湾区社会组织孵化基地（演示）", level="county",
                                division_code="511111", opened_on=date(2019, 5, 1), entered_by="clerk",
                                origin_office="511111")
        session.add_all([city, shawan])
        session.flush()
        for n in range(5):
            session.add(IncubationResident(base_id=city.id, office_code="511100", name=f"孵化组织{n}",
                                           admitted_on=date(2019, 1, 1 + n),
                                           graduated_on=date(2020, 6, 1) if n < 2 else None,
                                           outcome="registered" if n < 2 else None, entered_by="clerk",
                                           origin_office="511100"))
        session.add(IncubationResident(base_id=shawan.id, office_code="511111", organization_id=org_ids[0],
                                       admitted_on=date(2020, 2, 2), entered_by="clerk", origin_office="511111"))
        projects = []
        for year, county, amount in ((2020, "511102", "300000.00"), (2021, "511111", "120000.50")):
            p = ServiceProject(office_code=county, division_code=county, name=f"{year}年社区服务项目（演示）",
                               department="民政局", year=year, funding_source="lottery", organization_id=org_ids[1],
                               amount=Decimal(amount), starts_on=date(year, 3, 1), ends_on=date(year, 12, 31),
                               deliverables="服务", entered_by="clerk", origin_office=county)
            session.add(p)
            projects.append(p)
        session.flush()
        session.add(ProjectPayment(project_id=projects[0].id, office_code="511102", paid_on=date(2020, 4, 1),
                                   amount=Decimal("100000.00"), entered_by="clerk", origin_office="511102"))
        return {"city_base": city.id, "shawan_base": shawan.id}


@pytest.fixture
def board(city_db: Database, city_db_path: Path, clock: Any) -> dict[str, Any]:
    """The demo city with its projects of 峨眉山市 (511112) deleted (tombstones: a county whose projects are gone is
    drawn at zero), its figures then (``before``), and the test's rows added."""
    with city_db.unit(actor="test") as session:
        for project in session.scalars(select(ServiceProject).where(ServiceProject.division_code == "511112")):
            project.deleted_at = program_clock.now()
    before = _before(city_db_path)
    return {"db": city_db, "path": city_db_path, "before": before, "ids": _cultivation_rows(city_db)}


def test_series_equal_direct_sql(board: dict[str, Any], city_db_path: Path) -> None:
    figures = dashboard.compute(board["db"])
    series, tiles = figures["series"], figures["tiles"]
    path = city_db_path
    registered = _sql(path, f"select count(*) from organization where deleted_at is null and status in {LIVE} "
                            "and tier='registered'")[0][0]
    assert tiles["registered"] == registered
    assert tiles["community"] == _sql(path, f"select count(*) from organization where deleted_at is null and "
                                            f"status in {LIVE} and is_community")[0][0]
    # per 10,000 by county: the county's registered over its latest household population
    per = dict(zip((c.code for c in series["per_10k"].categories), series["per_10k"].values[0], strict=True))
    for code, n, pop in _sql(path, f"""
            select o.division_code, count(*), (select value from population p where p.division_code=o.division_code
              and basis='household' order by year desc limit 1)
            from organization o where deleted_at is null and status in {LIVE} and tier='registered'
            group by o.division_code"""):
        if pop:
            assert per[code] == pytest.approx(round(n * 10000 / pop, 2))
    years = dict(_sql(path, "select substr(established_on,1,4), count(*) from organization where deleted_at is null "
                            "and tier='registered' and established_on is not null group by 1"))
    registrations = series["registrations"]
    assert {c.code: v for c, v in zip(registrations.categories, registrations.values[0], strict=True) if v} == \
        {y: float(n) for y, n in years.items()}
    tiers = series["tiers"]
    for t, values in zip(dashboard.TIERS, tiers.values, strict=True):
        assert sum(values) == _sql(path, f"select count(*) from organization where deleted_at is null and "
                                         f"status in {LIVE} and is_community and tier='{t}'")[0][0]
    subtypes = dict(_sql(path, f"select community_subtype, count(*) from organization where deleted_at is null and "
                               f"status in {LIVE} and is_community group by 1"))
    assert {c.code: v for c, v in zip(series["subtypes"].categories, series["subtypes"].values[0], strict=True)} \
        == {k: float(v) for k, v in subtypes.items() if v}
    credit = series["credit"]
    for kind, values in zip(("abnormal", "serious"), credit.values, strict=True):
        assert sum(values) == _sql(path, f"select count(*) from organization where deleted_at is null and "
                                         f"status in {LIVE} and credit_list='{kind}'")[0][0]
    by_year = series["purchased_by_year"]
    assert [(c.code, v) for c, v in zip(by_year.categories, by_year.values[0], strict=True)] == \
        [(str(y), float(a)) for y, a in _sql(path, "select year, sum(amount) from service_project where "
                                                   "deleted_at is null group by year order by year")]
    by_county = dict(zip((c.code for c in series["purchased_by_county"].categories),
                         series["purchased_by_county"].values[0], strict=True))
    before = board["before"]
    assert by_county == dict.fromkeys((c.code for c in series["per_10k"].categories), 0.0) | {
        c: float(a) for c, a in _sql(path, "select division_code, sum(amount) from service_project where "
                                           "deleted_at is null group by 1")}  # every county, zero when none
    assert by_county["511102"] == before["by_county"]["511102"] + 300000.0
    assert by_county["511111"] == before["by_county"]["511111"] + 120000.5
    assert "511112" not in before["by_county"] and by_county["511112"] == 0
    incubation = series["incubation"]
    got = {c.code: (a, g) for c, a, g in zip(incubation.categories, *incubation.values, strict=True)}
    assert got[board["ids"]["city_base"]] == (5.0, 2.0) and got[board["ids"]["shawan_base"]] == (1.0, 0.0)
    year = series["participation"].note
    campaigns = _sql(path, f"select id from inspection_campaign where office_code='511100' and year={year}")
    assert campaigns and all(0 <= v <= 100 for v in series["participation"].values[0])
    assert (tiles["bases"], tiles["admitted"], tiles["graduated"]) == \
        (before["bases"] + 2, before["admitted"] + 6, before["graduated"] + 2)
    assert tiles["purchased_amount"] == before["amount"] + Decimal("420000.50")
    assert tiles["purchased_projects"] == before["projects"] + 2


def test_rows_behind_a_bar(board: dict[str, Any]) -> None:
    db = board["db"]
    residents = dashboard.rows_behind(db, "incubation", board["ids"]["city_base"])
    assert len(residents.rows) == 5 and sum(1 for r in residents.rows if r[2]) == 2
    projects = dashboard.rows_behind(db, "purchased_by_year", "2021")
    # the demo's projects of 2021 too (not 峨眉山市's, deleted), in the order of their county and name
    assert [r[0] for r in projects.rows] == [r[0] for r in _sql(
        board["path"], "select name from service_project where deleted_at is null and year=2021 "
                       "order by division_code, name")]
    assert "2021年社区服务项目（演示）" in [r[0] for r in projects.rows] and all(r[2] == 2021 for r in projects.rows)
    county = dashboard.rows_behind(db, "purchased_by_county", "511102").rows
    assert len(county) == board["before"]["in_511102"] + 1
    assert [r[4] for r in county if r[0] == "2020年社区服务项目（演示）"] == [Decimal("300000.00")]
    assert dashboard.rows_behind(db, "purchased_by_county", "511112").rows == []
    with pytest.raises(InputError) as refused:
        dashboard.rows_behind(db, "tiers", "511102")
    assert refused.value.code == "dashboard.no_rows"
    with pytest.raises(InputError):
        dashboard.Dashboard(db).series("nonsense")


def test_pdf_has_the_charts_and_their_labels(board: dict[str, Any], tmp_path: Path) -> None:
    target = tmp_path / "dashboard.pdf"
    result = print_document(board["db"], "dashboard", DashboardOptions(), target)
    text = text_of(target)
    for label in ("主要数据", "每万人拥有社会组织数", "市中区", "峨眉山市", "乐山市社会组织孵化基地", "入驻", "出壳",
                  "信用名单", "社区社会组织类别", "志愿服务队"):
        assert label in text, label
    assert result.pages >= 2 and result.facts["charts"] == list(dashboard.SERIES)


def test_registrations_span_the_years_registered(city_db: Database, city_db_path: Path) -> None:
    first, last = _sql(city_db_path, "select min(substr(established_on,1,4)), max(substr(established_on,1,4)) from "
                                     "organization where deleted_at is null and tier='registered'")[0]
    series = dashboard.Dashboard(city_db).series("registrations")
    assert (series.categories[0].code, series.categories[-1].code) == (first, last)
    with program_clock.use(program_clock.FixedClock(datetime(int(first) + 1, 1, 5, 9, 0))):  # none after today
        series = dashboard.Dashboard(city_db).series("registrations")
    assert series.categories[-1].code == str(int(first) + 1)
