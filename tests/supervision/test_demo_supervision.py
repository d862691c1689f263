"""The demo's supervision records: what the issue asks of them, and that they are records the program itself
would accept (the rules an arriving row meets, the draw that verify repeats)."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from civicdesk import clock
from civicdesk.models import Organization
from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import arrivals, inspection, rating, spotcheck


def test_a_districts_demo_has_two_campaigns_ratings_and_a_verified_spot_check(shawan_db_path: Path) -> None:
    db = open_database(shawan_db_path)
    try:
        campaigns = {c.year: c.state for c in inspection.list_campaigns(db)}
        assert campaigns == {2019: "closed", 2020: "open"}
        for year in (2019, 2020):
            report = inspection.participation(db, year)
            assert 0.90 <= report.total.rate <= 0.96, (year, report.total.rate)
        waiting = inspection.list_records(db, 2020, state="submitted")
        assert 1 <= len(waiting) <= 2  # for a reviewer to decide
        assert inspection.missing_list(db, 2020)  # and organizations that have not reported: one more to record
        conclusions = {r.conclusion for r in inspection.list_records(db, 2019)}
        assert {"pass", "basic"} <= conclusions
        # the ratings are in force by the program's clock, whatever the day (the demo counts them back from the
        # day it is loaded), and some of them end within the warning days: the due panel lists them
        today = clock.today()
        rated = rating.list_ratings(db, state="decided")
        registered = inspection.due_count(db, 2020)
        assert 0.05 <= len(rated) / registered <= 0.15
        assert all(r.valid_from is not None and r.valid_from <= today <= r.valid_to for r in rated)
        expiring = rating.list_ratings(db, expiring=True)
        assert 1 <= len(expiring) < len(rated)
        assert all(r.valid_to <= today + timedelta(days=rating.expiry_warning_days(db)) for r in expiring)
        with db.read() as session:  # the register's columns say the same
            shown = session.scalar(select(func.count()).select_from(Organization).where(
                Organization.rating_grade.is_not(None), Organization.rating_valid_to >= today))
        assert shown == len(rated)
        (plan,) = spotcheck.list_plans(db)
        assert plan.state == "completed" and plan.year == 2020
        assert plan.drawn_count >= 1 and float(plan.ratio) == 0.03
        assert spotcheck.verify(db, plan.id).matches
    finally:
        db.close()
    # every rating row is one the sync import would accept from this office
    conn = sqlite3.connect(shawan_db_path)
    conn.row_factory = sqlite3.Row
    try:
        for row in conn.execute("SELECT * FROM rating_application"):
            values = {k: (json.loads(row[k]) if k in ("rules", "scores", "eligibility") else row[k])
                      for k in row.keys()}
            assert arrivals.first_issue("rating_application", values) is None, values["id"]
    finally:
        conn.close()
