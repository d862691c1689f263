"""Migration 0021 on a server: the audit entries and the change log compressed by lz4, the sealed sync packages
stored without a try at compressing them; the downgrade sets the columns back, and a value stored either way
reads back the same.  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

import json

from sqlalchemy import Engine

from tests.helpers import pg

COLUMNS = {("audit_entry", "details"), ("change_log", "fields"), ("sync_inbox", "data"), ("sync_outbox", "data"),
           ("sync_parked", "data"), ("sync_quarantine", "data")}


def _settings(engine: Engine) -> dict[tuple[str, str], tuple[str, str]]:
    """(table, column) -> (storage, compression) of the columns 0021 sets."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.relname, a.attname, a.attstorage, a.attcompression FROM pg_attribute a"
            " JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'public'::regnamespace"
            " AND (c.relname, a.attname) IN (('audit_entry', 'details'), ('change_log', 'fields'),"
            " ('sync_inbox', 'data'), ('sync_outbox', 'data'), ('sync_parked', 'data'), ('sync_quarantine', 'data'))")
        return {(r[0], r[1]): (r[2], r[3]) for r in rows}


NOTE = "基金会章程修改说明，" * 400  # 4,000 characters: stored compressed


def _entry_stored_by(url: str) -> str | None:
    """Append an audit entry large enough to be compressed (through the program, which brings the database to
    the newest revision first); the method it was stored by."""
    from civicdesk.models import audit
    from civicdesk.services.core.database import open_database

    db = open_database(url)
    try:
        with db.unit() as session:
            audit.record(session, "test.large", note=NOTE)
        with db.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT pg_column_compression(details) FROM audit_entry"
                                        " ORDER BY seq DESC LIMIT 1").scalar()
    finally:
        db.close()


def test_0021_sets_the_storage_of_the_large_values_and_its_downgrade_sets_it_back(
        server_templates: dict[str, str]) -> None:
    from civicdesk.models.engine import make_engine
    from civicdesk.services.core.database import migrate

    server = pg.require_server()
    name = pg.test_database_name()
    url = pg.create_database(server, name, template=server_templates["shawan_demo"])  # at head: 0021 applied
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            lz4 = conn.exec_driver_sql("SELECT 'lz4' = ANY(enumvals) FROM pg_settings"
                                       " WHERE name = 'default_toast_compression'").scalar()
            before = conn.exec_driver_sql("SELECT md5(string_agg(details, '|' ORDER BY seq)) FROM audit_entry"
                                          " WHERE action <> 'test.large'").scalar()
        assert lz4, "Debian's PostgreSQL is built with lz4: the tests' server should offer it"
        assert _settings(engine) == {
            ("audit_entry", "details"): ("x", "l"), ("change_log", "fields"): ("x", "l"),
            **{(t, c): ("e", "") for t, c in COLUMNS if c == "data"}}
        assert _entry_stored_by(url) == "lz4"
        migrate(engine, url, "0020", downgrade=True)
        assert _settings(engine) == {key: ("x", "") for key in COLUMNS}
        with engine.connect() as conn:  # the values stored either way read back the same at 0020
            assert conn.exec_driver_sql("SELECT md5(string_agg(details, '|' ORDER BY seq)) FROM audit_entry"
                                        " WHERE action <> 'test.large'").scalar() == before
            (large,) = [r[0] for r in conn.exec_driver_sql(
                "SELECT details FROM audit_entry WHERE action = 'test.large'")]
        assert json.loads(large)["note"] == NOTE
        migrate(engine, url, "0021")
        assert _settings(engine)[("audit_entry", "details")] == ("x", "l")
    finally:
        engine.dispose()
        pg.drop_database(server, name)
