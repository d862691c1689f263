"""The first page read with sqlite3 alone (services/register/first_page.py): the same rows and labels as the services
give, None whenever the normal start has work to do first, no SQLAlchemy imported, nothing written."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from civicdesk.models.migrate import head_revision, script_revisions
from civicdesk.schema import SORT_KEYS
from civicdesk.services.admin import auth
from civicdesk.services.register import browse
from civicdesk.services.register import first_page
from civicdesk.services.register import lookups
from civicdesk.services.register.browse import RegisterFilter, RegisterRow
from civicdesk.services.core.database import make_engine, migrate, open_database

ROOT = Path(__file__).resolve().parents[2]


def test_shared_constants_match_what_they_describe() -> None:
    """The head revision is Alembic's real head, so that a new migration cannot leave the peek behind; the row
    columns are RegisterRow's fields, which the peek fills by name."""
    assert first_page.HEAD_REVISION == head_revision() == script_revisions()[-1]
    assert first_page.ROW_COLUMNS == tuple(f.name for f in dataclasses.fields(RegisterRow))


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort_key", sorted(SORT_KEYS))
def test_rows_equal_browse_first_page(city_db_path: Path, sort_key: str, descending: bool) -> None:
    db = open_database(city_db_path)
    try:
        expected = browse.first_page(db, RegisterFilter(), sort_key, descending, 200)
    finally:
        db.close()
    assert len(expected) == 200
    assert first_page.first_rows(city_db_path, sort_key, descending, 200) == expected


def test_peek_equals_what_the_services_give(city_db_path: Path) -> None:
    db = open_database(city_db_path)
    try:
        rows = browse.first_page(db, RegisterFilter(), "name", False, 200)
        dictionaries, divisions, office = lookups.dictionaries(db), lookups.divisions(db), db.office()
        count = browse.count(db, RegisterFilter())
    finally:
        db.close()
    peeked = first_page.peek(city_db_path)
    assert peeked is not None
    assert peeked.rows == rows
    assert any(r.contact_phone and "*" in r.contact_phone for r in rows)  # masked as the services mask it
    assert any(r.established_on is not None for r in rows) and any(r.is_community for r in rows)
    assert peeked.dictionaries == dictionaries and peeked.divisions == divisions and peeked.office == office
    assert peeked.path == city_db_path.resolve()
    assert peeked.estimate >= count


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_peek_writes_nothing(shawan_db_path: Path) -> None:
    before = _file_digest(shawan_db_path)
    assert first_page.peek(shawan_db_path) is not None
    assert _file_digest(shawan_db_path) == before


def test_none_without_an_office(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    open_database(path).close()  # made and migrated, no office yet: the set-up wizard's case
    assert first_page.peek(path) is None


def test_none_with_accounts(shawan_db_path: Path) -> None:
    assert first_page.peek(shawan_db_path) is not None
    db = open_database(shawan_db_path)
    auth.create_user(db, "admin", "passw0rd-2026", "admin")
    db.close()
    assert first_page.peek(shawan_db_path) is None  # a login comes first


def test_none_for_an_older_schema(shawan_db_path: Path) -> None:
    url = f"sqlite:///{shawan_db_path}"
    engine = make_engine(url)
    migrate(engine, url, script_revisions()[-2], downgrade=True)
    engine.dispose()
    assert first_page.peek(shawan_db_path) is None  # the migration comes first


def test_none_when_rows_wait_for_their_index(shawan_db_path: Path) -> None:
    with sqlite3.connect(shawan_db_path) as conn:  # as after a bulk insert: open_database indexes it
        conn.execute("UPDATE organization SET name_rank = NULL WHERE seq = (SELECT max(seq) FROM organization)")
    assert first_page.peek(shawan_db_path) is None


def test_none_for_what_is_not_a_civicdesk_database(tmp_path: Path) -> None:
    assert first_page.peek(tmp_path / "missing.sqlite3") is None
    (tmp_path / "empty.sqlite3").write_bytes(b"")
    assert first_page.peek(tmp_path / "empty.sqlite3") is None
    (tmp_path / "text.sqlite3").write_text("not a database", encoding="utf-8")
    assert first_page.peek(tmp_path / "text.sqlite3") is None
    with sqlite3.connect(tmp_path / "other.sqlite3") as conn:
        conn.execute("CREATE TABLE t (x)")
    assert first_page.peek(tmp_path / "other.sqlite3") is None


def test_imports_neither_sqlalchemy_nor_the_models(shawan_db_path: Path) -> None:
    code = ("import sys; from civicdesk.services.register import first_page;"
            f"assert first_page.peek({str(shawan_db_path)!r}) is not None;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')"
            " or m.startswith('civicdesk.models')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         check=True)
    assert out.stdout.strip() == "[]"
