"""Opening a CivicDesk database: recognise it, back it up, migrate it, and hand out units of work.

:func:`open_database` refuses a file that is not SQLite, an SQLite file of another program, and a database
made by a newer CivicDesk; before it applies a migration to an existing file it copies the file with
SQLite's online backup API.  :class:`Database` gives services their sessions: one ``unit()`` is one unit
of work that commits as a whole or not at all, and takes SQLite's write lock at its start (BEGIN IMMEDIATE).
:func:`database_error` says in one sentence what an SQLite failure means for the clerk (locked, read-only,
full disk, damaged file), so that no such failure ends in a traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, event, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from civicdesk.errors import CivicDeskError, DatabaseError
from civicdesk.services.register import search
from civicdesk.models import Base, Office, make_engine, make_session_factory
from civicdesk.models import engine as engine_module
from civicdesk.models.engine import IMMEDIATE, normalize_url
from civicdesk.models.sync import ChangeLog
from civicdesk.models.migrate import alembic_config, head_revision, known_revisions
from civicdesk.services.register.first_page import default_database_path  # noqa: F401 (its home before the first paint)
from civicdesk.services.register.plain import OfficeInfo
from civicdesk import clock

SQLITE_HEADER = b"SQLite format 3\x00"
#: how many times in all :meth:`Database.run` tries a unit the database ended with a conflict, and the pause
#: before the second try (doubled before each further one)
CONFLICT_ATTEMPTS = 3
CONFLICT_PAUSE_S = 0.05
T = TypeVar("T")


def to_url(path_or_url: str | Path) -> str:
    """An SQLAlchemy URL for a file path, or the URL itself (a PostgreSQL one naming psycopg 3)."""
    text = str(path_or_url)
    if "://" in text:
        try:
            parsed = make_url(text)
            backend = parsed.get_backend_name() if parsed.port is None or parsed.port > 0 else None
        except (ArgumentError, ValueError):  # not a URL SQLAlchemy reads (a port that is no number …)
            backend = None
        if backend not in ("sqlite", "postgresql"):  # a typo, or a database CivicDesk does not run on
            raise DatabaseError("db.cannot_open", path=re.sub(r"//[^@/]*@", "//", text),  # never a password
                                reason="只能打开 SQLite 文件或 postgresql:// 服务器 / only an SQLite file or a "
                                       "postgresql:// server")
        return normalize_url(text)
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def copy_pages(source: Path, target: Path, *, timeout: float = 5.0) -> None:
    """Every page of the SQLite database ``source`` (opened read-only) into ``target`` by the online backup API:
    one write transaction on ``target``, which waits up to ``timeout`` seconds for another writer."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target, timeout=timeout)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def sqlite_backup(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently (online backup API), never by copying the file.

    The copy is written under a temporary name and renamed when complete: a process killed during the backup
    leaves ``TARGET.partial``, never a file under the backup's name that is empty or half written."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)  # a leftover of a killed earlier attempt
    copy_pages(source, partial)
    with partial.open("rb+") as fh:  # on disk before the rename makes it the backup
        os.fsync(fh.fileno())
    os.replace(partial, target)


#: SQLite's primary result codes (``sqlite3.Error.sqlite_errorname`` up to the first '_' after SQLITE_) and
#: what they mean for the clerk.
_SQLITE_CODES = {
    "SQLITE_BUSY": "db.busy", "SQLITE_LOCKED": "db.busy", "SQLITE_READONLY": "db.read_only",
    "SQLITE_FULL": "db.full", "SQLITE_CORRUPT": "db.corrupt", "SQLITE_NOTADB": "db.corrupt",
    "SQLITE_IOERR": "db.io", "SQLITE_CANTOPEN": "db.io", "SQLITE_PERM": "db.read_only",
}
#: the same, recognised by the message where the driver gives no code
_SQLITE_MESSAGES = (
    ("database is locked", "db.busy"), ("database table is locked", "db.busy"), ("readonly database", "db.read_only"),
    ("database or disk is full", "db.full"), ("disk i/o error", "db.io"), ("malformed", "db.corrupt"),
    ("file is not a database", "db.corrupt"), ("unable to open database file", "db.io"),
)


def _nearly_full(path: str | Path | None) -> bool:
    """Whether the disk of the database file ``path`` has (almost) no room left."""
    if not path or "://" in str(path):
        return False
    try:
        return shutil.disk_usage(Path(path).parent).free < 1024 * 1024
    except OSError:
        return False


def database_error(exc: BaseException, path: str | Path | None = None) -> DatabaseError | None:
    """The one-sentence :class:`DatabaseError` for an SQLite failure the clerk's situation causes (another
    program holds the lock, a read-only file, a full disk, a damaged file), or None for any other error.

    Only SQLite's own message is kept: the statement (which may hold data, or say which audit entry was being
    written) is never part of it."""
    orig = getattr(exc, "orig", None) or exc
    if _is_psycopg_error(orig):
        return _postgresql_error(orig, path)
    if not isinstance(orig, sqlite3.Error):
        return None
    name = getattr(orig, "sqlite_errorname", "") or ""
    primary = "_".join(name.split("_")[:2])
    # a read snapshot overtaken by another writer: a transaction that read before it wrote (not a wait)
    code = "db.conflict" if name == "SQLITE_BUSY_SNAPSHOT" else _SQLITE_CODES.get(primary)
    reason = str(orig.args[0] if orig.args else orig)
    if code is None:
        low = reason.lower()
        code = next((c for text_, c in _SQLITE_MESSAGES if text_ in low), None)
    if code is None:
        return None
    if code == "db.io" and _nearly_full(path):
        code = "db.full"  # SQLite says "disk I/O error" when the full disk is the -shm file's
    # the timeout in force, read when the error is made (a test may shorten it)
    return DatabaseError(code, path=str(path or ""), reason=reason, seconds=engine_module.BUSY_TIMEOUT_MS / 1000)


#: PostgreSQL's SQLSTATE codes (or their two-character classes) and what they mean for the clerk
_PG_STATES = {
    "40001": "db.conflict", "40P01": "db.conflict",  # serialization failure, deadlock: nothing was written
    "55P03": "db.busy", "57014": "db.busy",  # lock not available, statement timeout (a lock waited too long)
    "25006": "db.read_only", "53100": "db.full",
    "08": "db.server", "28": "db.server", "3D": "db.server", "57P": "db.server", "53300": "db.server",
}


def _is_psycopg_error(exc: BaseException) -> bool:
    return type(exc).__module__.startswith("psycopg")


def _postgresql_error(orig: BaseException, path: str | Path | None) -> DatabaseError | None:
    """The :class:`DatabaseError` for a PostgreSQL failure of the clerk's situation (the server unreachable or
    refusing the login, a conflict with another clerk, a lock held too long, a read-only server, a full disk),
    or None for any other error (a bug: it keeps its traceback)."""
    state = str(getattr(orig, "sqlstate", None) or "")
    code = _PG_STATES.get(state) or _PG_STATES.get(state[:3]) or _PG_STATES.get(state[:2])
    if code is None and not state and type(orig).__name__ == "OperationalError":
        code = "db.server"  # no SQLSTATE: the connection could not be made or was lost
    if code is None:
        return None
    # the server's own first line only: never the statement (it may hold data)
    reason = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    label = make_url(str(path)).render_as_string(hide_password=True) if path and "://" in str(path) else str(path or "")
    return DatabaseError(code, path=label, reason=reason, seconds=engine_module.BUSY_TIMEOUT_MS / 1000)


def _check_sqlite_file(path: Path) -> None:
    """Refuse, before SQLAlchemy touches it, a file that is not an SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise DatabaseError("db.not_a_database", path=str(path))


#: how many of its own units' change-log ranges a program remembers (the watch needs those since its last probe)
OWN_CHANGES_KEPT = 1000


def _mark_before(session: Session, _transaction: Any, connection: Any) -> None:
    """The newest change-log number when a unit's transaction begins (its write lock held from here)."""
    if session.info.get("writing") and "change_mark" not in session.info:
        session.info["change_mark"] = int(connection.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0)


class Database:
    """An open, migrated CivicDesk database: engine, sessions, and this installation's office."""

    def __init__(self, engine: Engine, url: str, path: Path | None) -> None:
        self.engine = engine
        self.url = url
        self.path = path
        self._sessions: sessionmaker[Session] = make_session_factory(engine)
        # units of work write: their transactions begin IMMEDIATE (see civicdesk.models.engine)
        self._writer = engine.execution_options(**{IMMEDIATE: True})
        search.install(self._sessions)
        self._office: OfficeInfo | None = None
        #: the change-log numbers this program's own units wrote, as ranges (first, last): the window's watch
        #: tells these from another program's changes (:meth:`others_wrote`)
        self.own_changes: list[tuple[int, int]] = []
        event.listen(self._sessions, "after_begin", _mark_before)

    # -- units of work -------------------------------------------------------------------------------
    @contextmanager
    def unit(self, actor: str | None = None) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls everything back on any exception.

        ``actor`` (a user name) is who the audit trail names for every change made in the unit.  The unit
        holds the write lock from its first statement to its end (SQLite: BEGIN IMMEDIATE; PostgreSQL: the
        database's writer advisory lock, see ``civicdesk.models.engine._take_writer_lock``), waiting up to the
        busy timeout for another writer; a lock held longer, a read-only file, a full disk, a damaged file, a
        server gone or a conflict with another transaction end the unit with a :class:`DatabaseError`
        (nothing written).  A block cannot be run twice: :meth:`run` replays a unit that ended in a conflict."""
        office = self.office_or_none()
        session = self._sessions(bind=self._writer)
        session.info["office_code"] = office.code if office else None
        session.info["writing"] = True
        if actor:
            session.info["actor"] = actor
        written: tuple[int, int] | None = None
        try:
            with session.begin():
                yield session
                before = session.info.get("change_mark")
                if before is not None:  # under the write lock since its first statement: the new numbers are ours
                    after = int(session.scalar(select(func.coalesce(func.max(ChangeLog.id), 0))) or 0)
                    written = (before + 1, after) if after > before else None
            if written is not None:
                self.own_changes.append(written)
                del self.own_changes[:-OWN_CHANGES_KEPT]
        except (SADatabaseError, sqlite3.Error) as exc:
            mapped = database_error(exc, self.path or self.url)
            if mapped is None:
                raise
            raise mapped from exc
        finally:
            session.close()

    def run(self, work: Callable[[Session], T], actor: str | None = None) -> T:
        """``work(session)`` in one unit of work; its result.  A unit the database ended with a conflict
        (PostgreSQL: serialization failure 40001 or deadlock 40P01; SQLite: a snapshot overtaken), of which
        nothing was written, is run again, at most :data:`CONFLICT_ATTEMPTS` times in all, after a short pause;
        the last conflict ends as ``db.conflict``.  ``work`` must be safe to repeat: it reads what it needs in
        its session and changes nothing outside the database before the unit commits."""
        attempt = 1
        while True:
            try:
                with self.unit(actor) as session:
                    return work(session)
            except DatabaseError as exc:
                if exc.code != "db.conflict" or attempt >= CONFLICT_ATTEMPTS:
                    raise
            time.sleep(CONFLICT_PAUSE_S * 2 ** (attempt - 1))
            attempt += 1

    def others_wrote(self, since: int, upto: int) -> bool:
        """Whether a change-log entry numbered in ``(since, upto]`` was written by another program (or by a
        path of this one that does not go through :meth:`unit`): ``False`` when every number in the range is
        one of this program's own units."""
        wanted = since + 1
        for first, last in sorted(self.own_changes):
            if first > wanted:
                break
            wanted = max(wanted, last + 1)
        return wanted <= upto

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (rolled back at the end); SQLite failures as in :meth:`unit`."""
        session = self._sessions()
        try:
            yield session
        except (SADatabaseError, sqlite3.Error) as exc:
            mapped = database_error(exc, self.path or self.url)
            if mapped is None:
                raise
            raise mapped from exc
        finally:
            session.rollback()
            session.close()

    # -- the local office ----------------------------------------------------------------------------
    def office_or_none(self) -> OfficeInfo | None:
        if self._office is None:
            with self.read() as session:
                row = session.scalars(select(Office).where(Office.is_local.is_(True))).first()
                if row is not None:
                    self._office = OfficeInfo(row.code, row.name, row.level)
        return self._office

    def office(self) -> OfficeInfo:
        office = self.office_or_none()
        if office is None:
            raise CivicDeskError("db.not_initialized")
        return office

    def forget_office(self) -> None:
        self._office = None

    def close(self) -> None:
        self.engine.dispose()


def stamped_revision(conn: Any) -> str | None:
    """The revision recorded in ``alembic_version`` (read directly: Alembic is imported only to migrate)."""
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _schema_state(engine: Engine) -> tuple[str | None, set[str]]:
    """The Alembic revision stamped in the database (or None) and the names of its tables."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = stamped_revision(conn) if "alembic_version" in tables else None
        conn.rollback()
    return revision, tables


def open_database(path_or_url: str | Path | None = None, *, backup_dir: Path | None = None,
                  create: bool = True, backup: bool = True) -> Database:
    """Open (creating if needed, unless ``create`` is False) and migrate a CivicDesk database.

    Raises :class:`DatabaseError` for a file that is not SQLite, an SQLite database of another program, or
    a database whose schema is newer than this program knows; with ``create`` False, for a file that does not
    exist (nothing is written then).  An existing database that needs a migration is first backed up beside
    itself (or into ``backup_dir``) as ``NAME.before-REV-TIMESTAMP.sqlite3``; a server database by pg_dump, unless
    ``backup`` is False (``--no-backup``: where pg_dump is missing, and the administrator has a backup of their own).
    """
    url = to_url(path_or_url if path_or_url is not None else default_database_path())
    parsed = make_url(url)
    path: Path | None = None
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        name = parsed.database
        if str(parsed.query.get("uri", "")).lower() in ("true", "1") and name.startswith("file:"):
            name = name[len("file:"):]  # an SQLite URI (file:PATH?mode=ro): the file is PATH
        path = Path(name)
        if not path.parent.exists():
            raise DatabaseError("db.cannot_open", path=str(path), reason="folder does not exist / 文件夹不存在")
        if not create and not path.exists():
            raise DatabaseError("db.missing", path=str(path))
        _check_sqlite_file(path)
        if create and not path.exists():
            _create_from_image(path)
    label = str(path) if path else parsed.render_as_string(hide_password=True)

    engine = make_engine(url)
    try:
        revision, tables = _schema_state(engine)
    except (SADatabaseError, OperationalError) as exc:
        engine.dispose()
        if "file is not a database" in str(exc) or "encrypted" in str(exc):
            raise DatabaseError("db.not_a_database", path=label) from exc
        raise database_error(exc, label) or DatabaseError("db.cannot_open", path=label, reason=str(exc.orig)) from exc

    ours = set(Base.metadata.tables) | {"alembic_version"}
    if revision is None and tables:
        engine.dispose()
        raise DatabaseError("db.not_civicdesk", path=label, tables=", ".join(sorted(tables - ours)[:5] or tables))
    if revision is not None and revision not in known_revisions():
        engine.dispose()
        raise DatabaseError("db.newer_schema", path=label, revision=revision)

    if revision != head_revision():
        if backup and revision is not None and path is None and engine.dialect.name == "postgresql":
            try:
                pg_dump_backup(url, backup_dir or default_backup_dir(), revision)
            except DatabaseError:
                engine.dispose()
                raise
        if revision is not None and path is not None:
            stamp = clock.now().strftime("%Y%m%d-%H%M%S")
            folder = backup_dir or path.parent
            target = folder / f"{path.stem}.before-{revision}-{stamp}.sqlite3"
            for stale in folder.glob(f"{path.stem}.before-*.sqlite3.partial"):
                stale.unlink(missing_ok=True)  # a backup whose process was killed: never a backup
            try:
                sqlite_backup(path, target)
            except (sqlite3.Error, OSError) as exc:
                engine.dispose()
                raise DatabaseError("db.backup_failed", reason=str(exc)) from exc
        try:
            upgrade(engine, url)
        except (SADatabaseError, sqlite3.Error) as exc:
            engine.dispose()
            error = database_error(exc, label)
            if error is None:
                raise
            raise error from exc
        if revision is None and path is not None:
            _remember_image(engine)
    db = Database(engine, url, path)
    try:
        if _index_pending_count(db):
            with db.unit() as session:  # rows added in bulk, or before the index existed
                search.index_pending(session)
    except BaseException:
        db.close()
        raise
    return db


def default_backup_dir() -> Path:
    """Where a server database's backups go when no folder is given: ``backups`` in the user data directory."""
    return default_database_path().parent / "backups"


def pg_dump_backup(url: str, folder: Path, revision: str) -> Path:
    """Back up a PostgreSQL database with ``pg_dump`` (custom format, for ``pg_restore``) into ``folder`` as
    ``DBNAME.before-REV-TIMESTAMP.dump``, written under a temporary name and renamed when complete.  Raises
    :class:`DatabaseError` ``db.pg_dump_missing`` when pg_dump is not on PATH (it names ``--no-backup``) and
    ``db.backup_failed`` when it fails: a database is never migrated without its backup unless told so."""
    program = shutil.which("pg_dump")
    if program is None:
        raise DatabaseError("db.pg_dump_missing")  # names --no-backup
    parsed = make_url(url)
    libpq = parsed.set(drivername="postgresql")
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{parsed.database or 'civicdesk'}.before-{revision}-{stamp}.dump"
    partial = target.with_name(target.name + ".partial")
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)  # never on the command line, where `ps` shows it
    dsn = libpq.set(password=None).render_as_string(hide_password=False)
    done = subprocess.run([program, "--format=custom", f"--file={partial}", f"--dbname={dsn}"], env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        raise DatabaseError("db.backup_failed", reason=f"pg_dump: {reason}")
    os.replace(partial, target)
    return target


#: head revision -> the pages of a new database this process migrated to it, as the file holds them once the
#: WAL is folded in (see _create_from_image)
_new_images: dict[str, bytes] = {}


def _remember_image(engine: Engine) -> None:
    """Keep the pages of the new database just migrated (empty of rows but Alembic's own), once per process."""
    if head_revision() in _new_images:
        return
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        serialize = getattr(raw, "serialize", None)  # Python 3.11+, an SQLite built with it
        if serialize is not None:
            _new_images[head_revision()] = bytes(serialize())
        conn.rollback()


def _create_from_image(path: Path) -> None:
    """A new database file written from the pages of the last new database this process migrated, when there
    is one: the same file Alembic would make (its migrations are deterministic), without running them again
    (0.2 to 0.4 s of CPU each: a process that makes several new databases, as the tests and the sync
    simulations do, pays once).  The file appears whole or not at all (a hard link of a finished temporary file;
    if another program created the path meanwhile, or the folder allows no hard links, nothing is done here
    and the usual path migrates)."""
    image = _new_images.get(head_revision())
    if image is None:
        return
    partial = path.with_name(f".{path.name}.{os.getpid()}.new")
    try:
        partial.write_bytes(image)
        os.link(partial, path)
    except OSError:
        pass
    finally:
        partial.unlink(missing_ok=True)


def _index_pending_count(db: Database) -> bool:
    """Whether the search index has rows to catch up on (asked in a read, so that opening a database for a
    read-only command neither waits for the write lock nor writes)."""
    with db.read() as session:
        return search.has_pending(session)


def upgrade(engine: Engine, url: str, revision: str = "head") -> None:
    """Apply the migrations up to ``revision`` in one transaction (SQLite has transactional DDL)."""
    migrate(engine, url, revision, downgrade=False)


def migrate(engine: Engine, url: str, revision: str, *, downgrade: bool = False) -> None:
    """Run Alembic to ``revision`` in one transaction.

    SQLite rebuilds a table to alter it ("batch" mode), which foreign keys would forbid: they are switched off
    for the migration (outside the transaction, as SQLite requires), checked before the commit, and switched
    back on.
    """
    from alembic import command  # half a second to import: only a database that needs a migration pays it

    cfg = alembic_config(url)
    # IMMEDIATE: a second program opening the same old file waits for this migration instead of failing
    with engine.execution_options(**{IMMEDIATE: True}).connect() as conn:
        raw = conn.connection.dbapi_connection
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            raw.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                if downgrade:
                    command.downgrade(cfg, revision)
                else:
                    command.upgrade(cfg, revision)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseError("db.cannot_open", path=url, reason=f"foreign keys broken: {broken[:3]}")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
