"""Fixtures for sync: offices with keys that trust each other, built once per session and copied per test.
The session templates ``sync_templates`` and ``first_package`` are in tests/conftest.py: the permission tests
use them too.

Every office runs the real commands (``civicdesk.app.main`` in-process, for speed): init, demo, office card,
office trust.  The city loads only the organizations it registered itself (see :func:`load_own_share`): the
districts' organizations reach it by sync.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest




@pytest.fixture
def pair(sync_templates: Path, tmp_path: Path) -> dict[str, Path]:
    """Fresh copies: ``city``, ``district`` (沙湾区), ``other`` (市中区), and the folder."""
    for p in sync_templates.iterdir():
        shutil.copyfile(p, tmp_path / p.name)
    return {"city": tmp_path / "511100.sqlite3", "district": tmp_path / "511111.sqlite3",
            "other": tmp_path / "511102.sqlite3", "dir": tmp_path}
