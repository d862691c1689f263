"""The review queue (审查队列): the office's filings by state, the most urgent first, with their deadlines.

A tab per state (待办 = everything still open) with its count, a kind filter, a text filter over number,
organization and applicant, and "只看逾期或临近到期".  Opening a row shows :class:`FilingDialog`.  The list is
loaded on the runner (key ``review_queue``: a newer filter supersedes an older one) and reloads whenever an op
reports that filings changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QTabBar, QTableView, QVBoxLayout, QWidget,
)

from civicdesk.services.filings import service as filings
from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.filings.filing_dialog import FilingDialog
from civicdesk.ui.filings.four_eyes import why_not_decide
from civicdesk.ui.labels import Labels
from civicdesk.ui.filings.filing_table_model import (
    COL_APPLICANT, COL_NUMBER, COL_ORG, FilingTableModel, FlagRole, SortRole,
)

#: tabs: key -> states asked of the service (None: all states; "open": draft and the open ones)
TABS = ("open", "draft", "submitted", "under_review", "returned", "approved", "rejected", "withdrawn", "all")


class QueueFilter(QSortFilterProxyModel):
    """Text over number, organization and applicant; optionally only the flagged deadlines."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.urgent_only = False
        self.setSortRole(SortRole)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_urgent_only(self, on: bool) -> None:
        self.beginFilterChange()
        self.urgent_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if self.urgent_only and model.data(model.index(row, 0, parent), FlagRole) is None:
            return False
        if not self.text:
            return True
        return any(self.text in str(model.data(model.index(row, c, parent)) or "").lower()
                   for c in (COL_NUMBER, COL_ORG, COL_APPLICANT))


class ReviewQueue(QDialog):
    """A window of its own (not modal): the clerk keeps it open beside the register."""

    loaded = Signal(int)  # rows after each load

    def __init__(self, ctx: AppContext, labels: Labels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.labels = ctx, labels
        self.setObjectName("review_queue")
        self.setWindowTitle(self.tr("审查队列"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.resize(1100, 560)
        self.counts: dict[str, int] = {}

        self.tabs = QTabBar()
        self.tabs.setObjectName("state_tabs")
        self.tabs.setExpanding(False)
        for key in TABS:
            self.tabs.addTab(self._tab_title(key))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("全部事项类型"), None)
        lang = "zh" if ctx.lang.startswith("zh") else "en"
        for kind in filings.KINDS:
            self.kind.addItem(filings.kind_label(kind, lang), kind)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("按编号、组织或申请人筛选"))
        self.search.setClearButtonEnabled(True)
        self.urgent = QCheckBox(self.tr("只看逾期或临近到期"))
        self.urgent.setObjectName("urgent")

        self.model = FilingTableModel(labels, self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("filings")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: most urgent first
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        for column, width in enumerate((140, 130, 240, 90, 90, 90, 80, 90, 90)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_ORG, QHeaderView.ResizeMode.Stretch)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.why_greyed = QLabel()  # the selected filing waits for a decision this user may not make: why
        self.why_greyed.setObjectName("why_greyed")
        self.why_greyed.setWordWrap(True)
        self.why_greyed.setStyleSheet("color: #7a4a00;")
        self.why_greyed.setVisible(False)
        self.open_button = QPushButton(self.tr("打开"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.close_button = QPushButton(self.tr("关闭"))

        filters = QHBoxLayout()
        filters.addWidget(self.kind)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.urgent)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        for button in (self.open_button, self.refresh_button, self.close_button):
            button.setAutoDefault(False)
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.why_greyed)

        self.tabs.currentChanged.connect(lambda _i: self.reload())
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.textChanged.connect(self._filter_changed)
        self.urgent.toggled.connect(self._urgent_toggled)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._explain_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.reload)
        self.close_button.clicked.connect(self.close)
        ctx.signals.operation_executed.connect(self._operation_executed)
        self.reload()

    # -- loading --------------------------------------------------------------------------------------------
    def _tab_title(self, key: str) -> str:
        if key == "open":
            title = self.tr("待办")
        elif key == "all":
            title = self.tr("全部")
        else:
            title = filings.state_label(key, self.ctx.lang)
            title = title[:1].upper() + title[1:]  # a tab's title, not a word inside a sentence ("Draft", not "draft")
        if key == "all":
            n = sum(self.counts.values())
        elif key == "open":
            n = sum(self.counts.get(s, 0) for s in ("draft", *filings.OPEN_STATES))
        else:
            n = self.counts.get(key, 0)
        return f"{title} ({n})" if self.counts else title

    def current_tab(self) -> str:
        return TABS[max(self.tabs.currentIndex(), 0)]

    def set_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    def reload(self) -> None:
        db, tab, kind = self.ctx.db, self.current_tab(), self.kind.currentData()
        state = None if tab in ("open", "all") else tab

        def load(_job: Any) -> tuple[list[filings.FilingRecord], dict[str, int]]:
            rows = filings.list_filings(db, state=state, kind=kind, open_only=tab == "open")
            return rows, filings.state_counts(db)

        self.ctx.runner.run(load, on_success=self._loaded, on_failure=self._failed, key="review_queue")

    def _loaded(self, result: tuple[list[filings.FilingRecord], dict[str, int]]) -> None:
        rows, self.counts = result
        selected = self.selected_id()
        self.model.set_rows(rows)
        for i, key in enumerate(TABS):
            self.tabs.setTabText(i, self._tab_title(key))
        if selected:
            self.select(selected)
        self._summarize()
        self._explain_selected()
        self.loaded.emit(len(rows))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.ctx.message(exc))

    def _summarize(self) -> None:
        shown = self.proxy.rowCount()
        overdue = sum(1 for r in range(self.model.rowCount())
                      if self.model.data(self.model.index(r, 0), FlagRole) == "overdue")
        soon = sum(1 for r in range(self.model.rowCount())
                   if self.model.data(self.model.index(r, 0), FlagRole) == "due_soon")
        self.summary.setText(self.tr("共 %1 件；逾期 %2 件，临近到期 %3 件")
                             .replace("%1", str(shown)).replace("%2", str(overdue)).replace("%3", str(soon)))

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._summarize()

    def _urgent_toggled(self, on: bool) -> None:
        self.proxy.set_urgent_only(on)
        self._summarize()

    def _operation_executed(self, changes: Changes) -> None:
        if changes.database:
            self.close()
        elif changes.extra.get("filings") or changes.organizations:
            self.reload()

    def _explain_selected(self) -> None:
        """Under the buttons: why the selected filing cannot be decided by this user (four eyes, role)."""
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(self.proxy.mapToSource(rows[0]).row()) if rows else None
        reason = why_not_decide(self.ctx, record)
        self.why_greyed.setText(reason or "")
        self.why_greyed.setVisible(bool(reason))

    # -- rows -------------------------------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.id_at(self.proxy.mapToSource(rows[0]).row())

    def select(self, filing_id: str) -> bool:
        row = self.model.row_of_id(filing_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        return True

    def open_selected(self) -> Any:
        filing_id = self.selected_id()
        if filing_id is None:
            return None
        return self.open_filing(filing_id)

    def open_filing(self, filing_id: str) -> Any:
        dialog = FilingDialog(self.ctx, self.labels, filing_id, self)
        dialog.open()
        return dialog
