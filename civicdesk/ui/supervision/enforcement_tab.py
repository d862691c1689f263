"""The workbench's 约谈与处罚 tab: administrative penalties (行政处罚) above, interviews (行政约谈) below.

Filters: year (a penalty's decision year, an interview's; a case still under investigation shows under every
year, as it is open now), the penalty's state and kind, and the text (organization name).  Actions: 立案… (a
clerk: the amount only for a fine or confiscation, the dates only for a suspension), 作出处罚决定… (a reviewer
other than whoever entered the case: greyed with the reason otherwise; deciding a 撤销登记 starts a 撤销登记
filing that goes to the review queue, which the form says), 撤销处罚… (a reviewer, four eyes, a reason),
登记约谈… and 录入约谈结果… (a clerk), and 监管记录… (the timeline of the selected row's organization).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit

from civicdesk import clock
from civicdesk.services.supervision import complaints, interviews, penalties, ruling
from civicdesk.ui.context import Changes
from civicdesk.ui.supervision import ruling_form
from civicdesk.ui.supervision.forms import ActionDialog, choices, date_field, why_not, why_not_decide
from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import BAD, WARN, Column, RowsFilter, RowsModel, make_view, selected_row

if TYPE_CHECKING:
    from civicdesk.services.supervision.complaints import ComplaintInfo
    from civicdesk.services.supervision.interviews import InterviewInfo
    from civicdesk.services.supervision.penalties import PenaltyInfo
    from civicdesk.services.supervision.ruling import RulingInfo
    from civicdesk.ui.supervision.timeline_dialog import TimelineDialog
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


#: the penalties shown at once, before all of them
FIRST_PAGE = 200


class EnforcementTab(CampaignTab):
    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench, "penalty", text_columns=(0, 1))
        lang = self.ctx.lang
        self.search.setPlaceholderText(self.tr("按组织名称或案号筛选"))
        self.complaints: list[ComplaintInfo] = []  # what a case or an interview may name as its cause
        self.year = QComboBox()
        self.year.setObjectName("penalty_year")
        self.year.addItem(self.tr("全部年度"), None)
        self.state = choices([(self.tr("全部状态"), None)]
                             + [(penalties.state_label(s, lang), s) for s in penalties.STATES])
        self.state.setObjectName("penalty_state")
        self.kind = choices([(self.tr("全部处罚种类"), None)]
                            + [(penalties.kind_label(k, lang), k) for k in penalties.KINDS])
        self.kind.setObjectName("penalty_kind")
        for widget in (self.year, self.state, self.kind):
            self.filters.addWidget(widget)
        self.state.currentIndexChanged.connect(lambda _i: self.proxy.set_equals("state", self.state.currentData()))
        self.kind.currentIndexChanged.connect(lambda _i: self.proxy.set_equals("kind", self.kind.currentData()))
        self.year.currentIndexChanged.connect(lambda _i: self._filter_year())

        self.interview_model = RowsModel([
            Column("organization_name", self.tr("组织名称"), 240, stretch=True),
            Column("held_at", self.tr("约谈时间"), 130),
            Column("place", self.tr("地点"), 140),
            Column("issues", self.tr("约谈事项"), 240),
            Column("rectify_by", self.tr("整改期限"), 90, color=self._rectify_color),
            Column("outcome_on", self.tr("结果日期"), 90),
            Column("outcome", self.tr("约谈结果"), 200),
            Column("entered_by", self.tr("录入人"), 80)], self)
        self.interview_proxy = RowsFilter(self, text_columns=(0,))
        self.interviews = make_view(self.interview_model, self.interview_proxy, "interviews", self)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.interviews_title = QLabel(self.tr("行政约谈(&I)"))
        self.interviews_title.setObjectName("interviews_title")
        self.interviews_title.setBuddy(self.interviews)
        self.penalties_title = QLabel(self.tr("行政处罚(&P)"))
        self.penalties_title.setBuddy(self.table)
        self.body.insertWidget(0, self.penalties_title)
        # the selected case's rulings by the city (市局裁决), under the cases
        self.penalty_detail = QLabel()
        self.penalty_detail.setObjectName("penalty_detail")
        self.penalty_detail.setWordWrap(True)
        self.penalty_detail.setVisible(False)
        self.body.addWidget(self.penalty_detail)
        self.rulings: list[RulingInfo] = []
        self.rulings_of: str | None = None
        self.body.addWidget(self.interviews_title)
        self.body.addWidget(self.interviews, 1)
        self.search.textChanged.connect(self.interview_proxy.set_text)
        # the row the actions act on for 监管记录…: the table last selected in
        self._last_table = self.table
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._picked(self.table))
        self.interviews.selectionModel().selectionChanged.connect(lambda *_: self._picked(self.interviews))
        self.interviews.activated.connect(lambda _i: self.record_outcome())

        self.enter_button = self.button(self.tr("立案…"), "penalty_enter", self.enter)
        self.decide_button = self.button(self.tr("作出处罚决定…"), "penalty_decide", self.decide)
        self.withdraw_button = self.button(self.tr("撤销处罚…"), "penalty_withdraw", self.withdraw)
        self.interview_button = self.button(self.tr("登记约谈…"), "interview_record", self.record_interview)
        self.outcome_button = self.button(self.tr("录入约谈结果…"), "interview_outcome", self.record_outcome)
        self.ruling_button = self.button(self.tr("市局裁决…"), "penalty_ruling", self.rule) \
            if ruling_form.at_city(self.ctx) else None
        self.timeline_button = self.button(self.tr("监管记录…"), "penalty_timeline", self.show_timeline)
        self.refresh_actions()

    def make_columns(self) -> list[Column]:
        lang = self.ctx.lang
        # no stretched column: twelve columns (wider in English) scroll rather than squeeze the organization
        return [Column("organization_name", self.tr("组织名称"), 220),
                Column("case_no", self.tr("案号"), 140),
                Column("kind", self.tr("处罚种类"), 110, text=lambda p: penalties.kind_label(p.kind, lang)),
                Column("state", self.tr("状态"), 110, text=lambda p: penalties.state_label(p.state, lang),
                       color=lambda p: WARN if p.state == "draft" else None),
                Column("amount", self.tr("金额（元）"), 100),
                Column("suspended_to", self.tr("停止活动至"), 90),
                Column("decision_no", self.tr("决定书文号"), 150),
                Column("decided_on", self.tr("决定日期"), 90),
                Column("appeal_by", self.tr("复议期限"), 90),
                Column("filing_number", self.tr("撤销登记申请"), 110),
                Column("entered_by", self.tr("录入人"), 80),
                Column("decided_by", self.tr("决定人"), 80)]

    @staticmethod
    def _rectify_color(i: InterviewInfo) -> Any:
        return BAD if i.rectify_by is not None and i.outcome is None and i.rectify_by < clock.today() else None

    def _filter_year(self) -> None:
        year = self.year.currentData()
        self.proxy.set_predicate(None if year is None else
                                 lambda p: p.decided_on is None or p.decided_on.year == year)
        self.interview_proxy.set_predicate(None if year is None else lambda i: i.held_at.year == year)

    # -- loading ------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """The newest penalties at once, then all of them (a city may hold thousands; the runner does one after
        the other)."""
        db = self.ctx.db

        def first(_job: Any) -> list[PenaltyInfo]:
            return penalties.list_penalties(db, limit=FIRST_PAGE)

        def load(_job: Any) -> tuple[list[PenaltyInfo], list[InterviewInfo], list[ComplaintInfo]]:
            return penalties.list_penalties(db), interviews.list_interviews(db), complaints.list_complaints(db)

        self.bench.run(first, self._first_loaded, key="enforcement.first")
        self.bench.run(load, self._loaded, key="enforcement")

    def _first_loaded(self, rows: list[PenaltyInfo]) -> None:
        if self.proxy.rowCount():  # the whole list came first (or a reload keeps showing the last one)
            return
        self.set_rows(rows)
        self.summary.setText(self.tr("正在读取全部行政处罚和约谈记录…"))

    def _loaded(self, result: tuple[list[PenaltyInfo], list[InterviewInfo], list[ComplaintInfo]]) -> None:
        rows, held, self.complaints = result
        years = sorted({p.decided_on.year for p in rows if p.decided_on} | {i.held_at.year for i in held},
                       reverse=True)
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("全部年度"), None)
        for y in years:
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(self.year.findData(current), 0))
        self.year.blockSignals(False)
        selected = self.selected_interview()
        self.interview_model.set_rows(held)
        if selected is not None:
            row = self.interview_model.row_of_id(selected.id)
            index = self.interview_proxy.mapFromSource(self.interview_model.index(row, 0)) if row is not None else None
            if index is not None and index.isValid():
                self.interviews.selectRow(index.row())
        self._filter_year()
        self.set_rows(rows)
        drafts = sum(1 for p in rows if p.state == "draft")
        decided = sum(1 for p in rows if p.state == "decided")
        open_ = sum(1 for i in held if i.rectify_by is not None and i.outcome is None)
        self.summary.setText(self.tr("行政处罚 %1 件（立案调查中 %2，已决定 %3）；行政约谈 %4 次，%5 次待录入结果")
                             .replace("%1", str(len(rows))).replace("%2", str(drafts)).replace("%3", str(decided))
                             .replace("%4", str(len(held))).replace("%5", str(open_)))

    # -- the selected rows --------------------------------------------------------------------------------------
    def selected_interview(self) -> InterviewInfo | None:
        return selected_row(self.interviews) if hasattr(self, "interviews") else None

    def _picked(self, table: Any) -> None:
        if table.selectionModel().hasSelection():
            self._last_table = table
        self.refresh_actions()

    def selected_organization(self) -> tuple[str, str] | None:
        """The organization (id, name) of the row last selected, in either table."""
        first, second = (self.selected_interview(), self.selected()) if self._last_table is not self.table \
            else (self.selected(), self.selected_interview())
        row = first or second
        return (row.organization_id, row.organization_name) if row is not None else None

    def refresh_actions(self) -> None:
        if not hasattr(self, "timeline_button"):
            return
        p: PenaltyInfo | None = self.selected()
        i = self.selected_interview()
        enter, decide = why_not(self.ctx, "supervise"), why_not(self.ctx, "supervise.decide")
        eyes = why_not_decide(self.ctx, p.entered_by, None) if p is not None else decide
        pick = self.tr("请先在上表选择一件处罚案件。")
        reasons: dict[Any, str | None] = {
            self.enter_button: enter,
            self.decide_button: pick if p is None else eyes or (
                None if p.state == "draft" else self.tr("只有立案调查中的案件可以作出处罚决定。")),
            self.withdraw_button: pick if p is None else eyes or (
                None if p.state == "decided" else self.tr("只有已决定的处罚可以撤销。")),
            self.interview_button: enter,
            self.outcome_button: enter or (self.tr("请先在下表选择一次约谈。") if i is None else None
                                           if i.outcome is None else self.tr("这次约谈的结果已经录入。")),
            self.timeline_button: None if self.selected_organization() is not None
            else self.tr("请先选择一件案件或一次约谈。"),
        }
        if self.ruling_button is not None:
            reasons[self.ruling_button] = ruling_form.why_not_rule(self.ctx, p.office_code if p else None,
                                                                   p.state if p else None)
        for button, reason in reasons.items():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        self._show_rulings(p)
        # the line under the buttons: why the decision this case waits for is not this user's
        self.explain(eyes if p is not None and p.state == "draft" else None)

    def _show_rulings(self, p: PenaltyInfo | None) -> None:
        """The selected case's rulings under the cases (read on the runner when another case is selected)."""
        if p is None:
            self.rulings_of, self.rulings = None, []
        elif p.id != self.rulings_of:
            self.rulings_of, self.rulings = p.id, []
            db, penalty_id = self.ctx.db, p.id

            def shown(found: list[RulingInfo]) -> None:
                if self.rulings_of == penalty_id:
                    self.rulings = found
                    self._show_rulings(self.selected())

            self.bench.run(lambda _job: ruling.list_rulings(db, subject_id=penalty_id), shown, key="penalty.rulings")
        text = "\n".join(ruling_form.lines(self.rulings, ruling_form.at_city(self.ctx)))
        self.penalty_detail.setText(text)
        self.penalty_detail.setVisible(bool(text))

    def rule(self) -> ActionDialog | None:
        p: PenaltyInfo | None = self.selected()
        if p is None or self.ruling_button is None or not self.ruling_button.isEnabled():
            return None
        return ruling_form.open_form(self.bench, "penalty", p.id,
                                     self.tr("市局裁决：%1").replace("%1", p.organization_name),
                                     self._changes(p.organization_id), shown_version=p.version)

    def open_selected(self) -> None:
        """Enter on a case: its decision when this user may take it, else its withdrawal."""
        self.click_first_enabled((self.decide_button, self.withdraw_button))

    # -- actions ------------------------------------------------------------------------------------------------
    def _complaint_choice(self, organization_id: str | None = None) -> QComboBox:
        """无, or a complaint (about the organization, or about no registered one) that led to the step."""
        lang = self.ctx.lang
        items: list[tuple[str, Any]] = [(self.tr("无"), None)]
        for c in self.complaints:
            if organization_id is None or c.organization_id in (None, organization_id):
                items.append((f"{c.received_on.isoformat()} {complaints.channel_label(c.channel, lang)} · "
                              f"{c.subject} · {c.content[:20]}", c.id))
        return choices(items)

    def _organization(self) -> QLineEdit:
        edit = QLineEdit()  # the rows carry no USCC, and an id is no words for a clerk: typed
        edit.setPlaceholderText(self.tr("统一社会信用代码（或组织 id）"))
        return edit

    def _changes(self, organization_id: str | None = None) -> Changes:
        return Changes(organizations=True, organization_ids=(organization_id,) if organization_id else (),
                       extra={"supervision": True})

    def enter(self) -> ActionDialog | None:
        if not self.enter_button.isEnabled():
            return None
        db, user, lang = self.ctx.db, self.ctx.user, self.ctx.lang
        row = self.selected_organization()
        kind = choices([(penalties.kind_label(k, lang), k) for k in penalties.KINDS])
        amount = QLineEdit()
        amount.setPlaceholderText(self.tr("罚款或没收违法所得的金额，元"))
        start, end = date_field(optional=True), date_field(optional=True)
        interview = choices([(self.tr("无"), None)] + [
            (f"{i.held_at:%Y-%m-%d} {i.organization_name} · {i.issues[:20]}", i.id)
            for i in self.interview_model.rows() if row is None or i.organization_id == row[0]])
        facts, basis = QPlainTextEdit(), QPlainTextEdit()
        basis.setPlaceholderText(self.tr("如：《社会团体登记管理条例》第三十条第一款第（三）项"))

        def kind_changed() -> None:  # the amount for a fine or confiscation, the dates for a suspension
            k = kind.currentData()
            amount.setEnabled(k in penalties.AMOUNT_KINDS)
            start.setEnabled(k == "suspension")
            end.setEnabled(k == "suspension")

        kind.currentIndexChanged.connect(lambda _i: kind_changed())
        kind_changed()

        def work(v: dict[str, Any]) -> Any:
            k = v["kind"]
            money = v["amount"] if k in penalties.AMOUNT_KINDS else None
            since, until = (v["suspended_from"], v["suspended_to"]) if k == "suspension" else (None, None)
            return lambda _job: penalties.enter(
                db, v["organization"] or "", case_no=v["case_no"] or "", kind=k, facts=v["facts"] or "",
                basis=v["basis"] or "", amount=money, suspended_from=since, suspended_to=until,
                complaint=v["complaint"], interview=v["interview"], by=user)

        return self._form(self.tr("立案"), [
            ("organization", self.tr("组织(&O)"), self._organization()),
            ("case_no", self.tr("案号(&N)"), QLineEdit()),
            ("kind", self.tr("处罚种类(&K)"), kind),
            ("amount", self.tr("金额（元）(&A)"), amount),
            ("suspended_from", self.tr("停止活动自(&F)"), start),
            ("suspended_to", self.tr("停止活动至(&T)"), end),
            ("facts", self.tr("违法事实(&S)"), facts),
            ("basis", self.tr("处罚依据(&B)"), basis),
            ("complaint", self.tr("由举报投诉引起(&C)"), self._complaint_choice(row[0] if row else None)),
            ("interview", self.tr("由约谈引起(&I)"), interview)], work,
            self.tr("已立案，待审核人员作出处罚决定。"), changes=self._changes(row[0] if row else None),
            note=self.tr("立案后该组织处于“立案调查中”；处罚决定须由立案人以外的审核人员作出。"))

    def decide(self) -> ActionDialog | None:
        p: PenaltyInfo | None = self.selected()
        if p is None or not self.decide_button.isEnabled():
            return None
        db, user, lang = self.ctx.db, self.ctx.user, self.ctx.lang
        number = QLineEdit()
        number.setPlaceholderText(self.tr("处罚决定书文号（必填）"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: penalties.decide(db, p.id, decision_no=v["decision_no"] or "",
                                                 decided_on=v["decided_on"], by=user, shown_version=p.version)

        lines = [self.tr("案号 %1，%2。").replace("%1", p.case_no).replace("%2", penalties.kind_label(p.kind, lang))]
        if p.amount is not None:
            lines.append(self.tr("金额 %1 元。").replace("%1", f"{p.amount:,.2f}"))
        lines.append(self.tr("复议期限自决定日起算。"))
        note = ("" if lang.startswith("zh") else " ").join(lines)  # Chinese sentences take no space between them
        if p.kind == "revocation":
            note += "\n" + self.tr("作出撤销登记的处罚决定，将同时提交一件撤销登记申请，进入审核队列，"
                                   "由审核人员审核后才撤销登记。")
        return self._form(self.tr("作出处罚决定：%1").replace("%1", p.organization_name), [
            ("decision_no", self.tr("文号(&N)"), number),
            ("decided_on", self.tr("决定日期(&D)"), date_field())], work, self.tr("已作出处罚决定。"),
            changes=self._changes(p.organization_id), note=note)

    def withdraw(self) -> ActionDialog | None:
        p: PenaltyInfo | None = self.selected()
        if p is None or not self.withdraw_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: penalties.withdraw(db, p.id, reason=v["reason"] or "", by=user,
                                                   shown_version=p.version)

        return self._form(self.tr("撤销处罚：%1").replace("%1", p.organization_name),
                          [("reason", self.tr("撤销理由(&R)"), QPlainTextEdit())], work, self.tr("已撤销处罚。"),
                          changes=self._changes(p.organization_id),
                          note=self.tr("案号 %1，决定书 %2。").replace("%1", p.case_no)
                          .replace("%2", p.decision_no or "—"))

    def record_interview(self) -> ActionDialog | None:
        if not self.interview_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        row = self.selected_organization()
        held = QLineEdit(clock.now().strftime("%Y-%m-%d %H:%M"))
        held.setPlaceholderText(self.tr("如 2026-11-20 09:30"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: interviews.record(
                db, v["organization"] or "", held_at=v["held_at"] or "", place=v["place"] or "",
                participants=v["participants"] or "", issues=v["issues"] or "", rectification=v["rectification"],
                rectify_by=v["rectify_by"], complaint=v["complaint"], by=user)

        return self._form(self.tr("登记约谈"), [
            ("organization", self.tr("组织(&O)"), self._organization()),
            ("held_at", self.tr("约谈时间(&W)"), held),
            ("place", self.tr("地点(&P)"), QLineEdit()),
            ("participants", self.tr("参加人员(&A)"), QPlainTextEdit()),
            ("issues", self.tr("约谈事项(&S)"), QPlainTextEdit()),
            ("rectification", self.tr("整改要求(&R)"), QPlainTextEdit()),
            ("rectify_by", self.tr("整改期限(&B)"), date_field(optional=True)),
            ("complaint", self.tr("由举报投诉引起(&C)"), self._complaint_choice(row[0] if row else None))],
            work, self.tr("已登记约谈。"), changes=self._changes(row[0] if row else None),
            note=self.tr("整改要求和整改期限同时填写或同时不填。"))

    def record_outcome(self) -> ActionDialog | None:
        i = self.selected_interview()
        if i is None or not self.outcome_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: interviews.record_outcome(db, i.id, outcome=v["outcome"] or "",
                                                          outcome_on=v["outcome_on"], by=user,
                                                          shown_version=i.version)

        return self._form(self.tr("录入约谈结果：%1").replace("%1", i.organization_name), [
            ("outcome", self.tr("约谈结果(&R)"), QPlainTextEdit()),
            ("outcome_on", self.tr("日期(&D)"), date_field())], work, self.tr("已录入约谈结果。"),
            changes=self._changes(i.organization_id),
            note=self.tr("约谈事项：%1").replace("%1", i.issues))

    def show_timeline(self) -> TimelineDialog | None:
        row = self.selected_organization()
        if row is None:
            return None
        from civicdesk.ui.supervision.timeline_dialog import open_timeline

        return open_timeline(self.ctx, row[0], self.bench)
