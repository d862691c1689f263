"""An organization's supervision at a glance: the summary the register shows, and the profile of the detail pane.

Offers:

- :func:`refresh_summary` (inside the caller's transaction): the register's derived columns of the given
  organizations (all when None) from the synced records: ``inspection_year`` and ``inspection_conclusion`` of
  the latest decided annual inspection, ``rating_grade`` and ``rating_valid_to`` of the rating in force (decided
  or lowered, not cancelled, the latest to end), ``credit_list`` of the credit list it is on now (``serious``
  before ``abnormal``; NULL when on none).  They are local (``LOCAL_COLUMNS``: each office derives them
  from the records it holds), written by Core statements that neither move the row's version nor enter the
  change log.  Called by every service that decides a record (the credit lists at every step that moves a
  listing into or out of ``listed``), by the sync import for the organizations a package touched, and after the
  demo loads.
- :func:`supervision_profile`: the inspections by year, the ratings and the spot checks of one organization,
  newest first, as plain data.
- :func:`rating_shown`: the grade the register shows on a day (none once its validity ended).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, select, update
from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.models import (CreditListing, InspectionRecord, Organization, RatingApplication, SpotcheckItem,
                              SpotcheckPlan, table_of)
from civicdesk.services.core.database import Database

#: states of a rating that holds (a lowered one at its lower grade)
RATING_IN_FORCE = ("decided", "lowered")
#: the derived columns :func:`refresh_summary` writes
SUMMARY_COLUMNS = ("inspection_year", "inspection_conclusion", "rating_grade", "rating_valid_to", "credit_list")
_CHUNK = 900  # ids per statement (SQLite's default limit of bound parameters is 999)


def _summary_values(org_id_column: ColumnElement[str]) -> dict[str, Any]:
    """The derived columns as subqueries correlated to ``org_id_column`` (the UPDATE's organization id)."""
    rec = table_of(InspectionRecord)
    app = table_of(RatingApplication)
    decided = and_(rec.c.organization_id == org_id_column, rec.c.state == "decided", rec.c.deleted_at.is_(None))
    latest_year = (select(rec.c.year).where(decided).order_by(rec.c.year.desc()).limit(1).scalar_subquery())
    latest_conclusion = (select(rec.c.conclusion).where(decided).order_by(rec.c.year.desc()).limit(1)
                         .scalar_subquery())
    in_force = and_(app.c.organization_id == org_id_column, app.c.state.in_(RATING_IN_FORCE),
                    app.c.deleted_at.is_(None), app.c.valid_to.is_not(None))
    grade = (select(app.c.current_grade).where(in_force).order_by(app.c.valid_to.desc()).limit(1)
             .scalar_subquery())
    valid_to = (select(app.c.valid_to).where(in_force).order_by(app.c.valid_to.desc()).limit(1).scalar_subquery())
    listing = table_of(CreditListing)
    on_list = (select(listing.c.list_kind)  # 'serious' sorts after 'abnormal': the graver list first
               .where(listing.c.organization_id == org_id_column, listing.c.state == "listed",
                      listing.c.deleted_at.is_(None))
               .order_by(listing.c.list_kind.desc()).limit(1).scalar_subquery())
    return {"inspection_year": latest_year, "inspection_conclusion": latest_conclusion, "rating_grade": grade,
            "rating_valid_to": valid_to, "credit_list": on_list}


def refresh_summary(session: Session, organization_ids: Iterable[str] | None = None) -> None:
    """Recompute the derived supervision columns of ``organization_ids`` (every organization when None)."""
    org = table_of(Organization)
    values = _summary_values(org.c.id)
    connection = session.connection()
    if organization_ids is None:
        connection.execute(update(org).values(**values))
        return
    ids = sorted(set(organization_ids))
    for start in range(0, len(ids), _CHUNK):
        connection.execute(update(org).where(org.c.id.in_(ids[start:start + _CHUNK])).values(**values))
    # the ORM's copies of these rows (if the session holds any) are stale now
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Organization) and obj.id in ids:
            session.expire(obj, list(SUMMARY_COLUMNS))


def rating_shown(grade: str | None, valid_to: date | None, today: date | None = None) -> str | None:
    """The grade to show on ``today``: none once the validity ended."""
    if grade is None or valid_to is None:
        return None
    return grade if valid_to >= (today or clock.today()) else None


@dataclass(frozen=True)
class InspectionLine:
    year: int
    state: str
    conclusion: str | None
    received_on: date
    late: bool
    document_no: str | None


@dataclass(frozen=True)
class RatingLine:
    year: int
    state: str
    grade: str | None  # as decided
    current_grade: str | None  # as it holds now (after a lowering); None when cancelled
    total: int | None
    valid_from: date | None
    valid_to: date | None
    decision_no: str | None


@dataclass(frozen=True)
class SpotcheckLine:
    year: int
    plan_title: str | None
    checked_on: date | None
    result: str | None
    rectify_by: date | None
    rectified_on: date | None
    published_on: date | None


@dataclass(frozen=True)
class SupervisionProfile:
    organization_id: str
    inspections: list[InspectionLine] = field(default_factory=list)
    ratings: list[RatingLine] = field(default_factory=list)
    spotchecks: list[SpotcheckLine] = field(default_factory=list)

    @property
    def rating_in_force(self) -> RatingLine | None:
        today = clock.today()
        for r in self.ratings:
            if r.state in RATING_IN_FORCE and r.valid_to is not None and r.valid_to >= today:
                return r
        return None


def supervision_profile(db: Database, organization_id: str) -> SupervisionProfile:
    """The supervision records of one organization, newest first (no personal data: nothing to mask)."""
    with db.read() as session:
        inspections = [
            InspectionLine(r.year, r.state, r.conclusion, r.received_on, r.late, r.document_no)
            for r in session.scalars(select(InspectionRecord)
                                     .where(InspectionRecord.organization_id == organization_id,
                                            InspectionRecord.deleted_at.is_(None))
                                     .order_by(InspectionRecord.year.desc()))]
        ratings = [
            RatingLine(a.year, a.state, a.grade, a.current_grade, a.total, a.valid_from, a.valid_to, a.decision_no)
            for a in session.scalars(select(RatingApplication)
                                     .where(RatingApplication.organization_id == organization_id,
                                            RatingApplication.deleted_at.is_(None))
                                     .order_by(RatingApplication.year.desc(), RatingApplication.applied_on.desc()))]
        spotchecks = [
            SpotcheckLine(plan.year, plan.title, item.checked_on, item.result, item.rectify_by, item.rectified_on,
                          item.published_on)
            for item, plan in session.execute(
                select(SpotcheckItem, SpotcheckPlan).join(SpotcheckPlan, SpotcheckPlan.id == SpotcheckItem.plan_id)
                .where(SpotcheckItem.organization_id == organization_id, SpotcheckItem.deleted_at.is_(None),
                       SpotcheckPlan.state != "cancelled")
                .order_by(SpotcheckPlan.year.desc()))]
    return SupervisionProfile(organization_id, inspections, ratings, spotchecks)
