"""The office the volunteer and station tests work in: 沙湾区's demo register (its volunteer teams and children's
stations are community organizations) at the clock fixture's day (2026-11-28), with three accounts."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database


def _ids(path: Any, subtype: str) -> list[str]:
    """Active organizations of ``subtype`` without the demo's cultivation rows: teams the demo left alone first;
    the demo's stations all have service days, so the first station's rows are cleared (the test's own copy:
    a station with no records yet)."""
    conn = sqlite3.connect(path)
    try:
        busy = {r[0] for r in conn.execute("SELECT team_id FROM volunteer UNION SELECT team_id FROM volunteer_activity "
                                           "UNION SELECT station_id FROM station_service "
                                           "UNION SELECT station_id FROM station_funding")}
        ids = [r[0] for r in conn.execute("SELECT id FROM organization WHERE community_subtype = ? AND "
                                          "status = 'active' AND deleted_at IS NULL ORDER BY id", (subtype,))]
        ids.sort(key=lambda i: i in busy)
        if ids and ids[0] in busy:
            with conn:
                for table, column in (("station_service", "station_id"), ("station_funding", "station_id"),
                                      ("cultivation_tally", "organization_id")):
                    conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (ids[0],))
        return ids
    finally:
        conn.close()


@pytest.fixture
def office(shawan_db_path: Any, clock: Any) -> Any:
    teams, stations = _ids(shawan_db_path, "volunteer_team"), _ids(shawan_db_path, "children_station")
    db = open_database(shawan_db_path)
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    yield {"db": db, "path": shawan_db_path, "clock": clock, "team": teams[0], "team2": teams[1],
           "station": stations[0], "admin": admin,
           "clerk": auth.create_user(db, "clerk1", "a-long-password-2", "clerk", by=admin),
           "rev": auth.create_user(db, "rev1", "a-long-password-3", "reviewer", by=admin)}
    db.close()
