"""What the 到期提醒 tab lists, gathered from the supervision services on the runner (no SQL here: the ui
talks to services only).  See :mod:`civicdesk.ui.supervision.due_panel` for what each list means."""

from __future__ import annotations

from typing import Any

from civicdesk.services.core.database import Database
from civicdesk.services.supervision import parameters, rating
from civicdesk.ui.supervision.due_panel import DueLists, DueRow


def expiring_ratings(db: Database) -> list[DueRow]:
    """Ratings in force ending within ``rating.expiry_warning_days``, soonest first."""
    return [DueRow(r.organization_id, r.organization_name, r.uscc, r.valid_to, r.current_grade or "")
            for r in rating.list_ratings(db, expiring=True) if r.valid_to is not None]


def due_lists(db: Database, lang: str, job: Any = None) -> DueLists:
    """The four lists as of today (the program's clock)."""
    days = int(parameters.value(db, "supervision.due_days"))
    return DueLists(due_soon=[], overdue=[], expiring=expiring_ratings(db), rectify=[], days=days)
