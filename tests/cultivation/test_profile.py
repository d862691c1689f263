"""An organization's cultivation in its detail pane and on its printed sheet (issue 18): the bases it was
incubated at, the purchased-service projects, the awards, the funds it holds, a team's totals; nothing for an
organization without any."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any


from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.cultivation.profile import cultivation_profile
from tests.helpers.cultivation import org_of
from tests.services.test_printing import text_of


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
    org = org_of(demo, tier="registered", legal_form="social_service")
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
    print_document(db, "organization", {"key": org_of(db, tier="registered", legal_form="social_service")}, plain,
                   by=clerk)
    assert "培育发展" not in text_of(plain)  # no section for an organization without any


def test_a_teams_sheet_has_its_totals_and_no_volunteers_name_or_phone(grown: dict[str, Any], tmp_path):
    from civicdesk.services.printing import print_document

    sheet = tmp_path / "team.pdf"
    print_document(grown["db"], "organization", {"key": grown["team"]}, sheet, by=_clerk(grown["db"]))
    flat = re.sub(r"\s+", "", text_of(sheet))
    assert "志愿者1人，服务活动1次，服务时长3.50小时" in flat and "优秀志愿服务队" in flat
    assert "13800001234" not in flat and "志愿者甲" not in flat
