"""Bulk inserts for demo data, imports and sync: SQLAlchemy Core ``executemany`` in chunks.

The ORM's ``add_all`` is about 18x slower than raw sqlite3 for many rows; Core executemany stays within
about 2x (measured by ``bench/bench_insert.py``).  Rows are plain dicts of column values (:func:`insert_rows`),
or tuples of the columns that vary beside the values every row shares (:func:`insert_tuples`, for a writer of
many rows alike: the credit engine's proposals).

Rows of a synced table are bookkept here as the ORM's flush listeners bookkeep an ORM insert
(:func:`civicdesk.models.sync.record_changes`): each gets the version vector this office's epoch asks for and
one ``change_log`` row (op ``insert``, every sent field), in the caller's transaction, so that the next
incremental ``sync export`` carries them.  The audit trail is not written row by row here: a bulk load is one
entry that its caller records (``data.demo_loaded``), as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Numeric, Table, insert, select, text
from sqlalchemy.orm import Session

from civicdesk.models import copying
from civicdesk.models.base import table_of, utcnow
from civicdesk.models.sync import BOOKKEEPING_SENT, LOCAL_COLUMNS, ChangeLog, SyncState, epoch_key, synced_entities
from civicdesk.schema import LIVE_STATUSES

CHUNK = 5000
DEFER_MIN = 10_000  # rows: below this, indexes are kept up row by row
#: a table's indexes are made again after an insert when it holds at most this many rows per row coming: 100,000
#: organizations into 100,000 took 8% less CPU than keeping the indexes up row by row, into 300,000 no less
#: (bench/README.md, 2026-12-06); the break-even lies between, not measured
DEFER_HELD = 1.0
#: the page cache of a large unit (KiB; SQLite's default is 2 MB): the B-trees that take rows at random places
#: (the UUID key, the change log's row index, the search index's segments) stay in memory until the commit
#: instead of being spilled to the WAL and read back, and an index walked once (the credit engine's, 参检率's) is
#: read once; taken only as pages are used, given back after
BULK_CACHE_KIB = 256 * 1024


@contextmanager
def bulk_cache(session: Session, incoming: int = DEFER_MIN, least: int = DEFER_MIN) -> Iterator[None]:
    """For a unit that writes or reads ``incoming`` rows (at least ``least``): a page cache of
    :data:`BULK_CACHE_KIB` on this session's connection until the block ends; nested blocks keep the outer
    one's.  The sorts of ``CREATE INDEX`` stay in memory up to the cache's size too (SQLite sizes its sorter's
    runs by it); ``temp_store`` cannot be changed inside the unit's transaction.  The one place that sizes the
    cache: bulk inserts, the demo, a large sync package, the credit engine's whole office, 参检率.  SQLite
    only; elsewhere nothing changes."""
    conn = session.connection()
    if conn.dialect.name != "sqlite" or incoming < least or session.info.get("bulk_cache"):
        yield
        return
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    session.info["bulk_cache"] = True
    try:
        yield
    finally:
        session.info.pop("bulk_cache", None)
        with suppress(Exception):  # a failed unit's connection is given back (and reset) in any case
            conn.exec_driver_sql(f"PRAGMA cache_size={int(cache or 0)}")


def _large_against(conn: Any, name: str, incoming: int) -> bool:
    """Whether table ``name`` holds at most :data:`DEFER_HELD` times ``incoming`` rows: counted up to one more
    than that, so that a large table's index is not walked whole to learn it."""
    most = int(incoming * DEFER_HELD)
    held = conn.execute(text(f'SELECT count(*) FROM (SELECT 1 FROM "{name}" LIMIT :most)'), {"most": most + 1})
    return (held.scalar() or 0) <= most


@contextmanager
def indexes_deferred(session: Session, table: Table, incoming: int) -> Iterator[None]:
    """For an insert of ``incoming`` rows into a table that holds at most :data:`DEFER_HELD` times as many (a
    district's first package at the city, the demo, a large import): its plain indexes are dropped before and
    made again after, in the caller's transaction.

    Making an index sorts the rows once; keeping 13 indexes up row by row cost about 7 s of 100,000
    organizations, making them again 2.8 s.  Unique indexes stay (they enforce constraints as rows come).
    A failure rolls the transaction back, and the indexes with it.  SQLite only; elsewhere nothing changes."""
    conn = session.connection()
    if conn.dialect.name != "sqlite" or incoming < DEFER_MIN:
        yield
        return
    name = table.name
    if not _large_against(conn, name, incoming):
        yield
        return
    indexes = [(str(index), str(sql)) for index, sql in conn.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t AND sql IS NOT NULL"
        " AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name"), {"t": name})]
    for index, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{index}"')
    try:
        yield
    except BaseException:
        with suppress(Exception):  # the caller's rollback brings them back in any case
            for _index, sql in indexes:
                conn.exec_driver_sql(sql)
        raise
    for _index, sql in indexes:
        conn.exec_driver_sql(sql)


# -- the register's summary during a large load ------------------------------------------------------------------
#: the summary's trigger on new organizations (migration 0018): dropped during a large load, made again after
SUMMARY_TRIGGER = "organization_summary_insert"
_LIVE = "(" + ", ".join(f"'{status}'" for status in LIVE_STATUSES) + ")"
_SUMMARY_KEY = ("division_code", "tier", "legal_form", "legal_form_null", "is_community", "community_subtype",
                "subtype_null", "live", "year", "year_null")
_SUMMARY_SUMS = ("n", "serving", "service_days", "person_times", "in_difficulty", "left_behind", "volunteers",
                 "activities", "hours_cents", "foundation_cents", "organization_cents", "civil_affairs_cents")
#: what the trigger adds row by row, added once for the organizations with rowid in (:after, :upto]: their
#: groups (the trigger's key) with their count and their tally rows' sums, upserted as the trigger upserts
_SUMMARY_ADD = (
    f"INSERT INTO organization_summary ({', '.join(_SUMMARY_KEY + _SUMMARY_SUMS)}) "
    "SELECT o.division_code, o.tier, coalesce(o.legal_form, ''), o.legal_form IS NULL, o.is_community, "
    "coalesce(o.community_subtype, ''), o.community_subtype IS NULL, "
    f"o.status IN {_LIVE}, coalesce(substr(o.established_on, 1, 4), ''), o.established_on IS NULL, count(*), "
    "sum(coalesce(t.service_days > 0, 0)), "
    + ", ".join(f"sum(coalesce(t.{c}, 0))" for c in ("service_days", "person_times", "in_difficulty",
                                                      "left_behind", "volunteers", "activities")) + ", "
    + ", ".join(f"sum(coalesce(CAST(round(t.{c} * 100) AS INTEGER), 0))"
                for c in ("hours", "funded_foundation", "funded_organization", "funded_civil_affairs")) +
    " FROM organization o LEFT JOIN cultivation_tally t ON t.organization_id = o.id "
    "WHERE o.rowid > :after AND o.rowid <= :upto AND o.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 "
    f"ON CONFLICT ({', '.join(_SUMMARY_KEY)}) DO UPDATE SET "
    + ", ".join(f"{s} = {s} + excluded.{s}" for s in _SUMMARY_SUMS))


@contextmanager
def summary_deferred(session: Session, table: Table, incoming: int) -> Iterator[None]:
    """For a load of ``incoming`` organizations that :func:`indexes_deferred` would load without their indexes
    (at least :data:`DEFER_MIN`, into a table holding at most :data:`DEFER_HELD` times as many): the summary's
    insert trigger is dropped before, and after the rows the groups they touch get their share in one grouped
    upsert (what the trigger adds row by row: the same sums, integers), then the trigger is made again from its
    own stored text; all in the caller's transaction (a failure rolls the trigger back with the rows).  The
    trigger's upsert per row cost 13% of a 100,000-organization load's CPU (issue 18).  SQLite only, a database
    with the summary only."""
    conn = session.connection()
    if conn.dialect.name != "sqlite" or table.name != "organization" or incoming < DEFER_MIN:
        yield
        return
    trigger = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n"),
                           {"n": SUMMARY_TRIGGER}).scalar()
    after = int(conn.exec_driver_sql("SELECT max(rowid) FROM organization").scalar() or 0)
    # near the largest rowid new rows take random ones
    if trigger is None or after >= 1 << 62 or not _large_against(conn, "organization", incoming):
        yield
        return
    conn.exec_driver_sql(f'DROP TRIGGER "{SUMMARY_TRIGGER}"')
    try:
        yield
    except BaseException:
        with suppress(Exception):  # the caller's rollback undoes all of it in any case
            _summary_add(session, after, str(trigger))
        raise
    _summary_add(session, after, str(trigger))


def _summary_add(session: Session, after: int, trigger: str) -> None:
    """The summary's share of the organizations inserted since rowid ``after`` (SQLite appends rows: max(rowid)
    + 1 …, so they are those past it), then the trigger made again."""
    conn = session.connection()
    upto = int(conn.exec_driver_sql("SELECT max(rowid) FROM organization").scalar() or 0)
    conn.execute(text(_SUMMARY_ADD), {"after": after, "upto": upto})
    conn.exec_driver_sql(trigger)


def stamped(rows: Iterable[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
    """Synced rows made here: version 1, the origin office's counter at 1, created and updated now."""
    return [
        {**row, "version": 1, "version_vector": {row["origin_office"]: 1}, "created_at": now, "updated_at": now}
        for row in rows
    ]


def insert_rows(
    session: Session,
    steps: Sequence[tuple[Table, Sequence[dict[str, Any]]]],
    progress: Callable[[int, int], None] | None = None,
    chunk: int = CHUNK,
) -> int:
    """Insert each table's rows in order, ``chunk`` at a time, inside the caller's unit of work.

    Rows of a synced table are completed in place (origin office, version, version vector) and logged in
    ``change_log``, unless the session applies a received package (``session.info["sync_applying"]``).
    A large insert runs with the bulk page cache (:func:`bulk_cache`); the indexes of a table it outgrows,
    the change log's included, are made again after its rows (:func:`indexes_deferred`)."""
    total = sum(len(rows) for _, rows in steps)
    with bulk_cache(session, total):
        return _insert_steps(session, steps, progress, chunk, total)


def _insert_steps(session: Session, steps: Sequence[tuple[Table, Sequence[dict[str, Any]]]],
                  progress: Callable[[int, int], None] | None, chunk: int, total: int) -> int:
    done = 0
    log = None if session.info.get("sync_applying") else _ChangeLogger(session)
    for table, rows in steps:
        logger = log if log is not None and table.name in synced_entities() and rows else None
        if logger is not None:
            logger.complete(rows)
            last = 0 if logger.keyed else logger.last_rowid(table)
        logged = logger is not None and not logger.keyed
        with indexes_deferred(session, table, len(rows)), summary_deferred(session, table, len(rows)), \
                (indexes_deferred(session, table_of(ChangeLog), len(rows)) if logged else nullcontext()):
            for start in range(0, len(rows), chunk):
                part = rows[start:start + chunk]
                if logger is not None and logger.keyed:  # no rowid: the change log follows the rows' ids
                    logger.write_keys(table, _inserted_ids(session, table, part))
                else:
                    _execute_many(session, table, part)
                if logger is not None and not logger.keyed:
                    last = logger.write(table, last)
                done += len(part)
                if progress:
                    progress(done, total)
    return done


def _execute_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """``session.execute(insert(table), rows)``, with the values converted column by column.

    SQLAlchemy's executemany builds a parameter dict per row and looks up each key's type conversion per value
    (about a third of the demo's load time).  When every row has the same keys, all of them columns, and the
    columns left out have no default computed per row, the same conversions (each column type's own bind
    processor, applied to every value, None included) go straight to the driver as positional rows: the stored
    values are the same.  Otherwise SQLAlchemy's own path, as before."""
    keys = rows[0].keys()
    columns = [table.c.get(key) for key in keys]
    missing = [c for c in table.columns if c.key not in keys]
    conn = session.connection()
    dialect = conn.dialect
    server = dialect.name == "postgresql"
    if ((dialect.paramstyle != "qmark" and not server) or any(c is None for c in columns)
            or any(row.keys() != keys for row in rows)
            or any(c.default is not None and not c.default.is_scalar for c in missing)):
        session.execute(insert(table), rows)
        return
    quote = dialect.identifier_preparer
    filled = [c for c in missing if c.default is not None]  # scalar defaults: the same value in every row
    names = [*keys, *(c.key for c in filled)]
    every = [c for c in columns if c is not None] + filled
    converters = [c.type._cached_bind_processor(dialect) for c in every]
    # column by column, then zipped into the rows' tuples: no list a row, no Python loop over the values but the
    # converters' own calls; a column holding the very same object in every row (the stamp's time) converted once
    count = len(rows)
    by_column: list[list[Any]] = [list(map(itemgetter(key), rows)) for key in keys]
    by_column += [[c.default.arg] * count for c in filled]  # type: ignore[union-attr]
    for i, convert in enumerate(converters):
        if convert is not None:
            column = by_column[i]
            if len(set(map(id, column))) == 1:
                by_column[i] = [convert(column[0])] * count
            else:
                by_column[i] = list(map(convert, column))
    values = list(zip(*by_column, strict=True))
    if server:
        copy_rows(session, table, every, values)
        return
    sql = (f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.format_column(c) for c in every)}) "
           f"VALUES ({', '.join(['?'] * len(names))})")
    conn.exec_driver_sql(sql, values)


def copy_rows(session: Session, table: Table, columns: Sequence[Any], rows: Iterable[Sequence[Any]]) -> None:
    """PostgreSQL: insert ``rows`` by one ``COPY`` on the session's connection (:func:`copying.copy_rows`)."""
    copying.copy_rows(session.connection(), table, columns, rows)


def _inserted_ids(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> list[Any]:
    """Insert ``rows`` (:func:`_execute_many`); their ids in the rows' order, given or made by the column's
    default (then returned by the insert itself)."""
    if all(row.get("id") is not None for row in rows):
        _execute_many(session, table, rows)
        return [row["id"] for row in rows]
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(stmt, rows).scalars())


def insert_tuples(session: Session, table: Table, names: Sequence[str], rows: Sequence[Sequence[Any]],
                  constants: dict[str, Any], scopes: Sequence[str | None] | None = None) -> int:
    """Insert ``rows`` into ``table`` in the caller's unit of work: each row a tuple of the values of the
    columns ``names`` (in that order), every row with the values of ``constants`` besides (the same in each
    row) and the scalar defaults of the columns left out.  Rows of a synced table are bookkept as
    :func:`insert_rows` bookkeeps them: ``constants`` completed with the origin office, version and version
    vector (:meth:`_ChangeLogger.complete`), one ``change_log`` row each.  The values stored are the same.

    The path of a writer that makes many rows alike (the credit engine's proposals): no dict per row, each
    varying column's values converted by its type's bind processor column by column, the constants once.  Give
    the rows in the order of their ``id``: the new entries of the key's index and of the change log's row index
    (``entity, row_id``: millions of entries) then go in key order, one walk of each index rather than a
    random probe per row.

    ``scopes``: the change log's scope of each row, when the caller has read it (what :func:`_scope_sql` finds:
    the county of the row's organization, ``organization.division_code``), so that the change log does not
    look each row's organization up again (SQLite; :meth:`_ChangeLogger.write`)."""
    if not rows:
        return 0
    fixed = dict(constants)
    log = None if session.info.get("sync_applying") else _ChangeLogger(session)
    logger = log if log is not None and table.name in synced_entities() else None
    if logger is not None:
        logger.complete([fixed])
        last = logger.last_rowid(table)
    columns = [table.c[name] for name in names]
    given = {*names, *fixed}
    for c in table.columns:
        if c.key in given or c.default is None:
            continue
        if not c.default.is_scalar:  # a default computed per row: the caller gives the column
            raise ValueError(f"{table.name}.{c.key}: give its value")
        fixed[c.key] = c.default.arg  # type: ignore[attr-defined]
    conn = session.connection()
    dialect = conn.dialect
    if dialect.paramstyle != "qmark":  # a server's driver: rows as dicts, SQLAlchemy's executemany
        dicts = [{**dict(zip(names, row, strict=True)), **fixed} for row in rows]
        if logger is not None:
            logger.write_keys(table, _inserted_ids(session, table, dicts))
        else:
            session.execute(insert(table), dicts)
        return len(rows)
    with indexes_deferred(session, table, len(rows)):
        values: list[Sequence[Any]] = list(zip(*rows, strict=True))
        for i, c in enumerate(columns):
            convert = c.type._cached_bind_processor(dialect)
            if convert is not None:
                values[i] = _converted(convert, values[i], isinstance(c.type, JSON))
        # what every row shares: written in the statement itself when SQLite's literal of it stores the same
        # (NULL, an integer, a text), else one parameter more a row; the driver binds a None or an object it
        # must adapt at several times the cost of a text, and the NULLs of a new proposal are a third of its columns
        literals, bound, same = [], [], []
        for key, value in fixed.items():
            convert = table.c[key].type._cached_bind_processor(dialect)
            value = convert(value) if convert is not None else value
            literal = _sql_literal(value)
            if literal is None:
                bound.append(table.c[key])
                same.append(value)
            else:
                literals.append((table.c[key], literal))
        tail = tuple(same)
        quote = dialect.identifier_preparer
        every = [*columns, *bound, *(c for c, _ in literals)]
        marks = ["?"] * (len(columns) + len(bound)) + [literal for _, literal in literals]
        sql = (f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.format_column(c) for c in every)}) "
               f"VALUES ({', '.join(marks)})")
        conn.exec_driver_sql(sql, [(*row, *tail) for row in zip(*values, strict=True)])
        if logger is not None:
            logger.write(table, last, frozenset(c.name for c in table.columns if c.key not in names), scopes)
    return len(rows)


def _converted(convert: Callable[[Any], Any], values: Sequence[Any], shared: bool) -> list[Any]:
    """``convert`` applied to each value; for a JSON column (``shared``) once per object, as rows made alike
    often share one (the same evidence of every missing report of a campaign): the same text each time."""
    if not shared:
        return [convert(v) for v in values]
    done: dict[int, Any] = {}
    out = []
    for v in values:
        key = id(v)  # the rows hold every value until the insert: an id is not reused meanwhile
        text_ = done.get(key)
        if text_ is None:
            text_ = done[key] = convert(v)
        out.append(text_)
    return out


def _sql_literal(value: Any) -> str | None:
    """SQLite's literal of a value the driver would store the same when bound (NULL, an integer, a text without
    NUL), or None for a value to bind."""
    if value is None:
        return "NULL"
    if type(value) is int and -(1 << 63) <= value < 1 << 63:
        return str(value)
    if type(value) is str and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None


# -- the change log of bulk inserts -----------------------------------------------------------------------------
def _json_sql(column: Any, dialect: str = "sqlite") -> str:
    """SQL giving a stored value of ``column`` as the JSON value :func:`civicdesk.models.history.json_value`
    gives the value read back (dates and times as ISO text, decimals as text, booleans, JSON as JSON).
    On PostgreSQL (``dialect``) the same values as SQLite's statement makes of the same row: dates and times
    as SQLite stores them (``YYYY-MM-DD``, ``YYYY-MM-DD HH:MM:SS.ffffff``), decimals with the column's scale."""
    name = f't."{column.name}"'
    if dialect != "sqlite":
        if isinstance(column.type, Numeric):
            return f"round({name}::numeric, {column.type.scale or 0})::text"
        if isinstance(column.type, DateTime):
            return f"to_char({name}, 'YYYY-MM-DD HH24:MI:SS.US')"
        if isinstance(column.type, Date):
            return f"to_char({name}, 'YYYY-MM-DD')"
        return name  # booleans, JSON, numbers and texts: json_build_array takes them as they are
    if isinstance(column.type, Boolean):
        return f"CASE WHEN {name} IS NULL THEN NULL WHEN {name} THEN json('true') ELSE json('false') END"
    if isinstance(column.type, JSON):
        return f"json({name})"
    if isinstance(column.type, Numeric):
        return f"CASE WHEN {name} IS NULL THEN NULL ELSE printf('%.{column.type.scale or 0}f', {name}) END"
    return name


def _sent_columns(table: Table) -> list[Any]:
    local = LOCAL_COLUMNS.get(table.name, frozenset())
    return [c for c in table.columns if c.name not in BOOKKEEPING_SENT and c.name not in local]


def _spliced(table: Table, same: frozenset[str]) -> list[str] | None:
    """The sent columns of ``table`` whose value is the same in every row (``same``) when the change log's
    fields can be spliced (:func:`_change_log_sql`), else None."""
    columns = _sent_columns(table)
    if len(columns) > 50 or not any(c.name in same for c in columns) \
            or not all(c.name.isidentifier() and c.name.isascii() for c in columns):
        return None
    return [c.name for c in columns if c.name in same]


def _keyed_change_log_sql(table: Table) -> str:
    """PostgreSQL's statement of :func:`_change_log_sql` (no rowid): the change-log rows of the rows of ``table``
    whose ids are ``:ids``, in that order; the fields by :func:`_keyed_fields_sql`."""
    fields = f"({_keyed_fields_sql(table)})::json"
    return (f"INSERT INTO {ChangeLog.__tablename__} "
            "(entity, row_id, op, scope, fields, vector_before, vector_after, author, at) "
            f"SELECT '{table.name}', t.id, 'insert', {_scope_sql(table)}, {fields}, 'null', t.version_vector, "
            f'CAST(:author AS VARCHAR), :at FROM unnest(CAST(:ids AS VARCHAR[])) WITH ORDINALITY AS k(id, n) '
            f'JOIN "{table.name}" t ON t.id = k.id ORDER BY k.n')


def _keyed_fields_sql(table: Table) -> str:
    """PostgreSQL: SQL giving the change-log fields of a row ``t`` of ``table`` inserted, as text: the text
    ``json_build_object`` makes of ``json_build_array(NULL, value)`` pairs (``{"name" : [null, "…"], …}``), joined
    by ``||`` from each value's ``to_json`` (tests/pg/test_change_log_text.py compares them), without a JSON
    object and an array built for every value (bench/README.md, "The grams in the key's order") and without the
    limit of 100 arguments a function has."""
    pieces = []
    for i, column in enumerate(_sent_columns(table)):
        value = f"COALESCE(to_json({_json_sql(column, 'postgresql')})::text, 'null')"
        pieces.append(f"""'{"{" if i == 0 else ", "}"{column.name}" : [null, ' || {value} || ']'""")
    return f"{' || '.join(pieces)} || '}}'"


def _scope_sql(table: Table) -> str:
    """SQL giving the scope (the county that receives it) of a row ``t`` of ``table``."""
    if "division_code" in table.c:
        return "COALESCE(NULLIF(t.division_code, ''), t.origin_office)"
    if "organization_id" in table.c:
        return ("CASE WHEN t.organization_id IS NULL THEN t.origin_office ELSE "
                "(SELECT o.division_code FROM organization o WHERE o.id = t.organization_id) END")
    if "filing_id" in table.c:
        return ("CASE WHEN t.filing_id IS NULL THEN t.origin_office ELSE (SELECT o.division_code FROM filing f "
                "JOIN organization o ON o.id = f.organization_id WHERE f.id = t.filing_id) END")
    return "t.origin_office"


def _change_log_sql(table: Table, same: frozenset[str] = frozenset(), scope: str | None = None) -> str:
    """INSERT … SELECT of the change-log rows of the rows of ``table`` with rowid in (:after, :upto]: the
    JSON of the fields is made by SQLite, row by row, without a round trip through Python objects.

    Columns whose value is the same in every row (``same``, when :func:`_spliced` allows) are not made again
    row by row: their ``"name":[null,value]`` texts are bound once (``:same0`` …, as SQLite made them for the
    first row: :meth:`_ChangeLogger.write`), spliced between the others' as json_object writes its members
    (no space, in the columns' order): the same text, about half the cost for a row of mostly shared columns.
    The text is made by one ``printf`` (its keys in the format, each value a ``%s`` of a text that is never NULL
    nor holds a NUL: JSON escapes control characters), not by a chain of ``||`` that copies the growing text
    once per part (at 1,000,000 organizations: 128,719 listings' texts in 1.7 s against 2.0-2.3 s).

    ``scope``: SQL giving a row's scope in place of :func:`_scope_sql`'s."""
    columns = _sent_columns(table)
    shared = set(_spliced(table, same) or ())
    if shared:
        keys: list[str] = []
        values: list[str] = []
        bound = 0
        for c in columns:  # at most 50 (_spliced): printf's arguments within SQLite's 127
            keys.append(f'"{c.name}":%s')  # an identifier (_spliced): no quote, no %
            if c.name in shared:
                values.append(f":same{bound}")
                bound += 1
            else:
                values.append(f"json_array(NULL, {_json_sql(c)})")
        fields = f"printf('{{{','.join(keys)}}}', {', '.join(values)})"
    else:
        # every sent column, [null, value], as record_changes logs an ORM insert; json_object takes at most 127
        # arguments, so wide tables are built in parts and merged
        objects = []
        for start in range(0, len(columns), 50):
            pairs = [f"'{c.name}', json_array(NULL, {_json_sql(c)})" for c in columns[start:start + 50]]
            objects.append(f"json_object({', '.join(pairs)})")
        fields = objects[0]
        for more in objects[1:]:
            fields = f"json_patch({fields}, {more})"
    scope = scope or _scope_sql(table)
    return (f"INSERT INTO {ChangeLog.__tablename__} "
            "(entity, row_id, op, scope, fields, vector_before, vector_after, author, at) "
            f"SELECT '{table.name}', t.id, 'insert', {scope}, {fields}, 'null', t.version_vector, :author, :at "
            f'FROM "{table.name}" t WHERE t.rowid > :after AND t.rowid <= :upto ORDER BY t.rowid')


class _ChangeLogger:
    """Writes the change log of bulk-inserted synced rows: the rows ``record_changes`` writes for an ORM
    insert, made by one INSERT … SELECT per chunk over the rows just inserted."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.office = session.info.get("office_code") or "local"
        self.author = session.info.get("actor")
        #: no rowid (PostgreSQL): the rows just inserted are found by their ids (:meth:`write_keys`)
        self.keyed = session.connection().dialect.name != "sqlite"
        # stored as SQLAlchemy stores a DateTime in SQLite
        self.at: Any = utcnow() if self.keyed else utcnow().isoformat(sep=" ", timespec="microseconds")
        self.sql: dict[tuple[str, frozenset[str]], Any] = {}

    def _epoch(self) -> int:
        if "sync_epoch" not in self.session.info:  # the key and cache record_changes uses
            table = table_of(SyncState)
            value = self.session.connection().execute(select(table.c.value).where(table.c.key == "epoch")).scalar()
            self.session.info["sync_epoch"] = int(value) if value else 1
        return int(self.session.info["sync_epoch"])

    def complete(self, rows: Sequence[dict[str, Any]]) -> None:
        """Give the rows what the ORM gives a new synced row (:func:`civicdesk.models.base.bump_versions`): the
        origin office, version 1, a version vector; after a restore (epoch 2, 3 …) the vector counts under
        this office's epoch key, as ``_epoch_vectors`` in :mod:`civicdesk.models.sync` does for ORM inserts."""
        epoch = self._epoch()
        key = epoch_key(self.office, epoch)
        for row in rows:
            if not row.get("origin_office"):
                row["origin_office"] = self.office
            if not row.get("version"):
                row["version"] = 1
            vector = row.get("version_vector")
            if not vector:
                vector = row["version_vector"] = {row["origin_office"]: 1}
            if epoch > 1 and key not in vector:
                vector = {k: v for k, v in vector.items() if k != self.office}
                vector[key] = 1
                row["version_vector"] = vector

    def last_rowid(self, table: Table) -> int:
        return int(self.session.connection().exec_driver_sql(f'SELECT max(rowid) FROM "{table.name}"').scalar() or 0)

    def write(self, table: Table, after: int, same: frozenset[str] = frozenset(),
              scopes: Sequence[str | None] | None = None) -> int:
        """Log the rows of ``table`` inserted after rowid ``after``; returns the last rowid.  ``same``: columns
        whose value is the same in every one of these rows (their JSON made once, from the first row).
        ``scopes``: each row's scope, in the order the rows were inserted (:func:`insert_tuples`): put in a
        temporary table by rowid, read from it by the statement instead of :func:`_scope_sql`'s lookup, when the
        rows' rowids are those SQLite gives rows appended to a table (the largest plus one: ``after`` + 1 … in
        the order of the insert); else the lookup as without."""
        upto = self.last_rowid(table)
        params: dict[str, Any] = {"author": self.author, "at": self.at, "after": after, "upto": upto}
        spliced = _spliced(table, same) if same and upto > after else None
        if spliced:
            first = self.session.connection().exec_driver_sql(
                f"SELECT {', '.join(f'json_array(NULL, {_json_sql(table.c[name])})' for name in spliced)} "
                f'FROM "{table.name}" t WHERE t.rowid > ? ORDER BY t.rowid LIMIT 1', (after,)).one()
            params.update((f"same{i}", value) for i, value in enumerate(first))
            key = (table.name, frozenset(spliced))
        else:
            key = (table.name, frozenset())
        if scopes is not None and self._appended(table, after, upto, len(scopes)):
            conn = self.session.connection()
            conn.exec_driver_sql("CREATE TEMP TABLE bulk_scope (n INTEGER PRIMARY KEY, scope TEXT)")
            conn.exec_driver_sql("INSERT INTO temp.bulk_scope (n, scope) VALUES (?, ?)",
                                 list(zip(range(after + 1, upto + 1), scopes, strict=True)))
            given = "(SELECT s.scope FROM temp.bulk_scope s WHERE s.n = t.rowid)"
            conn.execute(text(_change_log_sql(table, key[1], given)), params)
            conn.exec_driver_sql("DROP TABLE temp.bulk_scope")
            return upto
        sql = self.sql.get(key)
        if sql is None:
            sql = self.sql[key] = text(_change_log_sql(table, key[1]))
        self.session.connection().execute(sql, params)
        return upto

    def _appended(self, table: Table, after: int, upto: int, count: int) -> bool:
        """Whether the ``count`` rows just inserted have the rowids ``after`` + 1 … ``upto``: as many as that,
        none of them elsewhere (a table whose largest rowid is the largest there is gets random ones)."""
        if upto - after != count or upto >= (1 << 63) - 1:
            return False
        found = self.session.connection().exec_driver_sql(
            f'SELECT count(*) FROM "{table.name}" WHERE rowid > ?', (after,)).scalar()
        return found == count

    def write_keys(self, table: Table, ids: Sequence[Any]) -> None:
        """Log the rows of ``table`` just inserted whose ids are ``ids``, in that order (PostgreSQL)."""
        if not ids:
            return
        key = (table.name, frozenset({"#keyed"}))
        sql = self.sql.get(key)
        if sql is None:
            sql = self.sql[key] = text(_keyed_change_log_sql(table))
        self.session.connection().execute(sql, {"author": self.author, "at": self.at, "ids": list(ids)})
