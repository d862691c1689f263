"""The workbench's small forms and the four-eyes reasons its tabs show.

:class:`ActionDialog` is one form for every step (apply, score, decide, return, record, draw …): its fields in a
``QFormLayout`` (each label with an Alt key), the step run on the runner when 确定 is pressed, the service's
one-line refusal shown under the fields with the form left open, and an op's ``Changes`` announced on success so
that every loaded tab reloads.  :func:`why_not_decide` says why a decision is greyed for the current user.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)
from PySide6.QtCore import Qt

from civicdesk import clock
from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import auth
from civicdesk.ui.context import Changes
from civicdesk.ui.runner import Job

if TYPE_CHECKING:
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_field(value: date | None = None, *, optional: bool = False) -> QDateEdit:
    """A date with a calendar; ``optional``: its minimum shows 未填 and reads as None."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if optional:
        edit.setMinimumDate(QDate(1990, 1, 1))
        edit.setSpecialValueText(QCoreApplication.translate("SupervisionForms", "未填"))
        edit.setDate(qdate(value) if value else edit.minimumDate())
    else:
        edit.setDate(qdate(value or clock.today()))
    edit.setProperty("optional", optional)
    return edit


def choices(items: Sequence[tuple[str, Any]], current: Any = None) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def checklist(items: Sequence[tuple[str, str]], checked: Sequence[str] = ()) -> QListWidget:
    """Check boxes in a list (the materials received): ``(key, words)``."""
    widget = QListWidget()
    for key, words in items:
        item = QListWidgetItem(words)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(24 * max(len(items), 2) + 8)
    return widget


def read(widget: QWidget) -> Any:
    """A field's value: text stripped ("" as None), a combo's data, a number, a date (None when optional and
    unset), the checked keys of a checklist."""
    if isinstance(widget, QLineEdit):
        return widget.text().strip() or None
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip() or None
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QDateEdit):
        if widget.property("optional") and widget.date() == widget.minimumDate():
            return None
        return widget.date().toPython()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]
    raise TypeError(type(widget).__name__)


class ActionDialog(QDialog):
    """A form for one step; ``work(values)`` returns the op to run (or raises a refusal before it)."""

    succeeded = Signal(object)  # what the service returned

    def __init__(self, bench: SupervisionWorkbench, title: str, fields: Sequence[tuple[str, str, QWidget]],
                 work: Callable[[dict[str, Any]], Callable[[Job], Any]], *, done_text: str,
                 changes: Changes | None = None, note: str | None = None, ok_text: str | None = None) -> None:
        super().__init__(bench)
        self.bench, self.ctx, self.work, self.done_text = bench, bench.ctx, work, done_text
        self.changes = changes or Changes(extra={"supervision": True})
        self.setObjectName("supervision_form")
        self.setWindowTitle(title)
        self.setModal(True)
        self.fields = {key: widget for key, _label, widget in fields}
        form = QFormLayout()
        for key, label, widget in fields:
            widget.setObjectName(key)
            form.addRow(label, widget)
            if isinstance(widget, QPlainTextEdit):
                widget.setTabChangesFocus(True)
                widget.setMaximumHeight(90)
        layout = QVBoxLayout(self)
        if note:
            top = QLabel(note)
            top.setObjectName("note")
            top.setWordWrap(True)
            layout.addWidget(top)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())
        if fields:
            fields[0][2].setFocus()

    def values(self) -> dict[str, Any]:
        return {key: read(widget) for key, widget in self.fields.items()}

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.message(exc))
        self.error.setVisible(True)
        self.buttons.setEnabled(True)

    def save(self) -> None:
        try:
            op = self.work(self.values())
        except CivicDeskError as exc:  # refused before it reached the runner (a value the form reads wrong)
            self.show_error(exc)
            return
        self.buttons.setEnabled(False)
        self.error.setVisible(False)

        def done(result: Any) -> None:
            self.buttons.setEnabled(True)
            self.bench.say(self.done_text)
            self.succeeded.emit(result)
            self.accept()
            self.ctx.changed(self.changes)

        self.bench.run(op, done, key=f"form.{self.windowTitle()}", cancellable=False, on_failure=self.show_error)


# -- four eyes --------------------------------------------------------------------------------------------------------
def four_eyes_text() -> str:
    return QCoreApplication.translate(
        "SupervisionForms", "录入人、提交人不能对本记录作出决定：须由另一名审核人员决定（双人复核）。")


def why_not(ctx: AppContext, permission: str) -> str | None:
    """Why the user may not do what ``permission`` allows (not logged in, or the role); None when it may."""
    if ctx.may(permission) and not ctx.read_only:
        return None
    user = ctx.user
    if user is None:
        return QCoreApplication.translate("SupervisionForms", "只读：未登录。请从“系统 → 登录…”登录。")
    role = auth.role_label(user.role, ctx.lang)
    if permission == "supervise.decide":
        return QCoreApplication.translate(
            "SupervisionForms", "您的角色（%1）不能作出决定：须由审核人员或管理员决定。").replace("%1", role)
    return QCoreApplication.translate("SupervisionForms", "您的角色（%1）无权办理此事项。").replace("%1", role)


def why_not_decide(ctx: AppContext, entered_by: str | None, submitted_by: str | None) -> str | None:
    """Why the user cannot decide a record entered and submitted by these accounts; None when it can."""
    reason = why_not(ctx, "supervise.decide")
    if reason is not None:
        return reason
    user = ctx.user
    if user is not None and user.username in (entered_by, submitted_by):
        return four_eyes_text()
    return None
