"""The workbench's 信用名单 tab: the listings of this office on the two credit lists (民政部令第60号) and every
step of one.

Filters: the list (both, 活动异常名录, 严重违法失信名单), the state (待决定和已列入 by default, all, or one), the
organization's name or code.  Actions: 规则引擎提议 (the rule engine over the records: it says how many
listings and removals it proposed), 手工提议… (a clerk, a ground of the parameter ``credit.grounds`` for the
list, its evidence when the ground asks for it), 决定列入… and 不予列入… (a reviewer other than the proposer:
greyed with the reason otherwise), 提议移出… (refused before its time: the service's one line stays in the
form), 决定移出… (four eyes on whoever proposed the removal), 登记异议…, 决定异议… (four eyes on whoever
entered the objection).  Under the table, the selected listing's ground, evidence and steps.

At the city the list is the city's own listings; "全市（含各区县）" lists every office's the city holds, with every
office's timers (read only: a district decides its own listings; the city may only rule on one, 市局裁决…).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from civicdesk import messages
from civicdesk.services.supervision import credit, parameters, ruling
from civicdesk.ui.context import Changes
from civicdesk.ui.supervision import ruling_form
from civicdesk.ui.supervision.forms import ActionDialog, choices, date_field, why_not, why_not_decide
from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import BAD, WARN, Column, RowsFilter, RowsModel, make_view

if TYPE_CHECKING:
    from civicdesk.services.supervision.credit import CreditStep, DueItem, ListingInfo
    from civicdesk.services.supervision.ruling import RulingInfo
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench

#: the states the tab shows unless another is chosen
CURRENT = ("proposed", "listed")


@dataclass(frozen=True)
class CreditRow:
    """A listing as the tab shows it: with its removal timer and its objections not yet decided."""

    id: str
    listing: ListingInfo
    removal_due: DueItem | None  # a removal falling due, or a proposed removal awaiting its decision
    objections: tuple[DueItem, ...]  # received, not decided (oldest first)


@dataclass(frozen=True)
class CreditLoad:
    rows: list[CreditRow]
    grounds: list[dict[str, Any]]
    complete: bool = True  # False: the first page only (no timers), the whole list still being read


#: the listings of the first page: shown at once, before every listing with its timers (a city may hold 100,000)
FIRST_PAGE = 200


def first_page(db: Any, whole_city: bool = False) -> CreditLoad:
    """The newest listings waiting for a decision or in force, without their timers: what the tab shows while
    :func:`load` reads them all."""
    rows = credit.list_listings(db, office="all" if whole_city else None, states=CURRENT, limit=FIRST_PAGE)
    return CreditLoad([CreditRow(r.id, r, None, ()) for r in rows], list(parameters.value(db, "credit.grounds")),
                      complete=False)


def load(db: Any, whole_city: bool = False) -> CreditLoad:
    """The office's listings (every state) with their timers, and the grounds of this office; ``whole_city``:
    every office's listings held here, each with its own office's timers."""
    office = "all" if whole_city else None
    items = credit.due(db, office=office)
    removals = {i.listing_id: i for i in items if i.kind in ("removal", "removal_decide")}
    objections: dict[str, list[DueItem]] = {}
    for i in items:
        if i.kind == "objection":
            objections.setdefault(i.listing_id, []).append(i)
    rows = [CreditRow(r.id, r, removals.get(r.id), tuple(objections.get(r.id, ())))
            for r in credit.list_listings(db, office=office)]
    return CreditLoad(rows, list(parameters.value(db, "credit.grounds")))


class CreditTab(CampaignTab):
    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench, "credit", text_columns=(0, 1))
        self.grounds: list[dict[str, Any]] = list(parameters.value(self.ctx.db, "credit.grounds"))
        lang = self.ctx.lang
        self.list_kind = choices([(self.tr("全部名单"), None)]
                                 + [(credit.list_label(k, lang), k) for k in credit.LISTS])
        self.list_kind.setObjectName("credit_list")
        self.state = choices([(self.tr("待决定和已列入"), CURRENT), (self.tr("全部状态"), None)]
                             + [(credit.state_label(s, lang), (s,)) for s in credit.STATES])
        self.state.setObjectName("credit_state")
        for widget in (self.list_kind, self.state):
            self.filters.addWidget(widget)
            widget.currentIndexChanged.connect(lambda _i: self._filter())
        self.whole_city: QCheckBox | None = None
        if ruling_form.at_city(self.ctx):
            self.whole_city = QCheckBox(self.tr("全市（含各区县）"))
            self.whole_city.setObjectName("credit_whole_city")
            self.whole_city.setToolTip(self.tr("列出本库中全市各单位的名单记录和到期提醒（只读；区县的记录可作市局裁决）"))
            self.filters.addWidget(self.whole_city)
            self.whole_city.toggled.connect(lambda _on: self.reload())
        self.detail = QLabel()
        self.detail.setObjectName("credit_detail")
        self.detail.setWordWrap(True)
        self.steps = RowsModel(self._step_columns(), self, id_field="at")
        self.steps_proxy = RowsFilter(self)
        self.steps_table = make_view(self.steps, self.steps_proxy, "credit_steps", self)
        self.steps_table.setMaximumHeight(110)
        self.body.addWidget(self.detail)
        self.body.addWidget(self.steps_table)
        self.steps_of: str | None = None  # the listing whose steps are shown
        self.select_first = False  # from 到期提醒 before the first load: select the line once the rows are in
        self.step_list: tuple[CreditStep, ...] = ()

        self.engine_button = self.button(self.tr("规则引擎提议"), "credit_engine", self.run_engine)
        self.propose_button = self.button(self.tr("手工提议…"), "credit_propose", self.propose)
        self.decide_button = self.button(self.tr("决定列入…"), "credit_decide", self.decide)
        self.reject_button = self.button(self.tr("不予列入…"), "credit_reject", self.reject)
        # the steps after a listing in a second row: eight buttons in one would make the window wide
        self.later_row = QHBoxLayout()
        self.later_row.addStretch(1)
        box = self.layout()
        assert isinstance(box, QVBoxLayout)
        box.insertLayout(box.indexOf(self.why), self.later_row)
        self.actions_row, first_row = self.later_row, self.actions_row
        self.removal_button = self.button(self.tr("提议移出…"), "credit_removal", self.propose_removal)
        self.decide_removal_button = self.button(self.tr("决定移出…"), "credit_decide_removal", self.decide_removal)
        self.object_button = self.button(self.tr("登记异议…"), "credit_object", self.object_to)
        self.objection_button = self.button(self.tr("决定异议…"), "credit_decide_objection", self.decide_objection)
        # the city bureau's ruling on a district's listing (the city holds the districts' rows through sync)
        self.ruling_button = self.button(self.tr("市局裁决…"), "credit_ruling", self.rule) \
            if ruling_form.at_city(self.ctx) else None
        self.rulings: list[RulingInfo] = []  # the selected listing's
        self.actions_row = first_row
        self._filter()
        self.refresh_actions()

    def make_columns(self) -> list[Column]:
        lang = self.ctx.lang
        return [Column("organization_name", self.tr("组织名称"), 200, stretch=True,
                       text=lambda r: r.listing.organization_name),
                Column("uscc", self.tr("统一社会信用代码"), 150, text=lambda r: r.listing.uscc or ""),
                Column("list_kind", self.tr("名单"), 100, text=lambda r: credit.list_label(r.listing.list_kind, lang)),
                Column("ground", self.tr("列入情形"), 170, text=lambda r: self._ground(r.listing.ground),
                       tip=lambda r: self._ground(r.listing.ground)),
                Column("state", self.tr("状态"), 80, text=lambda r: credit.state_label(r.listing.state, lang)),
                Column("proposed_on", self.tr("提出日期、提出人"), 170,
                       text=lambda r: f"{r.listing.proposed_on.isoformat()} {self._actor(r.listing.proposed_by)}",
                       sort=lambda r: r.listing.proposed_on),
                Column("decision_no", self.tr("决定文号"), 120, text=lambda r: r.listing.decision_no or ""),
                Column("listed_on", self.tr("列入日期"), 90, text=lambda r: _iso(r.listing.listed_on),
                       sort=lambda r: r.listing.listed_on),
                Column("removal", self.tr("移出事由、期限"), 150, text=self._removal,
                       sort=lambda r: r.removal_due.due_on if r.removal_due else None,
                       color=lambda r: _bucket_color(r.removal_due), tip=lambda r: self._due_tip(r.removal_due)),
                Column("office_code", self.tr("登记管理机关"), 140,
                       text=lambda r: self.labels.division(r.listing.office_code))]

    def _step_columns(self) -> list[Column]:
        lang = self.ctx.lang
        return [Column("at", self.tr("时间"), 130),
                Column("action", self.tr("步骤"), 130, text=lambda s: self._step_label(s.action)),
                Column("to_state", self.tr("结果状态"), 110, text=lambda s: credit.state_label(s.to_state, lang)),
                Column("actor", self.tr("办理人"), 80, text=lambda s: self._actor(s.actor)),
                Column("comment", self.tr("说明"), 300, stretch=True)]

    # -- words ----------------------------------------------------------------------------------------------------
    def _ground(self, code: str) -> str:
        return credit.ground_label(code, self.ctx.lang, self.grounds)

    def _actor(self, name: str | None) -> str:
        return self.tr("规则引擎") if name == credit.RULES_ACTOR else name or ""

    def _removal(self, r: CreditRow) -> str:
        """The removal's ground and the day it is due: 已整改 2026-12-09 (a decision due), 到期应移出 2027-05-06."""
        ground = r.listing.removal_ground
        words = messages.label(f"credit_removal.{ground}", self.ctx.lang) if ground else \
            self.tr("到期应移出") if r.removal_due is not None and r.removal_due.kind == "removal" else ""
        if r.removal_due is not None:
            return f"{words} {r.removal_due.due_on.isoformat()}".strip()
        return words

    def _due_tip(self, item: DueItem | None) -> str | None:
        if item is None:
            return None
        words = messages.label(f"credit_due.{item.kind}", self.ctx.lang)
        return f"{words}\n{item.note}" if item.note else words

    def _step_label(self, action: str) -> str:
        labels = {"propose": self.tr("提出列入"), "list": self.tr("决定列入"), "reject": self.tr("不予列入"),
                  "move": self.tr("转入严重违法失信名单"), "propose_removal": self.tr("提出移出"),
                  "remove": self.tr("决定移出"), "keep": self.tr("不予移出"), "object": self.tr("登记异议"),
                  "objection_upheld": self.tr("异议不成立，维持列入"),
                  "objection_corrected": self.tr("异议部分成立，更正记录"),
                  "objection_annulled": self.tr("异议成立，撤销列入")}
        return labels.get(action, action)

    def _objection_decisions(self) -> list[tuple[str, str]]:
        return [(self.tr("维持列入（异议不成立）"), "upheld"), (self.tr("更正记录"), "corrected"),
                (self.tr("撤销列入（异议成立）"), "annulled")]

    # -- loading --------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """The first page at once, then every listing with its timers (the runner does one after the other)."""
        db, whole = self.ctx.db, self.consolidated()
        self.bench.run(lambda _job: first_page(db, whole), self._first_loaded, key="credit.first")
        self.bench.run(lambda _job: load(db, whole), self._loaded, key="credit")

    def _first_loaded(self, result: CreditLoad) -> None:
        if self.proxy.rowCount():  # the whole list came first (or a reload keeps showing the last one)
            return
        self.grounds = result.grounds
        self.set_rows(result.rows)
        self.summary.setText(self.tr("正在读取全部信用名单记录…"))

    def consolidated(self) -> bool:
        """Whether the tab lists every office's listings (read only) rather than the office's own."""
        return self.whole_city is not None and self.whole_city.isChecked()

    def _loaded(self, result: CreditLoad) -> None:
        self.grounds = result.grounds
        self.set_rows(result.rows)
        if self.select_first and self.proxy.rowCount():
            self.select_first = False
            self.table.selectRow(0)
        rows = [r.listing for r in result.rows]
        count = {s: sum(1 for r in rows if r.state == s) for s in CURRENT}
        kinds = {k: sum(1 for r in rows if r.state == "listed" and r.list_kind == k) for k in credit.LISTS}
        self.summary.setText(self.tr("待决定 %1 条；已列入 %2 条（活动异常名录 %3，严重违法失信名单 %4）")
                             .replace("%1", str(count["proposed"])).replace("%2", str(count["listed"]))
                             .replace("%3", str(kinds["abnormal"])).replace("%4", str(kinds["serious"])))
        self._load_steps(force=True)

    def show_organization(self, name: str) -> None:
        super().show_organization(name)
        self.select_first = self.selected() is None

    def _filter(self) -> None:
        kind, states = self.list_kind.currentData(), self.state.currentData()
        self.proxy.set_predicate(lambda r: (kind is None or r.listing.list_kind == kind)
                                 and (states is None or r.listing.state in states))
        self.refresh_actions()

    def _load_steps(self, force: bool = False) -> None:
        r: CreditRow | None = self.selected()
        if r is None:
            self.steps_of, self.step_list, self.rulings = None, (), []
            self.steps.set_rows([])
            return
        if r.id == self.steps_of and not force:
            return
        db, listing_id = self.ctx.db, r.id
        self.steps_of = listing_id

        def shown(found: tuple[ListingInfo, list[RulingInfo]]) -> None:
            info, self_rulings = found
            if self.steps_of == info.id:
                self.step_list, self.rulings = info.steps, self_rulings
                self.steps.set_rows(list(info.steps))
                self.refresh_actions()

        self.bench.run(lambda _job: (credit.get_listing(db, listing_id), ruling.list_rulings(db, subject_id=listing_id)),
                       shown, key="credit.steps")

    # -- the selected row -------------------------------------------------------------------------------------------
    def refresh_actions(self) -> None:
        if not hasattr(self, "objection_button"):
            return
        r: CreditRow | None = self.selected()
        enter, decide = why_not(self.ctx, credit.ENTER), why_not(self.ctx, credit.DECIDE)
        pick = self.tr("请先选择一条名单记录。")
        listing = r.listing if r is not None else None
        reasons: dict[Any, str | None] = {self.engine_button: enter, self.propose_button: enter}
        eyes = why_not_decide(self.ctx, listing.proposed_by, None) if listing is not None else decide
        reasons[self.decide_button] = reasons[self.reject_button] = pick if listing is None else eyes or (
            None if listing.state == "proposed" else self.tr("只有待决定的提议可以决定列入或不予列入。"))
        pending = listing is not None and listing.removal_proposed_on is not None
        reasons[self.removal_button] = enter or (pick if listing is None else None if listing.state == "listed"
                                                 and not pending else self.tr("已提出移出，待决定。") if pending
                                                 else self.tr("只有已列入的记录可以提出移出。"))
        removal_eyes = why_not_decide(self.ctx, listing.removal_proposed_by, None) if listing is not None else decide
        reasons[self.decide_removal_button] = pick if listing is None else removal_eyes or (
            None if pending and listing.state == "listed" else self.tr("没有待决定的移出申请。"))
        reasons[self.object_button] = enter or (pick if listing is None else None if listing.state in CURRENT
                                                else self.tr("只有待决定或已列入的记录可以登记异议。"))
        objection_eyes = decide
        if r is not None and not r.objections:
            objection_eyes = decide or self.tr("没有待处理的异议。")
        elif r is not None and decide is None and self.steps_of == r.id:
            entered = {s.comment: s.actor for s in self.step_list if s.action == "object"}
            if all(why_not_decide(self.ctx, entered.get(o.objection_id), None) for o in r.objections):
                objection_eyes = self.tr("登记异议的人不能处理该异议：须由另一名审核人员处理（双人复核）。")
        reasons[self.objection_button] = pick if r is None else objection_eyes
        if self.ruling_button is not None:
            reasons[self.ruling_button] = ruling_form.why_not_rule(
                self.ctx, listing.office_code if listing else None, listing.state if listing else None)
        if self.consolidated():  # the whole city is read only: the city's own steps are taken in its own list
            whole = self.tr("全市列表只供查看：本单位的提议和决定请取消“全市（含各区县）”后办理；区县的记录只能作市局裁决。")
            for button in reasons:
                if button is not self.ruling_button:
                    reasons[button] = whole
        if listing is not None and listing.office_code != self.ctx.db.office().code:
            # a district's listing the city holds: only the city's ruling
            district = self.tr("区县的名单记录：市局只能作出裁决，其他步骤由该区县办理。")
            for button in reasons:
                if button is not self.ruling_button and button not in (self.engine_button, self.propose_button):
                    reasons[button] = district
        for button, reason in reasons.items():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        # the line under the buttons: why the decision this listing waits for is not this user's
        waiting = None
        if listing is not None and listing.state == "proposed":
            waiting = eyes
        elif pending:
            waiting = removal_eyes
        self.explain(waiting)
        self.detail.setText(self._detail(r) if r is not None else "")
        if r is None or r.id != self.steps_of:
            self._load_steps()

    def _detail(self, r: CreditRow) -> str:
        x = r.listing
        colon = "：" if messages.is_zh(self.ctx.lang) else ": "
        lines = [f"{credit.list_label(x.list_kind, self.ctx.lang)}{colon}{self._ground(x.ground)}"]
        if x.ground_detail:
            lines.append(self.tr("情形说明：") + x.ground_detail)
        for e in x.evidence:
            lines.append(self.tr("证据：") + str(e.get("summary") or ""))
        if x.reason:
            lines.append(self.tr("理由：") + x.reason)
        for o in r.objections:
            lines.append(self.tr("异议待处理：%1 收到").replace("%1", o.due_on.isoformat()))
        if self.steps_of == r.id:
            lines += ruling_form.lines(self.rulings, ruling_form.at_city(self.ctx))
        return "\n".join(lines)

    def open_selected(self) -> None:
        """Enter: the decision the selected listing waits for, when this user may take it."""
        self.click_first_enabled((self.decide_button, self.decide_removal_button, self.objection_button))

    # -- actions ------------------------------------------------------------------------------------------------
    def _done(self, text: str) -> None:
        self.bench.say(text)
        self.ctx.changed(Changes(extra={"supervision": True}))

    def rule(self) -> ActionDialog | None:
        r: CreditRow | None = self.selected()
        if r is None or self.ruling_button is None or not self.ruling_button.isEnabled():
            return None
        return ruling_form.open_form(
            self.bench, "credit_listing", r.id, self.tr("市局裁决：%1").replace("%1", r.listing.organization_name),
            Changes(organizations=True, organization_ids=(r.listing.organization_id,), extra={"supervision": True}),
            shown_version=r.listing.version)

    def run_engine(self) -> None:
        if not self.engine_button.isEnabled():
            return
        db, user = self.ctx.db, self.ctx.user

        def done(result: Any) -> None:
            self._done(self.tr("规则引擎：新提出列入 %1 条，提出移出 %2 条。")
                       .replace("%1", str(len(result.proposed))).replace("%2", str(len(result.removals))))

        self.bench.run(lambda _job: credit.propose_due(db, by=user), done, key="credit.engine", cancellable=False,
                       on_failure=self.bench.warn)

    def propose(self) -> ActionDialog | None:
        if not self.propose_button.isEnabled():
            return None
        db, user, lang = self.ctx.db, self.ctx.user, self.ctx.lang
        r: CreditRow | None = self.selected()
        org = QLineEdit(r.listing.uscc or r.listing.organization_id if r is not None else "")
        org.setPlaceholderText(self.tr("统一社会信用代码"))
        kind = choices([(credit.list_label(k, lang), k) for k in credit.LISTS])
        ground = QComboBox()
        evidence = QPlainTextEdit()

        def fill_grounds() -> None:
            ground.clear()
            for g in self.grounds:
                if g["list_kind"] == kind.currentData():
                    ground.addItem(self._ground(str(g["key"])), g["key"])

        def evidence_hint() -> None:
            needed = any(g["key"] == ground.currentData() and g.get("evidence_required") for g in self.grounds)
            evidence.setPlaceholderText(self.tr("此情形须附证据，每行一条（如两次挂号信退回的记录）") if needed
                                        else self.tr("证据，每行一条（此情形可不填）"))

        kind.currentIndexChanged.connect(lambda _i: fill_grounds())
        ground.currentIndexChanged.connect(lambda _i: evidence_hint())
        fill_grounds()
        evidence_hint()

        def work(v: dict[str, Any]) -> Any:
            proof = [{"entity": "document", "summary": line.strip()}
                     for line in (v["evidence"] or "").splitlines() if line.strip()]
            return lambda _job: credit.propose(db, v["organization"] or "", v["list_kind"], v["ground"] or "",
                                               by=user, detail=v["detail"], evidence=proof,
                                               proposed_on=v["proposed_on"])

        return self._form(self.tr("提议列入信用名单"), [
            ("organization", self.tr("组织(&O)"), org), ("list_kind", self.tr("名单(&L)"), kind),
            ("ground", self.tr("列入情形(&G)"), ground), ("detail", self.tr("情形说明(&D)"), QPlainTextEdit()),
            ("evidence", self.tr("证据(&E)"), evidence), ("proposed_on", self.tr("提出日期(&P)"), date_field())],
            work, self.tr("已提议列入，待审核人员决定。"),
            note=self.tr("提议须由提出人以外的审核人员作出决定（双人复核）。"))

    def _chosen(self, button: Any) -> CreditRow | None:
        r: CreditRow | None = self.selected()
        return r if r is not None and button.isEnabled() else None

    def decide(self) -> ActionDialog | None:
        r = self._chosen(self.decide_button)
        if r is None:
            return None
        db, user, x = self.ctx.db, self.ctx.user, r.listing
        number = QLineEdit()
        number.setPlaceholderText(self.tr("列入决定的文号（必填）"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: credit.decide(db, x.id, approve=True, by=user, decision_no=v["decision_no"] or "",
                                              decided_on=v["decided_on"], shown_version=x.version)

        return self._form(self.tr("决定列入：%1").replace("%1", x.organization_name),
                          [("decision_no", self.tr("文号(&N)"), number),
                           ("decided_on", self.tr("决定日期(&D)"), date_field())], work, self.tr("已决定列入。"),
                          note=self.tr("%1：%2").replace("%1", credit.list_label(x.list_kind, self.ctx.lang))
                          .replace("%2", self._ground(x.ground)))

    def reject(self) -> ActionDialog | None:
        r = self._chosen(self.reject_button)
        if r is None:
            return None
        db, user, x = self.ctx.db, self.ctx.user, r.listing

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: credit.decide(db, x.id, approve=False, by=user, reason=v["reason"] or "",
                                              decided_on=v["decided_on"], shown_version=x.version)

        return self._form(self.tr("不予列入：%1").replace("%1", x.organization_name),
                          [("reason", self.tr("理由(&R)"), QPlainTextEdit()),
                           ("decided_on", self.tr("决定日期(&D)"), date_field())], work, self.tr("已决定不予列入。"))

    def propose_removal(self) -> ActionDialog | None:
        r = self._chosen(self.removal_button)
        if r is None:
            return None
        db, user, x = self.ctx.db, self.ctx.user, r.listing
        ground = choices([(messages.label(f"credit_removal.{g}", self.ctx.lang), g) for g in credit.REMOVAL_GROUNDS])

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: credit.propose_removal(db, x.id, v["ground"], by=user, on=v["on"],
                                                       reason=v["reason"], shown_version=x.version)

        return self._form(self.tr("提议移出：%1").replace("%1", x.organization_name),
                          [("ground", self.tr("移出事由(&G)"), ground),
                           ("on", self.tr("日期(&D)"), date_field()),
                           ("reason", self.tr("理由(&R)"), QPlainTextEdit())], work,
                          self.tr("已提出移出，待审核人员决定。"),
                          note=self.tr("已整改的，日期填查实整改之日，自该日起计算作出移出决定的工作日期限。"))

    def decide_removal(self) -> ActionDialog | None:
        r = self._chosen(self.decide_removal_button)
        if r is None:
            return None
        db, user, x = self.ctx.db, self.ctx.user, r.listing
        verdict = choices([(self.tr("移出"), True), (self.tr("不予移出"), False)])
        number = QLineEdit()
        number.setPlaceholderText(self.tr("移出决定的文号（移出时必填）"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: credit.decide_removal(db, x.id, approve=bool(v["approve"]), by=user,
                                                      decision_no=v["decision_no"], decided_on=v["decided_on"],
                                                      reason=v["reason"], shown_version=x.version)

        ground = messages.label(f"credit_removal.{x.removal_ground}", self.ctx.lang) if x.removal_ground else ""
        return self._form(self.tr("决定移出：%1").replace("%1", x.organization_name),
                          [("approve", self.tr("决定(&V)"), verdict), ("decision_no", self.tr("文号(&N)"), number),
                           ("decided_on", self.tr("决定日期(&D)"), date_field()),
                           ("reason", self.tr("理由(&R)"), QPlainTextEdit())], work, self.tr("已作出移出决定。"),
                          note=self.tr("移出事由：%1；%2 提出").replace("%1", ground)
                          .replace("%2", _iso(x.removal_proposed_on)))

    def object_to(self) -> ActionDialog | None:
        r = self._chosen(self.object_button)
        if r is None:
            return None
        db, user, x = self.ctx.db, self.ctx.user, r.listing

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: credit.object_to(db, x.id, v["content"] or "", by=user, received_on=v["received_on"])

        return self._form(self.tr("登记异议：%1").replace("%1", x.organization_name),
                          [("content", self.tr("异议内容(&C)"), QPlainTextEdit()),
                           ("received_on", self.tr("收到日期(&D)"), date_field())], work, self.tr("已登记异议。"))

    def decide_objection(self) -> ActionDialog | None:
        r = self._chosen(self.objection_button)
        if r is None:
            return None
        db, user, x = self.ctx.db, self.ctx.user, r.listing
        which = choices([(self.tr("%1 收到的异议").replace("%1", o.due_on.isoformat()), o.objection_id)
                         for o in r.objections])
        decision = choices(self._objection_decisions())

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: credit.decide_objection(db, v["objection"] or "", v["decision"], v["reply"] or "",
                                                        by=user, decided_on=v["decided_on"])

        return self._form(self.tr("决定异议：%1").replace("%1", x.organization_name),
                          [("objection", self.tr("异议(&O)"), which), ("decision", self.tr("处理结果(&R)"), decision),
                           ("reply", self.tr("答复(&A)"), QPlainTextEdit()),
                           ("decided_on", self.tr("决定日期(&D)"), date_field())], work, self.tr("已处理异议。"),
                          note=self.tr("撤销列入的，该记录即为“已撤销”。"))


def _iso(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _bucket_color(item: DueItem | None) -> Any:
    if item is None:
        return None
    return BAD if item.bucket == "overdue" else WARN if item.bucket in ("today", "this_week") else None
