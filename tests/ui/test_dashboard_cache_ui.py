"""The dashboard tab over its cache (issue 18): a second opening paints every figure from the cache without
computing; 刷新 computes them again, marked 更新中… until they are painted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from civicdesk.services import dashboard
from civicdesk.services.cultivation import stations
from civicdesk.ui.main_window import MainWindow
from tests.cultivation.volunteer_fixtures import office

__all__ = ["office"]


def test_the_window_paints_a_fresh_cache_without_computing(qtbot: Any, make_ctx: Any, db_path: Path) -> None:
    def opened() -> Any:
        ctx = make_ctx(db_path)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.dashboard is not None, timeout=20_000)
        window.tabs.setCurrentIndex(1)
        panel = window.dashboard
        qtbot.waitUntil(lambda: panel.complete() and not panel.updating(), timeout=20_000)
        return window, panel

    window, panel = opened()
    assert panel.computations == 1 and "更新中" not in panel.heading.text()
    window.close()
    window, panel = opened()  # a second opening: every figure from the cache
    assert panel.computations == 0 and panel.complete() and not panel.updating()
    panel.refresh_button.click()  # 刷新: computed again
    assert panel.computations == 1 and panel.updating() and "更新中" in panel.heading.text()
    qtbot.waitUntil(lambda: not panel.updating(), timeout=20_000)
    assert "更新中" not in panel.heading.text()


def test_a_service_day_recomputes_only_the_cultivation_figures(qtbot: Any, make_ctx: Any,
                                                               office: dict[str, Any]) -> None:
    db = office["db"]
    board, version = dashboard.Dashboard(db), dashboard.cached(db).version
    dashboard.store(db, version, "tiles", board.tiles())
    for key in dashboard.SERIES:
        dashboard.store(db, version, key, board.series(key))
    stations.add_service(db, office["station"], by=office["clerk"], served_on="2026-11-01", activity="课业辅导",
                         person_times=30, in_difficulty=3, left_behind=12)
    window = MainWindow(make_ctx(office["path"]))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.dashboard is not None, timeout=20_000)
    window.tabs.setCurrentIndex(1)
    panel = window.dashboard
    qtbot.waitUntil(lambda: panel.computations == 1, timeout=20_000)
    # every figure painted at once from the cache; only the tiles and the cultivation charts are computed again
    assert panel.complete() and panel.pending <= {"tiles", "purchased_by_year", "purchased_by_county", "incubation"}
    assert "per_10k" in panel.painted and not panel.charts["per_10k"].loading
    qtbot.waitUntil(lambda: not panel.updating(), timeout=20_000)
    assert dashboard.cached(db).fresh() and "更新中" not in panel.heading.text()
    assert panel.figures["person_times"] == dashboard.Dashboard(db).tiles()["person_times"]
    window.close()


def test_the_updating_mark_in_english(qapp: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from civicdesk.ui.main import install_translators

    translators = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("Dashboard", "（更新中…）") == " (updating…)"
        assert QCoreApplication.translate("Dashboard", "概览") != "概览"  # the labels as they were
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_with_nothing_cached_the_cheapest_figure_comes_first(qtbot: Any, make_ctx: Any, db_path: Path) -> None:
    """A first opening computes every figure on the worker, the credit chart (one read of an index) first and
    the tiles after the charts of the register's statistics, in the order the panel paints them."""
    from civicdesk.ui.dashboard.panel import CHARTS, COMPUTED_ORDER

    assert sorted(COMPUTED_ORDER) == sorted((*CHARTS, "tiles"))  # each figure once
    window = MainWindow(make_ctx(db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.dashboard is not None, timeout=20_000)
    panel = window.dashboard
    painted: list[str] = []
    show_series, show_tiles = panel._show_series, panel._show_tiles
    panel._show_series = lambda key, series, lang: (painted.append(key), show_series(key, series, lang))
    panel._show_tiles = lambda figures: (painted.append("tiles"), show_tiles(figures))
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.complete() and not panel.updating(), timeout=20_000)
    assert painted == list(COMPUTED_ORDER) and painted[0] == "credit"
    window.close()
