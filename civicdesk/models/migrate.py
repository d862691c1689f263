"""Alembic configuration for the packaged migrations, and the revisions this program knows.

``REVISIONS`` (kept in :mod:`civicdesk.schema`, which the first paint reads too) lists the migration ids in
order, so that opening an up-to-date database needs no Alembic at all (importing it costs about half a second
of start-up); a test checks it against the scripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from civicdesk.schema import REVISIONS

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str = "sqlite://") -> Config:
    from alembic.config import Config  # half a second to import (see the module): only when migrating

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    return REVISIONS[-1]


def known_revisions() -> set[str]:
    return set(REVISIONS)


def script_revisions() -> list[str]:
    """The revisions of the migration scripts, oldest first (Alembic's own view, for the test)."""
    from alembic.script import ScriptDirectory  # half a second to import (see the module): tests only

    return [s.revision for s in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))]
