"""The dashboard's tiles on the demo city are the seed letter's figures (issue 18's done-when: "a new user opens
the demo city and sees the letter's figures on the dashboard")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from civicdesk.services.core.database import open_database
from civicdesk.services.dashboard import Dashboard


def test_the_tiles_of_the_demo_city_are_the_letters_figures(templates: Any, tmp_path: Path) -> None:
    db = open_database(templates["city_demo"])  # read only: the template itself, no copy
    try:
        tiles = Dashboard(db).tiles()
    finally:
        db.close()
    assert (tiles["registered"], tiles["community"], tiles["per_10k"]) == (1831, 5611, 5.08)
    assert (tiles["bases"], tiles["parks"]) == (5, 2)
    assert tiles["purchased_amount"] > Decimal("32000000") and tiles["purchased_since"] == 2019
    assert tiles["volunteer_teams"] > 1400
    assert (tiles["funds"], tiles["fund_size"]) == (9, Decimal("1350000.00"))
    assert tiles["stations"] == 20 and tiles["person_times"] > 100_000
