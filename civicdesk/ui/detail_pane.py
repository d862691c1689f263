"""The detail pane: every field of the selected organization, its people and its history; ID numbers masked."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser

from civicdesk.services import registry
from civicdesk.services.records import ORG_FIELDS, to_json_value
from civicdesk.services.registry import OrgRecord
from civicdesk.ui.context import AppContext
from civicdesk.ui.labels import Labels

_CODE_KINDS = {"legal_form": "legal_form", "tier": "tier", "community_subtype": "community_subtype",
               "category": "category", "status": "status", "registration_mode": "registration_mode",
               "foundation_type": "foundation_type"}
_DIVISIONS = ("division_code", "township_code", "community_code")
_HIDDEN = ("notes",)


class DetailPane(QTextBrowser):
    def __init__(self, ctx: AppContext, labels: Labels, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx, self.labels = ctx, labels
        self.setObjectName("detail")
        self.setOpenLinks(False)
        self.current_id: str | None = None
        self.record: OrgRecord | None = None
        self.show_empty()

    def show_empty(self) -> None:
        self.current_id, self.record = None, None
        self.setHtml(f"<p style='color:#777'>{escape(self.tr('选择一个组织查看详细信息。'))}</p>")

    def show_organization(self, org_id: str | None) -> None:
        """Load in the background; a newer selection supersedes an older one (runner key)."""
        if not org_id:
            self.show_empty()
            return
        self.current_id = org_id
        db = self.ctx.db
        self.ctx.runner.run(lambda _job: registry.get_organization(db, org_id), on_success=self._show,
                            on_failure=lambda exc: self.setHtml(escape(self.ctx.message(exc))), key="detail")

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

    def _show(self, record: OrgRecord) -> None:
        if record.id != self.current_id:  # the clerk moved on (or the table was reloaded) meanwhile
            return
        self.record = record
        lang = self.labels.lang
        rows = []
        for spec in ORG_FIELDS:
            value = record.values.get(spec.name)
            if spec.name in _HIDDEN or value in (None, "", False):
                continue
            rows.append(f"<tr><th align='right' style='color:#555;padding-right:8px'>{escape(spec.label(lang))}</th>"
                        f"<td>{escape(self._value(spec.name, value))}</td></tr>")
        people = "".join(
            f"<tr><td>{escape(self.labels.label('person_role', p.role))}</td><td>{escape(p.name)}</td>"
            f"<td style='white-space:nowrap'>{escape(p.id_number or '')}</td>"
            f"<td>{escape(self.labels.date(p.term_start))}"
            f"{' – ' + escape(self.labels.date(p.term_end)) if p.term_end else ''}</td>"
            f"<td>{escape(self.tr('现任') if p.is_current else self.tr('离任'))}</td></tr>"
            for p in record.people
        )
        history = "".join(
            f"<tr><td>{escape(self.labels.date(h.changed_on))}</td><td>{escape(h.field)}</td>"
            f"<td>{escape(h.old_value or '')} → {escape(h.new_value or '')}</td><td>{escape(h.document_no or '')}</td></tr>"
            for h in record.history
        )
        entry = self.labels.label("entry_mode", record.entry_mode)
        html = [f"<h2 style='margin-bottom:2px'>{escape(record.name)}</h2>",
                f"<p style='color:#777;margin-top:0'>{escape(entry)} · {escape(self.tr('来源单位'))} "
                f"{escape(record.origin_office)} · {escape(self.tr('版本'))} {record.version}</p>",
                f"<table cellspacing='2'>{''.join(rows)}</table>",
                f"<h3>{escape(self.tr('人员'))}</h3>",
                f"<table cellspacing='4'>{people}</table>" if people else f"<p>{escape(self.tr('无'))}</p>",
                f"<h3>{escape(self.tr('变更记录'))}</h3>",
                f"<table cellspacing='4'>{history}</table>" if history else f"<p>{escape(self.tr('无'))}</p>"]
        self.setHtml("".join(html))
