"""The workbench's 举报投诉 tab: complaints and reports, the reporter kept confidential.

The table shows when it was received, the channel, whom it is about, its state, the clerk it is assigned to, the
day the reply is due and, for one not replied by then, 逾期 N 天 in red.  It never shows who reported it: the
reporter's name, phone and address are written by 登记举报… and read back only by 查看举报人… (a holder of
``complaints.reporter``, greyed with the reason for anyone else), each reading audited by the service, which the
dialog says.  只看逾期 asks the service for the overdue ones (soonest due first).  Actions: 登记举报…, 分派…,
答复…, 关联抽查… (a check drawn for the organization it is about), 查看举报人…, 监管记录….
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
)

from civicdesk import clock
from civicdesk.errors import InputError
from civicdesk.services.supervision import complaints
from civicdesk.ui.context import Changes
from civicdesk.ui.supervision.forms import ActionDialog, choices, date_field, why_not
from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import BAD, Column

if TYPE_CHECKING:
    from civicdesk.services.supervision.complaints import ComplaintInfo, ReporterInfo
    from civicdesk.services.supervision.spotcheck import ItemRow
    from civicdesk.ui.supervision.timeline_dialog import TimelineDialog
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


class ComplaintsTab(CampaignTab):
    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench, "complaint", text_columns=(2,))
        lang = self.ctx.lang
        self.search.setPlaceholderText(self.tr("按被举报对象名称筛选"))
        self.assignees: list[tuple[str, str]] = []  # (username, full name) of the accounts a complaint may go to
        self.state = choices([(self.tr("全部状态"), None)]
                             + [(complaints.state_label(s, lang), s) for s in complaints.STATES])
        self.state.setObjectName("complaint_state")
        self.overdue = QCheckBox(self.tr("只看逾期(&L)"))
        self.overdue.setObjectName("complaint_overdue")
        self.overdue.setToolTip(self.tr("到答复期限仍未答复的举报投诉，最早到期的在前"))
        self.filters.addWidget(self.state)
        self.filters.addWidget(self.overdue)
        self.state.currentIndexChanged.connect(lambda _i: self.proxy.set_equals("state", self.state.currentData()))
        self.overdue.toggled.connect(lambda _on: self.reload())
        self.detail = QLabel()
        self.detail.setObjectName("complaint_detail")
        self.detail.setWordWrap(True)
        self.body.addWidget(self.detail)

        self.receive_button = self.button(self.tr("登记举报…"), "complaint_receive", self.receive)
        self.assign_button = self.button(self.tr("分派…"), "complaint_assign", self.assign)
        self.reply_button = self.button(self.tr("答复…"), "complaint_reply", self.reply)
        self.link_button = self.button(self.tr("关联抽查…"), "complaint_link", self.link_spotcheck)
        self.reporter_button = self.button(self.tr("查看举报人…"), "complaint_reporter", self.show_reporter)
        self.timeline_button = self.button(self.tr("监管记录…"), "complaint_timeline", self.show_timeline)
        self.refresh_actions()

    def make_columns(self) -> list[Column]:
        lang = self.ctx.lang
        return [Column("received_on", self.tr("收到日期"), 90),
                Column("channel", self.tr("渠道"), 60, text=lambda c: complaints.channel_label(c.channel, lang)),
                Column("subject", self.tr("被举报对象"), 260, text=lambda c: c.subject),
                Column("content", self.tr("内容"), 220, stretch=True),
                Column("state", self.tr("状态"), 70, text=lambda c: complaints.state_label(c.state, lang)),
                Column("assigned_to", self.tr("承办人"), 80),
                Column("due_on", self.tr("答复期限"), 90, color=self._late_color),
                Column("late", self.tr("逾期"), 80, text=self._late_words, color=self._late_color,
                       sort=lambda c: self._late_days(c) or 0),
                Column("replied_on", self.tr("答复日期"), 90)]

    @staticmethod
    def _late_days(c: ComplaintInfo) -> int | None:
        return (clock.today() - c.due_on).days if c.overdue() and c.due_on is not None else None

    def _late_words(self, c: ComplaintInfo) -> str:
        days = self._late_days(c)
        return "" if days is None else self.tr("逾期 %1 天").replace("%1", str(days))

    def _late_color(self, c: ComplaintInfo) -> Any:
        return BAD if c.overdue() else None

    # -- loading ------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        db, overdue = self.ctx.db, self.overdue.isChecked()

        def load(_job: Any) -> tuple[list[ComplaintInfo], list[tuple[str, str]]]:
            from civicdesk.services.admin import auth

            users = [(u.username, u.full_name) for u in auth.list_users(db)
                     if u.active and "supervise" in auth.PERMISSIONS.get(u.role, ())]
            return complaints.list_complaints(db, overdue=overdue), users

        self.bench.run(load, self._loaded, key="complaints")

    def _loaded(self, result: tuple[list[ComplaintInfo], list[tuple[str, str]]]) -> None:
        rows, self.assignees = result
        self.set_rows(rows)
        late = sum(1 for c in rows if c.overdue())
        waiting = sum(1 for c in rows if c.state != "replied")
        self.summary.setText(self.tr("共 %1 件举报投诉；未答复 %2 件，其中逾期 %3 件")
                             .replace("%1", str(len(rows))).replace("%2", str(waiting)).replace("%3", str(late)))

    # -- the selected row ---------------------------------------------------------------------------------------
    def refresh_actions(self) -> None:
        if not hasattr(self, "timeline_button"):
            return
        c: ComplaintInfo | None = self.selected()
        enter = why_not(self.ctx, "supervise")
        pick = self.tr("请先选择一件举报投诉。")
        reporter = self._why_not_reporter()
        reasons: dict[Any, str | None] = {
            self.receive_button: enter,
            self.assign_button: enter or (pick if c is None else None if c.state != "replied"
                                          else self.tr("已答复的举报投诉不能再分派。")),
            self.reply_button: enter or (pick if c is None else None if c.state == "assigned"
                                         else self.tr("先分派给承办人，才能答复。") if c.state == "received"
                                         else self.tr("这件举报投诉已经答复。")),
            self.link_button: enter or (pick if c is None else None),
            self.reporter_button: reporter or (pick if c is None else None),
            self.timeline_button: pick if c is None else None if c.organization_id
            else self.tr("被举报对象不是本库登记的组织，没有监管记录。"),
        }
        for button, reason in reasons.items():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        self.explain(reporter if c is not None else None)
        self.detail.setText(self._detail(c) if c is not None else "")

    def _why_not_reporter(self) -> str | None:
        if why_not(self.ctx, "complaints.reporter") is None:
            return None
        return self.tr("举报人身份保密：只有审核人员或管理员可以查看举报人，每次查看都记入审计日志。")

    def _detail(self, c: ComplaintInfo) -> str:
        lines = [self.tr("内容：") + c.content]
        if c.finding:
            lines.append(self.tr("核查结果：") + c.finding)
        links = []
        if c.spotcheck_item_id:
            links.append(self.tr("已关联抽查"))
        if c.interview_ids:
            links.append(self.tr("约谈 %1 次").replace("%1", str(len(c.interview_ids))))
        if c.penalty_ids:
            links.append(self.tr("处罚案件 %1 件").replace("%1", str(len(c.penalty_ids))))
        if links:
            lines.append(self.tr("引起：") + "、".join(links))
        return "\n".join(lines)

    def open_selected(self) -> None:
        """Enter: the next step the selected complaint waits for."""
        self.click_first_enabled((self.assign_button, self.reply_button))

    # -- actions ------------------------------------------------------------------------------------------------
    def _changes(self, c: ComplaintInfo | None = None) -> Changes:
        return Changes(organization_ids=(c.organization_id,) if c is not None and c.organization_id else (),
                       extra={"supervision": True})

    def receive(self) -> ActionDialog | None:
        if not self.receive_button.isEnabled():
            return None
        db, user, lang = self.ctx.db, self.ctx.user, self.ctx.lang
        channel = choices([(complaints.channel_label(k, lang), k) for k in complaints.CHANNELS])
        organization = QLineEdit()
        organization.setPlaceholderText(self.tr("本库登记的组织：统一社会信用代码（或组织 id）"))
        subject = QLineEdit()
        subject.setPlaceholderText(self.tr("未登记的对象：写名称（与上一项二选一）"))
        anonymous = QCheckBox(self.tr("匿名举报"))
        name, phone, address = QLineEdit(), QLineEdit(), QLineEdit()

        def anonymous_changed(on: bool) -> None:
            for edit in (name, phone, address):
                edit.setEnabled(not on)
                if on:
                    edit.clear()

        anonymous.toggled.connect(anonymous_changed)

        def work(v: dict[str, Any]) -> Any:
            who: dict[str, Any] = {"anonymous": True} if v["anonymous"] else {
                "name": v["reporter_name"], "phone": v["reporter_phone"], "address": v["reporter_address"]}
            return lambda _job: complaints.receive(
                db, received_on=v["received_on"], channel=v["channel"], content=v["content"] or "",
                organization=v["organization"], subject_name=v["subject_name"], reporter=who, by=user)

        return self._form(self.tr("登记举报"), [
            ("received_on", self.tr("收到日期(&D)"), date_field()),
            ("channel", self.tr("渠道(&H)"), channel),
            ("organization", self.tr("被举报组织(&O)"), organization),
            ("subject_name", self.tr("或未登记对象(&U)"), subject),
            ("content", self.tr("举报投诉内容(&C)"), QPlainTextEdit()),
            ("anonymous", self.tr("举报人(&A)"), anonymous),
            ("reporter_name", self.tr("姓名(&N)"), name),
            ("reporter_phone", self.tr("电话(&P)"), phone),
            ("reporter_address", self.tr("地址(&R)"), address)], work, self.tr("已登记举报投诉。"),
            changes=self._changes(),
            note=self.tr("举报人的姓名、电话和地址保密：只保存在本机，不同步、不打印、不导出，列表中也不显示。"))

    def assign(self) -> ActionDialog | None:
        c: ComplaintInfo | None = self.selected()
        if c is None or not self.assign_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        to = choices([(f"{full} ({name})" if full else name, name) for name, full in self.assignees], c.assigned_to)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: complaints.assign(db, c.id, to=v["to"] or "", by=user,
                                                shown_version=c.version)

        return self._form(self.tr("分派：%1").replace("%1", c.subject), [("to", self.tr("承办人(&T)"), to)], work,
                          self.tr("已分派。"), changes=self._changes(c),
                          note=self.tr("答复期限自收到之日起算，由参数“举报投诉答复期限”确定。"))

    def reply(self) -> ActionDialog | None:
        c: ComplaintInfo | None = self.selected()
        if c is None or not self.reply_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: complaints.reply(db, c.id, finding=v["finding"] or "", replied_on=v["replied_on"],
                                                 by=user, shown_version=c.version)

        return self._form(self.tr("答复：%1").replace("%1", c.subject), [
            ("finding", self.tr("核查结果(&F)"), QPlainTextEdit()),
            ("replied_on", self.tr("答复日期(&D)"), date_field())], work, self.tr("已答复。"),
            changes=self._changes(c))

    def link_spotcheck(self) -> None:
        """Load the checks drawn for the organization (any, for an unregistered subject), then the form."""
        c: ComplaintInfo | None = self.selected()
        if c is None or not self.link_button.isEnabled():
            return
        db = self.ctx.db

        def load(_job: Any) -> list[ItemRow]:
            from civicdesk.services.supervision import spotcheck

            return [i for p in spotcheck.list_plans(db) for i in spotcheck.list_items(db, p.id)
                    if c.organization_id in (None, i.organization_id)]

        self.bench.run(load, lambda items: self._link_form(c, items), key="complaints.link", cancellable=False)

    def _link_form(self, c: ComplaintInfo, items: list[ItemRow]) -> None:
        db, user = self.ctx.db, self.ctx.user
        item = choices([(f"{i.organization_name} · {i.checked_on.isoformat() if i.checked_on else self.tr('待检查')}",
                         i.id) for i in items], c.spotcheck_item_id)

        def work(v: dict[str, Any]) -> Any:
            if v["item"] is None:
                raise InputError("complaint.spotcheck_not_found", key="")
            return lambda _job: complaints.link_spotcheck(db, c.id, v["item"], by=user, shown_version=c.version)

        self.link_dialog = self._form(self.tr("关联抽查：%1").replace("%1", c.subject),
                                      [("item", self.tr("抽查(&S)"), item)], work, self.tr("已关联抽查。"),
                                      changes=self._changes(c),
                                      note=None if items else self.tr("没有抽中该组织的抽查。"))

    def show_reporter(self) -> None:
        """Who reported it, read by the service (which audits the reading), shown in a dialog of its own."""
        c: ComplaintInfo | None = self.selected()
        if c is None or not self.reporter_button.isEnabled():
            return
        db, user = self.ctx.db, self.ctx.user
        self.bench.run(lambda _job: complaints.reporter(db, c.id, by=user), lambda r: self._reporter_dialog(c, r),
                       key="complaints.reporter", cancellable=False, on_failure=self.bench.warn)

    def _reporter_dialog(self, c: ComplaintInfo, r: ReporterInfo) -> None:
        dialog = QDialog(self.bench)
        dialog.setObjectName("reporter_dialog")
        dialog.setWindowTitle(self.tr("举报人"))
        form = QFormLayout()
        if r.anonymous:
            form.addRow(self.tr("举报人"), QLabel(self.tr("匿名")))
        else:
            for label, value in ((self.tr("姓名"), r.name), (self.tr("电话"), r.phone), (self.tr("地址"), r.address)):
                shown = QLabel(value or "—")
                shown.setObjectName("reporter_value")
                form.addRow(label, shown)
        head = QLabel(self.tr("%1 收到，关于 %2").replace("%1", c.received_on.isoformat()).replace("%2", c.subject))
        head.setWordWrap(True)
        audited = QLabel(self.tr("本次查看已记入审计日志。举报人身份保密，不得泄露。"))
        audited.setObjectName("reporter_audited")
        audited.setWordWrap(True)
        audited.setStyleSheet("color: #7a4a00;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(audited)
        layout.addWidget(buttons)
        self.reporter_dialog = dialog
        dialog.open()

    def show_timeline(self) -> TimelineDialog | None:
        c: ComplaintInfo | None = self.selected()
        if c is None or not c.organization_id:
            return None
        from civicdesk.ui.supervision.timeline_dialog import open_timeline

        return open_timeline(self.ctx, c.organization_id, self.bench)
