"""Opening databases: ours, not ours, newer than us; migrations with a backup first; verify."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, select

from civicdesk.errors import DatabaseError
from civicdesk.models import Organization
from civicdesk.models.engine import make_engine
from civicdesk.models.migrate import REVISIONS, head_revision, known_revisions, script_revisions
from civicdesk.models.engine import PAGE_CACHE_KIB
from civicdesk.services.core.database import Database, migrate, open_database, upgrade
from civicdesk.services.admin.maintenance import verify
from tests.helpers.db import digest


def test_new_database_is_migrated_to_head_with_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -PAGE_CACHE_KIB  # 8 MB, not 2 MB
        report = verify(db)
        assert report.ok and report.schema_revision == head_revision()
        assert not list(tmp_path.glob("*.before-*"))  # nothing to back up in a new file
    finally:
        db.close()


def test_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("这不是数据库\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert err.value.code == "db.not_a_database"
    assert str(path) in err.value.message("zh")
    assert path.read_bytes() == before


def test_other_programs_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseError) as err:
        open_database(path)
    assert err.value.code == "db.not_civicdesk"
    assert "invoices" in err.value.message("en")
    assert digest(path) == before


def test_newer_schema_is_refused_untouched(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseError) as err:
        open_database(db_path)
    assert err.value.code == "db.newer_schema"
    assert "9999_from_the_future" in err.value.message("zh")
    assert digest(db_path) == before
    assert not list(db_path.parent.glob("*.before-*"))


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as err:
        open_database(tmp_path / "no" / "such" / "x.sqlite3")
    assert err.value.code == "db.cannot_open"


def _first_revision() -> str:
    return script_revisions()[0]


def test_databases_of_a_process_share_compiled_statements_and_nothing_else(tmp_path: Path) -> None:
    """Two files opened in one process: a statement compiled for the first is not compiled again for the
    second (one dialect, one cache), and each still reads its own rows."""
    table = Table("t", MetaData(), Column("x", Integer))
    engines = [make_engine(f"sqlite:///{tmp_path / name}") for name in ("a.sqlite3", "b.sqlite3")]
    assert engines[0].dialect is engines[1].dialect
    cache = engines[0].get_execution_options()["compiled_cache"]
    assert cache is engines[1].get_execution_options()["compiled_cache"]
    query = select(table.c.x).where(table.c.x > 0).order_by(table.c.x)
    for number, engine in enumerate(engines, 1):
        with engine.begin() as conn:
            table.create(conn)
            conn.execute(table.insert(), [{"x": number}, {"x": number * 10}])
    seen = []
    for engine in engines:
        with engine.connect() as conn:
            seen.append(conn.execute(query).scalars().all())
        if len(seen) == 1:
            size = len(cache)
    assert seen == [[1, 10], [2, 20]]
    assert len(cache) == size  # the second file used the first one's compiled query
    for engine in engines:
        engine.dispose()


def test_known_revisions_are_the_scripts() -> None:
    assert list(REVISIONS) == script_revisions()
    assert known_revisions() == set(REVISIONS) and head_revision() == REVISIONS[-1]


def test_migrations_on_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'stepwise.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine, url, _first_revision())
    upgrade(engine, url, "head")
    engine.dispose()
    db = open_database(tmp_path / "stepwise.sqlite3")
    assert verify(db).ok
    db.close()


def test_upgrade_of_a_populated_database_keeps_data_and_backs_up(shawan_db_path: Path) -> None:
    """A populated database at the first revision is backed up, migrated to head, and keeps every row."""
    first = _first_revision()
    assert first != head_revision()
    url = f"sqlite:///{shawan_db_path}"
    engine = make_engine(url)
    migrate(engine, url, first, downgrade=True)
    engine.dispose()
    with sqlite3.connect(shawan_db_path) as conn:
        count = conn.execute("SELECT count(*) FROM organization").fetchone()[0]
        people = conn.execute("SELECT count(*) FROM org_person").fetchone()[0]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == first
    assert count > 500
    db = open_database(shawan_db_path)
    try:
        with db.read() as session:
            assert len(session.scalars(select(Organization.id)).all()) == count
            assert session.scalars(select(Organization.seq).where(Organization.seq.is_(None))).first() is None
            with_rep = session.scalars(select(Organization.legal_rep_name).where(Organization.tier == "registered"))
            assert all(with_rep)
        report = verify(db)
        assert report.ok, report
        from civicdesk.services.register import search

        with db.read() as session:
            assert search.index_count(session) == count
    finally:
        db.close()
    backups = list(shawan_db_path.parent.glob("*.before-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT count(*) FROM organization").fetchone()[0] == count
        assert conn.execute("SELECT count(*) FROM org_person").fetchone()[0] == people
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == first


def test_verify_finds_a_broken_foreign_key(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(
        "INSERT INTO org_person (id, organization_id, role, name, is_current, origin_office, version, version_vector,"
        " created_at, updated_at) VALUES ('p1', 'no-such-org', 'director', '某人', 1, '511111', 1, '{}',"
        " '2021-01-01', '2021-01-01')"
    )
    conn.commit()
    conn.close()
    db = open_database(db_path)
    try:
        report = verify(db)
        assert not report.ok
        assert report.foreign_key_violations[0]["table"] == "org_person"
    finally:
        db.close()


def test_migrations_build_exactly_the_models(db: Database) -> None:
    """The schema the migrations make is the schema the models declare (Alembic's own comparison)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from civicdesk.models import Base

    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    # FTS5 shadow tables of the search index are not models, nor the summary the triggers keep (0018)
    differences = [d for d in differences
                   if not (d[0] == "remove_table"
                           and d[1].name.startswith(("org_text", "org_uscc", "organization_summary")))]
    assert differences == []


def test_a_new_database_from_the_process_image_is_the_migrated_one(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The second new database a process makes is written from the pages of the first, which Alembic made:
    byte for byte the file a migration makes (two migrations make the same bytes), and a sound register."""
    from civicdesk.services.core import database

    def pages(path: Path) -> bytes:
        conn = sqlite3.connect(path)
        try:
            return conn.serialize()
        finally:
            conn.close()

    monkeypatch.setattr(database, "_new_images", {})
    made: list[Path] = []
    for name in ("migrated", "from_image"):
        path = tmp_path / f"{name}.sqlite3"
        open_database(path).close()
        made.append(path)
        assert list(database._new_images) == [head_revision()]  # the first one filled it
    monkeypatch.setattr(database, "_new_images", {})
    again = tmp_path / "migrated_again.sqlite3"
    open_database(again).close()
    assert pages(made[0]) == pages(again)  # migrations are deterministic
    assert pages(made[1]) == pages(made[0])
    assert digest(made[1]) == digest(made[0])
    db = open_database(made[1])
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
        assert verify(db).ok
    finally:
        db.close()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "from_image.sqlite3", "migrated.sqlite3", "migrated_again.sqlite3"]  # no temporary file left


def test_a_new_database_never_overwrites_a_file_that_appeared(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The image goes in by a hard link, which fails when the path exists: a file another program created meanwhile
    stays as it is."""
    from civicdesk.services.core import database

    monkeypatch.setattr(database, "_new_images", {head_revision(): b"not these pages"})
    path = tmp_path / "theirs.sqlite3"
    path.write_bytes(b"")
    database._create_from_image(path)
    assert path.read_bytes() == b""
    assert [p.name for p in tmp_path.iterdir()] == ["theirs.sqlite3"]
