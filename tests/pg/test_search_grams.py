"""PostgreSQL's search table ``org_gram`` (migration 0014) follows every way rows change: ORM edits (name, so the
rank; status, so ``live``; deletion), the demo's bulk insert, a ledger import, and a fill after the migration;
after each the table holds exactly the rows computed from the organization table, and the register's count and
first page equal SQLite's.  Sync imports: tests/sync/test_sync_grams.py.  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from civicdesk.models import Organization
from civicdesk.services import ledger
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.register import browse, organizations, search
from civicdesk.services.register.plain import RegisterFilter
from tests.factories import social_group
from tests.helpers import pg
from tests.services.test_ledger_office import TODAY, write_office_ledger


def expected_grams(db: Database) -> set[tuple[str, bool, int]]:
    """What org_gram must hold: every organization not deleted, by the program's own grams."""
    with db.read() as session:
        rows = session.execute(select(*(getattr(Organization, c) for c in search._INDEX_COLUMNS))
                               .where(Organization.deleted_at.is_(None))).mappings().all()
    out = set()
    for r in rows:
        assert r["name_rank"] is not None
        out.update((g, r["status"] in search.LIVE, r["name_rank"]) for g in search.gram_set(dict(r)))
    return out


def stored_grams(db: Database) -> set[tuple[str, bool, int]]:
    with db.read() as session:
        return {tuple(r) for r in session.execute(text("SELECT gram, live, rank FROM org_gram"))}  # type: ignore[misc]


def assert_current(db: Database) -> None:
    assert stored_grams(db) == expected_grams(db)


def same_answers(served: Database, on_file: Database, queries: list[str]) -> None:
    for query in queries:
        for status in ("live", None):
            flt = RegisterFilter(text=query, status=status)
            assert browse.count(served, flt) == browse.count(on_file, flt), (query, status)
            assert (_shown(browse.first_page(served, flt, "name", False, 30))
                    == _shown(browse.first_page(on_file, flt, "name", False, 30))), (query, status)


def _shown(rows: list[Any]) -> list[tuple[Any, ...]]:
    """What a row shows of itself that both offices share (ids are made afresh in each)."""
    return [(r.seq, r.name, r.uscc, r.status) for r in rows]


@pytest.fixture
def pair(db_path: Path, server_templates: dict[str, str]) -> Any:
    """The same empty 沙湾区 office in a file and on the server."""
    server = pg.require_server()
    name = pg.test_database_name()
    served = open_database(pg.create_database(server, name, template=server_templates["empty"]))
    on_file = open_database(db_path)
    yield on_file, served
    on_file.close()
    served.close()
    pg.drop_database(server, name)


@pytest.fixture
def demo_pair(shawan_db_path: Path, server_templates: dict[str, str]) -> Any:
    server = pg.require_server()
    name = pg.test_database_name()
    served = open_database(pg.create_database(server, name, template=server_templates["shawan_demo"]))
    on_file = open_database(shawan_db_path)
    yield on_file, served
    on_file.close()
    served.close()
    pg.drop_database(server, name)


def test_the_demo_bulk_insert_fills_the_table(demo_pair: tuple[Database, Database]) -> None:
    on_file, served = demo_pair
    assert_current(served)
    with served.read() as session:
        assert search.count_live(session, "老年协会") is not None  # answered by the table
        assert search.count_live(session, "会") is None  # one character: the bigram index
    same_answers(served, on_file, ["老年", "老年协", "老年协会", "lnxh", "5151", "51511111MJ"])


def test_edits_status_and_deletion_keep_the_table(pair: tuple[Database, Database]) -> None:
    for db in pair:
        record = organizations.add_organization(db, social_group(name="乐山市沙湾区钵钵鸡行业协会"))
        with db.unit() as session:  # a new name: new grams and a new rank
            session.get(Organization, record.id).name = "乐山市沙湾区跷脚牛肉协会"
        if db is pair[1]:
            assert_current(db)
        with db.unit() as session:  # deregistered: still indexed, no longer live
            session.get(Organization, record.id).status = "deregistered"
        if db is pair[1]:
            assert_current(db)
    same_answers(pair[1], pair[0], ["钵钵", "跷脚牛肉", "qjnr", "bbjh", "协会"])
    for db in pair:
        with db.unit() as session:  # a tombstone leaves the index
            org = session.scalar(select(Organization).where(Organization.name.like("%跷脚%")))
            org.deleted_at = org.updated_at
    assert_current(pair[1])
    assert stored_grams(pair[1]) == set()
    same_answers(pair[1], pair[0], ["跷脚牛肉", "qjnr"])


def test_a_ledger_import_fills_the_table(pair: tuple[Database, Database], tmp_path: Path) -> None:
    path = write_office_ledger(tmp_path / "台账.xlsx")
    for db in pair:
        report = ledger.import_ledger(db, path, skip_invalid=True, legacy=True, today=TODAY)
        assert report.imported and report.new == 4
    assert_current(pair[1])
    same_answers(pair[1], pair[0], ["摄影", "围棋协会", "sy", "9151", "协会"])


def test_an_emptied_table_is_filled_again_on_open(demo_pair: tuple[Database, Database]) -> None:
    _on_file, served = demo_pair
    before = stored_grams(served)
    with served.unit() as session:
        session.execute(text("TRUNCATE org_gram"))
    with served.read() as session:
        assert search.has_pending(session)
    reopened = open_database(served.url)  # as after migration 0014 on a database with rows
    try:
        assert stored_grams(reopened) == before
    finally:
        reopened.close()
