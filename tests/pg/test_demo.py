"""The 沙湾区 demo loaded into a PostgreSQL database (services/core/bulk.py's statements for a server: the rows'
ids instead of SQLite's rowid, json_build_object, to_char) is the demo of the SQLite template: the same figures,
the same rows and the same change log, field by field.  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from civicdesk.models import Base
from civicdesk.services.admin.demo import load_demo
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.cultivation.figures import cultivation_figures
from civicdesk.services.register.statistics import statistics

#: made by each load (times of the load, the accounts and audit trail of the office), not by the demo
WHEN = ("created_at", "updated_at", "at")
OFFICE_TABLES = ("audit_entry", "user_account", "office", "alembic_version")


def _rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the office's own, without the times of the load, in key order (the change
    log in the order of its ids, without them: the order the rows were logged in)."""
    out = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in OFFICE_TABLES:
                continue
            columns = [c for c in table.columns if c.name not in WHEN and not (table.name == "change_log"
                                                                                  and c.name == "id")]
            order = [table.c.id] if table.name == "change_log" else list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(*columns).order_by(*order))]
        conn.rollback()
    return out


@pytest.fixture
def shawan_demo_file(templates: dict[str, Path]) -> Path:
    """The run's SQLite template of the 沙湾区 demo (built once, shared with the other tests that use it)."""
    return templates["shawan_demo"]


@pytest.mark.parametrize("backend", ["postgresql"])
def test_the_district_demo_on_a_server_is_the_demo_on_a_file(office_db: Database, shawan_demo_file: Path) -> None:
    loaded = load_demo(office_db)
    assert (loaded.organizations, loaded.already_loaded) == (553, False)
    assert load_demo(office_db).already_loaded

    on_file = open_database(shawan_demo_file)
    try:
        assert statistics(office_db) == statistics(on_file)
        assert cultivation_figures(office_db) == cultivation_figures(on_file)
        served, filed = _rows(office_db), _rows(on_file)
    finally:
        on_file.close()
    assert len(served["change_log"]) > 2000
    for name, rows in filed.items():
        assert served[name] == rows, name
