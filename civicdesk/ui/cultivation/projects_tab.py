"""The 培育 workbench's 政府购买服务 tab: the purchased-service projects above (the year, the county, and a text over
the project's name, the organization and the contract number narrow them); the selected project's payments below,
with its contract, period, deliverables and evaluation beside them.  新建项目…, 支付…, 评估… (``cultivate``) over
services/cultivation/projects.py: an organization on the serious credit list, or a payment over the contract, is
the service's refusal, shown as its one line in the form.  打印项目一览表… opens the program's print dialog on the
kind ``projects``, with the year and county chosen here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from civicdesk import clock
from civicdesk.services.cultivation import community, projects
from civicdesk.services.supervision import enforcement, parameters
from civicdesk.ui.cultivation.funds_tab import check_amount
from civicdesk.ui.cultivation.tab import CultivationTab
from civicdesk.ui.supervision.forms import choices, date_field
from civicdesk.ui.supervision.table import WARN, Column

if TYPE_CHECKING:
    from civicdesk.services.cultivation.projects import ProjectInfo
    from civicdesk.ui.cultivation.forms import CheckedForm
    from civicdesk.ui.cultivation.workbench import CultivationWorkbench
    from civicdesk.ui.printing.print_dialog import PrintDialog


def year_field() -> QSpinBox:
    box = QSpinBox()
    box.setRange(projects.FIRST_YEAR, clock.today().year)
    box.setValue(clock.today().year)
    return box


class ProjectsTab(CultivationTab):
    def __init__(self, bench: CultivationWorkbench) -> None:
        super().__init__(bench, "projects", text_columns=(1, 4, 9))
        self.search.setPlaceholderText(self.tr("按项目名称、承接组织或合同编号筛选"))
        self.office_code = ""
        self.sources: list[dict[str, str]] = []
        self.payments = self.detail("project_payments", self.tr("支付记录(&P)"), [
            Column("paid_on", self.tr("支付日期"), 90),
            Column("amount", self.tr("金额（元）"), 110),
            Column("note", self.tr("备注"), 160)], year_of=lambda p: p.paid_on.year)
        self.facts = QPlainTextEdit()
        self.facts.setObjectName("project_facts")
        self.facts.setReadOnly(True)
        title = QLabel(self.tr("合同与评估(&C)"))
        title.setBuddy(self.facts)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.facts, 1)
        self.split.addWidget(box)
        self.split.setSizes([520, 700])
        self.add_button = self.button(self.tr("新建项目…"), "project_add", self.add_project)
        self.pay_button = self.button(self.tr("支付…"), "project_pay", self.pay)
        self.evaluate_button = self.button(self.tr("评估…"), "project_evaluate", self.evaluate)
        self.print_button = self.button(self.tr("打印项目一览表…"), "projects_print", self.print_list)
        self.search.textChanged.connect(lambda _text: self._summarize())
        self.refresh_actions()

    def source_label(self, code: str) -> str:
        words = "en" if self.ctx.lang.startswith("en") else "zh"
        return next((s.get(words) or code for s in self.sources if s.get("key") == code), code)

    def evaluation_label(self, code: str | None) -> str:
        return projects.evaluation_label(code, self.ctx.lang) if code else self.tr("未评估")

    def make_columns(self) -> list[Column]:
        return [Column("year", self.tr("年度"), 50),
                Column("name", self.tr("项目名称"), 240, stretch=True),
                Column("division_code", self.tr("区县"), 70, text=lambda p: self.labels.division(p.division_code)),
                Column("department", self.tr("购买主体"), 130),
                Column("organization_name", self.tr("承接组织"), 180),
                Column("funding_source", self.tr("资金来源"), 100, text=lambda p: self.source_label(p.funding_source)),
                Column("amount", self.tr("合同金额（元）"), 110),
                Column("paid", self.tr("已支付（元）"), 110),
                Column("evaluation", self.tr("评估结果"), 70, text=lambda p: self.evaluation_label(p.evaluation),
                       color=lambda p: WARN if p.evaluation in (None, "fail") else None),
                Column("contract_no", self.tr("合同编号"), 120)]

    def year_of_row(self, row: ProjectInfo) -> int | None:
        return row.year

    def reload(self) -> None:
        db = self.ctx.db

        def load(_job: Any) -> tuple[list[ProjectInfo], str, list[dict[str, str]]]:
            return (projects.list_projects(db), db.office().code,
                    list(parameters.value(db, projects.FUNDING_KEY) or []))

        self.bench.run(load, self._loaded, key="projects")

    def _loaded(self, result: tuple[list[ProjectInfo], str, list[dict[str, str]]]) -> None:
        rows, self.office_code, self.sources = result
        self.after_load(rows, {p.year for p in rows})
        self._summarize()

    def _summarize(self) -> None:
        """What the rows shown (after the filters) add up to."""
        shown = [self.proxy.data(self.proxy.index(i, 0), Qt.ItemDataRole.UserRole + 5)
                 for i in range(self.proxy.rowCount())]
        self.summary.setText(self.tr("项目 %1 个，合同金额 %2 元，已支付 %3 元。")
                             .replace("%1", str(len(shown)))
                             .replace("%2", f"{sum((p.amount for p in shown), projects.ZERO):,.2f}")
                             .replace("%3", f"{sum((p.paid for p in shown), projects.ZERO):,.2f}"))

    def _filter(self) -> None:
        super()._filter()
        self._summarize()

    def read_details(self, row: ProjectInfo) -> Any:
        db = self.ctx.db
        return lambda _job: (projects.get_project(db, row.id).payments,)

    def details_shown(self, row: ProjectInfo) -> None:
        lines = [
            self.tr("项目：%1").replace("%1", row.name),
            self.tr("合同编号：%1").replace("%1", row.contract_no or "—"),
            self.tr("承接组织：%1").replace("%1", row.organization_name + (f"（{row.uscc}）" if row.uscc else "")),
            self.tr("服务期限：%1 至 %2").replace("%1", row.starts_on.isoformat()).replace("%2", row.ends_on.isoformat()),
            self.tr("合同金额 %1 元，已支付 %2 元，未支付 %3 元。").replace("%1", f"{row.amount:,.2f}")
            .replace("%2", f"{row.paid:,.2f}").replace("%3", f"{row.unpaid:,.2f}"),
            self.tr("评估结果：%1").replace("%1", self.evaluation_label(row.evaluation))
            + (f"（{row.evaluated_on.isoformat()}）" if row.evaluated_on else ""),
            self.tr("服务内容及成果：%1").replace("%1", row.deliverables)]
        self.facts.setPlainText("\n".join(lines))

    def load_details(self, force: bool = False) -> None:
        if self.selected() is None:
            self.facts.setPlainText("")
        super().load_details(force)

    def refresh_actions(self) -> None:
        if not hasattr(self, "print_button"):
            return
        p: ProjectInfo | None = self.selected()
        enter = self.may_enter()
        pick = self.tr("请先选择一个项目。") if p is None else None
        self.set_reasons({
            self.add_button: enter,
            self.pay_button: enter or pick or (self.tr("合同金额已全部支付。") if p is not None and p.unpaid <= 0
                                               else None),
            self.evaluate_button: enter or pick or (self.tr("这个项目已经评估。") if p is not None and p.evaluation
                                                    else None),
            self.print_button: None})

    def open_selected(self) -> None:
        self.click_first_enabled((self.pay_button, self.evaluate_button))

    def new(self) -> CheckedForm | None:
        return self.add_project()

    def print_list(self) -> PrintDialog:
        """The print dialog on the project list, for the year and county chosen here."""
        from civicdesk.services.printing.kind_projects import ProjectsOptions  # reportlab: not on opening
        from civicdesk.ui.printing.print_dialog import open_kind

        return open_kind(self.bench, "projects",
                         ProjectsOptions(year=self.year.currentData(), county=self.county.currentData()))

    # -- forms --------------------------------------------------------------------------------------------------
    def add_project(self) -> CheckedForm | None:
        if not self.add_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        sources = {s["key"]: s["zh"] for s in self.sources}
        org = QLineEdit()
        org.setPlaceholderText(self.tr("承接组织的统一社会信用代码"))
        amount = QLineEdit()
        amount.setAlignment(Qt.AlignmentFlag.AlignRight)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: projects.add(
                db, name=v["name"] or "", department=v["department"] or "", year=v["year"],
                funding_source=v["funding_source"], organization=v["organization"] or "", amount=v["amount"],
                starts_on=v["starts_on"], ends_on=v["ends_on"], deliverables=v["deliverables"] or "",
                contract_no=v["contract_no"], division=v["division"], by=user)

        return self.form(self.tr("新建政府购买服务项目"), [
            ("name", self.tr("项目名称(&N)"), QLineEdit()),
            ("department", self.tr("购买主体(&B)"), QLineEdit()),
            ("division", self.tr("区县(&V)"), choices(self.counties(self.office_code))),
            ("year", self.tr("年度(&Y)"), year_field()),
            ("funding_source", self.tr("资金来源(&F)"), choices([(self.source_label(k), k) for k in sources])),
            ("organization", self.tr("承接组织(&O)"), org),
            ("contract_no", self.tr("合同编号(&C)"), QLineEdit()),
            ("amount", self.tr("合同金额（元）(&A)"), amount),
            ("starts_on", self.tr("服务开始(&S)"), date_field()),
            ("ends_on", self.tr("服务结束(&E)"), date_field()),
            ("deliverables", self.tr("服务内容及成果(&D)"), QPlainTextEdit())], work, self.tr("已新建项目。"),
            checks={"name": lambda v: enforcement.text(v["name"], "name", "项目名称", required=True),
                    "amount": lambda v: check_amount(v["amount"]),
                    "starts_on": lambda v: community.day(v["starts_on"], "starts_on")},
            row_check=lambda v: projects.check_project(v, sources),
            note=self.tr("列入严重违法失信名单的组织不能承接政府购买服务。"))

    def pay(self) -> CheckedForm | None:
        p: ProjectInfo | None = self.selected()
        if p is None or not self.pay_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        amount = QLineEdit()
        amount.setAlignment(Qt.AlignmentFlag.AlignRight)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: projects.pay(db, p.id, amount=v["amount"], paid_on=v["paid_on"], note=v["note"],
                                             by=user, shown_version=p.version)

        return self.form(self.tr("支付：%1").replace("%1", p.name), [
            ("amount", self.tr("金额（元）(&A)"), amount),
            ("paid_on", self.tr("支付日期(&D)"), date_field()),
            ("note", self.tr("备注(&N)"), QLineEdit())], work, self.tr("已登记支付。"),
            checks={"amount": lambda v: check_amount(v["amount"]),
                    "paid_on": lambda v: community.day(v["paid_on"], "paid_on")},
            note=self.tr("合同金额 %1 元，已支付 %2 元，未支付 %3 元。").replace("%1", f"{p.amount:,.2f}")
            .replace("%2", f"{p.paid:,.2f}").replace("%3", f"{p.unpaid:,.2f}"))

    def evaluate(self) -> CheckedForm | None:
        p: ProjectInfo | None = self.selected()
        if p is None or not self.evaluate_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: projects.evaluate(db, p.id, result=v["result"], on=v["evaluated_on"], by=user,
                                                 shown_version=p.version)

        return self.form(self.tr("评估：%1").replace("%1", p.name), [
            ("result", self.tr("评估结果(&R)"), choices([(self.evaluation_label(k), k) for k in projects.EVALUATIONS])),
            ("evaluated_on", self.tr("评估日期(&D)"), date_field())], work, self.tr("已登记评估结果。"),
            checks={"evaluated_on": lambda v: community.day(v["evaluated_on"], "evaluated_on")})
