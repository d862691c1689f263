"""The register's order does not depend on the server's locale: a database made with the Chinese ICU collation
(as an IT department may make it, where ``a`` sorts before ``A`` and NULLs last) gives SQLite's order, because
the sort columns compare by code point there (migration 0013).  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from civicdesk.schema import SORT_KEYS
from civicdesk.services.admin import auth
from civicdesk.services.admin.office import init_office
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.core.validation import make_uscc
from civicdesk.services.register import browse, organizations
from civicdesk.services.register.plain import RegisterFilter
from tests.factories import social_group
from tests.helpers import pg
from tests.helpers.sync import SHAWAN

#: names whose order differs between code points (SQLite) and the zh-CN collation: the same pinyin told apart
#: by letter case (NULLs, first on both, are in tests/pg/test_search_parity.py's demo: guided rows have no USCC)
NAMES = ["乐山市沙湾区a协会", "乐山市沙湾区A协会", "乐山市沙湾区B协会", "乐山市沙湾区b协会"]


@pytest.fixture
def zh_server() -> Iterator[Database]:
    server = pg.require_server()
    name = pg.test_database_name()
    with pg._admin(server) as conn:
        conn.exec_driver_sql(f"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu"  # type: ignore[attr-defined]
                             " ICU_LOCALE 'zh-CN' LOCALE 'C.UTF-8'")
    db = open_database(make_url(server).set(database=name).render_as_string(hide_password=False))
    try:
        init_office(db, code=SHAWAN[0], name=SHAWAN[1], level=SHAWAN[2])
        yield db
    finally:
        db.close()
        pg.drop_database(server, name)


def _fill(db: Database) -> None:
    admin = auth.create_user(db, "admin", "admin123x", "admin")
    for n, name in enumerate(NAMES):
        organizations.add_organization(db, social_group(name=name, uscc=make_uscc("1", "511111", f"MJ9000{n:02d}")),
                                       by=admin)


def test_a_chinese_collation_server_sorts_as_sqlite(zh_server: Database, db: Database) -> None:
    on_file = db
    _fill(on_file)
    _fill(zh_server)
    for sort_key in ("name", "uscc", "legal_rep_name"):
        assert sort_key in SORT_KEYS
        for descending in (False, True):
            served = [r.name for r in browse.first_page(zh_server, RegisterFilter(), sort_key, descending)]
            filed = [r.name for r in browse.first_page(on_file, RegisterFilter(), sort_key, descending)]
            assert served == filed, (sort_key, descending)
            assert (list(browse.ordered_seqs(zh_server, RegisterFilter(), sort_key, descending))
                    == list(browse.ordered_seqs(on_file, RegisterFilter(), sort_key, descending)))
    assert [r.name for r in browse.first_page(on_file, RegisterFilter(), "name")][:2] == NAMES[1::-1]  # A < a
