"""The workbench's 等级评估 tab: rating applications with their grade and validity, and every step of one.

Filters: year, state, grade, and "只看即将到期" (the ratings in force that end within
``rating.expiry_warning_days``, asked of the service).  Actions: 申请评估 (a clerk), 评分 and 提交 (a clerk),
评定 and 不予评定 (a reviewer who neither entered nor submitted it: greyed with the reason otherwise), 降级 and
撤销等级 (a reviewer, a rating in force, a reason).  Under the table, the selected application's eligibility
outcomes and scores.

At the city the list is the city's own applications; "全市（含各区县）" lists every office's the city holds (the
districts' arrive by sync), with the office that keeps each, read only: the steps stay on the office's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox

from civicdesk import clock, messages
from civicdesk.services.supervision import parameters
from civicdesk.services.supervision import rating
from civicdesk.ui.context import Changes
from civicdesk.ui.supervision.forms import ActionDialog, choices, date_field, why_not, why_not_decide
from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import BAD, WARN, Column

if TYPE_CHECKING:
    from civicdesk.services.supervision.rating import RatingRecord
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


class RatingTab(CampaignTab):
    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench, "rating", text_columns=(0, 1))
        self.warning_days = 90
        self.year = QComboBox()
        self.year.setObjectName("rating_year")
        self.year.addItem(self.tr("全部年度"), None)
        self.state = choices([(self.tr("全部状态"), None)]
                             + [(rating.state_label(s, self.ctx.lang), s) for s in rating.STATES])
        self.state.setObjectName("rating_state")
        self.grade = QComboBox()
        self.grade.setObjectName("rating_grade")
        self.grade.addItem(self.tr("全部等级"), None)
        for band in parameters.value(self.ctx.db, "rating.bands"):
            self.grade.addItem(str(band["grade"]), str(band["grade"]))
        self.expiring = QCheckBox(self.tr("只看即将到期"))
        self.expiring.setObjectName("rating_expiring")
        for widget in (self.year, self.state, self.grade, self.expiring):
            self.filters.addWidget(widget)
        self.own_office = self.ctx.db.office()
        self.whole_city: QCheckBox | None = None
        if self.own_office.level == "city":
            self.whole_city = QCheckBox(self.tr("全市（含各区县）"))
            self.whole_city.setObjectName("rating_whole_city")
            self.whole_city.setToolTip(self.tr("列出本库中全市各单位的评估申请和等级（只读）"))
            self.filters.addWidget(self.whole_city)
            self.whole_city.toggled.connect(lambda _on: self.reload())
        self.detail = QLabel()
        self.detail.setObjectName("rating_detail")
        self.detail.setWordWrap(True)
        self.body.addWidget(self.detail)

        self.apply_button = self.button(self.tr("申请评估…"), "rating_apply", self.apply)
        self.score_button = self.button(self.tr("评分…"), "rating_score", self.score)
        self.submit_button = self.button(self.tr("提交"), "rating_submit", self.submit)
        self.decide_button = self.button(self.tr("评定…"), "rating_decide", self.decide)
        self.refuse_button = self.button(self.tr("不予评定…"), "rating_refuse", self.refuse)
        self.lower_button = self.button(self.tr("降级…"), "rating_lower", self.lower_grade)
        self.cancel_button = self.button(self.tr("撤销等级…"), "rating_cancel", self.cancel)
        self.year.currentIndexChanged.connect(lambda _i: self.proxy.set_equals("year", self.year.currentData()))
        self.state.currentIndexChanged.connect(lambda _i: self.proxy.set_equals("state", self.state.currentData()))
        self.grade.currentIndexChanged.connect(
            lambda _i: self.proxy.set_equals("current_grade", self.grade.currentData()))
        self.expiring.toggled.connect(lambda _on: self.reload())
        self.refresh_actions()

    def make_columns(self) -> list[Column]:
        lang = self.ctx.lang
        return [Column("organization_name", self.tr("组织名称"), 240, stretch=True),
                Column("uscc", self.tr("统一社会信用代码"), 160),
                Column("year", self.tr("年度"), 60),
                Column("state", self.tr("状态"), 80, text=lambda r: rating.state_label(r.state, lang)),
                Column("applied_on", self.tr("申请日期"), 90),
                Column("total", self.tr("总分"), 60),
                Column("grade", self.tr("评定等级"), 70),
                Column("current_grade", self.tr("现等级"), 70),
                Column("valid_to", self.tr("有效期至"), 90, color=self._validity_color),
                Column("entered_by", self.tr("录入人"), 80),
                Column("decided_by", self.tr("决定人"), 80),
                Column("office_code", self.tr("登记管理机关"), 140, text=lambda r: self.labels.division(r.office_code))]

    def _validity_color(self, r: RatingRecord) -> Any:
        left = r.days_left()
        if left is None:
            return None
        return BAD if left < 0 else WARN if left <= self.warning_days else None

    # -- loading ------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        db, expiring = self.ctx.db, self.expiring.isChecked()
        # a district lists what it holds (its own); the city its own unless the whole city is asked for
        office = self.own_office.code if self.whole_city is not None and not self.consolidated() else None

        def load(_job: Any) -> tuple[list[RatingRecord], int]:
            return rating.list_ratings(db, expiring=expiring, office=office), rating.expiry_warning_days(db)

        self.bench.run(load, self._loaded, key="rating")

    def _loaded(self, result: tuple[list[RatingRecord], int]) -> None:
        rows, self.warning_days = result
        self.expiring.setText(self.tr("只看 %1 天内到期的有效等级").replace("%1", str(self.warning_days)))
        years = sorted({r.year for r in rows}, reverse=True)
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("全部年度"), None)
        for y in years:
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(self.year.findData(current), 0))
        self.year.blockSignals(False)
        self.set_rows(rows)
        in_force = sum(1 for r in rows if r.state in rating.IN_FORCE)
        left = [r.days_left() for r in rows]
        expiring = sum(1 for d in left if d is not None and 0 <= d <= self.warning_days)
        self.summary.setText(self.tr("共 %1 件申请；有效等级 %2 个，其中 %3 个将在 %4 天内到期")
                             .replace("%1", str(len(rows))).replace("%2", str(in_force))
                             .replace("%3", str(expiring)).replace("%4", str(self.warning_days)))

    def consolidated(self) -> bool:
        """Whether the tab lists every office's applications (read only) rather than the office's own."""
        return self.whole_city is not None and self.whole_city.isChecked()

    # -- the selected row ---------------------------------------------------------------------------------------
    def refresh_actions(self) -> None:
        if not hasattr(self, "cancel_button"):
            return
        r: RatingRecord | None = self.selected()
        enter, decide = why_not(self.ctx, "supervise"), why_not(self.ctx, "supervise.decide")
        pick = self.tr("请先选择一件申请。")
        reasons: dict[Any, str | None] = {
            self.apply_button: enter,
            self.score_button: enter or (pick if r is None else None if r.state in ("applied", "scored")
                                         else self.tr("只有已申请或已评分的申请可以评分。")),
            self.submit_button: enter or (pick if r is None else None if r.state == "scored"
                                          else self.tr("各部分评分完成后才能提交。")),
        }
        open_ = r is not None and r.state in rating.OPEN
        eyes = why_not_decide(self.ctx, r.entered_by, r.submitted_by) if r is not None else decide
        reasons[self.decide_button] = pick if r is None else eyes or (
            None if r.state == "submitted" else self.tr("只有已提交的申请可以评定。"))
        reasons[self.refuse_button] = pick if r is None else eyes or (
            None if open_ else self.tr("只有尚未评定的申请可以不予评定。"))
        in_force = r is not None and r.state in rating.IN_FORCE
        for button in (self.lower_button, self.cancel_button):
            reasons[button] = decide or (pick if r is None else None if in_force
                                         else self.tr("只有有效的评估等级可以降级或撤销。"))
        if self.consolidated():  # the whole city is read only: every step is taken in the office's own list
            whole = self.tr("全市列表只供查看：申请、评分和评定请取消“全市（含各区县）”，在本单位的评估中进行。")
            reasons = dict.fromkeys(reasons, whole)
        for button, reason in reasons.items():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        # the line under the buttons: why the decision waiting on this application is not this user's
        self.explain(eyes if r is not None and r.state == "submitted" and not self.consolidated() else None)
        self.detail.setText(self._detail(r) if r is not None else "")

    def _detail(self, r: RatingRecord) -> str:
        lang = self.ctx.lang
        zh = lang.startswith("zh")
        lines = []
        for outcome in r.eligibility:
            mark = "✓" if outcome.get("ok") else "✗"
            words = messages.text(outcome.get("detail") or "rating_detail.ok", lang, **(outcome.get("params") or {}))
            lines.append(f"{mark} {rating.rule_label(str(outcome.get('rule')), lang)}{'：' if zh else ': '}{words}")
        parts = {p["key"]: p for p in r.rules.get("parts", [])}
        if r.scores:
            sep = "；" if zh else "; "
            lines.append(sep.join(f"{parts.get(k, {}).get('zh' if zh else 'en', k)} {v}/{parts.get(k, {}).get('max', '')}"
                                  for k, v in r.scores.items()))
        if r.reason:
            lines.append(self.tr("理由：") + r.reason)
        return "\n".join(lines)

    def open_selected(self) -> None:
        """Enter: the next step the selected application waits for, when this user may take it."""
        self.click_first_enabled((self.score_button, self.submit_button, self.decide_button))

    # -- actions ------------------------------------------------------------------------------------------------
    def apply(self) -> ActionDialog:
        db, user = self.ctx.db, self.ctx.user
        r = self.selected()
        org = QLineEdit(r.uscc if r is not None and r.uscc else "")
        org.setPlaceholderText(self.tr("统一社会信用代码"))
        year = QSpinBox()
        year.setRange(1990, clock.today().year + 1)
        year.setValue(clock.today().year)

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: rating.apply(db, v["organization"] or "", v["year"], applied_on=v["applied_on"],
                                             by=user)

        return self._form(self.tr("申请评估"), [
            ("organization", self.tr("组织(&O)"), org), ("year", self.tr("评估年度(&Y)"), year),
            ("applied_on", self.tr("申请日期(&D)"), date_field())], work, self.tr("已受理评估申请。"),
            note=self.tr("受理时逐条核对申请条件；不符合的，说明所依据的条件，不予受理。"))

    def score(self) -> ActionDialog | None:
        r: RatingRecord | None = self.selected()
        if r is None or not self.score_button.isEnabled():
            return None
        db, user, zh = self.ctx.db, self.ctx.user, self.ctx.lang.startswith("zh")
        fields = []
        for part in r.rules.get("parts", []):
            spin = QSpinBox()
            spin.setRange(0, int(part["max"]))
            spin.setValue(int(r.scores.get(part["key"], 0)))
            spin.setSuffix(f" / {part['max']}")
            fields.append((part["key"], str(part["zh"] if zh else part["en"]), spin))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: rating.score(db, r.id, v, by=user, shown_version=r.version)

        return self._form(self.tr("评分：%1").replace("%1", r.organization_name), fields, work,
                          self.tr("已保存评分。"))

    def submit(self) -> None:
        r: RatingRecord | None = self.selected()
        if r is None or not self.submit_button.isEnabled():
            return
        db, user = self.ctx.db, self.ctx.user
        self.bench.run(lambda _job: rating.submit(db, r.id, by=user, shown_version=r.version), lambda _r: self._done(self.tr("已提交评定。")),
                       key="rating.submit", cancellable=False, on_failure=self.bench.warn)

    def _done(self, text: str, changes: Changes | None = None) -> None:
        self.bench.say(text)
        self.ctx.changed(changes or Changes(extra={"supervision": True}))

    def decide(self) -> ActionDialog | None:
        r: RatingRecord | None = self.selected()
        if r is None or not self.decide_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        number = QLineEdit()
        number.setPlaceholderText(self.tr("评定决定的文号（必填）"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: rating.decide(db, r.id, by=user, decision_no=v["decision_no"] or "",
                                              decided_on=v["decided_on"], shown_version=r.version)

        note = self.tr("总分 %1，等级 %2。评定日起算有效期。").replace("%1", str(r.total)).replace("%2", r.grade or "—")
        return self._form(self.tr("评定：%1").replace("%1", r.organization_name),
                          [("decision_no", self.tr("文号(&N)"), number),
                           ("decided_on", self.tr("评定日期(&D)"), date_field())], work, self.tr("已评定。"),
                          changes=Changes(organizations=True, organization_ids=(r.organization_id,),
                                          extra={"supervision": True}), note=note)

    def _reason_form(self, r: RatingRecord, title: str, call: Any, done: str,
                     extra: list[tuple[str, str, Any]] | None = None) -> ActionDialog:
        reason = QPlainTextEdit()
        return self._form(title.replace("%1", r.organization_name),
                          [*(extra or []), ("reason", self.tr("理由(&R)"), reason)], call, done,
                          changes=Changes(organizations=True, organization_ids=(r.organization_id,),
                                          extra={"supervision": True}))

    def refuse(self) -> ActionDialog | None:
        r: RatingRecord | None = self.selected()
        if r is None or not self.refuse_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        return self._reason_form(r, self.tr("不予评定：%1"), lambda v: lambda _job: rating.refuse(
            db, r.id, by=user, reason=v["reason"] or "", shown_version=r.version), self.tr("已不予评定。"))

    def lower_grade(self) -> ActionDialog | None:
        r: RatingRecord | None = self.selected()
        if r is None or not self.lower_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        mins = {str(b["grade"]): int(b["min"]) for b in r.rules.get("bands", [])}
        now = mins.get(r.current_grade or "", 10_000)
        grade = choices([(g, g) for g, m in mins.items() if m < now])
        return self._reason_form(r, self.tr("降级：%1"), lambda v: lambda _job: rating.lower(
            db, r.id, v["grade"] or "", by=user, reason=v["reason"] or "", shown_version=r.version), self.tr("已降级。"),
            extra=[("grade", self.tr("降为(&G)"), grade)])

    def cancel(self) -> ActionDialog | None:
        r: RatingRecord | None = self.selected()
        if r is None or not self.cancel_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        return self._reason_form(r, self.tr("撤销等级：%1"), lambda v: lambda _job: rating.cancel(
            db, r.id, by=user, reason=v["reason"] or "", shown_version=r.version), self.tr("已撤销等级。"))
