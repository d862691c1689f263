"""The 培育 workbench's 孵化基地 tab: the office's incubation bases and parks above (admitted, graduated, in
residence); the selected base's residents below (contact phones masked: 显示电话 shows them whole with
``reveal_ids``, each reveal audited by the service), and the services given to the selected resident beside them.
新建基地…, 入驻…, 出壳或退出…, 登记服务… (``cultivate``) over services/cultivation/incubation.py, each form checked
as typed by the service's own rules (``check_base``, ``check_resident``, ``check_service``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from civicdesk.services.cultivation import community, incubation
from civicdesk.services.supervision import enforcement
from civicdesk.ui.cultivation.tab import CultivationTab
from civicdesk.ui.cultivation.volunteers_tab import check_phone
from civicdesk.ui.supervision.forms import choices, date_field, why_not
from civicdesk.ui.supervision.table import WARN, Column, selected_row

if TYPE_CHECKING:
    from civicdesk.services.cultivation.incubation import BaseInfo, ResidentInfo
    from civicdesk.ui.cultivation.forms import CheckedForm
    from civicdesk.ui.cultivation.workbench import CultivationWorkbench


class IncubationTab(CultivationTab):
    def __init__(self, bench: CultivationWorkbench) -> None:
        super().__init__(bench, "bases", text_columns=(0, 3))
        self.search.setPlaceholderText(self.tr("按基地名称或运营方筛选"))
        self.office_code = ""
        self.revealed = False
        self.residents = self.detail("residents", self.tr("入驻组织(&R)"), [
            Column("name", self.tr("组织名称"), 180),
            Column("contact_name", self.tr("联系人"), 70),
            Column("contact_phone", self.tr("联系电话"), 110),
            Column("admitted_on", self.tr("入驻日期"), 90),
            Column("graduated_on", self.tr("出壳日期"), 90),
            Column("outcome", self.tr("结果"), 100, text=lambda r: self.outcome_label(r.outcome),
                   color=lambda r: WARN if r.outcome == "left" else None,
                   tip=lambda r: r.outcome_on.isoformat() if r.outcome_on else None),
            Column("services", self.tr("服务次数"), 70, text=lambda r: str(len(r.services)),
                   sort=lambda r: len(r.services))])
        self.services = self.detail("resident_services", self.tr("所选组织获得的服务(&S)"), [
            Column("kind", self.tr("服务"), 80, text=lambda s: incubation.label("service", s.kind, self.ctx.lang)),
            Column("given_on", self.tr("服务日期"), 90),
            Column("until", self.tr("截止日期"), 90),
            Column("description", self.tr("服务内容"), 120, stretch=True)], year_of=lambda s: s.given_on.year)
        self.split.setSizes([820, 420])
        self.body.setStretch(1, 2)  # a few bases above, their residents below
        self.residents.view.selectionModel().selectionChanged.connect(lambda *_: self.show_services())
        self.base_button = self.button(self.tr("新建基地…"), "base_add", self.add_base)
        self.admit_button = self.button(self.tr("入驻…"), "base_admit", self.admit)
        self.graduate_button = self.button(self.tr("出壳或退出…"), "resident_graduate", self.graduate)
        self.service_button = self.button(self.tr("登记服务…"), "resident_service", self.give_service)
        self.reveal_button = self.button(self.tr("显示电话"), "resident_reveal", self.reveal)
        self.refresh_actions()

    def outcome_label(self, outcome: str | None) -> str:
        return incubation.label("outcome", outcome, self.ctx.lang) if outcome else self.tr("在孵")

    def make_columns(self) -> list[Column]:
        lang = self.ctx.lang
        return [Column("name", self.tr("基地名称"), 220, stretch=True),
                Column("level", self.tr("层级"), 110, text=lambda b: incubation.label("level", b.level, lang)),
                Column("division_code", self.tr("区县"), 80,
                       text=lambda b: b.township_name or self.labels.division(b.division_code)),
                Column("operator", self.tr("运营方"), 200),
                Column("opened_on", self.tr("启用日期"), 90),
                Column("admitted", self.tr("累计入驻"), 70),
                Column("graduated", self.tr("出壳"), 60),
                Column("in_residence", self.tr("在孵"), 60)]

    def reload(self) -> None:
        db = self.ctx.db
        self.bench.run(lambda _job: (incubation.list_bases(db), db.office().code), self._loaded, key="bases")

    def _loaded(self, result: tuple[list[BaseInfo], str]) -> None:
        rows, self.office_code = result
        self.revealed = False
        self.after_load(rows, {b.opened_on.year for b in rows})
        parks = sum(1 for b in rows if b.kind == "park")
        self.summary.setText(self.tr("基地 %1 个（其中孵化园 %2 个），累计入驻 %3 个，出壳 %4 个，在孵 %5 个。")
                             .replace("%1", str(len(rows))).replace("%2", str(parks))
                             .replace("%3", str(sum(b.admitted for b in rows)))
                             .replace("%4", str(sum(b.graduated for b in rows)))
                             .replace("%5", str(sum(b.in_residence for b in rows))))

    def read_details(self, row: BaseInfo) -> Any:
        db, user, reveal = self.ctx.db, self.ctx.user, self.revealed
        return lambda _job: (incubation.get_base(db, row.id, reveal=reveal, by=user).residents, [])

    def details_shown(self, row: BaseInfo) -> None:
        if self.residents.selected() is None and self.residents.proxy.rowCount():
            self.residents.view.selectRow(0)
        self.show_services()

    def show_services(self) -> None:
        resident: ResidentInfo | None = self.residents.selected()
        self.services.model.set_rows(list(resident.services) if resident is not None else [])
        self.refresh_actions()

    def refresh_actions(self) -> None:
        if not hasattr(self, "reveal_button"):
            return
        b, r = self.selected(), selected_row(self.residents.view)
        enter = self.may_enter()
        pick = self.tr("请先选择一个孵化基地。") if b is None else None
        pick_resident = self.tr("请先在下表选择一个入驻组织。") if r is None else None
        resident = None if r is None or r.outcome is None else self.tr("这个组织已经出壳或退出。")
        self.set_reasons({
            self.base_button: enter, self.admit_button: enter or pick,
            self.graduate_button: enter or pick_resident or resident,
            self.service_button: enter or pick_resident or resident,
            self.reveal_button: why_not(self.ctx, "reveal_ids") or pick or (
                self.tr("电话已显示。") if self.revealed else None)})

    def open_selected(self) -> None:
        self.click_first_enabled((self.admit_button,))

    def new(self) -> CheckedForm | None:
        return self.add_base()

    def reveal(self) -> None:
        """The selected base's contact phones whole (the service checks ``reveal_ids`` and audits the reveal)."""
        if self.selected() is None or not self.reveal_button.isEnabled():
            return
        self.revealed = True
        self.load_details(force=True)
        self.bench.say(self.tr("已显示电话（已记入审计日志）。"))

    # -- forms --------------------------------------------------------------------------------------------------
    def _townships(self) -> list[tuple[str, str | None]]:
        counties = {code for _name, code in self.counties(self.office_code)}
        towns = sorted((d for d in self.labels.divisions.values()
                        if d.level == "township" and d.parent_code in counties), key=lambda d: d.code)
        return [(self.tr("（不填）"), None), *((d.name, d.code) for d in towns)]

    def add_base(self) -> CheckedForm | None:
        if not self.base_button.isEnabled():
            return None
        db, user, lang = self.ctx.db, self.ctx.user, self.ctx.lang
        operator = QLineEdit()
        operator.setPlaceholderText(self.tr("运营组织的统一社会信用代码；不在名录中的填下一栏"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: incubation.add_base(
                db, name=v["name"] or "", level=v["level"], kind=v["kind"], division=v["division"],
                township=v["township_code"], operator=v["operator"], operator_name=v["operator_name"],
                opened_on=v["opened_on"], address=v["address"], by=user)

        def row(v: dict[str, Any]) -> None:
            incubation.check_base({"level": v["level"], "kind": v["kind"], "township_code": v["township_code"],
                                   "operator_org_id": v["operator"], "operator_name": v["operator_name"],
                                   "opened_on": v["opened_on"]})

        return self.form(self.tr("新建孵化基地"), [
            ("name", self.tr("基地名称(&N)"), QLineEdit()),
            ("kind", self.tr("类别(&K)"), choices([(incubation.label("kind", k, lang), k) for k in incubation.KINDS])),
            ("level", self.tr("层级(&L)"), choices([(incubation.label("level", k, lang), k)
                                                   for k in incubation.LEVELS], "county")),
            ("division", self.tr("所在区县(&V)"), choices(self.counties(self.office_code))),
            ("township_code", self.tr("所在乡镇（街道）(&T)"), choices(self._townships())),
            ("operator", self.tr("运营方（名录中的组织）(&O)"), operator),
            ("operator_name", self.tr("运营方名称(&M)"), QLineEdit()),
            ("address", self.tr("地址(&A)"), QLineEdit()),
            ("opened_on", self.tr("启用日期(&D)"), date_field())], work, self.tr("已新建孵化基地。"),
            checks={"name": lambda v: enforcement.text(v["name"], "name", "基地名称", required=True),
                    "opened_on": lambda v: community.day(v["opened_on"], "opened_on")},
            row_check=row, note=self.tr("孵化园和乡镇（街道）级基地须选所在乡镇（街道）。"))

    def admit(self) -> CheckedForm | None:
        b: BaseInfo | None = self.selected()
        if b is None or not self.admit_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        org = QLineEdit()
        org.setPlaceholderText(self.tr("统一社会信用代码；未登记的填下面三栏"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: incubation.admit(
                db, b.id, admitted_on=v["admitted_on"], organization=v["organization"], name=v["name"],
                contact_name=v["contact_name"], contact_phone=v["contact_phone"], by=user)

        def row(v: dict[str, Any]) -> None:
            incubation.check_resident({"organization_id": v["organization"], "name": v["name"],
                                       "contact_name": v["contact_name"], "contact_phone": v["contact_phone"],
                                       "admitted_on": v["admitted_on"]})

        return self.form(self.tr("入驻：%1").replace("%1", b.name), [
            ("organization", self.tr("组织(&O)"), org),
            ("name", self.tr("组织名称（未登记）(&N)"), QLineEdit()),
            ("contact_name", self.tr("联系人(&C)"), QLineEdit()),
            ("contact_phone", self.tr("联系电话(&P)"), QLineEdit()),
            ("admitted_on", self.tr("入驻日期(&D)"), date_field())], work, self.tr("已登记入驻。"),
            checks={"contact_phone": lambda v: check_phone(v["contact_phone"], "contact_phone"),
                    "admitted_on": lambda v: community.day(v["admitted_on"], "admitted_on")},
            row_check=row)

    def graduate(self) -> CheckedForm | None:
        r: ResidentInfo | None = self.residents.selected()
        if r is None or not self.graduate_button.isEnabled():
            return None
        db, user, lang = self.ctx.db, self.ctx.user, self.ctx.lang
        link = QLineEdit()
        link.setPlaceholderText(self.tr("登记或备案后的统一社会信用代码（可不填）"))
        link.setEnabled(r.organization_id is None)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: incubation.graduate(db, r.id, outcome=v["outcome"], on=v["outcome_on"],
                                                    organization=v["organization"], by=user,
                                                    shown_version=r.version)

        def row(v: dict[str, Any]) -> None:
            graduated = v["outcome_on"] if v["outcome"] in incubation.GRADUATIONS else None
            incubation.check_resident({"organization_id": r.organization_id, "name": r.name,
                                       "contact_name": r.contact_name, "contact_phone": r.contact_phone,
                                       "admitted_on": r.admitted_on, "outcome": v["outcome"],
                                       "outcome_on": v["outcome_on"], "graduated_on": graduated})

        return self.form(self.tr("出壳或退出：%1").replace("%1", r.name), [
            ("outcome", self.tr("结果(&R)"), choices([(incubation.label("outcome", k, lang), k)
                                                     for k in incubation.OUTCOMES])),
            ("outcome_on", self.tr("日期(&D)"), date_field()),
            ("organization", self.tr("关联登记的组织(&O)"), link)], work, self.tr("已登记出壳或退出。"),
            checks={"outcome_on": lambda v: community.day(v["outcome_on"], "outcome_on")}, row_check=row,
            note=self.tr("%1 入驻。已登记、已备案为出壳；中途退出不计出壳。").replace("%1", r.admitted_on.isoformat()))

    def give_service(self) -> CheckedForm | None:
        r: ResidentInfo | None = self.residents.selected()
        if r is None or not self.service_button.isEnabled():
            return None
        db, user, lang = self.ctx.db, self.ctx.user, self.ctx.lang

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: incubation.give_service(db, r.id, kind=v["kind"], given_on=v["given_on"],
                                                        until=v["until"], description=v["description"], by=user,
                                                        shown_version=r.version)

        return self.form(self.tr("登记服务：%1").replace("%1", r.name), [
            ("kind", self.tr("服务(&K)"), choices([(incubation.label("service", k, lang), k)
                                                  for k in incubation.SERVICE_KINDS])),
            ("given_on", self.tr("服务日期(&D)"), date_field()),
            ("until", self.tr("截止日期（办公场地）(&U)"), date_field(optional=True)),
            ("description", self.tr("服务内容(&C)"), QPlainTextEdit())], work, self.tr("已登记服务。"),
            checks={"given_on": lambda v: community.day(v["given_on"], "given_on")},
            row_check=incubation.check_service)
