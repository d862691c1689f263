"""PostgreSQL's search condition (``search.condition``: every search with another filter or sort) without the
bigram index of 0013 (dropped by 0020): every query kind, with another filter and with another sort, gives
SQLite's rows and the LIKE scan's, on the 沙湾区 demo with rows added where the paths could differ: a gone
organization (indexed, not live), a deleted one (not indexed), and live rows holding the 4-grams of a long query
apart.  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from civicdesk.models import Organization
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.core.validation import make_uscc
from civicdesk.services.register import browse, organizations, search
from civicdesk.services.register.plain import RegisterFilter
from tests.factories import social_group
from tests.helpers import pg

#: the query kinds: 2, 3, 4 characters (a key or a range of org_gram), 5-7 and 8 or more (the rows of the rarest
#: 4-gram checked by LIKE), full pinyin, initials, USCC short and long prefixes, punctuation (the rarest key of its
#: runs checked by LIKE; without a run of two the LIKE scan), one character (the LIKE scan), mixed-case ASCII, and
#: queries only the gone row (沙湾区钵钵鸡研究会 on 钵钵路) or only the deleted one (跷脚牛肉) matches
QUERIES = {
    "2": ["铜河", "钵钵"], "3": ["工程造", "钵钵鸡"], "4": ["行业协会", "钵钵鸡研"],
    "5-7": ["工程造价协", "钵钵鸡研究会", "xiehui"], "8+": ["沙湾区工程造价行业", "shawanqugongcheng"],
    "pinyin": ["gongchengzaojia", "bobojiyanjiu"], "initials": ["gczj", "swqgczjxh", "bbjy"],
    "uscc": ["5151", "51511111MJ0", "91511111"],
    "punctuation": ["工程-造价", "铜河 街道", "87号、", "嘉农镇(钵钵", "(钵钵鸡)3号", "沙湾区嘉农镇(钵钵鸡", "a-b"],
    "one": ["会", "Q"], "mixed case": ["XieHui", "ShaWanQu", "GCZJ"],
    "gone only": ["钵路", "钵钵路", "镇钵钵路", "钵钵鸡研究会", "bobojiyanjiuhui", "bbjyjh"],
    "deleted only": ["跷脚牛肉", "跷脚牛肉研究", "qjnryj"],
}
ALL = [q for kind in QUERIES.values() for q in kind]


def _add_rows(db: Database) -> None:
    """A gone row that matches 钵钵鸡研究会, a deleted one, and two live rows holding that query's 4-grams but not
    the query (钵钵鸡研究所, an address on 鸡研究会路): the LIKE check must take them out."""
    rows = [("沙湾区钵钵鸡研究会", "沙湾区葫芦镇钵钵路1号", "MJ910001"),
            ("沙湾区跷脚牛肉研究会", "沙湾区铜河路2号", "MJ910002"),
            ("乐山市钵钵鸡研究所", "沙湾区嘉农镇(钵钵鸡)3号", "MJ910003"),
            ("沙湾区棋牌协会", "沙湾区鸡研究会路4号", "MJ910004")]
    ids = [organizations.add_organization(db, social_group(name=name, address=address,
                                                           uscc=make_uscc("1", "511111", code))).id
           for name, address, code in rows]
    with db.unit() as session:
        session.get(Organization, ids[0]).status = "deregistered"
        deleted = session.get(Organization, ids[1])
        deleted.deleted_at = deleted.updated_at


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, templates: dict[str, Path],
         server_templates: dict[str, str]) -> Iterator[tuple[Database, Database]]:
    """The demo with the added rows on both back ends, shared by the module's tests (they only read)."""
    server = pg.require_server()
    name = pg.test_database_name()
    served = open_database(pg.create_database(server, name, template=server_templates["shawan_demo"]))
    path = tmp_path_factory.mktemp("condition") / "shawan.sqlite3"
    path.write_bytes(templates["shawan_demo"].read_bytes())
    on_file = open_database(path)
    for db in (on_file, served):
        _add_rows(db)
    yield on_file, served
    on_file.close()
    served.close()
    pg.drop_database(server, name)


def _like_seqs(db: Database, query: str, flt: RegisterFilter) -> set[int]:
    """The reference: the rows the filter keeps whose text holds the query, by the LIKE scan alone."""
    o = Organization
    with db.read() as session:
        where = browse._conditions(session, flt, search.like_condition(query, ilike=True))
        return set(session.scalars(select(o.seq).where(*where)))


def _shown(rows: list[Any]) -> list[tuple[Any, ...]]:
    """What a row shows of itself that both offices share (the added rows' ids are made afresh in each; SQLite's
    USCC order reads its index by raw SQL, which gives the date as text)."""
    return [(r.seq, r.name, r.uscc, r.status, str(r.established_on)) for r in rows]


@pytest.mark.parametrize("query", ALL)
def test_a_filtered_or_sorted_search_gives_sqlite_s_rows_and_the_like_scan_s(
        both: tuple[Database, Database], query: str) -> None:
    on_file, served = both
    ways = ((RegisterFilter(text=query, status=None, legal_form="social_group"), "name", False),
            (RegisterFilter(text=query, status=None), "established_on", True),
            (RegisterFilter(text=query), "uscc", False),
            (RegisterFilter(text=query), "name", False), (RegisterFilter(text=query), "name", True))
    for flt, sort_key, descending in ways:
        seqs = list(browse.ordered_seqs(served, flt, sort_key, descending))
        assert seqs == list(browse.ordered_seqs(on_file, flt, sort_key, descending)), (query, flt)
        assert set(seqs) == _like_seqs(served, query, flt), (query, flt)
        assert browse.count(served, flt) == browse.count(on_file, flt) == len(seqs), (query, flt)
        assert (_shown(browse.first_page(served, flt, sort_key, descending, 20))
                == _shown(browse.first_page(on_file, flt, sort_key, descending, 20))), (query, flt)


CHECKED = [q for q in QUERIES["5-7"] + QUERIES["8+"] + QUERIES["pinyin"] + QUERIES["punctuation"] + QUERIES["gone only"]
           if q != "a-b"]  # (no run of two: no key, the LIKE scan)


@pytest.mark.parametrize("query", CHECKED)
def test_the_checked_first_page_gives_the_like_scan_s_first_ranks(both: tuple[Database, Database], query: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The first page in name order of a long query or one with punctuation, walked along its rarest key (at a
    million for keys of 3,000 live rows and more: every key here, with the threshold 0), both ways, live or not:
    the LIKE scan's first ranks, and SQLite's page."""
    on_file, served = both
    monkeypatch.setattr(search, "CHECKED_PAGE_MIN", 0)
    o = Organization
    with served.read() as session:
        for live_only in (True, False):
            where = [o.deleted_at.is_(None), o.name_rank.is_not(None), search.like_condition(query, ilike=True)]
            if live_only:
                where.append(o.status.in_(search.LIVE))
            for descending in (False, True):
                order = o.name_rank.desc() if descending else o.name_rank
                expected = list(session.scalars(select(o.name_rank).where(*where).order_by(order).limit(3)))
                got = search.first_ranks(session, query, 3, descending=descending, live_only=live_only)
                assert got == expected, (query, live_only, descending)
    for descending in (False, True):
        flt = RegisterFilter(text=query)
        assert (_shown(browse.first_page(served, flt, "name", descending, 20))
                == _shown(browse.first_page(on_file, flt, "name", descending, 20))), query


def test_the_added_rows_reach_every_path(both: tuple[Database, Database]) -> None:
    """The gone row is found with every status and not by default; the deleted one never; and the candidates of a
    long query and of queries with punctuation (the rows of their rarest key) hold rows that their LIKE takes out."""
    _on_file, served = both
    for query in QUERIES["gone only"]:
        assert browse.count(served, RegisterFilter(text=query, status=None, legal_form="social_group")) == 1, query
        assert browse.count(served, RegisterFilter(text=query, legal_form="social_group")) == 0, query
    for query in QUERIES["deleted only"]:
        assert browse.count(served, RegisterFilter(text=query, status=None)) == 0, query
    for query in ("嘉农镇(钵钵", "(钵钵鸡)3号", "沙湾区嘉农镇(钵钵鸡"):
        assert browse.count(served, RegisterFilter(text=query, status=None)) == 1, query
    with served.read() as session:  # the keys' rows hold more than the query's: the LIKE check takes them out
        for query, kind in (("钵钵鸡研究会", "4-gram"), ("嘉农镇(钵钵", "range"), ("沙湾区嘉农镇(钵钵鸡", "4-gram")):
            key = search.rarest_key(session, query)
            assert key is not None and (key.high is None) == (kind == "4-gram"), query
            held = session.scalar(select(func.count()).select_from(Organization).where(
                Organization.deleted_at.is_(None), Organization.name_rank.in_(search._gram_ranks(key))))
            assert held and held >= 2, query
        assert search.rarest_key(session, "a-b") is None


def test_0020_drops_the_bigram_index_and_its_downgrade_makes_it_again(server_templates: dict[str, str]) -> None:
    from civicdesk.models.engine import make_engine
    from civicdesk.services.core.database import migrate

    server = pg.require_server()
    name = pg.test_database_name()
    url = pg.create_database(server, name, template=server_templates["shawan_demo"])  # at head: 0020 applied
    engine = make_engine(url)

    def present() -> tuple[bool, bool]:
        with engine.connect() as conn:
            index = conn.exec_driver_sql("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_organization_bigrams'")
            function = conn.exec_driver_sql("SELECT 1 FROM pg_proc WHERE proname = 'civicdesk_bigrams'")
            return index.first() is not None, function.first() is not None

    try:
        assert present() == (False, False)
        migrate(engine, url, "0019", downgrade=True)
        assert present() == (True, True)
        with engine.connect() as conn:  # the index made again answers as 0013's did: the demo's 协会 rows
            found = conn.exec_driver_sql(
                "SELECT count(*) FROM organization WHERE civicdesk_bigrams(lower((coalesce(name, '') || chr(1)"
                " || coalesce(address, '') || chr(1) || coalesce(legal_rep_name, '') || chr(1)"
                " || coalesce(name_pinyin, '') || chr(1) || coalesce(name_initials, '')) COLLATE \"C\"))"
                " @> ARRAY['协会']").scalar()
            assert found and found > 100
        migrate(engine, url, "0020")
        assert present() == (False, False)
    finally:
        engine.dispose()
        pg.drop_database(server, name)
