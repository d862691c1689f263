"""Merging a sync conflict field by field: for each conflicting field the reviewer keeps this office's value,
the other office's, or (for a plain text field) types one.  The window resolves the conflict with the chosen
values (``conflicts.resolve_conflict(..., "merge", values)``) after a confirmation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from civicdesk.services.filings import service as filings
from civicdesk.services.sync import conflicts

LOCAL, REMOTE, TYPED = 0, 1, 2


class MergeDialog(QDialog):
    """One row per conflicting field: ( ) this office's value  ( ) the other's  ( ) typed [____]."""

    def __init__(self, conflict: conflicts.ConflictView, typed: dict[str, int | None], lang: str = "zh",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(self.tr("逐项合并冲突"))
        self.setMinimumWidth(820)
        grid = QGridLayout()
        for col, text in enumerate((self.tr("字段"), self.tr("本单位的值"), self.tr("对方（{office}）的值")
                                    .format(office=conflict.remote_office), self.tr("自行填写"))):
            header = QLabel(f"<b>{text}</b>")
            grid.addWidget(header, 0, col)
        self.groups: dict[str, QButtonGroup] = {}
        self.edits: dict[str, QLineEdit] = {}
        for row, name in enumerate(conflict.fields, 1):
            label = filings.field_label(name, lang) if conflict.entity == "organization" else name
            grid.addWidget(QLabel(label if label == name else f"{label}\n({name})"), row, 0)
            group = QButtonGroup(self)
            local = QRadioButton(self.shown(conflict.local_values.get(name)))
            remote = QRadioButton(self.shown(conflict.remote_values.get(name)))
            for button in (local, remote):
                button.setObjectName(f"{name}:{'local' if button is local else 'remote'}")
            group.addButton(local, LOCAL)
            group.addButton(remote, REMOTE)
            grid.addWidget(local, row, 1)
            grid.addWidget(remote, row, 2)
            if name in typed:
                own = QRadioButton()
                own.setObjectName(f"{name}:typed")
                held = conflict.current_values.get(name)
                edit = QLineEdit("" if held is None else str(held))
                edit.setObjectName(f"{name}:edit")
                if typed[name]:
                    edit.setMaxLength(typed[name])
                edit.setMinimumWidth(260)
                edit.setEnabled(False)
                own.toggled.connect(edit.setEnabled)
                edit.textEdited.connect(lambda _text, b=own: b.setChecked(True))
                group.addButton(own, TYPED)
                cell = QWidget()
                line = QGridLayout(cell)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(own, 0, 0)
                line.addWidget(edit, 0, 1)
                grid.addWidget(cell, row, 3)
                self.edits[name] = edit
            # start from the value held now (the provisional winner's)
            current = conflict.current_values.get(name)
            (remote if current == conflict.remote_values.get(name) != conflict.local_values.get(name)
             else local).setChecked(True)
            self.groups[name] = group
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 2)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        note = QLabel(self.tr("记录：{label}。请为每个字段选择要保留的值；合并结果将成为新版本，并在下次同步时发给对方。")
                      .format(label=conflict.label))
        note.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.merge_button = QPushButton(self.tr("按所选合并"))
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def shown(self, value: Any) -> str:
        if value is None or value == "":
            return self.tr("（空）")
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        return str(value)

    def choose(self, name: str, side: int, text: str | None = None) -> None:
        """Pick a side for ``name`` (LOCAL, REMOTE, or TYPED with ``text``): what a click does; for tests."""
        self.groups[name].button(side).setChecked(True)
        if side == TYPED and text is not None:
            self.edits[name].setText(text)

    def values(self) -> dict[str, Any]:
        """The merged value of every conflicting field, as JSON values (what ``resolve_conflict`` takes)."""
        out: dict[str, Any] = {}
        for name, group in self.groups.items():
            side = group.checkedId()
            if side == TYPED:
                out[name] = self.edits[name].text()
            elif side == REMOTE:
                out[name] = self.conflict.remote_values.get(name)
            else:
                out[name] = self.conflict.local_values.get(name)
        return out
