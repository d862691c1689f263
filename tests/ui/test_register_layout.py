"""The register table's layout and status bar (issue 13): the sort arrow on the sorted column, the table back at
the top after a filter change, headers and the tier column wide enough for their words (Chinese and English),
the trusted-offices table's columns, and a count that explains itself: the deregistered the default filter
hides, and how many organizations the city registered (arrived by sync) beside this office's own."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt

from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.register.org_table_model import _CODE_COLUMNS, COL_REGISTRY, COL_TIER, COL_USCC


def _window(qtbot: Any, ctx: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
    return window


def _click_header(qtbot: Any, window: MainWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_sort_arrow_follows_the_model(qtbot: Any, make_ctx: Any, shawan_db_path: Path) -> None:
    window = _window(qtbot, make_ctx(shawan_db_path))
    header = window.table.horizontalHeader()
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 0
    _click_header(qtbot, window, COL_USCC)
    assert window.model.sort_key == "uscc"
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == COL_USCC
    header.setSectionHidden(COL_REGISTRY, False)
    _click_header(qtbot, window, COL_REGISTRY)  # not sortable: the arrow stays where the rows are sorted
    assert window.model.sort_key == "uscc" and header.sortIndicatorSection() == COL_USCC


def test_filter_change_scrolls_to_the_top(qtbot: Any, make_ctx: Any, shawan_db_path: Path) -> None:
    window = _window(qtbot, make_ctx(shawan_db_path))
    bar = window.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    assert bar.value() > 0
    tiers = window.filter_bar.tier
    tiers.setCurrentIndex(tiers.findData("registered"))
    qtbot.waitUntil(lambda: window.model.filter.tier == "registered", timeout=10_000)
    assert bar.value() == 0


def test_headers_and_tier_column_are_not_cut(qtbot: Any, make_ctx: Any, shawan_db_path: Path) -> None:
    for lang in ("zh", "en"):
        window = _window(qtbot, make_ctx(shawan_db_path, lang=lang))
        header = window.table.horizontalHeader()
        metrics, cell = header.fontMetrics(), window.table.fontMetrics()
        for column in range(window.model.columnCount()):  # the hidden ones too, as they are when shown
            header.setSectionHidden(column, False)
        for column in range(window.model.columnCount()):
            text = window.model.headerData(column, Qt.Orientation.Horizontal)
            assert header.sectionSize(column) >= metrics.horizontalAdvance(text) + 16, (lang, text)
        tiers = window.labels._codes["tier"].values()
        assert header.sectionSize(COL_TIER) >= max(cell.horizontalAdvance(t) for t in tiers) + 8
        for column in _CODE_COLUMNS:
            kind = _CODE_COLUMNS[column][0]
            widest = max((cell.horizontalAdvance(t) for t in window.labels._codes.get(kind, {}).values()), default=0)
            assert header.sectionSize(column) >= widest, (lang, kind)
        window.close()


def test_count_says_what_is_hidden_and_who_registered(qtbot: Any, make_ctx: Any, shawan_db_path: Path) -> None:
    # three organizations registered by the city and located in 沙湾区, as the city's first package brings them
    with sqlite3.connect(shawan_db_path) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM organization WHERE status = 'active' AND tier = 'registered'"
                                         " ORDER BY seq LIMIT 3")]
        con.executemany("UPDATE organization SET origin_office = '511100' WHERE id = ?", [(i,) for i in ids])
        live = con.execute("SELECT count(*) FROM organization WHERE deleted_at IS NULL AND status IN "
                           "('active', 'suspended', 'liquidating')").fetchone()[0]
        gone = con.execute("SELECT count(*) FROM organization WHERE deleted_at IS NULL AND status NOT IN "
                           "('active', 'suspended', 'liquidating')").fetchone()[0]
    assert gone > 0
    window = _window(qtbot, make_ctx(shawan_db_path))
    qtbot.waitUntil(lambda: "本单位登记" in window.count_label.text(), timeout=20_000)
    assert window.count_label.text() == (f"共 {live:,} 个组织（另有 {gone:,} 个已注销或撤销，未显示）；"
                                         f"本单位登记 {live - 3:,} 个，市局登记 3 个")
    # a new sort of the same rows keeps its figures without counting them again (two scans of the table, seconds
    # at a million rows, which the whole order waited behind on the one worker), and its order comes
    shown, asked = window.count_label.text(), []
    run = window.ctx.runner.run
    window.ctx.runner.run = lambda fn, **kw: (asked.append(kw.get("key")), run(fn, **kw))[1]
    order_loaded: list[bool] = []
    window.model.order_loaded.connect(lambda: order_loaded.append(True))
    window.model.sort(2, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: bool(order_loaded), timeout=20_000)
    assert "register-figures" not in asked and "register-order" in asked
    assert window.count_label.text() == shown
    window.ctx.runner.run = run


def test_trusted_offices_columns_are_not_squeezed(qtbot: Any, make_ctx: Any, shawan_db_path: Path) -> None:
    from civicdesk.ui.sync.window import SyncWindow

    window = SyncWindow(make_ctx(shawan_db_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._loaded_once)
    table = window.offices_table
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text), text


def test_statistics_summary_says_who_registered(qtbot: Any, make_ctx: Any, shawan_db_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    with sqlite3.connect(shawan_db_path) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM organization WHERE status = 'active' AND tier = 'registered'"
                                         " ORDER BY seq LIMIT 2")]
        con.executemany("UPDATE organization SET origin_office = '511100' WHERE id = ?", [(i,) for i in ids])
    window = _window(qtbot, make_ctx(shawan_db_path))
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(50, close_box)

    QTimer.singleShot(50, close_box)
    window.show_statistics()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "市局登记 2 个（住所在本区县、由市局登记，随市局的同步包到达）" in seen[0]
