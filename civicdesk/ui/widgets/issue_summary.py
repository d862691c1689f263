"""The foot of a record form: issues that have no row of their own, and a one-line count of what is wrong."""

from __future__ import annotations

import html
import re

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from civicdesk.ui.widgets.form_fields import COLORS
from civicdesk.ui.widgets.issue_board import Presentation


class IssueSummary(QWidget):
    """``show_presentation`` lists row-less issues in words and counts errors, pending required values, warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.general = QLabel(self)  # the registry, unknown fields: issues the form has no row for
        self.general.setWordWrap(True)
        self.general.hide()
        self.counts = QLabel(self)
        self.counts.setObjectName("issueSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.general)
        layout.addWidget(self.counts)

    def show_presentation(self, shown: Presentation) -> None:
        self.general.setText("<br>".join(_span(COLORS[severity], text) for severity, text in shown.general))
        self.general.setVisible(bool(shown.general))
        parts = []
        if not shown.blocking:
            parts.append(_span(COLORS["ok"], self.tr("可以保存")))
        if shown.errors:
            parts.append(_span(COLORS["error"], self.tr("%n 处错误", "", shown.errors)))
        if shown.pending:
            parts.append(_span(COLORS["calm"], self.tr("%n 项必填内容未填写（标 * 者）", "", shown.pending)))
        if shown.warnings:
            parts.append(_span(COLORS["warning"], self.tr("%n 处提示", "", shown.warnings)))
        self.counts.setText("　".join(parts))

    def text(self) -> str:
        """The count line as plain text (for tests)."""
        return html.unescape(re.sub(r"<[^>]+>", "", self.counts.text()))


def _span(color: str, text: str) -> str:
    return f'<span style="color:{color}">{html.escape(text)}</span>'
