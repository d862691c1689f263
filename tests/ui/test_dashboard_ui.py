"""The dashboard tab (issue 18), offscreen over the demo city: built after the window's first paint, tiles with the
demo's figures, a bar opening the register filtered to its county, a cultivation bar opening its rows, a PNG."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from civicdesk.services import dashboard
from civicdesk.ui.dashboard.panel import RowsDialog
from civicdesk.ui.main_window import MainWindow
from tests.cultivation.test_dashboard import _before, _cultivation_rows


def _board(qtbot: Any, make_ctx: Any, path: Path) -> tuple[MainWindow, Any]:
    ctx = make_ctx(path)
    before = _before(path)  # the demo's own bases, residents and projects
    ids = {**_cultivation_rows(ctx.db), "before": before}
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.dashboard is None  # not on the way to the first paint
    window.show()
    qtbot.waitUntil(lambda: window.dashboard is not None, timeout=20_000)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(window.dashboard.complete, timeout=30_000)
    return window, ids


def test_tiles_charts_and_click_through(qtbot: Any, make_ctx: Any, city_db_path: Path, clock: Any,
                                        tmp_path: Path) -> None:
    window, ids = _board(qtbot, make_ctx, city_db_path)
    panel = window.dashboard
    tiles = dashboard.Dashboard(window.ctx.db).tiles()
    assert panel.tiles["registered"].value.text() == f"{tiles['registered']:,}"
    assert panel.tiles["community"].value.text() == f"{tiles['community']:,}"
    assert panel.tiles["per_10k"].value.text() == f"{tiles['per_10k']:.2f}"
    assert panel.tiles["volunteer_teams"].value.text() == f"{tiles['volunteer_teams']:,}"
    assert panel.tiles["bases"].value.text() == f"{ids['before']['bases'] + 2:,}" == f"{tiles['bases']:,}"

    # a click on 沙湾区's bar of the per-10,000 chart: the register, filtered to 沙湾区's registered organizations
    chart = panel.charts["per_10k"]
    index = [c.code for c in panel.series["per_10k"].categories].index("511111")
    centre = chart.bar_rects()[(index, 0)].center().toPoint()
    with qtbot.waitSignal(window.model.loaded, timeout=20_000):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre)
    assert window.tabs.currentIndex() == 0
    assert window.model.filter.division_code == "511111" and window.model.filter.tier == "registered"
    assert window.model.rowCount() == panel.series["per_10k"].extra["counts"][index]

    # the keyboard: the incubation chart, Right to the test's city base (among the demo's), Enter: its residents
    window.tabs.setCurrentIndex(1)
    chart = panel.charts["incubation"]
    chart.setFocus()
    codes = [c.code for c in panel.series["incubation"].categories]
    for _ in range(codes.index(ids["city_base"])):
        qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(isinstance(w, RowsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=10_000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RowsDialog) and w.isVisible())
    assert dialog.table.rowCount() == 5
    dialog.close()

    # PNG export
    target = panel.export_png("tiers", str(tmp_path / "tiers"))
    assert target is not None and target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = panel.charts["tiers"].image()
    assert image.width() >= 360 and image.pixelColor(QPoint(2, 2)).name() == "#ffffff"


def test_the_tab_shown_last_is_shown_again(qtbot: Any, make_ctx: Any, db_path: Path) -> None:
    ctx = make_ctx(db_path)  # the empty office: its figures come at once
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.dashboard is not None, timeout=20_000)
    assert window.tabs.currentIndex() == 0  # the register, the first time
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(window.dashboard.complete, timeout=20_000)
    assert window.dashboard.tiles["registered"].value.text() == "0"
    window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.dashboard is not None, timeout=20_000)
    assert again.tabs.currentIndex() == 1
