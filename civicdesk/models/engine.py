"""Engine and session factory with the SQLite settings DESIGN.md asks for."""

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
_shared: dict[tuple[str, str], tuple[Dialect, LRUCache[Any, Any]]] = {}


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
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url`` (an SQLAlchemy URL); SQLite gets foreign keys, WAL, busy timeout, FULL sync.

    ``engine.execution_options(**{IMMEDIATE: True})`` gives an engine whose transactions begin IMMEDIATE
    (for units of work that write)."""
    parsed = make_url(url)
    engine = create_engine(url, **kwargs)
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
