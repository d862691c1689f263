"""The workbench's 双随机抽查 tab: the office's plans, and the checks the selected plan drew."""

from __future__ import annotations

from typing import TYPE_CHECKING

from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import Column

if TYPE_CHECKING:
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


class SpotcheckTab(CampaignTab):
    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench, "spotcheck", text_columns=(0,))

    def make_columns(self) -> list[Column]:
        return [Column("title", self.tr("计划"), 220, stretch=True),
                Column("year", self.tr("年度"), 60),
                Column("kind", self.tr("类型"), 70),
                Column("ratio", self.tr("比例"), 60),
                Column("state", self.tr("状态"), 80),
                Column("eligible_count", self.tr("可抽对象"), 80),
                Column("drawn_count", self.tr("抽中"), 60)]

    def reload(self) -> None:
        self.set_rows([])
