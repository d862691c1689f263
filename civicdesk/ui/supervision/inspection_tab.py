"""The workbench's 年度检查 tab: a year's campaign with its 参检率 and counts, and its records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox

from civicdesk import clock
from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import Column

if TYPE_CHECKING:
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


class InspectionTab(CampaignTab):
    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench, "inspection", text_columns=(0, 1))
        self.year = QSpinBox()
        self.year.setObjectName("inspection_year")
        self.year.setRange(2000, clock.today().year)
        self.year.setValue(clock.today().year - 1)
        self.figures = QLabel()
        self.figures.setObjectName("inspection_figures")
        year_label = QLabel(self.tr("年度(&Y)"))
        year_label.setBuddy(self.year)
        self.head.addWidget(year_label)
        self.head.addWidget(self.year)
        self.head.addWidget(self.figures, 1)
        self.state = QComboBox()
        self.state.setObjectName("inspection_state")
        self.state.addItem(self.tr("全部状态"), None)
        self.conclusion = QComboBox()
        self.conclusion.setObjectName("inspection_conclusion")
        self.conclusion.addItem(self.tr("全部结论"), None)
        self.filters.addWidget(self.state)
        self.filters.addWidget(self.conclusion)

    def make_columns(self) -> list[Column]:
        return [Column("organization_name", self.tr("组织名称"), 240, stretch=True),
                Column("uscc", self.tr("统一社会信用代码"), 160),
                Column("state", self.tr("状态"), 80),
                Column("received_on", self.tr("收到日期"), 90),
                Column("conclusion", self.tr("结论"), 80),
                Column("entered_by", self.tr("录入人"), 80),
                Column("decided_by", self.tr("决定人"), 80)]

    def reload(self) -> None:
        self.set_rows([])
