"""The 参数 tab's 工作日历 page and the city's 市局裁决 in the 信用名单 tab: real databases, the services behind the
forms, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from civicdesk.models import CreditListing, Organization
from civicdesk.services.admin import auth
from civicdesk.services.supervision import calendar, credit, ruling
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
