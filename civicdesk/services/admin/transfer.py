"""Moving an office: copy a whole CivicDesk database to another back end (SQLite <-> PostgreSQL) and check the copy.

:func:`copy_database` copies every table of the schema (the register, filings, the audit trail with its hashes,
sync state and keys, users, settings) into an *empty* target, in one transaction on the target, then fills the
target's search index from the copied ranks (SQLite's FTS tables; PostgreSQL searches the columns themselves)
and checks the copy: row counts and a digest per table equal on both sides (:func:`table_digests`), and the
target passes ``verify`` and ``audit verify``.

A target is empty when it has no tables (a new PostgreSQL database, a missing SQLite file) or only the schema
without a row.  A target that holds anything is refused before a row is written.  A new SQLite file is built
under a temporary name beside the target and appears under its name only once the copy is complete; a
PostgreSQL database that had no tables gets them dropped again when the copy fails, so that a failed copy
leaves the target as it was.

Rows are read and written through SQLAlchemy's column types, so each back end stores its own form of the same
values (datetimes, booleans, JSON, numerics); identity columns of PostgreSQL are advanced past the copied ids.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (JSON, Boolean, Connection, Date, DateTime, Integer, Numeric, String, Table, create_engine, func,
                        inspect, select, text)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from civicdesk.errors import CivicDeskError, DatabaseError
from civicdesk.models import Base, Organization, table_of
from civicdesk.models import engine as engine_module
from civicdesk.services.admin import audit, auth
from civicdesk.services.admin.maintenance import verify
from civicdesk.services.core.database import Database, database_error, open_database, to_url
from civicdesk.services.register import search

CHUNK = 2000
#: progress: (table, rows copied so far in all tables, rows to copy in all)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TableCheck:
    name: str
    source_rows: int
    target_rows: int
    source_digest: str
    target_digest: str

    @property
    def ok(self) -> bool:
        return self.source_rows == self.target_rows and self.source_digest == self.target_digest


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    tables: list[TableCheck]
    rows: int
    verify_ok: bool
    audit_ok: bool
    audit_entries: int
    seconds: float

    @property
    def ok(self) -> bool:
        return self.verify_ok and self.audit_ok and all(t.ok for t in self.tables)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok"] = self.ok
        for entry, table in zip(data["tables"], self.tables, strict=True):
            entry["ok"] = table.ok
        return data


def label(path_or_url: str | Path) -> str:
    """How a database is named to the user: a file's path, a server's URL without its password."""
    url = to_url(path_or_url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database)
    return parsed.render_as_string(hide_password=True)


# -- digests --------------------------------------------------------------------------------------------------
def normalised(value: Any) -> Any:
    """A value as both back ends give it back: datetimes in ISO form (UTC, no zone), numerics without trailing
    zeros, JSON with sorted keys, bytes in hex."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value else "NaN"
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def _datetime(value: Any) -> Any:
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.isoformat()


def _iso(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _numeric(value: Any) -> Any:
    return None if value is None else normalised(value)


def _json(value: Any) -> Any:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _normaliser(column: Any) -> Callable[[Any], Any] | None:
    """How the values of ``column`` are normalised for the digest: None for the types whose values both back
    ends give back alike (text, integers, booleans)."""
    kind = column.type
    if isinstance(kind, (String, Integer, Boolean)):
        return None
    if isinstance(kind, DateTime):
        return _datetime
    if isinstance(kind, Date):
        return _iso
    if isinstance(kind, JSON):
        return _json
    if isinstance(kind, Numeric):
        return _numeric
    return normalised


class TableHasher:
    """The digest of one table, fed its rows in any order: each row's SHA-256 (its values normalised) is kept
    beside its primary key, and the table's digest is the SHA-256 of the row digests in primary-key order
    (sorted here, by code point: a server's collation may order text otherwise than SQLite)."""

    def __init__(self, table: Table) -> None:
        self.names = [c.name for c in table.columns]
        pk = [c.name for c in table.primary_key.columns] or self.names
        self.at = [self.names.index(n) for n in pk]
        self.typed = [(i, f) for i, c in enumerate(table.columns) if (f := _normaliser(c)) is not None]
        self.rows: list[tuple[tuple[Any, ...], bytes]] = []

    def add(self, values: Any) -> None:
        row = list(values)
        for i, normalise in self.typed:
            row[i] = normalise(row[i])
        key = tuple((row[i] is not None, row[i]) for i in self.at)
        # normalised, every value is text, a whole number, a flag or None: its repr is the same on both sides
        self.rows.append((key, hashlib.sha256(repr(row).encode()).digest()))

    def result(self) -> tuple[int, str]:
        self.rows.sort(key=lambda r: r[0])
        h = hashlib.sha256(json.dumps(self.names).encode())
        for _key, digest in self.rows:
            h.update(digest)
        return len(self.rows), h.hexdigest()


def table_digest(conn: Connection, table: Table) -> tuple[int, str]:
    """(rows, SHA-256) of ``table`` (see :class:`TableHasher`)."""
    hasher = TableHasher(table)
    for row in conn.execution_options(stream_results=True, yield_per=CHUNK).execute(select(table)):
        hasher.add(row)
    return hasher.result()


def table_digests(db: Database) -> dict[str, tuple[int, str]]:
    """Every table of the schema: (rows, digest)."""
    with db.engine.connect() as conn:
        try:
            return {t.name: table_digest(conn, t) for t in Base.metadata.sorted_tables}
        finally:
            conn.rollback()


# -- the copy -------------------------------------------------------------------------------------------------
def _row_counts(conn: Connection) -> dict[str, int]:
    return {t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in Base.metadata.sorted_tables}


def _parents_first(table: Table, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows of a table that refers to itself (a division's parent, a listing moved from another), each after
    the row it refers to (a reference to no row of the table stays where it is: the database says what is
    wrong with it)."""
    names = [c.name for c in table.columns]
    own = [(names.index(fk.parent.name), names.index(fk.column.name)) for fk in table.foreign_keys
           if fk.column.table is table]
    if not own:
        return rows
    keys = {ref: {row[ref] for row in rows} for _col, ref in own}
    done: dict[int, set[Any]] = {ref: set() for _col, ref in own}
    ordered: list[tuple[Any, ...]] = []
    left = rows
    while left:
        later = []
        for row in left:
            if all(row[col] is None or row[col] not in keys[ref] or row[col] in done[ref] for col, ref in own):
                ordered.append(row)
                for _col, ref in own:
                    done[ref].add(row[ref])
            else:
                later.append(row)
        if len(later) == len(left):  # a cycle: the rest as they are
            ordered.extend(later)
            break
        left = later
    return ordered


def _copy_rows(source: Connection, target: Connection, total: int,
               progress: Progress | None) -> tuple[int, dict[str, tuple[int, str]]]:
    """Copy every table's rows; the number copied and the source's digests, made of the rows as they were read
    for the copy (one snapshot: a clerk writing to the source meanwhile changes neither)."""
    done = 0
    digests = {}
    for table in Base.metadata.sorted_tables:
        hasher = TableHasher(table)
        result = source.execution_options(stream_results=True, yield_per=CHUNK).execute(select(table))
        if any(fk.column.table is table for fk in table.foreign_keys):
            batches: Iterator[list[Any]] = iter([_parents_first(table, [tuple(r) for r in result])])
        else:
            batches = (list(part) for part in result.partitions(CHUNK))
        for batch in batches:
            for start in range(0, len(batch), CHUNK):
                chunk = batch[start:start + CHUNK]
                if chunk:
                    for row in chunk:
                        hasher.add(row)
                    _insert(target, table, chunk)
                    done += len(chunk)
                    if progress:
                        progress(table.name, done, total)
        digests[table.name] = hasher.result()
    return done, digests


def _insert(conn: Connection, table: Table, rows: list[Any]) -> None:
    """Rows of ``table`` (tuples of every column, in the table's order), each value through its column type's
    conversion as SQLAlchemy would bind it, handed to the driver in bulk: PostgreSQL's COPY (psycopg),
    SQLite's executemany (as civicdesk/services/core/bulk.py does; an insert() statement of dicts costs
    several times more)."""
    dialect = conn.dialect
    columns = list(table.columns)
    converters = [(i, f) for i, c in enumerate(columns) if (f := c.type._cached_bind_processor(dialect)) is not None]
    values = []
    for row in rows:
        one = list(row)
        for i, convert in converters:
            one[i] = convert(one[i])
        values.append(one)
    quote = dialect.identifier_preparer
    names = ", ".join(quote.format_column(c) for c in columns)
    if dialect.name == "postgresql":
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            with cursor.copy(f"COPY {quote.format_table(table)} ({names}) FROM STDIN") as copy:
                for one in values:
                    copy.write_row(one)
        finally:
            cursor.close()
        return
    marks = ", ".join(["?"] * len(columns))
    conn.exec_driver_sql(f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({marks})",
                         [tuple(one) for one in values])


def _advance_sequences(conn: Connection) -> None:
    """PostgreSQL: each identity/serial column's sequence past the highest id copied (the next insert of a
    change-log row, an outbox package… must not meet a copied id)."""
    if conn.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        column = table.autoincrement_column
        if column is None or not isinstance(column.type, Integer):
            continue
        sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                {"t": table.name, "c": column.name}).scalar()
        if sequence:
            conn.execute(text(f'SELECT setval(:s, COALESCE((SELECT max("{column.name}") FROM "{table.name}"), 0) + 1,'
                              " false)"), {"s": sequence})


def _fill_search_index(conn: Connection) -> None:
    """The search index's rows for every ranked organization, from the ranks copied with the rows (the same
    index the source had: ranks, seq and pinyin come with the organization rows): SQLite's FTS5 tables, or
    the server's ``org_gram``, in the copy's transaction, so that the copy answers searches at once."""
    from sqlalchemy.orm import Session

    o = table_of(Organization)
    session = Session(bind=conn)
    try:
        columns = [o.c[c] for c in search._INDEX_COLUMNS]
        last: Any = None
        while True:
            stmt = select(*columns).where(o.c.name_rank.isnot(None), o.c.deleted_at.is_(None))
            if last is not None:
                stmt = stmt.where(o.c.name_rank > last)
            rows = [dict(r) for r in session.execute(stmt.order_by(o.c.name_rank).limit(search.BATCH * 5)).mappings()]
            if not rows:
                break
            search._write_index(session, rows)
            last = rows[-1]["name_rank"]
    finally:
        session.close()


def _state(db: Database) -> tuple[bool, dict[str, int]]:
    with db.engine.connect() as conn:
        counts = _row_counts(conn)
        conn.rollback()
    return any(counts.values()), counts


@contextmanager
def _target(target: str | Path) -> Iterator[tuple[Database, Callable[[bool], None]]]:
    """The target opened (migrated), and what to do at the end: ``finish(ok)`` puts a new SQLite file in place
    (or throws it away), or drops the tables a failed copy left in a PostgreSQL database that had none."""
    url = to_url(target)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = Path(str(parsed.database))
        if path.exists() and path.stat().st_size > 0:
            db = open_database(path, create=False)
            try:
                yield db, lambda ok: db.close()
            finally:
                db.close()
            return
        if not path.parent.is_dir():
            raise DatabaseError("db.cannot_open", path=str(path), reason="folder does not exist / 文件夹不存在")
        partial = path.with_name(f".{path.name}.{os.getpid()}.copying")
        _remove_sqlite(partial)
        db = open_database(partial)

        def finish(ok: bool) -> None:
            if ok:  # every page in the main file before it is linked into place (the WAL stays behind)
                with db.engine.connect() as conn:
                    busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
                    conn.rollback()
                if busy is None or busy[0]:
                    db.close()
                    _remove_sqlite(partial)
                    raise DatabaseError("db.busy", path=str(partial), reason="checkpoint",
                                        seconds=engine_module.BUSY_TIMEOUT_MS / 1000)
            db.close()
            if ok:
                try:
                    os.link(partial, path)  # never over a file that appeared meanwhile
                except FileExistsError as exc:
                    raise CivicDeskError("transfer.target_not_empty", target=str(path), table="-", rows=1) from exc
                finally:
                    _remove_sqlite(partial)
            else:
                _remove_sqlite(partial)

        try:
            yield db, finish
        except BaseException:
            finish(False)
            raise
        return
    probe = create_engine(url, poolclass=NullPool)
    try:
        with probe.connect() as conn:
            fresh = not inspect(conn).get_table_names()
    except SQLAlchemyError as exc:
        raise database_error(exc, url) or DatabaseError("db.cannot_open", path=label(url), reason=str(exc)) from exc
    finally:
        probe.dispose()
    db = open_database(url)  # the server's database: migrated by the same scripts

    def drop_created(ok: bool) -> None:
        if not ok and fresh:
            with db.engine.begin() as conn:
                # every table the migrations made: the schema's, and the server's own (org_gram, alembic_version)
                for name in inspect(conn).get_table_names():
                    conn.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
        db.close()

    try:
        yield db, drop_created
    except BaseException:
        drop_created(False)
        raise


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_database(source: Database, target: str | Path, *, by: auth.UserInfo | None,
                  progress: Progress | None = None) -> CopyReport:
    """Copy ``source`` into the empty database ``target`` (a path or URL) and check the copy (see the module).

    An administrator's act (``office``); a refusal is written to the source's audit trail.  The copy itself is
    recorded in the source's trail before it is made, so that the copy carries the entry too and both trails
    stay the same chain.  Raises ``transfer.target_not_empty`` (nothing written) for a target that holds rows,
    ``transfer.same_database`` for the source itself."""
    try:
        actor = auth.require(source, by, "office")
    except CivicDeskError as exc:
        audit.record_event(source, "db.refused", actor=by.username if by else None, entity="database",
                           attempted="copy", error=exc.code)
        raise
    started = time.perf_counter()
    source_label, target_label = label(source.url), label(target)
    if to_url(target) == source.url or (source.path is not None and Path(target_label).resolve() == source.path):
        raise CivicDeskError("transfer.same_database", target=target_label)
    with _target(target) as (dest, finish):
        full, counts = _state(dest)
        if full:
            name = next(n for n, c in counts.items() if c)
            raise CivicDeskError("transfer.target_not_empty", target=target_label, table=name, rows=counts[name])
        audit.record_event(source, "db.copied", actor=actor, entity="database", target=target_label)
        snapshot = {"isolation_level": "REPEATABLE READ"} if source.engine.dialect.name == "postgresql" else {}
        with source.engine.connect().execution_options(**snapshot) as src, dest.engine.begin() as dst:
            total = sum(_row_counts(src).values())
            rows, theirs = _copy_rows(src, dst, total, progress)
            _advance_sequences(dst)
            _fill_search_index(dst)
            src.rollback()
        dest.forget_office()
        report = _check(theirs, dest, source_label, target_label, rows, started)
        finish(True)
    return report


def _check(theirs: dict[str, tuple[int, str]], dest: Database, source_label: str, target_label: str, rows: int,
           started: float) -> CopyReport:
    ours = table_digests(dest)
    tables = [TableCheck(name, theirs[name][0], ours[name][0], theirs[name][1], ours[name][1]) for name in theirs]
    chain = audit.verify(dest)
    return CopyReport(source_label, target_label, tables, rows, verify(dest).ok, chain.ok, chain.entries,
                      round(time.perf_counter() - started, 3))
