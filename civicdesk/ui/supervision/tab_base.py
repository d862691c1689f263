"""What the campaign tabs share: a row of filters, a text filter, the table, a summary, a row of actions and
a line saying why an action is greyed for the current user."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from civicdesk.ui.context import Changes
from civicdesk.ui.supervision.forms import ActionDialog
from civicdesk.ui.supervision.table import Column, RowsFilter, RowsModel, make_view, selected_row

if TYPE_CHECKING:
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


class CampaignTab(QWidget):
    """A tab over one list of rows: subclasses give the columns, add filters and actions, and load."""

    loaded = Signal(int)  # rows after each load

    def __init__(self, bench: SupervisionWorkbench, name: str, text_columns: Sequence[int] = (0,)) -> None:
        super().__init__(bench)
        self.bench, self.ctx, self.labels = bench, bench.ctx, bench.labels
        self.setObjectName(f"{name}_tab")
        self.model = RowsModel(self.make_columns(), self)
        self.proxy = RowsFilter(self, text_columns=text_columns)
        self.table = make_view(self.model, self.proxy, name, self)
        self.search = QLineEdit()
        self.search.setObjectName(f"{name}_search")
        self.search.setPlaceholderText(self.tr("按组织名称或统一社会信用代码筛选"))
        self.search.setClearButtonEnabled(True)
        self.filters = QHBoxLayout()
        self.head = QHBoxLayout()  # above the filters: a year, a plan, the campaign's figures
        self.summary = QLabel()
        self.summary.setObjectName(f"{name}_summary")
        self.summary.setWordWrap(True)
        self.actions_row = QHBoxLayout()
        self.actions_row.addWidget(self.summary, 1)
        self.why = QLabel()
        self.why.setObjectName(f"{name}_why")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #7a4a00;")
        self.why.setVisible(False)
        self.body = QVBoxLayout()  # the table; a tab may put a second table beside or under it
        self.body.addWidget(self.table, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.head)
        layout.addLayout(self.filters)
        layout.addLayout(self.body, 1)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.why)
        self.filters.addWidget(self.search, 1)
        self.search.textChanged.connect(self.proxy.set_text)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.refresh_actions())
        self.table.activated.connect(lambda _i: self.open_selected())  # Enter or a double click

    def button(self, text: str, name: str, slot: Any) -> QPushButton:
        """An action button in the bottom row."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        self.actions_row.addWidget(button)
        return button

    def selected(self) -> Any:
        return selected_row(self.table)

    def select_id(self, row_id: str) -> bool:
        row = self.model.row_of_id(row_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        return True

    def show_organization(self, name: str) -> None:
        """Put ``name`` in the text filter (from the 到期提醒 tab)."""
        self.search.setText(name)
        self.table.setFocus()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def set_rows(self, rows: Sequence[Any]) -> None:
        selected = self.model.id_at(self.proxy.mapToSource(self.table.currentIndex()).row()) \
            if self.table.currentIndex().isValid() else None
        self.model.set_rows(rows)
        if selected:
            self.select_id(selected)
        self.refresh_actions()
        self.loaded.emit(len(rows))

    def _form(self, title: str, fields: list[tuple[str, str, Any]], work: Any, done: str, *,
              changes: Changes | None = None, note: str | None = None) -> ActionDialog:
        """A step's small form, opened (not modal): it runs ``work`` and shows the service's refusal in place."""
        dialog = ActionDialog(self.bench, title, fields, work, done_text=done, changes=changes, note=note)
        dialog.open()
        return dialog

    @staticmethod
    def click_first_enabled(buttons: Sequence[QPushButton]) -> None:
        """Enter on a row: the first of its steps (in the order given) that this user may take now."""
        for button in buttons:
            if button.isEnabled():
                button.click()
                return

    def explain(self, reason: str | None) -> None:
        self.why.setText(reason or "")
        self.why.setVisible(bool(reason))

    # -- what subclasses give -------------------------------------------------------------------------------------
    # every tab defines these two methods (named here, not defined, so that a tab without them fails at once)
    make_columns: Callable[[], list[Column]]  # the table's columns, asked once by __init__
    reload: Callable[[], None]  # load the rows on the runner

    def refresh_actions(self) -> None:
        """Enable the actions for the selected row and the user; say why one is greyed (subclasses)."""

    def open_selected(self) -> None:
        """Enter on a row: its main action."""
