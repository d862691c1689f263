"""The detail pane's 培育发展 section (issue 18): an organization's incubation, projects, awards and funds, and a
volunteer team's totals, in Chinese and English; no section for an organization without any."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from civicdesk.ui.labels import Labels
from civicdesk.ui.main import install_translators
from civicdesk.ui.register.detail_pane import DetailPane
from civicdesk.services.core.database import open_database
from tests.helpers.cultivation import grow, org_of


@pytest.fixture
def grown(shawan_db_path: Path) -> Iterator[dict[str, Any]]:
    """沙湾区's demo with the rows of tests/cultivation/test_profile.py's ``grow``."""
    db = open_database(shawan_db_path)
    try:
        yield {**grow(db), "path": shawan_db_path}
    finally:
        db.close()


def _text(qtbot: Any, ctx: Any, org_id: str) -> str:
    pane = DetailPane(ctx, Labels(ctx.db, ctx.lang))
    qtbot.addWidget(pane)
    pane.show_organization(org_id)
    qtbot.waitUntil(lambda: pane.record is not None, timeout=20_000)
    return pane.toPlainText()


def test_the_pane_lists_the_organizations_cultivation(qtbot: Any, make_ctx: Any, grown: dict[str, Any]) -> None:
    ctx = make_ctx(grown["path"])
    text = _text(qtbot, ctx, grown["org"])
    for words in ("培育发展", "孵化", "沙湾区社会组织孵化基地", "已登记", "政府购买服务", "社区养老助餐服务",
                  "120,000.00 元", "良好", "资助与表彰", "2020年公益创投：邻里守望", "55,000.00 元", "社区基金",
                  "累计筹集 150,000.00 元，余额 120,000.00 元"):
        assert words in text, words
    assert "志愿者 1 人，服务活动 1 次，服务时长 3.50 小时" in _text(qtbot, ctx, grown["team"])
    assert "培育发展" not in _text(qtbot, ctx, org_of(ctx.db, tier="registered", legal_form="social_service"))


def test_the_pane_in_english(qtbot: Any, qapp: Any, make_ctx: Any, grown: dict[str, Any]) -> None:
    ctx = make_ctx(grown["path"], "en")
    translators = install_translators(qapp, "en")
    try:
        text = _text(qtbot, ctx, grown["org"])
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    for words in ("Cultivation", "Incubation", "Purchased services", "120,000.00 yuan", "good", "Awards",
                  "Community funds", "raised 150,000.00 yuan, balance 120,000.00 yuan"):
        assert words in text, words
