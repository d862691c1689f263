"""The large-load settings of a bulk load (issue 20: the bulk page cache, the change log's indexes made after its
rows, FTS5's larger pending-terms hash, the 4-grams made by a thread during the insert) store exactly what the
plain path stores, and a failed load leaves the database as it was."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bench.generate import generate_organizations, insert_communities
from civicdesk.models import Organization
from civicdesk.models.engine import PAGE_CACHE_KIB
from civicdesk.services.core import bulk
from civicdesk.services.core.bulk import bulk_cache, insert_rows, stamped
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.register import search
from tests.helpers.db import digest

N = 120
QUERIES = ["协会", "老年协会", "lnxh", "laonian", "5151", "社区", "路1"]


def _load(path: Path, rows: list[dict], *, large: bool, monkeypatch: pytest.MonkeyPatch) -> Database:
    """The demo's bulk path (bench_register's build) into the database at ``path``: with the large-load settings
    (their thresholds lowered to this size) or the plain way (thresholds above it)."""
    monkeypatch.setattr(bulk, "DEFER_MIN", 100 if large else 10**9)
    monkeypatch.setattr(search, "BULK_HASH_MIN", 100 if large else 10**9)
    monkeypatch.setattr(search, "AHEAD_MIN", 100 if large else 10**9)
    db = open_database(path)
    with db.unit() as session:
        insert_communities(session, seed=11)
    with db.unit() as session, bulk_cache(session, len(rows)):
        prepared = stamped([dict(r) for r in rows], datetime(2026, 1, 2, 3, 4, 5))
        search.prepare_rows(session, prepared, ahead=True)  # the 4-grams made by a thread meanwhile (large)
        insert_rows(session, [(Organization.__table__, prepared)])
        search.index_rows(session, prepared)
    return db


def _checks(path: Path) -> tuple[str, ...]:
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO org_text(org_text, rank) VALUES ('integrity-check', 1)")
        conn.execute("INSERT INTO org_uscc(org_uscc, rank) VALUES ('integrity-check', 1)")
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                *(str(conn.execute(f"SELECT * FROM {t}_config ORDER BY k").fetchall())
                  for t in ("org_text", "org_uscc")),
                str(conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()))


def test_large_load_stores_what_the_plain_path_stores(templates: dict[str, Path], tmp_path: Path,
                                                      clock: object, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = generate_organizations(N, seed=11)
    paths = {}
    for large in (False, True):
        paths[large] = tmp_path / f"{'large' if large else 'plain'}.sqlite3"
        shutil.copyfile(templates["empty"], paths[large])
        db = _load(paths[large], rows, large=large, monkeypatch=monkeypatch)
        if large:
            with db.read() as session:  # the index finds what LIKE finds
                for query in QUERIES:
                    indexed = set(session.scalars(select(Organization.id).where(search.condition(session, query))))
                    like = set(session.scalars(select(Organization.id).where(search.like_condition(query))))
                    assert indexed == like and like, query
            with db.engine.connect() as conn:  # the unit gave the connection's own page cache back
                assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -PAGE_CACHE_KIB
        db.close()
    plain, large = _checks(paths[False]), _checks(paths[True])
    assert plain[0] == "ok" and "33554432" in plain[1]  # the tables keep their 32 MB hash
    assert large == plain  # the same indexes, the same FTS5 settings
    # every row of every table, the change log's included; the search index's rows too, but for the counter in
    # its structure record (id 10) that each change of the table's settings moves on
    shadow = ("org_text_data", "org_uscc_data")
    assert digest(paths[True], without=shadow) == digest(paths[False], without=shadow)
    assert _index_data(paths[True]) == _index_data(paths[False])


def _index_data(path: Path) -> list[list[tuple[int, bytes]]]:
    with sqlite3.connect(path) as conn:
        return [[(i, block[4:] if i == 10 else block)
                 for i, block in conn.execute(f"SELECT id, block FROM {t} ORDER BY id")]
                for t in ("org_text_data", "org_uscc_data")]


def test_a_failed_large_load_leaves_the_database_as_it_was(templates: dict[str, Path], tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "failed.sqlite3"
    shutil.copyfile(templates["empty"], path)
    db = open_database(path)
    with db.unit() as session:
        insert_communities(session, seed=12)
    db.close()
    before = digest(path)
    rows = generate_organizations(N, seed=12)
    rows[-1]["uscc"] = next(r["uscc"] for r in rows if r["uscc"])  # the unique index (kept up) refuses the last row
    with pytest.raises(Exception, match="UNIQUE"):
        _load(path, rows, large=True, monkeypatch=monkeypatch)
    assert digest(path) == before
