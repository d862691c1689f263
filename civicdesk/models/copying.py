"""PostgreSQL's ``COPY … FROM STDIN`` for rows already converted as an INSERT would send them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError


def copy_rows(conn: Connection, table: Table, columns: Sequence[Any], rows: Iterable[Sequence[Any]]) -> None:
    """Insert ``rows`` (each the values of ``columns``, in order, already through the columns' bind processors,
    as an INSERT would send them) into ``table`` by one ``COPY … FROM STDIN`` on ``conn`` (PostgreSQL).  The
    server parses and plans no statement per row: 10,000 organizations in 1.5-1.9 s instead of 3.2-3.5 s by
    ``executemany`` (bench_pg_scale's sync rows, 2026-12-05); the rows stored are the same (each value as the
    server reads the INSERT's).  A failure is raised as SQLAlchemy raises a failed INSERT (the unit maps it)."""
    quote = conn.dialect.identifier_preparer
    names = ", ".join(quote.format_column(c) for c in columns)
    sql = f"COPY {quote.format_table(table)} ({names}) FROM STDIN"
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
    except dbapi.Error as exc:
        raise DBAPIError.instance(sql, None, exc, dbapi.Error, dialect=conn.dialect) from exc
    finally:
        cursor.close()
