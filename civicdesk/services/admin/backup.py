"""Backups of an office's database on both back ends, their restore, and the scheduled backups.

* SQLite: a consistent copy of the live file by SQLite's online backup API (:func:`sqlite_backup`); restored the
  same way into the database (one write transaction on it: whole or nothing).
* PostgreSQL: ``pg_dump`` in its custom format; restored by ``pg_restore --clean --single-transaction`` into the
  target database (whole or nothing).

A backup says which office it holds and which schema revision made it: read back from the file before a
restore (SQLite: its ``office`` and ``alembic_version`` tables; a dump: the same two tables' data as
``pg_restore`` lists it).  A restore refuses a backup of another office unless forced, and a backup of a schema
newer than this program's.  Backups are an administrator's act (``office``); the scheduled backup the program
itself makes (:func:`scheduled_backup`) keeps the backups of this database for N days and removes the older
ones of the same database, never another file.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from civicdesk import clock
from civicdesk.errors import CivicDeskError, DatabaseError, InputError
from civicdesk.models.migrate import known_revisions
from civicdesk.services.admin import audit, auth
from civicdesk.services.core.database import Database, copy_pages, default_backup_dir, sqlite_backup

SQLITE_SUFFIX = ".sqlite3"
DUMP_SUFFIX = ".dump"
#: the part of a backup's name after the database's name: ``.backup-YYYYmmdd-HHMMSS``
_STAMP = re.compile(r"\.backup-(\d{8}-\d{6})(?:\.sqlite3|\.dump)$")
SCHEDULES = ("off", "close", "daily")


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds: its office (code) and the schema revision it was made by."""

    path: str
    kind: str  # sqlite | pg_dump
    office_code: str | None
    revision: str | None


def database_name(db: Database) -> str:
    """The name backups of ``db`` start with: the file's stem, or the server database's name."""
    if db.path is not None:
        return db.path.stem
    return str(make_url(db.url).database or "civicdesk")


def backup_folder(db: Database) -> Path:
    """Where backups of ``db`` go by default: beside an SQLite file in ``backups/``; a server database's in the
    user data directory's ``backups``."""
    return db.path.parent / "backups" if db.path is not None else default_backup_dir()


def _default_target(db: Database, folder: Path | None = None) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    suffix = SQLITE_SUFFIX if db.path is not None else DUMP_SUFFIX
    return (folder or backup_folder(db)) / f"{database_name(db)}.backup-{stamp}{suffix}"


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection string for ``url`` (no password: it goes to PGPASSWORD, never on a command line)."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    return parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env


def _program(name: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise DatabaseError("backup.program_missing", program=name)
    return program


def _run(args: list[str], env: dict[str, str], code: str) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
        raise DatabaseError(code, reason=f"{Path(args[0]).name}: {reason}")
    return done.stdout


def _write(db: Database, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    if db.path is not None:
        try:
            sqlite_backup(db.path, target)
        except (sqlite3.Error, OSError) as exc:
            raise DatabaseError("backup.failed", reason=str(exc)) from exc
        return target
    dsn, env = _libpq(db.url)
    partial = target.with_name(target.name + ".partial")
    try:
        _run([_program("pg_dump"), "--format=custom", f"--file={partial}", f"--dbname={dsn}"], env, "backup.failed")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target


def backup(db: Database, output: Path | None = None, *, by: auth.UserInfo | None) -> Path:
    """Back ``db`` up into ``output`` (default: its backup folder, named after the database and the time); the
    backup is recorded in the audit trail first, so that it holds its own entry.  Refuses an existing file."""
    actor = _require(db, by, "backup")
    target = output or _default_target(db)
    if target.exists():
        raise InputError("backup.exists", path=str(target))
    audit.record_event(db, "db.backup", actor=actor, entity="database", file=target.name)
    return _write(db, target)


def _require(db: Database, by: auth.UserInfo | None, attempted: str) -> str:
    try:
        return auth.require(db, by, "office")
    except CivicDeskError as exc:
        audit.record_event(db, "db.refused", actor=by.username if by else None, entity="database",
                           attempted=attempted, error=exc.code)
        raise


# -- what a backup holds --------------------------------------------------------------------------------------
def inspect_backup(path: Path) -> BackupInfo:
    """The office and schema revision of the backup ``path`` (an SQLite file or a pg_dump custom archive)."""
    if not path.is_file():
        raise InputError("backup.missing", path=str(path))
    with path.open("rb") as fh:
        head = fh.read(16)
    if head.startswith(b"SQLite format 3"):
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                office = conn.execute("SELECT code FROM office WHERE is_local = 1").fetchone()
                revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise InputError("backup.not_a_backup", path=str(path)) from exc
        return BackupInfo(str(path), "sqlite", office[0] if office else None, revision[0] if revision else None)
    if head.startswith(b"PGDMP"):
        out = _run([_program("pg_restore"), "--data-only", "--table=office", "--table=alembic_version", "--file=-",
                    str(path)], dict(os.environ), "backup.not_a_backup")
        office, revision = _dump_values(out)
        return BackupInfo(str(path), "pg_dump", office, revision)
    raise InputError("backup.not_a_backup", path=str(path))


def _dump_values(sql: str) -> tuple[str | None, str | None]:
    """The local office's code and the revision from ``pg_restore``'s script of the two tables' data (COPY …
    FROM stdin; tab-separated rows up to ``\\.``)."""
    office: str | None = None
    revision: str | None = None
    columns: list[str] | None = None
    table = ""
    for line in sql.splitlines():
        found = re.match(r"COPY (?:\w+\.)?(\w+) \(([^)]*)\) FROM stdin;", line)
        if found:
            table, columns = found.group(1), [c.strip().strip('"') for c in found.group(2).split(",")]
            continue
        if line == "\\.":
            columns = None
            continue
        if columns is None:
            continue
        values = dict(zip(columns, line.split("\t"), strict=False))
        if table == "office" and values.get("is_local") == "t":
            office = values.get("code")
        elif table == "alembic_version":
            revision = values.get("version_num")
    return office, revision


# -- restore --------------------------------------------------------------------------------------------------
def restore(db: Database, path: Path, *, by: auth.UserInfo | None, force: bool = False) -> BackupInfo:
    """Replace the data of ``db`` with the backup ``path`` (whole or nothing).  Refuses a backup of another office
    (unless ``force``), a backup made by a newer schema, and a backup of the other back end.  ``db`` is closed:
    open the database again to use it (its migration, if the backup is older, runs then)."""
    actor = _require(db, by, "restore")
    info = inspect_backup(path)
    if info.revision is not None and info.revision not in known_revisions():
        raise DatabaseError("backup.newer_schema", path=str(path), revision=info.revision)
    if (info.kind == "sqlite") != (db.path is not None):
        raise InputError("backup.wrong_kind", path=str(path))
    office = db.office_or_none()
    if office is not None and info.office_code != office.code and not force:
        raise CivicDeskError("backup.other_office", path=str(path), backup=info.office_code or "-", office=office.code)
    forced = bool(force and office is not None and info.office_code != office.code)
    if db.path is None:
        _refuse_while_others_work(db)
    audit.record_event(db, "db.restore", actor=actor, entity="database", file=path.name,
                       backup_office=info.office_code, forced=forced)
    db.close()
    if db.path is not None:
        _restore_sqlite(path, db.path)
    else:
        dsn, env = _libpq(db.url)
        _run([_program("pg_restore"), "--clean", "--if-exists", "--single-transaction", "--exit-on-error",
              "--no-owner", f"--dbname={dsn}", str(path)], env, "restore.failed")
    return info


def _refuse_while_others_work(db: Database) -> None:
    """A server database another program is in the middle of a transaction on is not restored: pg_restore
    would wait for it without end (its script sets ``lock_timeout = 0``).  Idle connections of the clerks'
    programs hold no lock and do not count; their programs see the restored data at their next read."""
    with db.engine.connect() as conn:
        busy = int(conn.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            " AND state IS NOT NULL AND state <> 'idle'")).scalar() or 0)
        conn.rollback()
    if busy:
        raise CivicDeskError("restore.busy", sessions=busy)


def _restore_sqlite(backup_file: Path, target: Path) -> None:
    """The backup's pages into the live database by the online backup API: one write transaction on the
    target (another program's open connection sees the old data or the new, never a mix)."""
    try:
        copy_pages(backup_file, target, timeout=10)
    except sqlite3.Error as exc:
        raise DatabaseError("restore.failed", reason=str(exc)) from exc


# -- scheduled backups ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScheduledResult:
    made: Path | None  # the backup made now, or None (not due)
    removed: list[Path]


def backups_of(db: Database, folder: Path) -> list[tuple[datetime, Path]]:
    """This database's backups in ``folder`` (named ``NAME.backup-STAMP.sqlite3|.dump``), oldest first."""
    found = []
    prefix = database_name(db)
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        if not path.name.startswith(prefix + ".backup-"):
            continue
        stamp = _STAMP.search(path.name)
        if stamp is None or path.name[: stamp.start()] != prefix:
            continue
        try:
            found.append((datetime.strptime(stamp.group(1), "%Y%m%d-%H%M%S"), path))
        except ValueError:
            continue
    return sorted(found)


def scheduled_backup(db: Database, *, schedule: str, keep_days: int, folder: Path | None = None,
                     closing: bool = False) -> ScheduledResult:
    """The program's own backup, as the administrator set it on this machine: ``close`` backs up each time the
    window closes (``closing``), ``daily`` once a day (the first call of a day that finds no backup of today);
    then the backups of this database older than ``keep_days`` days are removed (never the one just made, never
    another database's or another program's file).  The system acts (no user): recorded in the audit trail."""
    if schedule not in SCHEDULES:
        raise InputError("backup.schedule", value=schedule)
    if isinstance(keep_days, bool) or not isinstance(keep_days, int) or not 1 <= keep_days <= 3650:
        raise InputError("backup.keep_days", value=keep_days)
    folder = folder or backup_folder(db)
    now = clock.now()
    existing = backups_of(db, folder)
    due = (schedule == "close" and closing) or (
        schedule == "daily" and not any(at.date() == now.date() for at, _ in existing))
    made = None
    if due:
        target = _default_target(db, folder)
        if not target.exists():
            audit.record_event(db, "db.backup", actor=None, entity="database", file=target.name, scheduled=schedule)
            made = _write(db, target)
    removed = []
    cutoff = now - timedelta(days=keep_days)
    for at, path in existing:
        if at < cutoff and path != made:
            path.unlink(missing_ok=True)
            removed.append(path)
    return ScheduledResult(made, removed)
