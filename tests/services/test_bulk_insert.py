"""The bulk path's own executemany (bulk._execute_many) stores exactly what SQLAlchemy's executemany stores."""

from __future__ import annotations

import math
import sqlite3
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event, insert

from bench.generate import generate_organizations, insert_communities
from civicdesk.models import Organization, table_of
from civicdesk.models.base import new_id, new_ids
from civicdesk.services.core import bulk
from civicdesk.services.core.bulk import stamped
from civicdesk.services.core.database import Database

TABLE = table_of(Organization)
#: the columns that must differ between the two copies (unique) or that the test sets apart
APART = ("id", "uscc", "name")


def _rows(seed: int) -> list[dict[str, Any]]:
    rows = stamped(generate_organizations(40, seed=seed), datetime(2026, 1, 2, 3, 4, 5, 678901))
    rows[0]["registered_funds_wan"] = Decimal("3.14159")  # more places than the column keeps
    rows[1]["version_vector"] = {"511111": 3, "511100": 1}
    rows[2]["established_on"] = None
    return rows


def _reference_copy(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "id": f"ref-{i}", "uscc": None, "name": f"参照{row['name']}"} for i, row in enumerate(rows)]


def _stored(db: Database, ids: list[str]) -> list[list[tuple[str, str]]]:
    """Each row's columns (but those set apart) as SQLite holds them: storage class and SQL literal."""
    columns = [c.name for c in TABLE.columns if c.name not in APART]
    select = ", ".join(f'typeof("{c}"), quote("{c}")' for c in columns)
    with sqlite3.connect(db.path) as conn:
        out = []
        for row_id in ids:
            values = conn.execute(f"SELECT {select} FROM organization WHERE id = ?", (row_id,)).fetchone()
            out.append(list(zip(values[::2], values[1::2], strict=True)))
    return out


def _statements(db: Database) -> list[str]:
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_the_fast_path_stores_what_sqlalchemy_stores(db: Database) -> None:
    rows = _rows(seed=5)
    reference = _reference_copy(rows)
    with db.unit() as session:
        insert_communities(session, seed=5)
    statements = _statements(db)
    with db.unit() as session:
        bulk._execute_many(session, TABLE, rows)
        session.execute(insert(TABLE), reference)
    # the fast path ran: one plain INSERT with every given column, positional
    assert sum(s.startswith('INSERT INTO organization (') and "?" in s for s in statements) == 2
    assert _stored(db, [r["id"] for r in rows]) == _stored(db, [r["id"] for r in reference])


def test_left_out_columns_get_their_defaults_as_with_sqlalchemy(db: Database) -> None:
    """A column left out with a scalar default gets it; one with a default computed per row (the id) sends
    the rows down SQLAlchemy's own path, which computes it."""
    rows = _rows(seed=6)
    for row in rows:
        del row["status"], row["is_community"]  # scalar defaults: 'active', False
    no_id = [{k: v for k, v in row.items() if k != "id"} | {"uscc": None, "name": f"无号{row['name']}"}
             for row in rows]
    reference = _reference_copy(rows)
    with db.unit() as session:
        insert_communities(session, seed=6)
    with db.unit() as session:
        bulk._execute_many(session, TABLE, rows)
        session.execute(insert(TABLE), reference)
        bulk._execute_many(session, TABLE, no_id)
    assert _stored(db, [r["id"] for r in rows]) == _stored(db, [r["id"] for r in reference])
    with sqlite3.connect(db.path) as conn:
        made = conn.execute("SELECT id, status, is_community FROM organization WHERE name LIKE '无号%'").fetchall()
    assert len(made) == len(rows) and len({m[0] for m in made}) == len(rows)
    assert {(m[1], m[2]) for m in made} == {("active", 0)}


def test_rows_of_different_shapes_take_sqlalchemys_path(db: Database) -> None:
    rows = _rows(seed=7)
    del rows[-1]["contact_phone"]  # SQLAlchemy refuses a row that lacks a key the first row has
    with db.unit() as session:
        insert_communities(session, seed=7)
    statements = _statements(db)
    try:
        with db.unit() as session:
            bulk._execute_many(session, TABLE, rows)
    except Exception as exc:  # noqa: BLE001 - the same refusal as before the fast path
        assert "contact_phone" in str(exc)
    else:
        raise AssertionError("a row without a column the others have was accepted")
    assert not any(s.startswith("INSERT INTO organization (") and "?" in s and "contact_phone" not in s
                   for s in statements)


def test_new_ids_are_random_version_4_uuids_as_new_id_makes_them() -> None:
    ids = new_ids(2000)
    assert len(set(ids)) == 2000 and new_ids(0) == []
    for text in ids + [new_id()]:
        value = uuid.UUID(text)
        assert str(value) == text and value.version == 4 and value.variant == uuid.RFC_4122
    # every bit but the version's and the variant's varies
    ors, ands = 0, (1 << 128) - 1
    for text in ids:
        ors |= uuid.UUID(text).int
        ands &= uuid.UUID(text).int
    assert ors ^ ands == (1 << 128) - 1 & ~((0xF000 << 64) | (0xC000 << 48))


def test_insert_tuples_stores_what_sqlalchemy_stores(db: Database) -> None:
    """Rows given as tuples of the columns that vary, the columns every row shares given once, the scalar
    defaults of the columns left out filled in: the same stored values as SQLAlchemy's insert of the dicts."""
    rows = _rows(seed=7)
    shared = {"created_at": rows[0]["created_at"], "updated_at": rows[0]["updated_at"], "status": "active"}
    names = [k for k in rows[0] if k not in shared and k != "is_community"]  # is_community: its default
    reference = _reference_copy(rows)
    for row in reference:
        row.update(shared)
        del row["is_community"]
    with db.unit() as session:
        insert_communities(session, seed=7)
    with db.unit() as session:
        session.info["sync_applying"] = True  # the change log is compared in tests/supervision
        assert bulk.insert_tuples(session, TABLE, names, [tuple(row[k] for k in names) for row in rows],
                                  shared) == len(rows)
        session.execute(insert(TABLE), reference)
    assert _stored(db, [r["id"] for r in rows]) == _stored(db, [r["id"] for r in reference])
    with db.unit() as session, pytest.raises(ValueError, match="organization.id"):  # made per row: give it
        bulk.insert_tuples(session, TABLE, ["name"], [("无号",)], {})


def test_indexes_are_deferred_only_for_a_table_holding_few_rows_against_those_coming(
        city_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """``indexes_deferred`` counts a table's rows only up to one more than DEFER_HELD times the rows coming (no
    walk of a large table's index): its indexes dropped and made again when it holds no more than that, kept when
    it holds more (the threshold lowered to this small table's size)."""
    from civicdesk.models.sync import ChangeLog

    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    with city_db.read() as session:
        held = int(session.connection().exec_driver_sql("SELECT count(*) FROM change_log").scalar() or 0)
    assert held > 2
    monkeypatch.setattr(bulk, "DEFER_MIN", 2)

    class Undo(Exception):
        pass

    event.listen(city_db.engine, "before_cursor_execute", seen)
    try:
        edge = math.ceil(held / bulk.DEFER_HELD)  # the fewest rows coming that the table holds DEFER_HELD times
        for incoming, dropped in ((edge - 1, False), (edge, True), (edge + 1, True)):
            statements.clear()
            with pytest.raises(Undo), city_db.unit() as session:
                with bulk.indexes_deferred(session, table_of(ChangeLog), incoming):
                    pass
                raise Undo
            assert any(s.startswith("DROP INDEX") for s in statements) is dropped, incoming
    finally:
        event.remove(city_db.engine, "before_cursor_execute", seen)
