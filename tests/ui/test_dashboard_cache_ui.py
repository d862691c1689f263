"""The dashboard tab over its cache (issue 18): a second opening paints every figure from the cache without
computing; 刷新 computes them again, marked 更新中… until they are painted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from civicdesk.ui.main_window import MainWindow


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
