"""PostgreSQL's search table ``org_gram`` (migration 0014) follows every way rows change: ORM edits (name, so the
rank; status, so ``live``; deletion), the demo's bulk insert, a ledger import, and a fill after the migration;
after each the table holds exactly the rows computed from the organization table, and the register's count and
first page equal SQLite's.  Sync imports: tests/sync/test_sync_grams.py.  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from civicdesk.models import Organization
from civicdesk.services import ledger
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.core.validation import make_uscc
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


def expected_counts(grams: set[tuple[str, bool, int]]) -> dict[str, int]:
    """What org_gram_count must sum to: the live rows of each gram that is a whole query."""
    out: dict[str, int] = {}
    for gram, live, _rank in grams:
        if live and search._counted(gram):
            out[gram] = out.get(gram, 0) + 1
    return out


def stored_counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {r[0]: r[1] for r in session.execute(text(
            "SELECT gram, sum(n) FROM org_gram_count GROUP BY gram HAVING sum(n) <> 0"))}


def assert_current(db: Database) -> None:
    expected = expected_grams(db)
    assert stored_grams(db) == expected
    assert stored_counts(db) == expected_counts(expected)


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
        assert search.count_live(session, "会") is None  # one character: the LIKE scan
    same_answers(served, on_file, ["老年", "老年协", "老年协会", "lnxh", "5151", "51511111MJ"])


@pytest.mark.parametrize("sort_min", [search.SORT_MIN, 1])
def test_edits_status_and_deletion_keep_the_table(pair: tuple[Database, Database], sort_min: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """(With ``sort_min`` 1 every insert of grams goes through the temporary table in key order, as a large
    load's do: the same rows.)"""
    monkeypatch.setattr(search, "SORT_MIN", sort_min)
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


@pytest.mark.parametrize("sort_min", [search.SORT_MIN, 1])
def test_a_ledger_import_fills_the_table(pair: tuple[Database, Database], tmp_path: Path, sort_min: int,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "SORT_MIN", sort_min)
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


def test_a_uscc_prefix_is_one_key_and_counts_are_kept(pair: tuple[Database, Database]) -> None:
    """A USCC prefix of up to 10 characters is one key of org_gram (its prefix rows), a longer one a range of
    the whole codes; a 4-gram or a prefix is counted from org_gram_count, whose rows an edit adds only for the
    grams it changes, and a failed flush leaves as they were.  The answers are SQLite's."""
    on_file, served = pair
    for db in pair:
        organizations.add_organization(db, social_group(name="乐山市沙湾区钵钵鸡行业协会", uscc="51511111MJ0000018A"))
        organizations.add_organization(db, social_group(name="沙湾区钵钵鸡协会", uscc="51511111MJ00000265"))
    assert_current(served)
    with served.read() as session:
        assert search.gram_plan("5151110").high is None and search.gram_plan("51511111MJ00").high is not None
        rows_before = session.scalar(text("SELECT count(*) FROM org_gram_count"))
    for db in pair:  # a new legal representative (张三, no 4-gram): the name's grams and the rank stay
        with db.unit() as session:
            org = session.scalar(select(Organization).where(Organization.uscc == "51511111MJ0000018A"))
            org.legal_rep_name = "欧阳明月"
    assert_current(served)
    with served.read() as session:
        added = session.scalar(text("SELECT count(*) FROM org_gram_count")) - rows_before
    assert added == 1  # 欧阳明月's one 4-gram; the grams taken out and put back again cancel out
    with pytest.raises(DBAPIError):  # a flush that fails: its index writes and counts roll back together
        with served.unit() as session:
            org = session.scalar(select(Organization).where(Organization.uscc == "51511111MJ00000265"))
            org.name = "沙湾区麻辣烫协会"
            session.flush()
            session.execute(text("SELECT 1/0"))
    assert_current(served)
    same_answers(served, on_file, ["5151", "5151111", "51511111MJ", "51511111MJ0", "51511111MJ00000265",
                                   "钵钵鸡行", "bbjh", "欧阳明月", "行业协会", "麻辣烫协"])


def test_a_small_change_folds_its_grams_count_rows(pair: tuple[Database, Database],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A change of few grams leaves one row of org_gram_count per gram it touched, its sum exact; a large
    change (here: every change, FOLD_MAX 0) appends one row a gram, which the next small change folds."""
    _on_file, served = pair

    def rows_of(gram: str) -> list[int]:
        with served.read() as session:
            return [n for (n,) in session.execute(text("SELECT n FROM org_gram_count WHERE gram = :g"), {"g": gram})]

    monkeypatch.setattr(search, "FOLD_MAX", 0)
    for i in range(3):
        organizations.add_organization(served, social_group(name=f"沙湾区钵钵鸡协会第{i}分会",
                                                            uscc=make_uscc("1", "511111", f"MJ00{i:04d}")))
    gram = search.grams("钵钵鸡协").split()[0]
    assert rows_of(gram) == [1, 1, 1]  # appended
    assert_current(served)
    monkeypatch.setattr(search, "FOLD_MAX", 2000)
    last = make_uscc("1", "511111", "MJ000999")
    organizations.add_organization(served, social_group(name="沙湾区钵钵鸡协会", uscc=last))
    assert rows_of(gram) == [4]  # folded with this change: one row, the sum
    with served.unit() as session:  # one taken out of the live ones: the row goes down, still one
        org = session.scalar(select(Organization).where(Organization.uscc == last))
        org.status = "revoked"
    assert rows_of(gram) == [3]
    assert_current(served)


def test_the_migration_gives_the_program_s_rows(demo_pair: tuple[Database, Database]) -> None:
    """0019's SQL (the USCC prefix rows, the counts) gives what the program writes, on the demo's rows."""
    import importlib

    migration = importlib.import_module("civicdesk.models.migrations.versions.0019_postgresql_gram_counts")
    _on_file, served = demo_pair
    assert_current(served)
    before = stored_grams(served)
    with served.unit() as session:
        session.execute(text("DELETE FROM org_gram WHERE gram >= '#' AND gram < '$' AND length(gram) <= 11"))
        session.execute(text("TRUNCATE org_gram_count"))
        session.execute(text(migration.PREFIX_ROWS))
        session.execute(text(migration.COUNTS))
    assert stored_grams(served) == before
    assert_current(served)


def test_grams_the_copy_text_cannot_hold_are_written_as_they_are(pair: tuple[Database, Database]) -> None:
    """The grams go to the server as COPY's text lines made by one join (search._gram_lines); an organization
    whose grams hold what that text escapes (here a USCC no check has seen, with a tab and a backslash) is
    written row by row by the driver instead, beside ordinary ones: the table holds every gram as it is."""
    _on_file, served = pair
    odd = {"seq": 1, "name": "沙湾区钵钵鸡协会", "address": "沙湾区\t嘉农镇", "legal_rep_name": "张三",
           "name_pinyin": "shawanqubobojixiehui", "name_initials": "swqbbjxh", "uscc": "51\\51\t11", "status": "active",
           "deleted_at": None, "name_rank": 7}
    plain = {**odd, "seq": 2, "uscc": "51511111MJ00000265", "status": "revoked", "name_rank": 9}
    assert search._gram_lines(search.gram_set(odd), True, 7) is None
    assert search._gram_lines(set(), True, 7) is None
    with served.unit() as session:
        search._write_grams(session, [odd, plain], delete=False, uscc=True, defer=False, count=False)
    expected = {(g, True, 7) for g in search.gram_set(odd)} | {(g, False, 9) for g in search.gram_set(plain)}
    assert "#51\\51\t11" in {g for g, _, _ in expected}
    assert stored_grams(served) == expected


def test_grams_made_in_the_keys_order_are_in_the_servers_order(pair: tuple[Database, Database]) -> None:
    """made_grams with the rows' ranks (a sync package's organizations) gives the grams in the order of org_gram's
    key as the server orders it ("C" collation: characters outside the BMP, full-width letters folded, escaped
    characters); loaded by one COPY (search.load_ordered_grams) into the emptied table, the rows lie in that
    order (ctid), so that the key made over them finds them sorted, and they are exactly the rows' grams."""
    _on_file, served = pair
    rows = [{"name": "ＡＢ老年𠀀协会", "address": "Zz 9", "legal_rep_name": None, "uscc": "51\\51\t11",
             "status": "active", "rank": 3},
            {"name": "沙湾区老年协会", "address": "嘉农镇", "legal_rep_name": "张三", "uscc": "51511111MJ00000265",
             "status": "revoked", "rank": -(1 << 40)},
            {"name": "沙湾区老年协会", "address": None, "legal_rep_name": None, "uscc": None, "status": "active",
             "rank": 1 << 40}]
    values = [(r["name"], None, None, r["address"], r["legal_rep_name"], r["uscc"], r["status"]) for r in rows]
    made = search.made_grams(values, [r["rank"] for r in rows])
    with served.unit() as session:
        assert search.begin_load(session)
        search.load_ordered_grams(session, made.ordered)
        laid = [tuple(r) for r in session.execute(text("SELECT gram, live, rank FROM org_gram ORDER BY ctid"))]
        keyed = [tuple(r) for r in session.execute(text("SELECT gram, live, rank FROM org_gram"
                                                        " ORDER BY gram, live, rank"))]
        search.end_load(session, made.counts)
    assert laid == keyed and len(laid) == len(set(laid))
    assert set(laid) == {(g, r["status"] in search.LIVE, r["rank"])
                         for r, grams in zip(rows, made.sets, strict=True) for g in grams}
    assert ("#51\\51\t11", True, 3) in laid and any("𠀀" in g for g, _, _ in laid)
    assert stored_counts(served) == expected_counts(stored_grams(served))
