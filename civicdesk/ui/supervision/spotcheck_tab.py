"""The workbench's 双随机抽查 tab: the office's plans above, the checks the selected plan drew below.

Actions on a plan: 新建计划 (year, kind, ratio at least the legal minimum, title, inspectors per check), 抽取 (once,
after a confirmation: a draw is never redone), 核验 (recomputes the draw from what the plan stores and says
whether it matches), 取消计划 (a reason); 添加检查人员 adds a person to the roster the draw takes inspectors
from; 记录检查结果 on a drawn check (notice, check, findings, result, rectification, publication).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox

from civicdesk import clock, messages
from civicdesk.services.supervision import spotcheck
from civicdesk.ui.supervision.forms import ActionDialog, choices, date_field, why_not
from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import BAD, Column, RowsFilter, RowsModel, make_view, selected_row

if TYPE_CHECKING:
    from civicdesk.services.supervision.spotcheck import ItemRow, PlanRow
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench

RESULTS = ("clear", "rectify", "refer")


def overdue(item: ItemRow) -> bool:
    """A check told to rectify by a date that passed, with no rectification recorded."""
    return item.result == "rectify" and item.rectify_by is not None and item.rectified_on is None \
        and item.rectify_by < clock.today()


class SpotcheckTab(CampaignTab):
    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench, "spotcheck", text_columns=(0,))
        lang = self.ctx.lang
        # the text filters the checks drawn, not the plans (a plan stays selected while its checks are searched)
        self.search.textChanged.disconnect(self.proxy.set_text)
        self.search.setPlaceholderText(self.tr("按抽中的组织名称或统一社会信用代码筛选"))
        self.year = QComboBox()
        self.year.setObjectName("spotcheck_year")
        self.year.addItem(self.tr("全部年度"), None)
        self.filters.addWidget(self.year)
        self.year.currentIndexChanged.connect(lambda _i: self.proxy.set_equals("year", self.year.currentData()))

        item_columns = [
            Column("position", self.tr("序号"), 50),
            Column("organization_name", self.tr("组织名称"), 240, stretch=True),
            Column("uscc", self.tr("统一社会信用代码"), 160),
            Column("inspector_names", self.tr("检查人员"), 140,
                   text=lambda i: ("、" if lang.startswith("zh") else ", ").join(i.inspector_names)),
            Column("notice_on", self.tr("告知日期"), 90),
            Column("checked_on", self.tr("检查日期"), 90),
            Column("result", self.tr("结果"), 90,
                   text=lambda i: messages.label(f"spotcheck_result.{i.result}", lang) if i.result else ""),
            Column("rectify_by", self.tr("整改期限"), 90, color=lambda i: BAD if overdue(i) else None),
            Column("rectified_on", self.tr("整改完成"), 90),
            Column("published_on", self.tr("公示日期"), 90)]
        self.items_model = RowsModel(item_columns, self)
        self.items_proxy = RowsFilter(self, text_columns=(1, 2))
        self.items = make_view(self.items_model, self.items_proxy, "spotcheck_items", self)
        self.items_title = QLabel(self.tr("抽中的检查对象"))
        self.items_title.setObjectName("spotcheck_items_title")
        self.items_title.setBuddy(self.items)
        self.body.addWidget(self.items_title)
        self.body.addWidget(self.items, 2)
        self.body.setStretch(0, 1)
        self.search.textChanged.connect(self.items_proxy.set_text)
        self.items.selectionModel().selectionChanged.connect(lambda *_: self.refresh_actions())
        self.items.activated.connect(lambda _i: self.record_item())

        self.plan_button = self.button(self.tr("新建计划…"), "spotcheck_plan", self.new_plan)
        self.draw_button = self.button(self.tr("抽取"), "spotcheck_draw", self.draw)
        self.verify_button = self.button(self.tr("核验"), "spotcheck_verify", self.verify)
        self.cancel_button = self.button(self.tr("取消计划…"), "spotcheck_cancel", self.cancel)
        self.inspector_button = self.button(self.tr("添加检查人员…"), "spotcheck_inspector", self.add_inspector)
        self.record_button = self.button(self.tr("记录检查结果…"), "spotcheck_record", self.record_item)
        self._plan_id: str | None = None
        self.refresh_actions()

    def make_columns(self) -> list[Column]:
        lang = self.ctx.lang
        return [Column("title", self.tr("计划"), 240, stretch=True, text=self._title),
                Column("year", self.tr("年度"), 60),
                Column("kind", self.tr("类型"), 80, text=lambda p: messages.label(f"spotcheck_kind.{p.kind}", lang)),
                Column("ratio", self.tr("比例"), 60, text=lambda p: f"{float(p.ratio):.2%}".replace(".00%", "%"),
                       sort=lambda p: float(p.ratio)),
                Column("state", self.tr("状态"), 80, text=lambda p: messages.label(f"spotcheck_state.{p.state}", lang)),
                Column("eligible_count", self.tr("可抽对象"), 80),
                Column("drawn_count", self.tr("抽中"), 60),
                Column("drawn_at", self.tr("抽取时间"), 130),
                Column("seed", self.tr("随机种子"), 150)]

    def _title(self, p: PlanRow) -> str:
        if p.title:
            return p.title
        return self.tr("%1年度抽查计划").replace("%1", str(p.year))

    # -- loading ------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        db = self.ctx.db

        def load(_job: Any) -> list[PlanRow]:
            return spotcheck.list_plans(db)

        self.bench.run(load, self._loaded, key="spotcheck")

    def _loaded(self, rows: list[PlanRow]) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("全部年度"), None)
        for y in sorted({p.year for p in rows}, reverse=True):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(self.year.findData(current), 0))
        self.year.blockSignals(False)
        self.set_rows(rows)
        if self.selected() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        drawn = sum(1 for p in rows if p.state in ("drawn", "completed"))
        self.summary.setText(self.tr("共 %1 个抽查计划；已抽取 %2 个").replace("%1", str(len(rows)))
                             .replace("%2", str(drawn)))
        self._load_items()

    def _load_items(self) -> None:
        plan: PlanRow | None = self.selected()
        self._plan_id = plan.id if plan is not None else None
        if plan is None or plan.state not in ("drawn", "completed"):
            self.items_model.set_rows([])
            self.refresh_actions()
            return
        db, plan_id = self.ctx.db, plan.id
        self.bench.run(lambda _job: spotcheck.list_items(db, plan_id), self._items_loaded, key="spotcheck.items")

    def _items_loaded(self, items: list[ItemRow]) -> None:
        selected = selected_row(self.items)
        self.items_model.set_rows(items)
        if selected is not None:
            row = self.items_model.row_of_id(selected.id)
            if row is not None:
                self.items.selectRow(self.items_proxy.mapFromSource(self.items_model.index(row, 0)).row())
        late = sum(1 for i in items if overdue(i))
        self.items_title.setText(self.tr("抽中的检查对象（%1 个；逾期未整改 %2 个）").replace("%1", str(len(items)))
                                 .replace("%2", str(late)))
        self.refresh_actions()

    def show_organization(self, name: str) -> None:
        """From the 到期提醒 tab: the plans, and the checks of the selected one, filtered to ``name``."""
        self.search.setText(name)
        self.items.setFocus()

    # -- who may do what ---------------------------------------------------------------------------------------
    def refresh_actions(self) -> None:
        if not hasattr(self, "record_button"):
            return
        plan: PlanRow | None = self.selected()
        if plan is not None and plan.id != self._plan_id:
            self._load_items()
            return
        item = selected_row(self.items)
        enter, decide = why_not(self.ctx, "supervise"), why_not(self.ctx, "supervise.decide")
        pick = self.tr("请先选择一个抽查计划。")
        reasons = {
            self.plan_button: enter,
            self.draw_button: enter or (pick if plan is None else None if plan.state == "planned"
                                        else self.tr("只有尚未抽取的计划可以抽取：抽取结果不能重做。")),
            self.verify_button: pick if plan is None else None if plan.seed
            else self.tr("该计划尚未抽取，无可核验。"),
            self.cancel_button: decide or (pick if plan is None else None if plan.state in ("planned", "drawn")
                                           else self.tr("只有已计划或已抽取的计划可以取消。")),
            self.inspector_button: decide,
            self.record_button: enter or (None if item is not None else self.tr("请先在下方选择一个抽中的检查对象。")),
        }
        for button, reason in reasons.items():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")

    def open_selected(self) -> None:
        """Enter on a plan: its checks."""
        self.items.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.items_proxy.rowCount():
            self.items.selectRow(0)

    # -- actions ------------------------------------------------------------------------------------------------
    def new_plan(self) -> ActionDialog | None:
        if not self.plan_button.isEnabled():
            return None
        db, user, lang = self.ctx.db, self.ctx.user, self.ctx.lang
        year = QSpinBox()
        year.setRange(1990, clock.today().year + 1)
        year.setValue(clock.today().year)
        kind = choices([(messages.label(f"spotcheck_kind.{k}", lang), k) for k in ("regular", "targeted")])
        ratio = QLineEdit()
        ratio.setPlaceholderText(self.tr("如 3% 或 0.03"))
        title = QLineEdit()
        per_check = QSpinBox()
        per_check.setRange(1, 10)
        per_check.setValue(2)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: spotcheck.plan(db, v["year"], v["ratio"] or "", by=user, kind=v["kind"],
                                               title=v["title"], inspectors_per_check=v["per_check"])

        return self._form(self.tr("新建抽查计划"), [
            ("year", self.tr("年度(&Y)"), year), ("kind", self.tr("类型(&K)"), kind),
            ("ratio", self.tr("抽查比例(&R)"), ratio), ("title", self.tr("计划名称(&T)"), title),
            ("per_check", self.tr("每项检查人员数(&P)"), per_check)], work, self.tr("已新建抽查计划。"),
            note=self.tr("比例不得低于本级法定下限（见“参数”页的抽查比例下限）。"))

    def draw(self) -> bool:
        plan: PlanRow | None = self.selected()
        if plan is None or not self.draw_button.isEnabled():
            return False
        answer = QMessageBox.question(self, self.tr("抽取"), self.tr(
            "从符合条件的组织中按 %1 的比例随机抽取检查对象并匹配检查人员？抽取结果不能重做，只能取消计划。")
            .replace("%1", f"{float(plan.ratio):.2%}".replace(".00%", "%")))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        db, user, plan_id = self.ctx.db, self.ctx.user, plan.id

        def done(row: PlanRow) -> None:
            self.bench.say(self.tr("已抽取：%1 个符合条件的组织中抽中 %2 个。").replace("%1", str(row.eligible_count))
                           .replace("%2", str(row.drawn_count)))
            self.ctx.changed(self._changes())

        self.bench.run(lambda _job: spotcheck.draw(db, plan_id, by=user), done, key="spotcheck.draw",
                       cancellable=False, on_failure=self.bench.warn)
        return True

    @staticmethod
    def _changes() -> Any:
        from civicdesk.ui.context import Changes

        return Changes(extra={"supervision": True})

    def verify(self) -> None:
        plan: PlanRow | None = self.selected()
        if plan is None or not self.verify_button.isEnabled():
            return
        db, lang, plan_id = self.ctx.db, self.ctx.lang, plan.id

        def done(result: Any) -> None:
            words = messages.text(result.code, lang, **result.params)
            self.bench.status.setStyleSheet("color: #1b5e20;" if result.matches else "color: #b00020;")
            self.bench.status.setText(words)

        self.bench.run(lambda _job: spotcheck.verify(db, plan_id), done, key="spotcheck.verify")

    def cancel(self) -> ActionDialog | None:
        plan: PlanRow | None = self.selected()
        if plan is None or not self.cancel_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        return self._form(self.tr("取消抽查计划：%1").replace("%1", self._title(plan)),
                          [("reason", self.tr("理由(&R)"), QPlainTextEdit())],
                          lambda v: lambda _job: spotcheck.cancel(db, plan.id, v["reason"], by=user),
                          self.tr("已取消抽查计划。"))

    def add_inspector(self) -> ActionDialog | None:
        if not self.inspector_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        name, unit, username = QLineEdit(), QLineEdit(), QLineEdit()

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: spotcheck.add_inspector(db, v["name"] or "", unit=v["unit"], username=v["username"],
                                                        by=user)

        return self._form(self.tr("添加检查人员"), [
            ("name", self.tr("姓名(&N)"), name), ("unit", self.tr("科室(&U)"), unit),
            ("username", self.tr("系统账号(&A)"), username)], work, self.tr("已添加检查人员。"))

    def record_item(self) -> ActionDialog | None:
        item: ItemRow | None = selected_row(self.items)
        if item is None or not self.record_button.isEnabled():
            return None
        db, user, lang = self.ctx.db, self.ctx.user, self.ctx.lang
        findings = QPlainTextEdit(item.findings or "")
        result = choices([(self.tr("（未定）"), None)]
                         + [(messages.label(f"spotcheck_result.{r}", lang), r) for r in RESULTS], item.result)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: spotcheck.record(db, item.id, v, by=user, shown_version=item.version)

        return self._form(self.tr("记录检查结果：%1").replace("%1", item.organization_name), [
            ("notice_on", self.tr("告知日期(&N)"), date_field(item.notice_on, optional=True)),
            ("checked_on", self.tr("检查日期(&C)"), date_field(item.checked_on, optional=True)),
            ("findings", self.tr("检查发现(&F)"), findings),
            ("result", self.tr("结果(&R)"), result),
            ("rectify_by", self.tr("整改期限(&B)"), date_field(item.rectify_by, optional=True)),
            ("rectified_on", self.tr("整改完成日期(&D)"), date_field(item.rectified_on, optional=True)),
            ("published_on", self.tr("公示日期(&P)"), date_field(item.published_on, optional=True))],
            work, self.tr("已记录检查结果。"))
