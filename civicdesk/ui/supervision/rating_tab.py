"""The workbench's 等级评估 tab: rating applications with their grade and validity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox

from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import Column

if TYPE_CHECKING:
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


class RatingTab(CampaignTab):
    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench, "rating", text_columns=(0,))
        self.grade = QComboBox()
        self.grade.setObjectName("rating_grade")
        self.grade.addItem(self.tr("全部等级"), None)
        self.expiring = QCheckBox(self.tr("只看即将到期"))
        self.expiring.setObjectName("rating_expiring")
        self.filters.addWidget(self.grade)
        self.filters.addWidget(self.expiring)

    def make_columns(self) -> list[Column]:
        return [Column("organization_name", self.tr("组织名称"), 240, stretch=True),
                Column("year", self.tr("年度"), 60),
                Column("state", self.tr("状态"), 80),
                Column("total", self.tr("总分"), 60),
                Column("grade", self.tr("等级"), 60),
                Column("current_grade", self.tr("现等级"), 70),
                Column("valid_to", self.tr("有效期至"), 90)]

    def reload(self) -> None:
        self.set_rows([])
