"""Name ranks: the search index's rowid follows the register's name sort through every kind of change."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.generate import generate_organizations, insert_communities
from civicdesk.models import Organization
from civicdesk.services.register import browse
from civicdesk.services.register import organizations
from civicdesk.services.register import search
from civicdesk.services.core.bulk import insert_rows, stamped
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import make_uscc
from tests.factories import social_group


def _check_ranks(path: Path) -> int:
    """Ranks unique and in (pinyin, name, seq) order for every row not deleted; none for deleted rows; the
    index holds exactly the rows not deleted.  Returns how many rows are ranked."""
    conn = sqlite3.connect(path)
    try:
        by_rank = [r[0] for r in conn.execute(
            "SELECT seq FROM organization WHERE deleted_at IS NULL ORDER BY name_rank")]
        by_name = [r[0] for r in conn.execute(
            "SELECT seq FROM organization WHERE deleted_at IS NULL ORDER BY name_pinyin, name, seq")]
        assert by_rank == by_name
        ranks = conn.execute("SELECT count(name_rank), count(DISTINCT name_rank) FROM organization"
                             " WHERE deleted_at IS NULL").fetchone()
        assert ranks == (len(by_name), len(by_name))
        assert conn.execute("SELECT count(*) FROM organization WHERE deleted_at IS NOT NULL"
                            " AND name_rank IS NOT NULL").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM org_text_docsize").fetchone()[0] == len(by_name)
        indexed = {r[0] for r in conn.execute("SELECT id FROM org_text_docsize")}
        ranked = {r[0] for r in conn.execute("SELECT name_rank FROM organization WHERE deleted_at IS NULL")}
        assert indexed == ranked
        return len(by_name)
    finally:
        conn.close()


def _uscc(i: int) -> str:
    return make_uscc("1", "511111", f"MJ99{i:04d}")


def _bulk(db: Database, count: int, seed: int, uscc: bool = True) -> list[dict]:
    rows = generate_organizations(count, seed=seed)
    for row in rows if not uscc else []:  # another seed's USCCs may repeat these
        row["uscc"] = None
    with db.unit() as session:
        insert_communities(session, seed=seed)  # the invented communities the rows point to
        prepared = stamped(rows, datetime.now())
        search.prepare_rows(session, prepared)
        insert_rows(session, [(Organization.__table__, prepared)])
        search.index_rows(session, prepared)
    return prepared


def test_ranks_follow_bulk_inserts_orm_edits_and_deletes(db: Database) -> None:
    path = db.path
    assert path is not None
    before = _check_ranks(path)
    _bulk(db, 400, seed=1)  # many rows at once: placed by one merge with the ranked rows
    assert _check_ranks(path) == before + 400
    _bulk(db, 5, seed=2, uscc=False)  # few: placed by index probes
    assert _check_ranks(path) == before + 405
    added = [organizations.add_organization(db, social_group(name=name, uscc=_uscc(i)))
             for i, name in enumerate(("阿坝摄影协会", "乐山市摄影协会", "乐山市摄影家协会", "中国摄影协会乐山分会"))]
    assert _check_ranks(path) == before + 409
    with db.unit() as session:
        session.get(Organization, added[0].id).name = "犍为县摄影家协会"  # moves to another place
        session.get(Organization, added[1].id).address = "四川省乐山市市中区嘉定北路1号"  # stays
        session.get(Organization, added[2].id).deleted_at = datetime.now()  # leaves the register
    assert _check_ranks(path) == before + 408
    assert browse.search_organizations(db, "犍为县摄影家")[0] == 1
    assert browse.search_organizations(db, "嘉定北路1号")[0] >= 1
    with db.unit() as session:
        session.get(Organization, added[2].id).deleted_at = None  # back again
    assert _check_ranks(path) == before + 409


# 100 rows before and 100 in bulk after in the default run; 300 and 300 with -m slow
@pytest.mark.parametrize("size", [100, pytest.param(300, marks=pytest.mark.slow)])
def test_used_up_gaps_are_spread_again(db: Database, monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """With ranks 4 apart, every few inserts at one place use the gap up: the neighbours move, and the index
    moves with them."""
    path = db.path
    assert path is not None
    _bulk(db, size, seed=3)
    monkeypatch.setattr(search, "STEP", 4)
    with db.unit() as session:
        search.rebuild(session)
    spread = []
    original = search._respread
    monkeypatch.setattr(search, "_respread", lambda session, rows: (spread.extend(rows), original(session, rows)))
    for i in range(12):  # names that sort one after another: each new row goes right after the last
        organizations.add_organization(db, social_group(name=f"乐山市重复名称测试协会{i:02d}", uscc=_uscc(100 + i)))
        _check_ranks(path)
    spread_one_by_one = len(spread)
    _bulk(db, size, seed=4, uscc=False)  # and in bulk, into gaps of 4
    total = _check_ranks(path)
    assert browse.search_organizations(db, "重复名称")[0] == 12
    assert spread_one_by_one >= 4 and len(spread) > spread_one_by_one  # gaps were used up and spread again
    with db.read() as session:
        assert search.index_count(session) == total


@pytest.mark.parametrize("query", ["通江", "协会", "lnxh", "5151", "laonian", "犍为县", "51511111MJ"])
@pytest.mark.parametrize("descending", [False, True])
def test_first_page_from_the_index_is_the_sorted_first_page(city_db_read: Database, query: str,
                                                            descending: bool) -> None:
    """The index's first ranks are the first rows of ORDER BY pinyin, name, seq over the LIKE scan."""
    flt = browse.RegisterFilter(text=query)
    got = [r.seq for r in browse.first_page(city_db_read, flt, "name", descending, 60)]
    o = Organization
    order = [o.name_pinyin, o.name, o.seq]
    with city_db_read.read() as session:
        expected = list(session.scalars(
            select(o.seq).where(search.like_condition(query), o.deleted_at.is_(None),
                                o.status.in_(search.LIVE))
            .order_by(*[c.desc() for c in order] if descending else order).limit(60)))
        total = session.scalar(select(func.count()).select_from(o).where(
            search.like_condition(query), o.deleted_at.is_(None), o.status.in_(search.LIVE)))
    assert got == expected and len(got) == min(60, total) and total > 0
    assert browse.count(city_db_read, flt) == total


def test_long_uscc_prefix_uses_the_uscc_index(city_db_read: Database) -> None:
    with city_db_read.read() as session:
        uscc = session.scalar(select(Organization.uscc).where(Organization.uscc.isnot(None)).limit(1))
    for length in (2, 10, 11, 17, 18):
        prefix = uscc[:length]
        match = search.plan(prefix)
        assert match is not None and match.uscc_prefix == prefix
        assert (match.table is None) == (length > search.USCC_TOKENS)
        flt = browse.RegisterFilter(text=prefix)
        rows = browse.first_page(city_db_read, flt, "name", False, 30)
        assert rows and all(r.uscc.startswith(prefix) for r in rows)
        assert browse.count(city_db_read, flt) >= len(rows)


@pytest.mark.parametrize("sort_key", ["name", "established_on", "division", "uscc"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("text", ["", "协会", "5151"])
def test_ordered_seqs_is_the_plain_order(city_db_read: Database, sort_key: str, descending: bool, text: str) -> None:
    """The whole order, read as one JSON array, is exactly the rows of the plain ORDER BY, in its order."""
    flt = browse.RegisterFilter(text=text)
    with city_db_read.read() as session:
        o = Organization
        columns = ([o.name_pinyin, o.name] if sort_key == "name"
                   else [getattr(o, c) for c in browse.SORT_KEYS[sort_key]]) + [o.seq]
        expected = list(session.scalars(select(o.seq).where(*browse._conditions(session, flt))
                                        .order_by(*[c.desc() if descending else c for c in columns])))
    got = browse.ordered_seqs(city_db_read, flt, sort_key, descending)
    assert list(got) == expected and len(expected) > 100


def _text_index_sql(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT sql FROM sqlite_master WHERE name = 'org_text'").fetchone()[0]


def test_upgrade_to_0007_fills_the_remade_text_index(shawan_db_path: Path) -> None:
    """0007 makes org_text again without the 3-character prefix index; opening the database writes its rows
    from the ranks as they are (no new layout), and every search finds what the LIKE scan finds."""
    from sqlalchemy.orm import Session

    from civicdesk.models.engine import make_engine
    from civicdesk.services.core.database import migrate, open_database

    url = f"sqlite:///{shawan_db_path}"
    engine = make_engine(url)
    migrate(engine, url, "0006", downgrade=True)
    with Session(engine) as session, session.begin():  # the database as 0006's code leaves it
        search.index_pending(session)
    engine.dispose()
    assert "prefix='2 3'" in _text_index_sql(shawan_db_path)
    with sqlite3.connect(shawan_db_path) as conn:
        ranks = dict(conn.execute("SELECT seq, name_rank FROM organization WHERE deleted_at IS NULL"))
    db = open_database(shawan_db_path)
    try:
        assert "prefix='2'" in _text_index_sql(shawan_db_path)
        with sqlite3.connect(shawan_db_path) as conn:
            for table in ("org_text", "org_uscc"):
                assert conn.execute(f"SELECT v FROM {table}_config WHERE k = 'hashsize'").fetchone() == (32 << 20,)
        with sqlite3.connect(shawan_db_path) as conn:
            assert dict(conn.execute("SELECT seq, name_rank FROM organization WHERE deleted_at IS NULL")) == ranks
        assert _check_ranks(shawan_db_path) == len(ranks) > 500
        with db.read() as session:
            for query in ["沙湾", "沙湾区", "社区", "协会", "老年协会", "lnx", "swq", "shawan", "515111", "七星村"]:
                indexed = set(session.scalars(select(Organization.id).where(search.condition(session, query))))
                like = set(session.scalars(select(Organization.id).where(search.like_condition(query))))
                assert indexed == like, query
                assert like or query in ("lnx", "七星村"), query
    finally:
        db.close()
