"""Search, sort and the register's table on PostgreSQL give the answers SQLite gives: the 沙湾区 demo on both back
ends (copies of the run's templates, tests/conftest.py), every query kind of bench_register and a sample of the
names' own substrings, compared row for row and in order.  Needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from civicdesk.schema import SORT_KEYS
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.register import browse
from civicdesk.services.register.plain import RegisterFilter
from tests.helpers import pg

#: bench_register's query kinds (2-character, 3, 4-character Chinese, USCC prefix, pinyin initials, full pinyin),
#: a one-character query and punctuation (the LIKE scan on both), a long USCC prefix, an address, a name
QUERIES = ["铜河", "老年协", "老年协会", "5151111", "51511111MJ", "lnxh", "laonian", "LNXH", "会", "老年-协会",
           "zz不存在"]


@pytest.fixture
def both(shawan_db_path: Path, server_templates: dict[str, str]) -> tuple[Database, Database]:
    server = pg.require_server()
    name = pg.test_database_name()
    served = open_database(pg.create_database(server, name, template=server_templates["shawan_demo"]))
    on_file = open_database(shawan_db_path)
    yield on_file, served
    on_file.close()
    served.close()
    pg.drop_database(server, name)


def _sample(db: Database) -> list[str]:
    """Substrings of the register's own names, addresses and pinyin, 2 to 6 characters, the same every run."""
    rows = browse.first_page(db, RegisterFilter(), "name", False, 1000)
    rng = random.Random(19)
    out = []
    for row in rng.sample(rows, 3):
        for value in (row.name, row.address or row.name):
            size = rng.randint(2, 6)
            start = rng.randint(0, max(0, len(value) - size))
            out.append(value[start:start + size])
    return out


def test_search_gives_the_same_rows_in_the_same_order(both: tuple[Database, Database]) -> None:
    on_file, served = both
    for query in QUERIES + _sample(on_file):
        flt = RegisterFilter(text=query)
        assert browse.count(served, flt) == browse.count(on_file, flt), query
        assert browse.search_organizations(served, query, 30) == browse.search_organizations(on_file, query, 30), query
        assert browse.first_page(served, flt, "name", True, 20) == browse.first_page(on_file, flt, "name", True, 20)
        assert list(browse.ordered_seqs(served, flt)) == list(browse.ordered_seqs(on_file, flt)), query


def test_every_sort_order_is_the_same(both: tuple[Database, Database]) -> None:
    on_file, served = both
    for flt, descending in ((RegisterFilter(), False), (RegisterFilter(status=None, text="协会"), True)):
        for sort_key in SORT_KEYS:
            assert (list(browse.ordered_seqs(served, flt, sort_key, descending))
                    == list(browse.ordered_seqs(on_file, flt, sort_key, descending))), (flt, sort_key)
            assert (browse.first_page(served, flt, sort_key, descending, 50)
                    == browse.first_page(on_file, flt, sort_key, descending, 50)), (flt, sort_key)
