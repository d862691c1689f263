"""Fixtures for the GUI tests: an application context over a real database file, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from civicdesk.services.core.database import open_database
from civicdesk.ui.context import AppContext
from civicdesk.ui.runner import Runner


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
