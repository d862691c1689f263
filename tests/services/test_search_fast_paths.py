"""The register's fast paths against the plain way, on rows where they could differ: a query of 5-7 characters
counted by NEAR of its end 4-grams, a query that could match the ``state`` token without the column filter,
and the whole order of a status-only filter read by one aggregate over the sort index."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from civicdesk.models import Organization
from civicdesk.schema import LIVE_STATUSES, SORT_KEYS
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import make_uscc
from civicdesk.services.register import browse, organizations, search
from tests.factories import social_group

#: names where NEAR of a query's end 4-grams holds without the query (the two overlap, or come in the other
#: order), where the query is there, where ``gone`` is a word, and a tie in the name sort
NAMES = ["甲abca乙丙", "丁baaba戊", "己abcabca庚", "辛aabaab壬", "癸ehuixiehu子", "丑xiehui寅", "Gone卯辰社",
         "巳goner午会", "未ababa申", "酉ababab戌", "同名测试协会", "同名测试协会二", "同名测试协会三"]
QUERIES = ["abcabca", "aabaab", "ababab", "xiehui", "ehuixieh", "gon", "gone", "goner", "go", "laonian",
           "shequ", "同名测试协会", "baaba", "ehuix"]


@pytest.fixture
def tricky_db(db: Database) -> Database:
    added = [organizations.add_organization(db, social_group(name=name, uscc=make_uscc("1", "511111", f"MJ88{i:04d}")))
             for i, name in enumerate(NAMES)]
    with db.unit() as session:  # one gone from the register's default view, one deleted, of each kind
        session.get(Organization, added[0].id).status = "deregistered"
        session.get(Organization, added[6].id).status = "revoked"
        session.get(Organization, added[2].id).deleted_at = datetime.now()
        session.get(Organization, added[10].id).status = "deregistered"
        for twin in added[12:]:  # the same name as a live one (only the registry's form refuses that)
            session.get(Organization, twin.id).name = "同名测试协会"
    return db


def test_near_is_exact_only_where_no_other_placement_fits() -> None:
    assert search._near_is_exact("laonian") and search._near_is_exact("xiehui") and search._near_is_exact("shequ")
    for periodic in ("abcabca", "aabaab", "ababab", "aaaaa"):  # their end 4-grams also meet elsewhere
        assert not search._near_is_exact(periodic), periodic
    assert not search._near_is_exact("老年协会") and not search._near_is_exact("laonianxiehui")  # 4, and > 7
    assert "NEAR" in search.plan("laonian").expression and "NEAR" not in search.plan("ababab").expression
    assert "{" not in search.plan("laonian", live_only=True).expression  # no column filter
    assert "{" in search.plan("gon").expression and "{" in search.plan("gone").expression


def test_near_and_column_free_queries_find_what_like_finds(tricky_db: Database) -> None:
    for query in QUERIES:  # (one database for all: a test each cost a copy of it)
        _same_as_like(tricky_db, query)


def _same_as_like(tricky_db: Database, query: str) -> None:
    o = Organization
    like = search.like_condition(query)
    with tricky_db.read() as session:
        kept = o.deleted_at.is_(None)  # (the index holds the rows not deleted: the register's)
        indexed = set(session.scalars(select(o.id).where(search.condition(session, query), kept)))
        assert indexed == set(session.scalars(select(o.id).where(like, kept))), query
        live = (o.deleted_at.is_(None), o.status.in_(LIVE_STATUSES))
        total = session.scalar(select(func.count()).select_from(o).where(like, *live))
        first = list(session.scalars(select(o.seq).where(like, *live).order_by(o.name_pinyin, o.name, o.seq)
                                     .limit(3)))
    flt = browse.RegisterFilter(text=query)
    assert browse.count(tricky_db, flt) == total, query
    assert [r.seq for r in browse.first_page(tricky_db, flt, "name", False, 3, expected=total)] == first, query
    if query in ("gon", "gone", "goner", "go"):
        assert total >= 1  # the live 巳goner午会: found; the revoked Gone卯辰社: not


def test_whole_order_of_a_status_filter_is_the_plain_order(tricky_db: Database) -> None:
    """Every sort key, both directions, the statuses a clerk picks: the aggregate over the sort index gives the
    rows of the plain ORDER BY in its order (ties in name, a deleted row and rows of other statuses present)."""
    o = Organization
    checked = 0
    for status in ("live", None, "deregistered"):
        flt = browse.RegisterFilter(status=status)
        assert browse._status_only(flt)
        with tricky_db.read() as session:
            where = browse._conditions(session, flt)
            for sort_key in SORT_KEYS:
                columns = ([o.name_pinyin, o.name] if sort_key == "name"
                           else [getattr(o, c) for c in SORT_KEYS[sort_key]]) + [o.seq]
                for descending in (False, True):
                    expected = list(session.scalars(select(o.seq).where(*where).order_by(
                        *[c.desc() if descending else c for c in columns])))
                    got = list(browse.ordered_seqs(tricky_db, flt, sort_key, descending))
                    assert got == expected, (status, sort_key, descending)
                    checked += len(expected) > 1
    assert checked == 3 * 2 * len(SORT_KEYS)
    assert not browse._status_only(browse.RegisterFilter(tier="registered"))
    assert not browse._status_only(browse.RegisterFilter(text="协会"))


def test_three_characters_by_their_terms_find_what_like_finds(tricky_db: Database,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A 3-character query counted and paged by the 4-grams it starts (ORed, from the vocabulary), or by FTS5's
    prefix query when there are more than TERMS_MAX of them: the count and both ends of the name order as LIKE
    gives them (a run ending in the query: its 3-character token; none at all: 0 and no rows)."""
    for terms_max in (search.TERMS_MAX, 0):
        monkeypatch.setattr(search, "TERMS_MAX", terms_max)
        for query in ("abc", "aba", "gon", "xie", "zqx", "同名测", "试协会", "a乙丙", "ing", "egg", "lnx", "老年协"):
            _three_as_like(tricky_db, query)


def _three_as_like(tricky_db: Database, query: str) -> None:
    o = Organization
    like = (search.like_condition(query), o.deleted_at.is_(None), o.status.in_(LIVE_STATUSES))
    order = [o.name_pinyin, o.name, o.seq]
    with tricky_db.read() as session:
        total = session.scalar(select(func.count()).select_from(o).where(*like))
        up = list(session.scalars(select(o.seq).where(*like).order_by(*order).limit(4)))
        down = list(session.scalars(select(o.seq).where(*like).order_by(*[c.desc() for c in order]).limit(4)))
    n, rows = browse.count_and_first_page(tricky_db, browse.RegisterFilter(text=query), "name", False, 4)
    assert (n, [r.seq for r in rows]) == (total, up), query
    n, rows = browse.count_and_first_page(tricky_db, browse.RegisterFilter(text=query), "name", True, 4)
    assert (n, [r.seq for r in rows]) == (total, down), query
    assert browse.count(tricky_db, browse.RegisterFilter(text=query)) == total
    if query in ("zqx", "egg"):
        assert total == 0
