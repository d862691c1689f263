"""The 培育 workbench (培育 → 培育工作台, Ctrl+G): a window of its own, beside the register, built on the 监管
workbench's :class:`~civicdesk.ui.supervision.workbench.Workbench` (the runner, the bar with 取消, the status line,
the remembered geometry, tab and column widths: QSettings ``cultivation/*``).

Tabs: 孵化基地 (bases and parks, their residents and the services given), 政府购买服务 (projects, their payments
and evaluation), 公益创投 (rounds and their ranked applications), 社区基金 (funds and their entries), 志愿服务
(teams, their volunteers and activities, the points scheme), 儿童服务站 (stations, their service days and
funding).  孵化基地 and 政府购买服务 are made when first shown.  Keys: Ctrl+1 … Ctrl+6 the tabs, Ctrl+N the tab's first 新建/登记, Enter the selected row's main action, F5 reloads, Ctrl+F the filter, Esc
cancels a load or closes.  Every tab reloads after a cultivation change (``Changes.extra["cultivation"]``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from civicdesk.ui.context import AppContext
from civicdesk.ui.labels import Labels
from civicdesk.ui.supervision.workbench import Workbench

if TYPE_CHECKING:
    from civicdesk.ui.cultivation.incubation_tab import IncubationTab
    from civicdesk.ui.cultivation.projects_tab import ProjectsTab

#: the tabs, in the window's order
TAB_KEYS = ("incubation", "projects", "venture", "funds", "volunteers", "stations")


class CultivationWorkbench(Workbench):
    settings = "cultivation"
    reload_on = ("cultivation", "parameters")

    def __init__(self, ctx: AppContext, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(ctx, labels, parent)
        self.setObjectName("cultivation_workbench")
        self.setWindowTitle(self.tr("培育工作台"))
        self.tabs.setObjectName("cultivation_tabs")
        from civicdesk.ui.cultivation.funds_tab import FundsTab
        from civicdesk.ui.cultivation.stations_tab import StationsTab
        from civicdesk.ui.cultivation.venture_tab import VentureTab
        from civicdesk.ui.cultivation.volunteers_tab import VolunteersTab

        self.venture = VentureTab(self)
        self.funds = FundsTab(self)
        self.volunteers = VolunteersTab(self)
        self.stations = StationsTab(self)
        pages: dict[str, Any] = {"incubation": ("civicdesk.ui.cultivation.incubation_tab", "IncubationTab"),
                                 "projects": ("civicdesk.ui.cultivation.projects_tab", "ProjectsTab"),
                                 "venture": self.venture, "funds": self.funds, "volunteers": self.volunteers,
                                 "stations": self.stations}
        assert tuple(pages) == TAB_KEYS
        titles = {"incubation": self.tr("孵化基地"), "projects": self.tr("政府购买服务"), "venture": self.tr("公益创投"),
                  "funds": self.tr("社区基金"), "volunteers": self.tr("志愿服务"), "stations": self.tr("儿童服务站")}
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self).activated.connect(self.new)
        self.add_pages(pages, titles)

    @property
    def incubation(self) -> IncubationTab:
        return self.pages["incubation"]

    @property
    def projects(self) -> ProjectsTab:
        return self.pages["projects"]

    def new(self) -> Any:
        """Ctrl+N: the current tab's first 新建/登记 form."""
        return self.pages[self.current_key()].new()
