"""The 信用名单 tab's first page (a city may hold 100,000 listings): the newest listings waiting for a decision or
in force, shown at once without their timers, then replaced by every listing with its timers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from civicdesk.services.core.database import open_database
from civicdesk.services.supervision import credit
from civicdesk.ui.supervision import credit_tab


def test_the_first_page_is_the_newest_current_listings_of_the_whole_list(shawan_db_path: Path,
                                                                         monkeypatch: Any) -> None:
    db = open_database(shawan_db_path)
    try:
        whole = credit_tab.load(db)
        current = [r.listing for r in whole.rows if r.listing.state in credit_tab.CURRENT]
        assert whole.complete and len(current) > 3
        monkeypatch.setattr(credit_tab, "FIRST_PAGE", 3)
        first = credit_tab.first_page(db)
        assert not first.complete and first.grounds == whole.grounds
        assert [r.listing.id for r in first.rows] == [r.id for r in current[:3]]  # newest first, as the list
        assert all(r.removal_due is None and r.objections == () for r in first.rows)  # timers come with the rest
        assert [r.id for r in credit.list_listings(db, states=("listed",), limit=2)] == [
            r.id for r in current if r.state == "listed"][:2]
    finally:
        db.close()


def test_the_first_page_of_penalties_is_the_newest_of_the_whole_list(shawan_db_path: Path) -> None:
    from civicdesk.services.supervision import penalties

    db = open_database(shawan_db_path)
    try:
        whole = penalties.list_penalties(db)
        assert len(whole) > 2
        assert [p.id for p in penalties.list_penalties(db, limit=2)] == [p.id for p in whole[:2]]
    finally:
        db.close()
