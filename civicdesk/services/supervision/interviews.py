"""Administrative interviews (行政约谈, docs/DOMAIN.md "Enforcement and complaints"): recorded, then their outcome.

Offers:

- :func:`record`: a clerk (``supervise``) records an interview held with an organization's leaders: when (not in
  the future), where, who took part, the issues raised, the rectification required and the day it is due (both
  or neither; the day not before the interview), and optionally the complaint that led to it (about the same
  organization, or about no registered one).
- :func:`record_outcome`: the outcome (what the organization did), on a day not before the interview and not in
  the future; once.
- :func:`get_interview`, :func:`list_interviews` (per organization, per office).

Every refusal is audited (``interview.refused``) and writes nothing; every change is audited by the unit's actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.errors import CivicDeskError, InputError, NotFoundError
from civicdesk.models import Complaint, Interview, Organization
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.supervision import enforcement as common
from civicdesk.services.supervision.common import check_shown, preload_orgs

ENTITY = "interview"


@dataclass(frozen=True)
class InterviewInfo:
    id: str
    organization_id: str
    organization_name: str
    office_code: str
    held_at: datetime
    place: str
    participants: str
    issues: str
    rectification: str | None
    rectify_by: date | None
    outcome: str | None
    outcome_on: date | None
    complaint_id: str | None
    entered_by: str
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        iso = common.iso
        return {"id": self.id, "organization_id": self.organization_id, "organization_name": self.organization_name,
                "office_code": self.office_code, "held_at": iso(self.held_at), "place": self.place,
                "participants": self.participants, "issues": self.issues, "rectification": self.rectification,
                "rectify_by": iso(self.rectify_by), "outcome": self.outcome, "outcome_on": iso(self.outcome_on),
                "complaint_id": self.complaint_id, "entered_by": self.entered_by}


def _info(session: Session, i: Interview) -> InterviewInfo:
    org = session.get(Organization, i.organization_id)
    return InterviewInfo(i.id, i.organization_id, org.name if org else "", i.office_code, i.held_at, i.place,
                         i.participants, i.issues, i.rectification, i.rectify_by, i.outcome, i.outcome_on,
                         i.complaint_id, i.entered_by, i.version)


def _find(session: Session, key: str) -> Interview:
    i = session.get(Interview, (key or "").strip())
    if i is None or i.deleted_at is not None:
        raise NotFoundError("interview.not_found", key=key)
    return i


def record(db: Database, organization: str, *, held_at: Any, place: str, participants: str, issues: str,
           rectification: str | None = None, rectify_by: Any = None, complaint: str | None = None,
           by: auth.UserInfo | None) -> InterviewInfo:
    """A new interview; see the module for what is refused."""
    def work() -> InterviewInfo:
        actor = auth.require(db, by, common.ENTER)
        when = common.moment(held_at, "held_at")
        where = common.text(place, "place", "约谈地点", required=True)
        who = common.text(participants, "participants", "参加人员", required=True, multiline=True)
        what = common.text(issues, "issues", "约谈事项", required=True, multiline=True)
        required = common.text(rectification, "rectification", "整改要求", multiline=True)
        due = common.day(rectify_by, "rectify_by", required=False, future=True)
        if (required is None) != (due is None):
            raise InputError("interview.rectification_pair")
        if due is not None and due < when.date():
            raise InputError("interview.rectify_before_held", value=due.isoformat(), held=when.date().isoformat())
        office = db.office()
        with db.unit(actor=actor) as session:
            org = common.find_org(session, organization)
            complaint_id = None
            if complaint:
                c = session.get(Complaint, complaint.strip())
                if c is None or c.deleted_at is not None:
                    raise NotFoundError("interview.complaint_not_found", key=complaint)
                if c.organization_id not in (None, org.id):
                    raise CivicDeskError("interview.complaint_other_org", key=complaint)
                complaint_id = c.id
            i = Interview(organization_id=org.id, office_code=office.code, held_at=when, place=where,
                          participants=who, issues=what, rectification=required, rectify_by=due,
                          complaint_id=complaint_id, entered_by=actor, origin_office=office.code)
            session.add(i)
            session.flush()
            return _info(session, i)

    return common.guarded(db, by, ENTITY, "record", organization if isinstance(organization, str) else None, work)


def record_outcome(db: Database, interview: str, *, outcome: str, outcome_on: Any = None,
                   by: auth.UserInfo | None, shown_version: int | None = None) -> InterviewInfo:
    """The outcome of an interview (once); refused (``record.changed``) when the interview changed since the
    clerk's view showed it at ``shown_version``."""
    def work() -> InterviewInfo:
        actor = auth.require(db, by, common.ENTER)
        text = common.text(outcome, "outcome", "约谈结果", required=True, multiline=True)
        on = common.day(outcome_on, "outcome_on", required=False) or clock.today()
        with db.unit(actor=actor) as session:
            i = _find(session, interview)
            check_shown(i, shown_version, ENTITY)
            if i.outcome is not None:
                raise CivicDeskError("interview.outcome_recorded", key=i.id)
            if on < i.held_at.date():
                raise InputError("interview.outcome_before_held", value=on.isoformat(),
                                 held=i.held_at.date().isoformat())
            i.outcome, i.outcome_on = text, on
            session.flush()
            return _info(session, i)

    return common.guarded(db, by, ENTITY, "outcome", interview, work)


def get_interview(db: Database, key: str) -> InterviewInfo:
    with db.read() as session:
        return _info(session, _find(session, key))


def list_interviews(db: Database, *, organization: str | None = None,
                    office: str | None = None) -> list[InterviewInfo]:
    """Interviews, the latest first; ``organization`` (id or USCC) and ``office`` narrow them."""
    with db.read() as session:
        q = select(Interview).where(Interview.deleted_at.is_(None))
        if organization:
            q = q.where(Interview.organization_id == common.find_org(session, organization).id)
        if office:
            q = q.where(Interview.office_code == office)
        q = q.order_by(Interview.held_at.desc(), Interview.id)
        rows = list(session.scalars(q))
        _held = preload_orgs(session, (i.organization_id for i in rows))  # the rows find theirs in the session
        return [_info(session, i) for i in rows]
