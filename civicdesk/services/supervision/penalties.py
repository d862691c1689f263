"""Administrative penalties (行政处罚, docs/DOMAIN.md "Enforcement and complaints"): a case entered, decided with
four eyes, withdrawn.

Offers:

- :func:`enter`: a clerk (``supervise``) opens a case (立案) against an organization: its case number (案号, unique
  in the office), the kind (:data:`KINDS`), the amount of a fine or confiscation (above zero; refused for the
  other kinds), the dates of a suspension (from <= to; only for a suspension), the facts and the articles
  applied, and optionally the complaint or interview that led to it (about the same organization).  A case in
  state ``draft`` means the organization is under investigation (立案调查): :func:`under_investigation`.
- :func:`decide`: a reviewer (``supervise.decide``) other than whoever entered it decides it: the decision
  number (文号) and date (not in the future, default today).  ``appeal_by`` is the decision date plus the
  parameter ``penalty.appeal_days`` (行政复议, counted from the decision date as the day of service).  Deciding a
  ``revocation`` starts a ``revoke`` filing about the organization (drafted and submitted in the same
  transaction, then reviewed as any filing) and stores it in ``filing_id``.
- :func:`withdraw` (撤销): a decided penalty is withdrawn by a reviewer other than whoever entered it, with a
  reason.  A revocation whose filing is still open is refused (the filing is withdrawn or rejected first), and so
  is one whose filing revoked the registration (the register is not put back by this step).
- :func:`get_penalty`, :func:`list_penalties`.

Every refusal is audited (``penalty.refused``) and writes nothing; every change is audited by the unit's actor.
The credit rules read decided penalties from the table: ``state`` ``decided``, ``decided_on``, ``kind``, ``amount``;
:func:`decide` runs them for the organization in its own unit of work (:func:`.credit.propose_in`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk import clock, messages
from civicdesk.errors import CivicDeskError, InputError, NotFoundError
from civicdesk.models import Complaint, Interview, Organization, Penalty
from civicdesk.models.filing import Filing
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.filings import service as filings
from civicdesk.services.supervision import credit
from civicdesk.services.supervision import enforcement as common
from civicdesk.services.supervision.common import check_shown, preload_orgs
from civicdesk.services.supervision.parameters import value_in

KINDS = ("warning", "fine", "confiscation", "correction", "suspension", "replace_leader", "revocation")
AMOUNT_KINDS = ("fine", "confiscation")
STATES = ("draft", "decided", "withdrawn")
ENTITY = "penalty"


@dataclass(frozen=True)
class PenaltyInfo:
    """A penalty case as callers see it."""

    id: str
    organization_id: str
    organization_name: str
    office_code: str
    case_no: str
    kind: str
    state: str
    amount: Decimal | None
    suspended_from: date | None
    suspended_to: date | None
    facts: str
    basis: str
    decision_no: str | None
    decided_on: date | None
    appeal_by: date | None
    filing_id: str | None
    filing_number: str | None
    complaint_id: str | None
    interview_id: str | None
    entered_by: str
    decided_by: str | None
    reason: str | None
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        iso = common.iso
        return {
            "id": self.id, "organization_id": self.organization_id, "organization_name": self.organization_name,
            "office_code": self.office_code, "case_no": self.case_no, "kind": self.kind, "state": self.state,
            "amount": None if self.amount is None else format(self.amount, "f"),
            "suspended_from": iso(self.suspended_from), "suspended_to": iso(self.suspended_to),
            "facts": self.facts, "basis": self.basis, "decision_no": self.decision_no,
            "decided_on": iso(self.decided_on), "appeal_by": iso(self.appeal_by), "filing_id": self.filing_id,
            "filing_number": self.filing_number, "complaint_id": self.complaint_id,
            "interview_id": self.interview_id, "entered_by": self.entered_by, "decided_by": self.decided_by,
            "reason": self.reason,
        }


def kind_label(kind: str, lang: str = "zh") -> str:
    return messages.label(f"penalty_kind.{kind}", lang, default=kind)


def state_label(state: str, lang: str = "zh") -> str:
    return messages.label(f"penalty_state.{state}", lang, default=state)


def _info(session: Session, p: Penalty) -> PenaltyInfo:
    org = session.get(Organization, p.organization_id)
    number = session.scalar(select(Filing.number).where(Filing.id == p.filing_id)) if p.filing_id else None
    return PenaltyInfo(p.id, p.organization_id, org.name if org else "", p.office_code, p.case_no, p.kind, p.state,
                       p.amount, p.suspended_from, p.suspended_to, p.facts, p.basis, p.decision_no, p.decided_on,
                       p.appeal_by, p.filing_id, number, p.complaint_id, p.interview_id, p.entered_by, p.decided_by,
                       p.reason, p.version)


def _find(session: Session, key: str, office_code: str) -> Penalty:
    """A penalty by its id, or by its case number in this office (another office may use the same number)."""
    key = (key or "").strip()
    p = session.get(Penalty, key) if key else None
    if p is None and key:
        p = session.scalars(select(Penalty).where(Penalty.case_no == key, Penalty.office_code == office_code,
                                                  Penalty.deleted_at.is_(None))).first()
    if p is None or p.deleted_at is not None:
        raise NotFoundError("penalty.not_found", key=key)
    return p


def _linked(session: Session, key: str | None, org: Organization, what: str) -> str | None:
    """The id of the complaint or interview (``what``) that led to a case."""
    if not key:
        return None
    row: Complaint | Interview | None = (session.get(Complaint, key.strip()) if what == "complaint"
                                         else session.get(Interview, key.strip()))
    if row is None or row.deleted_at is not None:
        raise NotFoundError("penalty.link_not_found", what=what, key=key)
    if row.organization_id not in (None, org.id):  # a complaint about an unregistered body may lead anywhere
        raise CivicDeskError("penalty.link_other_org", what=what, key=key)
    return row.id


def enter(db: Database, organization: str, *, case_no: str, kind: str, facts: str, basis: str,
          amount: Any = None, suspended_from: Any = None, suspended_to: Any = None, complaint: str | None = None,
          interview: str | None = None, by: auth.UserInfo | None) -> PenaltyInfo:
    """A new case (state ``draft``): see the module for what is refused."""
    def work() -> PenaltyInfo:
        actor = auth.require(db, by, common.ENTER)
        number = common.text(case_no, "case_no", "案号", required=True)
        if kind not in KINDS:
            raise InputError("penalty.bad_kind", value=str(kind)[:40], allowed=", ".join(KINDS))
        money = common.amount(amount)
        if kind in AMOUNT_KINDS and money is None:
            raise InputError("penalty.amount_required", kind=kind)
        if kind not in AMOUNT_KINDS and amount not in (None, ""):
            raise InputError("penalty.amount_not_applicable", kind=kind)
        start = common.day(suspended_from, "suspended_from", required=kind == "suspension", future=True)
        end = common.day(suspended_to, "suspended_to", required=kind == "suspension", future=True)
        if kind != "suspension" and (start or end):
            raise InputError("penalty.dates_not_applicable", kind=kind)
        if start and end and start > end:
            raise InputError("penalty.dates_order", start=start.isoformat(), end=end.isoformat())
        what = common.text(facts, "facts", "违法事实", required=True, multiline=True)
        articles = common.text(basis, "basis", "处罚依据", required=True, multiline=True)
        office = db.office()
        with db.unit(actor=actor) as session:
            org = common.find_org(session, organization)
            if kind == "revocation" and org.tier != "registered":
                raise CivicDeskError("penalty.revocation_not_registered", name=org.name)
            taken = session.scalar(select(Penalty.id).where(Penalty.office_code == office.code,
                                                            Penalty.case_no == number, Penalty.deleted_at.is_(None)))
            if taken is not None:
                raise CivicDeskError("penalty.case_exists", case_no=number)
            p = Penalty(organization_id=org.id, office_code=office.code, case_no=number, kind=kind, state="draft",
                        amount=money, suspended_from=start, suspended_to=end, facts=what, basis=articles,
                        complaint_id=_linked(session, complaint, org, "complaint"),
                        interview_id=_linked(session, interview, org, "interview"),
                        entered_by=actor, origin_office=office.code)
            session.add(p)
            session.flush()
            return _info(session, p)

    return common.guarded(db, by, ENTITY, "enter", case_no if isinstance(case_no, str) else None, work)


def _four_eyes(p: Penalty, by: auth.UserInfo | None) -> None:
    # the system (a database without accounts) has nobody to be four eyes with
    if by is not None and by.username == p.entered_by:
        raise CivicDeskError("penalty.four_eyes", case_no=p.case_no)


def decide(db: Database, penalty: str, *, decision_no: str, decided_on: Any = None,
           by: auth.UserInfo | None, shown_version: int | None = None) -> PenaltyInfo:
    """Decide a draft case (four eyes); a revocation starts its ``revoke`` filing."""
    def work() -> PenaltyInfo:
        actor = auth.require(db, by, common.DECIDE)
        number = common.text(decision_no, "decision_no", "文号", required=True)
        assert number is not None
        on = common.day(decided_on, "decided_on", required=False) or clock.today()
        office = db.office()
        with db.unit(actor=actor) as session:
            p = _find(session, penalty, office.code)
            check_shown(p, shown_version, ENTITY, p.case_no)
            if p.state != "draft":
                raise CivicDeskError("penalty.transition", case_no=p.case_no, state=p.state, action="decide")
            _four_eyes(p, by)
            days = int(value_in(session, office.code, "penalty.appeal_days"))
            p.state, p.decision_no, p.decided_on, p.decided_by = "decided", number, on, actor
            p.appeal_by = on + timedelta(days=days)
            if p.kind == "revocation":
                reason = messages.text("penalty.revoke_reason", "zh", decision_no=number, case_no=p.case_no)
                f = filings.submit_revoke_in(session, p.organization_id, reason, actor=actor,
                                             office_code=office.code, today=clock.today(), document_no=number)
                p.filing_id = f.id
            session.flush()
            credit.propose_in(session, office.code, p.organization_id)  # the listing it calls for, proposed now
            return _info(session, p)

    return common.guarded(db, by, ENTITY, "decide", penalty, work)


def withdraw(db: Database, penalty: str, *, reason: str, by: auth.UserInfo | None,
             shown_version: int | None = None) -> PenaltyInfo:
    """Withdraw (撤销) a decided penalty with a reason (four eyes: not by whoever entered it)."""
    def work() -> PenaltyInfo:
        actor = auth.require(db, by, common.DECIDE)
        text = common.text(reason, "reason", "撤销理由", required=True, multiline=True)
        office = db.office()
        with db.unit(actor=actor) as session:
            p = _find(session, penalty, office.code)
            check_shown(p, shown_version, ENTITY, p.case_no)
            if p.state != "decided":
                raise CivicDeskError("penalty.transition", case_no=p.case_no, state=p.state, action="withdraw")
            _four_eyes(p, by)
            if p.filing_id:
                f = session.get(Filing, p.filing_id)
                if f is not None and f.state in filings.OPEN_STATES + ("draft",):
                    raise CivicDeskError("penalty.filing_open", number=f.number)
                if f is not None and f.state == "approved":
                    raise CivicDeskError("penalty.filing_applied", number=f.number)
            p.state, p.reason = "withdrawn", text
            session.flush()
            return _info(session, p)

    return common.guarded(db, by, ENTITY, "withdraw", penalty, work)


def get_penalty(db: Database, key: str) -> PenaltyInfo:
    """One penalty by its id or this office's case number."""
    office = db.office()
    with db.read() as session:
        return _info(session, _find(session, key, office.code))


def list_penalties(db: Database, *, organization: str | None = None, state: str | None = None,
                   office: str | None = None, limit: int | None = None) -> list[PenaltyInfo]:
    """Penalties, newest first (decided ones by their decision date, drafts by their entry); ``organization``
    (id or USCC) and ``office`` narrow them; ``limit``: the first so many (a window's first page)."""
    if state is not None and state not in STATES:
        raise InputError("penalty.bad_state", value=state, allowed=", ".join(STATES))
    with db.read() as session:
        q = select(Penalty).where(Penalty.deleted_at.is_(None))
        if organization:
            q = q.where(Penalty.organization_id == common.find_org(session, organization).id)
        if state:
            q = q.where(Penalty.state == state)
        if office:
            q = q.where(Penalty.office_code == office)
        if limit is not None:  # the same order, in SQL
            q = q.order_by(func.coalesce(Penalty.decided_on, func.date(Penalty.created_at)).desc(),
                           Penalty.created_at.desc()).limit(limit)
        rows = list(session.scalars(q))
        rows.sort(key=lambda p: (p.decided_on or p.created_at.date(), p.created_at), reverse=True)
        _held = preload_orgs(session, (p.organization_id for p in rows))  # the rows find theirs in the session
        return [_info(session, p) for p in rows]


def under_investigation(session: Session, organization_id: str) -> bool:
    """Whether a case against the organization is open (立案调查: a penalty in state ``draft``)."""
    return session.scalar(select(Penalty.id).where(Penalty.organization_id == organization_id,
                                                   Penalty.state == "draft", Penalty.deleted_at.is_(None))
                          .limit(1)) is not None
