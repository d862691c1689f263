"""The detail pane: every field of the selected organization, its people (ID numbers masked) and its supervision
(监管: the latest inspections, the rating in force, the spot checks, the credit lists it is on) on one tab, and its
history on another: the filings about it (:func:`filings.history_of`, each opening its filing dialog) and the field
changes they made.  An organization on a credit list carries a warning line under its name, in red and in words
("⚠ 已列入活动异常名录（沙民异〔2026〕3号，2026-03-01）")."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTabWidget, QTextBrowser

from civicdesk import messages
from civicdesk.services.register.records import ORG_FIELDS, to_json_value
from civicdesk.ui.context import AppContext
from civicdesk.ui.labels import Labels

if TYPE_CHECKING:  # the services behind the pane load with its first organization, not on the way to the window
    from civicdesk.services.filings.service import FilingRecord
    from civicdesk.services.register.organizations import OrgRecord
    from civicdesk.services.supervision.credit import ListingInfo
    from civicdesk.services.cultivation.profile import CultivationProfile
    from civicdesk.services.supervision.profile import SupervisionProfile

    Loaded = tuple[OrgRecord, list[FilingRecord], SupervisionProfile, list[ListingInfo], CultivationProfile]

_CODE_KINDS = {"legal_form": "legal_form", "tier": "tier", "community_subtype": "community_subtype",
               "category": "category", "status": "status", "registration_mode": "registration_mode",
               "foundation_type": "foundation_type"}
_DIVISIONS = ("division_code", "township_code", "community_code")
_HIDDEN = ("notes",)
#: the inspections the 监管 section lists, newest first
INSPECTIONS_SHOWN = 3
#: the colour of a credit-list warning (the words say it too)
WARNING_COLOR = "#b00020"


class DetailPane(QTabWidget):
    def __init__(self, ctx: AppContext, labels: Labels, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx, self.labels = ctx, labels
        self.setObjectName("detail")
        self.info = QTextBrowser(self)
        self.info.setOpenLinks(False)
        self.info.anchorClicked.connect(self._link)  # 监管记录… in the 监管 section
        self.history = QTextBrowser(self)
        self.history.setObjectName("history")
        self.history.setOpenLinks(False)
        self.history.anchorClicked.connect(self._link)
        self.addTab(self.info, self.tr("登记信息"))
        self.addTab(self.history, self.tr("历史"))
        self.current_id: str | None = None
        self.record: OrgRecord | None = None
        self.filings: list[FilingRecord] = []
        self.show_empty()

    def setHtml(self, html: str) -> None:  # the text browser's spelling
        self.info.setHtml(html)

    def toPlainText(self) -> str:
        return self.info.toPlainText()

    def history_text(self) -> str:
        return self.history.toPlainText()

    def show_empty(self) -> None:
        self.current_id, self.record, self.filings = None, None, []
        # tr() outside f-strings: pyside6-lupdate does not find a string inside an f-string's braces
        hint = self.tr("选择一个组织查看详细信息。")
        self.setHtml(f"<p style='color:#777'>{escape(hint)}</p>")
        self.history.setHtml("")

    def show_organization(self, org_id: str | None) -> None:
        """Load in the background; a newer selection supersedes an older one (runner key)."""
        if not org_id:
            self.show_empty()
            return
        self.current_id = org_id
        db = self.ctx.db
        def load(_job: Any) -> Loaded:
            from civicdesk.services.cultivation.profile import cultivation_profile
            from civicdesk.services.filings import service as filings
            from civicdesk.services.register import organizations
            from civicdesk.services.supervision import credit, profile

            return (organizations.get_organization(db, org_id), filings.history_of(db, org_id),
                    profile.supervision_profile(db, org_id), credit.current(db, org_id),
                    cultivation_profile(db, org_id))

        self.ctx.runner.run(load, on_success=self._show, on_failure=lambda exc: self.setHtml(escape(self.ctx.message(exc))),
                            key=f"detail:{id(self)}")

    def _value(self, key: str, value: Any) -> str:
        if key in _CODE_KINDS:
            return self.labels.label(_CODE_KINDS[key], value)
        if key in _DIVISIONS:
            return self.labels.division(value)
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if hasattr(value, "year") and hasattr(value, "month"):
            return self.labels.date(value)
        return str(to_json_value(value))

    def _show(self, loaded: Loaded) -> None:
        from civicdesk.services.supervision import credit

        record, history, supervision, listings, cultivation = loaded
        if record.id != self.current_id:  # the clerk moved on (or the table was reloaded) meanwhile
            return
        self.filings = history
        self.record = record
        lang = self.labels.lang
        rows = []
        for spec in ORG_FIELDS:
            value = record.values.get(spec.name)
            if spec.name in _HIDDEN or value in (None, "", False):
                continue
            rows.append(f"<tr><th align='right' style='color:#555;padding-right:8px'>{escape(spec.label(lang))}</th>"
                        f"<td>{escape(self._value(spec.name, value))}</td></tr>")
        current, former = self.tr("现任"), self.tr("离任")
        people = "".join(
            f"<tr><td>{escape(self.labels.label('person_role', p.role))}</td><td>{escape(p.name)}</td>"
            f"<td style='white-space:nowrap'>{escape(p.id_number or '')}</td>"
            f"<td>{escape(self.labels.date(p.term_start))}"
            f"{' – ' + escape(self.labels.date(p.term_end)) if p.term_end else ''}</td>"
            f"<td>{escape(current if p.is_current else former)}</td></tr>"
            for p in record.people
        )
        self._show_history(record, history)
        entry = self.labels.label("entry_mode", record.entry_mode)
        origin, version, people_title, none = self.tr("来源单位"), self.tr("版本"), self.tr("人员"), self.tr("无")
        html = [f"<h2 style='margin-bottom:2px'>{escape(record.name)}</h2>",
                f"<p style='color:#777;margin-top:0'>{escape(entry)} · {escape(origin)} "
                f"{escape(record.origin_office)} · {escape(version)} {record.version}</p>",
                *(f"<p style='color:{WARNING_COLOR};font-weight:bold'>{escape(credit.warning(x, lang))}</p>"
                  for x in listings),
                f"<table cellspacing='2'>{''.join(rows)}</table>",
                f"<h3>{escape(people_title)}</h3>",
                f"<table cellspacing='4'>{people}</table>" if people else f"<p>{escape(none)}</p>",
                self._supervision_html(supervision, listings),
                self._cultivation_html(cultivation)]
        self.setHtml("".join(html))

    def _word(self, prefix: str, code: str | None) -> str:
        return messages.label(f"{prefix}.{code}", self.labels.lang, default=code or "")

    def _supervision_html(self, profile: SupervisionProfile, listings: list[ListingInfo]) -> str:
        """监管: the latest inspections (year, conclusion or state, late), the rating in force with its validity
        (or 未评估 / 已过期), the spot checks with their rectification dates, and the credit lists it is on now
        (list, ground, decision number and date; or 未列入)."""
        from civicdesk.services.supervision import credit

        date = self.labels.date
        title, inspections_t, rating_t, spot_t = self.tr("监管"), self.tr("年检"), self.tr("评估等级"), self.tr("抽查")
        late_word, none = self.tr("逾期报送"), self.tr("无")
        rows = []
        for line in profile.inspections[:INSPECTIONS_SHOWN]:
            result = (self._word("register.conclusion", line.conclusion) if line.state == "decided"
                      else self._word("register.inspection_state", line.state))
            rows.append(f"<tr><td>{line.year}</td><td>{escape(result)}</td>"
                        f"<td>{escape(late_word) if line.late else ''}</td>"
                        f"<td>{escape(line.document_no or '')}</td></tr>")
        inspections = f"<table cellspacing='4'>{''.join(rows)}</table>" if rows else f"<p>{escape(none)}</p>"
        in_force = profile.rating_in_force
        if in_force is not None:
            rating = (self.tr("%1，有效期 %2 至 %3").replace("%1", in_force.current_grade or in_force.grade or "")
                      .replace("%2", date(in_force.valid_from)).replace("%3", date(in_force.valid_to)))
            if in_force.decision_no:
                rating += f" · {in_force.decision_no}"
        else:
            ended = next((r for r in profile.ratings if r.state in ("decided", "lowered") and r.valid_to), None)
            rating = (self.tr("已过期（%1，至 %2）").replace("%1", ended.current_grade or ended.grade or "")
                      .replace("%2", date(ended.valid_to)) if ended is not None else self.tr("未评估"))
        checks = []
        for c in profile.spotchecks:
            result = self._word("register.spotcheck", c.result) if c.result else self.tr("待检查")
            rectify = ""
            if c.result == "rectify":
                rectify = (self.tr("整改期限 %1，%2 已整改").replace("%2", date(c.rectified_on)) if c.rectified_on
                           else self.tr("整改期限 %1，未整改")).replace("%1", date(c.rectify_by))
            checks.append(f"<tr><td>{c.year}</td><td>{escape(c.plan_title or '')}</td>"
                          f"<td>{escape(date(c.checked_on))}</td><td>{escape(result)}</td>"
                          f"<td>{escape(rectify)}</td></tr>")
        spot = f"<table cellspacing='4'>{''.join(checks)}</table>" if checks else f"<p>{escape(none)}</p>"
        lang = "zh" if self.labels.lang.startswith("zh") else "en"
        credit_t, off_lists = self.tr("信用名单"), self.tr("未列入")
        on_lists = "".join(f"<p style='color:{WARNING_COLOR};margin:0'>{escape(credit.listing_line(x, lang))}</p>"
                           for x in listings)
        timeline = self.tr("监管记录…")  # the organization's supervision timeline (ui/supervision/timeline_dialog.py)
        return "".join([f"<h3>{escape(title)}</h3>",
                        f"<p><a href='timeline:{escape(profile.organization_id)}'>{escape(timeline)}</a></p>",
                        f"<p style='margin-bottom:0'><b>{escape(credit_t)}</b></p>",
                        on_lists or f"<p style='margin-top:0'>{escape(off_lists)}</p>",
                        f"<p style='margin-bottom:0'><b>{escape(inspections_t)}</b></p>", inspections,
                        f"<p><b>{escape(rating_t)}</b>　{escape(rating)}</p>",
                        f"<p style='margin-bottom:0'><b>{escape(spot_t)}</b></p>", spot])

    def _cultivation_html(self, found: CultivationProfile) -> str:
        """培育发展: the bases it was incubated at, the purchased-service projects, the awards, the funds it holds,
        and a team's or a station's own totals; nothing when it has none."""
        if found.empty:
            return ""
        date = self.labels.date
        money = self.tr("%1 元")
        # tr() outside f-strings (pyside6-lupdate does not look inside their braces)
        title, incubation_t, projects_t = self.tr("培育发展"), self.tr("孵化"), self.tr("政府购买服务")
        awards_t, funds_t, resident = self.tr("资助与表彰"), self.tr("社区基金"), self.tr("在孵")
        parts = [f"<h3>{escape(title)}</h3>"]
        if found.team is not None:
            people, activities, hours = found.team
            parts.append("<p>" + escape(self.tr("志愿者 %1 人，服务活动 %2 次，服务时长 %3 小时")
                                         .replace("%1", str(people)).replace("%2", str(activities))
                                         .replace("%3", f"{hours:,}")) + "</p>")
        if found.station is not None:
            days, times = found.station
            parts.append("<p>" + escape(self.tr("服务 %1 次，%2 人次").replace("%1", str(days))
                                         .replace("%2", f"{times:,}")) + "</p>")
        if found.residences:
            rows = "".join(
                f"<tr><td>{escape(r.base)}</td><td>{escape(date(r.admitted_on))}</td>"
                f"<td>{escape(date(r.graduated_on)) if r.graduated_on else escape(resident)}</td>"
                f"<td>{escape(self._word('cultivation.outcome', r.outcome)) if r.outcome else ''}</td></tr>"
                for r in found.residences)
            parts.append(f"<p style='margin-bottom:0'><b>{escape(incubation_t)}</b></p>"
                         f"<table cellspacing='4'>{rows}</table>")
        if found.projects:
            rows = "".join(
                f"<tr><td>{p.year}</td><td>{escape(p.name)}</td><td>{escape(p.department)}</td>"
                f"<td align='right'>{escape(money.replace('%1', f'{p.amount:,}'))}</td>"
                f"<td>{escape(self._word('cultivation.evaluation', p.evaluation)) if p.evaluation else ''}</td></tr>"
                for p in found.projects)
            parts.append(f"<p style='margin-bottom:0'><b>{escape(projects_t)}</b></p>"
                         f"<table cellspacing='4'>{rows}</table>")
        if found.awards:
            rows = "".join(
                f"<tr><td>{escape(date(a.on)) if a.on else ''}</td><td>{escape(a.title)}</td><td>{escape(a.by)}</td>"
                f"<td align='right'>{escape(money.replace('%1', f'{a.amount:,}')) if a.amount else ''}</td></tr>"
                for a in found.awards)
            parts.append(f"<p style='margin-bottom:0'><b>{escape(awards_t)}</b></p>"
                         f"<table cellspacing='4'>{rows}</table>")
        if found.funds:
            balance = self.tr("累计筹集 %1 元，余额 %2 元")
            rows = "".join(
                f"<tr><td>{escape(f.name)}</td><td>{escape(balance.replace('%1', f'{f.contributed:,}').replace('%2', f'{f.balance:,}'))}</td></tr>"
                for f in found.funds)
            parts.append(f"<p style='margin-bottom:0'><b>{escape(funds_t)}</b></p>"
                         f"<table cellspacing='4'>{rows}</table>")
        return "".join(parts)

    def _show_history(self, record: OrgRecord, history: list[FilingRecord]) -> None:
        from civicdesk.services.filings import service as filings

        lang = "zh" if self.labels.lang.startswith("zh") else "en"
        nothing = self.tr("无")
        none = f"<p>{escape(nothing)}</p>"
        head = "<tr>" + "".join(f"<th align='left' style='color:#555'>{escape(t)}</th>" for t in (
            self.tr("编号"), self.tr("事项"), self.tr("状态"), self.tr("收件日期"), self.tr("决定人"))) + "</tr>"
        rows = "".join(
            f"<tr><td><a href='filing:{escape(f.id)}'>{escape(f.number)}</a></td>"
            f"<td>{escape(filings.kind_label(f.kind, lang))}</td><td>{escape(filings.state_label(f.state, lang))}</td>"
            f"<td>{escape(self.labels.date(f.received_on))}</td><td>{escape(f.decided_by or '')}</td></tr>"
            for f in history
        )
        changes = "".join(
            f"<tr><td>{escape(self.labels.date(h.changed_on))}</td>"
            f"<td>{escape(filings.field_label(h.field, lang))}</td>"
            f"<td>{escape(self._value(h.field, h.old_value) if h.old_value else '—')} → "
            f"<b>{escape(self._value(h.field, h.new_value) if h.new_value else '—')}</b></td>"
            f"<td>{escape(h.document_no or '')}</td></tr>"
            for h in reversed(record.history)
        )
        filed, changed = self.tr("申请事项"), self.tr("变更记录")
        self.history.setHtml("".join([
            f"<h3>{escape(filed)}</h3>",
            f"<table cellspacing='4'>{head}{rows}</table>" if rows else none,
            f"<h3>{escape(changed)}</h3>",
            f"<table cellspacing='4'>{changes}</table>" if changes else none,
        ]))

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("filing:"):
            from civicdesk.ui.filings.filing_dialog import FilingDialog

            FilingDialog(self.ctx, self.labels, text.split(":", 1)[1], self).open()
        elif text.startswith("timeline:"):
            from civicdesk.ui.supervision.timeline_dialog import open_timeline

            self.timeline = open_timeline(self.ctx, text.split(":", 1)[1], self)
