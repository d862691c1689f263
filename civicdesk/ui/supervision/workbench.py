"""The 监管 workbench (监管 → 监管工作台, Ctrl+J): a window of its own, beside the register, with a tab per task.

到期提醒 (what is due or late), 年度检查, 等级评估, 双随机抽查, 信用名单, 约谈与处罚, 举报投诉 and 参数.  Every
tab loads on the one runner (``ctx.runner``) through :meth:`SupervisionWorkbench.run`: a newer load of a tab
supersedes its older one, the bar at the bottom moves while a load lasts and 取消 (Esc while it runs) drops it.
A tab is made (its module imported) and loads when first shown, so that opening the window makes only the shown
tab; it loads again whenever an op reports that supervision data changed.  The window remembers its geometry
and its last tab (QSettings ``supervision/*``).

Keys: Ctrl+1 … Ctrl+8 the tabs (Ctrl+Tab too), F5 reloads the tab, Ctrl+F its filter, Enter opens the
selected row, Esc cancels a load or closes the window.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton, QTabWidget, QVBoxLayout,
    QWidget,
)

from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.labels import Labels
from civicdesk.ui.runner import Cancelled, Job, Op

if TYPE_CHECKING:
    from civicdesk.ui.supervision.complaints_tab import ComplaintsTab
    from civicdesk.ui.supervision.credit_tab import CreditTab
    from civicdesk.ui.supervision.due_panel import DuePanel
    from civicdesk.ui.supervision.enforcement_tab import EnforcementTab
    from civicdesk.ui.supervision.inspection_tab import InspectionTab
    from civicdesk.ui.supervision.parameters_tab import ParametersTab
    from civicdesk.ui.supervision.rating_tab import RatingTab
    from civicdesk.ui.supervision.spotcheck_tab import SpotcheckTab

SETTINGS = "supervision"
#: the tabs, in the window's order
TAB_KEYS = ("due", "inspection", "rating", "spotcheck", "credit", "enforcement", "complaints", "parameters")
#: the module (in civicdesk.ui.supervision) and class of each tab's page
PAGE_CLASSES = {"due": ("due_panel", "DuePanel"), "inspection": ("inspection_tab", "InspectionTab"),
                "rating": ("rating_tab", "RatingTab"), "spotcheck": ("spotcheck_tab", "SpotcheckTab"),
                "credit": ("credit_tab", "CreditTab"), "enforcement": ("enforcement_tab", "EnforcementTab"),
                "complaints": ("complaints_tab", "ComplaintsTab"), "parameters": ("parameters_tab", "ParametersTab")}


class Pages(Mapping[str, Any]):
    """The workbench's pages by tab key, in the window's order.  A page is made when first asked for (its tab
    shown, or code reaching it): iterating and ``in`` make none, and ``made()`` is what exists so far."""

    def __init__(self, bench: SupervisionWorkbench) -> None:
        self._bench = bench
        self._made: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        page = self._made.get(key)
        if page is None:
            if key not in PAGE_CLASSES:
                raise KeyError(key)
            page = self._made[key] = self._bench._make(key)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(TAB_KEYS)

    def __len__(self) -> int:
        return len(TAB_KEYS)

    def __contains__(self, key: object) -> bool:
        return key in PAGE_CLASSES

    def made(self) -> dict[str, Any]:
        return dict(self._made)


class SupervisionWorkbench(QDialog):
    """The workbench window: tabs, a status line, a progress bar with 取消, 关闭."""

    def __init__(self, ctx: AppContext, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.labels = ctx, labels
        self.setObjectName("supervision_workbench")
        self.setWindowTitle(self.tr("监管工作台"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.resize(1240, 720)
        self._ops: dict[str, Op] = {}
        self._loaded: set[str] = set()  # the tabs that have loaded once (reloaded when data changes)

        # the bottom row first: a tab's load shows its bar and 取消
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setVisible(False)
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.cancel_button, self.close_button):
            button.setAutoDefault(False)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervision_tabs")
        # each tab an empty holder: its page is made (its module imported) when the tab is first shown
        self._holders: dict[str, QWidget] = {}
        self.pages = Pages(self)
        titles = {"due": self.tr("到期提醒"), "inspection": self.tr("年度检查"), "rating": self.tr("等级评估"),
                  "spotcheck": self.tr("双随机抽查"), "credit": self.tr("信用名单"),
                  "enforcement": self.tr("约谈与处罚"), "complaints": self.tr("举报投诉"), "parameters": self.tr("参数")}
        for i, key in enumerate(TAB_KEYS, start=1):
            holder = self._holders[key] = QWidget()
            holder.setObjectName(f"{key}_holder")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, titles[key])
            self.tabs.setTabToolTip(self.tabs.count() - 1, f"Ctrl+{i}")
            shortcut = QShortcut(QKeySequence(f"Ctrl+{i}"), self)
            shortcut.activated.connect(lambda index=i - 1: self.tabs.setCurrentIndex(index))

        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence(Qt.Key.Key_F5), self).activated.connect(self.reload_current)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self).activated.connect(self.focus_filter)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.tabs.currentChanged.connect(self._tab_shown)
        ctx.signals.operation_executed.connect(self._operation_executed)
        self._restore_state()  # the remembered tab, or 到期提醒: made and loaded here, the others when first shown
        self._tab_shown(self.tabs.currentIndex())

    # -- tabs ---------------------------------------------------------------------------------------------------
    def current_key(self) -> str:
        return TAB_KEYS[max(self.tabs.currentIndex(), 0)]

    def set_tab(self, key: str) -> Any:
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))
        return self.pages[key]

    def _make(self, key: str) -> QWidget:
        """The page of the tab ``key``, made now in its holder (``Pages`` asks, once per tab)."""
        module, name = PAGE_CLASSES[key]
        page: QWidget = getattr(importlib.import_module(f"civicdesk.ui.supervision.{module}"), name)(self)
        layout = self._holders[key].layout()
        assert layout is not None
        layout.addWidget(page)
        page.show()  # now, when its holder is shown (else with it), not on the next turn of the event loop
        return page

    @property
    def due(self) -> DuePanel:
        return self.pages["due"]

    @property
    def inspection(self) -> InspectionTab:
        return self.pages["inspection"]

    @property
    def rating(self) -> RatingTab:
        return self.pages["rating"]

    @property
    def spotcheck(self) -> SpotcheckTab:
        return self.pages["spotcheck"]

    @property
    def credit(self) -> CreditTab:
        return self.pages["credit"]

    @property
    def enforcement(self) -> EnforcementTab:
        return self.pages["enforcement"]

    @property
    def complaints(self) -> ComplaintsTab:
        return self.pages["complaints"]

    @property
    def parameters(self) -> ParametersTab:
        return self.pages["parameters"]

    def _tab_shown(self, index: int) -> None:
        key = TAB_KEYS[max(index, 0)]
        if key not in self._loaded:
            self._loaded.add(key)
            self.pages[key].reload()

    def reload_current(self) -> None:
        self.pages[self.current_key()].reload()

    def focus_filter(self) -> None:
        """Ctrl+F: the current tab's first text filter."""
        # the shown page's (the 参数 tab has a second page, the calendar)
        fields = [f for f in self.pages[self.current_key()].findChildren(QLineEdit) if f.isVisible()]
        if fields:
            fields[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
            fields[0].selectAll()

    def _operation_executed(self, changes: Changes) -> None:
        if changes.database:
            self.close()
            return
        if changes.organizations or any(k in changes.extra for k in ("parameters", "supervision")):
            for key in self._loaded:
                self.pages[key].reload()

    # -- running ------------------------------------------------------------------------------------------------
    def run(self, fn: Callable[[Job], Any], on_success: Callable[[Any], None], *, key: str,
            cancellable: bool = True, on_failure: Callable[[BaseException], None] | None = None) -> Op:
        """``fn`` on the runner (key ``supervision.<key>``: a newer one supersedes it); the bar moves while it runs
        and, when ``cancellable``, 取消 drops it.  A failure is shown in the status line unless ``on_failure``."""
        def work(job: Job) -> Any:
            result = fn(job)
            job.check()  # cancelled while the service ran: the result is dropped
            return result

        op = self.ctx.runner.run(work, on_success=on_success, on_failure=on_failure or self.show_error,
                                 on_progress=self._progress, key=f"supervision.{key}")
        self._ops[key] = op
        op.finished.connect(lambda key=key, op=op: self._finished(key, op))
        if cancellable:
            self.cancel_button.setVisible(True)
            self.cancel_button.setEnabled(True)
        QTimer.singleShot(200, self._still_busy)  # only a load that lasts shows the bar: no flicker
        return op

    def _still_busy(self) -> None:
        if self._ops and not self.progress.isVisible():
            self.progress.setRange(0, 0)
            self.progress.setVisible(True)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finished(self, key: str, op: Op) -> None:
        if self._ops.get(key) is op:
            del self._ops[key]
        if not self._ops:
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)

    def busy(self) -> bool:
        return bool(self._ops)

    def cancel(self) -> None:
        """Drop every load in flight (a write already started finishes: it is not offered 取消)."""
        if not self._ops:
            return
        for op in self._ops.values():
            op.cancel()
        self.say(self.tr("已取消。按 F5 重新载入。"))

    def keyPressEvent(self, event: Any) -> None:  # Qt API: Esc cancels a load first, then closes
        if event.key() == Qt.Key.Key_Escape and self._ops and self.cancel_button.isVisible():
            self.cancel()
            return
        super().keyPressEvent(event)

    # -- messages -----------------------------------------------------------------------------------------------
    def say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(self.ctx.message(exc))

    def warn(self, exc: BaseException) -> None:
        """A refused action: the service's one line, in a message box and in the status line."""
        self.show_error(exc)
        QMessageBox.warning(self, self.tr("操作未完成"), self.ctx.message(exc))

    # -- state --------------------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.ctx.settings
        geometry = s.value(f"{SETTINGS}/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        tab = s.value(f"{SETTINGS}/tab")
        if isinstance(tab, str) and tab in TAB_KEYS:
            self.tabs.setCurrentIndex(TAB_KEYS.index(tab))

    def save_state(self) -> None:
        s = self.ctx.settings
        s.setValue(f"{SETTINGS}/geometry", self.saveGeometry())
        s.setValue(f"{SETTINGS}/tab", self.current_key())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt API
        self.save_state()
        super().closeEvent(event)

    def done(self, result: int) -> None:  # Esc and 关闭 end here, not in closeEvent
        self.save_state()
        super().done(result)
