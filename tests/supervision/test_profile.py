"""The register's derived supervision summary and the detail pane's profile follow the decided records."""

from __future__ import annotations

from datetime import date
from typing import Any

from civicdesk.models import Organization
from civicdesk.services.supervision import profile, rating
from tests.supervision.test_rating import TOP, inspect, office, through_submit  # noqa: F401  (fixture)


def summary(db: Any, org_id: str) -> tuple[Any, ...]:
    with db.read() as session:
        o = session.get(Organization, org_id)
        return o.inspection_year, o.inspection_conclusion, o.rating_grade, o.rating_valid_to, o.version


def test_the_summary_follows_decisions_without_moving_the_rows_version(office):  # noqa: F811
    db, org = office["db"], office["org"]
    with db.unit() as session:  # the inspection record was written straight into the table: derive it now
        profile.refresh_summary(session)
    year, conclusion, grade, valid_to, version = summary(db, org)
    assert (year, conclusion, grade, valid_to) == (2025, "pass", None, None)
    app = rating.decide(db, through_submit(office, TOP), by=office["rev1"], decision_no="沙民评〔2026〕1号").id
    assert summary(db, org)[2:4] == ("5A", date(2031, 11, 27))
    rating.lower(db, app, "3A", by=office["rev2"], reason="年检基本合格")
    assert summary(db, org)[2] == "3A"
    rating.cancel(db, app, by=office["rev2"], reason="弄虚作假")
    assert summary(db, org)[2:4] == (None, None)
    assert summary(db, org)[4] == version  # local columns: the organization itself did not change

    p = profile.supervision_profile(db, org)
    assert [(i.year, i.conclusion) for i in p.inspections] == [(2025, "pass")]
    assert [(r.state, r.grade, r.current_grade) for r in p.ratings] == [("cancelled", "5A", None)]
    assert p.rating_in_force is None and p.spotchecks == []


def test_a_rating_is_shown_until_its_last_day():
    assert profile.rating_shown("4A", date(2030, 1, 1), date(2030, 1, 1)) == "4A"
    assert profile.rating_shown("4A", date(2030, 1, 1), date(2030, 1, 2)) is None
    assert profile.rating_shown(None, None, date(2030, 1, 2)) is None


def test_an_inspection_decision_shows_in_the_register_columns(shawan_db_path):
    from civicdesk.services.core.database import open_database
    from civicdesk.services.supervision import inspection

    db = open_database(shawan_db_path)
    try:
        campaign = inspection.open_campaign(db, 2025, by=None)
        org_id = inspection.due_ids(db, campaign)[0]
        inspection.record(db, campaign, org_id, {"received_on": "2026-05-20"}, by=None)
        inspection.submit(db, campaign, org_id, by=None)
        inspection.decide(db, campaign, org_id, conclusion="basic", reasons="财务制度不健全", by=None)
        assert summary(db, org_id)[:2] == (2025, "basic")
    finally:
        db.close()
