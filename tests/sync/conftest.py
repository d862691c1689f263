"""Fixtures for sync: offices with keys that trust each other, built once per session and copied per test.

Every office runs the real commands (``civicdesk.app.main`` in-process, for speed): init, demo, office card,
office trust.  The city loads only the organizations it registered itself (see :func:`load_own_share`): the
districts' organizations reach it by sync.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers.sync import CITY, DISTRICTS, PASSPHRASE, checkpoint, export, make_office, ok, trust_each_other

os.environ["CIVICDESK_KEY_PASSPHRASE"] = PASSPHRASE


@pytest.fixture(scope="session")
def sync_templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A city (no demo rows) and 沙湾区 (its demo share), with keys, trusting each other."""
    folder = tmp_path_factory.mktemp("sync_pair")
    make_office(folder, *CITY, demo=False)
    make_office(folder, "511111", DISTRICTS["511111"], "district", demo=True)
    trust_each_other(folder, "511100", "511111")
    # a third office that trusts 沙湾区 but is not the recipient of its packages
    make_office(folder, "511102", DISTRICTS["511102"], "district", demo=False)
    ok("--db", folder / "511102.sqlite3", "office", "trust", folder / "511111.cdcard", "--yes")
    for p in folder.glob("*.sqlite3"):
        checkpoint(p)
    return folder


@pytest.fixture
def pair(sync_templates: Path, tmp_path: Path) -> dict[str, Path]:
    """Fresh copies: ``city``, ``district`` (沙湾区), ``other`` (市中区), and the folder."""
    for p in sync_templates.iterdir():
        shutil.copyfile(p, tmp_path / p.name)
    return {"city": tmp_path / "511100.sqlite3", "district": tmp_path / "511111.sqlite3",
            "other": tmp_path / "511102.sqlite3", "dir": tmp_path}


@pytest.fixture(scope="session")
def first_package(sync_templates: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """沙湾区's first (full) package to the city, made once: (district db template copy, bytes)."""
    folder = tmp_path_factory.mktemp("first_package")
    for p in sync_templates.iterdir():
        shutil.copyfile(p, folder / p.name)
    files = export(folder / "511111.sqlite3", "511100", folder)
    assert len(files) == 1
    return folder, files[0].read_bytes()
