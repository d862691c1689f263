"""The office on both back ends, SQLite and PostgreSQL (tests/pg/conftest.py ``office_db``): the same services
give the same answers.  Each test runs twice; the PostgreSQL run needs a server (tests/helpers/pg.py)."""

from __future__ import annotations

from datetime import date

import pytest

from civicdesk.errors import CivicDeskError, ValidationError
from civicdesk.services.admin import audit, auth
from civicdesk.services.admin.maintenance import verify
from civicdesk.services.admin.office import init_office
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import make_id_number, make_uscc
from civicdesk.services.filings import service as filings
from civicdesk.services.register import browse, organizations
from civicdesk.services.register.plain import RegisterFilter
from civicdesk.services.register.statistics import statistics
from tests.factories import social_group
from tests.helpers.pg import content_digest

#: (name, serial of the USCC, township, established, legal representative, member count)
ORGS = [
    ("乐山市沙湾区测试摄影协会", "MJ900001", "511111002", "2019-05-20", "张三", 120),
    ("乐山市沙湾区老年体育协会", "MJ900002", "511111002", "2015-03-01", "李四", 80),
    ("乐山市沙湾区书法家协会", "MJ900003", "511111100", "2021-07-15", "王五", 45),
    ("乐山市沙湾区铜河志愿者协会", "MJ900004", "511111100", "2012-11-30", "赵六", 300),
]


@pytest.fixture
def users(office_db: Database) -> dict[str, auth.UserInfo]:
    admin = auth.create_user(office_db, "admin", "admin123x", "admin")
    return {
        "admin": admin,
        "clerk": auth.create_user(office_db, "wang", "clerk123x", "clerk", by=admin),
        "reviewer": auth.create_user(office_db, "li", "review123", "reviewer", by=admin),
    }


@pytest.fixture
def orgs(office_db: Database, users: dict[str, auth.UserInfo]) -> dict[str, organizations.OrgRecord]:
    added = {}
    for n, (name, serial, township, established, rep, members) in enumerate(ORGS):
        record = social_group(name=name, uscc=make_uscc("1", "511111", serial), township_code=township,
                              established_on=established, member_count=members,
                              address=f"四川省乐山市沙湾区测试路{n + 1}号")
        record["people"] = [{"role": "legal_representative", "name": rep,
                             "id_number": make_id_number("511111", date(1970, 3, 5 + n), 12 + n)}]
        added[name] = organizations.add_organization(office_db, record, by=users["admin"])
    return added


def test_the_office_is_initialised_once(office_db: Database) -> None:
    office = office_db.office()
    assert (office.code, office.name, office.level) == ("511111", "乐山市沙湾区民政局", "district")
    before = content_digest(office_db)
    with pytest.raises(CivicDeskError) as err:
        init_office(office_db, code="511100", name="乐山市民政局", level="city")
    assert err.value.code == "db.already_initialized"
    assert content_digest(office_db) == before


def test_add_get_and_list(office_db: Database, orgs: dict[str, organizations.OrgRecord]) -> None:
    shown = organizations.get_organization(office_db, make_uscc("1", "511111", "MJ900003"))
    assert (shown.name, shown.values["member_count"], shown.values["established_on"]) == (
        "乐山市沙湾区书法家协会", 45, date(2021, 7, 15))
    assert [p.name for p in shown.people] == ["王五"]
    assert organizations.get_organization(office_db, shown.id).name == shown.name
    assert organizations.get_organization(office_db, "乐山市沙湾区书法家协会").id == shown.id
    listed = browse.list_organizations(office_db, division="511111100")
    assert sorted(r.name for r in listed) == ["乐山市沙湾区书法家协会", "乐山市沙湾区铜河志愿者协会"]
    assert len(browse.list_organizations(office_db)) == 4


def test_a_refused_record_changes_nothing(office_db: Database, users: dict[str, auth.UserInfo],
                                          orgs: dict[str, organizations.OrgRecord]) -> None:
    before = content_digest(office_db, without=("audit_entry",))
    with pytest.raises(ValidationError):  # the USCC of an organization already in the register
        organizations.add_organization(office_db, social_group(name="乐山市沙湾区另一协会",
                                                               uscc=make_uscc("1", "511111", "MJ900001")),
                                       by=users["admin"])
    assert content_digest(office_db, without=("audit_entry",)) == before


#: queries and the organizations they find, on either back end
SEARCHES = [
    ("铜河", ["乐山市沙湾区铜河志愿者协会"]),  # a name's substring
    ("书法", ["乐山市沙湾区书法家协会"]),
    ("协会", [name for name, *_ in ORGS]),
    ("sheying", ["乐山市沙湾区测试摄影协会"]),  # the name's pinyin
    ("lnty", ["乐山市沙湾区老年体育协会"]),  # its initials
    ("LNTY", ["乐山市沙湾区老年体育协会"]),
    ("测试路3号", ["乐山市沙湾区书法家协会"]),  # the address
    ("王五", ["乐山市沙湾区书法家协会"]),  # the legal representative
    ("5151111", [name for name, *_ in ORGS]),  # a USCC prefix
    ("51511111MJ900002", ["乐山市沙湾区老年体育协会"]),
    ("不存在的名称", []),
]


def test_search(office_db: Database, orgs: dict[str, organizations.OrgRecord]) -> None:
    for query, expected in SEARCHES:  # one database for all of them (a server-side copy costs ~0.1-0.3 s)
        total, hits = browse.search_organizations(office_db, query, limit=10)
        assert (total, sorted(h.name for h in hits)) == (len(expected), sorted(expected)), query
        rows = browse.first_page(office_db, RegisterFilter(text=query), "name", limit=10)
        assert sorted(r.name for r in rows) == sorted(expected), query


def test_sort(office_db: Database, orgs: dict[str, organizations.OrgRecord]) -> None:
    # the register's name order is the pinyin's (测 ce, 老 lao, 书 shu, 铜 tong)
    by_name = ["乐山市沙湾区测试摄影协会", "乐山市沙湾区老年体育协会", "乐山市沙湾区书法家协会",
               "乐山市沙湾区铜河志愿者协会"]
    for sort_key, descending in [("name", False), ("name", True), ("uscc", False), ("established_on", True),
                                 ("legal_rep_name", False), ("division", False)]:
        rows = browse.first_page(office_db, RegisterFilter(), sort_key, descending, limit=10)
        if sort_key == "name":
            assert [r.name for r in rows] == (by_name[::-1] if descending else by_name)
        elif sort_key != "division":
            keys = [getattr(r, sort_key) for r in rows]
            assert keys == sorted(keys, reverse=descending), sort_key
        seqs = browse.ordered_seqs(office_db, RegisterFilter(), sort_key, descending)
        assert list(seqs) == [r.seq for r in rows], sort_key


def test_filing_state_machine(office_db: Database, users: dict[str, auth.UserInfo],
                              orgs: dict[str, organizations.OrgRecord]) -> None:
    org = orgs["乐山市沙湾区测试摄影协会"]
    data = {"organization_id": org.id, "changes": {"legal_rep_name": "赵新"}, "applicant": "王五",
            "documents": ["变更登记申请书"]}
    record = filings.draft_filing(office_db, "change", data, by=users["clerk"])
    record = filings.transition(office_db, record.id, "submit", by=users["clerk"])
    assert record.state == "submitted"
    before = content_digest(office_db, without=("audit_entry",))
    with pytest.raises(CivicDeskError) as err:  # a clerk does not decide
        filings.transition(office_db, record.id, "approve", by=users["clerk"])
    assert err.value.code == "auth.forbidden"
    assert content_digest(office_db, without=("audit_entry",)) == before
    approved = filings.transition(office_db, record.id, "approve", by=users["reviewer"],
                                  document_no="沙民函〔2026〕3号")
    assert (approved.state, approved.decided_by) == ("approved", "li")
    assert [s.action for s in approved.steps] == ["draft", "submit", "approve"]
    assert organizations.get_organization(office_db, org.id).to_json()["legal_rep_name"] == "赵新"
    second = filings.draft_filing(office_db, "change", {**data, "changes": {"member_count": 150}}, by=users["clerk"])
    assert second.number.rsplit("-", 1)[1] == "00002"  # numbered in order after the first
    assert [f.number for f in filings.history_of(office_db, org.id)] == [second.number, approved.number]


def test_audit_chain_verifies(office_db: Database, users: dict[str, auth.UserInfo],
                              orgs: dict[str, organizations.OrgRecord]) -> None:
    report = audit.verify(office_db)
    assert report.ok and report.entries == audit.count(office_db) > len(ORGS)
    added = audit.entries(office_db, entity_id=orgs["乐山市沙湾区书法家协会"].id, by=users["admin"])
    assert [e.actor for e in added] == ["admin"] * len(added) and added


def test_statistics(office_db: Database, orgs: dict[str, organizations.OrgRecord]) -> None:
    figures = statistics(office_db)
    assert figures["registered_social_organizations"] == 4
    assert figures["by_legal_form"] == {"social_group": 4, "social_service": 0, "foundation": 0}
    assert figures["community_social_organizations"]["total"] == 0


def test_verify(office_db: Database, orgs: dict[str, organizations.OrgRecord]) -> None:
    report = verify(office_db)
    assert report.ok, report
    assert report.search_index["organizations"] == 4
