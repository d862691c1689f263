"""Bulk inserts larger than their table drop its plain indexes and make them again, in the same transaction."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from bench.generate import generate_organizations, insert_communities
from civicdesk.models import Organization
from civicdesk.services.core import bulk
from civicdesk.services.register import search
from civicdesk.services.core.bulk import insert_rows, stamped
from civicdesk.services.core.database import Database


def _indexes(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'organization'"
                            " ORDER BY name").fetchall()


def _load(db: Database, rows: list[dict], statements: list[str], seed: int) -> None:
    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    with db.unit() as session:  # the invented communities the generated rows point to, before the watch
        insert_communities(session, seed=seed)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.unit() as session:
            prepared = stamped(rows, datetime(2026, 1, 1))
            search.prepare_rows(session, prepared)
            insert_rows(session, [(Organization.__table__, prepared)])
            search.index_rows(session, prepared)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)


def test_indexes_made_again_after_a_large_insert(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "DEFER_MIN", 100)
    before = _indexes(db.path)
    assert len([n for n, sql in before if sql and not sql.startswith("CREATE UNIQUE")]) >= 15
    statements: list[str] = []
    _load(db, generate_organizations(300, seed=3), statements, 3)
    # with the supervision indexes (due rule, filters), the due rule by county (migration 0010) and the credit
    # filter (migration 0011)
    assert sum(s.startswith('DROP INDEX "ix_organization') for s in statements) == 18
    # and the change log's two, which the rows' change-log rows outgrow as well
    assert sum(s.startswith('DROP INDEX "ix_change_log') for s in statements) == 2
    assert _indexes(db.path) == before  # the same names and definitions
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        plan = " ".join(r[3] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT seq FROM organization WHERE deleted_at IS NULL ORDER BY legal_form, name, seq"))
        assert "ix_organization_sort_legal_form" in plan
    statements.clear()  # now the table holds more than DEFER_HELD times the rows that come: kept up row by row
    more = generate_organizations(int(300 / bulk.DEFER_HELD) - 1, seed=4)
    monkeypatch.setattr(bulk, "DEFER_MIN", len(more))
    for row in more:  # another seed's USCCs may repeat the first ones
        row["uscc"] = None
    _load(db, more, statements, 4)
    assert not any(s.startswith("DROP INDEX") for s in statements)
    assert _indexes(db.path) == before


def test_a_failed_large_insert_leaves_the_indexes(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "DEFER_MIN", 100)
    before = _indexes(db.path)
    rows = generate_organizations(300, seed=5)
    rows[-1]["uscc"] = rows[0]["uscc"]  # the unique index (kept) refuses the last row
    with pytest.raises(Exception, match="UNIQUE"):
        _load(db, rows, [], 5)
    assert _indexes(db.path) == before
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("SELECT count(*) FROM organization").fetchone() == (0,)
