"""The workbench's 年度检查 tab: one year's campaign, its 参检率 and counts, and its records.

Above the table: the year (the reports about it: last year's, or on opening the latest campaign the office ran
when last year has none), the campaign's figures (due, received, decided, 参检率 =
decided / due, counts per conclusion, late) or 开始年检 when the year has no campaign.  Filters: state,
conclusion, "只看逾期报送".  Actions: 录入年报 (a new report, or the selected draft or returned one corrected),
提交, 退回 (a reason), 作出结论 (合格 / 基本合格 / 不合格, reasons unless 合格), 改变结论 (a decided record's new
conclusion, with the reason of the change): the last three by a reviewer who neither entered nor submitted the
record, greyed with the reason otherwise.

At the city, "全市（含各区县）" switches the figures and the table to every office's campaign of the year the city
holds (its own and the districts' records, :func:`inspection.participation` with ``office="all"``), one line
per registry and the total: read only, the steps stay on the office's own campaign.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox

from civicdesk import clock
from civicdesk.errors import CivicDeskError, NotFoundError
from civicdesk.services.supervision import inspection
from civicdesk.ui.context import Changes
from civicdesk.ui.supervision.forms import ActionDialog, checklist, choices, date_field, why_not, why_not_decide
from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import BAD, WARN, Column, RowsFilter, RowsModel, make_view

if TYPE_CHECKING:
    from civicdesk.services.supervision.inspection import CampaignInfo, Participation, ParticipationRow, RecordInfo
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


#: records painted before the whole list is read (the first screens of a city's hundreds of thousands)
FIRST_PAGE = 200


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.1%}"


class InspectionTab(CampaignTab):
    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench, "inspection", text_columns=(0, 1))
        self.campaign: CampaignInfo | None = None
        self._first = True  # the first load shows the latest campaign when last year has none
        self.participation: Participation | None = None
        self.year = QSpinBox()
        self.year.setObjectName("inspection_year")
        self.year.setRange(inspection.FIRST_YEAR, clock.today().year)
        self.year.setValue(clock.today().year - 1)
        self.year.setKeyboardTracking(False)  # typing 2020 loads once, not 2, 20, 202
        year_label = QLabel(self.tr("年度(&Y)"))
        year_label.setBuddy(self.year)
        self.figures = QLabel()
        self.figures.setObjectName("inspection_figures")
        self.figures.setWordWrap(True)
        self.open_button = QPushButton(self.tr("开始本年度年检"))
        self.open_button.setObjectName("inspection_open")
        self.open_button.setAutoDefault(False)
        self.open_button.setVisible(False)
        self.head.addWidget(year_label)
        self.head.addWidget(self.year)
        self.head.addWidget(self.figures, 1)
        self.head.addWidget(self.open_button)
        # the city holds the districts' campaigns and records (sync): it may read them all at once
        self.whole_city: QCheckBox | None = None
        self.city_participation: Participation | None = None
        if self.ctx.db.office().level == "city":
            self.whole_city = QCheckBox(self.tr("全市（含各区县）"))
            self.whole_city.setObjectName("inspection_whole_city")
            self.whole_city.setToolTip(self.tr("按登记管理机关汇总本库中全市各单位本年度的参检率（只读）"))
            self.head.addWidget(self.whole_city)
        self.city_model = RowsModel(self._city_columns(), self, id_field="key")
        self.city_table = make_view(self.city_model, RowsFilter(self), "inspection_city", self)
        self.city_table.setSortingEnabled(False)  # the registries in code order, the total last
        self.city_table.setVisible(False)
        self.body.addWidget(self.city_table, 1)
        lang = self.ctx.lang
        self.state = choices([(self.tr("全部状态"), None)]
                             + [(inspection.state_label(s, lang), s) for s in inspection.STATES])
        self.state.setObjectName("inspection_state")
        self.conclusion = choices([(self.tr("全部结论"), None)]
                                  + [(inspection.conclusion_label(c, lang), c) for c in inspection.CONCLUSIONS])
        self.conclusion.setObjectName("inspection_conclusion")
        self.late = QCheckBox(self.tr("只看逾期报送"))
        self.late.setObjectName("inspection_late")
        for widget in (self.state, self.conclusion, self.late):
            self.filters.addWidget(widget)

        self.record_button = self.button(self.tr("录入年报…"), "inspection_record", self.record)
        self.submit_button = self.button(self.tr("提交"), "inspection_submit", self.submit)
        self.return_button = self.button(self.tr("退回…"), "inspection_return", self.return_record)
        self.decide_button = self.button(self.tr("作出结论…"), "inspection_decide", self.decide)
        self.revise_button = self.button(self.tr("改变结论…"), "inspection_revise", self.revise)

        self.year.valueChanged.connect(lambda _y: self.reload())
        if self.whole_city is not None:
            self.whole_city.toggled.connect(self._show_whole_city)
        self.open_button.clicked.connect(self.open_campaign)
        self.state.currentIndexChanged.connect(lambda _i: self.proxy.set_equals("state", self.state.currentData()))
        self.conclusion.currentIndexChanged.connect(
            lambda _i: self.proxy.set_equals("conclusion", self.conclusion.currentData()))
        self.late.toggled.connect(lambda on: self.proxy.set_equals("late", True if on else None))
        self.refresh_actions()

    def make_columns(self) -> list[Column]:
        lang = self.ctx.lang
        return [Column("organization_name", self.tr("组织名称"), 240, stretch=True),
                Column("uscc", self.tr("统一社会信用代码"), 160),
                Column("legal_form", self.tr("组织类型"), 160, text=lambda r: self.labels.label("legal_form", r.legal_form)),
                Column("state", self.tr("状态"), 80, text=lambda r: inspection.state_label(r.state, lang),
                       color=lambda r: WARN if r.state in ("submitted", "returned") else None),
                Column("received_on", self.tr("收到日期"), 90, color=lambda r: BAD if r.late else None,
                       tip=lambda r: self.tr("逾期报送") if r.late else None),
                Column("conclusion", self.tr("结论"), 80, text=lambda r: inspection.conclusion_label(r.conclusion, lang),
                       color=lambda r: BAD if r.conclusion == "fail" else WARN if r.conclusion == "basic" else None),
                Column("entered_by", self.tr("录入人"), 80),
                Column("submitted_by", self.tr("提交人"), 80),
                Column("decided_by", self.tr("决定人"), 80)]

    def _city_columns(self) -> list[Column]:
        def count(key: str, header: str) -> Column:
            return Column(key, header, 80, text=lambda r: str(getattr(r, key)), sort=lambda r: getattr(r, key))

        return [Column("label", self.tr("登记管理机关"), 200, stretch=True,
                       text=lambda r: self.tr("合计") if r.key is None else r.label),
                count("due", self.tr("应检")), count("received", self.tr("已报送")),
                count("decided", self.tr("已作结论")),
                Column("rate", self.tr("参检率"), 80, text=lambda r: rate_text(r.rate)),
                count("passed", self.tr("合格")), count("basic", self.tr("基本合格")),
                count("failed", self.tr("不合格")), count("late", self.tr("逾期报送"))]

    def consolidated(self) -> bool:
        """Whether the tab shows the whole city's figures (read only) rather than the office's campaign."""
        return self.whole_city is not None and self.whole_city.isChecked()

    def _show_whole_city(self, on: bool) -> None:
        self.table.setVisible(not on)
        self.city_table.setVisible(on)
        for widget in (self.search, self.state, self.conclusion, self.late):
            widget.setEnabled(not on)  # they filter the office's records, which the city view does not list
        self.open_button.setVisible(False)
        self.figures.setText("")
        self.figures.setToolTip("")
        self.summary.setText("")
        self.reload()

    # -- loading ------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Two loads: the campaign and the first :data:`FIRST_PAGE` records by name, painted at once; then the
        campaign's figures and every record (a city's hundreds of thousands of
        reports take seconds; the first rows should not wait for them)."""
        if self.consolidated():
            self._reload_city()
            return
        db, year, first = self.ctx.db, self.year.value(), self._first
        self._first = False

        def load(_job: Any) -> tuple[CampaignInfo | None, Participation | None, list[RecordInfo]]:
            try:
                campaign = inspection.get_campaign(db, year)
            except CivicDeskError:  # no campaign for the year
                latest = inspection.list_campaigns(db) if first else []
                if not latest:  # the tab offers to open one
                    return None, None, []
                campaign = latest[0]  # on opening, the latest campaign the office ran
            return campaign, None, inspection.first_records(db, campaign, FIRST_PAGE)

        self.bench.run(load, self._first_page, key="inspection")

    def _reload_city(self) -> None:
        """The year's 参检率 of every campaign the city holds, per registry (the same key as the office's load:
        whichever was asked last wins)."""
        db, year = self.ctx.db, self.year.value()

        def load(_job: Any) -> Participation | None:
            try:
                return inspection.participation(db, year, group_by="registry", office="all")
            except NotFoundError:  # no office ran a campaign that year
                return None

        self.bench.run(load, self._city_loaded, key="inspection")

    def _city_loaded(self, result: Participation | None) -> None:
        if not self.consolidated():
            return  # switched back while it loaded
        self.city_participation = result
        rows: list[ParticipationRow] = [] if result is None else [*result.rows, result.total]
        self.city_model.set_rows(rows)
        if result is None:
            self.figures.setText(self.tr("%1年度全市各单位均未开始年检。").replace("%1", str(self.year.value())))
            self.summary.setText("")
        else:
            t = result.total
            self.figures.setText(self.tr(
                "全市%1年度年检（%2 个单位）：应检 %3，已报送 %4，已作结论 %5，参检率 %6；合格 %7，基本合格 %8，不合格 %9，逾期报送 %10")
                .replace("%10", str(t.late)).replace("%1", str(result.year)).replace("%2", str(len(result.offices)))
                .replace("%3", str(t.due)).replace("%4", str(t.received)).replace("%5", str(t.decided))
                .replace("%6", rate_text(t.rate)).replace("%7", str(t.passed)).replace("%8", str(t.basic))
                .replace("%9", str(t.failed)))
            self.summary.setText(self.tr("共 %1 个登记管理机关").replace("%1", str(len(result.rows))))
        self.refresh_actions()
        self.loaded.emit(len(rows))

    def _first_page(self, result: tuple[CampaignInfo | None, Participation | None, list[RecordInfo]]) -> None:
        if self.consolidated():
            return  # switched to the whole city while it loaded
        campaign, _none, page = result
        self._loaded(result, final=campaign is None)
        if campaign is None:
            return
        db = self.ctx.db

        def rest(_job: Any) -> tuple[CampaignInfo | None, Participation | None, list[RecordInfo]]:
            return campaign, inspection.participation(db, campaign.year, group_by="legal_form"), \
                inspection.list_records(db, campaign)

        self.bench.run(rest, self._loaded, key="inspection")

    def _loaded(self, result: tuple[CampaignInfo | None, Participation | None, list[RecordInfo]], *,
                final: bool = True) -> None:
        if self.consolidated():
            return
        self.campaign, self.participation, rows = result
        if self.campaign is not None and self.campaign.year != self.year.value():
            self.year.blockSignals(True)  # the year shown is the campaign's, without loading it again
            self.year.setValue(self.campaign.year)
            self.year.blockSignals(False)
        self.set_rows(rows)
        self.open_button.setVisible(self.campaign is None)
        self.open_button.setEnabled(why_not(self.ctx, "supervise") is None)
        self.open_button.setToolTip(why_not(self.ctx, "supervise") or "")
        if self.campaign is None:
            self.figures.setText(self.tr("%1年度尚未开始年检。").replace("%1", str(self.year.value())))
        elif not final:  # the first page: the figures follow with the rest (the bar at the bottom moves)
            self.figures.setText("")
        else:
            t = self.participation.total if self.participation is not None else None
            state = self.tr("进行中") if self.campaign.state == "open" else self.tr("已结束")
            if t is None:
                self.figures.setText(state)
            else:
                self.figures.setText(self.tr(
                    "%1年度年检（%2）：应检 %3，已报送 %4，已作结论 %5，参检率 %6；合格 %7，基本合格 %8，不合格 %9，逾期报送 %10")
                    .replace("%10", str(t.late)).replace("%1", str(self.campaign.year)).replace("%2", state)
                    .replace("%3", str(t.due)).replace("%4", str(t.received)).replace("%5", str(t.decided))
                    .replace("%6", rate_text(t.rate)).replace("%7", str(t.passed)).replace("%8", str(t.basic))
                    .replace("%9", str(t.failed)))
                by_form = ("；" if self.ctx.lang.startswith("zh") else "; ").join(f"{self.labels.label('legal_form', r.key)} {rate_text(r.rate)}"
                                   for r in self.participation.rows) if self.participation else ""
                self.figures.setToolTip(by_form)
        self.summary.setText(self.tr("共 %1 份年报").replace("%1", str(len(rows))) if final else "")
        self.refresh_actions()

    # -- who may do what ----------------------------------------------------------------------------------------
    def refresh_actions(self) -> None:
        if not hasattr(self, "revise_button"):
            return
        r: RecordInfo | None = self.selected()
        enter = why_not(self.ctx, "supervise")
        closed = self.tr("本年度年检尚未开始或已结束。") if self.campaign is None or self.campaign.state != "open" \
            else None
        pick = self.tr("请先选择一份年报。")
        eyes = why_not_decide(self.ctx, r.entered_by, r.submitted_by) if r is not None else \
            why_not(self.ctx, "supervise.decide")
        editable = r is not None and r.state in ("draft", "returned")
        reasons: dict[Any, str | None] = {
            self.record_button: enter or closed or (None if r is None or editable
                                                    else self.tr("已提交或已作结论的年报不能修改。")),
            self.submit_button: enter or closed or (pick if r is None else None if editable
                                                    else self.tr("只有草稿或已退回的年报可以提交。")),
        }
        for button in (self.return_button, self.decide_button):
            reasons[button] = closed or (pick if r is None else eyes or (
                None if r.state == "submitted" else self.tr("只有待审核的年报可以退回或作出结论。")))
        # a decided conclusion is changed by a new decision: also once the campaign is closed (the service's rule)
        reasons[self.revise_button] = pick if r is None else eyes or (
            None if r.state == "decided" else self.tr("只有已作结论的年报可以改变结论。"))
        if self.consolidated():  # the whole city is read only: every step is taken in the office's own campaign
            whole = self.tr("全市汇总只供查看：录入、提交和作出结论请取消“全市（含各区县）”，在本单位的年检中进行。")
            reasons = dict.fromkeys(reasons, whole)
        for button, reason in reasons.items():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        self.explain(eyes if r is not None and r.state == "submitted" and not self.consolidated() else None)

    def open_selected(self) -> None:
        """Enter: the next step the selected record waits for, when this user may take it."""
        self.click_first_enabled((self.decide_button, self.submit_button, self.record_button))

    # -- actions ------------------------------------------------------------------------------------------------
    def open_campaign(self) -> None:
        if self.campaign is not None or not self.open_button.isEnabled():
            return  # the year shown has its campaign
        db, user, year = self.ctx.db, self.ctx.user, self.year.value()
        self.bench.run(lambda _job: inspection.open_campaign(db, year, by=user),
                       lambda _c: self._done(self.tr("已开始%1年度年检。").replace("%1", str(year))),
                       key="inspection.open", cancellable=False, on_failure=self.bench.warn)

    def _done(self, text: str) -> None:
        self.bench.say(text)
        self.ctx.changed(Changes(extra={"supervision": True}))

    def _materials(self, legal_form: str | None) -> list[tuple[str, str]]:
        """The campaign's checklist for ``legal_form`` (every form's items, once, when it is not known yet)."""
        zh = self.ctx.lang.startswith("zh")
        by_form = (self.campaign.rules if self.campaign else {}).get("materials", {})
        lists = [by_form.get(legal_form) or by_form.get("*", [])] if legal_form else list(by_form.values())
        seen: dict[str, str] = {}
        for items in lists:
            for m in items:
                seen.setdefault(m["key"], m["zh"] if zh else m["en"])
        return list(seen.items())

    def record(self) -> ActionDialog | None:
        if not self.record_button.isEnabled() or self.campaign is None:
            return None
        r: RecordInfo | None = self.selected()
        r = r if r is not None and r.state in ("draft", "returned") else None
        db, user, campaign, lang = self.ctx.db, self.ctx.user, self.campaign, self.ctx.lang
        org = QLineEdit(r.uscc or r.organization_id if r is not None else "")
        org.setPlaceholderText(self.tr("统一社会信用代码"))
        org.setReadOnly(r is not None)

        def amount(value: Any) -> QLineEdit:
            edit = QLineEdit("" if value is None else str(value))
            edit.setPlaceholderText(self.tr("元"))
            return edit

        opinion = choices([(self.tr("（无）"), None)]
                          + [(inspection.conclusion_label(c, lang), c) for c in inspection.CONCLUSIONS],
                          r.sponsor_opinion if r else None)
        fields = [
            ("organization", self.tr("组织(&O)"), org),
            ("received_on", self.tr("收到日期(&D)"), date_field(r.received_on if r else None)),
            ("materials", self.tr("收到的材料(&M)"), checklist(self._materials(r.legal_form if r else None),
                                                             r.materials if r else ())),
            ("income", self.tr("收入(&I)"), amount(r.income if r else None)),
            ("expenditure", self.tr("支出(&E)"), amount(r.expenditure if r else None)),
            ("net_assets", self.tr("年末净资产(&A)"), amount(r.net_assets if r else None)),
            ("staff_count", self.tr("工作人员数"), QLineEdit(str(r.staff_count) if r and r.staff_count is not None else "")),
            ("member_count", self.tr("会员数"), QLineEdit(str(r.member_count) if r and r.member_count is not None else "")),
            ("activity_count", self.tr("开展活动次数"),
             QLineEdit(str(r.activity_count) if r and r.activity_count is not None else "")),
            ("sponsor_opinion", self.tr("业务主管单位初审意见"), opinion),
            ("sponsor_opinion_on", self.tr("初审日期"), date_field(r.sponsor_opinion_on if r else None, optional=True)),
            ("sponsor_note", self.tr("初审说明"), QPlainTextEdit(r.sponsor_note or "" if r else "")),
        ]

        shown = r.version if r else None  # a correction of the record shown; a new record has none

        def work(v: dict[str, Any]) -> Any:
            key = v.pop("organization") or ""
            return lambda _job: inspection.record(db, campaign, key, v, by=user, shown_version=shown)

        title = self.tr("录入年报：%1").replace("%1", r.organization_name) if r else self.tr("录入年报")
        return self._form(title, fields, work, self.tr("已保存年报。"))

    def submit(self) -> None:
        r: RecordInfo | None = self.selected()
        if r is None or not self.submit_button.isEnabled() or self.campaign is None:
            return
        db, user, campaign = self.ctx.db, self.ctx.user, self.campaign
        self.bench.run(lambda _job: inspection.submit(db, campaign, r.id, by=user, shown_version=r.version),
                       lambda _r: self._done(self.tr("已提交，待另一名审核人员作出结论。")), key="inspection.submit",
                       cancellable=False, on_failure=self.bench.warn)

    def return_record(self) -> ActionDialog | None:
        r: RecordInfo | None = self.selected()
        if r is None or not self.return_button.isEnabled() or self.campaign is None:
            return None
        db, user, campaign = self.ctx.db, self.ctx.user, self.campaign
        return self._form(self.tr("退回年报：%1").replace("%1", r.organization_name),
                          [("reason", self.tr("理由(&R)"), QPlainTextEdit())],
                          lambda v: lambda _job: inspection.return_record(db, campaign, r.id, reason=v["reason"],
                                                                          by=user, shown_version=r.version),
                          self.tr("已退回。"))

    def decide(self) -> ActionDialog | None:
        r: RecordInfo | None = self.selected()
        if r is None or not self.decide_button.isEnabled() or self.campaign is None:
            return None
        db, user, campaign, lang = self.ctx.db, self.ctx.user, self.campaign, self.ctx.lang
        conclusion = choices([(inspection.conclusion_label(c, lang), c) for c in inspection.CONCLUSIONS])

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: inspection.decide(db, campaign, r.id, conclusion=v["conclusion"],
                                                  reasons=v["reasons"], document_no=v["document_no"], by=user,
                                                  shown_version=r.version)

        note = None
        if r.sponsor_opinion:
            note = self.tr("业务主管单位初审意见：%1").replace("%1", inspection.conclusion_label(r.sponsor_opinion, lang))
        return self._form(self.tr("作出年检结论：%1").replace("%1", r.organization_name), [
            ("conclusion", self.tr("结论(&C)"), conclusion),
            ("reasons", self.tr("理由(&R)"), QPlainTextEdit()),
            ("document_no", self.tr("文号(&N)"), QLineEdit())], work, self.tr("已作出年检结论。"),
            changes=Changes(organizations=True, organization_ids=(r.organization_id,), extra={"supervision": True}),
            note=note)

    def revise(self) -> ActionDialog | None:
        r: RecordInfo | None = self.selected()
        if r is None or not self.revise_button.isEnabled() or self.campaign is None:
            return None
        db, user, campaign, lang = self.ctx.db, self.ctx.user, self.campaign, self.ctx.lang
        others = [c for c in inspection.CONCLUSIONS if c != r.conclusion]
        conclusion = choices([(inspection.conclusion_label(c, lang), c) for c in others])

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: inspection.revise(db, campaign, r.id, conclusion=v["conclusion"], reason=v["reason"],
                                                  reasons=v["reasons"], document_no=v["document_no"], by=user,
                                                  shown_version=r.version)

        note = self.tr("现结论：%1").replace("%1", inspection.conclusion_label(r.conclusion, lang))
        return self._form(self.tr("改变年检结论：%1").replace("%1", r.organization_name), [
            ("conclusion", self.tr("新结论(&C)"), conclusion),
            ("reason", self.tr("改变理由(&W)"), QPlainTextEdit()),
            ("reasons", self.tr("结论理由(&R)"), QPlainTextEdit()),
            ("document_no", self.tr("文号(&N)"), QLineEdit())], work, self.tr("已改变年检结论。"),
            changes=Changes(organizations=True, organization_ids=(r.organization_id,), extra={"supervision": True}),
            note=note)
