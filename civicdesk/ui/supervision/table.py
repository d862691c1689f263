"""The workbench's tables: one model for plain rows, one proxy for the text and column filters, one view.

Every tab of the 监管 workbench shows what a service returned: a list of frozen dataclasses or dicts, hundreds
or a few thousand rows per office.  :class:`RowsModel` holds such a list with a column spec (a header, how to
read a cell's words, how to sort it, how to colour it); :class:`RowsFilter` filters on a text over chosen columns
and on exact values of others (a state, a conclusion); :func:`make_view` is the table as every tab shows it
(rows selected whole, sortable, no editing, Enter opens).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

IdRole = Qt.ItemDataRole.UserRole + 1  # the row's id (``id`` attribute or key)
SortRole = Qt.ItemDataRole.UserRole + 3  # a value that sorts the column right (dates as ISO, numbers as numbers)
RowRole = Qt.ItemDataRole.UserRole + 5  # the row object itself

WARN = QColor("#b26a00")
#: the words of a figure: 12, 1,234.50, -3, 80%
FIGURE = re.compile(r"-?\d[\d,]*(\.\d+)?%?")
BAD = QColor("#c62828")


def field(row: Any, name: str) -> Any:
    """``row.name`` or ``row[name]``: services return dataclasses, some return dicts."""
    if isinstance(row, dict):
        return row.get(name)
    return getattr(row, name, None)


def plain(value: Any) -> str:
    """A cell's words for a value without a label: dates as ISO, times local, numbers as they read."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, datetime):
        return value.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M") \
            if value.tzinfo is None else value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (list, tuple)):
        return "、".join(plain(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class Column:
    """One column: its key (the row's field unless ``text`` says otherwise), header, and how it reads.

    ``text(row)`` gives the words (default: the field, :func:`plain`); ``sort(row)`` the sort value (default: the
    raw field, or the words); ``color(row)`` a foreground colour or None; ``tip(row)`` a tooltip.
    """

    key: str
    header: str
    width: int = 100
    text: Callable[[Any], str] | None = None
    sort: Callable[[Any], Any] | None = None
    color: Callable[[Any], QColor | None] | None = None
    tip: Callable[[Any], str | None] | None = None
    stretch: bool = False


def _sortable(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float, str)):
        return value
    return str(value)


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows (dataclasses or dicts), replaced whole by :meth:`set_rows`."""

    def __init__(self, columns: Sequence[Column], parent: Any = None, *, id_field: str = "id") -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.id_field = id_field
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> str | None:
        found = self.row_at(row)
        return None if found is None else field(found, self.id_field)

    def row_of_id(self, row_id: str) -> int | None:
        for i, r in enumerate(self._rows):
            if field(r, self.id_field) == row_id:
                return i
        return None

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns) \
                and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def cell_text(self, row: Any, column: Column) -> str:
        return column.text(row) if column.text is not None else plain(field(row, column.key))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == IdRole:
            return field(row, self.id_field)
        if role == RowRole:
            return row
        if role == SortRole:
            if column.sort is not None:
                return _sortable(column.sort(row))
            raw = field(row, column.key)
            return _sortable(raw) if raw is not None and column.text is None else self.cell_text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # figures (counts, scores, amounts, rates) line up on the right, as in every ledger: a numeric field,
            # or a column worked out from the row (a count, a sum) whose words are a figure
            raw = field(row, column.key)
            figure = isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool)
            if not figure and (raw is None or isinstance(raw, (list, tuple))):
                figure = FIGURE.fullmatch(self.cell_text(row, column)) is not None
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if figure else None
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            color = column.color(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tip is not None:
                return column.tip(row)
            words = self.cell_text(row, column)
            return words if len(words) > 30 else None  # a long cell reads whole in its tooltip
        return None


class RowsFilter(QSortFilterProxyModel):
    """A text over some columns (all when none are named) and exact values of row fields."""

    def __init__(self, parent: Any = None, text_columns: Sequence[int] = ()) -> None:
        super().__init__(parent)
        self.text = ""
        self.text_columns = tuple(text_columns)
        self.equals: dict[str, Any] = {}  # field -> value (None: any)
        self.predicate: Callable[[Any], bool] | None = None
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_equals(self, name: str, value: Any) -> None:
        self.beginFilterChange()
        if value is None:
            self.equals.pop(name, None)
        else:
            self.equals[name] = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self.predicate = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        record = model.data(model.index(row, 0, parent), RowRole)
        for name, value in self.equals.items():
            if field(record, name) != value:
                return False
        if self.predicate is not None and not self.predicate(record):
            return False
        if not self.text:
            return True
        columns = self.text_columns or range(model.columnCount())
        return any(self.text in str(model.data(model.index(row, c, parent)) or "").lower() for c in columns)


def make_view(model: RowsModel, proxy: RowsFilter, name: str, parent: QWidget | None = None) -> QTableView:
    """The table every tab shows: whole rows, one at a time, sortable by its header, widths from the columns."""
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a header is clicked
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    for i, column in enumerate(model.columns):
        # never narrower than its header (English headers are longer than Chinese ones), with the sort arrow
        header.resizeSection(i, max(column.width, metrics.horizontalAdvance(column.header) + 28))
        if column.stretch:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
    return view


def selected_row(view: QTableView) -> Any:
    """The row object selected in ``view`` (through its proxy), or None."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    return view.model().data(rows[0], RowRole)
