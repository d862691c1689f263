"""Applying to end an organization: deregistration (注销登记, after liquidation), revocation (撤销登记, a penalty),
or for a community organization the withdrawal of its filing or guidance (注销备案/退出指导).

A small dialog: the reason, for a deregistration the "清算已完成" check box, the applicant and the documents;
it drafts and submits the filing; the register changes when a reviewer approves it.  Opened with ``filing`` (a
draft or returned one) it shows that filing and saving corrects it (the clerk then submits it again).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from civicdesk.errors import CivicDeskError
from civicdesk.services.filings import service as filings
from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.filings.org_filing import submit_filing_op, update_filing_op

ERROR_STYLE = "color: #b00020;"
KINDS = ("deregister", "revoke", "community_withdraw")


class EndFilingDialog(QDialog):
    filed = Signal(object)  # FilingRecord

    def __init__(self, ctx: AppContext, kind: str, organization_id: str, organization_name: str,
                 parent: QWidget | None = None, *, filing: filings.FilingRecord | None = None) -> None:
        super().__init__(parent)
        assert kind in KINDS
        self.ctx, self.kind, self.organization_id, self.filing = ctx, kind, organization_id, filing
        self._busy = False
        lang = "zh" if ctx.lang.startswith("zh") else "en"
        self.setWindowTitle(self.tr("申请%1").replace("%1", filings.kind_label(kind, lang)) if filing is None else
                            self.tr("修改申请事项 %1：%2").replace("%1", filing.number).replace("%2", organization_name))
        heading = QLabel(organization_name)
        heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText({"deregister": self.tr("如：经会员大会决议解散，清算完毕"),
                                        "revoke": self.tr("如：连续两年未参加年度检查，依法撤销登记"),
                                        "community_withdraw": self.tr("如：活动已停止，经成员会议决定退出")}[kind])
        self.reason.setMaximumHeight(90)
        self.liquidation = QCheckBox(self.tr("清算已完成（清算报告已备案）"))
        self.liquidation.setObjectName("liquidation_done")
        self.liquidation.setVisible(kind == "deregister")
        self.applicant = QLineEdit()
        self.applicant.setObjectName("applicant")
        self.documents = QLineEdit()
        self.documents.setObjectName("documents")
        self.documents.setPlaceholderText(self.tr("材料名称，以顿号或逗号分隔"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.reason.textChanged.connect(self.message.clear)  # what was said about the reason no longer holds
        self.liquidation.toggled.connect(self.message.clear)
        form = QFormLayout()
        form.addRow(self.tr("事由："), self.reason)
        if kind == "deregister":
            form.addRow("", self.liquidation)
        form.addRow(self.tr("申请人："), self.applicant)
        form.addRow(self.tr("申请材料："), self.documents)
        self.buttons = QDialogButtonBox()
        self.submit_button = self.buttons.addButton(self.tr("提交申请") if filing is None else self.tr("保存修改"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        self.submit_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        if filing is not None:
            self.reason.setPlainText(str(filing.changes.get("reason") or ""))
            self.liquidation.setChecked(bool(filing.changes.get("liquidation_done")))
            self.applicant.setText(filing.applicant)
            self.documents.setText("、".join(filing.documents))

    def data(self) -> dict[str, Any]:
        documents = [d.strip() for d in self.documents.text().replace("，", "、").replace(",", "、").split("、")]
        data: dict[str, Any] = {"organization_id": self.organization_id, "reason": self.reason.toPlainText().strip(),
                                "applicant": self.applicant.text().strip(), "documents": [d for d in documents if d]}
        if self.kind == "deregister":
            data["liquidation_done"] = self.liquidation.isChecked()
        return data

    def submit(self) -> None:
        if self._busy:
            return
        lang = "zh" if self.ctx.lang.startswith("zh") else "en"
        data = self.data()
        if not data["reason"]:  # said here at once; the service would refuse it too
            self.message.setText(CivicDeskError("filing.reason_required", kind=self.kind).message(lang))
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.kind == "deregister" and not data["liquidation_done"]:
            self.message.setText(CivicDeskError("filing.liquidation").message(lang))
            return
        self._busy = True
        self.submit_button.setEnabled(False)
        if self.filing is not None:  # corrected, not submitted: the clerk submits it from the filing dialog
            update_filing_op(ctx=self.ctx, filing_id=self.filing.id, data=data, on_success=self._done,
                             on_failure=self._failed, shown_version=self.filing.version)
            return
        submit_filing_op(ctx=self.ctx, kind=self.kind, data=data, on_success=self._done, on_failure=self._failed)

    def _done(self, record: filings.FilingRecord) -> None:
        self._busy = False
        extra: dict[str, Any] = {"filings": True, "filing_id": record.id}
        if self.filing is None:  # submitted: the main window says so
            extra["filing_number"] = record.number
        self.ctx.changed(Changes(extra=extra))
        self.filed.emit(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        self.message.setText(self.ctx.message(exc))
