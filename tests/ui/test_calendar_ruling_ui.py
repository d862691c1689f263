"""The 参数 tab's 工作日历 page (adding and removing a day) and the city's 市局裁决 (撤销, 更正) in the 信用名单
tab, with the lines a district's detail shows about a ruling: real databases, the services behind the forms,
offscreen."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from civicdesk import clock as program_clock
from civicdesk.models import CreditListing, Organization, Penalty, Ruling
from civicdesk.models.enforcement import APPLYING_RULING
from civicdesk.services.admin import audit, auth
from civicdesk.services.register import organizations
from civicdesk.services.supervision import calendar, credit, ruling
from tests.factories import social_group
from tests.ui.test_supervision_ui import cheap_hashes, fill_and_save, office, open_bench, settle  # noqa: F401


def _weekday_without_calendar(year: int) -> date:
    """A Wednesday of ``year`` the shipped calendar says nothing about."""
    day = date(year, 3, 1)
    while day.weekday() != 2 or day in calendar.shipped().days:
        day += timedelta(days=1)
    return day


def _select_day(panel: Any, day: date) -> Any:
    for r in range(panel.table.model().rowCount()):
        if panel.table.model().index(r, 0).data() == day.isoformat():
            panel.table.selectRow(r)
            return panel.table.model().index(r, 0)
    raise AssertionError(f"no line {day}")


def test_an_administrator_adds_a_holiday_through_the_form(qtbot: Any, office: Any, clock: Any) -> None:  # noqa: F811
    bench = open_bench(qtbot, office, "parameters")
    panel = bench.parameters.calendar
    bench.parameters.pages.setCurrentWidget(panel)
    year = clock.today().year + 1
    panel.year.setValue(year)
    settle(office)
    day = _weekday_without_calendar(year)
    with office.db.read() as session:
        assert calendar.is_working_day(session, office.db.office().code, day) is not None
    assert panel.add_button.isEnabled()
    dialog = panel.add()
    fill_and_save(qtbot, office, dialog, **{"from": day, "kind": "holiday", "name": "本地假日", "source": ""})
    assert dialog.isVisible() and dialog.error.isVisible()  # the source is required: the refusal stays in the form
    fill_and_save(qtbot, office, dialog, source="市政府通知〔2026〕1号")
    settle(office)
    assert not dialog.isVisible()
    rows = panel.model.rows()
    assert [(r.day, r.kind, r.own) for r in rows if r.own] == [(day, "holiday", True)]
    _select_day(panel, day)
    cells = [panel.table.model().index(panel.table.currentIndex().row(), c).data() for c in range(6)]
    assert "本单位" in cells and "放假" in cells
    with office.db.read() as session:
        assert calendar.is_working_day(session, office.db.office().code, day) is None
    assert panel.remove_button.isEnabled()


def test_a_clerk_sees_the_buttons_greyed_and_a_shipped_day_is_not_removable(qtbot: Any, office: Any) -> None:  # noqa: F811
    year = min(calendar.shipped().sources)
    shipped = min(d for d in calendar.shipped().days if d.year == year)
    office.user = office.clerk
    bench = open_bench(qtbot, office, "parameters")
    panel = bench.parameters.calendar
    bench.parameters.pages.setCurrentWidget(panel)
    panel.year.setValue(shipped.year)
    settle(office)
    assert not panel.add_button.isEnabled() and "管理员" in panel.add_button.toolTip()
    assert panel.why.isVisible() and not panel.note.isVisible()
    office.user = office.admin
    panel.refresh_buttons()
    row = next(r for r in panel.model.rows() if r.day == shipped)
    assert not row.own
    _select_day(panel, shipped)
    assert panel.add_button.isEnabled() and not panel.remove_button.isEnabled()
    assert "国家公布" in panel.remove_button.toolTip()
    assert panel.remove() is None


def test_a_year_without_a_calendar_shows_the_note(qtbot: Any, office: Any) -> None:  # noqa: F811
    bench = open_bench(qtbot, office, "parameters")
    panel = bench.parameters.calendar
    bench.parameters.pages.setCurrentWidget(panel)
    year = max(calendar.shipped().sources) + 3
    panel.year.setValue(year)
    settle(office)
    assert panel.note.isVisible() and str(year) in panel.note.text()


# -- the city's ruling -----------------------------------------------------------------------------------------------
@pytest.fixture
def city(make_ctx: Any, city_db_path: Path, clock: Any) -> Iterator[Any]:
    """The city with a district organization's listing (as sync leaves it), acting as a reviewer."""
    ctx = make_ctx(city_db_path)
    admin = auth.create_user(ctx.db, "admin", "Admin1234", "admin", full_name="管理员")
    ctx.user = auth.create_user(ctx.db, "rev1", "Passw0rd1", "reviewer", full_name="王审核", by=admin)
    code = ctx.db.office().code
    with ctx.db.unit(actor="test") as session:
        org = session.query(Organization).filter(Organization.registry_code != code,
                                                 Organization.deleted_at.is_(None)).first()
        assert org is not None
        listing = CreditListing(organization_id=org.id, office_code=org.registry_code, list_kind="abnormal",
                                state="listed", ground="abnormal_other", proposed_by="clerk9",
                                proposed_on=date(2026, 10, 1), decision_no="区民信〔2026〕3号",
                                decided_on=date(2026, 10, 9), decided_by="rev9", listed_on=date(2026, 10, 9),
                                origin_office=org.registry_code)
        session.add(listing)
        session.flush()
        ctx.listing_id = listing.id
    yield ctx
    settle(ctx)


def test_the_city_annuls_a_district_listing_through_the_form(qtbot: Any, city: Any) -> None:
    bench = open_bench(qtbot, city, "credit")
    tab = bench.credit
    assert tab.whole_city is not None and not tab.select_id(city.listing_id)  # the city's own listings only
    tab.whole_city.setChecked(True)  # 全市: the districts' too, where the city may rule
    settle(city)
    tab.state.setCurrentIndex(tab.state.findText("全部状态"))
    assert tab.ruling_button is not None
    assert tab.select_id(city.listing_id)
    settle(city)
    assert tab.ruling_button.isEnabled(), tab.ruling_button.toolTip()
    assert not tab.removal_button.isEnabled()  # the district's own steps are the district's
    dialog = tab.rule()
    fill_and_save(qtbot, city, dialog, kind="annul", decision_no="", reason="复议认定事实不清")
    assert dialog.isVisible() and dialog.error.isVisible()  # the number is required
    fill_and_save(qtbot, city, dialog, decision_no="乐民复决〔2026〕1号")
    settle(city)
    assert not dialog.isVisible()
    assert credit.get_listing(city.db, city.listing_id).state == "annulled"
    found = ruling.list_rulings(city.db, subject_id=city.listing_id)
    assert [(r.kind, r.decision_no) for r in found] == [("annul", "乐民复决〔2026〕1号")]
    tab.select_id(city.listing_id)
    settle(city)
    assert "乐民复决〔2026〕1号" in tab.detail.text() and "复议认定事实不清" in tab.detail.text()
    assert not tab.ruling_button.isEnabled()  # annulled: nothing left to rule on


def test_the_ruling_button_is_absent_at_a_district(qtbot: Any, office: Any) -> None:  # noqa: F811
    bench = open_bench(qtbot, office, "credit")
    assert bench.credit.ruling_button is None
    bench.set_tab("enforcement")
    settle(office)
    assert bench.enforcement.ruling_button is None


def test_the_city_corrects_a_district_listing_through_the_form(qtbot: Any, city: Any) -> None:
    """更正: only the fields filled in are corrected; 更正 without a field is refused in the form."""
    bench = open_bench(qtbot, city, "credit")
    tab = bench.credit
    assert tab.whole_city is not None and not tab.select_id(city.listing_id)  # the city's own listings only
    tab.whole_city.setChecked(True)  # 全市: the districts' too, where the city may rule
    settle(city)
    tab.state.setCurrentIndex(tab.state.findText("全部状态"))
    assert tab.select_id(city.listing_id)
    settle(city)
    assert tab.ruling_button is not None and tab.ruling_button.isEnabled(), tab.ruling_button.toolTip()
    dialog = tab.rule()
    assert dialog is not None
    detail, listed = dialog.fields["field_ground_detail"], dialog.fields["field_listed_on"]
    assert not detail.isEnabled() and not listed.isEnabled()  # 撤销 (the first choice) corrects no field
    dialog.fields["kind"].setCurrentIndex(dialog.fields["kind"].findData("correct"))
    assert detail.isEnabled() and listed.isEnabled()
    fill_and_save(qtbot, city, dialog, decision_no="乐民复决〔2026〕3号", reason="复议更正情形说明")
    assert dialog.isVisible() and dialog.error.isVisible()  # 更正 with nothing to correct
    assert ruling.list_rulings(city.db, subject_id=city.listing_id) == []
    fill_and_save(qtbot, city, dialog, field_ground_detail="未按期报送2025年度工作报告")
    assert not dialog.isVisible()
    after = credit.get_listing(city.db, city.listing_id)
    assert (after.state, after.ground_detail, after.listed_on) == ("listed", "未按期报送2025年度工作报告",
                                                                   date(2026, 10, 9))
    (found,) = ruling.list_rulings(city.db, subject_id=city.listing_id)
    assert (found.kind, found.fields) == ("correct", {"ground_detail": "未按期报送2025年度工作报告"})
    tab.select_id(city.listing_id)
    settle(city)
    text = tab.detail.text()
    assert "市局裁决 乐民复决〔2026〕3号" in text and "更正（情形说明）" in text and "复议更正情形说明" in text
    assert tab.ruling_button.isEnabled()  # a corrected listing stays open to a further ruling


def _ruled_at_district(ctx: Any, entity: str, subject: Any, kind: str, fields: dict[str, Any], number: str) -> None:
    """A ruling of the city as the import leaves it at the district: the row stored, its effect applied."""
    values = {"id": str(uuid.uuid4()), "office_code": "511100", "organization_id": subject.organization_id,
              "subject_entity": entity, "subject_id": subject.id, "kind": kind, "fields": fields,
              "decision_no": number, "decided_on": program_clock.today(), "decided_by": "rev8",
              "reason": "复议认定事实不清"}
    with ctx.db.unit(actor="sync") as session:
        session.info[APPLYING_RULING] = True
        session.add(Ruling(origin_office="511100", **values))
        session.flush()
        ruling.apply_effect(session, values, program_clock.utcnow())


def test_the_district_sees_the_citys_ruling_in_the_detail(qtbot: Any, office: Any, clock: Any) -> None:  # noqa: F811
    """At the district the selected listing's and penalty's detail says 已由市民政局裁决 with the 文号; no ruling
    button there."""
    org = organizations.add_organization(office.db, social_group(), by=office.admin)
    code = office.db.office().code
    with office.db.unit(actor="test") as session:
        listing = CreditListing(organization_id=org.id, office_code=code, list_kind="abnormal", state="listed",
                                ground="abnormal_other", proposed_by="clerk9", proposed_on=date(2026, 10, 1),
                                decision_no="区民信〔2026〕3号", decided_on=date(2026, 10, 9), decided_by="rev9",
                                listed_on=date(2026, 10, 9), origin_office=code)
        fine = Penalty(organization_id=org.id, office_code=code, case_no="区民罚〔2026〕1号", kind="fine",
                       state="decided", amount=Decimal("3000"), facts="未按章程开展活动", basis="条例第三十条",
                       decision_no="区民罚决〔2026〕1号", decided_on=date(2026, 10, 9),
                       appeal_by=date(2026, 12, 8), entered_by="clerk9", decided_by="rev9", origin_office=code)
        session.add_all([listing, fine])
        session.flush()
    _ruled_at_district(office, "credit_listing", listing, "annul", {}, "乐民复决〔2026〕1号")
    _ruled_at_district(office, "penalty", fine, "correct", {"amount": "1000.00"}, "乐民复决〔2026〕2号")
    bench = open_bench(qtbot, office, "credit")
    tab = bench.credit
    assert tab.ruling_button is None
    tab.state.setCurrentIndex(tab.state.findText("全部状态"))
    assert tab.select_id(listing.id)
    settle(office)
    assert "已由市民政局裁决（文号乐民复决〔2026〕1号）" in tab.detail.text()
    assert "撤销：复议认定事实不清" in tab.detail.text()
    bench.set_tab("enforcement")
    settle(office)
    enforcement = bench.enforcement
    assert enforcement.ruling_button is None
    assert enforcement.select_id(fine.id)
    settle(office)
    text = enforcement.penalty_detail.text()
    assert enforcement.penalty_detail.isVisible()
    assert "已由市民政局裁决（文号乐民复决〔2026〕2号）" in text and "更正（金额（元））" in text


def test_an_administrator_removes_an_own_day_after_confirming_it(qtbot: Any, office: Any, clock: Any) -> None:  # noqa: F811
    """删除本单位日期: the form names the day and what applies again; cancelling it removes nothing; saving it
    removes the day (audited) and the shipped calendar applies again."""
    year = clock.today().year + 1
    day = _weekday_without_calendar(year)
    calendar.add_days(office.db, day, kind="holiday", source="市政府通知〔2026〕1号", name="本地假日", by=office.admin)
    bench = open_bench(qtbot, office, "parameters")
    panel = bench.parameters.calendar
    bench.parameters.pages.setCurrentWidget(panel)
    panel.year.setValue(year)
    settle(office)
    _select_day(panel, day)
    assert panel.remove_button.isEnabled(), panel.remove_button.toolTip()
    dialog = panel.remove()
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert day.isoformat() in dialog.findChild(QLabel, "note").text()
    dialog.reject()  # 取消: nothing removed
    settle(office)
    assert [r.day for r in panel.model.rows() if r.own] == [day]
    dialog = panel.remove()
    fill_and_save(qtbot, office, dialog, reason="市政府通知已撤回")
    assert not dialog.isVisible()
    assert [r for r in panel.model.rows() if r.own] == []
    with office.db.read() as session:
        assert calendar.is_working_day(session, office.db.office().code, day) is not None
    assert not panel.remove_button.isEnabled()
    deletions = [e for e in audit.entries(office.db, by=office.admin)
                 if (e.action, e.entity) == ("data.delete", "calendar_day")]
    assert len(deletions) == 1  # the cancelled form wrote nothing
    assert deletions[0].details["fields"]["deleted_reason"]["new"] == "市政府通知已撤回"
