"""The 培育 workbench's 社区基金 tab: the community funds (contributed, granted, balance) above; the selected
fund's dated entries below.  新建基金…, 捐入…, 资助支出… (``cultivate``) over services/cultivation/funds.py; a grant
that would take the balance below zero on any day is the service's refusal, shown in the form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from civicdesk.errors import InputError
from civicdesk.services.cultivation import community, funds
from civicdesk.services.supervision import enforcement
from civicdesk.ui.cultivation.tab import CultivationTab
from civicdesk.ui.supervision.forms import date_field
from civicdesk.ui.supervision.table import Column

if TYPE_CHECKING:
    from civicdesk.services.cultivation.funds import FundInfo
    from civicdesk.ui.cultivation.forms import CheckedForm
    from civicdesk.ui.cultivation.workbench import CultivationWorkbench


def check_amount(value: Any) -> None:
    """The services' rule for an amount of yuan (above zero, two decimals), and that it is given."""
    if enforcement.amount(value) is None:
        raise InputError("enforce.bad_amount", field="amount", value="")


class FundsTab(CultivationTab):
    def __init__(self, bench: CultivationWorkbench) -> None:
        super().__init__(bench, "funds", text_columns=(0, 1, 2))
        self.search.setPlaceholderText(self.tr("按基金名称、社区或持有方筛选"))
        self.entries = self.detail("fund_entries", self.tr("收支明细(&E)"), [
            Column("entry_on", self.tr("日期"), 90),
            Column("kind", self.tr("收支"), 70, text=lambda e: self.tr("捐入") if e.kind == "contribution"
                   else self.tr("资助支出")),
            Column("amount", self.tr("金额（元）"), 110),
            Column("party", self.tr("捐赠方或受助方"), 180),
            Column("purpose", self.tr("用途"), 200),
            Column("entered_by", self.tr("录入人"), 80)], year_of=lambda e: e.entry_on.year)
        self.add_button = self.button(self.tr("新建基金…"), "fund_add", self.add_fund)
        self.contribute_button = self.button(self.tr("捐入…"), "fund_contribute", self.contribute)
        self.grant_button = self.button(self.tr("资助支出…"), "fund_grant", self.grant)
        self.refresh_actions()

    def make_columns(self) -> list[Column]:
        return [Column("name", self.tr("基金名称"), 200, stretch=True),
                Column("community_name", self.tr("社区"), 200),
                Column("holder", self.tr("持有方"), 180),
                Column("founded_on", self.tr("设立日期"), 90),
                Column("contributed", self.tr("累计筹集（元）"), 120),
                Column("granted", self.tr("累计支出（元）"), 120),
                Column("balance", self.tr("余额（元）"), 110, text=lambda f: f"{f.balance:,.2f}",
                       sort=lambda f: f.balance)]

    def reload(self) -> None:
        db = self.ctx.db
        self.bench.run(lambda _job: funds.list_funds(db), self._loaded, key="funds")

    def _loaded(self, rows: list[FundInfo]) -> None:
        self.after_load(rows, {e.entry_on.year for f in rows for e in f.entries})
        self.summary.setText(self.tr("社区基金 %1 个，累计筹集 %2 元，余额 %3 元。")
                             .replace("%1", str(len(rows)))
                             .replace("%2", f"{sum((f.contributed for f in rows), funds.ZERO):,.2f}")
                             .replace("%3", f"{sum((f.balance for f in rows), funds.ZERO):,.2f}"))

    def read_details(self, row: FundInfo) -> Any:
        return lambda _job: (row.entries,)

    def refresh_actions(self) -> None:
        if not hasattr(self, "grant_button"):
            return
        enter = self.may_enter()
        pick = self.tr("请先选择一个社区基金。") if self.selected() is None else None
        self.set_reasons({self.add_button: enter, self.contribute_button: enter or pick,
                          self.grant_button: enter or pick})

    def open_selected(self) -> None:
        self.click_first_enabled((self.contribute_button,))

    def new(self) -> CheckedForm | None:
        return self.add_fund()

    # -- forms --------------------------------------------------------------------------------------------------
    def add_fund(self) -> CheckedForm | None:
        if not self.add_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        community_code, holder = QLineEdit(), QLineEdit()
        community_code.setPlaceholderText(self.tr("社区（居委会）的区划代码，12 位"))
        holder.setPlaceholderText(self.tr("持有基金会的统一社会信用代码；不在名录中的填下一栏"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: funds.add_fund(db, community=v["community"] or "", name=v["name"] or "",
                                               founded_on=v["founded_on"], holder=v["holder"],
                                               holder_name=v["holder_name"], by=user)

        return self.form(self.tr("新建社区基金"), [
            ("name", self.tr("基金名称(&N)"), QLineEdit()),
            ("community", self.tr("社区(&C)"), community_code),
            ("holder", self.tr("持有方（名录中的组织）(&H)"), holder),
            ("holder_name", self.tr("持有方名称(&M)"), QLineEdit()),
            ("founded_on", self.tr("设立日期(&D)"), date_field())], work, self.tr("已新建社区基金。"),
            checks={"name": lambda v: enforcement.text(v["name"], "name", "基金名称", required=True),
                    "founded_on": lambda v: community.day(v["founded_on"], "founded_on")})

    def _entry(self, kind: str) -> CheckedForm | None:
        f: FundInfo | None = self.selected()
        button = self.contribute_button if kind == "contribution" else self.grant_button
        if f is None or not button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        enter = funds.contribute if kind == "contribution" else funds.grant

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: enter(db, f.id, amount=v["amount"], party=v["party"] or "",
                                      purpose=v["purpose"] or "", entry_on=v["entry_on"], by=user,
                                      shown_version=f.version)

        title = self.tr("捐入：%1") if kind == "contribution" else self.tr("资助支出：%1")
        return self.form(title.replace("%1", f.name), [
            ("amount", self.tr("金额（元）(&A)"), QLineEdit()),
            ("party", self.tr("捐赠方(&P)") if kind == "contribution" else self.tr("受助方(&P)"), QLineEdit()),
            ("purpose", self.tr("用途(&U)"), QPlainTextEdit()),
            ("entry_on", self.tr("日期(&D)"), date_field())], work,
            self.tr("已登记捐入。") if kind == "contribution" else self.tr("已登记资助支出。"),
            checks={"amount": lambda v: check_amount(v["amount"]),
                    "party": lambda v: community.text(v["party"], "party", required=True),
                    "entry_on": lambda v: community.day(v["entry_on"], "entry_on")},
            note=self.tr("余额 %1 元。").replace("%1", f"{f.balance:,.2f}"))

    def contribute(self) -> CheckedForm | None:
        return self._entry("contribution")

    def grant(self) -> CheckedForm | None:
        return self._entry("grant")
