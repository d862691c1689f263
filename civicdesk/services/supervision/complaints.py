"""Complaints and reports (举报投诉, docs/DOMAIN.md "Enforcement and complaints"), the reporter kept confidential.

Offers:

- :func:`receive`: a complaint received on a day (not in the future) by a channel (:data:`CHANNELS`), about a
  registered organization (``organization``: id or USCC) or an unregistered one by name (``subject_name``),
  exactly one of the two, with its content and its reporter: a name (phone, address optional) or
  ``anonymous``.  The reporter is stored only in ``complaint_reporter`` (a local table, never synced, printed or
  exported, and not in the audit trail's row changes).
- :func:`assign`: to a clerk account that exists, is active and may ``supervise``; the reply is due
  ``complaint.reply_days`` days after it was received (``due_on``).  Assigning again changes the clerk only.
- :func:`reply`: the finding and the day replied (not before it was received, not in the future).
- :func:`link_spotcheck`: the spot check it caused.  The interview and penalty it caused name it themselves
  (their ``complaint_id``); :class:`ComplaintInfo` lists them.
- :func:`list_complaints` (``overdue``: due before today by the program's clock and not replied),
  :func:`get_complaint`.  Neither shows the reporter.
- :func:`reporter`: who reported it, only to a holder of ``complaints.reporter``; every reading and every
  refusal is in the audit trail (``complaint.reporter_read`` / ``complaint.reporter_refused``), without the
  reporter's name.

Every other refusal is audited (``complaint.refused``) and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import clock, messages
from civicdesk.errors import CivicDeskError, InputError, NotFoundError
from civicdesk.models import Complaint, ComplaintReporter, Interview, Organization, Penalty, SpotcheckItem
from civicdesk.models.accounts import UserAccount
from civicdesk.services.admin import audit, auth
from civicdesk.services.core.database import Database
from civicdesk.services.supervision import enforcement as common
from civicdesk.services.supervision.common import check_shown, preload_orgs
from civicdesk.services.supervision.parameters import value_in

CHANNELS = ("phone", "letter", "visit", "online", "referred")
STATES = ("received", "assigned", "replied")
ENTITY = "complaint"
REPORTER_KEYS = ("name", "phone", "address", "anonymous")


@dataclass(frozen=True)
class ComplaintInfo:
    """A complaint as every list and output shows it: never its reporter."""

    id: str
    office_code: str
    received_on: date
    channel: str
    organization_id: str | None
    organization_name: str | None
    subject_name: str | None
    content: str
    state: str
    assigned_to: str | None
    due_on: date | None
    finding: str | None
    replied_on: date | None
    spotcheck_item_id: str | None
    interview_ids: tuple[str, ...]
    penalty_ids: tuple[str, ...]
    entered_by: str
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    @property
    def subject(self) -> str:
        return self.organization_name or self.subject_name or ""

    def overdue(self, today: date | None = None) -> bool:
        return self.state != "replied" and self.due_on is not None and self.due_on < (today or clock.today())

    def to_json(self) -> dict[str, Any]:
        iso = common.iso
        return {"id": self.id, "office_code": self.office_code, "received_on": iso(self.received_on),
                "channel": self.channel, "organization_id": self.organization_id,
                "organization_name": self.organization_name, "subject_name": self.subject_name,
                "content": self.content, "state": self.state, "assigned_to": self.assigned_to,
                "due_on": iso(self.due_on), "overdue": self.overdue(), "finding": self.finding,
                "replied_on": iso(self.replied_on), "spotcheck_item_id": self.spotcheck_item_id,
                "interview_ids": list(self.interview_ids), "penalty_ids": list(self.penalty_ids),
                "entered_by": self.entered_by}


@dataclass(frozen=True)
class ReporterInfo:
    """Who reported a complaint: shown only by :func:`reporter`."""

    complaint_id: str
    anonymous: bool
    name: str | None
    phone: str | None
    address: str | None

    def to_json(self) -> dict[str, Any]:
        return {"complaint_id": self.complaint_id, "anonymous": self.anonymous, "name": self.name,
                "phone": self.phone, "address": self.address}


def channel_label(channel: str, lang: str = "zh") -> str:
    return messages.label(f"complaint_channel.{channel}", lang, default=channel)


def state_label(state: str, lang: str = "zh") -> str:
    return messages.label(f"complaint_state.{state}", lang, default=state)


def _info(session: Session, c: Complaint) -> ComplaintInfo:
    org = session.get(Organization, c.organization_id) if c.organization_id else None
    interviews = tuple(session.scalars(select(Interview.id).where(Interview.complaint_id == c.id,
                                                                  Interview.deleted_at.is_(None))))
    penalties = tuple(session.scalars(select(Penalty.id).where(Penalty.complaint_id == c.id,
                                                               Penalty.deleted_at.is_(None))))
    return ComplaintInfo(c.id, c.office_code, c.received_on, c.channel, c.organization_id, org.name if org else None,
                         c.subject_name, c.content, c.state, c.assigned_to, c.due_on, c.finding, c.replied_on,
                         c.spotcheck_item_id, interviews, penalties, c.entered_by, c.version)


def _find(session: Session, key: str) -> Complaint:
    c = session.get(Complaint, (key or "").strip())
    if c is None or c.deleted_at is not None:
        raise NotFoundError("complaint.not_found", key=key)
    return c


def _reporter_values(reporter: dict[str, Any] | None) -> dict[str, Any]:
    if reporter is None:
        raise InputError("complaint.reporter_required")
    if not isinstance(reporter, dict):
        raise InputError("input.not_object")
    unknown = sorted(set(reporter) - set(REPORTER_KEYS))
    if unknown:
        raise InputError("complaint.reporter_field", field=unknown[0], allowed=", ".join(REPORTER_KEYS))
    anonymous = reporter.get("anonymous") is True
    name = common.text(reporter.get("name"), "reporter.name", "举报人姓名")
    phone = common.text(reporter.get("phone"), "reporter.phone", "举报人电话")
    address = common.text(reporter.get("address"), "reporter.address", "举报人地址")
    if anonymous and (name or phone or address):
        raise InputError("complaint.anonymous_with_identity")
    if not anonymous and name is None:
        raise InputError("complaint.reporter_name_required")
    return {"anonymous": anonymous, "name": name, "phone": phone, "address": address}


def receive(db: Database, *, received_on: Any, channel: str, content: str, organization: str | None = None,
            subject_name: str | None = None, reporter: dict[str, Any] | None,
            by: auth.UserInfo | None) -> ComplaintInfo:
    """A complaint received (state ``received``); see the module for what is refused."""
    def work() -> ComplaintInfo:
        actor = auth.require(db, by, common.ENTER)
        on = common.day(received_on, "received_on")
        if channel not in CHANNELS:
            raise InputError("complaint.bad_channel", value=str(channel)[:40], allowed=", ".join(CHANNELS))
        what = common.text(content, "content", "举报投诉内容", required=True, multiline=True)
        subject = common.text(subject_name, "subject_name", "被举报对象名称")
        if bool(organization) == bool(subject):
            raise InputError("complaint.one_subject")
        who = _reporter_values(reporter)
        office = db.office()
        with db.unit(actor=actor) as session:
            org_id = common.find_org(session, organization).id if organization else None
            c = Complaint(office_code=office.code, received_on=on, channel=channel, organization_id=org_id,
                          subject_name=subject, content=what, state="received", entered_by=actor,
                          origin_office=office.code)
            session.add(c)
            session.flush()
            session.add(ComplaintReporter(complaint_id=c.id, **who))
            session.flush()
            return _info(session, c)

    return common.guarded(db, by, ENTITY, "receive", None, work)


def assign(db: Database, complaint: str, *, to: str, by: auth.UserInfo | None,
           shown_version: int | None = None) -> ComplaintInfo:
    """Give a complaint to a clerk; the reply is due ``complaint.reply_days`` after it was received."""
    def work() -> ComplaintInfo:
        actor = auth.require(db, by, common.ENTER)
        username = (to or "").strip() if isinstance(to, str) else ""
        office = db.office()
        with db.unit(actor=actor) as session:
            c = _find(session, complaint)
            check_shown(c, shown_version, ENTITY)
            if c.state not in ("received", "assigned"):
                raise CivicDeskError("complaint.transition", key=c.id, state=c.state, action="assign")
            account = session.scalar(select(UserAccount).where(UserAccount.username == username))
            if account is None or not account.active or common.ENTER not in auth.PERMISSIONS.get(account.role, ()):
                raise InputError("complaint.bad_assignee", user=username[:40])
            days = int(value_in(session, office.code, "complaint.reply_days"))
            c.assigned_to, c.state = username, "assigned"
            c.due_on = c.received_on + timedelta(days=days)
            session.flush()
            return _info(session, c)

    return common.guarded(db, by, ENTITY, "assign", complaint, work)


def reply(db: Database, complaint: str, *, finding: str, replied_on: Any = None,
          by: auth.UserInfo | None, shown_version: int | None = None) -> ComplaintInfo:
    """The finding of an assigned complaint and the day it was replied to."""
    def work() -> ComplaintInfo:
        actor = auth.require(db, by, common.ENTER)
        text = common.text(finding, "finding", "核查结果", required=True, multiline=True)
        on = common.day(replied_on, "replied_on", required=False) or clock.today()
        with db.unit(actor=actor) as session:
            c = _find(session, complaint)
            check_shown(c, shown_version, ENTITY)
            if c.state != "assigned":
                raise CivicDeskError("complaint.transition", key=c.id, state=c.state, action="reply")
            if on < c.received_on:
                raise InputError("complaint.reply_before_received", value=on.isoformat(),
                                 received=c.received_on.isoformat())
            c.finding, c.replied_on, c.state = text, on, "replied"
            session.flush()
            return _info(session, c)

    return common.guarded(db, by, ENTITY, "reply", complaint, work)


def link_spotcheck(db: Database, complaint: str, item: str, *, by: auth.UserInfo | None,
                   shown_version: int | None = None) -> ComplaintInfo:
    """The spot check a complaint caused (a check of the organization it is about)."""
    def work() -> ComplaintInfo:
        actor = auth.require(db, by, common.ENTER)
        with db.unit(actor=actor) as session:
            c = _find(session, complaint)
            check_shown(c, shown_version, ENTITY)
            found = session.get(SpotcheckItem, (item or "").strip())
            if found is None or found.deleted_at is not None:
                raise NotFoundError("complaint.spotcheck_not_found", key=item)
            if c.organization_id not in (None, found.organization_id):
                raise CivicDeskError("complaint.spotcheck_other_org", key=item)
            c.spotcheck_item_id = found.id
            session.flush()
            return _info(session, c)

    return common.guarded(db, by, ENTITY, "link", complaint, work)


def get_complaint(db: Database, key: str) -> ComplaintInfo:
    with db.read() as session:
        return _info(session, _find(session, key))


def list_complaints(db: Database, *, state: str | None = None, overdue: bool = False,
                    organization: str | None = None, office: str | None = None) -> list[ComplaintInfo]:
    """Complaints, the latest received first; ``overdue`` keeps those due before today and not replied
    (soonest due first)."""
    if state is not None and state not in STATES:
        raise InputError("complaint.bad_state", value=state, allowed=", ".join(STATES))
    with db.read() as session:
        q = select(Complaint).where(Complaint.deleted_at.is_(None))
        if organization:
            q = q.where(Complaint.organization_id == common.find_org(session, organization).id)
        if state:
            q = q.where(Complaint.state == state)
        if office:
            q = q.where(Complaint.office_code == office)
        if overdue:
            q = q.where(Complaint.state != "replied", Complaint.due_on < clock.today())
            q = q.order_by(Complaint.due_on, Complaint.id)
        else:
            q = q.order_by(Complaint.received_on.desc(), Complaint.created_at.desc(), Complaint.id)
        rows = list(session.scalars(q))
        _held = preload_orgs(session, (c.organization_id for c in rows))  # the rows find theirs in the session
        return [_info(session, c) for c in rows]


def reporter(db: Database, complaint_id: str, *, by: auth.UserInfo | None) -> ReporterInfo:
    """Who reported the complaint, to a holder of ``complaints.reporter`` only; the reading (or the refusal) is
    audited, naming the complaint and not the reporter."""
    who = common.actor_name(by)
    try:
        actor = auth.require(db, by, common.REPORTER)
        with db.read() as session:
            c = _find(session, complaint_id)
            r = session.scalar(select(ComplaintReporter).where(ComplaintReporter.complaint_id == c.id))
            if r is None:
                raise NotFoundError("complaint.no_reporter", key=c.id)
            found = ReporterInfo(c.id, bool(r.anonymous), r.name, r.phone, r.address)
    except CivicDeskError as exc:
        audit.record_event(db, "complaint.reporter_refused", actor=who, entity=ENTITY, entity_id=complaint_id,
                           error=exc.code, message=exc.message("zh"))
        raise
    audit.record_event(db, "complaint.reporter_read", actor=actor, entity=ENTITY, entity_id=found.complaint_id)
    return found
