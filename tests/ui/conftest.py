"""Fixtures for the GUI tests: an application context over a real database file, offscreen."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from civicdesk.services.admin.office import init_office
from civicdesk.services.core.database import open_database
from civicdesk.services.sync import keys
from civicdesk.ui.context import AppContext
from civicdesk.ui.runner import Runner
from tests.helpers.shared import shared_folder
from tests.helpers.sync import PASSPHRASE as SYNC_PASSPHRASE


@pytest.fixture
def make_ctx(tmp_path: Path, qapp: object) -> Iterator:
    made: list[AppContext] = []

    def make(path: Path, lang: str = "zh") -> AppContext:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(open_database(path), settings, Runner(), lang)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.runner.wait()
        ctx.db.close()


@pytest.fixture(scope="session")
def sync_window_offices(tmp_path_factory: pytest.TempPathFactory, templates: dict[str, Path]) -> Path:
    """沙湾区 with its demo share and an empty city, with keys, trusting each other, built once per test run
    (tests/conftest.py's shared_folder); tests/ui/test_sync_window.py's ``offices`` copies them per test."""
    def build(folder: Path) -> None:
        district, city = folder / "district.sqlite3", folder / "city.sqlite3"
        shutil.copyfile(templates["shawan_demo"], district)
        cards = {}
        for path, setup in ((district, None), (city, ("511100", "乐山市民政局", "city"))):
            db = open_database(path)
            if setup:
                init_office(db, code=setup[0], name=setup[1], level=setup[2])
            keys.ensure_keys(db, SYNC_PASSPHRASE)
            cards[path] = keys.make_card(db, SYNC_PASSPHRASE)
            db.close()
        for a, b in ((district, city), (city, district)):
            db = open_database(a)
            keys.trust_card(db, cards[b])
            with db.engine.connect() as conn:  # fold the WAL into the main file so a plain copy is complete
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            db.close()

    return shared_folder(tmp_path_factory, "sync_window_offices", build)
