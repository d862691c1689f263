"""Questions a window asks the clerk, each behind one function so that windows can be tested without them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("questions", text)


def ask_unsaved_changes(parent: QWidget) -> str:
    """保存 / 放弃 / 取消 for a window with unsaved changes: ``"save"``, ``"discard"`` or ``"cancel"``."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("尚未保存"), _tr("本表有尚未保存的修改。要保存吗？"), parent=parent)
    save = box.addButton(_tr("保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("放弃"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)  # Esc on the question keeps the window open, as 取消 does
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"
