"""The 培育 workbench's 儿童服务站 tab: the office's children's stations with their totals above; the selected
station's service days and its funding (三个一点) below.  登记服务日… and 登记经费… (``cultivate``) over
services/cultivation/stations.py, each field checked as typed by the service's own rule."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QSpinBox

from civicdesk import clock
from civicdesk.errors import InputError
from civicdesk.services.cultivation import community, stations
from civicdesk.services.supervision import enforcement
from civicdesk.ui.cultivation.tab import CultivationTab
from civicdesk.ui.supervision.forms import choices, date_field
from civicdesk.ui.supervision.table import Column

if TYPE_CHECKING:
    from civicdesk.services.cultivation.stations import StationTotals
    from civicdesk.ui.cultivation.forms import CheckedForm
    from civicdesk.ui.cultivation.workbench import CultivationWorkbench


def count_field(value: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, community.MAX_COUNT)
    box.setValue(value)
    return box


class StationsTab(CultivationTab):
    def __init__(self, bench: CultivationWorkbench) -> None:
        super().__init__(bench, "stations")
        self.search.setPlaceholderText(self.tr("按服务站名称筛选"))
        self.services = self.detail("station_services", self.tr("服务记录(&S)"), [
            Column("served_on", self.tr("服务日期"), 90),
            Column("activity", self.tr("服务内容"), 220),
            Column("person_times", self.tr("服务人次"), 80),
            Column("in_difficulty", self.tr("其中困境儿童"), 100),
            Column("left_behind", self.tr("其中留守儿童"), 100),
            Column("entered_by", self.tr("录入人"), 80)], year_of=lambda s: s.served_on.year)
        self.funding = self.detail("station_funding", self.tr("经费(&F)"), [
            Column("year", self.tr("年度"), 60),
            Column("source", self.tr("来源"), 120, text=lambda f: self.source_label(f.source)),
            Column("funder", self.tr("出资方"), 180),
            Column("amount", self.tr("金额（元）"), 110),
            Column("received_on", self.tr("到账日期"), 90)], year_of=lambda f: f.year)
        self.service_button = self.button(self.tr("登记服务日…"), "station_service", self.add_service)
        self.funding_button = self.button(self.tr("登记经费…"), "station_funding", self.add_funding)
        self.refresh_actions()

    def source_label(self, source: str) -> str:
        return {"foundation": self.tr("基金会支持"), "organization": self.tr("承接组织自筹"),
                "civil_affairs": self.tr("民政部门补助")}.get(source, source)

    def make_columns(self) -> list[Column]:
        return [Column("name", self.tr("儿童服务站"), 220, stretch=True),
                Column("division_code", self.tr("区县"), 90, text=lambda s: self.labels.division(s.division_code)),
                Column("service_days", self.tr("服务天数"), 80),
                Column("person_times", self.tr("服务人次"), 80),
                Column("in_difficulty", self.tr("困境儿童人次"), 100),
                Column("left_behind", self.tr("留守儿童人次"), 100),
                Column("last_served_on", self.tr("最近服务"), 90),
                Column("funded", self.tr("经费合计（元）"), 120, text=lambda s: f"{s.funded:,.2f}",
                       sort=lambda s: s.funded)]

    def reload(self) -> None:
        db = self.ctx.db
        self.bench.run(lambda _job: stations.list_stations(db), self._loaded, key="stations")

    def _loaded(self, rows: list[StationTotals]) -> None:
        self.after_load(rows, {s.last_served_on.year for s in rows if s.last_served_on})
        self.summary.setText(self.tr("儿童服务站 %1 个，服务 %2 天，%3 人次；经费 %4 元")
                             .replace("%1", str(len(rows)))
                             .replace("%2", str(sum(s.service_days for s in rows)))
                             .replace("%3", f"{sum(s.person_times for s in rows):,}")
                             .replace("%4", f"{sum((s.funded for s in rows), stations.ZERO):,.2f}"))

    def read_details(self, row: StationTotals) -> Any:
        db = self.ctx.db
        return lambda _job: (stations.list_services(db, row.id), stations.list_funding(db, row.id))

    def refresh_actions(self) -> None:
        if not hasattr(self, "funding_button"):
            return
        s = self.selected()
        reason = self.may_enter() or (self.tr("请先选择一个儿童服务站。") if s is None else None)
        self.set_reasons({self.service_button: reason, self.funding_button: reason})

    def open_selected(self) -> None:
        self.click_first_enabled((self.service_button,))

    def new(self) -> CheckedForm | None:
        return self.add_service()

    # -- forms --------------------------------------------------------------------------------------------------
    def add_service(self) -> CheckedForm | None:
        s: StationTotals | None = self.selected()
        if s is None or not self.service_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: stations.add_service(
                db, s.id, served_on=v["served_on"], activity=v["activity"] or "", person_times=v["person_times"],
                in_difficulty=v["in_difficulty"], left_behind=v["left_behind"], by=user)

        def of_whom(name: str) -> Any:
            return lambda v: community.count(v[name], name, code="station.bad_of_whom", minimum=0,
                                             maximum=max(v["person_times"], 0))

        times = count_field()
        times.setMinimum(0)
        return self.form(self.tr("登记服务日：%1").replace("%1", s.name), [
            ("served_on", self.tr("服务日期(&D)"), date_field()),
            ("activity", self.tr("服务内容(&A)"), QLineEdit()),
            ("person_times", self.tr("服务人次(&P)"), times),
            ("in_difficulty", self.tr("其中困境儿童(&I)"), count_field()),
            ("left_behind", self.tr("其中留守儿童(&L)"), count_field())], work, self.tr("已登记服务日。"),
            checks={"served_on": lambda v: community.day(v["served_on"], "served_on"),
                    "activity": lambda v: community.text(v["activity"], "activity", required=True),
                    "person_times": lambda v: community.count(v["person_times"], "person_times",
                                                              code="station.bad_person_times", minimum=1),
                    "in_difficulty": of_whom("in_difficulty"), "left_behind": of_whom("left_behind")},
            row_check=stations.check_service)

    def add_funding(self) -> CheckedForm | None:
        s: StationTotals | None = self.selected()
        if s is None or not self.funding_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        year = count_field(clock.today().year)
        year.setRange(enforcement.FIRST_DAY.year, 9999)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: stations.add_funding(
                db, s.id, year=v["year"], source=v["source"], funder=v["funder"] or "", amount=v["amount"],
                received_on=v["received_on"], by=user)

        def amount(v: dict[str, Any]) -> Any:
            if enforcement.amount(v["amount"]) is None:  # the service's refusal of an amount not given
                raise InputError("enforce.bad_amount", field="amount", value="")

        return self.form(self.tr("登记经费：%1").replace("%1", s.name), [
            ("source", self.tr("来源(&S)"), choices([(self.source_label(k), k) for k in stations.SOURCES])),
            ("funder", self.tr("出资方(&F)"), QLineEdit()),
            ("amount", self.tr("金额（元）(&A)"), QLineEdit()),
            ("year", self.tr("年度(&Y)"), year),
            ("received_on", self.tr("到账日期(&D)"), date_field())], work, self.tr("已登记经费。"),
            checks={"funder": lambda v: community.text(v["funder"], "funder", required=True),
                    "amount": amount,
                    "received_on": lambda v: community.day(v["received_on"], "received_on")},
            row_check=stations.check_funding)
