"""The integration tests' own settings: ``@pytest.mark.slow`` tests (long stress and fuzz runs) are skipped
unless a marker expression is given (``-m slow``)."""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("markexpr"):
        return
    skip = pytest.mark.skip(reason="long run: use -m slow")
    here = Path(__file__).parent
    for item in items:
        if "slow" in item.keywords and here in Path(item.path).parents:
            item.add_marker(skip)
