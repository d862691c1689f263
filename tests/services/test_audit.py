"""The audit trail's hash chain: any edit, deletion, insertion or reordering by hand is found and named."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from civicdesk.models.audit import GENESIS
from civicdesk.services.admin import audit
from civicdesk.services.admin import auth
from civicdesk.services.register import organizations
from civicdesk.services.core.database import Database, open_database
from tests.factories import social_group

TAMPERS = ("modify", "delete", "insert", "reorder")


@pytest.fixture(scope="module")
def chain_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with a few hundred audit entries of every kind."""
    from tests.helpers.sync import SHAWAN

    from civicdesk.services.admin.office import init_office

    path = tmp_path_factory.mktemp("audit") / "chain.sqlite3"
    db = open_database(path)
    init_office(db, code=SHAWAN[0], name=SHAWAN[1], level=SHAWAN[2])
    admin = auth.create_user(db, "admin", "admin123x", "admin")
    organizations.add_organization(db, social_group(), by=admin)
    for i in range(300):
        audit.record_event(db, "export.register", actor=admin.username, rows=i, file=f"名录{i}.xlsx")
        if i % 50 == 0:
            try:
                auth.authenticate(db, "admin", "nope")
            except Exception:
                pass
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def tamper(path: Path, how: str, position: int) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER audit_entry_no_update")  # what someone with the file and a shell can do
        conn.execute("DROP TRIGGER audit_entry_no_delete")
        if how == "modify":
            conn.execute("UPDATE audit_entry SET details = replace(details, '名录', '名单') WHERE seq = ?", (position,))
            conn.execute("UPDATE audit_entry SET actor = 'someone' WHERE seq = ? AND details NOT LIKE '%名单%'",
                         (position,))
        elif how == "delete":
            conn.execute("DELETE FROM audit_entry WHERE seq = ?", (position,))
        elif how == "insert":  # make room at ``position`` and put a forged entry there (a copy of a later one)
            conn.execute("UPDATE audit_entry SET seq = -seq WHERE seq >= ?", (position,))
            conn.execute("UPDATE audit_entry SET seq = 1 - seq WHERE seq < 0")
            conn.execute(
                "INSERT INTO audit_entry (seq, at, actor, action, entity, entity_id, details, prev_hash, hash) "
                "SELECT ?, at, actor, action, entity, entity_id, details, prev_hash, hash"
                " FROM audit_entry WHERE seq = ?",
                (position, position + 2))
        elif how == "reorder":  # swap two neighbours
            conn.execute("UPDATE audit_entry SET seq = -1 WHERE seq = ?", (position,))
            conn.execute("UPDATE audit_entry SET seq = ? WHERE seq = ?", (position, position + 1))
            conn.execute("UPDATE audit_entry SET seq = ? WHERE seq = -1", (position + 1,))
        conn.commit()
    finally:
        conn.close()


def test_intact_chain_verifies(chain_db: Path) -> None:
    db = open_database(chain_db)
    try:
        report = audit.verify(db)
        assert report.ok and report.entries == audit.count(db) > 300 and report.head != GENESIS
    finally:
        db.close()


@pytest.mark.parametrize("count", [12, pytest.param(50, marks=pytest.mark.slow)])
@pytest.mark.parametrize("how", TAMPERS)
def test_tampering_is_named_at_random_positions(chain_db: Path, tmp_path: Path, how: str, count: int) -> None:
    """Twelve positions a kind in the default run (each a copy, a tamper, a verify of the whole chain); fifty with
    ``-m slow``."""
    db = open_database(chain_db)
    total = audit.count(db)
    db.close()
    rng = random.Random(f"audit-{how}")
    positions = rng.sample(range(1, total), count)  # not the last: a swap needs a neighbour
    for position in positions:
        copy = tmp_path / f"{how}-{position}.sqlite3"
        shutil.copyfile(chain_db, copy)
        tamper(copy, how, position)
        db = open_database(copy)
        try:
            report = audit.verify(db)
        finally:
            db.close()
        assert not report.ok, (how, position)
        assert report.broken_seq == position, (how, position, report)
        copy.unlink()


def test_the_table_refuses_update_and_delete(db: Database, db_path: Path) -> None:
    audit.record_event(db, "print.register", actor="admin", pages=3)
    conn = sqlite3.connect(db_path)
    try:
        for statement in ("UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                conn.execute(statement)
    finally:
        conn.close()


@pytest.mark.both_backends
def test_every_data_change_is_in_the_trail_with_before_and_after(db: Database) -> None:
    admin = auth.create_user(db, "admin", "admin123x", "admin")
    record = organizations.add_organization(db, social_group(), by=admin)
    inserts = [e for e in audit.entries(db, entity_id=record.id, by=admin)]
    assert inserts and inserts[0].action == "data.insert" and inserts[0].actor == "admin"
    fields = inserts[0].details["fields"]
    assert fields["name"] == {"old": None, "new": "乐山市沙湾区测试摄影协会"}
    assert inserts[0].details["note"] == "legacy_entry"
    person = [e for e in audit.entries(db, action="data.insert", by=admin) if e.entity == "org_person"][0]
    assert person.details["fields"]["id_number"]["new"].count("*") >= 8  # no full ID number in the trail
