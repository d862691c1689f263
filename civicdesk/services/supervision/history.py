"""An organization's supervision timeline (监管档案): every supervision record about it, the newest first.

:func:`history` reads, for one organization: decided inspection records (year, conclusion; dated by the
decision), ratings that were decided (grade, valid to; dated from their start), spot checks it was drawn for (plan
year, result; dated by the check, else by the draw), interviews (dated when held), penalties (a draft case is an
investigation opened, dated by its entry; a decided or withdrawn one by its decision), credit listings and their
removals (read from ``credit_listing``, each a dated step), and the complaints about it (without their reporter).

Each :class:`Entry` has its day, its kind (:data:`KINDS`), a one-line summary from the catalogue
(``history.<kind>`` with the entry's values), and the row it comes from (entity and id).  Reading needs no right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import clock, messages
from civicdesk.models import (Complaint, CreditListing, InspectionRecord, Interview, Penalty, RatingApplication,
                              SpotcheckItem, SpotcheckPlan)
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.supervision import enforcement as common

KINDS = ("inspection", "rating", "spotcheck", "interview", "investigation", "penalty", "penalty_withdrawn",
         "credit_listed", "credit_removed", "complaint")


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: ``summary`` renders ``history.<kind>`` with ``params`` in a language."""

    day: date
    kind: str
    entity: str
    id: str
    params: dict[str, Any] = field(default_factory=dict)

    def summary(self, lang: str = "zh") -> str:
        return messages.text(f"history.{self.kind}", lang, **self.params)

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        return {"date": self.day.isoformat(), "kind": self.kind, "summary": self.summary(lang),
                "entity": self.entity, "id": self.id}


@dataclass(frozen=True)
class Timeline:
    organization_id: str
    organization_name: str
    entries: tuple[Entry, ...]

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        return {"organization_id": self.organization_id, "organization_name": self.organization_name,
                "entries": [e.to_json(lang) for e in self.entries]}


def _entries(session: Session, org_id: str) -> list[Entry]:
    out: list[Entry] = []
    for r in session.scalars(select(InspectionRecord).where(
            InspectionRecord.organization_id == org_id, InspectionRecord.state == "decided",
            InspectionRecord.deleted_at.is_(None))):
        when = r.decided_at.date() if r.decided_at else r.received_on
        out.append(Entry(when, "inspection", "inspection_record", r.id,
                         {"year": r.year, "conclusion": r.conclusion or "pass"}))
    for a in session.scalars(select(RatingApplication).where(
            RatingApplication.organization_id == org_id, RatingApplication.valid_from.is_not(None),
            RatingApplication.deleted_at.is_(None))):
        assert a.valid_from is not None
        out.append(Entry(a.valid_from, "rating", "rating_application", a.id,
                         {"grade": a.current_grade or a.grade or "-", "state": a.state,
                          "valid_to": common.iso(a.valid_to) or "-"}))
    for item, plan in session.execute(select(SpotcheckItem, SpotcheckPlan).join(
            SpotcheckPlan, SpotcheckPlan.id == SpotcheckItem.plan_id).where(
            SpotcheckItem.organization_id == org_id, SpotcheckItem.deleted_at.is_(None))):
        checked = item.checked_on or (plan.drawn_at.date() if plan.drawn_at else None)
        if checked is None:
            continue
        out.append(Entry(checked, "spotcheck", "spotcheck_item", item.id,
                         {"year": plan.year, "result": item.result or "pending"}))
    for i in session.scalars(select(Interview).where(Interview.organization_id == org_id,
                                                     Interview.deleted_at.is_(None))):
        out.append(Entry(i.held_at.date(), "interview", "interview", i.id,
                         {"issues": _line(i.issues), "rectify_by": common.iso(i.rectify_by) or "-"}))
    for p in session.scalars(select(Penalty).where(Penalty.organization_id == org_id, Penalty.deleted_at.is_(None))):
        params = {"case_no": p.case_no, "kind": p.kind, "decision_no": p.decision_no or "-"}
        if p.state == "draft" or p.decided_on is None:
            out.append(Entry(_local_day(p.created_at), "investigation", "penalty", p.id, params))
        else:
            kind = "penalty_withdrawn" if p.state == "withdrawn" else "penalty"
            out.append(Entry(p.decided_on, kind, "penalty", p.id, params))
    for c in session.scalars(select(CreditListing).where(CreditListing.organization_id == org_id,
                                                         CreditListing.deleted_at.is_(None))):
        if c.listed_on is not None:
            out.append(Entry(c.listed_on, "credit_listed", "credit_listing", c.id,
                             {"list": c.list_kind, "decision_no": c.decision_no or "-"}))
        if c.removed_on is not None:
            out.append(Entry(c.removed_on, "credit_removed", "credit_listing", c.id,
                             {"list": c.list_kind, "decision_no": c.removal_decision_no or "-"}))
    for m in session.scalars(select(Complaint).where(Complaint.organization_id == org_id,
                                                     Complaint.deleted_at.is_(None))):
        out.append(Entry(m.received_on, "complaint", "complaint", m.id,
                         {"channel": m.channel, "state": m.state, "content": _line(m.content)}))
    return out


def _local_day(stamp: datetime) -> date:
    """The office's day of a stored (naive UTC) timestamp."""
    offset = clock.now() - clock.utcnow()
    return (stamp + timedelta(minutes=round(offset.total_seconds() / 60))).date()


def _line(text: str, width: int = 40) -> str:
    """The first line of a text, cut to ``width`` characters: a summary stays one line."""
    first = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return first if len(first) <= width else first[:width - 1] + "…"


def history(db: Database, organization: str, *, by: auth.UserInfo | None = None) -> Timeline:
    """The timeline of ``organization`` (id or USCC), newest first (one day's entries in :data:`KINDS` order)."""
    del by  # reading the register's supervision records needs no right; the parameter keeps services uniform
    with db.read() as session:
        org = common.find_org(session, organization)
        entries = _entries(session, org.id)
        order = {k: n for n, k in enumerate(KINDS)}
        entries.sort(key=lambda e: (-e.day.toordinal(), order[e.kind], e.id))
        return Timeline(org.id, org.name, tuple(entries))
