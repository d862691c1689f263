"""Supervision, part 1 (docs/DOMAIN.md: 年度检查, 等级评估, 双随机抽查): the rows of the three periodic campaigns.

Every row here travels like the register's (:class:`~civicdesk.models.base.SyncedMixin`): an office's
campaigns and records go to the city, which reports across its offices.  Deadlines, ratios, bands, score parts
and material lists are data: the shipped defaults (``resources/supervision/parameters.json``, each with its
rule's source) and an office's own values in :class:`Parameter`; a campaign copies the values it runs on when
it opens, so that a later edit does not move a running campaign.

Decisions keep four eyes (the decider is neither who entered nor who submitted) and every step is an event
row, never a column per step: a record returned twice keeps both returns.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, SyncedMixin


class Parameter(SyncedMixin, Base):
    """An office's own value for a supervision rule, overriding the shipped default of the same ``key``.

    ``legal_form`` narrows it to one legal form (None: every form); ``year_from``/``year_to`` to the years of
    the campaigns it applies to (None: open-ended).  ``source`` names the rule (law, article, local notice).
    A value set back to the default is a tombstone (``deleted_at``), so that the reset travels too.
    """

    __tablename__ = "parameter"

    key: Mapped[str] = mapped_column(String(64))
    legal_form: Mapped[str | None] = mapped_column(String(32))
    year_from: Mapped[int | None] = mapped_column(Integer)
    year_to: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[Any] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    edited_by: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_parameter_key", "origin_office", "key"),)


class StepMixin:
    """The columns of one step of a record's way: the action, the states it moved between, who, when, why."""

    action: Mapped[str] = mapped_column(String(24))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)
    comment: Mapped[str | None] = mapped_column(Text)


# -- annual inspection (年度检查) --------------------------------------------------------------------------------------
class InspectionCampaign(SyncedMixin, Base):
    """The annual inspection of one year's reports by one registry (``office_code``, 6 digits).

    ``rules`` is the copy of the parameters the campaign runs on, taken when it opens: the deadlines per legal
    form (``{"deadlines": {form: {"sponsor": "YYYY-MM-DD", "registry": "YYYY-MM-DD"}}, "materials": {form:
    [{"key", "zh", "en"}]}, "min_months": 6}``).  Who is due is not stored: it follows from the register
    (registered, established at least ``min_months`` before 31 December of ``year``, not ended before the
    registry's deadline), so a district and the city holding the same rows count the same 参检率.
    """

    __tablename__ = "inspection_campaign"

    office_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(Integer)  # the year the reports are about
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | closed
    rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    opened_by: Mapped[str] = mapped_column(String(64))
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("uq_inspection_campaign_office_year", "office_code", "year", unique=True),)


class InspectionRecord(SyncedMixin, Base):
    """One organization's report for a campaign: what came in, the figures it carries, and the conclusion.

    States: ``draft`` (entered) -> ``submitted`` (for decision) -> ``decided``; ``submitted`` -> ``returned``
    -> ``submitted`` again.  ``conclusion`` is 合格 ``pass`` | 基本合格 ``basic`` | 不合格 ``fail``; reasons are
    required unless ``pass``.  ``year`` repeats the campaign's, for the per-organization flags (two years not
    inspected, two years 基本合格) that the credit and rating rules read.
    """

    __tablename__ = "inspection_record"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("inspection_campaign.id"))
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"))
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default="draft")
    received_on: Mapped[date] = mapped_column(Date)
    late: Mapped[bool] = mapped_column(default=False)  # received after the registry's deadline
    materials: Mapped[list[str]] = mapped_column(JSON, default=list)  # checklist keys received
    income: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))  # yuan, as reported
    expenditure: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    net_assets: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))  # at year end
    staff_count: Mapped[int | None] = mapped_column(Integer)
    member_count: Mapped[int | None] = mapped_column(Integer)
    activity_count: Mapped[int | None] = mapped_column(Integer)
    sponsor_opinion: Mapped[str | None] = mapped_column(String(16))  # the sponsor's preliminary conclusion
    sponsor_opinion_on: Mapped[date | None] = mapped_column(Date)
    sponsor_note: Mapped[str | None] = mapped_column(Text)
    conclusion: Mapped[str | None] = mapped_column(String(16))
    reasons: Mapped[str | None] = mapped_column(Text)
    document_no: Mapped[str | None] = mapped_column(String(64))
    entered_by: Mapped[str] = mapped_column(String(64))
    submitted_by: Mapped[str | None] = mapped_column(String(64))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    published_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index("uq_inspection_record_campaign_org", "campaign_id", "organization_id", unique=True,
              sqlite_where=text("deleted_at IS NULL")),
        Index("ix_inspection_record_org_year", "organization_id", "year"),
        Index("ix_inspection_record_campaign_state", "campaign_id", "state"),
        # 参检率: a due organization's report is found and counted from this index alone
        Index("ix_inspection_record_participation", "campaign_id", "organization_id", "state", "conclusion", "late",
              "deleted_at", sqlite_where=text("deleted_at IS NULL")),
    )


class InspectionEvent(StepMixin, SyncedMixin, Base):
    """One step of an inspection record: entered, submitted, returned, decided, revised … by whom, when."""

    __tablename__ = "inspection_event"

    record_id: Mapped[str] = mapped_column(ForeignKey("inspection_record.id"), index=True)


# -- rating evaluation (等级评估) --------------------------------------------------------------------------------------
class RatingApplication(SyncedMixin, Base):
    """An organization's application for a rating in ``year``, its scores and the decision.

    States: ``applied`` -> ``scored`` -> ``submitted`` -> ``decided``; ``applied`` -> ``refused`` (an eligibility
    rule failed: ``eligibility`` names it); ``decided`` -> ``lowered`` | ``cancelled`` (with a reason; the grade
    and validity stay as decided, ``current_grade`` says what holds now).  ``scores`` maps a part's key (the
    parameter ``rating.parts``) to its score; ``total`` is their sum, ``grade`` from the bands in the rules
    copied at application.  Valid from the decision for ``rating.validity_years``.
    """

    __tablename__ = "rating_application"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"))
    office_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default="applied")
    applied_on: Mapped[date] = mapped_column(Date)
    rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # parts, bands, validity at application
    eligibility: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{rule, ok, detail}]
    scores: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    total: Mapped[int | None] = mapped_column(Integer)
    grade: Mapped[str | None] = mapped_column(String(8))  # 5A … 1A, or None below the lowest band
    current_grade: Mapped[str | None] = mapped_column(String(8))
    decision_no: Mapped[str | None] = mapped_column(String(64))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)  # of a refusal, a lowering or a cancellation
    entered_by: Mapped[str] = mapped_column(String(64))
    submitted_by: Mapped[str | None] = mapped_column(String(64))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_rating_application_org", "organization_id", "year"),
        Index("ix_rating_application_state_valid", "state", "valid_to"),
    )


class RatingEvent(StepMixin, SyncedMixin, Base):
    """One step of a rating application (applied, scored, submitted, decided, lowered, cancelled …)."""

    __tablename__ = "rating_event"

    application_id: Mapped[str] = mapped_column(ForeignKey("rating_application.id"), index=True)


# -- double-random spot checks (双随机、一公开) ------------------------------------------------------------------------
class Inspector(SyncedMixin, Base):
    """A person of the office on the spot-check roster; ``conflicts`` lists the organizations (ids) he or she
    may not check (a relative, a former post …)."""

    __tablename__ = "inspector"

    office_code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(50))
    unit: Mapped[str | None] = mapped_column(String(100))  # 科室 or body
    username: Mapped[str | None] = mapped_column(String(64))  # the account, when the person has one
    active: Mapped[bool] = mapped_column(default=True)
    conflicts: Mapped[list[str]] = mapped_column(JSON, default=list)


class SpotcheckPlan(SyncedMixin, Base):
    """A year's spot-check plan of one office and, once drawn, everything needed to repeat the draw.

    States: ``planned`` -> ``drawn`` -> ``completed``; ``planned`` | ``drawn`` -> ``cancelled`` (with a reason).
    A draw is never redone.  The snapshot holds the eligible organization ids, sorted, one per line, as zlib +
    base64 text (``snapshot``; ``snapshot_sha256`` of the uncompressed text) and the active inspectors' ids,
    sorted (``inspector_ids``); ``seed`` (hex, from :mod:`secrets`) and ``method`` name the sampler, so that
    ``spotcheck verify`` recomputes the same organizations and inspectors.  ``exclusions`` keeps, for each drawn
    organization that had any, the roster inspectors its conflicts of interest excluded at the draw: the
    roster's conflicts may change later, the draw must still be repeatable (docs/SPOTCHECK.md).
    """

    __tablename__ = "spotcheck_plan"
    __history_hidden__ = ("snapshot",)  # megabytes at a big register: the audit keeps its sha256, sync the text

    office_code: Mapped[str] = mapped_column(String(12))
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), default="regular")  # regular | targeted
    ratio: Mapped[Decimal] = mapped_column(Numeric(6, 4))
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # category, legal_form, tier, township …
    title: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(16), default="planned")
    inspectors_per_check: Mapped[int] = mapped_column(Integer, default=2)
    created_by: Mapped[str] = mapped_column(String(64))
    method: Mapped[str | None] = mapped_column(String(48))
    seed: Mapped[str | None] = mapped_column(String(64))
    eligible_count: Mapped[int | None] = mapped_column(Integer)
    drawn_count: Mapped[int | None] = mapped_column(Integer)
    snapshot: Mapped[str | None] = mapped_column(Text)
    snapshot_sha256: Mapped[str | None] = mapped_column(String(64))
    inspector_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    exclusions: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)  # org id -> inspector ids
    drawn_by: Mapped[str | None] = mapped_column(String(64))
    drawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    cancelled_reason: Mapped[str | None] = mapped_column(Text)
    cancelled_by: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_spotcheck_plan_office_year", "office_code", "year"),)


class SpotcheckItem(SyncedMixin, Base):
    """One drawn organization of a plan: its inspectors, the notice, the findings and the result.

    ``result``: ``clear`` (no problem) | ``rectify`` (by ``rectify_by``) | ``refer`` (to enforcement).
    """

    __tablename__ = "spotcheck_item"

    plan_id: Mapped[str] = mapped_column(ForeignKey("spotcheck_plan.id"), index=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # the order of the draw
    inspector_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    notice_on: Mapped[date | None] = mapped_column(Date)
    checked_on: Mapped[date | None] = mapped_column(Date)
    findings: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(String(16))
    rectify_by: Mapped[date | None] = mapped_column(Date)
    rectified_on: Mapped[date | None] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str | None] = mapped_column(String(64))
