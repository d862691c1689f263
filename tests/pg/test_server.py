"""PostgreSQL only: the schema the migrations make there, the backup before a migration, a server that cannot be
reached."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy import inspect

from civicdesk.errors import DatabaseError
from civicdesk.models import Base
from civicdesk.models.engine import normalize_url
from civicdesk.services.core.database import Database, open_database, pg_dump_backup, to_url
from civicdesk.services.register import search

pytestmark = pytest.mark.parametrize("backend", ["postgresql"])


def test_the_migrations_make_every_table_and_column(office_db: Database) -> None:
    with office_db.engine.connect() as conn:
        found = inspect(conn)
        tables = set(found.get_table_names())
        # and the server's own: the search table and its counts
        assert tables == set(Base.metadata.tables) | {"alembic_version", search.GRAM_TABLE, search.COUNT_TABLE}
        for table in Base.metadata.sorted_tables:
            assert {c["name"] for c in found.get_columns(table.name)} == set(table.columns.keys()), table.name
        uscc = {i["name"]: i for i in found.get_indexes("organization")}["uq_organization_uscc"]
        assert uscc["unique"] and "uscc IS NOT NULL" in str(uscc["dialect_options"]["postgresql_where"])


def test_pg_dump_backup(office_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = pg_dump_backup(office_db.url, tmp_path, "0012")
    assert target.parent == tmp_path and target.name.endswith(".dump") and ".before-0012-" in target.name
    assert target.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format, for pg_restore
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump: no migration
    with pytest.raises(DatabaseError) as err:
        pg_dump_backup(office_db.url, tmp_path, "0012")
    assert err.value.code == "db.pg_dump_missing" and "--no-backup" in err.value.message("en")
    assert list(tmp_path.iterdir()) == [target]


def test_an_unreachable_server_is_one_clear_error(backend: str) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DatabaseError) as err:
        open_database(f"postgresql://clerk:secret@127.0.0.1:{port}/civicdesk?connect_timeout=2")
    assert err.value.code == "db.server"
    assert "secret" not in err.value.message("en") and f"127.0.0.1:{port}" in err.value.message("en")


def test_urls_name_psycopg(backend: str) -> None:
    assert to_url("postgresql://clerk@db/civicdesk") == "postgresql+psycopg://clerk@db/civicdesk"
    assert normalize_url("postgres://clerk@db:5433/x") == "postgresql+psycopg://clerk@db:5433/x"
    assert to_url("sqlite:///office.sqlite3") == "sqlite:///office.sqlite3"
