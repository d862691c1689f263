"""The main window's 监管(&U) menu: 监管工作台 (Ctrl+J) opens the one workbench window, or raises it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from civicdesk.ui.main_window import MainWindow


class SupervisionMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.ctx = window, window.ctx
        self.workbench: Any = None
        self.workbench_action = window._action(self.tr("监管工作台"), self.show_workbench, "Ctrl+J")
        bar = window.menuBar()
        self.menu = bar.addMenu(self.tr("监管(&U)"))
        self.menu.setObjectName("supervision_menu")
        self.menu.addAction(self.workbench_action)
        # before 系统, after the register's and the filings' menus
        system = getattr(getattr(window, "filing_menus", None), "system_menu", None)
        if system is not None:
            bar.insertMenu(system.menuAction(), self.menu)

    def show_workbench(self) -> Any:
        """The workbench (made once; shown again, raised and focused when it is open)."""
        from civicdesk.ui.supervision.workbench import SupervisionWorkbench

        if self.workbench is None or not self.workbench.isVisible():
            self.workbench = SupervisionWorkbench(self.ctx, self.window.labels, self.window)
        self.workbench.show()
        self.workbench.raise_()
        self.workbench.activateWindow()
        return self.workbench


def install_supervision_menu(window: MainWindow) -> SupervisionMenu:
    return SupervisionMenu(window)
