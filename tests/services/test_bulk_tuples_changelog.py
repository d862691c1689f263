"""The change log of rows written by ``bulk.insert_tuples`` (the columns every row shares spliced in as one text
each, made by SQLite from the first row) is byte for byte the change log the dict path (``bulk.insert_rows``,
one json_object a row) writes for the same rows: awkward shared values included (quotes, backslashes, control
characters, a boolean, a decimal, a day)."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal

from sqlalchemy import text

from bench.generate import insert_communities
from civicdesk.services.core import bulk
from civicdesk.services.core.database import Database
from tests.services.test_bulk_insert import TABLE, _rows


def _logged(db: Database, ids: list[str]) -> list[tuple[str, ...]]:
    with sqlite3.connect(db.path) as conn:
        return conn.execute(
            f"SELECT row_id, op, scope, fields, vector_before, vector_after FROM change_log WHERE row_id IN"
            f" ({', '.join('?' * len(ids))}) ORDER BY row_id", ids).fetchall()


def test_shared_columns_spliced_log_what_the_dict_path_logs(db: Database) -> None:
    rows = _rows(seed=11)
    shared = {"created_at": rows[0]["created_at"], "updated_at": rows[0]["updated_at"], "status": "active",
              "address": '乐山市"市中区" \'嘉州\'\n\t路\\1号\x01', "is_community": True,
              "registered_funds_wan": Decimal("2.50"), "established_on": date(2001, 2, 3),
              "origin_office": "511100", "version": 1, "version_vector": {"511100": 1}}
    names = [k for k in rows[0] if k not in shared]
    ids = [r["id"] for r in rows]
    with db.unit() as session:
        insert_communities(session, seed=11)  # the communities the rows name
    with db.unit(actor="clerk") as session:
        bulk.insert_tuples(session, TABLE, names, [tuple(row[k] for k in names) for row in rows], dict(shared))
    spliced = _logged(db, ids)
    assert len(spliced) == len(rows)
    with db.unit(actor="clerk") as session:  # the same rows again, by the dict path
        marks = ", ".join(f":i{i}" for i in range(len(ids)))
        params = {f"i{i}": row_id for i, row_id in enumerate(ids)}
        session.execute(text(f"DELETE FROM change_log WHERE row_id IN ({marks})"), params)
        session.execute(text(f"DELETE FROM organization WHERE id IN ({marks})"), params)
        bulk.insert_rows(session, [(TABLE, [{**row, **shared} for row in rows])])
    assert _logged(db, ids) == spliced
