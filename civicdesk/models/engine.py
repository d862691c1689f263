"""Engine and session factory with the SQLite settings DESIGN.md asks for, and PostgreSQL (an office server)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.interfaces import Dialect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.util import LRUCache

from civicdesk.models import audit as _audit  # noqa: F401  (registers the audit trail's history listener)
from civicdesk.models import sync as _sync  # noqa: F401  (registers the sync change log's history listener)
from civicdesk.models.base import bump_versions
from civicdesk.models.history import capture
BUSY_TIMEOUT_MS = 10_000
#: Execution option of a connection whose transactions write: they begin with ``BEGIN IMMEDIATE``.
IMMEDIATE = "civicdesk_immediate"
#: statements compiled for SQLite, kept for every engine of the process made with the same arguments
STATEMENT_CACHE_SIZE = 2000
#: connections an engine keeps open to a PostgreSQL server (a clerk's program), and how many more it may open
#: at a peak: the server's default max_connections (100) then serves a few dozen clerks' programs at once
PG_POOL_SIZE = 3
PG_POOL_OVERFLOW = 5
#: PostgreSQL URLs the program accepts, and the driver (psycopg 3) every one is opened with
POSTGRESQL_DRIVERS = ("postgresql", "postgres", "postgresql+psycopg")
#: The key of the transaction-level advisory lock every writing unit on PostgreSQL takes first (the server's
#: BEGIN IMMEDIATE: one writer of a database at a time, readers never wait).  Advisory locks are per database,
#: so two offices on one server do not wait for each other.  The number is "CivicDsk" in ASCII.
WRITER_LOCK_KEY = 0x4369766963447362
_shared: dict[tuple[str, str], tuple[Dialect, LRUCache[Any, Any]]] = {}
#: every SQLite connection's page cache (KiB; SQLite's default is 2 MB), taken only as pages are read: a search's
#: doclists at a million organizations (two 4-grams' of every segment, a few MB) stay in it from one search to
#: the next instead of being copied again from the OS's cache (bench/README.md, issue 20's row 5)
PAGE_CACHE_KIB = 8 * 1024


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, *, in_memory: bool) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see _begin below):
    # pysqlite's own implicit BEGIN skips DDL and SELECT, which would break whole-unit rollback.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if not in_memory:
        cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed import or registration survives a power cut (NORMAL may roll it back in WAL).
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    cursor.close()


def normalize_url(url: str) -> str:
    """``url`` with a PostgreSQL URL (``postgresql://``, ``postgres://``) naming psycopg 3 as its driver
    (SQLAlchemy's default for ``postgresql://`` is psycopg2, which CivicDesk does not ship)."""
    parsed = make_url(url)
    if parsed.drivername in POSTGRESQL_DRIVERS and parsed.drivername != "postgresql+psycopg":
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


def is_postgresql(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` (an SQLAlchemy URL); SQLite gets foreign keys, WAL, busy timeout, FULL sync;
    PostgreSQL (psycopg 3) a small pool whose connections are checked before use (a server restarted in
    between costs one reconnect, not an error).

    ``engine.execution_options(**{IMMEDIATE: True})`` gives an engine whose transactions begin IMMEDIATE
    (for units of work that write; on PostgreSQL the transaction takes the writer's advisory lock first, see
    :func:`_take_writer_lock`)."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        kwargs = {"pool_size": PG_POOL_SIZE, "max_overflow": PG_POOL_OVERFLOW, "pool_pre_ping": True, **kwargs}
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "postgresql":
        event.listen(engine, "begin", _take_writer_lock)
    if parsed.get_backend_name() == "sqlite":
        engine = _share_compiled_statements(engine, parsed.drivername, kwargs)
        in_memory = parsed.database in (None, "", ":memory:")

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, record: Any) -> None:
            _sqlite_pragmas(dbapi_connection, record, in_memory=in_memory)

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # A unit that writes takes the write lock at its start: a deferred BEGIN that reads and then writes
            # fails at once with SQLITE_BUSY_SNAPSHOT when another process wrote in between (WAL), and the
            # busy timeout cannot help it.  BEGIN IMMEDIATE waits (busy timeout) for the lock instead.
            immediate = conn.get_execution_options().get(IMMEDIATE, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _take_writer_lock(conn: Any) -> None:
    """On PostgreSQL, a transaction that writes (a unit of work, a migration) waits first for the database's
    writer lock, at most the busy timeout (``lock_timeout``: then SQLSTATE 55P03, ``db.busy``), and holds it
    to its commit or rollback.  Every writer of CivicDesk thus runs alone, as on SQLite: the audit chain's
    head, the next filing number, the sync counters and an account's failure count are read and moved by one
    transaction at a time, and since its statements run at READ COMMITTED after the lock was granted they see
    every earlier writer's commit.  Reads (``Database.read``, no IMMEDIATE) take no such lock and never wait."""
    if not conn.get_execution_options().get(IMMEDIATE, False):
        return
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(BUSY_TIMEOUT_MS)}")  # read now: a test may shorten it
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")


def _share_compiled_statements(engine: Engine, driver: str, kwargs: dict[str, Any]) -> Engine:
    """The engine, compiling each statement once per process rather than once per database opened.

    SQLAlchemy keeps compiled statements per engine, keyed by the engine's dialect object; a process that opens
    many SQLite files (the tests open thousands, the city opens each district's package) compiled the same
    statements for every one, about a tenth of the test run's time.  Engines made with the same arguments get
    the first one's dialect (the sqlite3 module's settings, the same for every file of the process: nothing
    in it depends on the file) and one shared cache, through the ``compiled_cache`` execution option."""
    key = (driver, repr(sorted(kwargs.items())))
    if key not in _shared:
        _shared[key] = (engine.dialect, LRUCache(STATEMENT_CACHE_SIZE))
    dialect, cache = _shared[key]
    engine.dialect = dialect
    return engine.execution_options(compiled_cache=cache)


def make_session_factory(engine: Engine, office_code: str | None = None) -> sessionmaker[Session]:
    """Sessions that bump the version of every synced row they change (see ``bump_versions``) and show every
    change of a tracked row to the listeners of :mod:`civicdesk.models.history` (the audit trail)."""
    factory = sessionmaker(bind=engine, expire_on_commit=False, info={"office_code": office_code})
    event.listen(factory, "before_flush", bump_versions)
    event.listen(factory, "before_flush", capture)  # after the versions moved: listeners see the new vectors
    return factory
