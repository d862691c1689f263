"""The 培育 workbench's 公益创投 tab: the rounds (公益创投 and 金点子) above; the selected round's applications
below, ranked by their mean score.  新建一轮…, 申报…, 评分…, 拨付… (``cultivate``), 资助… and 不予资助… (a reviewer
other than whoever entered the application: greyed with the reason otherwise) over
services/cultivation/venture.py; 打印评审报告… opens the program's print dialog on the selected round's report
(print kind ``venture-report``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from civicdesk.services.cultivation import community, venture
from civicdesk.services.supervision import enforcement
from civicdesk.ui.cultivation.funds_tab import check_amount
from civicdesk.ui.cultivation.tab import CultivationTab
from civicdesk.ui.supervision.forms import choices, date_field, why_not_decide
from civicdesk.ui.supervision.table import WARN, Column

if TYPE_CHECKING:
    from civicdesk.services.cultivation.venture import ApplicationInfo, RoundInfo
    from civicdesk.ui.cultivation.forms import CheckedForm
    from civicdesk.ui.cultivation.workbench import CultivationWorkbench
    from civicdesk.ui.printing.print_dialog import PrintDialog


class VentureTab(CultivationTab):
    def __init__(self, bench: CultivationWorkbench) -> None:
        super().__init__(bench, "rounds", text_columns=(0, 2))
        self.search.setPlaceholderText(self.tr("按名称或主办单位筛选"))
        self.apps = self.detail("applications", self.tr("申报项目（按平均分排名）(&A)"), [
            Column("rank", self.tr("名次"), 50),
            Column("applicant", self.tr("申报方"), 200),
            Column("project_title", self.tr("项目名称"), 180),
            Column("amount_asked", self.tr("申请金额（元）"), 110),
            Column("mean", self.tr("平均分"), 70, text=lambda a: "" if a.mean is None else f"{a.mean}",
                   sort=lambda a: a.mean),
            Column("judges", self.tr("评审人数"), 70, text=lambda a: str(len(a.scores)),
                   sort=lambda a: len(a.scores)),
            Column("state", self.tr("状态"), 80, text=self.state_label,
                   color=lambda a: WARN if a.state == "submitted" else None),
            Column("amount_awarded", self.tr("资助金额（元）"), 110),
            Column("paid", self.tr("已拨付（元）"), 100)], year_of=lambda a: a.submitted_on.year)
        self.round_button = self.button(self.tr("新建一轮…"), "round_add", self.add_round)
        self.apply_button = self.button(self.tr("申报…"), "round_apply", self.apply)
        self.score_button = self.button(self.tr("评分…"), "application_score", self.score)
        self.award_button = self.button(self.tr("资助…"), "application_award", self.award)
        self.decline_button = self.button(self.tr("不予资助…"), "application_decline", self.decline)
        self.pay_button = self.button(self.tr("拨付…"), "application_pay", self.pay)
        self.print_button = self.button(self.tr("打印评审报告…"), "round_print", self.print_report)
        self.refresh_actions()

    def state_label(self, a: ApplicationInfo) -> str:
        return {"submitted": self.tr("待决定"), "awarded": self.tr("已资助"),
                "declined": self.tr("不予资助")}.get(a.state, a.state)

    def kind_label(self, kind: str) -> str:
        return self.tr("公益创投") if kind == "venture" else self.tr("金点子")

    def make_columns(self) -> list[Column]:
        return [Column("name", self.tr("名称"), 200, stretch=True),
                Column("kind", self.tr("类别"), 70, text=lambda r: self.kind_label(r.kind)),
                Column("organizer", self.tr("主办单位"), 150),
                Column("division_code", self.tr("区县"), 80, text=lambda r: self.labels.division(r.division_code)),
                Column("budget", self.tr("预算（元）"), 110),
                Column("opens_on", self.tr("开始申报"), 90),
                Column("closes_on", self.tr("截止申报"), 90),
                Column("applications", self.tr("申报数"), 60),
                Column("awarded", self.tr("已资助（元）"), 110),
                Column("paid", self.tr("已拨付（元）"), 110)]

    def year_of_row(self, row: RoundInfo) -> int | None:
        return row.opens_on.year

    def reload(self) -> None:
        db = self.ctx.db
        self.bench.run(lambda _job: venture.list_rounds(db), self._loaded, key="rounds")

    def _loaded(self, rows: list[RoundInfo]) -> None:
        self.after_load(rows, {r.opens_on.year for r in rows})
        self.summary.setText(self.tr("%1 轮，预算 %2 元，已资助 %3 元，已拨付 %4 元。")
                             .replace("%1", str(len(rows)))
                             .replace("%2", f"{sum((r.budget for r in rows), venture.ZERO):,.2f}")
                             .replace("%3", f"{sum((r.awarded for r in rows), venture.ZERO):,.2f}")
                             .replace("%4", f"{sum((r.paid for r in rows), venture.ZERO):,.2f}"))

    def read_details(self, row: RoundInfo) -> Any:
        db = self.ctx.db
        return lambda _job: (venture.get_round(db, row.id).applications,)

    def refresh_actions(self) -> None:
        if not hasattr(self, "print_button"):
            return
        r, a = self.selected(), self.apps.selected()
        enter = self.may_enter()
        pick_round = self.tr("请先选择一轮公益创投或金点子。") if r is None else None
        pick = self.tr("请先在下表选择一个申报项目。") if a is None else None
        eyes = why_not_decide(self.ctx, a.entered_by, None) if a is not None else None
        open_ = None if a is None or a.state == "submitted" else self.tr("这个项目已经作出决定。")
        self.set_reasons({
            self.round_button: enter, self.apply_button: enter or pick_round,
            self.score_button: enter or pick or open_,
            self.award_button: pick or eyes or open_, self.decline_button: pick or eyes or open_,
            self.pay_button: enter or pick or (None if a is not None and a.state == "awarded"
                                               else self.tr("只有已资助的项目可以拨付。")),
            self.print_button: pick_round})
        self.explain(eyes if a is not None and a.state == "submitted" else None)

    def open_selected(self) -> None:
        self.click_first_enabled((self.apply_button,))

    def print_report(self) -> PrintDialog | None:
        """The print dialog on the selected round's report (公益创投评审结果报告, 金点子大赛结果报告)."""
        r: RoundInfo | None = self.selected()
        if r is None:
            return None
        from civicdesk.services.printing.kind_venture import VentureReportOptions  # reportlab: not on opening
        from civicdesk.ui.printing.print_dialog import open_kind

        return open_kind(self.bench, "venture-report", VentureReportOptions(round=r.id))

    def new(self) -> CheckedForm | None:
        return self.add_round()

    # -- forms --------------------------------------------------------------------------------------------------
    def add_round(self) -> CheckedForm | None:
        if not self.round_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: venture.add_round(
                db, name=v["name"] or "", kind=v["kind"], organizer=v["organizer"] or "", budget=v["budget"],
                opens_on=v["opens_on"], closes_on=v["closes_on"], by=user)

        return self.form(self.tr("新建一轮"), [
            ("name", self.tr("名称(&N)"), QLineEdit()),
            ("kind", self.tr("类别(&K)"), choices([(self.kind_label(k), k) for k in venture.KINDS])),
            ("organizer", self.tr("主办单位(&O)"), QLineEdit()),
            ("budget", self.tr("预算（元）(&B)"), QLineEdit()),
            ("opens_on", self.tr("开始申报(&S)"), date_field()),
            ("closes_on", self.tr("截止申报(&E)"), date_field())], work, self.tr("已新建。"),
            checks={"name": lambda v: enforcement.text(v["name"], "name", "名称", required=True),
                    "budget": lambda v: check_amount(v["budget"]),
                    "opens_on": lambda v: community.day(v["opens_on"], "opens_on")})

    def apply(self) -> CheckedForm | None:
        r: RoundInfo | None = self.selected()
        if r is None or not self.apply_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        org = QLineEdit()
        org.setPlaceholderText(self.tr("统一社会信用代码；未登记的填下一栏"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: venture.apply(
                db, r.id, title=v["title"] or "", amount=v["amount"], submitted_on=v["submitted_on"],
                organization=v["organization"], applicant=v["applicant"], summary=v["summary"], by=user)

        return self.form(self.tr("申报：%1").replace("%1", r.name), [
            ("organization", self.tr("组织(&O)"), org),
            ("applicant", self.tr("申报人（未登记）(&P)"), QLineEdit()),
            ("title", self.tr("项目名称(&T)"), QLineEdit()),
            ("summary", self.tr("项目简介(&S)"), QPlainTextEdit()),
            ("amount", self.tr("申请金额（元）(&A)"), QLineEdit()),
            ("submitted_on", self.tr("申报日期(&D)"), date_field())], work, self.tr("已登记申报。"),
            checks={"title": lambda v: enforcement.text(v["title"], "title", "项目名称", required=True),
                    "amount": lambda v: check_amount(v["amount"]),
                    "submitted_on": lambda v: community.day(v["submitted_on"], "submitted_on")})

    def _app_form(self, button: Any, title: str, fields: list[tuple[str, str, Any]], call: Any, done: str,
                  checks: dict[str, Any] | None = None) -> CheckedForm | None:
        a: ApplicationInfo | None = self.apps.selected()
        if a is None or not button.isEnabled():
            return None
        return self.form(title.replace("%1", a.project_title), fields, lambda v: (lambda _job: call(a, v)), done,
                         checks=checks)

    def score(self) -> CheckedForm | None:
        db, user = self.ctx.db, self.ctx.user
        return self._app_form(self.score_button, self.tr("评分：%1"), [
            ("judge", self.tr("评审(&J)"), QLineEdit()),
            ("value", self.tr("分数(&S)"), QLineEdit()),
            ("scored_on", self.tr("评分日期(&D)"), date_field())],
            lambda a, v: venture.score(db, a.id, judge=v["judge"] or "", value=v["value"],
                                       scored_on=v["scored_on"], by=user, shown_version=a.version),
            self.tr("已登记评分。"),
            {"scored_on": lambda v: community.day(v["scored_on"], "scored_on")})

    def award(self) -> CheckedForm | None:
        db, user = self.ctx.db, self.ctx.user
        return self._app_form(self.award_button, self.tr("资助：%1"), [
            ("amount", self.tr("资助金额（元）(&A)"), QLineEdit()),
            ("decided_on", self.tr("决定日期(&D)"), date_field())],
            lambda a, v: venture.award(db, a.id, amount=v["amount"], decided_on=v["decided_on"], by=user,
                                       shown_version=a.version),
            self.tr("已决定资助。"), {"amount": lambda v: check_amount(v["amount"]),
                                  "decided_on": lambda v: community.day(v["decided_on"], "decided_on")})

    def decline(self) -> CheckedForm | None:
        db, user = self.ctx.db, self.ctx.user
        return self._app_form(self.decline_button, self.tr("不予资助：%1"), [
            ("decided_on", self.tr("决定日期(&D)"), date_field())],
            lambda a, v: venture.decline(db, a.id, decided_on=v["decided_on"], by=user, shown_version=a.version),
            self.tr("已决定不予资助。"), {"decided_on": lambda v: community.day(v["decided_on"], "decided_on")})

    def pay(self) -> CheckedForm | None:
        db, user = self.ctx.db, self.ctx.user
        return self._app_form(self.pay_button, self.tr("拨付：%1"), [
            ("amount", self.tr("金额（元）(&A)"), QLineEdit()),
            ("paid_on", self.tr("拨付日期(&D)"), date_field()),
            ("note", self.tr("备注(&N)"), QLineEdit())],
            lambda a, v: venture.pay(db, a.id, amount=v["amount"], paid_on=v["paid_on"], note=v["note"], by=user,
                                     shown_version=a.version),
            self.tr("已登记拨付。"), {"amount": lambda v: check_amount(v["amount"]),
                                  "paid_on": lambda v: community.day(v["paid_on"], "paid_on")})
