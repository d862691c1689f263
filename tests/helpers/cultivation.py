"""Rows of cultivation for tests: an organization of the demo register, and ``grow``: one organization
incubated, contracted, awarded and holding a fund, a volunteer team with a volunteer, an activity and an award,
written as rows (each programme's services are tested on their own)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select, union

from civicdesk.models import (CommunityFund, FundEntry, IncubationBase, IncubationResident, Organization,
                              ProjectPayment, ServiceProject, StationFunding, StationService, VentureApplication,
                              VentureRound, Volunteer, VolunteerActivity, VolunteerAward, VolunteerHours)
from civicdesk.services.core.database import Database


#: the columns of cultivation rows that name an organization
NAMING = ((ServiceProject, "organization_id"), (VentureApplication, "organization_id"),
          (IncubationResident, "organization_id"), (CommunityFund, "holder_org_id"), (Volunteer, "team_id"),
          (VolunteerActivity, "team_id"), (VolunteerAward, "team_id"), (StationService, "station_id"),
          (StationFunding, "station_id"), (IncubationBase, "operator_org_id"))


def org_of(db: Any, *, free: bool = True, **where: Any) -> str:
    """The first active organization (by name) matching ``where``; unless ``free`` is False, one that no
    cultivation row names (the demo has some)."""
    with db.read() as session:
        named = union(*(select(getattr(model, column)).where(getattr(model, column).is_not(None))
                        for model, column in NAMING))
        query = select(Organization.id).where(Organization.deleted_at.is_(None), Organization.status == "active")
        if free:
            query = query.where(Organization.id.not_in(named))
        for name, value in where.items():
            query = query.where(getattr(Organization, name) == value)
        return str(session.scalars(query.order_by(Organization.name).limit(1)).one())


def grow(demo: Database) -> dict[str, Any]:
    """A registered social group incubated, contracted, awarded and holding a fund; a volunteer team with a
    volunteer, an activity and an award; written as rows (the programmes' services are tested on their own)."""
    db = demo
    org = org_of(db, tier="registered", legal_form="social_group")
    team = org_of(db, community_subtype="volunteer_team")
    code = db.office().code
    with db.read() as session:
        county = session.get(Organization, org).division_code
    common = {"office_code": code, "entered_by": "clerk1"}
    with db.unit("clerk1") as session:
        base = IncubationBase(name="沙湾区社会组织孵化基地", level="county", kind="base", division_code=county,
                              operator_name="沙湾区社会工作服务中心", opened_on=date(2019, 5, 1), **common)
        project = ServiceProject(division_code=county, name="社区养老助餐服务", department="沙湾区民政局", year=2020,
                                 funding_source="lottery", organization_id=org, amount=Decimal("120000"),
                                 starts_on=date(2020, 3, 1), ends_on=date(2020, 12, 31), deliverables="助餐服务",
                                 evaluation="good", evaluated_on=date(2021, 1, 20), **common)
        rnd = VentureRound(division_code=county, name="2020年公益创投", kind="venture", organizer="沙湾区民政局",
                           budget=Decimal("550000"), opens_on=date(2020, 4, 1), closes_on=date(2020, 5, 1),
                           awarded_on=date(2020, 6, 1), **common)
        fund = CommunityFund(division_code=county, community_code=county, name="铜河社区基金", holder_org_id=org,
                             founded_on=date(2020, 1, 1), **common)
        session.add_all([base, project, rnd, fund])
        session.flush()
        activity = VolunteerActivity(team_id=team, held_on=date(2021, 3, 5), title="学雷锋志愿服务", **common)
        volunteer = Volunteer(team_id=team, name="志愿者甲", phone="13800001234", joined_on=date(2020, 1, 1), **common)
        session.add_all([
            IncubationResident(base_id=base.id, organization_id=org, admitted_on=date(2019, 6, 1),
                               graduated_on=date(2020, 6, 1), outcome="registered", outcome_on=date(2020, 6, 1),
                               **common),
            ProjectPayment(project_id=project.id, paid_on=date(2020, 4, 1), amount=Decimal("60000"), **common),
            VentureApplication(round_id=rnd.id, organization_id=org, project_title="邻里守望",
                               amount_asked=Decimal(60000), submitted_on=date(2020, 4, 20), state="awarded",
                               amount_awarded=Decimal("55000"),
                               decided_on=date(2020, 6, 1), **common),
            FundEntry(fund_id=fund.id, kind="contribution", entry_on=date(2020, 1, 2), amount=Decimal("150000"),
                      party="爱心企业", **common),
            FundEntry(fund_id=fund.id, kind="grant", entry_on=date(2020, 9, 2), amount=Decimal("30000"),
                      party="社区老年协会", purpose="重阳活动", **common),
            activity, volunteer,
            VolunteerAward(team_id=team, title="优秀志愿服务队", awarded_by="沙湾区民政局",
                           awarded_on=date(2021, 12, 5), **common),
        ])
        session.flush()
        session.add(VolunteerHours(activity_id=activity.id, volunteer_id=volunteer.id, hours=Decimal("3.5"),
                                   office_code=code))
    return {"db": db, "org": org, "team": team}
