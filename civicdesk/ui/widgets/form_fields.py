"""Editors and rows for record forms.

* :class:`CodeCombo`: a combo box that shows a dictionary's labels and holds its codes, optionally empty;
* :class:`DateField`: a date typed as 2021-08-20 (or picked from a calendar) that may stay empty, which a
  ``QDateEdit`` cannot;
* :func:`number_edit`: a line edit that accepts digits (and a decimal point), empty allowed;
* :class:`FieldBox` and :class:`RowLabel`: one row of a form, with the row's messages in words under its
  editors (red errors, amber warnings) and a calm ``*`` on the label for a required value not yet given;
* :func:`editor_value`, :func:`set_editor_value`, :func:`value_changed_signal`: one way to read, fill and
  watch any of these editors;
* :class:`DivisionCascade`: county -> township -> village/community combos that fill each other.

The editors only collect text; what the text means is the services' business (they parse and validate it).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QDate, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator, QWheelEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

#: Colours of messages; the amber is dark enough to read on white.
COLORS = {"error": "#c62828", "warning": "#9a6700", "calm": "#6b7280", "ok": "#2e7d32"}


class CodeCombo(QComboBox):
    """Dictionary labels shown, codes held (``code()``); the first item may be an empty choice."""

    def __init__(self, items: Iterable[tuple[str, str]] = (), *, placeholder: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.set_items(items, placeholder=placeholder)

    def wheelEvent(self, event: QWheelEvent) -> None:  # Qt override
        # Scrolling the form over a combo must not change the value under the pointer.
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def set_items(self, items: Iterable[tuple[str, str]], *, placeholder: str | None = None) -> None:
        """Replace the choices by ``(code, label)`` pairs, keeping the current code when it is still there."""
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if placeholder is not None:
            self.addItem(placeholder, None)
        for code, text in items:
            self.addItem(text, code)
        index = self.findData(current) if current is not None else -1
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        if self.code() != current:
            self.currentIndexChanged.emit(self.currentIndex())

    def code(self) -> str | None:
        data = self.currentData()
        return None if data in (None, "") else str(data)

    def set_code(self, code: str | None) -> None:
        """Select ``code``; a code missing from the dictionary is kept as its own item so validation names it."""
        if code in (None, ""):
            self.setCurrentIndex(0 if self.count() and self.itemData(0) is None else -1)
            return
        index = self.findData(code)
        if index < 0:
            self.addItem(str(code), code)
            index = self.count() - 1
        self.setCurrentIndex(index)


class DateField(QWidget):
    """A date as text (2021-08-20, 2021/8/20, 2021年8月20日 …) with a calendar button; empty means no date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("例：2021-08-20"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaxLength(20)
        metrics = self.edit.fontMetrics()  # room for the example and the clear button
        self.edit.setMinimumWidth(metrics.horizontalAdvance(self.edit.placeholderText()) + 2 * metrics.height() + 4)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(self.tr("从日历中选择"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from date to date, not via the button
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.changed)
        self.button.clicked.connect(self.open_calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str | None) -> None:  # the Qt spelling, like QLineEdit
        self.edit.setText(text or "")

    def open_calendar(self) -> None:
        """Show the calendar under the field, on the typed date if there is one (non-blocking popup)."""
        typed = QDate.fromString(self.text(), "yyyy-MM-dd")
        self.calendar.setSelectedDate(typed if typed.isValid() else QDate.currentDate())
        self.menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.menu.close()
        self.edit.setText(day.toString("yyyy-MM-dd"))
        self.edit.setFocus()


def number_edit(*, decimals: int = 0, parent: QWidget | None = None) -> QLineEdit:
    """A line edit for a non-negative number (full-width digits allowed: the services normalise them)."""
    edit = QLineEdit(parent)
    digits = "[0-9０-９]"
    pattern = f"{digits}{{0,12}}" + (f"([.．]{digits}{{0,{decimals}}})?" if decimals else "")
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return edit


class RowLabel(QLabel):
    """A row's label; ``set_marked(True)`` adds a calm red ``*`` for a required value not yet given."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base = text
        self.marked = False
        # Level with the editor at the top of the row, not centred on the editor and the messages under it.
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        editor_height = QLineEdit().sizeHint().height()
        self.setContentsMargins(0, max((editor_height - self.fontMetrics().height()) // 2, 0), 0, 0)
        self.setMinimumHeight(editor_height)
        self._render()

    def set_marked(self, marked: bool) -> None:
        if marked != self.marked:
            self.marked = marked
            self._render()

    def _render(self) -> None:
        star = f' <span style="color:{COLORS["error"]}">*</span>' if self.marked else ""
        self.setText(f"{html.escape(self.base)}{star}")


class FieldBox(QWidget):
    """A form row's editors side by side, and under them the row's messages, each in its colour."""

    def __init__(self, *parts: QWidget | str, label: RowLabel | None = None, stretch: str = "all",
                 parent: QWidget | None = None) -> None:
        """``stretch``: which editors take the row's width: ``all``, the ``last`` one, or ``none``."""
        super().__init__(parent)
        self.label = label
        self.editors = [p for p in parts if isinstance(p, QWidget)]
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for part in parts:
            if isinstance(part, str):
                row.addWidget(QLabel(part, self))
            else:
                grow = stretch == "all" or (stretch == "last" and part is self.editors[-1])
                row.addWidget(part, 1 if grow else 0)
        if stretch == "none":
            row.addStretch(1)
        column.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("fieldMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        font = self.message.font()
        font.setPointSizeF(max(font.pointSizeF() - 1, 8))
        self.message.setFont(font)
        self.message.hide()
        column.addWidget(self.message)
        self._plain = ""

    def show_messages(self, items: list[tuple[str, str]]) -> None:
        """``(severity, text)`` pairs under the editors; an empty list hides the message line."""
        self._plain = "\n".join(text for _, text in items)
        if not items:
            self.message.clear()
            self.message.hide()
            return
        lines = [f'<span style="color:{COLORS.get(sev, COLORS["error"])}">{html.escape(text)}</span>'
                 for sev, text in items]
        self.message.setText("<br>".join(lines))
        self.message.show()

    def message_text(self) -> str:
        """The messages shown, as plain text (for tests and accessibility)."""
        return self._plain


def editor_value(editor: QWidget) -> Any:
    """What an editor holds: a code, a bool, or stripped text (``None`` when empty)."""
    if isinstance(editor, CodeCombo):
        return editor.code()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText().strip() or None
    if isinstance(editor, QLineEdit | DateField):
        return editor.text().strip() or None
    raise TypeError(type(editor).__name__)


def set_editor_value(editor: QWidget, value: Any) -> None:
    """Put a value from a record (code, bool, number, ISO date or text) into an editor."""
    if isinstance(editor, CodeCombo):
        editor.set_code(None if value is None else str(value))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText("" if value is None else str(value))
    elif isinstance(editor, QLineEdit | DateField):
        editor.setText("" if value is None else str(value))
    else:
        raise TypeError(type(editor).__name__)


def value_changed_signal(editor: QWidget) -> Any:
    """The signal an editor emits whenever its value changes (typed, picked or set)."""
    if isinstance(editor, CodeCombo):
        return editor.currentIndexChanged
    if isinstance(editor, QCheckBox):
        return editor.toggled
    if isinstance(editor, DateField):
        return editor.changed
    if isinstance(editor, QLineEdit | QPlainTextEdit):
        return editor.textChanged
    raise TypeError(type(editor).__name__)


class DivisionCascade(QObject):
    """Three combos, county -> township -> village/community, each filled with the children of the one above.

    ``children(code)`` gives ``(code, label)`` pairs under a division; results are cached for the form's life
    (the division tree does not change while a form is open).
    """

    def __init__(self, combos: tuple[CodeCombo, ...], children: Callable[[str], list[tuple[str, str]]],
                 placeholder: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.combos = combos
        self._children = children
        self._cache: dict[str, list[tuple[str, str]]] = {}
        self.placeholder = placeholder
        for level, combo in enumerate(combos[:-1]):
            combo.currentIndexChanged.connect(lambda _index, level=level: self.refill(level + 1))
        self.refill(1)

    def refill(self, level: int) -> None:
        """Fill the combo at ``level`` from the choice above it (keeping its code if still there)."""
        parent = self.combos[level - 1].code()
        if parent and parent not in self._cache:
            self._cache[parent] = self._children(parent)
        self.combos[level].set_items(self._cache.get(parent or "", []), placeholder=self.placeholder)
        if level + 1 < len(self.combos):
            self.refill(level + 1)
