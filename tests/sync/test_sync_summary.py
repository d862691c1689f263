"""A sync import keeps the register's summary (migration 0018) equal to the rows: the city after 沙湾区's first
package (every organization and cultivation row applied by ``sync import``)."""

from __future__ import annotations

from pathlib import Path

from tests.cultivation.test_organization_summary import check


def test_a_sync_import_keeps_the_summary(pair_up: dict[str, Path]) -> None:
    check(pair_up["city"])
