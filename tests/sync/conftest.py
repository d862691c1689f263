"""Fixtures for sync: offices with keys that trust each other, built once per session and copied per test.
The session templates ``sync_templates`` and ``first_package`` are in tests/conftest.py: the permission tests
use them too.

Every office runs the real commands (``civicdesk.app.main`` in-process, for speed): init, demo, office card,
office trust.  The city loads only the organizations it registered itself (see :func:`load_own_share`): the
districts' organizations reach it by sync.

A full package of the demo share is the costliest step of these tests (export and import): the first exchange,
which many tests begin with, is made once per session (``up_templates``: 沙湾区's first package applied at the
city; ``exchanged_templates``: and the city's answer applied at 沙湾区), by the same commands, and copied.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers.shared import shared_folder
from tests.helpers.sync import checkpoint, export, import_json, load_own_share

#: what a fixture copies of a template folder: the offices (with a write-ahead log an office may have left)
#: and their cards, as ``pair`` does; no package
_OFFICE_FILES = ("*.sqlite3", "*.sqlite3-wal", "*.cdcard")


def _copy_offices(source: Path, target: Path) -> None:
    for pattern in _OFFICE_FILES:
        for p in source.glob(pattern):
            shutil.copyfile(p, target / p.name)


def _paths(folder: Path) -> dict[str, Path]:
    return {"city": folder / "511100.sqlite3", "district": folder / "511111.sqlite3",
            "other": folder / "511102.sqlite3", "dir": folder}


@pytest.fixture
def pair(sync_templates: Path, tmp_path: Path) -> dict[str, Path]:
    """Fresh copies: ``city``, ``district`` (沙湾区), ``other`` (市中区), and the folder."""
    for p in sync_templates.iterdir():
        shutil.copyfile(p, tmp_path / p.name)
    return _paths(tmp_path)


@pytest.fixture(scope="session")
def up_templates(first_package: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pair after ``import_json(city, *export(district, "511100", folder))``: 沙湾区's first (full) package,
    made once (``first_package``), imported at the city by ``sync import``."""
    source, _ = first_package

    def build(folder: Path) -> None:
        _copy_offices(source, folder)
        (package,) = source.glob("*.cdsync")
        code, results = import_json(folder / "511100.sqlite3", package)
        assert code == 0 and [r["status"] for r in results] == ["applied"], results
        for p in folder.glob("*.sqlite3"):
            checkpoint(p)

    return shared_folder(tmp_path_factory, "sync_up", build)


@pytest.fixture(scope="session")
def exchanged_templates(up_templates: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``up_templates`` after the city's answer: ``import_json(district, *export(city, "511111", folder))``."""
    def build(folder: Path) -> None:
        _copy_offices(up_templates, folder)
        code, results = import_json(folder / "511111.sqlite3", *export(folder / "511100.sqlite3", "511111", folder))
        assert code == 0 and {r["status"] for r in results} == {"applied"}, results
        for p in folder.glob("*.cdsync"):
            p.unlink()
        for p in folder.glob("*.sqlite3"):
            checkpoint(p)

    return shared_folder(tmp_path_factory, "sync_exchanged", build)


@pytest.fixture
def pair_up(up_templates: Path, tmp_path: Path) -> dict[str, Path]:
    """Fresh copies of the pair after 沙湾区's first package reached the city (see ``up_templates``)."""
    _copy_offices(up_templates, tmp_path)
    return _paths(tmp_path)


@pytest.fixture
def pair_exchanged(exchanged_templates: Path, tmp_path: Path) -> dict[str, Path]:
    """Fresh copies of the pair after the first exchange both ways (see ``exchanged_templates``)."""
    _copy_offices(exchanged_templates, tmp_path)
    return _paths(tmp_path)


@pytest.fixture(scope="session")
def jurisdiction_template(first_package: tuple[Path, bytes], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pair, with the city's own registrations loaded, 沙湾区's first package (``first_package``) imported at
    the city, and one organization of 市中区 at the city (as received from it): the world of the jurisdiction
    and supervision tests, made once for both."""
    import json
    import sqlite3

    source, _ = first_package

    def build(folder: Path) -> None:
        for p in source.iterdir():
            if p.is_file():
                shutil.copyfile(p, folder / p.name)
        city = folder / "511100.sqlite3"
        load_own_share(city)
        (first,) = folder.glob("*.cdsync")
        assert import_json(city, first)[0] == 0
        conn = sqlite3.connect(city)  # one city registration becomes 市中区's own (as if received from it)
        try:
            (theirs,) = conn.execute("SELECT id FROM organization WHERE origin_office = ? AND division_code = ? "
                                     "LIMIT 1", ("511100", "511102")).fetchall()
            conn.execute("UPDATE organization SET registry_code = ?, origin_office = ?, version_vector = ? "
                         "WHERE id = ?", ("511102", "511102", json.dumps({"511102": 1}), theirs[0]))
            conn.commit()
        finally:
            conn.close()
        for p in folder.glob("*.sqlite3"):
            checkpoint(p)

    return shared_folder(tmp_path_factory, "sync_jurisdiction", build)
