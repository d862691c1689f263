"""The review queue's table: filings as :class:`~civicdesk.services.filings.service.FilingRecord` rows.

Unlike the register, the filings of one office that are in one state number in the hundreds at most, so the
model holds the rows the service returned for the current state and kind filter (a list of frozen records,
replaced on reload).  The deadline column says how many days are left and is red when overdue, amber when due
within ten days (``filings.DUE_SOON_DAYS``).  A filing about an organization on a credit list shows "⚠" before
the organization's name, in red, with the list in the tooltip: a warning, never a bar.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from civicdesk import messages
from civicdesk.services.filings import service as filings
from civicdesk.services.filings.service import FilingRecord
from civicdesk.ui.labels import Labels

(COL_NUMBER, COL_KIND, COL_ORG, COL_APPLICANT, COL_STATE, COL_RECEIVED, COL_SUBMITTED_BY, COL_DEADLINE,
 COL_DUE) = range(9)
#: the columns; their headers are the catalogue's ``column.filings.*``
COLUMNS = ("number", "kind", "organization", "applicant", "state", "received", "submitted_by", "days_left", "due")

IdRole = Qt.ItemDataRole.UserRole + 1  # the filing's id
SortRole = Qt.ItemDataRole.UserRole + 3  # a value that sorts the column right (dates as ISO, days as int)
FlagRole = Qt.ItemDataRole.UserRole + 4  # "overdue" | "due_soon" | None

OVERDUE = QColor("#c62828")
DUE_SOON = QColor("#b26a00")
OVERDUE_BACK = QColor("#fdecea")
DUE_SOON_BACK = QColor("#fff4e0")


def local_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


class FilingTableModel(QAbstractTableModel):
    def __init__(self, labels: Labels, parent: Any = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.lang = labels.lang
        self._rows: list[FilingRecord] = []

    # -- data ---------------------------------------------------------------------------------------------
    def set_rows(self, rows: list[FilingRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record_at(self, row: int) -> FilingRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> str | None:
        record = self.record_at(row)
        return record.id if record else None

    def row_of_id(self, filing_id: str) -> int | None:
        for row, record in enumerate(self._rows):
            if record.id == filing_id:
                return row
        return None

    # -- Qt model -------------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return messages.label(f"column.filings.{COLUMNS[section]}", self.lang)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(record, column)
        if role == IdRole:
            return record.id
        if role == SortRole:
            return self._sort_value(record, column)
        if role == FlagRole:
            return record.deadline_flag
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_DEADLINE, COL_DUE):
            flag = record.deadline_flag
            if flag:
                return QBrush(OVERDUE if flag == "overdue" else DUE_SOON)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_DEADLINE:
            flag = record.deadline_flag
            if flag:
                return QBrush(OVERDUE_BACK if flag == "overdue" else DUE_SOON_BACK)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_ORG and record.credit_list:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DEADLINE and record.due_on is not None:
            return self._deadline_tip(record)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_ORG and record.credit_list:
            return messages.text("credit_effects.queue_tip", self.lang, list=record.credit_list)
        return None

    def _text(self, record: FilingRecord, column: int) -> str:
        lang = self.lang
        zh = messages.is_zh(lang)
        if column == COL_NUMBER:
            return record.number
        if column == COL_KIND:
            return filings.kind_label(record.kind, lang)
        if column == COL_ORG:
            return f"⚠ {record.organization_name}" if record.credit_list else record.organization_name
        if column == COL_APPLICANT:
            return record.applicant
        if column == COL_STATE:
            return filings.state_label(record.state, lang) + ("（历史档案）" if record.legacy and zh else "")
        if column == COL_RECEIVED:
            return record.received_on.isoformat()
        if column == COL_SUBMITTED_BY:
            return record.submitted_by or ""
        if column == COL_DEADLINE:
            left = record.days_left
            if left is None:
                return ""
            if left < 0:
                return messages.text("filing.deadline.overdue", lang, days=-left)
            if left == 0:
                return messages.text("filing.deadline.today", lang)
            return messages.text("filing.deadline.left", lang, days=left)
        if column == COL_DUE:
            return record.due_on.isoformat() if record.due_on else ""
        return ""

    def _deadline_tip(self, record: FilingRecord) -> str:
        due = self.labels.date(record.due_on)
        return messages.text("filing.deadline.tip", self.lang, due=due)

    @staticmethod
    def _sort_value(record: FilingRecord, column: int) -> Any:
        if column == COL_DEADLINE:
            left = record.days_left
            return left if left is not None else 10**6
        if column in (COL_RECEIVED,):
            return record.received_on.isoformat()
        if column == COL_DUE:
            return record.due_on.isoformat() if record.due_on else "9999"
        return {COL_NUMBER: record.number, COL_KIND: record.kind, COL_ORG: record.organization_name,
                COL_APPLICANT: record.applicant, COL_STATE: record.state,
                COL_SUBMITTED_BY: record.submitted_by or ""}.get(column, "")
