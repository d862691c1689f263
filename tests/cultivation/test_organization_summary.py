"""The register's summary (migration 0018: ``organization_summary``, kept by SQLite's triggers) equals the sums of
the rows after every kind of write: the demo, a form, a ledger import, a sync import, a bulk load, status and
county changes, a tombstone and its undoing, a hard delete, the tally refreshed by a station's service days and
for the whole office; and the figures read from it (register statistics, cultivation figures, the dashboard)
equal the figures computed from the rows."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from civicdesk.errors import InputError
from civicdesk.models import Organization, StationService
from civicdesk.models.base import new_id, table_of
from civicdesk.services import dashboard, ledger
from civicdesk.services.core import bulk
from civicdesk.services.core.bulk import insert_rows, stamped
from civicdesk.services.core.database import Database, make_engine, open_database, to_url
from civicdesk.services.cultivation import figures, tally
from civicdesk.services.register import organizations, statistics
from tests.factories import social_group
from tests.helpers.cultivation import org_of

#: the summary's groups, from the rows (the reference): every organization not deleted, with its tally row
FROM_ROWS = """
SELECT o.division_code, o.tier, coalesce(o.legal_form, ''), o.legal_form IS NULL, o.is_community,
       coalesce(o.community_subtype, ''), o.community_subtype IS NULL,
       o.status IN ('active', 'suspended', 'liquidating'),
       coalesce(substr(o.established_on, 1, 4), ''), o.established_on IS NULL,
       count(*), sum(coalesce(t.service_days > 0, 0)), sum(coalesce(t.service_days, 0)),
       sum(coalesce(t.person_times, 0)), sum(coalesce(t.in_difficulty, 0)), sum(coalesce(t.left_behind, 0)),
       sum(coalesce(t.volunteers, 0)), sum(coalesce(t.activities, 0)),
       sum(coalesce(CAST(round(t.hours * 100) AS INTEGER), 0)),
       sum(coalesce(CAST(round(t.funded_foundation * 100) AS INTEGER), 0)),
       sum(coalesce(CAST(round(t.funded_organization * 100) AS INTEGER), 0)),
       sum(coalesce(CAST(round(t.funded_civil_affairs * 100) AS INTEGER), 0))
FROM organization o LEFT JOIN cultivation_tally t ON t.organization_id = o.id
WHERE o.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
"""
KEY = ("division_code, tier, legal_form, legal_form_null, is_community, community_subtype, subtype_null, live, "
       "year, year_null")
SUMS = ("n, serving, service_days, person_times, in_difficulty, left_behind, volunteers, activities, hours_cents, "
        "foundation_cents, organization_cents, civil_affairs_cents")


def check(path: Path) -> None:
    """The summary holds exactly the groups of the rows (none emptied left behind), and the figures read from it
    are the figures computed from the rows."""
    conn = sqlite3.connect(path)
    try:
        expected = sorted(conn.execute(FROM_ROWS).fetchall())
        rows = conn.execute(f"SELECT {KEY}, {SUMS} FROM organization_summary").fetchall()
    finally:
        conn.close()
    assert sorted(rows) == expected  # no group left empty: the same rows give the same table, however written
    db = open_database(path)
    try:
        fast = _figures(db)
        with db.read() as session:
            assert statistics.has_summary(session)
        plain = _from_rows(db)
        assert fast == plain
    finally:
        db.close()


def _figures(db: Database) -> tuple[Any, ...]:
    """What reads the summary: the register statistics (the tiles, per_10k, tiers, subtypes), the cultivation
    figures (the tiles, the report's section, ``stats --json``) and the registrations by year."""
    return (statistics.statistics(db), figures.cultivation_figures(db),
            dashboard.Dashboard(db).series("registrations"))


def _from_rows(db: Database) -> tuple[Any, ...]:
    was = statistics.has_summary
    statistics.has_summary = figures.has_summary = dashboard.has_summary = lambda session: False  # type: ignore
    try:
        return _figures(db)
    finally:
        statistics.has_summary = figures.has_summary = dashboard.has_summary = was  # type: ignore


def test_the_demo_city(city_db_path: Path) -> None:
    check(city_db_path)


def test_the_demo_district(shawan_db_path: Path) -> None:
    check(shawan_db_path)


def test_forms_edits_deletes_and_the_tally(shawan_db_path: Path) -> None:
    db = open_database(shawan_db_path)
    try:
        organizations.add_organization(db, social_group())  # the form's path
        station = org_of(db, free=False, community_subtype="children_station")
        team = org_of(db, community_subtype="volunteer_team")
        with db.unit("clerk1") as session:
            for day, times in ((date(2021, 3, 1), 30), (date(2021, 3, 8), 25)):
                session.add(StationService(station_id=station, served_on=day, activity="课业辅导", person_times=times,
                                           in_difficulty=1, left_behind=2, office_code=db.office().code,
                                           entered_by="clerk1"))
            tally.refresh(session, [station])
        with db.unit("clerk1") as session:  # a station moves county and is suspended: its tally moves with it
            org = session.get(Organization, station)
            org.division_code, org.status = "511102", "suspended"
        with db.unit("clerk1") as session:  # deregistered (not live any more), a team's subtype changed
            session.get(Organization, station).status = "deregistered"
            session.get(Organization, team).community_subtype = "children_station"
        with db.unit("clerk1") as session:
            session.get(Organization, team).deleted_at = datetime(2026, 1, 2)  # a tombstone
        check(shawan_db_path)
        with db.unit("clerk1") as session:
            session.get(Organization, team).deleted_at = None  # undone
            session.get(Organization, station).established_on = None
        with db.read() as session:
            bare = {c.name: getattr(o, c.name) for o in session.scalars(select(Organization).limit(1))
                    for c in Organization.__table__.columns}
        bare.update(id=new_id(), uscc=None, seq=None, name="无人引用的儿童服务站", name_rank=None, status="active",
                    is_community=True, community_subtype="children_station", tier="filed", legal_form=None)
        t = table_of(tally.CultivationTally)
        with db.unit("clerk1") as session:  # a station with a tally row, then deleted for good (the tally first)
            session.execute(table_of(Organization).insert().values(**bare))
            session.execute(t.insert().values(organization_id=bare["id"], service_days=3, person_times=40,
                                              in_difficulty=1, left_behind=2, volunteers=0, activities=0,
                                              hours=0, funded_foundation=Decimal("12.34"), funded_organization=0,
                                              funded_civil_affairs=0))
        check(shawan_db_path)
        with db.unit("clerk1") as session:
            session.execute(t.delete().where(t.c.organization_id == bare["id"]))
            session.execute(table_of(Organization).delete().where(Organization.id == bare["id"]))
        with db.unit("clerk1") as session:  # the whole office's tally again (delete every row, insert every row)
            tally.refresh(session)
        with db.unit("clerk1") as session:  # an update of a tally row in place
            session.execute(table_of(tally.CultivationTally).update()
                            .where(tally.CultivationTally.organization_id == station)
                            .values(hours=Decimal("1.25"), funded_foundation=Decimal("0.10")))
    finally:
        db.close()
    check(shawan_db_path)


def test_a_bulk_load(shawan_db_path: Path) -> None:
    db = open_database(shawan_db_path)
    try:
        with db.read() as session:
            template = {c.name: getattr(o, c.name) for o in session.scalars(select(Organization).limit(1))
                        for c in Organization.__table__.columns}
        now = datetime(2026, 1, 5, 9, 0)
        rows = []
        for n in range(40):
            row = {**template, "id": new_id(), "uscc": None, "seq": None, "name": f"批量组织{n}",
                   "name_rank": None, "community_subtype": ("children_station" if n % 2 else None),
                   "is_community": bool(n % 2), "tier": ("filed" if n % 2 else "registered"),
                   "legal_form": None if n % 2 else "social_group",
                   "established_on": date(2015 + n % 5, 1, 1) if n % 3 else None,
                   "status": ("active", "suspended", "deregistered")[n % 3], "deleted_at": None}
            rows.append(row)
        with db.unit() as session:
            insert_rows(session, [(table_of(Organization), stamped(rows, now))])
    finally:
        db.close()
    check(shawan_db_path)


def test_a_large_bulk_load_into_a_register_that_holds_rows(shawan_db_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A load large against its table (``bulk.summary_deferred``: the rule of ``indexes_deferred``, its size
    lowered here) goes in without the summary's insert trigger: the groups it touches get their share in one
    grouped upsert after the rows, added to the groups the register already has, and the trigger is made again
    (a form's organization afterwards is counted by it)."""
    monkeypatch.setattr(bulk, "DEFER_MIN", 50)
    conn = sqlite3.connect(shawan_db_path)
    try:
        held = conn.execute("SELECT count(*) FROM organization").fetchone()[0]
        trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'organization_summary_insert'").fetchone()
    finally:
        conn.close()
    db = open_database(shawan_db_path)
    try:
        with db.read() as session:
            template = {c.name: getattr(o, c.name) for o in session.scalars(select(Organization).limit(1))
                        for c in Organization.__table__.columns}
        rows = []
        for n in range(held + 7):  # more than the register holds, into groups it has and groups it has not
            rows.append({**template, "id": new_id(), "uscc": None, "seq": None, "name": f"批量组织{n}",
                         "name_rank": None, "community_subtype": ("children_station" if n % 2 else None),
                         "is_community": bool(n % 2), "tier": ("filed" if n % 2 else "registered"),
                         "legal_form": None if n % 2 else "social_group", "division_code": template["division_code"],
                         "established_on": date(1990 + n % 37, 1, 1) if n % 3 else None,
                         "status": ("active", "suspended", "deregistered")[n % 3],
                         "deleted_at": datetime(2026, 1, 2) if n % 11 == 0 else None})
        with db.unit() as session:
            insert_rows(session, [(table_of(Organization), stamped(rows, datetime(2026, 1, 5, 9, 0)))])
        organizations.add_organization(db, social_group())  # counted by the trigger made again
    finally:
        db.close()
    conn = sqlite3.connect(shawan_db_path)
    try:
        assert conn.execute("SELECT sql FROM sqlite_master WHERE name = 'organization_summary_insert'").fetchone() \
            == trigger
    finally:
        conn.close()
    check(shawan_db_path)


def test_a_ledger_import(db: Database, db_path: Path, tmp_path: Path) -> None:
    from tests.services.test_ledger_office import TODAY, write_office_ledger

    report = ledger.import_ledger(db, write_office_ledger(tmp_path / "台账.xlsx"), skip_invalid=True, legacy=True,
                                  today=TODAY)
    assert report.imported and report.new == 4
    check(db_path)


@pytest.mark.parametrize("scope", ["city", "county"])
def test_a_database_without_the_summary_computes_from_the_rows(city_db_path: Path, scope: str) -> None:
    """Downgraded below 0018 (or a server): no summary, the same figures."""
    db = open_database(city_db_path)
    try:
        fast = statistics.statistics(db, None if scope == "city" else "511111")
    finally:
        db.close()
    conn = sqlite3.connect(city_db_path)
    conn.execute("DROP TABLE organization_summary")
    conn.commit()
    conn.close()
    url = to_url(city_db_path)  # not reopened through open_database (at the head, it would not add it back)
    db = Database(make_engine(url), url, city_db_path)
    try:
        with db.read() as session:
            assert not statistics.has_summary(session)
        assert statistics.statistics(db, None if scope == "city" else "511111") == fast
    finally:
        db.close()


def test_a_series_begun_on_its_own_thread_is_the_one_computed_here(city_db: Database) -> None:
    """``Dashboard.start`` (参检率 beside the others): the same series as computed on the caller's thread, and a
    failure on that thread is raised by ``series()``."""
    board = dashboard.Dashboard(city_db)
    board.start("participation")
    assert board.series("participation") == dashboard.Dashboard(city_db).series("participation")
    broken = dashboard.Dashboard(city_db)
    broken._credit = lambda: (_ for _ in ()).throw(LookupError("gone"))  # type: ignore[method-assign]
    broken.start("credit")
    with pytest.raises(LookupError):
        broken.series("credit")
    with pytest.raises(InputError):
        broken.start("nothing")
