"""What the 到期提醒 tab lists, gathered from the supervision services on the runner (no SQL here: the ui
talks to services only).  See :mod:`civicdesk.ui.supervision.due_panel` for what each list means.

The services of the whole lists (rating, spot check, credit, complaints) are imported where they are used: the
workbench imports this module on the GUI thread to start the first page, which needs the inspection service
only, and makes its other tabs (whose modules import those services) while the runner reads it; imported at the
top they delayed the first page by their import (about 0.15 s, mostly the credit service and its models)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from civicdesk import clock
from civicdesk.services.core.database import Database
from civicdesk import messages
from civicdesk.services.supervision import inspection, parameters
from civicdesk.ui.supervision.due_panel import DueLists, DueRow


def reports(db: Database, labels: dict[str, str], days: int, job: Any = None,
            first: int | None = None) -> tuple[list[DueRow], list[DueRow]]:
    """(due within ``days``, overdue): the due organizations of this office's open campaigns without a report
    (only the first ``first`` by name of each campaign with ``first``)."""
    today = clock.today()
    soon: list[DueRow] = []
    late: list[DueRow] = []
    for campaign in inspection.list_campaigns(db):
        if campaign.state != "open":
            continue
        if job is not None:
            job.check()
        # one query for both lists: due, no report, the deadline before the day after the window, i.e. overdue
        # (before today) or due soon (today ... today + days); reading every record and the whole due list
        # instead took minutes at a million organizations
        for m in inspection.missing_list(db, campaign, today=today + timedelta(days=days + 1), limit=first):
            if m.deadline < today:
                late.append(DueRow(m.organization_id, m.name, m.uscc, m.deadline, labels.get(m.legal_form or "", "")))
            else:
                soon.append(DueRow(m.organization_id, m.name, m.uscc, m.deadline,
                                   labels.get(m.legal_form or "", m.legal_form or "")))
    return sorted(soon, key=lambda r: (r.on, r.name)), sorted(late, key=lambda r: (r.on, r.name))


def expiring_ratings(db: Database) -> list[DueRow]:
    """Ratings in force ending within ``rating.expiry_warning_days``, soonest first."""
    from civicdesk.services.supervision import rating  # imported when used: see the module
    return [DueRow(r.organization_id, r.organization_name, r.uscc, r.valid_to, r.current_grade or "")
            for r in rating.list_ratings(db, expiring=True) if r.valid_to is not None]


def past_rectification(db: Database, job: Any = None) -> list[DueRow]:
    """Spot checks told to rectify by a date that passed, without a rectification recorded."""
    from civicdesk.services.supervision import spotcheck  # imported when used: see the module
    today = clock.today()
    found = []
    for plan in spotcheck.list_plans(db):
        if plan.state not in ("drawn", "completed"):
            continue
        if job is not None:
            job.check()
        title = plan.title or str(plan.year)
        for item in spotcheck.list_items(db, plan.id):
            if item.result == "rectify" and item.rectify_by is not None and item.rectified_on is None \
                    and item.rectify_by < today:
                found.append(DueRow(item.organization_id, item.organization_name, item.uscc, item.rectify_by, title))
    return sorted(found, key=lambda r: (r.on, r.name))


def credit_timers(db: Database, lang: str) -> list[DueRow]:
    """The credit lists' timers (:func:`credit.due`), earliest first: what each waits for, its bucket, the
    calendar-estimate note, and its list and ground for the tooltip."""
    from civicdesk.services.supervision import credit  # imported when used: see the module
    return [DueRow(i.organization_id, i.organization_name, None, i.due_on, messages.label(f"credit_due.{i.kind}", lang),
                   i.bucket, i.note, f"{credit.list_label(i.list_kind, lang)}：{credit.ground_label(i.ground, lang)}"
                   if messages.is_zh(lang) else f"{credit.list_label(i.list_kind, lang)}: "
                   f"{credit.ground_label(i.ground, lang)}") for i in credit.due(db, lang=lang)]


def overdue_complaints(db: Database) -> list[DueRow]:
    """This office's complaints past their reply date and not replied, the longest overdue first."""
    from civicdesk.services.supervision import complaints, credit  # imported when used: see the module
    today = clock.today()
    return [DueRow(c.organization_id or c.id, c.subject, None, c.due_on, " ".join(c.content.split())[:60],
                   credit.bucket(c.due_on, today))
            for c in complaints.list_complaints(db, overdue=True, office=db.office().code) if c.due_on is not None]


def due_lists(db: Database, lang: str, job: Any = None, *, first: int | None = None) -> DueLists:
    """The six lists as of today (the program's clock); with ``first``, only a first page of the reports due
    or overdue (the first ``first`` by name of each campaign) and none of the others, for a first paint."""
    from civicdesk.services.register import lookups

    days = int(parameters.value(db, "supervision.due_days"))
    forms = {v.code: v.label(lang) for v in lookups.dictionaries(db).get("legal_form", [])}
    soon, late = reports(db, forms, days, job, first)
    if first is not None:
        return DueLists(due_soon=soon, overdue=late, expiring=[], rectify=[], days=days)
    if job is not None:
        job.progress(2, 6)
    expiring = expiring_ratings(db)
    if job is not None:
        job.progress(3, 6)
    rectify = past_rectification(db, job)
    if job is not None:
        job.progress(4, 6)
    timers = credit_timers(db, lang)
    if job is not None:
        job.progress(5, 6)
    return DueLists(due_soon=soon, overdue=late, expiring=expiring, rectify=rectify, days=days, credit=timers,
                    complaints=overdue_complaints(db))
