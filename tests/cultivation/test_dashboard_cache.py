"""The dashboard's cache (issue 18's < 1 s): figures computed once are painted from the database's own cache while
the data is unchanged; an organization added, a station service day recorded, a sync import make them stale; a
database never shows another's figures (the window: tests/ui/test_dashboard_cache_ui.py)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import select

from civicdesk.models import InspectionCampaign, InspectionRecord
from civicdesk.services import dashboard
from civicdesk.services.core.database import open_database
from civicdesk.services.cultivation import stations
from civicdesk.services.register import organizations
from civicdesk.services.supervision import inspection
from tests.cultivation.volunteer_fixtures import office
from tests.factories import social_group
from tests.helpers.sync import import_json

__all__ = ["office"]


def _fill(db: Any) -> dict[str, Any]:
    """Every part computed and kept, as the window does."""
    version = dashboard.cached(db).version
    board = dashboard.Dashboard(db)
    parts = {"tiles": dashboard.store(db, version, "tiles", board.tiles())}
    for key in dashboard.SERIES:
        parts[key] = dashboard.store(db, version, key, board.series(key))
    return parts


def test_fresh_until_an_organization_or_a_service_day_changes_the_data(office: dict[str, Any]) -> None:
    db = office["db"]
    assert not dashboard.cached(db).fresh()  # nothing computed yet
    parts = _fill(db)
    cache = dashboard.cached(db)
    assert cache.fresh()
    # the figures come back as they were computed, Decimals and all
    assert cache.parts["tiles"][1] == parts["tiles"]
    assert all(cache.parts[key][1] == parts[key] for key in dashboard.SERIES)

    stations.add_service(db, office["station"], by=office["clerk"], served_on="2026-11-01", activity="课业辅导",
                         person_times=30, in_difficulty=3, left_behind=12)
    assert not dashboard.cached(db).fresh()
    _fill(db)
    assert dashboard.cached(db).fresh()
    organizations.add_organization(db, social_group(), by=office["admin"])
    stale = dashboard.cached(db)
    assert not stale.fresh() and stale.parts["tiles"][1] == dashboard.cached(db).parts["tiles"][1]


REGISTER_PARTS = {"per_10k", "registrations", "tiers", "subtypes"}
CULTIVATION_PARTS = {"tiles", "purchased_by_year", "purchased_by_county", "incubation"}


def _stale(db: Any) -> set[str]:
    return {key for key, (fresh, _value) in dashboard.cached(db).parts.items() if not fresh}


def test_a_service_day_makes_only_the_cultivation_parts_stale(office: dict[str, Any]) -> None:
    db = office["db"]
    parts = _fill(db)
    stations.add_service(db, office["station"], by=office["clerk"], served_on="2026-11-01", activity="课业辅导",
                         person_times=30, in_difficulty=3, left_behind=12)
    cache = dashboard.cached(db)
    assert _stale(db) == CULTIVATION_PARTS  # the register statistics, 参检率 and the credit lists stay fresh
    # the tiles again: the register's three from the cache (the register is not counted), the rest recounted
    board = dashboard.Dashboard(db, cache)
    tiles = board.tiles()
    assert board._register is None
    assert tiles == dashboard.Dashboard(db).tiles()
    assert tiles["person_times"] == parts["tiles"]["person_times"] + 30
    dashboard.store(db, cache.version, "tiles", tiles)
    for key in CULTIVATION_PARTS - {"tiles"}:
        dashboard.store(db, cache.version, key, board.series(key))
    assert board._register is None  # the cultivation charts alone do not count the register either
    assert dashboard.cached(db).fresh()


def test_an_organization_makes_the_register_parts_stale(office: dict[str, Any]) -> None:
    db = office["db"]
    _fill(db)
    organizations.add_organization(db, social_group(), by=office["admin"])
    stale = _stale(db)
    assert REGISTER_PARTS <= stale and "tiles" in stale
    board = dashboard.Dashboard(db, dashboard.cached(db))
    assert board.tiles() == dashboard.Dashboard(db).tiles()  # the register's tiles counted again
    assert board._register is not None


def test_an_inspection_decision_makes_only_participation_stale(office: dict[str, Any]) -> None:
    db = office["db"]
    with db.read() as session:
        year, organization = session.execute(
            select(InspectionCampaign.year, InspectionRecord.organization_id)
            .join(InspectionCampaign, InspectionCampaign.id == InspectionRecord.campaign_id)
            .where(InspectionRecord.state == "submitted").order_by(InspectionCampaign.year.desc())).first()
    before = _fill(db)["participation"]
    inspection.decide(db, year, organization, conclusion="pass", by=office["rev"])
    assert _stale(db) == {"participation"}
    after = dashboard.Dashboard(db).series("participation")
    assert after.note == before.note == str(year) and sum(after.extra["decided"]) == sum(before.extra["decided"]) + 1


def test_a_sync_import_makes_the_cache_stale(sync_templates: Path, first_package: tuple[Path, bytes],
                                             tmp_path: Path) -> None:
    city = tmp_path / "city.sqlite3"
    shutil.copyfile(sync_templates / "511100.sqlite3", city)
    package = tmp_path / "CD-511111-e1-1-to-511100.cdsync"
    package.write_bytes(first_package[1])
    db = open_database(city)
    try:
        before = _fill(db)
        assert dashboard.cached(db).fresh()
    finally:
        db.close()
    code, results = import_json(city, package)
    assert code == 0 and results[0]["status"] == "applied"
    db = open_database(city)
    try:
        # a package's rows are not logged: every part is stale, whatever tables it touched
        assert _stale(db) == set(dashboard.CACHE_KEYS)
        assert dashboard.Dashboard(db).tiles()["registered"] > before["tiles"]["registered"]
    finally:
        db.close()


def test_never_another_databases_figures(office: dict[str, Any], city_db_path: Path) -> None:
    _fill(office["db"])
    city = open_database(city_db_path)
    try:
        assert dashboard.cached(city).parts == {}  # the cache lives in each database
        # the district's rows copied into the city's file would not pass for the city's: another office
        district = dashboard.cached(office["db"])
        assert district.version != dashboard.cached(city).version
    finally:
        city.close()


def test_more_changes_than_are_read_make_every_part_stale(office: dict[str, Any], monkeypatch: Any) -> None:
    db = office["db"]
    _fill(db)
    stations.add_service(db, office["station"], by=office["clerk"], served_on="2026-11-01", activity="课业辅导",
                         person_times=30, in_difficulty=3, left_behind=12)
    monkeypatch.setattr(dashboard, "CHANGES_READ", 0)  # as after a bulk import: the change log is not read
    assert _stale(db) == set(dashboard.CACHE_KEYS)
    assert not dashboard.Dashboard(db, dashboard.cached(db)).cache.unchanged("tiles", dashboard.READS["register"])
