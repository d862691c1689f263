"""The city's consolidated view in the 监管 workbench (issue 16: "the city's reports consolidate 参检率 and ratings
across its offices"): 全市（含各区县） in 年度检查 shows the 参检率 of every office's campaign the city holds, per
registry with the total, read only; in 等级评估 it lists every office's applications.  A district has no such
control."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox

from civicdesk.services.admin import auth
from civicdesk.services.supervision import credit, inspection, rating
from civicdesk.ui.labels import Labels
from civicdesk.ui.supervision.workbench import SupervisionWorkbench


def settle(ctx: Any) -> None:
    """Let the runner finish and its callbacks run (a load's callback may start the next load)."""
    for _ in range(3):
        ctx.runner.wait()
        QApplication.processEvents()


@pytest.fixture
def city(make_ctx: Any, city_db_path: Path) -> Iterator[Any]:
    """The city with every district's demo records, acting as an administrator (who may take every step: the
    buttons greyed in the whole-city view are greyed for that view only)."""
    ctx = make_ctx(city_db_path)
    ctx.user = auth.create_user(ctx.db, "admin", "Admin1234", "admin", full_name="管理员")
    yield ctx
    settle(ctx)


def open_bench(qtbot: Any, ctx: Any, tab: str) -> SupervisionWorkbench:
    bench = SupervisionWorkbench(ctx, Labels(ctx.db, ctx.lang))
    qtbot.addWidget(bench)
    bench.show()
    bench.set_tab(tab)
    settle(ctx)
    return bench


def test_the_city_sees_the_whole_citys_participation_read_only(qtbot: Any, city: Any) -> None:
    bench = open_bench(qtbot, city, "inspection")
    tab = bench.inspection
    tab.year.setValue(2020)
    settle(city)
    own = inspection.participation(city.db, 2020)  # the city's own campaign: what the tab shows first
    assert tab.campaign is not None and tab.campaign.office_code == city.db.office().code
    assert f"参检率 {own.total.rate:.1%}" in tab.figures.text()
    assert tab.whole_city is not None and tab.whole_city.isVisible()
    assert tab.record_button.isEnabled()

    tab.whole_city.setChecked(True)
    settle(city)
    whole = inspection.participation(city.db, 2020, group_by="registry", office="all")
    assert len(whole.rows) > 1 and len(whole.offices) > 1
    assert whole.total.due > own.total.due  # the districts' organizations are counted too
    assert tab.city_table.isVisible() and not tab.table.isVisible()
    rows = tab.city_model.rows()
    assert [r.key for r in rows] == [r.key for r in whole.rows] + [None]  # one line per registry, the total last
    total = rows[-1]
    assert (total.due, total.decided, total.rate) == (whole.total.due, whole.total.decided, whole.total.rate)
    rate_column = tab.city_model.column_of("rate")
    last = tab.city_model.index(len(rows) - 1, rate_column)
    assert tab.city_model.data(last) == f"{whole.total.rate:.1%}"
    assert tab.city_model.data(tab.city_model.index(len(rows) - 1, 0)) == "合计"
    # figures line up on the right, words on the left
    align = Qt.ItemDataRole.TextAlignmentRole
    assert tab.city_model.data(last, align) == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert tab.city_model.data(tab.city_model.index(0, 0), align) is None
    assert f"参检率 {whole.total.rate:.1%}" in tab.figures.text()
    assert f"（{len(whole.offices)} 个单位）" in tab.figures.text()
    # read only: every step greyed, saying why
    for button in (tab.record_button, tab.submit_button, tab.return_button, tab.decide_button, tab.revise_button):
        assert not button.isEnabled() and "全市汇总只供查看" in button.toolTip()
    assert tab.record() is None

    tab.whole_city.setChecked(False)  # back to the office's own campaign and its steps
    settle(city)
    assert tab.table.isVisible() and not tab.city_table.isVisible()
    assert f"参检率 {own.total.rate:.1%}" in tab.figures.text() and tab.record_button.isEnabled()


def test_the_city_lists_every_offices_ratings(qtbot: Any, city: Any) -> None:
    bench = open_bench(qtbot, city, "rating")
    tab = bench.rating
    code = city.db.office().code
    own = rating.list_ratings(city.db, office=code)
    every = rating.list_ratings(city.db)
    assert len(every) > len(own) > 0 and {r.office_code for r in own} == {code}
    assert tab.model.rowCount() == len(own)
    assert tab.apply_button.isEnabled()
    assert tab.whole_city is not None
    tab.whole_city.setChecked(True)
    settle(city)
    assert tab.model.rowCount() == len(every)
    assert len({r.office_code for r in tab.model.rows()}) > 1
    assert not tab.apply_button.isEnabled() and "全市列表只供查看" in tab.apply_button.toolTip()


def test_the_city_lists_every_offices_listings_read_only_with_their_timers(qtbot: Any, city: Any) -> None:
    """信用名单: the city's own listings and timers; 全市（含各区县）: every office's, read only (a district's
    listing can only be ruled on), each with its own office's timer."""
    bench = open_bench(qtbot, city, "credit")
    tab = bench.credit
    code = city.db.office().code
    every = credit.list_listings(city.db, office="all")
    own = [r for r in every if r.office_code == code]
    assert len(every) > len(own) > 0
    assert {r.id for r in tab.model.rows()} == {r.id for r in own}
    assert tab.engine_button.isEnabled()
    assert tab.whole_city is not None and tab.whole_city.isVisible()
    tab.whole_city.setChecked(True)
    settle(city)
    rows = tab.model.rows()
    assert {r.id for r in rows} == {r.id for r in every}
    timers = {i.listing_id: i for i in credit.due(city.db, office="all") if i.kind in ("removal", "removal_decide")}
    theirs = [r for r in rows if r.listing.office_code != code and r.removal_due is not None]
    assert theirs and all(r.removal_due == timers[r.id] for r in theirs)  # the districts' timers are counted
    assert not tab.engine_button.isEnabled() and "全市列表只供查看" in tab.engine_button.toolTip()
    mine = next(r for r in rows if r.listing.office_code == code and r.listing.state == "proposed")
    assert tab.select_id(mine.id)
    settle(city)
    assert not tab.decide_button.isEnabled() and "全市列表只供查看" in tab.decide_button.toolTip()
    assert tab.ruling_button is not None and not tab.ruling_button.isEnabled()  # its own: decided, not ruled on
    district = next(r for r in rows if r.listing.office_code != code and r.listing.state == "listed")
    assert tab.select_id(district.id)
    settle(city)
    assert tab.ruling_button.isEnabled(), tab.ruling_button.toolTip()
    assert not tab.removal_button.isEnabled() and "区县的名单记录" in tab.removal_button.toolTip()
    office_column = tab.model.column_of("office_code")
    index = tab.proxy.index(tab.table.currentIndex().row(), office_column)
    assert tab.proxy.data(index) == bench.labels.division(district.listing.office_code)
    tab.whole_city.setChecked(False)  # back to the city's own listings and their steps
    settle(city)
    assert {r.id for r in tab.model.rows()} == {r.id for r in own} and tab.engine_button.isEnabled()


def test_a_district_has_no_whole_city_view(qtbot: Any, make_ctx: Any, shawan_db_path: Path) -> None:
    ctx = make_ctx(shawan_db_path)
    bench = open_bench(qtbot, ctx, "inspection")
    assert bench.inspection.whole_city is None and bench.rating.whole_city is None
    assert bench.findChild(QCheckBox, "inspection_whole_city") is None
    assert bench.findChild(QCheckBox, "rating_whole_city") is None
    assert bench.credit.whole_city is None and bench.findChild(QCheckBox, "credit_whole_city") is None
    assert not bench.inspection.city_table.isVisible()
    settle(ctx)


def test_the_whole_city_view_speaks_english(qtbot: Any, make_ctx: Any, city_db_path: Path,
                                           qapp: QApplication) -> None:
    from PySide6.QtCore import QLocale

    from civicdesk.ui.main import install_translators
    from tests.ui.test_languages import problems

    translators = install_translators(qapp, "en")
    locale = QLocale()
    try:
        ctx = make_ctx(city_db_path, lang="en")
        ctx.user = auth.create_user(ctx.db, "admin", "Admin1234", "admin", full_name="管理员")
        bench = open_bench(qtbot, ctx, "inspection")
        tab = bench.inspection
        tab.year.setValue(2020)
        assert tab.whole_city is not None and tab.whole_city.text() == "Whole city (all offices)"
        tab.whole_city.setChecked(True)
        settle(ctx)
        assert tab.figures.text().startswith("Whole city, inspection of 2020 (")
        assert tab.city_model.data(tab.city_model.index(tab.city_model.rowCount() - 1, 0)) == "Total"
        assert tab.record_button.toolTip().startswith("The whole-city figures are read only")
        data = ["管理员", "admin"]  # the tab shows no other data in its words: figures, headers and tooltips only
        assert problems(tab, "en", data) == []
        bench.set_tab("rating")
        settle(ctx)
        assert bench.rating.whole_city is not None
        bench.rating.whole_city.setChecked(True)
        settle(ctx)
        assert problems(bench.rating, "en", data) == []
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(locale)
