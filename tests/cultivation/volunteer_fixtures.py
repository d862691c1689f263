"""The office the volunteer and station tests work in: 沙湾区's demo register (its volunteer teams and children's
stations are community organizations) at the clock fixture's day (2026-11-28), with three accounts."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from civicdesk.services.admin import auth
from civicdesk.services.core.database import open_database


def _ids(path: Any, subtype: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM organization WHERE community_subtype = ? AND "
                                           "status = 'active' AND deleted_at IS NULL ORDER BY id", (subtype,))]
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
