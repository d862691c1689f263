"""The register window's supervision (issue 16): the two columns (hidden until chosen), the filter bar's
inspection and rating filters, and the detail pane's 监管 section, in Chinese and English."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from tests.helpers.db import clear_supervision
from PySide6.QtCore import QByteArray, QSettings, Qt

from civicdesk import clock as program_clock
from civicdesk.services.core.database import open_database
from civicdesk.services.register import browse
from civicdesk.services.register.plain import RegisterFilter
from civicdesk.ui.main import install_translators
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.register.detail_pane import DetailPane
from civicdesk.ui.register.org_table_model import (
    COL_INSPECTION,
    COL_NAME,
    COL_PHONE,
    COL_RATING,
    DEFAULT_HIDDEN,
    IdRole,
)
from tests.services.test_register_supervision import seed

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module")
def seeded(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """沙湾区 with the supervision records of tests/services/test_register_supervision.py, made once."""
    path = tmp_path_factory.mktemp("register_supervision_ui") / "shawan.sqlite3"
    shutil.copyfile(templates["shawan_demo"], path)
    clear_supervision(path)  # the records below are the only ones
    db = open_database(path)
    roles = seed(db)
    with db.engine.connect() as conn:  # fold the WAL into the file: each test copies it
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, roles


@pytest.fixture
def supervised(seeded: tuple[Path, dict[str, str]], tmp_path: Path,
               clock: program_clock.FixedClock) -> Iterator[tuple[Path, dict[str, str]]]:
    path = tmp_path / "shawan.sqlite3"
    shutil.copyfile(seeded[0], path)
    yield path, seeded[1]


def _window(qtbot: Any, ctx: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
    return window


def _row_of(window: MainWindow, org_id: str) -> int:
    model = window.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, COL_NAME), IdRole) == org_id:
            return row
    raise AssertionError(org_id)


def test_columns_hidden_by_default_filters_find_and_cells_say_it(qtbot: Any, make_ctx: Any,
                                                                 supervised: Any) -> None:
    path, roles = supervised
    ctx = make_ctx(path)
    window = _window(qtbot, ctx)
    header, model = window.table.horizontalHeader(), window.model
    assert COL_INSPECTION in DEFAULT_HIDDEN and COL_RATING in DEFAULT_HIDDEN
    assert header.isSectionHidden(COL_INSPECTION) and header.isSectionHidden(COL_RATING)
    assert model.headerData(COL_INSPECTION, Qt.Orientation.Horizontal) == "上年度年检结论"
    assert model.headerData(COL_RATING, Qt.Orientation.Horizontal) == "评估等级"
    bar = window.filter_bar
    assert [bar.inspection.itemText(i) for i in range(bar.inspection.count())] == [
        "全部年检结论", "2025年度：合格", "2025年度：基本合格", "2025年度：不合格", "2025年度：未年检"]

    with qtbot.waitSignal(model.order_loaded, timeout=20_000):
        bar.rating.setCurrentIndex(bar.rating.findData("rated"))
    assert bar.current().rating == "rated" and model.rowCount() == 1
    assert model.data(model.index(0, COL_RATING)) == "4A"
    assert model.data(model.index(0, COL_RATING), Qt.ItemDataRole.ToolTipRole) == "评估等级 4A，有效期至 2029年12月31日"
    assert model.data(model.index(0, COL_INSPECTION)) == "合格"

    with qtbot.waitSignal(model.order_loaded, timeout=20_000):
        bar.rating.setCurrentIndex(0)
        bar.inspection.setCurrentIndex(bar.inspection.findData("none"))
    assert model.rowCount() == browse.count(ctx.db, RegisterFilter(inspection="none"))
    older = _row_of(window, roles["older"])
    assert model.data(model.index(older, COL_INSPECTION)) == "（2023年度 合格）"
    assert model.data(model.index(older, COL_INSPECTION), Qt.ItemDataRole.ToolTipRole) == \
        "2025年度未年检；最近一次：2023年度 合格"
    pending = _row_of(window, roles["pending"])
    assert model.data(model.index(pending, COL_INSPECTION)) == ""
    assert model.data(model.index(pending, COL_RATING), Qt.ItemDataRole.ToolTipRole) == "未评估"

    with qtbot.waitSignal(model.order_loaded, timeout=20_000):
        bar.inspection.setCurrentIndex(bar.inspection.findData("basic"))
    assert model.rowCount() == 1 and model.data(model.index(0, COL_INSPECTION)) == "基本合格"
    assert model.data(model.index(0, COL_RATING)) == ""  # its 3A ended on 2025-12-31
    assert model.data(model.index(0, COL_RATING), Qt.ItemDataRole.ToolTipRole) == "评估等级 3A 已于 2025年12月31日 到期"


def test_a_header_saved_before_the_columns_existed_keeps_them_hidden(qtbot: Any, make_ctx: Any,
                                                                      supervised: Any, tmp_path: Path) -> None:
    """A header state saved by the version with 14 columns restores them as they were; the new ones stay hidden
    until chosen, and once chosen they are remembered."""
    path, _roles = supervised
    ctx = make_ctx(path)
    window = _window(qtbot, ctx)
    header = window.table.horizontalHeader()
    header.setSectionHidden(COL_PHONE, False)  # the clerk had shown the phone column
    state = header.saveState()
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("register/header", QByteArray(state))
    settings.remove("register/columns")  # as the older version left it
    settings.sync()
    again = _window(qtbot, make_ctx(path))
    header = again.table.horizontalHeader()
    assert not header.isSectionHidden(COL_PHONE)
    assert header.isSectionHidden(COL_INSPECTION) and header.isSectionHidden(COL_RATING)
    header.setSectionHidden(COL_RATING, False)
    again.close()
    third = _window(qtbot, make_ctx(path))
    assert not third.table.horizontalHeader().isSectionHidden(COL_RATING)
    assert third.table.horizontalHeader().isSectionHidden(COL_INSPECTION)


def _pane_text(qtbot: Any, ctx: Any, org_id: str) -> str:
    from civicdesk.ui.labels import Labels

    pane = DetailPane(ctx, Labels(ctx.db, ctx.lang))
    qtbot.addWidget(pane)
    pane.show_organization(org_id)
    qtbot.waitUntil(lambda: pane.record is not None, timeout=20_000)
    return pane.toPlainText()


def test_detail_pane_shows_inspections_rating_and_spot_checks(qtbot: Any, make_ctx: Any, supervised: Any) -> None:
    path, roles = supervised
    ctx = make_ctx(path)
    text = _pane_text(qtbot, ctx, roles["passed"])
    section = text[text.index("监管"):]
    assert re.search(r"2025\s*合格\s*逾期报送\s*沙民检〔2026〕1号", section)
    assert re.search(r"2024\s*基本合格", section)
    assert "4A，有效期 2024年12月31日 至 2029年12月31日 · 沙民评〔2025〕3号" in section
    assert re.search(r"2026\s*2026年度双随机抽查\s*2026年6月2日\s*未发现问题", section)
    pending = _pane_text(qtbot, ctx, roles["pending"])
    pending = pending[pending.index("监管"):]
    assert re.search(r"2025\s*已报送", pending) and re.search(r"评估等级\s*未评估", pending)
    assert "责令整改" in pending and "整改期限 2026年12月31日，未整改" in pending
    assert "已过期（3A，至 2025年12月31日）" in _pane_text(qtbot, ctx, roles["basic"])


def test_detail_pane_and_filters_in_english(qtbot: Any, make_ctx: Any, supervised: Any, qapp: Any) -> None:
    path, roles = supervised
    translators = install_translators(qapp, "en")
    try:
        ctx = make_ctx(path, lang="en")
        text = _pane_text(qtbot, ctx, roles["pending"])
        section = text[text.index("Supervision"):]
        # the plan's title is data; the words around it are English
        words = section.replace("2026年度双随机抽查", "")
        assert not CJK.search(words), words
        assert "Not rated" in words and "to rectify by 2026-12-31; not yet rectified" in words
        window = _window(qtbot, ctx)
        bar = window.filter_bar
        items = [bar.inspection.itemText(i) for i in range(bar.inspection.count())]
        items += [bar.rating.itemText(i) for i in range(bar.rating.count())]
        assert "2025: basic pass" in items and "Rated (in force)" in items
        assert not [i for i in items if CJK.search(i)]
        assert window.model.headerData(COL_INSPECTION, Qt.Orientation.Horizontal) == "Last year's inspection"
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_the_columns_follow_the_programs_clock(qtbot: Any, make_ctx: Any, supervised: Any,
                                               clock: program_clock.FixedClock) -> None:
    """On 2030-01-01 the 4A has ended and 2025 is no longer last year."""
    path, roles = supervised
    with program_clock.use(program_clock.FixedClock(datetime(2030, 1, 1, 9, 0))):
        window = _window(qtbot, make_ctx(path))
        qtbot.waitUntil(lambda: window.model._seqs is not None, timeout=20_000)  # the whole order
        row = _row_of(window, roles["passed"])
        assert window.model.data(window.model.index(row, COL_RATING)) == ""
        assert window.model.data(window.model.index(row, COL_INSPECTION)) == "（2025年度 合格）"
