"""Supervision, part 2 (docs/DOMAIN.md: credit lists, enforcement, complaints): the rows of credit supervision.

Credit lists under 民政部令第60号 (《社会组织信用信息管理办法》): a :class:`CreditListing` is one organization's
place on the abnormal list (活动异常名录, ``abnormal``) or the serious list (严重违法失信名单, ``serious``), from
the proposal (by the rule engine or by hand, naming its ground and evidence) through the written decision to
the removal, the move from the abnormal to the serious list, or an annulment after an objection.  Every step
is a :class:`CreditEvent`; an objection (异议) is a :class:`CreditObjection`.  Penalties (行政处罚),
administrative interviews (行政约谈) and complaints (举报投诉) are their own rows; each feeds the credit rules.

The working-day calendar that the removal time limits count in is data: the shipped national calendar
(``resources/supervision/holidays.json``, each year with the State Council notice it comes from) and the days an
administrator adds (:class:`CalendarDay`).

A complaint's reporter is personal data kept apart: :class:`ComplaintReporter` is a local table, never synced,
never printed or exported, read only with the ``complaints.reporter`` right, and every reading is audited.
Every other row here travels like the register's.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, SyncedMixin, new_id, utcnow
from civicdesk.models.supervision import StepMixin


# -- credit lists (活动异常名录, 严重违法失信名单) ------------------------------------------------------------------
class CreditListing(SyncedMixin, Base):
    """One organization on one credit list, from proposal to removal.

    ``list_kind``: ``abnormal`` | ``serious``.  States: ``proposed`` -> ``listed`` (by a decision: ``decision_no``,
    ``decided_on``, decided by a reviewer other than the proposer) | ``rejected``; ``listed`` -> ``removed``
    (``removal_ground``: ``rectified`` | ``six_months`` | ``two_years`` | ``objection`` | ``other``, with its own
    decision) | ``moved`` (an abnormal listing 2 years on: a serious listing is made with ``moved_from_id``) |
    ``annulled`` (an objection found it wrong).  A removal is first proposed (``removal_proposed_on``), then
    decided with four eyes like the listing.

    ``ground`` is a code of the parameter ``credit.grounds`` (annual report missing, rectification not done, a
    warning or small fine, unreachable, other, …); ``evidence`` lists what the rule engine read
    (``[{"entity", "id", "summary"}]``); ``source_entity``/``source_id`` the record that caused it, so that the
    engine proposes each listing once.
    """

    __tablename__ = "credit_listing"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"))
    office_code: Mapped[str] = mapped_column(String(12))
    list_kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="proposed")
    ground: Mapped[str] = mapped_column(String(48))
    ground_detail: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    source_entity: Mapped[str | None] = mapped_column(String(32))
    source_id: Mapped[str | None] = mapped_column(String(36))
    proposed_by: Mapped[str] = mapped_column(String(64))  # an account, or "rules" for the engine
    proposed_on: Mapped[date] = mapped_column(Date)
    decision_no: Mapped[str | None] = mapped_column(String(64))  # 文号
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    listed_on: Mapped[date | None] = mapped_column(Date)
    removal_ground: Mapped[str | None] = mapped_column(String(16))
    removal_proposed_on: Mapped[date | None] = mapped_column(Date)
    removal_proposed_by: Mapped[str | None] = mapped_column(String(64))
    removal_decision_no: Mapped[str | None] = mapped_column(String(64))
    removed_on: Mapped[date | None] = mapped_column(Date)
    removed_by: Mapped[str | None] = mapped_column(String(64))
    moved_from_id: Mapped[str | None] = mapped_column(ForeignKey("credit_listing.id"))
    reason: Mapped[str | None] = mapped_column(Text)  # of a rejection, a removal or an annulment

    __table_args__ = (
        Index("ix_credit_listing_org", "organization_id", "list_kind", "state"),
        Index("ix_credit_listing_office_state", "office_code", "state", "list_kind"),
        Index("ix_credit_listing_source", "source_entity", "source_id"),
    )


class CreditEvent(StepMixin, SyncedMixin, Base):
    """One step of a listing: proposed, listed, rejected, removal proposed, removed, moved, objected, annulled."""

    __tablename__ = "credit_event"

    listing_id: Mapped[str] = mapped_column(ForeignKey("credit_listing.id"), index=True)


class CreditObjection(SyncedMixin, Base):
    """An objection (异议) to a listing: received, then decided (``upheld``: the listing stands; ``corrected``:
    its ground or dates corrected; ``annulled``: the listing annulled) with a reply, by a reviewer."""

    __tablename__ = "credit_objection"

    listing_id: Mapped[str] = mapped_column(ForeignKey("credit_listing.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="received")  # received | decided
    decision: Mapped[str | None] = mapped_column(String(16))  # upheld | corrected | annulled
    reply: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date | None] = mapped_column(Date)
    entered_by: Mapped[str] = mapped_column(String(64))
    decided_by: Mapped[str | None] = mapped_column(String(64))


class CalendarDay(SyncedMixin, Base):
    """A day an administrator adds to the working-day calendar: ``holiday`` (a working day off) or ``workday``
    (a weekend day worked, 调休), with the notice it comes from.  The shipped national years are not rows."""

    __tablename__ = "calendar_day"

    office_code: Mapped[str] = mapped_column(String(12))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))  # holiday | workday
    name: Mapped[str | None] = mapped_column(String(50))
    source: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_calendar_day_day", "day"),)


# -- penalties (行政处罚) and interviews (行政约谈) -----------------------------------------------------------------
class Penalty(SyncedMixin, Base):
    """An administrative penalty decided against an organization.

    ``kind``: 警告 ``warning`` | 罚款 ``fine`` (``amount`` yuan) | 没收违法所得 ``confiscation`` (``amount``) |
    责令改正 ``correction`` | 限期停止活动 ``suspension`` (``suspended_from``..``suspended_to``) | 撤换负责人
    ``replace_leader`` | 撤销登记 ``revocation`` (which starts a deregistration filing: ``filing_id``).
    ``case_no`` is the case (案号), ``decision_no`` the decision (处罚决定书文号); ``appeal_by`` the last day of the
    appeal window from the parameters.  States: ``draft`` -> ``decided`` (four eyes) ; ``decided`` ->
    ``withdrawn`` (撤销, with a reason).  Each decided penalty is read by the credit rules.
    """

    __tablename__ = "penalty"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"))
    office_code: Mapped[str] = mapped_column(String(12))
    case_no: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="draft")
    amount: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    suspended_from: Mapped[date | None] = mapped_column(Date)
    suspended_to: Mapped[date | None] = mapped_column(Date)
    facts: Mapped[str] = mapped_column(Text)
    basis: Mapped[str] = mapped_column(Text)  # the articles applied
    decision_no: Mapped[str | None] = mapped_column(String(64))
    decided_on: Mapped[date | None] = mapped_column(Date)
    appeal_by: Mapped[date | None] = mapped_column(Date)
    filing_id: Mapped[str | None] = mapped_column(ForeignKey("filing.id"))
    complaint_id: Mapped[str | None] = mapped_column(ForeignKey("complaint.id"))
    interview_id: Mapped[str | None] = mapped_column(ForeignKey("interview.id"))
    entered_by: Mapped[str] = mapped_column(String(64))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)  # of a withdrawal

    __table_args__ = (
        Index("ix_penalty_org", "organization_id", "state", "decided_on"),
        Index("ix_penalty_office_case", "office_code", "case_no"),
    )


class Interview(SyncedMixin, Base):
    """An administrative interview (行政约谈) with an organization's leaders: when, where, who, the issues, the
    rectification required by a date, and the outcome."""

    __tablename__ = "interview"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"))
    office_code: Mapped[str] = mapped_column(String(12))
    held_at: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(200))
    participants: Mapped[str] = mapped_column(Text)
    issues: Mapped[str] = mapped_column(Text)
    rectification: Mapped[str | None] = mapped_column(Text)
    rectify_by: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    outcome_on: Mapped[date | None] = mapped_column(Date)
    complaint_id: Mapped[str | None] = mapped_column(ForeignKey("complaint.id"))
    entered_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_interview_org", "organization_id", "held_at"),)


# -- complaints (举报投诉) -------------------------------------------------------------------------------------------
class Complaint(SyncedMixin, Base):
    """A complaint or report received by the office, about a registered organization (``organization_id``) or an
    unregistered one (``subject_name``: an illegal organization).

    ``channel``: ``phone`` | ``letter`` | ``visit`` | ``online`` | ``referred``.  States: ``received`` ->
    ``assigned`` (``assigned_to``, ``due_on`` from the parameter ``complaint.reply_days``) -> ``replied``
    (``finding``, ``replied_on``).  Whoever reported it is in :class:`ComplaintReporter`, not here.
    """

    __tablename__ = "complaint"

    office_code: Mapped[str] = mapped_column(String(12))
    received_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(16))
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"))
    subject_name: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="received")
    assigned_to: Mapped[str | None] = mapped_column(String(64))
    due_on: Mapped[date | None] = mapped_column(Date)
    finding: Mapped[str | None] = mapped_column(Text)
    replied_on: Mapped[date | None] = mapped_column(Date)
    spotcheck_item_id: Mapped[str | None] = mapped_column(ForeignKey("spotcheck_item.id"))
    entered_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_complaint_office_state", "office_code", "state", "due_on"),
        Index("ix_complaint_org", "organization_id"),
    )


class ComplaintReporter(Base):
    """Who reported a complaint: kept in this office only (never synced, printed or exported), read only with the
    ``complaints.reporter`` right, each reading audited.  ``anonymous``: the reporter gave no name."""

    __tablename__ = "complaint_reporter"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    complaint_id: Mapped[str] = mapped_column(ForeignKey("complaint.id"), unique=True)
    anonymous: Mapped[bool] = mapped_column(default=False)
    name: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


# -- the city's rulings (裁决) on a district's rows ---------------------------------------------------------------
#: the fields of a subject an ``annul`` ruling does not freeze: bookkeeping only (the whole row is the city's)
_NOT_RULED = frozenset({"version", "version_vector", "created_at", "updated_at"})


class Ruling(SyncedMixin, Base):
    """The city's decision about a district's credit listing or penalty (after an administrative reconsideration
    by the city bureau, or where the city is the registry): append-only, sent by the city to the district that
    owns the subject, applied there in the import's transaction, and never overwritten by the district
    (docs/SYNC.md "Rulings").

    ``subject_entity`` ``credit_listing`` | ``penalty``; ``subject_id`` the row; ``organization_id`` the subject's
    organization (the county the ruling travels to).  ``kind`` ``annul`` (the listing annulled, the penalty
    withdrawn: the whole row is then the city's) | ``correct`` (``fields``: the corrected values, JSON, only the
    fields :data:`civicdesk.services.supervision.ruling.CORRECTABLE` allows: those fields are the city's)."""

    __tablename__ = "ruling"

    office_code: Mapped[str] = mapped_column(String(12))  # the city
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"))
    subject_entity: Mapped[str] = mapped_column(String(32))
    subject_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    decision_no: Mapped[str] = mapped_column(String(64))
    decided_on: Mapped[date] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_ruling_subject", "subject_entity", "subject_id"),)

    def ruled(self, name: str) -> bool:
        """Whether the field ``name`` of the subject is the city's by this ruling."""
        if self.kind == "annul":
            return name not in _NOT_RULED
        return name in (self.fields or {})


#: session.info key: the change being flushed is a ruling's own effect (services/supervision/ruling.py)
APPLYING_RULING = "ruling_applying"
