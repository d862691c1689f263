"""Filings (申请事项): every change to the register is applied for, reviewed and decided.

A filing holds what it asks for (``changes``: the fields and their new values; for an establishment or a
community filing the whole record), the values it was drafted against (``old_values``) and the version of
the organization at that moment (``base_version``), so that an approval against a record that changed
meanwhile is refused rather than applied over it.  Its events are the filing's own history.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, SyncedMixin


class Filing(SyncedMixin, Base):
    __tablename__ = "filing"
    __tracked__ = True
    __audit_masked__ = ("changes", "old_values")  # their ID numbers and phones: the trail keeps none in full

    number: Mapped[str] = mapped_column(String(40), unique=True)  # 511111-2026-00001: office prefix, year, seq
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="draft")
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organization.id"), index=True)
    organization_name: Mapped[str] = mapped_column(String(200), default="")  # as applied for, for lists
    base_version: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    old_values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    received_on: Mapped[date] = mapped_column(Date)
    complete_on: Mapped[date | None] = mapped_column(Date)  # the application complete: the 60 days run from here
    due_on: Mapped[date | None] = mapped_column(Date)
    applicant: Mapped[str] = mapped_column(String(100), default="")
    documents: Mapped[list[str]] = mapped_column(JSON, default=list)
    document_no: Mapped[str | None] = mapped_column(String(64))  # 文号 of the decision
    comment: Mapped[str | None] = mapped_column(Text)  # the last decision's reason or comment
    created_by: Mapped[str] = mapped_column(String(64))
    submitted_by: Mapped[str | None] = mapped_column(String(64))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    legacy: Mapped[bool] = mapped_column(default=False)  # an admin digitizing a paper record, not an application

    __table_args__ = (Index("ix_filing_state_due", "state", "due_on"),)


class FilingEvent(SyncedMixin, Base):
    """One step of a filing: submitted, returned, approved … by whom, when, with what comment."""

    __tablename__ = "filing_event"
    __tracked__ = True

    filing_id: Mapped[str] = mapped_column(ForeignKey("filing.id"), index=True)
    action: Mapped[str] = mapped_column(String(24))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)
    comment: Mapped[str | None] = mapped_column(Text)
