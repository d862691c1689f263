"""The 培育 workbench (issue 18): opened on the 沙湾区 demo, a volunteer activity and a station's service day
recorded through the forms move the lists and their totals; a refused form (hours on a day in the future) shows
the service's line on its red field and writes nothing; the labels in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from civicdesk import clock as program_clock
from civicdesk.errors import InputError
from civicdesk.services.cultivation import stations, volunteers
from civicdesk.ui.cultivation.forms import RED, RED_CELL
from civicdesk.ui.cultivation.workbench import CultivationWorkbench
from civicdesk.ui.labels import Labels
from civicdesk.ui.main import install_translators
from tests.cultivation.volunteer_fixtures import _ids as free_of_rows
from tests.helpers.db import digest
from tests.ui.test_filings_ui import make_users
from tests.ui.test_supervision_ui import fill_and_save, settle


@pytest.fixture
def office(make_ctx: Any, shawan_db_path: Path, clock: Any) -> Iterator[Any]:
    ctx = make_ctx(shawan_db_path)
    ctx.users = make_users(ctx.db)
    ctx.user = ctx.users["clerk1"]
    ctx.path = shawan_db_path
    yield ctx
    ctx.runner.wait()
    QApplication.processEvents()


def open_bench(qtbot: Any, ctx: Any, tab: str) -> CultivationWorkbench:
    bench = CultivationWorkbench(ctx, Labels(ctx.db, ctx.lang))
    qtbot.addWidget(bench)
    bench.show()
    bench.set_tab(tab)
    settle(ctx)
    return bench


def pick(tab: Any, name: str) -> Any:
    for r in range(tab.proxy.rowCount()):
        row = tab.proxy.data(tab.proxy.index(r, 0), tab.proxy.sortRole() + 2)
        if row.name == name:
            tab.table.selectRow(r)
            settle(tab.ctx)
            return row
    raise AssertionError(name)


def test_a_volunteer_activity_moves_the_team_and_the_totals(qtbot: Any, office: Any) -> None:
    ctx = office
    teams = volunteers.list_teams(ctx.db)  # the demo's: the totals before
    team = next(t for t in teams if t.id == free_of_rows(ctx.path, "volunteer_team")[0])  # a team the demo left alone
    volunteers.add_volunteer(ctx.db, team.id, name="志愿者甲", phone="13800001234", joined_on="2026-01-05",
                             by=ctx.user)
    bench = open_bench(qtbot, ctx, "volunteers")
    tab = bench.volunteers
    titles = [bench.tabs.tabText(i) for i in range(bench.tabs.count())]
    assert titles == ["公益创投", "社区基金", "志愿服务", "儿童服务站"]
    assert tab.model.rowCount() == len(volunteers.list_teams(ctx.db)) > 100
    pick(tab, team.name)
    assert [p.phone for p in tab.people.model.rows()] == ["138****1234"]
    assert not tab.reveal_button.isEnabled()  # a clerk has no reveal_ids
    dialog = bench.new()  # Ctrl+N: the activity
    assert dialog is not None and dialog.windowTitle() == f"记录服务活动：{team.name}"
    before = digest(ctx.path, without=("audit_entry",))
    tomorrow = program_clock.today() + timedelta(days=1)
    dialog.fields["hours"].set_hours(0, "3.5")
    fill_and_save(qtbot, ctx, dialog, held_on=tomorrow, title="敬老院探访")
    refusal = InputError("enforce.date_in_future", field="held_on", value=tomorrow.isoformat(),
                         today=program_clock.today().isoformat()).message("zh")
    assert dialog.isVisible() and dialog.error.text() == refusal
    assert dialog.fields["held_on"].styleSheet() == RED and dialog.fields["held_on"].toolTip() == refusal
    assert digest(ctx.path, without=("audit_entry",)) == before
    dialog.fields["held_on"].setDate(date(2026, 11, 20))
    dialog.fields["hours"].set_hours(0, "30")  # over a day: the cell is refused as typed
    assert dialog.error.isVisible() and dialog.fields["hours"].item(0, 1).background().color() == RED_CELL
    assert dialog.error.text() == InputError("volunteer.bad_hours", field="hours", value="30",
                                             max=str(dialog.fields["hours"].max_hours)).message("zh")
    dialog.fields["hours"].set_hours(0, "3.5")
    dialog.save()
    settle(ctx)
    assert not dialog.isVisible(), dialog.error.text()
    settle(ctx)
    row = tab.selected()
    assert (row.name, row.activities, str(row.hours)) == (team.name, 1, "3.50")
    assert [(a.title, str(a.total_hours)) for a in tab.activities.model.rows()] == [("敬老院探访", "3.50")]
    acts, hours = sum(t.activities for t in teams) + 1, sum(t.hours for t in teams) + Decimal("3.5")
    assert f"服务活动 {acts} 次，服务时长 {hours:,.2f} 小时" in tab.summary.text()


def test_a_station_service_day_moves_the_station(qtbot: Any, office: Any) -> None:
    ctx = office
    first = free_of_rows(ctx.path, "children_station")[0]  # its demo rows cleared (this test's copy)
    before = stations.list_stations(ctx.db)
    station = next(s for s in before if s.id == first)
    bench = open_bench(qtbot, ctx, "stations")
    tab = bench.stations
    pick(tab, station.name)
    dialog = tab.add_service()
    assert dialog is not None
    fill_and_save(qtbot, ctx, dialog, served_on=date(2026, 11, 21), activity="四点半课堂", person_times=12,
                  in_difficulty=3, left_behind=5)
    assert not dialog.isVisible(), dialog.error.text()
    row = tab.selected()
    assert (row.service_days, row.person_times, row.in_difficulty, row.left_behind) == (1, 12, 3, 5)
    assert [(s.activity, s.person_times) for s in tab.services.model.rows()] == [("四点半课堂", 12)]
    days, times = sum(s.service_days for s in before) + 1, sum(s.person_times for s in before) + 12
    assert f"服务 {days} 天，{times:,} 人次" in tab.summary.text()


def test_the_workbench_in_english(qtbot: Any, qapp: Any, make_ctx: Any, shawan_db_path: Path) -> None:
    ctx = make_ctx(shawan_db_path, "en")
    translators = install_translators(qapp, "en")
    try:
        bench = open_bench(qtbot, ctx, "stations")
        titles = [bench.tabs.tabText(i) for i in range(bench.tabs.count())]
        model = bench.stations.model
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        buttons = [bench.stations.service_button.text(), bench.stations.funding_button.text()]
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert bench.windowTitle() == "Cultivation workbench"
    assert titles == ["Venture philanthropy", "Community funds", "Volunteers", "Children's stations"]
    assert headers[0] == "Children's station" and buttons == ["Add a service day…", "Add funding…"]
