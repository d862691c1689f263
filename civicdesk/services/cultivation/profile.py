"""An organization's cultivation at a glance, for its detail pane and its printed sheet: the incubation bases it
was admitted to, the purchased-service projects it was contracted for, the venture-philanthropy awards and
volunteer awards it received, the community funds it holds, and, for a volunteer team or a children's station,
its own totals.  Read-only and without personal data (no volunteer's or contact's name or phone).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from civicdesk.models import (CommunityFund, FundEntry, IncubationBase, IncubationResident, ProjectPayment,
                              ServiceProject, StationService, VentureApplication, VentureRound, Volunteer,
                              VolunteerActivity, VolunteerAward, VolunteerHours)
from civicdesk.services.core.database import Database


@dataclass(frozen=True)
class Residence:
    base: str
    admitted_on: date
    graduated_on: date | None
    outcome: str | None


@dataclass(frozen=True)
class Project:
    year: int
    name: str
    department: str
    amount: Decimal
    paid: Decimal
    evaluation: str | None


@dataclass(frozen=True)
class Award:
    """A venture-philanthropy award (``kind`` ``venture``) or a volunteer award to the team (``volunteer``)."""

    kind: str
    title: str
    by: str
    on: date | None
    amount: Decimal | None


@dataclass(frozen=True)
class Fund:
    name: str
    contributed: Decimal
    balance: Decimal


@dataclass
class CultivationProfile:
    organization_id: str
    residences: list[Residence] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    funds: list[Fund] = field(default_factory=list)
    #: a volunteer team's: volunteers now, activities, hours; a station's: service days, person-times
    team: tuple[int, int, Decimal] | None = None
    station: tuple[int, int] | None = None

    @property
    def empty(self) -> bool:
        return not (self.residences or self.projects or self.awards or self.funds or self.team or self.station)


def live(cls: Any) -> Any:
    """Not a tombstone."""
    return cls.deleted_at.is_(None)


def cultivation_profile(db: Database, org_id: str) -> CultivationProfile:
    """Everything of cultivation about one organization, newest first."""
    found = CultivationProfile(org_id)
    with db.read() as session:
        for name, admitted, graduated, outcome in session.execute(
            select(IncubationBase.name, IncubationResident.admitted_on, IncubationResident.graduated_on,
                   IncubationResident.outcome)
            .join(IncubationBase, IncubationBase.id == IncubationResident.base_id)
            .where(IncubationResident.organization_id == org_id, live(IncubationResident))
            .order_by(IncubationResident.admitted_on.desc())
        ):
            found.residences.append(Residence(name, admitted, graduated, outcome))
        paid = (select(func.coalesce(func.sum(ProjectPayment.amount), 0))
                .where(ProjectPayment.project_id == ServiceProject.id, live(ProjectPayment)).scalar_subquery())
        for year, name, department, amount, paid_total, evaluation in session.execute(
            select(ServiceProject.year, ServiceProject.name, ServiceProject.department, ServiceProject.amount,
                   paid, ServiceProject.evaluation)
            .where(ServiceProject.organization_id == org_id, live(ServiceProject))
            .order_by(ServiceProject.year.desc(), ServiceProject.name)
        ):
            found.projects.append(Project(year, name, department, Decimal(amount), Decimal(str(paid_total)),
                                          evaluation))
        for round_name, organizer, title, decided, awarded in session.execute(
            select(VentureRound.name, VentureRound.organizer, VentureApplication.project_title,
                   VentureApplication.decided_on, VentureApplication.amount_awarded)
            .join(VentureRound, VentureRound.id == VentureApplication.round_id)
            .where(VentureApplication.organization_id == org_id, VentureApplication.state == "awarded",
                   live(VentureApplication))
            .order_by(VentureApplication.decided_on.desc())
        ):
            found.awards.append(Award("venture", f"{round_name}：{title}", organizer, decided, awarded))
        for title, by, on in session.execute(
            select(VolunteerAward.title, VolunteerAward.awarded_by, VolunteerAward.awarded_on)
            .where(VolunteerAward.team_id == org_id, VolunteerAward.volunteer_id.is_(None), live(VolunteerAward))
            .order_by(VolunteerAward.awarded_on.desc())
        ):
            found.awards.append(Award("volunteer", title, by, on, None))
        for fund_id, name in session.execute(
            select(CommunityFund.id, CommunityFund.name)
            .where(CommunityFund.holder_org_id == org_id, live(CommunityFund)).order_by(CommunityFund.name)
        ):
            sums = dict(session.execute(
                select(FundEntry.kind, func.sum(FundEntry.amount))
                .where(FundEntry.fund_id == fund_id, live(FundEntry)).group_by(FundEntry.kind)
            ).all())
            contributed = Decimal(str(sums.get("contribution") or 0))
            found.funds.append(Fund(name, contributed, contributed - Decimal(str(sums.get("grant") or 0))))
        people = session.execute(select(func.count()).where(
            Volunteer.team_id == org_id, Volunteer.left_on.is_(None), live(Volunteer))).scalar() or 0
        activities = session.execute(select(func.count()).where(
            VolunteerActivity.team_id == org_id, live(VolunteerActivity))).scalar() or 0
        if people or activities:
            hours = session.execute(
                select(func.coalesce(func.sum(VolunteerHours.hours), 0))
                .join(VolunteerActivity, VolunteerActivity.id == VolunteerHours.activity_id)
                .where(VolunteerActivity.team_id == org_id, live(VolunteerActivity), live(VolunteerHours))
            ).scalar()
            found.team = (people, activities, Decimal(str(hours)))
        days, times = session.execute(
            select(func.count(), func.coalesce(func.sum(StationService.person_times), 0))
            .where(StationService.station_id == org_id, live(StationService))
        ).one()
        if days:
            found.station = (int(days), int(times))
    return found
