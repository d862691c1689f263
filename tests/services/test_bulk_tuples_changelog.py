"""The change log of rows written by ``bulk.insert_tuples`` (the columns every row shares spliced in as one text
each, made by SQLite from the first row) is byte for byte the change log the dict path (``bulk.insert_rows``,
one json_object a row) writes for the same rows: awkward shared values included (quotes, backslashes, control
characters, a boolean, a decimal, a day)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, text

from bench.generate import insert_communities
from civicdesk.models import CreditListing
from civicdesk.models.base import new_ids, table_of
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


def test_scopes_given_log_what_the_lookup_of_each_organization_logs(city_db: Database) -> None:
    """Rows whose change-log scope the caller gives (``scopes``: the credit engine's listings, their
    organizations' counties read with their names) are logged with them (a temporary table by rowid), and log
    exactly what the change log logs when it looks each row's organization up: organizations of different
    counties, one with an empty code, several rows of one organization, awkward varying values."""
    db = city_db
    with sqlite3.connect(db.path) as conn:
        orgs = [r[0] for r in conn.execute(
            "SELECT id FROM organization WHERE deleted_at IS NULL ORDER BY id LIMIT 4")]
        for org_id, county in zip(orgs, ["511102", "511111", "", "511112"], strict=True):
            conn.execute("UPDATE organization SET division_code = ? WHERE id = ?", (county, org_id))
        county_of = dict(conn.execute(f"SELECT id, division_code FROM organization WHERE id IN"
                                      f" ({', '.join('?' * len(orgs))})", orgs).fetchall())
    table = table_of(CreditListing)
    owners = sorted(orgs + orgs[:3])
    ids = sorted(new_ids(len(owners)))
    names = ("id", "organization_id", "list_kind", "ground", "ground_detail", "evidence")
    rows = [(row_id, owner, "abnormal", "other", None if n % 2 else f'说明 "{n}"\\\n\t\x01',
             [{"entity": "document", "id": None, "summary": f"证据 {n} \"引号\" \\ \u2028"}])
            for n, (row_id, owner) in enumerate(zip(ids, owners, strict=True))]
    now = datetime(2025, 9, 1, 8, 30, 0, 123456)
    constants = {"office_code": "511100", "state": "proposed", "proposed_by": "rules", "proposed_on": date(2025, 9, 1),
                 "origin_office": "511100", "version": 1, "version_vector": {"511100": 1}, "created_at": now,
                 "updated_at": now}
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.unit(actor="clerk") as session:
            bulk.insert_tuples(session, table, names, rows, dict(constants),
                               scopes=[county_of[owner] for owner in owners])
        assert any(s.startswith("INSERT INTO change_log") and "FROM temp.bulk_scope" in s for s in statements)
        given = _logged(db, ids)
        assert len(given) == len(rows) and {r[2] for r in given} == {*county_of.values()}
        statements.clear()
        with db.unit(actor="clerk") as session:  # the same rows again, each organization looked up
            marks = ", ".join(f":i{i}" for i in range(len(ids)))
            params = {f"i{i}": row_id for i, row_id in enumerate(ids)}
            session.execute(text(f"DELETE FROM change_log WHERE row_id IN ({marks})"), params)
            session.execute(text(f"DELETE FROM credit_listing WHERE id IN ({marks})"), params)
            bulk.insert_tuples(session, table, names, rows, dict(constants))
        assert not any("bulk_scope" in s for s in statements)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert _logged(db, ids) == given
