"""The demo register reproduces the city's published figures, computed by queries from the rows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from civicdesk.models import Organization
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.register.statistics import statistics


def test_city_figures_are_the_published_ones(city_db: Database) -> None:
    s = statistics(city_db)
    assert s["scope"] == {"code": "511100", "name": "乐山市", "level": "city"}
    assert s["registered_social_organizations"] == 1831
    assert sum(s["by_legal_form"].values()) == 1831
    assert all(n > 0 for n in s["by_legal_form"].values())
    assert s["community_social_organizations"] == {"total": 5611, "registered": 89, "filed": 52, "guided": 5470}
    sub = s["community_by_subtype"]
    assert (sub["elderly_association"], sub["funeral_council"], sub["estate_self_management"]) == (1370, 1321, 1247)
    assert sub["volunteer_team"] > 1400
    assert sub["children_station"] == 20
    assert sum(sub.values()) == 5611
    assert s["population"]["value"] == 3_604_000 and s["population"]["basis"] == "household"
    assert s["per_10k_population"] == 5.08


def test_division_rows_sum_to_the_city(city_db: Database) -> None:
    s = statistics(city_db)
    rows = s["by_division"]
    assert len(rows) == 11
    for key in ("registered_social_organizations",):
        assert sum(r[key] for r in rows) == s[key]
    for key in ("total", "registered", "filed", "guided"):
        assert sum(r["community_social_organizations"][key] for r in rows) == s["community_social_organizations"][key]
    for form in s["by_legal_form"]:
        assert sum(r["by_legal_form"][form] for r in rows) == s["by_legal_form"][form]
    for subtype, n in s["community_by_subtype"].items():
        assert sum(r["community_by_subtype"].get(subtype, 0) for r in rows) == n
    assert sum(r["population"]["value"] for r in rows) == 3_604_000
    assert all(r["registered_social_organizations"] > 0 and r["per_10k_population"] for r in rows)


def test_one_division_scope_matches_its_row(city_db: Database) -> None:
    city = statistics(city_db)
    row = next(r for r in city["by_division"] if r["code"] == "511181")
    own = statistics(city_db, "511181")
    assert own["scope"]["name"] == "峨眉山市"
    assert own["registered_social_organizations"] == row["registered_social_organizations"]
    assert own["community_social_organizations"] == row["community_social_organizations"]
    assert own["community_by_subtype"] == row["community_by_subtype"]


def test_inactive_organizations_are_not_counted(city_db: Database) -> None:
    with city_db.read() as session:
        gone = session.scalars(select(Organization).where(Organization.status.in_(("deregistered", "revoked")))).all()
    assert len(gone) == 50  # in the register, with their history, but not among the 1,831


def test_district_share(city_db: Database, shawan_db_path: Path) -> None:
    """A district database holds what it registered or recorded, with the same ids as the city's copy."""
    district = open_database(shawan_db_path)
    try:
        with district.read() as session:
            ids = set(session.scalars(select(Organization.id)))
            origins = set(session.scalars(select(Organization.origin_office)))
        with city_db.read() as session:
            city_ids = set(session.scalars(select(Organization.id).where(Organization.origin_office == "511111")))
        assert origins == {"511111"}
        assert ids == city_ids
        own = statistics(district)
        assert own["scope"]["code"] == "511111"
        assert 0 < own["registered_social_organizations"] < 1831
        assert own["population"]["value"] > 0
    finally:
        district.close()
