"""A window showing one organization (Enter on the register); Esc closes it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from civicdesk.ui.context import AppContext
from civicdesk.ui.register.detail_pane import DetailPane
from civicdesk.ui.labels import Labels


class OrgViewDialog(QDialog):
    def __init__(self, ctx: AppContext, labels: Labels, org_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("org_view")
        self.setWindowTitle(self.tr("组织信息"))
        self.resize(640, 720)
        layout = QVBoxLayout(self)
        self.pane = DetailPane(ctx, labels, self)
        layout.addWidget(self.pane)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        geometry = ctx.settings.value("org_view/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self.pane.show_organization(org_id)

    def done(self, result: int) -> None:
        self.ctx.settings.setValue("org_view/geometry", self.saveGeometry())
        super().done(result)
