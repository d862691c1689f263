"""The 监管 workbench (监管 → 监管工作台, Ctrl+J): a window of its own, beside the register, with a tab per task.

到期提醒 (what is due or late), 年度检查, 等级评估, 双随机抽查, 信用名单, 约谈与处罚, 举报投诉 and 参数.  Every
tab loads on the one runner (``ctx.runner``) through :meth:`SupervisionWorkbench.run`: a newer load of a tab
supersedes its older one, the bar at the bottom moves while a load lasts and 取消 (Esc while it runs) drops it.
A tab is made (its module imported) and loads when first shown, so that opening the window makes only the shown
tab; it loads again whenever an op reports that supervision data changed.  The window remembers its geometry,
its last tab and each table's column widths (QSettings ``supervision/*``).  :class:`Workbench` is what it shares
with the 培育 workbench (civicdesk/ui/cultivation/).

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
    QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton, QTableView,
    QTabWidget, QVBoxLayout, QWidget,
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
#: a tab's page: made already, or (module, class) to make when the tab is first shown
PageSpec = QWidget | tuple[str, str]


class Pages(Mapping[str, Any]):
    """A workbench's pages by tab key, in the window's order.  A page given as (module, class) is made when first
    asked for (its tab shown, or code reaching it): iterating and ``in`` make none, and ``made()`` is what exists
    so far."""

    def __init__(self, bench: Workbench, specs: Mapping[str, PageSpec]) -> None:
        self._bench = bench
        self._keys = tuple(specs)
        self._specs = {k: v for k, v in specs.items() if isinstance(v, tuple)}
        self._made: dict[str, Any] = {k: v for k, v in specs.items() if not isinstance(v, tuple)}

    def __getitem__(self, key: str) -> Any:
        page = self._made.get(key)
        if page is None:
            if key not in self._specs:
                raise KeyError(key)
            page = self._made[key] = self._bench.make_page(key, *self._specs[key])
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def made(self) -> dict[str, Any]:
        return dict(self._made)


class Workbench(QDialog):
    """A workbench window (监管, 培育): tabs over services, a status line, a progress bar with 取消, 关闭.

    A subclass makes its pages after this ``__init__`` (a load may start before: :meth:`run` shows the bar)
    and hands them to :meth:`add_pages`.  ``settings`` names the QSettings group (geometry, last tab, each
    table's column widths) and the runner keys (``<settings>.<key>``); ``reload_on`` the ``Changes.extra`` keys
    that reload the loaded tabs (a change to the organizations always does)."""

    settings = SETTINGS
    reload_on: tuple[str, ...] = ("parameters", "supervision")

    def __init__(self, ctx: AppContext, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.labels = ctx, labels
        self.setWindowFlag(Qt.WindowType.Window)
        self.resize(1240, 720)
        self._ops: dict[str, Op] = {}
        self._loaded: set[str] = set()  # the tabs that have loaded once (reloaded when data changes)
        self.pages: Pages = Pages(self, {})
        self._holders: dict[str, QWidget] = {}
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

    def add_pages(self, pages: Mapping[str, PageSpec], titles: dict[str, str]) -> None:
        """The tabs in order (Ctrl+1 … Ctrl+N), the window's layout and keys, the saved state, the first load.
        A page given as (module, class) is made when its tab is first shown: each tab is a holder until then."""
        self.pages = Pages(self, pages)
        for i, (key, spec) in enumerate(pages.items(), start=1):
            holder = self._holders[key] = QWidget()
            holder.setObjectName(f"{key}_holder")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            if not isinstance(spec, tuple):
                holder.layout().addWidget(spec)  # type: ignore[union-attr]
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
        self.ctx.signals.operation_executed.connect(self._operation_executed)
        self._restore_state()  # the remembered tab, or the first: made and loaded here, the others when first shown
        self._tab_shown(self.tabs.currentIndex())

    # -- tabs ---------------------------------------------------------------------------------------------------
    def current_key(self) -> str:
        return list(self.pages)[max(self.tabs.currentIndex(), 0)]

    def set_tab(self, key: str) -> Any:
        self.tabs.setCurrentIndex(list(self.pages).index(key))
        return self.pages[key]

    def make_page(self, key: str, module: str, name: str) -> QWidget:
        """The page of the tab ``key``, made now in its holder (``Pages`` asks, once per tab), with its tables'
        remembered column widths."""
        page: QWidget = getattr(importlib.import_module(module), name)(self)
        layout = self._holders[key].layout()
        assert layout is not None
        layout.addWidget(page)
        page.show()  # now, when its holder is shown (else with it), not on the next turn of the event loop
        self._restore_columns(page)
        return page

    def _tab_shown(self, index: int) -> None:
        key = list(self.pages)[max(index, 0)]
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
        if changes.organizations or any(k in changes.extra for k in self.reload_on):
            for key in self._loaded:
                self.pages[key].reload()

    # -- running ------------------------------------------------------------------------------------------------
    def run(self, fn: Callable[[Job], Any], on_success: Callable[[Any], None], *, key: str,
            cancellable: bool = True, on_failure: Callable[[BaseException], None] | None = None) -> Op:
        """``fn`` on the runner (key ``<settings>.<key>``: a newer one supersedes it); the bar moves while it runs
        and, when ``cancellable``, 取消 drops it.  A failure is shown in the status line unless ``on_failure``."""
        def work(job: Job) -> Any:
            result = fn(job)
            job.check()  # cancelled while the service ran: the result is dropped
            return result

        op = self.ctx.runner.run(work, on_success=on_success, on_failure=on_failure or self.show_error,
                                 on_progress=self._progress, key=f"{self.settings}.{key}")
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
        geometry = s.value(f"{self.settings}/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        tab = s.value(f"{self.settings}/tab")
        if isinstance(tab, str) and tab in self.pages:
            self.tabs.setCurrentIndex(list(self.pages).index(tab))
        self._restore_columns(self)

    def _restore_columns(self, widget: QWidget) -> None:
        """Each table's remembered column widths, when it has as many columns as then."""
        s = self.ctx.settings
        for view in [v for v in widget.findChildren(QTableView) if v.objectName()]:
            widths = s.value(f"{self.settings}/columns/{view.objectName()}")
            header = view.horizontalHeader()
            if isinstance(widths, str) and widths.count(",") == header.count() - 1:
                for i, width in enumerate(widths.split(",")):
                    if width.isdigit() and header.sectionResizeMode(i) != QHeaderView.ResizeMode.Stretch:
                        header.resizeSection(i, max(int(width), 30))

    def _views(self) -> list[QTableView]:
        return [v for v in self.findChildren(QTableView) if v.objectName()]

    def save_state(self) -> None:
        s = self.ctx.settings
        s.setValue(f"{self.settings}/geometry", self.saveGeometry())
        s.setValue(f"{self.settings}/tab", self.current_key())
        for view in self._views():
            header = view.horizontalHeader()
            s.setValue(f"{self.settings}/columns/{view.objectName()}",
                       ",".join(str(header.sectionSize(i)) for i in range(header.count())))
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt API
        self.save_state()
        super().closeEvent(event)

    def done(self, result: int) -> None:  # Esc and 关闭 end here, not in closeEvent
        self.save_state()
        super().done(result)


class SupervisionWorkbench(Workbench):
    """The workbench window: tabs, a status line, a progress bar with 取消, 关闭."""

    def __init__(self, ctx: AppContext, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(ctx, labels, parent)
        self.setObjectName("supervision_workbench")
        self.setWindowTitle(self.tr("监管工作台"))
        self.tabs.setObjectName("supervision_tabs")
        titles = {"due": self.tr("到期提醒"), "inspection": self.tr("年度检查"), "rating": self.tr("等级评估"),
                  "spotcheck": self.tr("双随机抽查"), "credit": self.tr("信用名单"),
                  "enforcement": self.tr("约谈与处罚"), "complaints": self.tr("举报投诉"), "parameters": self.tr("参数")}
        self.add_pages({key: (f"civicdesk.ui.supervision.{module}", name)
                        for key, (module, name) in PAGE_CLASSES.items()}, titles)

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
