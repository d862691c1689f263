"""PostgreSQL for the tests: a fresh database per test, copied by the server from a template made once per run.

The server is the one ``CIVICDESK_TEST_PG`` names (an SQLAlchemy URL of a database the tests may connect to
and whose user may create databases: ``.ci/run`` and ``scripts/pg_test_cluster.sh`` start a throwaway one).
Without it a test that needs the server is skipped, loudly, unless ``CI`` is set: then it fails, so that CI never
passes with the PostgreSQL tests left out.

Each run names its databases ``cdtest_<run>_…`` (``<run>`` from ``CIVICDESK_TEST_PG_RUN``, which the run's first
process sets and its pytest-xdist workers inherit).  The template (migrated, the office initialised, users made)
is built once per run by the first worker that asks (under the lock of :func:`tests.helpers.shared.shared_folder`);
``CREATE DATABASE … TEMPLATE`` then copies it on the server for each test in a few tens of milliseconds, and
the test's database is dropped after it.  The run's first process drops whatever is left at its end
(:func:`drop_run_databases`).
"""

from __future__ import annotations

import hashlib
import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from civicdesk.models import Base
from civicdesk.models.engine import normalize_url
from civicdesk.services.core.database import Database

ENV = "CIVICDESK_TEST_PG"
RUN_ENV = "CIVICDESK_TEST_PG_RUN"
PREFIX = "cdtest_"
_numbers = count()


def server_url() -> str | None:
    value = os.environ.get(ENV, "").strip()
    return normalize_url(value) if value else None


def require_server() -> str:
    """The server's URL; skips the test (fails it under CI) when there is none."""
    url = server_url()
    if url is None:
        reason = (f"PostgreSQL TESTS NOT RUN: {ENV} is not set (start a server with "
                  f"`sh scripts/pg_test_cluster.sh start DIR` and export the URL it prints as {ENV})")
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run them", pytrace=False)
        pytest.skip(reason)
    return url


def run_id() -> str:
    """This run's part of the database names (set once, in the run's first process: workers inherit it)."""
    if RUN_ENV not in os.environ:
        os.environ[RUN_ENV] = uuid.uuid4().hex[:10]
    return os.environ[RUN_ENV]


def database_url(server: str, name: str) -> str:
    return make_url(server).set(database=name).render_as_string(hide_password=False)


@contextmanager
def _admin(server: str) -> Iterator[object]:
    """An autocommit connection to the server's own database (CREATE/DROP DATABASE run outside transactions)."""
    engine = create_engine(server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def create_database(server: str, name: str, template: str | None = None) -> str:
    """``CREATE DATABASE name`` (a copy of ``template``); its URL."""
    with _admin(server) as conn:
        copy = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"{copy}')  # type: ignore[attr-defined]
    return database_url(server, name)


def drop_database(server: str, name: str) -> None:
    with _admin(server) as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]


def template_name(key: str) -> str:
    return f"{PREFIX}{run_id()}_tmpl_{key}"


def test_database_name() -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"{PREFIX}{run_id()}_{worker}_{os.getpid()}_{next(_numbers)}"


def drop_run_databases() -> None:
    """Drop every database of this run still on the server (the templates; a test's left by a killed worker)."""
    server = server_url()
    if server is None or RUN_ENV not in os.environ:
        return
    try:
        with _admin(server) as conn:
            names = [r[0] for r in conn.execute(  # type: ignore[attr-defined]
                text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": f"{PREFIX}{run_id()}_%"})]
        for name in names:
            drop_database(server, name)
    except OperationalError as exc:  # the server went away: its databases with it, or a developer's to clean
        print(f"\nPostgreSQL test databases {PREFIX}{run_id()}_* not dropped: {exc.orig}", file=sys.stderr)


def marker_file(folder: Path, key: str) -> Path:
    return folder / f"{key}.pg"


def content_digest(db: Database, without: tuple[str, ...] = ()) -> str:
    """A digest of every row of every table of the program's schema (but those in ``without``), read through the
    database's own engine: the same check as :func:`tests.helpers.db.digest` on either back end."""
    h = hashlib.sha256()
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in without:
                continue
            order = list(table.primary_key.columns) or list(table.columns)
            h.update(table.name.encode())
            for row in conn.execute(select(table).order_by(*order)):
                h.update(repr(tuple(row)).encode())
        conn.rollback()
    return h.hexdigest()


CLUSTER_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg_test_cluster.sh"


def cluster(action: str, folder: Path) -> str:
    """``sh scripts/pg_test_cluster.sh ACTION FOLDER`` (start, stop, pause, resume): a throwaway server of the
    test's own, for the tests that stop it; what the script printed (the URL, for ``start``)."""
    import subprocess

    done = subprocess.run(["sh", str(CLUSTER_SCRIPT), action, str(folder)], capture_output=True, text=True,
                          check=False, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"pg_test_cluster.sh {action} failed: {done.stderr.strip()}")
    return done.stdout.strip()


def snapshot(db: Database, without: tuple[str, ...] = ()) -> object:
    """The content of ``db`` to compare with a later one (``==``), on either back end: for an SQLite file
    :func:`tests.helpers.db.digest` of the file, for a server :func:`content_digest` (every table's rows in
    primary-key order)."""
    if db.engine.dialect.name == "sqlite":
        from tests.helpers.db import digest

        return digest(Path(str(db.engine.url.database)), without)
    return content_digest(db, without)


def register_rows_digest(db: Database) -> str:
    """A digest of the synced content (what :func:`tests.helpers.db.register_digest` reads from a file: not the
    local bookkeeping, seq, pinyin, ranks, times), read through the database's engine as the program's values, so
    that an office on a server and one in a file compare."""
    from civicdesk.models.sync import synced_entities

    skip = {"seq", "name_pinyin", "name_initials", "name_rank", "created_at", "updated_at", "version"}
    h = hashlib.sha256()
    with db.engine.connect() as conn:
        for name in synced_entities():
            table = Base.metadata.tables[name]
            columns = [c for c in table.columns if c.name not in skip]
            for row in conn.execute(select(*columns).order_by(table.c.id)):
                h.update(repr(tuple(row)).encode())
        conn.rollback()
    return h.hexdigest()
