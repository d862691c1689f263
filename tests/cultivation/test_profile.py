"""An organization's cultivation in its detail pane and on its printed sheet (issue 18): the bases it was
incubated at, the purchased-service projects, the awards, the funds it holds, a team's totals; nothing for an
organization without any."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from civicdesk.models import (CommunityFund, FundEntry, IncubationBase, IncubationResident, Organization,
                              ProjectPayment, ServiceProject, VentureApplication, VentureRound, Volunteer,
                              VolunteerActivity, VolunteerAward, VolunteerHours)
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database, open_database
from civicdesk.services.cultivation.profile import cultivation_profile
from tests.services.test_printing import text_of


def _org(db: Any, **where: Any) -> str:
    with db.read() as session:
        query = select(Organization.id).where(Organization.deleted_at.is_(None), Organization.status == "active")
        for name, value in where.items():
            query = query.where(getattr(Organization, name) == value)
        return str(session.scalars(query.order_by(Organization.name).limit(1)).one())


@pytest.fixture
def demo(shawan_db_path: Any) -> Iterator[Database]:
    """沙湾区 with its demo register."""
    database = open_database(shawan_db_path)
    yield database
    database.close()


@pytest.fixture
def grown(demo: Database) -> dict[str, Any]:
    return grow(demo)


def grow(demo: Database) -> dict[str, Any]:
    """A registered social group incubated, contracted, awarded and holding a fund; a volunteer team with a
    volunteer, an activity and an award; written as rows (the programmes' services are tested on their own)."""
    db = demo
    org = _org(db, tier="registered", legal_form="social_group")
    team = _org(db, community_subtype="volunteer_team")
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


def test_the_profile_gathers_every_programme(grown: dict[str, Any]) -> None:
    found = cultivation_profile(grown["db"], grown["org"])
    assert [(r.base, r.outcome) for r in found.residences] == [("沙湾区社会组织孵化基地", "registered")]
    [project] = found.projects
    assert (project.name, project.amount, project.paid, project.evaluation) == (
        "社区养老助餐服务", Decimal("120000.00"), Decimal("60000.00"), "good")
    assert [(a.kind, a.title, a.amount) for a in found.awards] == [("venture", "2020年公益创投：邻里守望",
                                                                     Decimal("55000.00"))]
    assert [(f.name, f.contributed, f.balance) for f in found.funds] == [("铜河社区基金", Decimal("150000.00"),
                                                                          Decimal("120000.00"))]
    team = cultivation_profile(grown["db"], grown["team"])
    assert team.team == (1, 1, Decimal("3.50")) and [a.title for a in team.awards] == ["优秀志愿服务队"]
    assert not found.team and not found.station


def test_an_organization_without_cultivation_has_an_empty_profile(demo: Database) -> None:
    org = _org(demo, tier="registered", legal_form="social_service")
    assert cultivation_profile(demo, org).empty


def _clerk(db: Any) -> auth.UserInfo:
    return auth.create_user(db, "clerkp", "a-long-password-2", "clerk",
                            by=auth.create_user(db, "adminp", "a-long-password-1", "admin"))


def test_the_printed_sheet_has_the_cultivation_section(grown: dict[str, Any], tmp_path):
    from civicdesk.services.printing import print_document

    db = grown["db"]
    clerk = _clerk(db)
    sheet, plain = tmp_path / "org.pdf", tmp_path / "plain.pdf"
    print_document(db, "organization", {"key": grown["org"]}, sheet, by=clerk)
    flat = re.sub(r"\s+", "", text_of(sheet))
    for words in ("五、培育发展", "（一）孵化", "沙湾区社会组织孵化基地", "已登记", "（二）政府购买服务",
                  "社区养老助餐服务", "120,000.00", "良好", "（三）资助与表彰", "邻里守望", "（四）社区基金",
                  "铜河社区基金"):
        assert words in flat, words
    print_document(db, "organization", {"key": _org(db, tier="registered", legal_form="social_service")}, plain,
                   by=clerk)
    assert "培育发展" not in text_of(plain)  # no section for an organization without any


def test_a_teams_sheet_has_its_totals_and_no_volunteers_name_or_phone(grown: dict[str, Any], tmp_path):
    from civicdesk.services.printing import print_document

    sheet = tmp_path / "team.pdf"
    print_document(grown["db"], "organization", {"key": grown["team"]}, sheet, by=_clerk(grown["db"]))
    flat = re.sub(r"\s+", "", text_of(sheet))
    assert "志愿者1人，服务活动1次，服务时长3.50小时" in flat and "优秀志愿服务队" in flat
    assert "13800001234" not in flat and "志愿者甲" not in flat
