"""Fixtures of the cultivation tests: 沙湾区's demo database, and the same with the rows of ``grow``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from civicdesk.services.core.database import Database, open_database
from tests.helpers.cultivation import grow


@pytest.fixture
def demo(shawan_db_path: Any) -> Iterator[Database]:
    """沙湾区 with its demo register."""
    database = open_database(shawan_db_path)
    yield database
    database.close()


@pytest.fixture
def grown(demo: Database) -> dict[str, Any]:
    return grow(demo)
