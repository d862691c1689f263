"""Annual inspection: campaigns, who is due, records with four eyes, late and missing reports, 参检率, flags."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from civicdesk.errors import CivicDeskError
from civicdesk.models import AuditEntry, InspectionEvent, Organization
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import make_uscc
from civicdesk.services.supervision import inspection, parameters
from tests.helpers.db import digest

_serial = iter(range(1, 100_000))


def add_org(db: Database, name: str, *, form: str | None = "social_group", established: str | None = "2019-05-20",
            status: str = "active", changed: str | None = None, registry: str = "511111",
            division: str = "511111", tier: str = "registered", deleted: bool = False) -> str:
    """An organization row as the register holds it (only the columns the due rule reads matter here)."""
    n = next(_serial)
    kind = {"social_group": "1", "social_service": "2", "foundation": "3", None: "9"}[form]
    with db.unit(actor="test") as session:
        org = Organization(
            name=name, legal_form=form, tier=tier, status=status, registry_code=registry,
            registry_name="测试登记机关", division_code=division, uscc=make_uscc(kind, division, f"MJ8{n:05d}"),
            established_on=date.fromisoformat(established) if established else None,
            status_changed_on=date.fromisoformat(changed) if changed else None,
            is_community=tier != "registered", origin_office=db.office().code)
        session.add(org)
        session.flush()
        if deleted:
            org.deleted_at = org.created_at
        return org.id


@pytest.fixture
def users(db: Database) -> dict[str, auth.UserInfo]:
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    return {"admin": admin,
            "clerk": auth.create_user(db, "clerk1", "a-long-password-2", "clerk", by=admin),
            "rev": auth.create_user(db, "rev1", "a-long-password-3", "reviewer", by=admin),
            "rev2": auth.create_user(db, "rev2", "a-long-password-4", "reviewer", by=admin)}


def unchanged(db: Database) -> str:
    """The database's digest without the audit trail (a refusal is itself audited)."""
    return digest(db.path, without=("audit_entry",))


GOOD: dict[str, Any] = {"received_on": "2026-04-20", "materials": ["report", "financial"], "income": "125000.50",
                        "expenditure": 98000, "net_assets": "-1200.00", "staff_count": 3, "member_count": 120,
                        "activity_count": 8, "sponsor_opinion": "pass", "sponsor_opinion_on": "2026-03-25"}


# -- campaigns -------------------------------------------------------------------------------------------------
def test_a_campaign_copies_its_rules_and_there_is_one_per_office_and_year(db, users, clock):
    c = inspection.open_campaign(db, 2025, by=users["clerk"])
    assert c.state == "open" and c.office_code == "511111"
    assert c.rules["deadlines"]["foundation"] == {"sponsor": "2026-03-31", "registry": "2026-03-31"}
    assert c.rules["deadlines"]["social_group"] == {"sponsor": "2026-03-31", "registry": "2026-05-31"}
    assert [m["key"] for m in c.rules["materials"]["foundation"]] == ["report", "audit", "certificate", "disclosure"]
    assert c.rules["min_months"] == 6
    # a later edit of the parameters does not move the running campaign
    parameters.set_parameter(db, "inspection.registry_deadline", "06-30", source="本局通知", by=users["admin"])
    assert inspection.get_campaign(db, 2025).deadline("social_group") == date(2026, 5, 31)
    assert inspection.open_campaign(db, 2024, by=users["clerk"]).deadline("social_group") == date(2025, 6, 30)
    before = unchanged(db)
    with pytest.raises(CivicDeskError) as refused:
        inspection.open_campaign(db, 2025, by=users["rev"])
    assert refused.value.code == "inspection.campaign_exists"
    assert "2025" in refused.value.message("zh") and "already open" in refused.value.message("en")
    with pytest.raises(CivicDeskError) as refused:
        inspection.open_campaign(db, 2027, by=users["rev"])  # the clock says 2026: no report of 2027 exists
    assert refused.value.code == "inspection.year"
    assert unchanged(db) == before
    assert [x.year for x in inspection.list_campaigns(db)] == [2025, 2024]


def test_only_a_reviewer_closes_a_campaign_and_a_closed_one_takes_no_record(db, users, clock):
    org = add_org(db, "沙湾区甲协会")
    inspection.open_campaign(db, 2025, by=users["clerk"])
    before = digest(db.path)
    with pytest.raises(CivicDeskError) as refused:
        inspection.close_campaign(db, 2025, by=users["clerk"])
    assert refused.value.code == "auth.forbidden"
    assert digest(db.path) == before
    closed = inspection.close_campaign(db, 2025, by=users["rev"])
    assert (closed.state, closed.closed_by) == ("closed", "rev1")
    before = unchanged(db)
    with pytest.raises(CivicDeskError) as refused:
        inspection.record(db, 2025, org, GOOD, by=users["clerk"])
    assert refused.value.code == "inspection.campaign_closed"
    assert unchanged(db) == before


# -- who is due ------------------------------------------------------------------------------------------------
def test_who_is_due_follows_the_register(db, users, clock):
    old = add_org(db, "老协会")
    six_months = add_org(db, "满六个月的协会", established="2025-06-30")  # 31 Dec minus 6 months: still due
    no_date = add_org(db, "旧档无成立日期的协会", established=None)
    ended_after = add_org(db, "截止后注销的协会", status="deregistered", changed="2026-06-01")
    # a foundation's deadline is 31 March: deregistered in April, it was due
    fund_april = add_org(db, "四月注销的基金会", form="foundation", status="deregistered", changed="2026-04-10")
    suspended = add_org(db, "限期停止活动的协会", status="suspended", changed="2025-03-01")
    december = add_org(db, "2024年12月成立的协会", established="2024-12-01")
    group_april = add_org(db, "截止前注销的协会", status="deregistered", changed="2026-04-10")
    not_due = {
        add_org(db, "不满六个月的协会", established="2025-07-01"),
        add_org(db, "当年后成立的协会", established="2026-02-01"),
        group_april,
        add_org(db, "撤销日期不详的协会", status="revoked"),
        add_org(db, "市局登记的协会", registry="511100"),
        add_org(db, "备案的社区组织", form=None, tier="filed", registry="511111002"),
        add_org(db, "已删除的协会", deleted=True),
    }
    due = {old, six_months, no_date, ended_after, fund_april, suspended, december}
    c = inspection.open_campaign(db, 2025, by=users["clerk"])
    listed = {row[0] for row in inspection.due_list(db, c)}
    assert listed == due
    assert inspection.due_count(db, 2025) == len(due)
    assert not listed & not_due
    # six months is data: at 0 months for 2024, the one registered in December 2024 is due in 2024; the
    # association deregistered in April 2026 ended after the 2024 campaign's deadline (31 May 2025): due then
    parameters.set_parameter(db, "inspection.min_months_registered", 0, source="本局通知", by=users["admin"],
                             year_from=2024, year_to=2024)
    c24 = inspection.open_campaign(db, 2024, by=users["clerk"])
    assert {r[0] for r in inspection.due_list(db, c24)} == due - {six_months} | {group_april}
    parameters.set_parameter(db, "inspection.min_months_registered", 6, source="本局通知", by=users["admin"],
                             year_from=2023, year_to=2023)
    c23 = inspection.open_campaign(db, 2023, by=users["clerk"])
    assert {r[0] for r in inspection.due_list(db, c23)} == {old, no_date, ended_after, fund_april, suspended,
                                                           group_april}
    before = unchanged(db)
    for org in not_due:
        with pytest.raises(CivicDeskError) as refused:
            inspection.record(db, 2025, org, GOOD, by=users["clerk"])
        assert refused.value.code in ("inspection.not_due", "inspection.org_not_found")
    assert unchanged(db) == before


# -- records and the four eyes ---------------------------------------------------------------------------------
def test_record_submit_and_decide_with_four_eyes(db, users, clock):
    org = add_org(db, "沙湾区摄影协会")
    inspection.open_campaign(db, 2025, by=users["clerk"])
    r = inspection.record(db, 2025, org, GOOD, by=users["clerk"])
    assert (r.state, r.late, r.entered_by) == ("draft", False, "clerk1")
    assert r.income == Decimal("125000.50") and r.net_assets == Decimal("-1200.00") and r.expenditure == 98000
    assert r.materials == ["report", "financial"]
    r = inspection.record(db, 2025, r.uscc or "", {"materials": ["financial", "report", "certificate"],
                                                  "conclusion": "pass"}, by=users["clerk"])
    assert r.materials == ["report", "financial", "certificate"] and r.conclusion == "pass"
    inspection.submit(db, 2025, org, by=users["clerk"])
    before = unchanged(db)
    with pytest.raises(CivicDeskError) as refused:  # a clerk may not decide
        inspection.decide(db, 2025, org, conclusion="pass", by=users["clerk"])
    assert refused.value.code == "auth.forbidden"
    assert unchanged(db) == before
    with pytest.raises(CivicDeskError) as refused:  # submitted: no more corrections
        inspection.record(db, 2025, org, {"income": 1}, by=users["clerk"])
    assert refused.value.code == "inspection.not_editable"
    decided = inspection.decide(db, 2025, r.id, conclusion="basic", reasons="财务制度不健全",
                                document_no="沙民〔2026〕5号", by=users["rev"])
    assert (decided.state, decided.conclusion, decided.decided_by) == ("decided", "basic", "rev1")
    assert [s.action for s in decided.steps] == ["enter", "edit", "submit", "decide"]
    with db.read() as s:
        audited = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "inspection_record")).all()
        assert audited and s.scalar(select(InspectionEvent.actor).where(InspectionEvent.action == "decide")) == "rev1"
    assert any(a == "inspection.refused" for a in audited)


def test_the_reviewer_who_entered_or_submitted_cannot_decide_or_return(db, users, clock):
    org = add_org(db, "沙湾区书法协会")
    inspection.open_campaign(db, 2025, by=users["clerk"])
    inspection.record(db, 2025, org, GOOD, by=users["rev"])
    inspection.submit(db, 2025, org, by=users["rev2"])
    before = unchanged(db)
    for who in ("rev", "rev2"):
        with pytest.raises(CivicDeskError) as refused:
            inspection.decide(db, 2025, org, conclusion="pass", by=users[who])
        assert refused.value.code == "inspection.four_eyes"
        with pytest.raises(CivicDeskError) as refused:
            inspection.return_record(db, 2025, org, reason="缺财务报告", by=users[who])
        assert refused.value.code == "inspection.four_eyes"
    assert unchanged(db) == before
    assert inspection.decide(db, 2025, org, conclusion="pass", by=users["admin"]).state == "decided"


def test_a_return_needs_its_reason_and_the_record_comes_back(db, users, clock):
    org = add_org(db, "沙湾区棋类协会")
    inspection.open_campaign(db, 2025, by=users["clerk"])
    inspection.record(db, 2025, org, GOOD, by=users["clerk"])
    inspection.submit(db, 2025, org, by=users["clerk"])
    before = unchanged(db)
    with pytest.raises(CivicDeskError) as refused:
        inspection.return_record(db, 2025, org, reason="  ", by=users["rev"])
    assert refused.value.code == "inspection.reason_required"
    with pytest.raises(CivicDeskError) as refused:  # 不合格 without its reasons
        inspection.decide(db, 2025, org, conclusion="fail", by=users["rev"])
    assert refused.value.code == "inspection.reasons_required"
    assert unchanged(db) == before
    r = inspection.return_record(db, 2025, org, reason="缺年度财务会计报告", by=users["rev"])
    assert r.state == "returned" and r.steps[-1].comment == "缺年度财务会计报告"
    with pytest.raises(CivicDeskError) as refused:
        inspection.decide(db, 2025, org, conclusion="pass", by=users["rev"])
    assert refused.value.code == "inspection.transition"
    inspection.record(db, 2025, org, {"materials": ["report", "financial", "certificate"]}, by=users["clerk"])
    inspection.submit(db, 2025, org, by=users["clerk"])
    r = inspection.decide(db, 2025, org, conclusion="fail", reasons="未按规定开展活动", by=users["rev"])
    assert [s.action for s in r.steps] == ["enter", "submit", "return", "edit", "submit", "decide"]


def test_a_report_after_the_registry_deadline_is_late_and_listed(db, users, clock):
    group = add_org(db, "沙湾区登山协会")
    fund = add_org(db, "沙湾区助学基金会", form="foundation")
    silent = add_org(db, "沙湾区未报协会")
    inspection.open_campaign(db, 2025, by=users["clerk"])
    assert inspection.record(db, 2025, group, {**GOOD, "received_on": "2026-05-31"}, by=users["clerk"]).late is False
    # a foundation reports by 31 March
    late = inspection.record(db, 2025, fund, {"received_on": "2026-04-01", "materials": ["audit"]}, by=users["clerk"])
    assert late.late is True
    assert [r.organization_id for r in inspection.late_list(db, 2025)] == [fund]
    assert [m.organization_id for m in inspection.missing_list(db, 2025)] == [silent]
    assert inspection.missing_list(db, 2025, today=date(2026, 5, 31)) == []  # listed once the deadline passed
    assert [m.deadline for m in inspection.missing_list(db, 2025)] == [date(2026, 5, 31)]


@pytest.mark.parametrize("values, code", [
    ({"received_on": "2025-12-31"}, "inspection.received_too_early"),
    ({"received_on": "2026-11-29"}, "inspection.received_future"),
    ({"received_on": "2026-13-01"}, "inspection.bad_date"),
    ({**GOOD, "sponsor_opinion_on": "2025-12-30"}, "inspection.opinion_too_early"),
    ({"materials": ["report"]}, "inspection.received_required"),
    ({**GOOD, "conclusion": "basic"}, "inspection.reasons_required"),
    ({**GOOD, "conclusion": "fail", "reasons": "   "}, "inspection.reasons_required"),
    ({**GOOD, "conclusion": "excellent", "reasons": "x"}, "inspection.bad_conclusion"),
    ({**GOOD, "sponsor_opinion": "ok"}, "inspection.bad_conclusion"),
    ({**GOOD, "materials": ["report", "audit"]}, "inspection.material_unknown"),
    ({**GOOD, "materials": "report"}, "inspection.bad_materials"),
    ({**GOOD, "income": "-5"}, "inspection.bad_amount"),
    ({**GOOD, "expenditure": "12.345"}, "inspection.bad_amount"),
    ({**GOOD, "income": "lots"}, "inspection.bad_amount"),
    ({**GOOD, "income": True}, "inspection.bad_amount"),
    ({**GOOD, "staff_count": -1}, "inspection.bad_count"),
    ({**GOOD, "member_count": 2.5}, "inspection.bad_count"),
    ({**GOOD, "surplus": 5}, "inspection.unknown_field"),
    ({**GOOD, "sponsor_note": 5}, "inspection.bad_text"),
])
def test_bad_input_is_refused_by_name_and_changes_nothing(db, users, clock, values, code):
    org = add_org(db, "沙湾区测试协会")
    inspection.open_campaign(db, 2025, by=users["clerk"])
    before = unchanged(db)
    with pytest.raises(CivicDeskError) as refused:
        inspection.record(db, 2025, org, values, by=users["clerk"])
    assert refused.value.code == code
    assert refused.value.message("en") != refused.value.message("zh")
    assert "{" not in refused.value.message("en")
    assert unchanged(db) == before


def test_bad_decisions_and_unknown_keys_are_refused(db, users, clock):
    org = add_org(db, "沙湾区测试协会")
    inspection.open_campaign(db, 2025, by=users["clerk"])
    inspection.record(db, 2025, org, GOOD, by=users["clerk"])
    inspection.submit(db, 2025, org, by=users["clerk"])
    before = unchanged(db)
    for kwargs, code in (({"conclusion": "basic"}, "inspection.reasons_required"),
                         ({"conclusion": "good"}, "inspection.bad_conclusion"),
                         ({"conclusion": ""}, "inspection.bad_conclusion")):
        with pytest.raises(CivicDeskError) as refused:
            inspection.decide(db, 2025, org, by=users["rev"], **kwargs)
        assert refused.value.code == code
    with pytest.raises(CivicDeskError) as refused:
        inspection.decide(db, 2025, "no-such-org", conclusion="pass", by=users["rev"])
    assert refused.value.code == "inspection.record_not_found"
    with pytest.raises(CivicDeskError) as refused:
        inspection.decide(db, 2023, org, conclusion="pass", by=users["rev"])
    assert refused.value.code == "inspection.no_campaign"
    assert unchanged(db) == before


# -- 参检率 ----------------------------------------------------------------------------------------------------
def test_participation_by_county_counts_decided_over_due(city_db, clock):
    db = city_db
    admin = auth.create_user(db, "admin1", "a-long-password-1", "admin")
    clerk = auth.create_user(db, "clerk1", "a-long-password-2", "clerk", by=admin)
    rev = auth.create_user(db, "rev1", "a-long-password-3", "reviewer", by=admin)
    mine = [add_org(db, f"乐山市测试协会{i}", registry="511100", division=county)
            for i, county in enumerate(["511102", "511102", "511111", "511111", "511111"])]
    c = inspection.open_campaign(db, 2025, by=clerk)
    # decided: two in 511102 (pass, basic), one in 511111 (fail); one received and not decided
    for org, conclusion in ((mine[0], "pass"), (mine[1], "basic")):
        inspection.record(db, c, org, GOOD, by=clerk)
        inspection.submit(db, c, org, by=clerk)
        inspection.decide(db, c, org, conclusion=conclusion, reasons="理由", by=rev)
    inspection.record(db, c, mine[2], {**GOOD, "received_on": "2026-06-02"}, by=clerk)
    inspection.submit(db, c, mine[2], by=clerk)
    inspection.decide(db, c, mine[2], conclusion="fail", reasons="未开展活动", by=rev)
    inspection.record(db, c, mine[3], GOOD, by=clerk)

    report = inspection.participation(db, 2025, group_by="county")
    # the same count, another way: every due organization of the city's registry, by county, in Python
    due_ids = {row[0] for row in inspection.due_list(db, c)}
    with db.read() as s:
        county_of = {i: d for i, d in s.execute(select(Organization.id, Organization.division_code))}
    expected: dict[str, int] = {}
    for i in due_ids:
        expected[county_of[i]] = expected.get(county_of[i], 0) + 1
    assert {r.key: r.due for r in report.rows} == expected
    by = {r.key: r for r in report.rows}
    assert (by["511102"].decided, by["511102"].passed, by["511102"].basic) == (2, 1, 1)
    assert (by["511111"].received, by["511111"].decided, by["511111"].failed, by["511111"].late) == (2, 1, 1, 1)
    assert report.total.decided == 3 and report.total.due == len(due_ids)
    assert report.total.rate == round(3 / len(due_ids), 4)
    assert report.to_json()["participation_rate"] == report.total.rate
    assert by["511102"].label == "市中区"
    forms = inspection.participation(db, 2025, group_by="legal_form")
    assert sum(r.due for r in forms.rows) == len(due_ids)
    assert inspection.participation(db, 2025, group_by="registry", office="all").total.decided == 3
    with pytest.raises(CivicDeskError) as refused:
        inspection.participation(db, 2025, group_by="township")
    assert refused.value.code == "inspection.bad_group"


# -- the flags the credit and rating rules read ----------------------------------------------------------------
def test_two_years_not_inspected_and_two_years_basic(db, users, clock):
    silent = add_org(db, "两年未检协会", established="2010-01-01")
    basic = add_org(db, "两年基本合格协会", established="2010-01-01")
    better = add_org(db, "转为合格协会", established="2010-01-01")
    once = add_org(db, "只漏一年协会", established="2010-01-01")
    clock.advance(days=-365)  # 2025-11-28: the 2024 campaign's reports came in 2025
    inspection.open_campaign(db, 2024, by=users["clerk"])
    for org, conclusion in ((basic, "basic"), (better, "basic"), (once, "pass")):
        values = {**GOOD, "received_on": "2025-04-01", "sponsor_opinion_on": "2025-03-20"}
        inspection.record(db, 2024, org, values, by=users["clerk"])
        inspection.submit(db, 2024, org, by=users["clerk"])
        inspection.decide(db, 2024, org, conclusion=conclusion, reasons="理由", by=users["rev"])
    clock.advance(days=365)
    inspection.open_campaign(db, 2025, by=users["clerk"])
    for org, conclusion in ((basic, "basic"), (better, "pass")):
        inspection.record(db, 2025, org, GOOD, by=users["clerk"])
        inspection.submit(db, 2025, org, by=users["clerk"])
        inspection.decide(db, 2025, org, conclusion=conclusion, reasons="理由", by=users["rev"])
    with db.read() as s:
        assert inspection.history(s, silent) == {2024: None, 2025: None}
        assert inspection.history(s, basic) == {2024: "basic", 2025: "basic"}
        assert inspection.flags(s, silent, 2025) == {"two_years_not_inspected": True, "two_years_basic": False}
        assert inspection.flags(s, basic, 2025) == {"two_years_not_inspected": False, "two_years_basic": True}
        assert inspection.flags(s, better, 2025) == {"two_years_not_inspected": False, "two_years_basic": False}
        assert inspection.two_years_not_inspected(s, once, 2025) is False
        assert inspection.two_years_basic(s, basic, 2025) is True
        assert inspection.two_years_not_inspected(s, silent, 2024) is False  # no campaign of 2023
        # before the deadline a missing report is not yet "not inspected"
        assert inspection.history(s, silent, today=date(2026, 5, 31)) == {2024: None}


def test_the_due_rule_and_participation_read_only_their_covering_indexes(db, users, clock):
    """At a million organizations the due set and 参检率 are index-only scans (bench/bench_inspection.py); a
    column the query reads that an index lacks (deleted_at, the record's id) would send every row to the table."""
    from sqlalchemy import event

    add_org(db, "沙湾区甲协会")
    inspection.open_campaign(db, 2025, by=users["clerk"])
    seen: list[tuple[str, Any]] = []

    def capture(_conn, _cursor, statement, params, *_args) -> None:  # type: ignore[no-untyped-def]
        if "GROUP BY" in statement or "count(" in statement:
            seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        inspection.due_count(db, 2025)
        inspection.participation(db, 2025, group_by="county")
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert len(seen) == 2
    with db.engine.connect() as conn:
        for statement, params in seen:
            plan = " | ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params))
            assert "COVERING INDEX ix_organization_due" in plan, plan
            if "inspection_record" in statement:
                assert "COVERING INDEX ix_inspection_record_participation" in plan, plan


def test_participation_by_county_walks_the_county_index_without_a_sort(db, users) -> None:
    """参检率 by county (issue 16: < 1 s at 1,000,000 organizations) reads ix_organization_due_county (migration
    0010): the groups come in the index's order (no temporary B-tree), the records are probed in id order."""
    from sqlalchemy import event

    add_org(db, "沙湾区甲协会")
    inspection.open_campaign(db, 2025, by=users["clerk"])
    seen: list[tuple[str, Any]] = []

    def capture(_conn, _cursor, statement, params, *_args) -> None:  # type: ignore[no-untyped-def]
        if "GROUP BY" in statement:
            seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        report = inspection.participation(db, 2025, group_by="county")
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert report.total.due >= 1 and len(seen) == 1
    with db.engine.connect() as conn:
        plan = " | ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {seen[0][0]}", seen[0][1]))
    assert "COVERING INDEX ix_organization_due_county" in plan and "TEMP B-TREE" not in plan, plan


def test_first_records_are_the_head_of_the_whole_list(db, users, clock) -> None:
    """The workbench paints ``first_records`` before ``list_records`` has read every record: the same rows, in
    the same order, as the head of the whole list (plain rows now, not ORM objects)."""
    inspection.open_campaign(db, 2025, by=users["clerk"])
    for name in ("沙湾区丙协会", "沙湾区甲协会", "沙湾区乙协会", "沙湾区丁协会"):
        inspection.record(db, 2025, add_org(db, name), GOOD, by=users["clerk"])
    whole = inspection.list_records(db, 2025)
    assert [r.organization_name for r in whole] == sorted(r.organization_name for r in whole)
    assert inspection.first_records(db, 2025, 3) == whole[:3]
    assert inspection.list_records(db, 2025, limit=2, offset=1) == whole[1:3]
    assert all(isinstance(r.materials, list) and r.late is False for r in whole)
