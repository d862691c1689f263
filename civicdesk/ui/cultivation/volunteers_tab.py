"""The 培育 workbench's 志愿服务 tab: the office's volunteer teams above (volunteers, activities, hours); the
selected team's volunteers (phones masked: 显示电话 shows them whole with ``reveal_ids``, each reveal audited by
the service) and its activities with their hours below.  登记志愿者…, 记录服务活动… (each volunteer's hours typed
in a table, checked as typed), 离队… (the selected volunteer), 表彰… (the selected volunteer, or the team); the
points scheme in force is stated in the summary line, and 积分办法… sets a new one from a day (its rules as
fields: points per hour, the daily cap, the award thresholds) (services/cultivation/volunteers.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox

from civicdesk.errors import ValidationError
from civicdesk.services.core.validation import validate_phone
from civicdesk.services.cultivation import community, volunteers
from civicdesk.services.supervision import parameters
from civicdesk.ui.cultivation.forms import AwardsTable, HoursTable
from civicdesk.ui.cultivation.tab import CultivationTab
from civicdesk.ui.supervision.forms import date_field
from civicdesk.ui.supervision.table import Column

if TYPE_CHECKING:
    from civicdesk.services.cultivation.volunteers import SchemeInfo, TeamTotals, VolunteerInfo
    from civicdesk.ui.cultivation.forms import CheckedForm
    from civicdesk.ui.cultivation.workbench import CultivationWorkbench


def check_phone(phone: str | None, name: str = "phone") -> None:
    """The register's rule for a phone (the one ``volunteers.check_volunteer`` and ``incubation.admit`` apply),
    naming the field ``name``."""
    issues = validate_phone(phone, name) if phone else []
    if issues:
        raise ValidationError(issues)


class VolunteersTab(CultivationTab):
    def __init__(self, bench: CultivationWorkbench) -> None:
        super().__init__(bench, "teams")
        self.search.setPlaceholderText(self.tr("按志愿服务队名称筛选"))
        self.scheme: SchemeInfo | None = None
        self.max_hours = volunteers.hard_max_hours()
        self.revealed = False
        self.people = self.detail("volunteers", self.tr("志愿者(&V)"), [
            Column("name", self.tr("姓名"), 100),
            Column("phone", self.tr("电话"), 120),
            Column("joined_on", self.tr("加入日期"), 90),
            Column("left_on", self.tr("离队日期"), 90),
            Column("hours", self.tr("服务时长（小时）"), 120)])
        self.activities = self.detail("activities", self.tr("服务活动(&A)"), [
            Column("held_on", self.tr("活动日期"), 90),
            Column("title", self.tr("活动名称"), 150, stretch=True),
            Column("place", self.tr("地点"), 100),
            Column("people", self.tr("参加人数"), 80, text=lambda a: str(len(a.hours)), sort=lambda a: len(a.hours)),
            Column("total_hours", self.tr("服务时长（小时）"), 120, text=lambda a: f"{a.total_hours:,.2f}",
                   sort=lambda a: a.total_hours)], year_of=lambda a: a.held_on.year)
        self.volunteer_button = self.button(self.tr("登记志愿者…"), "volunteer_add", self.add_volunteer)
        self.activity_button = self.button(self.tr("记录服务活动…"), "volunteer_activity", self.record_activity)
        self.leave_button = self.button(self.tr("离队…"), "volunteer_leave", self.leave)
        self.reveal_button = self.button(self.tr("显示电话"), "volunteer_reveal", self.reveal)
        self.award_button = self.button(self.tr("表彰…"), "volunteer_award", self.award)
        self.scheme_button = self.button(self.tr("积分办法…"), "volunteer_scheme", self.set_scheme)
        self.refresh_actions()

    def make_columns(self) -> list[Column]:
        return [Column("name", self.tr("志愿服务队"), 220, stretch=True),
                Column("division_code", self.tr("区县"), 90, text=lambda t: self.labels.division(t.division_code)),
                Column("volunteers", self.tr("志愿者"), 70),
                Column("activities", self.tr("服务活动"), 80),
                Column("hours", self.tr("服务时长（小时）"), 120)]

    def reload(self) -> None:
        db = self.ctx.db

        def load(_job: Any) -> tuple[list[TeamTotals], SchemeInfo | None, int]:
            return (volunteers.list_teams(db), volunteers.scheme_in_force(db),
                    int(parameters.value(db, volunteers.MAX_HOURS_KEY)))

        self.bench.run(load, self._loaded, key="teams")

    def _loaded(self, result: tuple[list[TeamTotals], SchemeInfo | None, int]) -> None:
        rows, self.scheme, self.max_hours = result
        self.revealed = False
        self.after_load(rows, set())
        self._summarize(rows)

    def _summarize(self, rows: list[TeamTotals]) -> None:
        text = self.tr("志愿服务队 %1 支，志愿者 %2 人，服务活动 %3 次，服务时长 %4 小时。") \
            .replace("%1", str(len(rows))).replace("%2", str(sum(t.volunteers for t in rows))) \
            .replace("%3", str(sum(t.activities for t in rows))) \
            .replace("%4", f"{sum((t.hours for t in rows), volunteers.ZERO):,.2f}")
        if self.scheme is None:
            text += self.tr("未设定志愿积分办法。")
        else:
            text += self.tr("现行积分办法：%1（自 %2 起，每小时 %3 分）。").replace("%1", self.scheme.name) \
                .replace("%2", self.scheme.valid_from.isoformat()).replace("%3", str(self.scheme.per_hour()))
        self.summary.setText(text)

    def read_details(self, row: TeamTotals) -> Any:
        db, user, reveal = self.ctx.db, self.ctx.user, self.revealed
        return lambda _job: (volunteers.list_volunteers(db, row.id, include_left=True, reveal=reveal, by=user),
                             volunteers.list_activities(db, row.id))

    def refresh_actions(self) -> None:
        if not hasattr(self, "scheme_button"):
            return
        t, person = self.selected(), self.people.selected()
        enter = self.may_enter()
        pick = self.tr("请先选择一支志愿服务队。") if t is None else None
        from civicdesk.ui.supervision.forms import why_not

        self.set_reasons({
            self.volunteer_button: enter or pick,
            self.activity_button: enter or pick or (None if self.people.model.rows() else
                                                    self.tr("这支服务队还没有登记志愿者。")),
            self.reveal_button: why_not(self.ctx, "reveal_ids") or pick or (
                self.tr("电话已显示。") if self.revealed else None),
            self.leave_button: enter or (self.tr("请先在志愿者表中选择一人。") if person is None else None) or (
                self.tr("这位志愿者已经离队。") if person.left_on is not None else None),
            self.award_button: enter or pick, self.scheme_button: enter})

    def open_selected(self) -> None:
        self.click_first_enabled((self.activity_button, self.volunteer_button))

    def new(self) -> CheckedForm | None:
        return self.record_activity() if self.activity_button.isEnabled() else self.add_volunteer()

    def reveal(self) -> None:
        """The selected team's phones whole (the service checks ``reveal_ids`` and audits the reveal)."""
        if self.selected() is None or not self.reveal_button.isEnabled():
            return
        self.revealed = True
        self.load_details(force=True)
        self.bench.say(self.tr("已显示电话（已记入审计日志）。"))

    # -- forms --------------------------------------------------------------------------------------------------
    def add_volunteer(self) -> CheckedForm | None:
        t: TeamTotals | None = self.selected()
        if t is None or not self.volunteer_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: volunteers.add_volunteer(db, t.id, name=v["name"] or "", phone=v["phone"],
                                                         joined_on=v["joined_on"], by=user)

        return self.form(self.tr("登记志愿者：%1").replace("%1", t.name), [
            ("name", self.tr("姓名(&N)"), QLineEdit()),
            ("phone", self.tr("电话(&P)"), QLineEdit()),
            ("joined_on", self.tr("加入日期(&D)"), date_field())], work, self.tr("已登记志愿者。"),
            checks={"name": lambda v: community.text(v["name"], "name", required=True),
                    "phone": lambda v: check_phone(v["phone"]),
                    "joined_on": lambda v: community.day(v["joined_on"], "joined_on")},
            row_check=volunteers.check_volunteer)

    def record_activity(self) -> CheckedForm | None:
        t: TeamTotals | None = self.selected()
        if t is None or not self.activity_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        people: list[VolunteerInfo] = [p for p in self.people.model.rows() if p.left_on is None]
        hours = HoursTable([(p.id, p.name) for p in people], self.max_hours)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: volunteers.record_activity(db, t.id, held_on=v["held_on"], title=v["title"] or "",
                                                           place=v["place"], hours=v["hours"], by=user)

        return self.form(self.tr("记录服务活动：%1").replace("%1", t.name), [
            ("held_on", self.tr("活动日期(&D)"), date_field()),
            ("title", self.tr("活动名称(&T)"), QLineEdit()),
            ("place", self.tr("地点(&P)"), QLineEdit()),
            ("hours", self.tr("服务时长(&H)"), hours)], work, self.tr("已记录服务活动。"),
            checks={"held_on": lambda v: community.day(v["held_on"], "held_on"),
                    "title": lambda v: community.text(v["title"], "title", required=True)},
            row_check=volunteers.check_activity,
            note=self.tr("每位志愿者一天的服务时长合计不超过 %1 小时；未参加的留空。").replace("%1", str(self.max_hours)))

    def award(self) -> CheckedForm | None:
        t: TeamTotals | None = self.selected()
        if t is None or not self.award_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        person: VolunteerInfo | None = self.people.selected()
        points = QLineEdit()
        points.setPlaceholderText(self.tr("兑换的积分（可不填）"))
        points.setEnabled(person is not None)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: volunteers.award(
                db, title=v["title"] or "", awarded_by=v["awarded_by"] or "", awarded_on=v["awarded_on"],
                volunteer=person.id if person else None, team=None if person else t.id, points=v["points"], by=user)

        return self.form(self.tr("表彰：%1").replace("%1", person.name if person else t.name), [
            ("title", self.tr("表彰名称(&T)"), QLineEdit()),
            ("awarded_by", self.tr("表彰单位(&B)"), QLineEdit()),
            ("awarded_on", self.tr("表彰日期(&D)"), date_field()),
            ("points", self.tr("兑换积分(&P)"), points)], work, self.tr("已登记表彰。"),
            checks={"title": lambda v: community.text(v["title"], "title", required=True),
                    "awarded_by": lambda v: community.text(v["awarded_by"], "awarded_by", required=True),
                    "awarded_on": lambda v: community.day(v["awarded_on"], "awarded_on")},
            note=self.tr("表彰志愿者：先在志愿者表中选中一人；否则表彰整支服务队。"))

    def leave(self) -> CheckedForm | None:
        person: VolunteerInfo | None = self.people.selected()
        if person is None or not self.leave_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: volunteers.leave(db, person.id, left_on=v["left_on"], by=user,
                                                 shown_version=person.version)

        return self.form(self.tr("离队：%1").replace("%1", person.name), [
            ("left_on", self.tr("离队日期(&D)"), date_field())], work, self.tr("已登记离队。"),
            checks={"left_on": lambda v: community.day(v["left_on"], "left_on")},
            row_check=lambda v: volunteers.check_volunteer({"name": person.name, "joined_on": person.joined_on,
                                                            "left_on": v["left_on"]}),
            note=self.tr("%1 加入。离队后不再记录其服务时长。").replace("%1", person.joined_on.isoformat()))

    def set_scheme(self) -> CheckedForm | None:
        """A new points scheme from a day: the rules as fields, the one in force as the start."""
        if not self.scheme_button.isEnabled():
            return None
        db, user, now = self.ctx.db, self.ctx.user, self.scheme
        rules = now.rules if now is not None else {}
        per_hour = QLineEdit(str(rules.get("per_hour", "")))
        cap = QSpinBox()
        cap.setRange(0, volunteers.hard_max_hours())
        cap.setSpecialValueText(self.tr("不限"))
        cap.setValue(int(rules.get("max_hours_per_day") or 0))
        name = QLineEdit(now.name if now is not None else "")
        source = QPlainTextEdit(now.source if now is not None else "")

        def rules_of(v: dict[str, Any]) -> dict[str, Any]:
            return {"per_hour": v["per_hour"], "max_hours_per_day": v["max_hours_per_day"] or None,
                    "awards": v["awards"]}

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: volunteers.set_scheme(db, name=v["name"] or "", valid_from=v["valid_from"],
                                                      rules=rules_of(v), source=v["source"] or "", by=user)

        return self.form(self.tr("志愿积分办法"), [
            ("name", self.tr("办法名称(&N)"), name),
            ("valid_from", self.tr("起始日期(&F)"), date_field()),
            ("per_hour", self.tr("每服务 1 小时积分(&P)"), per_hour),
            ("max_hours_per_day", self.tr("每日计分时长上限（小时）(&C)"), cap),
            ("awards", self.tr("表彰档次(&A)"), AwardsTable(rules.get("awards") or [])),
            ("source", self.tr("依据(&S)"), source)], work, self.tr("已设定积分办法。"),
            checks={"name": lambda v: community.text(v["name"], "name", required=True),
                    "per_hour": lambda v: volunteers.check_rules({"per_hour": v["per_hour"]}),
                    "awards": lambda v: volunteers.check_rules({"per_hour": 1, "awards": v["awards"]}),
                    "source": lambda v: community.text(v["source"], "source", required=True, multiline=True)},
            row_check=lambda v: volunteers.check_scheme({"name": v["name"], "valid_from": v["valid_from"],
                                                         "rules": rules_of(v), "source": v["source"]}),
            note=self.tr("新办法自起始日起施行，现行办法于前一日截止。表彰档次按积分由低到高填写。"))
