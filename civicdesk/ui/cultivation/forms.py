"""The 培育 workbench's forms: the 监管 workbench's :class:`ActionDialog`, checked as typed.

Each field may have a check (``checks``: field -> a function of the form's values that raises the service's own
refusal, e.g. ``community.day`` for a day not in the future); the check runs whenever the field changes, and a
field that fails turns red with the one line of the refusal under the fields, before anything is saved.  On 确定
every check runs again, then the row's whole check (``row_check``: the service's ``check_*`` of the row), and only
then the step goes to the runner, where the service decides (and may still refuse: its line shows the same way).

:class:`HoursTable` is the hours each volunteer served at an activity: a row per volunteer of the team, the hours
typed in the second column (empty: did not serve), each checked by ``volunteers.check_hours``.
:class:`AwardsTable` is a points scheme's award thresholds: the points, the title in Chinese and in English, a row
each (a row left empty is none).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QHeaderView, QLineEdit, QPlainTextEdit, QSpinBox, QTableWidget,
    QTableWidgetItem, QWidget,
)

from civicdesk.errors import CivicDeskError, ValidationError
from civicdesk.services.cultivation import volunteers
from civicdesk.ui.context import Changes
from civicdesk.ui.runner import Job
from civicdesk.ui.supervision.forms import ActionDialog, read

if TYPE_CHECKING:
    from civicdesk.ui.supervision.workbench import Workbench

RED = "background-color: #fde7e9; border: 1px solid #b00020;"
RED_CELL = QColor("#fde7e9")

Check = Callable[[dict[str, Any]], Any]


def field_of(exc: CivicDeskError) -> str | None:
    """The field a refusal names (``field``, or the first issue's)."""
    if isinstance(exc, ValidationError) and exc.issues:
        return exc.issues[0].field
    name = exc.params.get("field")
    return name if isinstance(name, str) else None


class HoursTable(QTableWidget):
    """The volunteers of a team, each with the hours served (typed; empty: did not serve)."""

    def __init__(self, people: Sequence[tuple[str, str]], max_hours: int, parent: QWidget | None = None) -> None:
        super().__init__(len(people), 2, parent)
        self.max_hours = max_hours
        self.setHorizontalHeaderLabels([self.tr("志愿者"), self.tr("服务时长（小时）")])
        self.verticalHeader().setVisible(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, 150)
        for row, (key, name) in enumerate(people):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, 0, item)
            self.setItem(row, 1, right_aligned(""))
        self.setMinimumHeight(min(24 * max(len(people), 3) + 30, 260))

    def set_hours(self, row: int, text: str) -> None:
        self.item(row, 1).setText(text)

    def hours(self) -> dict[str, str]:
        """volunteer id -> the hours typed (the rows left empty are not there)."""
        out = {}
        for row in range(self.rowCount()):
            text = self.item(row, 1).text().strip()
            if text:
                out[str(self.item(row, 0).data(Qt.ItemDataRole.UserRole))] = text
        return out

    def check(self) -> CivicDeskError | None:
        """Each typed hours by ``volunteers.check_hours``: a bad cell turns red; the first refusal."""
        first = None
        for row in range(self.rowCount()):
            cell = self.item(row, 1)
            text = cell.text().strip()
            error = None
            if text:
                try:
                    volunteers.check_hours({"hours": text}, self.max_hours)
                except CivicDeskError as exc:
                    error = exc
            cell.setBackground(QBrush(RED_CELL) if error else QBrush())
            first = first or error
        return first


def right_aligned(text: str) -> QTableWidgetItem:
    """A cell for a figure (hours, points): typed and read on the right, as in every ledger."""
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class AwardsTable(QTableWidget):
    """A points scheme's award thresholds: points, Chinese title, English title (see the module)."""

    def __init__(self, awards: Sequence[dict[str, Any]], blank: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(len(awards) + blank, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("积分"), self.tr("表彰名称（中文）"), self.tr("表彰名称（英文）")])
        self.verticalHeader().setVisible(False)
        self.setColumnWidth(0, 80)
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row in range(self.rowCount()):
            a = awards[row] if row < len(awards) else {}
            self.setItem(row, 0, right_aligned(str(a.get("points", ""))))
            self.setItem(row, 1, QTableWidgetItem(str(a.get("zh", ""))))
            self.setItem(row, 2, QTableWidgetItem(str(a.get("en", ""))))
        self.setMinimumHeight(min(24 * self.rowCount() + 30, 200))

    def set_award(self, row: int, points: str, zh: str, en: str) -> None:
        for column, text in enumerate((points, zh, en)):
            self.item(row, column).setText(text)

    def awards(self) -> list[dict[str, Any]]:
        """The rows typed in, in order: points a whole number where they read as one (the scheme's rule judges)."""
        out = []
        for row in range(self.rowCount()):
            points, zh, en = (self.item(row, c).text().strip() for c in range(3))
            if points or zh or en:
                out.append({"points": int(points) if points.isdigit() and len(points) < 12 else points,
                            "zh": zh, "en": en})
        return out


class CheckedForm(ActionDialog):
    """An :class:`ActionDialog` whose fields are checked as they are typed (see the module)."""

    def __init__(self, bench: Workbench, title: str, fields: Sequence[tuple[str, str, QWidget]],
                 work: Callable[[dict[str, Any]], Callable[[Job], Any]], *, done_text: str, changes: Changes,
                 checks: dict[str, Check] | None = None, row_check: Check | None = None,
                 note: str | None = None) -> None:
        self.checks = checks or {}
        self.row_check = row_check
        self.touched: set[str] = set()
        super().__init__(bench, title, fields, work, done_text=done_text, changes=changes,  # type: ignore[arg-type]
                         note=note)
        self.setObjectName("cultivation_form")
        for key, widget in self.fields.items():
            self._watch(key, widget)

    def _watch(self, key: str, widget: QWidget) -> None:
        def typed(*_args: Any) -> None:
            self.touched.add(key)
            self.validate()

        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(typed)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(typed)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(typed)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(typed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(typed)
        elif isinstance(widget, (HoursTable, AwardsTable)):
            widget.cellChanged.connect(typed)

    def values(self) -> dict[str, Any]:
        return {key: widget.hours() if isinstance(widget, HoursTable)
                else widget.awards() if isinstance(widget, AwardsTable) else read(widget)
                for key, widget in self.fields.items()}

    def validate(self, every: bool = False) -> CivicDeskError | None:
        """Run the checks of the fields typed in (``every``: all of them, then the row's): red fields, one line."""
        values = self.values()
        first: CivicDeskError | None = None
        for key, widget in self.fields.items():
            error = None
            if isinstance(widget, HoursTable):
                error = widget.check() if (every or key in self.touched) else None
            elif key in self.checks and (every or key in self.touched):
                try:
                    self.checks[key](values)
                except CivicDeskError as exc:
                    error = exc
            self.mark(widget, error)
            first = first or error
        if first is None and every and self.row_check is not None:
            try:
                self.row_check(values)
            except CivicDeskError as exc:
                first = exc
                name = field_of(exc)
                if name in self.fields:
                    self.mark(self.fields[name], exc)
        if first is None:
            self.error.setVisible(False)
        else:
            self.error.setText(self.ctx.message(first))
            self.error.setVisible(True)
        return first

    def mark(self, widget: QWidget, error: CivicDeskError | None) -> None:
        if isinstance(widget, HoursTable):
            widget.setToolTip(self.ctx.message(error) if error else "")
            return
        widget.setStyleSheet(RED if error else "")
        widget.setToolTip(self.ctx.message(error) if error else "")
        widget.setProperty("refused", error is not None)

    def show_error(self, exc: BaseException) -> None:
        """The service's refusal under the fields, and the field it names red."""
        super().show_error(exc)
        if isinstance(exc, CivicDeskError) and field_of(exc) in self.fields:
            self.mark(self.fields[str(field_of(exc))], exc)

    def save(self) -> None:
        if self.validate(every=True) is not None:
            return
        super().save()
