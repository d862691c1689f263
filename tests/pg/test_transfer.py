"""Moving an office between back ends (``db copy``) and backups on both (civicdesk/services/admin/transfer.py,
backup.py).  The PostgreSQL runs need a server (tests/helpers/pg.py)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from civicdesk.errors import CivicDeskError, DatabaseError, InputError
from civicdesk.models import Base
from civicdesk.models.engine import normalize_url
from civicdesk.services.admin import audit, auth, backup, transfer
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.register import browse, search
from civicdesk.services.sync import keys
from tests.helpers import pg
from tests.helpers.cli import run
from tests.helpers.pg import content_digest
from tests.helpers.shared import shared_folder
from tests.helpers.sync import PASSPHRASE


@pytest.fixture(scope="session")
def pg_schema_template(tmp_path_factory: pytest.TempPathFactory) -> str | None:
    """A PostgreSQL database migrated to head without a row (what ``db copy`` makes of a new database), once
    per run: copies of it are empty targets in milliseconds."""
    server = pg.server_url()
    if server is None:
        return None

    def build(folder: Path) -> None:
        name = pg.template_name("schema")
        open_database(pg.create_database(server, name)).close()
        pg.marker_file(folder, "schema").write_text(name, encoding="utf-8")

    folder = shared_folder(tmp_path_factory, "pg_template_schema", build)
    return pg.marker_file(folder, "schema").read_text(encoding="utf-8")


@pytest.fixture
def pg_target(pg_schema_template: str | None) -> Iterator[str]:
    """The URL of an empty, migrated database on the server, dropped after the test."""
    server = pg.require_server()
    name = pg.test_database_name()
    url = pg.create_database(server, name, template=pg_schema_template)
    yield url
    pg.drop_database(server, name)


@pytest.fixture
def empty_pg() -> Iterator[str]:
    """The URL of a new database on the server without a table."""
    server = pg.require_server()
    name = pg.test_database_name()
    url = pg.create_database(server, name)
    yield url
    pg.drop_database(server, name)


def _target(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """An empty target on ``backend``: a new file, or an empty database on the server."""
    if backend == "sqlite":
        return str(tmp_path / "copy.sqlite3")
    return str(request.getfixturevalue("pg_target"))


@pytest.mark.slow  # 2-3 s: the default run moves the demo office both ways in test_readme (each copy checked)
def test_the_demo_office_goes_to_the_server_and_back_the_same(shawan_db_path: Path, pg_target: str,
                                                              tmp_path: Path) -> None:
    source = open_database(shawan_db_path)
    try:
        to_server = transfer.copy_database(source, pg_target, by=None)
        expected = transfer.table_digests(source)
    finally:
        source.close()
    assert to_server.ok and to_server.verify_ok and to_server.audit_ok
    assert {t.name for t in to_server.tables} == set(Base.metadata.tables)
    # the server's search table was filled by the copy itself (opening it would refill only an empty one)
    engine = create_engine(pg_target, poolclass=NullPool)
    with engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {search.GRAM_TABLE}")).scalar() > 0
    engine.dispose()
    server = open_database(pg_target)
    try:
        assert transfer.table_digests(server) == expected  # the copy recorded itself in the source first
        source = open_database(shawan_db_path)
        try:
            for query in ("沙湾", "老年协会", "lnxh", "5151"):  # the same answers as the file's
                assert browse.search_organizations(server, query, limit=5) == \
                    browse.search_organizations(source, query, limit=5), query
        finally:
            source.close()
        back = transfer.copy_database(server, tmp_path / "back.sqlite3", by=None)
    finally:
        server.close()
    assert back.ok
    returned = open_database(tmp_path / "back.sqlite3")
    try:
        digests = transfer.table_digests(returned)
        with returned.read() as session:
            assert search.index_count(session) == back.tables[[t.name for t in back.tables]
                                                               .index("organization")].source_rows
        assert browse.search_organizations(returned, "lnxh", limit=5)[0] > 0
    finally:
        returned.close()
    # the copy back recorded itself on the server: every other table is the same as the file's
    assert {k: v for k, v in digests.items() if k != "audit_entry"} == \
        {k: v for k, v in expected.items() if k != "audit_entry"}


def test_an_office_with_accounts_is_copied_to_the_other_back_end(office_db: Database, backend: str, tmp_path: Path,
                                                                  request: pytest.FixtureRequest) -> None:
    admin = auth.create_user(office_db, "admin", "admin123x", "admin")
    clerk = auth.create_user(office_db, "wang", "clerk123x", "clerk", by=admin)
    keys.ensure_keys(office_db, PASSPHRASE, by=admin)
    card = keys.parse_card(keys.make_card(office_db, PASSPHRASE, by=admin))
    target = str(tmp_path / "copy.sqlite3") if backend == "postgresql" else str(request.getfixturevalue("pg_target"))
    before = content_digest(office_db, without=("audit_entry",))
    with pytest.raises(CivicDeskError) as err:
        transfer.copy_database(office_db, target, by=clerk)
    assert err.value.code == "auth.forbidden"
    assert audit.entries(office_db, by=admin, limit=1)[0].action == "db.refused"
    assert content_digest(office_db, without=("audit_entry",)) == before
    report = transfer.copy_database(office_db, target, by=admin)
    assert report.ok, report
    copy = open_database(target)
    try:
        assert auth.authenticate(copy, "wang", "clerk123x").role == "clerk"
        # the office's keys came along, still opened by the passphrase: the same card, the same fingerprint
        assert keys.parse_card(keys.make_card(copy, PASSPHRASE, by=admin)).fingerprint == card.fingerprint
        auth.create_user(copy, "li", "review123", "reviewer", by=admin)
        if backend == "sqlite":  # the copy is on the server: its sequences go on after the copied ids
            with copy.engine.connect() as conn:
                top = conn.execute(text("SELECT max(id) FROM population")).scalar()
                following = conn.execute(text("SELECT nextval(pg_get_serial_sequence('population', 'id'))")).scalar()
                conn.rollback()
            assert top and following > top
    finally:
        copy.close()


def test_a_target_with_data_is_refused_and_left_as_it_was(office_db: Database, backend: str, db_path: Path,
                                                          tmp_path: Path) -> None:
    target = open_database(db_path)
    before = content_digest(target)
    target.close()
    with pytest.raises(CivicDeskError) as err:
        transfer.copy_database(office_db, db_path, by=None)
    assert err.value.code == "transfer.target_not_empty"
    assert "nothing was written" in err.value.message("en")
    target = open_database(db_path)
    try:
        assert content_digest(target) == before
    finally:
        target.close()


def _plant_bad_row(path: Path) -> None:
    """A division under a parent that does not exist: SQLite kept it (foreign keys were off), a copy cannot."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        cursor = conn.execute("SELECT * FROM division WHERE parent_code IS NOT NULL LIMIT 1")
        names = [d[0] for d in cursor.description]
        values = dict(zip(names, cursor.fetchone(), strict=True))
        values.update(code="511111999", parent_code="999999")
        conn.execute(f"INSERT INTO division ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                     [values[n] for n in names])
        conn.commit()
    finally:
        conn.close()


def test_a_failed_copy_leaves_the_target_as_it_was(db_path: Path, backend: str, tmp_path: Path,
                                                   request: pytest.FixtureRequest) -> None:
    _plant_bad_row(db_path)
    source = open_database(db_path)
    try:
        if backend == "sqlite":
            target = tmp_path / "copy.sqlite3"
            with pytest.raises(Exception):  # noqa: B017 - the database's own refusal of the orphan row
                transfer.copy_database(source, target, by=None)
            assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3", "empty.sqlite3-shm",
                                                                   "empty.sqlite3-wal"]
        else:
            url = request.getfixturevalue("empty_pg")
            with pytest.raises(Exception):  # noqa: B017
                transfer.copy_database(source, url, by=None)
            engine = create_engine(normalize_url(url))
            try:
                with engine.connect() as conn:
                    assert inspect(conn).get_table_names() == []
            finally:
                engine.dispose()
    finally:
        source.close()


# -- backups ----------------------------------------------------------------------------------------------------
def test_backup_and_restore_give_back_the_data_of_the_backup(office_db: Database, tmp_path: Path) -> None:
    admin = auth.create_user(office_db, "admin", "admin123x", "admin")
    suffix = ".sqlite3" if office_db.path is not None else ".dump"
    path = backup.backup(office_db, tmp_path / f"b{suffix}", by=admin)
    at_backup = content_digest(office_db)
    info = backup.inspect_backup(path)
    assert info.office_code == "511111" and info.revision is not None
    clerk = auth.create_user(office_db, "wang", "clerk123x", "clerk", by=admin)
    with pytest.raises(CivicDeskError) as refused:
        backup.backup(office_db, tmp_path / f"c{suffix}", by=clerk)  # an administrator's act
    assert refused.value.code == "auth.forbidden" and not (tmp_path / f"c{suffix}").exists()
    with pytest.raises(InputError):
        backup.backup(office_db, path, by=admin)  # never over an existing file
    url = office_db.url
    if office_db.path is None:  # a clerk in the middle of a transaction: no restore under their feet
        with office_db.engine.connect() as other:
            other.execute(text("SELECT count(*) FROM office")).scalar()  # the transaction is open
            with pytest.raises(CivicDeskError) as busy:
                backup.restore(office_db, path, by=admin)
            assert busy.value.code == "restore.busy"
            other.rollback()
    backup.restore(office_db, path, by=admin)
    again = open_database(url)
    try:
        assert content_digest(again) == at_backup
        assert audit.verify(again).ok
    finally:
        again.close()


def test_a_restore_refuses_another_offices_backup_and_a_newer_schema(office_db: Database, tmp_path: Path) -> None:
    admin = auth.create_user(office_db, "admin", "admin123x", "admin")
    suffix = ".sqlite3" if office_db.path is not None else ".dump"
    path = backup.backup(office_db, tmp_path / f"b{suffix}", by=admin)
    with office_db.engine.begin() as conn:  # this database now says it is another office's
        conn.execute(text("UPDATE office SET code = '511100' WHERE is_local"))
    office_db.forget_office()
    before = content_digest(office_db)
    with pytest.raises(CivicDeskError) as err:
        backup.restore(office_db, path, by=admin)
    assert err.value.code == "backup.other_office" and "--force" in err.value.message("en")
    assert content_digest(office_db) == before
    if office_db.path is not None:
        conn = sqlite3.connect(path)
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
        conn.close()
    else:  # a dump of the database as a newer CivicDesk would leave it
        with office_db.engine.begin() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
        path.unlink()
        backup._write(office_db, path)
        with office_db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    with pytest.raises(DatabaseError) as newer:
        backup.restore(office_db, path, by=admin, force=True)
    assert newer.value.code == "backup.newer_schema"
    assert content_digest(office_db) == before


def test_scheduled_backups_keep_n_days_of_this_database_only(db: Database, clock: object) -> None:
    folder = db.path.parent / "backups"  # type: ignore[union-attr]
    folder.mkdir()
    other = folder / "another.backup-20200101-000000.sqlite3"
    mine_but_not_a_backup = folder / "db.backup-notes.txt"
    other.write_bytes(b"x")
    mine_but_not_a_backup.write_bytes(b"x")
    first = backup.scheduled_backup(db, schedule="daily", keep_days=2)
    assert first.made is not None and first.made.parent == folder
    assert backup.scheduled_backup(db, schedule="daily", keep_days=2).made is None  # once a day
    assert backup.scheduled_backup(db, schedule="close", keep_days=2).made is None  # not closing
    clock.advance(days=1)  # type: ignore[attr-defined]
    second = backup.scheduled_backup(db, schedule="daily", keep_days=2)
    assert second.made is not None and not second.removed
    clock.advance(days=2)  # type: ignore[attr-defined]
    third = backup.scheduled_backup(db, schedule="close", keep_days=2, closing=True)
    assert third.made is not None and third.removed == [first.made]
    assert other.exists() and mine_but_not_a_backup.exists()
    with pytest.raises(InputError):
        backup.scheduled_backup(db, schedule="weekly", keep_days=2)


def test_no_backup_lets_a_server_migrate_without_pg_dump(empty_pg: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from civicdesk.models.engine import make_engine
    from civicdesk.models.migrate import head_revision, known_revisions
    from civicdesk.services.core.database import migrate

    engine = make_engine(empty_pg)
    previous = [r for r in known_revisions() if r != head_revision()][-1]
    migrate(engine, empty_pg, previous)
    engine.dispose()
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump
    with pytest.raises(DatabaseError) as err:
        open_database(empty_pg, backup_dir=tmp_path)
    assert err.value.code == "db.pg_dump_missing" and "--no-backup" in err.value.message("en")
    open_database(empty_pg, backup_dir=tmp_path, backup=False).close()
    assert list(tmp_path.iterdir()) == []


def test_the_commands(office_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                      monkeypatch: pytest.MonkeyPatch) -> None:
    admin = auth.create_user(office_db, "admin", "admin123x", "admin")
    del admin
    monkeypatch.setenv("CIVICDESK_PASSWORD", "admin123x")
    url = office_db.url if office_db.path is None else str(office_db.path)
    office_db.close()
    target = tmp_path / "moved.sqlite3"
    code, out, err = run(capsys, "--db", url, "--user", "admin", "db", "copy", "--to", str(target), "--json")
    assert code == 0, err
    assert '"ok": true' in out
    code, out, err = run(capsys, "--db", url, "--user", "admin", "db", "copy", "--to", str(target))
    assert code == 2 and err.count("\n") == 1 and "不是空的" in err
    suffix = ".sqlite3" if "://" not in url else ".dump"
    code, out, err = run(capsys, "--db", url, "--user", "admin", "backup", "-o", str(tmp_path / f"b{suffix}"))
    assert code == 0, err
    code, out, err = run(capsys, "--db", url, "--user", "admin", "restore", str(tmp_path / f"b{suffix}"))
    assert code == 2 and "--yes" in err
    code, out, err = run(capsys, "--db", url, "--user", "admin", "restore", str(tmp_path / f"b{suffix}"), "--yes")
    assert code == 0, err
    assert os.path.exists(tmp_path / f"b{suffix}")
