"""One filing (申请事项) as the reviewer reads it, with the buttons that move it on.

What it asks for is shown as a diff against the register: each field with its value when the filing was
drafted, its value in the register now (highlighted when it differs: the record changed meanwhile, and
approving will be refused) and the value applied for; an establishment (or community) filing lists every
field and every person approval writes.  ID numbers and phones are masked; 显示完整号码 shows them to a user
with the right to see them (the service audits the reveal).  Below: the documents, the steps so far, a comment and
the 文号, and the buttons 修改 / 提交 / 开始审查 / 准予 / 不予 / 退回补正 / 撤回, each enabled only when the filing's
state allows it, the user's role permits it, and (for a decision) the user did not draft or submit it.  A filing
about an organization on a credit list shows a warning in red and in words under the heading (its list, decision
number and date, and that it does not bar the filing: the buttons are not affected).  What
the services refuse (four eyes, a stale record, no role) is shown in words above the buttons.  修改 (a draft or
a filing returned for correction) opens what the filing asks for in the organization form (or, for a
deregistration, revocation or withdrawal, its small dialog); saving corrects the filing, then 提交 again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from civicdesk import messages
from civicdesk.services.admin import auth
from civicdesk.services.filings import service as filings
from civicdesk.services.register import organizations
from civicdesk.services.filings.service import FilingRecord
from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.labels import Labels
from civicdesk.ui.filings.filing_table_model import DUE_SOON, OVERDUE, local_time
from civicdesk.ui.filings.four_eyes import four_eyes_text, why_not_decide
from civicdesk.ui.register.deregister_dialog import EndFilingDialog
from civicdesk.ui.register.org_form import OrgFormDialog

ACTIONS = ("submit", "review", "approve", "reject", "return", "withdraw")
CODE_KINDS = {"legal_form": "legal_form", "tier": "tier", "community_subtype": "community_subtype",
              "category": "category", "status": "status", "registration_mode": "registration_mode",
              "foundation_type": "foundation_type"}
DIVISIONS = ("division_code", "township_code", "community_code")
CHANGED_BACK = QColor("#ffe8a3")  # the register's value differs from the one the filing was drafted against
ERROR_STYLE = "color: #b00020;"
WARN_STYLE = "background: #fff4e0; color: #7a4a00; padding: 6px; border: 1px solid #f0c36d;"


def display_value(labels: Labels, field: str, value: Any) -> str:
    """A field's value in words: dictionary labels, division names, 是/否; empty as —."""
    if value is None or value == "":
        return "—"
    if field in CODE_KINDS:
        return labels.label(CODE_KINDS[field], str(value))
    if field in DIVISIONS:
        return labels.division(str(value))
    if isinstance(value, bool):
        return messages.label("value.yes" if value else "value.no", labels.lang)
    if isinstance(value, (list, dict)):
        return "、".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return str(value)


class FilingDialog(QDialog):
    loaded = Signal(object)  # FilingRecord, after every (re)load
    transitioned = Signal(str, object)  # action, the FilingRecord after it
    refused = Signal(str)  # the words shown

    def __init__(self, ctx: AppContext, labels: Labels, filing_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.labels, self.filing_id = ctx, labels, filing_id
        self.record: FilingRecord | None = None
        self._busy = False
        self.setObjectName("filing_dialog")
        self.setWindowTitle(self.tr("申请事项"))
        self.resize(980, 760)
        lang = "zh" if ctx.lang.startswith("zh") else "en"
        self._lang = lang

        self._build_facts()
        diff_box = self._build_diff()
        lower = self._build_lower()
        decision = self._build_decision()
        self._build_message()
        row = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        self.credit_warning = QLabel()  # the credit lists it is on: a warning, never a bar
        self.credit_warning.setObjectName("credit_warning")
        self.credit_warning.setWordWrap(True)
        self.credit_warning.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.credit_warning.setVisible(False)
        layout.addWidget(self.credit_warning)
        layout.addLayout(self.facts)
        layout.addWidget(self.stale)
        layout.addWidget(diff_box, 1)
        layout.addLayout(lower)
        layout.addLayout(decision)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.why_greyed = QLabel()  # why 准予/不予 are greyed, visible (not only in the tooltips)
        self.why_greyed.setObjectName("why_greyed")
        self.why_greyed.setWordWrap(True)
        self.why_greyed.setVisible(False)
        layout.addWidget(self.why_greyed)
        self.reload()

    def _build_facts(self) -> None:
        """The heading and the grid of facts (kind, state, organization, dates, people …)."""
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(18)
        self._fact_labels: dict[str, QLabel] = {}
        facts = (("kind", self.tr("事项类型")), ("state", self.tr("状态")), ("organization", self.tr("组织")),
                 ("applicant", self.tr("申请人")), ("received", self.tr("收件日期")),
                 ("complete", self.tr("材料齐全日期")), ("deadline", self.tr("办理期限")),
                 ("created_by", self.tr("起草人")), ("submitted_by", self.tr("提交人")),
                 ("decided_by", self.tr("决定人")), ("document_no", self.tr("文号")), ("comment", self.tr("意见")))
        for i, (key, text) in enumerate(facts):
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self._fact_labels[key] = value
            caption = QLabel(text + self.tr("："))
            caption.setStyleSheet("color: #555;")
            row, col = divmod(i, 3)
            self.facts.addWidget(caption, row, col * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(value, row, col * 2 + 1)
        for col in (1, 3, 5):
            self.facts.setColumnStretch(col, 1)

    def _build_diff(self) -> QGroupBox:
        """The filing's content against the register now, with the button that reveals full numbers."""
        self.stale = QLabel()
        self.stale.setObjectName("stale")
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(WARN_STYLE)
        self.stale.setVisible(False)
        self.diff = QTableWidget(0, 4)
        self.diff.setObjectName("diff")
        self.diff.setHorizontalHeaderLabels([self.tr("事项"), self.tr("起草时的值"), self.tr("现值"),
                                             self.tr("申请变更为")])
        self.diff.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff.verticalHeader().setVisible(False)
        self.diff.setWordWrap(True)
        self.diff.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.diff.horizontalHeader()
        header.resizeSection(0, 180)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        diff_box = QGroupBox(self.tr("申请事项内容（与登记簿现状对照）"))
        diff_layout = QVBoxLayout(diff_box)
        diff_layout.addWidget(self.diff)
        self.revealed = False
        self.reveal_button = QPushButton(self.tr("显示完整号码"))
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.setAutoDefault(False)
        may_reveal = self.ctx.user is not None and self.ctx.may("reveal_ids")
        self.reveal_button.setEnabled(may_reveal)
        self.reveal_button.setToolTip(self.tr("显示完整身份证号码和电话（记入审计）") if may_reveal else
                                      self.tr("身份证号码和电话已隐去部分数字：您无权查看完整号码。"))
        self.reveal_button.clicked.connect(self.reveal)
        reveal_row = QHBoxLayout()
        reveal_row.addStretch(1)
        reveal_row.addWidget(self.reveal_button)
        diff_layout.addLayout(reveal_row)
        return diff_box

    def _build_lower(self) -> QHBoxLayout:
        """The documents handed in, beside the steps taken so far."""
        self.documents = QListWidget()
        self.documents.setObjectName("documents")
        self.documents.setMaximumHeight(110)
        docs_box = QGroupBox(self.tr("申请材料"))
        QVBoxLayout(docs_box).addWidget(self.documents)
        self.steps = QTableWidget(0, 5)
        self.steps.setObjectName("steps")
        self.steps.setHorizontalHeaderLabels([self.tr("时间"), self.tr("操作"), self.tr("操作人"), self.tr("状态"),
                                              self.tr("意见")])
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.verticalHeader().setVisible(False)
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.steps.setMaximumHeight(150)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.verticalHeader().setDefaultSectionSize(24)
        steps_box = QGroupBox(self.tr("办理过程"))
        QVBoxLayout(steps_box).addWidget(self.steps)
        lower = QHBoxLayout()
        lower.addWidget(docs_box, 1)
        lower.addWidget(steps_box, 2)
        return lower

    def _build_decision(self) -> QFormLayout:
        """The reviewer's comment and the decision's document number."""
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("审查意见；不予或退回补正时必须写明理由"))
        self.comment.setMaximumHeight(70)
        self.document_no = QLineEdit()
        self.document_no.setObjectName("document_no")
        self.document_no.setPlaceholderText(self.tr("准予或不予决定的文号（可不填，默认用申请编号）"))
        decision = QFormLayout()
        decision.addRow(self.tr("意见："), self.comment)
        decision.addRow(self.tr("文号："), self.document_no)
        return decision

    def _build_message(self) -> None:
        """Where a refusal or failure is said."""
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _build_buttons(self) -> QHBoxLayout:
        """The row of actions: edit, the transitions of ACTIONS, close."""
        texts = {"submit": self.tr("提交"), "review": self.tr("开始审查"), "approve": self.tr("准予"),
                 "reject": self.tr("不予"), "return": self.tr("退回补正"), "withdraw": self.tr("撤回")}
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("修改"))
        self.edit_button.setObjectName("action_edit")
        self.edit_button.setAutoDefault(False)
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.edit)
        row.addWidget(self.edit_button)
        for action in ACTIONS:
            button = QPushButton(texts[action])
            button.setObjectName(f"action_{action}")
            button.setAutoDefault(False)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, a=action: self.act(a))
            self.buttons[action] = button
            row.addWidget(button)
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        return row

    # -- loading --------------------------------------------------------------------------------------------
    def reload(self) -> None:
        db, key, by, reveal = self.ctx.db, self.filing_id, self.ctx.user, self.revealed
        self.ctx.runner.run(lambda _job: filings.get_filing(db, key, by=by, reveal=reveal),
                            on_success=self.show_record,
                            on_failure=lambda exc: self.message.setText(self.ctx.message(exc)),
                            key=f"filing:{key}")

    def show_record(self, record: FilingRecord) -> None:
        self.record = record
        lang = self._lang
        self.setWindowTitle(self.tr("申请事项 %1").replace("%1", record.number))
        gap = "　" if lang == "zh" else "   "  # an ideographic space between Chinese words, plain ones in English
        self.heading.setText(gap.join((record.number, filings.kind_label(record.kind, lang), record.organization_name or "")))
        f = self._fact_labels
        f["kind"].setText(filings.kind_label(record.kind, lang) + (self.tr("（历史档案录入）") if record.legacy else ""))
        f["state"].setText(filings.state_label(record.state, lang))
        f["organization"].setText(record.organization_name or "—")
        f["applicant"].setText(record.applicant or "—")
        f["received"].setText(self.labels.date(record.received_on))
        f["complete"].setText(self.labels.date(record.complete_on) or "—")
        f["deadline"].setText(self._deadline_text(record))
        flag = record.deadline_flag
        f["deadline"].setStyleSheet(f"color: {OVERDUE.name()}; font-weight: bold;" if flag == "overdue" else
                                    f"color: {DUE_SOON.name()}; font-weight: bold;" if flag == "due_soon" else "")
        f["created_by"].setText(record.created_by)
        f["submitted_by"].setText(record.submitted_by or "—")
        f["decided_by"].setText(f"{record.decided_by}  {local_time(record.decided_at)}" if record.decided_by else "—")
        f["document_no"].setText(record.document_no or "—")
        f["comment"].setText(record.comment or "—")
        self._fill_credit(record)
        self._fill_diff(record)
        self.documents.clear()
        self.documents.addItems(list(record.documents) or [self.tr("（未登记材料）")])
        self._fill_steps(record)
        self._update_buttons()
        self.loaded.emit(record)

    def _fill_credit(self, record: FilingRecord) -> None:
        from civicdesk.services.supervision import credit

        lines = [credit.warning(x, self._lang) for x in record.credit_listings]
        if lines:
            lines.append(messages.text("credit_effects.filing_note", self._lang))
        self.credit_warning.setText("\n".join(lines))
        self.credit_warning.setVisible(bool(lines))

    def reveal(self) -> None:
        """Show the full ID numbers and phones (the service checks the right and audits the reveal)."""
        if self.ctx.user is None or not self.ctx.may("reveal_ids"):
            return
        self.revealed = True
        self.reveal_button.setEnabled(False)
        self.reload()

    def diff_rows(self) -> list[tuple[str, ...]]:
        """The visible rows of the diff as their texts (label, then the shown columns), for tests."""
        columns = [c for c in range(self.diff.columnCount()) if not self.diff.isColumnHidden(c)]
        return [tuple(self.diff.item(r, c).text() for c in columns) for r in range(self.diff.rowCount())]

    def fact(self, key: str) -> str:
        """The text shown for one fact (``state``, ``decided_by`` …), for tests."""
        return self._fact_labels[key].text()

    def _deadline_text(self, record: FilingRecord) -> str:
        due = self.labels.date(record.due_on) if record.due_on else "—"
        left = record.days_left
        if left is None:
            return due
        if left < 0:
            return self.tr("%1（已逾期 %2 天）").replace("%1", due).replace("%2", str(-left))
        return self.tr("%1（剩 %2 天）").replace("%1", due).replace("%2", str(left))

    def changed_meanwhile(self, record: FilingRecord | None = None) -> list[str]:
        """The fields whose register value differs from the value the filing was drafted against."""
        record = record or self.record
        if record is None or record.kind in filings.NEW_RECORD_KINDS or record.state not in (
                "draft", "submitted", "under_review", "returned"):
            return []
        return [d.field for d in record.diff if d.field in record.old_values and d.current != d.old]

    def _fill_diff(self, record: FilingRecord) -> None:
        new_record = record.kind in filings.NEW_RECORD_KINDS
        rows = [d for d in record.diff if d.new not in (None, "", False) or not new_record]
        self.diff.setRowCount(len(rows))
        self.diff.setColumnHidden(1, new_record)
        self.diff.setColumnHidden(2, new_record)
        changed = set(self.changed_meanwhile(record))
        bold = QFont()
        bold.setBold(True)
        for r, d in enumerate(rows):
            label = d.label if self._lang == "zh" else filings.field_label(d.field, "en")
            old = display_value(self.labels, d.field, d.old)
            current = display_value(self.labels, d.field, d.current) if d.field in record.old_values else "—"
            cells = (label, old, current, display_value(self.labels, d.field, d.new))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setFont(bold)
                if c == 2 and d.field in changed:
                    item.setBackground(QBrush(CHANGED_BACK))
                    item.setToolTip(self.tr("起草后登记簿中的值已改变"))
                self.diff.setItem(r, c, item)
        self.diff.resizeRowsToContents()
        if changed:
            self.stale.setText(self.tr("起草后“%1”的登记信息已被修改（标黄的现值与起草时不同）：不能按原申请核准，"
                                       "请退回经办人按现状重新核对。").replace("%1", record.organization_name))
        self.stale.setVisible(bool(changed))

    def _fill_steps(self, record: FilingRecord) -> None:
        self.steps.setRowCount(len(record.steps))
        for r, step in enumerate(record.steps):
            action = filings.ACTION_LABELS.get(step.action, ("起草", "drafted") if step.action == "draft"
                                               else (step.action, step.action))[0 if self._lang == "zh" else 1]
            if step.action == "draft":
                action = "起草" if self._lang == "zh" else "drafted"
            states = (f"{filings.state_label(step.from_state, self._lang)} → " if step.from_state else "") + \
                filings.state_label(step.to_state, self._lang)
            for c, text in enumerate((local_time(step.at), action, step.actor, states, step.comment or "")):
                self.steps.setItem(r, c, QTableWidgetItem(text))
        self.steps.resizeColumnsToContents()
        self.steps.horizontalHeader().setStretchLastSection(True)

    # -- what the user may do ---------------------------------------------------------------------------------
    def why_not(self, action: str) -> str | None:
        """Why ``action`` is not offered now, in words; None when it is."""
        record = self.record
        if record is None:
            return self.tr("正在载入…")
        sources, _target, permission, _comment = filings.TRANSITIONS[action]
        if record.state not in sources:
            return self.tr("当前状态为“%1”，不能办理此操作。").replace("%1", filings.state_label(record.state, self._lang))
        if not self.ctx.may(permission):
            user = self.ctx.user
            role = auth.role_label(user.role, self._lang) if user else self.tr("只读")
            return self.tr("您的角色（%1）无权办理此操作。").replace("%1", role)
        user = self.ctx.user
        if action in filings.FOUR_EYES and user is not None and user.username in (record.created_by,
                                                                                   record.submitted_by):
            return four_eyes_text()
        return None

    def why_not_edit(self) -> str | None:
        """Why 修改 is not offered now, in words; None when it is."""
        record = self.record
        if record is None:
            return self.tr("正在载入…")
        if record.state not in ("draft", "returned"):
            return self.tr("只有草稿或退回补正的申请事项可以修改。")
        if not self.ctx.may("filing.draft"):
            user = self.ctx.user
            role = auth.role_label(user.role, self._lang) if user else self.tr("只读")
            return self.tr("您的角色（%1）无权办理此操作。").replace("%1", role)
        return None

    def _update_buttons(self) -> None:
        for action, button in self.buttons.items():
            reason = None if self._busy else self.why_not(action)
            button.setEnabled(reason is None and not self._busy)
            button.setToolTip(reason or "")
        greyed = None if self._busy else why_not_decide(self.ctx, self.record)
        self.why_greyed.setText(greyed or "")
        self.why_greyed.setVisible(bool(greyed))
        reason = None if self._busy else self.why_not_edit()
        self.edit_button.setEnabled(reason is None and not self._busy)
        self.edit_button.setToolTip(reason or self.tr("修改申请内容，保存后再提交"))
        editable = self.record is not None and self.record.state in ("submitted", "under_review")
        self.comment.setEnabled(editable or (self.record is not None and self.record.state in ("draft", "returned")))
        self.document_no.setEnabled(editable)

    # -- acting -----------------------------------------------------------------------------------------------
    def act(self, action: str) -> None:
        """Do ``action`` (as its button does; a disabled button never gets here, a test or a stale view may);
        refusals are shown in words."""
        if self._busy or self.record is None:
            return
        # No second guessing here: the service checks state, role, four eyes and the reason, and writes every
        # refusal to the audit trail; the words come back to ``message``.
        comment = self.comment.toPlainText().strip()
        self._busy = True
        self._update_buttons()
        self.message.clear()
        db, key, by, shown = self.ctx.db, self.record.id, self.ctx.user, self.record.version
        document_no = self.document_no.text().strip() or None

        def run(_job: Any) -> FilingRecord:
            return filings.transition(db, key, action, by=by, comment=comment or None, shown_version=shown,
                                      document_no=document_no if action in ("approve", "reject") else None)

        self.ctx.runner.run(run, on_success=lambda record: self._done(action, record), on_failure=self._failed)

    def edit(self) -> QDialog | None:
        """Open what the filing asks for, to correct it (the form for a record or its changes, the small dialog
        for a deregistration, revocation or withdrawal); returns the dialog, shown modeless."""
        record = self.record
        if self._busy or record is None or self.why_not_edit() is not None:
            return None
        dialog: QDialog
        if record.kind in ("deregister", "revoke", "community_withdraw"):
            dialog = EndFilingDialog(self.ctx, record.kind, record.organization_id or "", record.organization_name,
                                     self, filing=record)
        else:
            current = None
            if record.kind not in filings.NEW_RECORD_KINDS and record.organization_id:
                try:
                    current = organizations.get_organization(self.ctx.db, record.organization_id,
                                                        reveal=self.ctx.may("reveal_ids")).to_json()
                except Exception as exc:  # noqa: BLE001 - shown in words
                    self._refuse(self.ctx.message(exc))
                    return None
            dialog = OrgFormDialog(self.ctx, self, record=current, filing=record)
        dialog.filed.connect(self._edited)  # type: ignore[attr-defined]
        dialog.open()
        return dialog

    def _edited(self, record: FilingRecord) -> None:
        self.show_record(record)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("已修改。核对无误后请点“提交”。"))

    def _refuse(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        self.refused.emit(text)

    def _done(self, action: str, record: FilingRecord) -> None:
        self._busy = False
        self.comment.clear()
        self.document_no.clear()
        self.show_record(record)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("已%1。").replace("%1", filings.ACTION_LABELS[action][self.ctx.lang != "zh"]))
        org_ids = (record.organization_id,) if record.organization_id else ()
        self.ctx.changed(Changes(organizations=action == "approve", organization_ids=org_ids,
                                 extra={"filings": True, "filing_id": record.id, "action": action}))
        self.transitioned.emit(action, record)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._refuse(self.ctx.message(exc))
        self._update_buttons()
        self.ctx.changed(Changes(extra={"filings": True}))  # a refusal is in the audit trail: viewers reload
        self.reload()  # the record may have moved on (another reviewer, a changed register)
