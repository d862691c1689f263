"""The audit trail's hash chain on PostgreSQL: the server refuses UPDATE and DELETE of an entry as SQLite does,
and whoever gets past that (the database's owner, who can drop the triggers) is found and named by ``audit
verify``, each kind of tampering of tests/services/test_audit.py.  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from civicdesk.services.admin import audit, auth
from civicdesk.services.core.database import Database
from civicdesk.services.register import organizations
from tests.factories import social_group

POSITION = 17


@pytest.fixture
def chain(office_db: Database) -> Iterator[Database]:
    """The office with a few dozen audit entries of several kinds."""
    admin = auth.create_user(office_db, "admin", "admin123x", "admin")
    organizations.add_organization(office_db, social_group(), by=admin)
    for i in range(30):
        audit.record_event(office_db, "export.register", actor="admin", rows=i, file=f"名录{i}.xlsx")
    yield office_db


def _tamper(db: Database, how: str) -> None:
    statements = {
        "modify": ["UPDATE audit_entry SET actor = 'someone' WHERE seq = :p"],
        "delete": ["DELETE FROM audit_entry WHERE seq = :p"],
        "insert": ["UPDATE audit_entry SET seq = -seq WHERE seq >= :p",
                   "UPDATE audit_entry SET seq = 1 - seq WHERE seq < 0",
                   "INSERT INTO audit_entry (seq, at, actor, action, entity, entity_id, details, prev_hash, hash)"
                   " SELECT :p, at, actor, action, entity, entity_id, details, prev_hash, hash FROM audit_entry"
                   " WHERE seq = :p + 2"],
        "reorder": ["UPDATE audit_entry SET seq = -1 WHERE seq = :p",
                    "UPDATE audit_entry SET seq = :p WHERE seq = :p + 1",
                    "UPDATE audit_entry SET seq = :p + 1 WHERE seq = -1"],
    }[how]
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE audit_entry DISABLE TRIGGER USER")  # what the owner of the database can do
        for statement in statements:
            conn.execute(text(statement), {"p": POSITION})
        conn.exec_driver_sql("ALTER TABLE audit_entry ENABLE TRIGGER USER")


@pytest.mark.parametrize("backend", ["postgresql"])
def test_the_server_refuses_update_and_delete_and_verify_names_each_tampering(chain: Database) -> None:
    report = audit.verify(chain)
    assert report.ok and report.entries > 30
    for statement in ("UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry"):
        with pytest.raises(DBAPIError, match="append-only"), chain.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    assert audit.verify(chain).ok
    with chain.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE audit_saved AS SELECT * FROM audit_entry")
    for how in ("modify", "delete", "insert", "reorder"):
        _tamper(chain, how)
        report = audit.verify(chain)
        assert not report.ok and report.broken_seq == POSITION, (how, report)
        with chain.engine.begin() as conn:  # the chain as it was, for the next kind
            conn.exec_driver_sql("ALTER TABLE audit_entry DISABLE TRIGGER USER")
            conn.exec_driver_sql("DELETE FROM audit_entry")
            conn.exec_driver_sql("INSERT INTO audit_entry SELECT * FROM audit_saved")
            conn.exec_driver_sql("ALTER TABLE audit_entry ENABLE TRIGGER USER")
        assert audit.verify(chain).ok
