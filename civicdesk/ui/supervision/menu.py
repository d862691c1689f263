"""The main window's 监管(&U) menu: 监管工作台 (Ctrl+J) opens the one workbench window, or raises it; 到期提醒
opens it on its 到期提醒 tab.

The timers are computed when the program opens: once the register has loaded its first rows (after the first
paint, the services attached), the credit lists' timers and the overdue complaints are counted on the runner.
When something is overdue or due today, a button in the status bar says so ("信用名单：3 项今天到期，1 项逾期")
and the menu's 到期提醒 carries the count; either opens the workbench on 到期提醒.  Never a box at start: when
nothing is due, nothing shows.  Counted again after another database is opened and after a supervision change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton

from civicdesk.ui.context import Changes

if TYPE_CHECKING:
    from civicdesk.ui.main_window import MainWindow


@dataclass(frozen=True)
class DueCounts:
    """What the start-up notice says: the credit timers overdue and due today, the complaints overdue."""

    credit_overdue: int = 0
    credit_today: int = 0
    complaints_overdue: int = 0

    def any(self) -> bool:
        return bool(self.credit_overdue or self.credit_today or self.complaints_overdue)


def due_counts(db: Any) -> DueCounts:
    """Counted on the runner (the services are imported there, not on the way to the first paint)."""
    from civicdesk.services.supervision import complaints, credit

    buckets = [i.bucket for i in credit.due(db)]
    late = complaints.list_complaints(db, overdue=True, office=db.office().code)
    return DueCounts(buckets.count("overdue"), buckets.count("today"), len(late))


class SupervisionMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.ctx = window, window.ctx
        self.workbench: Any = None
        self.workbench_action = window._action(self.tr("监管工作台"), self.show_workbench, "Ctrl+J")
        self.due_action = window._action(self.tr("到期提醒"), self.show_due)
        bar = window.menuBar()
        self.menu = bar.addMenu(self.tr("监管(&U)"))
        self.menu.setObjectName("supervision_menu")
        self.menu.addAction(self.workbench_action)
        self.menu.addAction(self.due_action)
        # before 系统, after the register's and the filings' menus
        system = getattr(getattr(window, "filing_menus", None), "system_menu", None)
        if system is not None:
            bar.insertMenu(system.menuAction(), self.menu)

        self.notice = QPushButton()
        self.notice.setObjectName("due_notice")
        self.notice.setFlat(True)
        self.notice.setStyleSheet("color: #b00020;")
        self.notice.setToolTip(self.tr("打开监管工作台的到期提醒"))
        self.notice.setVisible(False)
        self.notice.clicked.connect(lambda _checked=False: self.show_due())
        window.statusBar().insertPermanentWidget(0, self.notice)  # not hidden by the bar's passing messages
        self.counts: DueCounts | None = None
        self._checked: Any = None  # the database the timers were counted for
        window.model.loaded.connect(lambda _count: self._first_load())
        window.database_switched.connect(self._switched)
        self.ctx.signals.operation_executed.connect(self._operation_executed)

    def show_workbench(self) -> Any:
        """The workbench (made once; shown again, raised and focused when it is open)."""
        from civicdesk.ui.supervision.workbench import SupervisionWorkbench

        if self.workbench is None or not self.workbench.isVisible():
            self.workbench = SupervisionWorkbench(self.ctx, self.window.labels, self.window)
        self.workbench.show()
        self.workbench.raise_()
        self.workbench.activateWindow()
        return self.workbench

    def show_due(self) -> Any:
        bench = self.show_workbench()
        bench.set_tab("due")
        return bench

    # -- the timers at start ------------------------------------------------------------------------------------
    def _first_load(self) -> None:
        """The register's rows are in: count the timers once for this database (not on every reload)."""
        if self.ctx.db is not None and self._checked is not self.ctx.db:
            self.check_due()

    def _switched(self) -> None:
        self._checked = None
        self.show_counts(DueCounts())

    def _operation_executed(self, changes: Changes) -> None:
        if self._checked is not None and (changes.organizations or "supervision" in changes.extra):
            self.check_due()

    def check_due(self) -> None:
        db = self.ctx.db
        if db is None:
            return
        self._checked = db
        self.ctx.runner.run(lambda _job: due_counts(db), on_success=self.show_counts,
                            on_failure=lambda _exc: None, key="supervision.due_notice")

    def show_counts(self, counts: DueCounts) -> None:
        self.counts = counts
        text = self.notice_text(counts)
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        total = counts.credit_overdue + counts.credit_today + counts.complaints_overdue
        self.due_action.setText(self.tr("到期提醒（%1）").replace("%1", str(total)) if total else self.tr("到期提醒"))
        self.due_action.setStatusTip(text)

    def notice_text(self, counts: DueCounts) -> str:
        """信用名单：3 项今天到期，1 项逾期；举报投诉：2 件逾期未答复 (only the parts that are not zero)."""
        parts = []
        credit = []
        if counts.credit_today:
            credit.append(self.tr("%1 项今天到期").replace("%1", str(counts.credit_today)))
        if counts.credit_overdue:
            credit.append(self.tr("%1 项逾期").replace("%1", str(counts.credit_overdue)))
        if credit:
            parts.append(self.tr("信用名单：%1").replace("%1", self.tr("，").join(credit)))
        if counts.complaints_overdue:
            parts.append(self.tr("举报投诉：%1 件逾期未答复").replace("%1", str(counts.complaints_overdue)))
        return self.tr("；").join(parts)


def install_supervision_menu(window: MainWindow) -> SupervisionMenu:
    return SupervisionMenu(window)
