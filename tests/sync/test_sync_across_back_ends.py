"""Sync between an office on PostgreSQL and one on SQLite, by the real commands: 沙湾区 on a server sends its first
package to the city in a file, and 沙湾区 in a file sends its first package to the city on a server.  Each city
then holds exactly what the city holds after the same exchange between two files (``up_templates``).  The
offices are built once per run (server templates copied per test); needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from civicdesk.services.core.database import open_database
from tests.helpers import pg
from tests.helpers.shared import shared_folder
from tests.helpers.sync import CITY, SHAWAN, checkpoint, export, import_json, ok


@functools.lru_cache(maxsize=4)
def _baseline(path: Path) -> str:
    """The register of the city after the exchange between two files (the same template all run long)."""
    return _register(path)


def _register(url_or_path: str | Path) -> str:
    db = open_database(url_or_path)
    try:
        return pg.register_rows_digest(db)
    finally:
        db.close()


@pytest.fixture(scope="session")
def mixed_templates(sync_templates: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Server templates of 沙湾区 (its demo share) and of the city (no rows), each with its card; copies of the
    files' city and 沙湾区 that trust the server's offices (and the server's offices them)."""
    server = pg.require_server()

    def build(folder: Path) -> None:
        for code, (office, demo) in {"511111": (SHAWAN, True), "511100": (CITY, False)}.items():
            name = pg.template_name(f"sync_{code}")
            pg.drop_database(server, name)  # left by a worker whose build failed half-way (read its error)
            url = pg.create_database(server, name)
            ok("--db", url, "init", "--office-code", office[0], "--office-name", office[1], "--level", office[2])
            if demo:
                ok("--db", url, "demo")
            ok("--db", url, "office", "card", "-o", folder / f"pg-{code}.cdcard")
            (folder / f"pg-{code}.name").write_text(name, encoding="utf-8")
        for code in ("511100", "511111"):
            shutil.copyfile(sync_templates / f"{code}.sqlite3", folder / f"{code}.sqlite3")
        other = {"511100": "511111", "511111": "511100"}
        for code in ("511100", "511111"):  # each file office trusts the server's office it exchanges with
            ok("--db", folder / f"{code}.sqlite3", "office", "trust", folder / f"pg-{other[code]}.cdcard", "--yes")
            url = pg.database_url(server, (folder / f"pg-{code}.name").read_text(encoding="utf-8"))
            ok("--db", url, "office", "trust", sync_templates / f"{other[code]}.cdcard", "--yes")
        for p in folder.glob("*.sqlite3"):
            checkpoint(p)

    return shared_folder(tmp_path_factory, "sync_mixed", build)


@pytest.fixture
def mixed(mixed_templates: Path, tmp_path: Path) -> dict[str, str | Path]:
    """Fresh copies: the server's 沙湾区 and city (URLs), the files' city and 沙湾区 (paths)."""
    server = pg.require_server()
    out: dict[str, str | Path] = {"dir": tmp_path}
    names = []
    for code in ("511100", "511111"):
        shutil.copyfile(mixed_templates / f"{code}.sqlite3", tmp_path / f"{code}.sqlite3")
        out[f"file-{code}"] = tmp_path / f"{code}.sqlite3"
        name = pg.test_database_name()
        template = (mixed_templates / f"pg-{code}.name").read_text(encoding="utf-8")
        out[f"pg-{code}"] = pg.create_database(server, name, template=template)
        names.append(name)
    yield out
    for name in names:
        pg.drop_database(server, name)


def test_a_district_on_a_server_syncs_to_a_city_in_a_file(mixed: dict[str, str | Path], up_templates: Path) -> None:
    city, folder = mixed["file-511100"], Path(mixed["dir"])
    (package,) = export(mixed["pg-511111"], "511100", folder)  # type: ignore[arg-type]
    code, results = import_json(city, package)  # type: ignore[arg-type]
    assert code == 0 and results[0]["status"] == "applied" and results[0]["counts"]["inserted"] > 1000, results
    assert _register(city) == _baseline(up_templates / "511100.sqlite3")
    # the city's answer (its acknowledgement) back to the server
    (answer,) = export(city, "511111", folder)  # type: ignore[arg-type]
    code, results = import_json(mixed["pg-511111"], answer)  # type: ignore[arg-type]
    assert code == 0 and results[0]["status"] == "applied", results


def test_a_district_in_a_file_syncs_to_a_city_on_a_server(mixed: dict[str, str | Path], up_templates: Path) -> None:
    city, folder = mixed["pg-511100"], Path(mixed["dir"])
    (package,) = export(mixed["file-511111"], "511100", folder)  # type: ignore[arg-type]
    code, results = import_json(city, package)  # type: ignore[arg-type]
    assert code == 0 and results[0]["status"] == "applied" and results[0]["counts"]["inserted"] > 1000, results
    assert _register(city) == _baseline(up_templates / "511100.sqlite3")
    code, results = import_json(city, package)  # type: ignore[arg-type]
    assert code == 0 and results[0]["status"] == "already_imported"
