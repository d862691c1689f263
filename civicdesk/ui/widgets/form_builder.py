"""Builds a grouped record form and keeps track of its parts: editors by field, rows by key, tab order.

A dialog owns one :class:`FormBuilder`; it adds groups (``QGroupBox`` + ``QFormLayout``) and rows of editors
in the order they appear on paper, and the builder remembers which row each editor belongs to (so a message
about a field lands under the right row), which editor leaving means "the clerk has been here", and the tab
order, which follows the order of creation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from civicdesk.ui.widgets.form_fields import (
    CodeCombo,
    DateField,
    FieldBox,
    RowLabel,
    value_changed_signal,
)


class FormBuilder:
    """Groups, rows and editors of one form; ``on_changed`` runs on every change of any editor's value."""

    def __init__(self, *, on_changed: Callable[[], None], focus_watcher: QObject) -> None:
        self.on_changed = on_changed
        self.focus_watcher = focus_watcher  # gets the editors' focus events through an event filter
        self.editors: dict[str, QWidget] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.row_of_focus: dict[QObject, str] = {}
        self.chain: list[QWidget] = []
        self._forms: dict[str, QFormLayout] = {}
        self._labels: dict[int, list[RowLabel]] = {}  # id(form) -> its row labels

    def group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        return group, form

    def row(self, form: QFormLayout, key: str, label: str, *parts: QWidget | str, stretch: str = "all") -> FieldBox:
        """A labelled row of editors (and small words between them) with its message line."""
        row_label = RowLabel(label)
        box = FieldBox(*parts, label=row_label, stretch=stretch)
        form.addRow(row_label, box)
        self._labels.setdefault(id(form), []).append(row_label)
        self.boxes[key] = box
        self._forms[key] = form
        for part in parts:
            if isinstance(part, QWidget):
                focus = part.edit if isinstance(part, DateField) else part
                self.row_of_focus.setdefault(focus, key)
        return box

    def message_row(self, form: QFormLayout, key: str) -> FieldBox:
        """A row of messages only, across the whole width (issues about a group, not one field)."""
        box = FieldBox()
        form.addRow(box)
        self.boxes[key] = box
        return box

    def add(self, key: str, editor: QWidget) -> QWidget:
        """Register an editor for field ``key``: watched for changes and focus, next in the tab order."""
        self.editors[key] = editor
        editor.setObjectName(key)
        focus = editor.edit if isinstance(editor, DateField) else editor
        focus.installEventFilter(self.focus_watcher)
        self.chain.append(focus)
        value_changed_signal(editor).connect(self.on_changed)
        return editor

    def line(self, key: str, max_len: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_len)
        self.add(key, edit)
        return edit

    def combo(self, key: str, items: Iterable[tuple[str, str]] = (), placeholder: str | None = None) -> CodeCombo:
        combo = CodeCombo(items, placeholder=placeholder)
        self.add(key, combo)
        return combo

    def date(self, key: str) -> DateField:
        field = DateField()
        self.add(key, field)
        return field

    def text(self, key: str, lines: int = 3) -> QPlainTextEdit:
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)  # Tab moves on, as in every other field
        text.setFixedHeight(text.fontMetrics().lineSpacing() * lines + 14)
        self.add(key, text)
        return text

    def align_labels(self, *forms: QFormLayout) -> None:
        """One label width for several groups stacked in a column, so their fields start at one line."""
        labels = [label for form in forms for label in self._labels.get(id(form), [])]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def set_row_visible(self, key: str, visible: bool) -> None:
        self._forms[key].setRowVisible(self.boxes[key], visible)

    def finish_tab_order(self, *more: QWidget) -> None:
        """Tab goes through the editors in the order they were added, then through ``more`` (the buttons)."""
        chain = [*self.chain, *more]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
