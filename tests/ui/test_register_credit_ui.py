"""The credit lists' warnings in the window (issue 17): the register's 信用状况 column (hidden until chosen), the ⚠
before a listed organization's name (in words, not colour alone), the filter bar's credit filter, the detail
pane's warning line and its 监管 listings, and the filing dialog's and review queue's warnings, in Chinese and
English.  The listing is made with the credit service: a clerk proposes, a reviewer decides."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from civicdesk.services.filings import service as filings
from civicdesk.services.register import browse
from civicdesk.services.register.plain import RegisterFilter
from civicdesk.services.supervision import credit
from civicdesk.ui.context import AppContext
from civicdesk.ui.filings.filing_table_model import COL_ORG, FilingTableModel
from civicdesk.ui.labels import Labels
from civicdesk.ui.main import install_translators
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.register.detail_pane import DetailPane
from civicdesk.ui.register.org_table_model import COL_CREDIT, COL_NAME, DEFAULT_HIDDEN, LISTED_COLOR
from tests.ui.test_filings_ui import cheap_hashes, make_users, open_filing, registered_org  # noqa: F401

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
WARNING = "⚠ 已列入活动异常名录（沙民异〔2026〕3号，2026-03-02）"


@pytest.fixture
def listed(qtbot: Any, make_ctx: Any, shawan_db_path: Path, clock: Any) -> Iterator[tuple[AppContext, str]]:
    """沙湾区 with one registered social group on the abnormal list, and the users who put it there."""
    context = make_ctx(shawan_db_path)
    users = context.users = make_users(context.db)  # type: ignore[attr-defined]
    org = registered_org(context.db).id
    p = credit.propose(context.db, org, "abnormal", "abnormal_other", by=users["clerk1"], detail="情形",
                       proposed_on="2026-03-01")
    credit.decide(context.db, p.id, approve=True, by=users["rev1"], decision_no="沙民异〔2026〕3号",
                  decided_on="2026-03-02")
    yield context, org
    context.runner.wait()
    QApplication.processEvents()


def _window(qtbot: Any, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
    return window


def _pane_text(qtbot: Any, ctx: AppContext, org_id: str) -> str:
    pane = DetailPane(ctx, Labels(ctx.db, ctx.lang))
    qtbot.addWidget(pane)
    pane.show_organization(org_id)
    qtbot.waitUntil(lambda: pane.record is not None, timeout=20_000)
    return pane.toPlainText()


def test_register_column_name_warning_and_filter(qtbot: Any, listed: tuple[AppContext, str]) -> None:
    ctx, org = listed
    window = _window(qtbot, ctx)
    header, model, bar = window.table.horizontalHeader(), window.model, window.filter_bar
    assert COL_CREDIT in DEFAULT_HIDDEN and header.isSectionHidden(COL_CREDIT)
    assert model.headerData(COL_CREDIT, Qt.Orientation.Horizontal) == "信用状况"
    assert [bar.credit.itemText(i) for i in range(bar.credit.count())] == [
        "全部信用状况", "已列入信用名单（任一）", "已列入活动异常名录", "已列入严重违法失信名单", "未列入信用名单"]
    with qtbot.waitSignal(model.order_loaded, timeout=20_000):
        bar.credit.setCurrentIndex(bar.credit.findData("abnormal"))
    with sqlite3.connect(ctx.db.path) as conn:  # the demo's listings and this one: each abnormal one, once
        abnormal = {i for (i,) in conn.execute("SELECT id FROM organization WHERE credit_list = 'abnormal'")}
    assert org in abnormal
    assert bar.current().credit == "abnormal" and model.rowCount() == len(abnormal)
    name, cell = model.index(0, COL_NAME), model.index(0, COL_CREDIT)
    assert model.data(name).startswith("⚠ ") and "已列入活动异常名录" in model.data(name, Qt.ItemDataRole.ToolTipRole)
    assert model.data(name, Qt.ItemDataRole.ForegroundRole) == LISTED_COLOR
    assert model.data(cell) == "活动异常名录"
    with qtbot.waitSignal(model.order_loaded, timeout=20_000):
        bar.credit.setCurrentIndex(bar.credit.findData("none"))
    assert model.rowCount() > 1
    assert not model.data(model.index(0, COL_NAME)).startswith("⚠")
    assert model.data(model.index(0, COL_CREDIT), Qt.ItemDataRole.ToolTipRole) == "未列入信用名单"
    assert model.data(model.index(0, COL_NAME), Qt.ItemDataRole.ForegroundRole) is None


def test_detail_pane_warning_and_listing(qtbot: Any, listed: tuple[AppContext, str]) -> None:
    ctx, org = listed
    text = _pane_text(qtbot, ctx, org)
    assert WARNING in text[:text.index("监管")]  # under the name, before the fields
    section = text[text.index("监管"):]
    [listing] = credit.current(ctx.db, org)
    assert "信用名单" in section and credit.listing_line(listing) in section
    assert "沙民异〔2026〕3号，2026-03-02列入" in section
    [other] = browse.first_page(ctx.db, RegisterFilter(credit="none"), limit=1)
    plain = _pane_text(qtbot, ctx, other.id)
    assert "⚠" not in plain and "未列入" in plain[plain.index("监管"):]


def test_filing_dialog_and_review_queue_warn_without_barring(qtbot: Any, listed: tuple[AppContext, str]) -> None:
    ctx, org = listed
    users = ctx.users  # type: ignore[attr-defined]
    draft = filings.draft_filing(ctx.db, "change", {"organization_id": org, "changes": {"member_count": 150}},
                                 by=users["clerk1"])
    filings.transition(ctx.db, draft.id, "submit", by=users["clerk1"])
    ctx.user = users["rev2"]
    dialog = open_filing(qtbot, ctx, draft.id)
    assert dialog.credit_warning.isVisibleTo(dialog)
    note = "列入信用名单不妨碍办理本事项：仅作提醒，审查时留意。"
    assert dialog.credit_warning.text().splitlines() == [WARNING, note]
    model = FilingTableModel(Labels(ctx.db))
    model.set_rows(filings.list_filings(ctx.db, open_only=True))
    row = next(r for r in range(model.rowCount()) if model.record_at(r).id == draft.id)  # type: ignore[union-attr]
    assert model.data(model.index(row, COL_ORG)).startswith("⚠ ")
    assert "不妨碍办理" in model.data(model.index(row, COL_ORG), Qt.ItemDataRole.ToolTipRole)


def test_warnings_in_english(qtbot: Any, listed: tuple[AppContext, str], qapp: Any, make_ctx: Any) -> None:
    ctx, org = listed
    translators = install_translators(qapp, "en")
    try:
        en = make_ctx(Path(ctx.db.path), lang="en")
        text = _pane_text(qtbot, en, org)
        assert "⚠ On the abnormal list (沙民异〔2026〕3号, 2026-03-02)" in text
        section = text[text.index("Supervision"):]
        [listing] = credit.current(ctx.db, org)
        assert "Credit lists" in section and credit.listing_line(listing, "en") in section
        window = _window(qtbot, en)
        bar = window.filter_bar
        items = [bar.credit.itemText(i) for i in range(bar.credit.count())]
        assert not [i for i in items if CJK.search(i)], items
        assert window.model.headerData(COL_CREDIT, Qt.Orientation.Horizontal) == "Credit status"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
