"""The main window's 培育(&G) menu, after 监管: 培育工作台 (Ctrl+G) opens the one 培育 workbench window, or raises
it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from civicdesk.ui.main_window import MainWindow


class CultivationMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.ctx = window, window.ctx
        self.workbench: Any = None
        self.workbench_action = window._action(self.tr("培育工作台"), self.show_workbench, "Ctrl+G")
        bar = window.menuBar()
        self.menu = bar.addMenu(self.tr("培育(&G)"))
        self.menu.setObjectName("cultivation_menu")
        self.menu.addAction(self.workbench_action)
        # before 系统, after 监管
        system = getattr(getattr(window, "filing_menus", None), "system_menu", None)
        if system is not None:
            bar.insertMenu(system.menuAction(), self.menu)

    def show_workbench(self) -> Any:
        """The workbench (made once; shown again, raised and focused when it is open)."""
        from civicdesk.ui.cultivation.workbench import CultivationWorkbench

        if self.workbench is None or not self.workbench.isVisible():
            self.workbench = CultivationWorkbench(self.ctx, self.window.labels, self.window)
        self.workbench.show()
        self.workbench.raise_()
        self.workbench.activateWindow()
        return self.workbench


def install_cultivation_menu(window: MainWindow) -> CultivationMenu:
    return CultivationMenu(window)
