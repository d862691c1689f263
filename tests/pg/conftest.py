"""The same office on both back ends: ``office_db`` is a fresh, initialised 沙湾区 database without demo rows,
once an SQLite file (a copy of the run's template) and once a PostgreSQL database (a server-side copy of the
run's template, see tests/helpers/pg.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from civicdesk.services.admin.office import init_office
from civicdesk.services.core.database import Database, open_database
from tests.helpers import pg
from tests.helpers.shared import shared_folder
from tests.helpers.sync import SHAWAN

BACKENDS = ("sqlite", "postgresql")


def _build_template(folder: Path, server: str) -> None:
    name = pg.template_name("empty")
    url = pg.create_database(server, name)
    db = open_database(url)  # migrates 0001 → head on the server
    try:
        init_office(db, code=SHAWAN[0], name=SHAWAN[1], level=SHAWAN[2])
    finally:
        db.close()  # no connection may stay on a template while it is copied
    pg.marker_file(folder, "empty").write_text(name, encoding="utf-8")


@pytest.fixture(scope="session")
def pg_template(tmp_path_factory: pytest.TempPathFactory) -> str | None:
    """The name of the run's PostgreSQL template (built by the first worker that asks), or None without a server."""
    server = pg.server_url()
    if server is None:
        return None
    folder = shared_folder(tmp_path_factory, "pg_template_empty", lambda f: _build_template(f, server))
    return pg.marker_file(folder, "empty").read_text(encoding="utf-8")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def office_db(backend: str, templates: dict[str, Path], tmp_path: Path,
              pg_template: str | None) -> Iterator[Database]:
    if backend == "sqlite":
        target = tmp_path / "office.sqlite3"
        target.write_bytes(templates["empty"].read_bytes())
        db = open_database(target)
        yield db
        db.close()
        return
    server = pg.require_server()
    assert pg_template is not None
    name = pg.test_database_name()
    db = open_database(pg.create_database(server, name, template=pg_template))
    try:
        yield db
    finally:
        db.close()
        pg.drop_database(server, name)
