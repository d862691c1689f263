"""The organization form (登记表): enter a new organization, checked as the clerk types.

:class:`OrgFormDialog` lays the fields out like the paper form, shows only the fields that apply to the chosen
tier and legal form, validates through :func:`organizations.check_organization` 300 ms after the last keystroke and
puts each issue in words under its field.  Saving drafts and submits a filing: a new record is an
establishment (or a township filing / community guidance, by tier), and an existing one opened with
``organization_id`` becomes a change filing of only the fields the clerk changed (:mod:`civicdesk.ui.filings.org_filing`).
Opened with ``tier_targets`` it applies for a tier conversion (层级转换) of that community organization: the tier
offers only the allowed targets, and becoming registered shows what a registered organization needs.  Opened
with ``filing`` (a draft or returned one) it shows what that filing asks for and saving corrects the filing
(:func:`filings.update_draft`); the clerk then submits it again from the filing dialog.
Direct entry of a legacy paper record (:func:`add_organization_op`) is left to admins, behind a clearly
labelled check box.  A dict in the ``org show --json`` shape pre-fills it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout, QMessageBox, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from civicdesk.errors import CivicDeskError, Issue, ValidationError
from civicdesk.services.filings import service as filings
from civicdesk.services.register import lookups
from civicdesk.services.register import records
from civicdesk.services.register import organizations
from civicdesk.ui.filings import org_filing
from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.runner import Op
from civicdesk.ui.widgets.form_builder import FormBuilder
from civicdesk.ui.widgets.form_fields import DivisionCascade, editor_value, number_edit, set_editor_value
from civicdesk.ui.widgets.issue_board import Presentation, present
from civicdesk.ui.widgets.issue_summary import IssueSummary
from civicdesk.ui.widgets.questions import ask_unsaved_changes

GEOMETRY_KEY = "org_form/geometry"
VALIDATE_DELAY_MS = 300
#: Fields that share a row with another field: their issues go to that row.
ROW_OF = {"community_subtype": "is_community", "certificate_valid_to": "certificate_valid_from",
          "charity_recognized": "party_organization",
          # a change filing's legal representative
          "legal_rep_name": "person.name", "legal_rep_id_number": "person.id_number", "legal_rep_phone": "person.phone"}
PERSON_ROWS = ("name", "id_number", "phone")
_PERSON_FIELD = re.compile(r"^people\[(\d+)\](?:\.(\w+))?$")
_FIELD_NAMES = tuple(spec.name for spec in records.ORG_FIELDS)


def add_organization_op(*, ctx: AppContext, data: dict[str, Any], on_success: Callable[[Any], None],
                        on_failure: Callable[[BaseException], None]) -> Op:
    """Add one organization on the worker (a legacy record typed in from the paper register, by an admin)."""
    by = ctx.user
    return ctx.runner.run(lambda job: organizations.add_organization(ctx.db, data, entry_mode="legacy", by=by),
                          on_success=on_success, on_failure=on_failure)


def hidden_fields(tier: str | None, legal_form: str | None, registration_mode: str | None) -> set[str]:
    """The form's fields that do not apply to a tier and legal form: hidden, and sent as empty."""
    if tier != "registered":  # filed or guided community organizations: no legal person, no certificate
        return {"legal_form", "uscc", "registration_mode", "sponsor", "foundation_type", "certificate_valid_from",
                "certificate_valid_to", "certificate_issued_on", "registered_funds_wan", "charity_recognized",
                "activity_area"}
    hidden = {"filing_no"}
    if registration_mode != "dual":
        hidden.add("sponsor")
    if legal_form != "foundation":
        hidden.add("foundation_type")
    if legal_form not in (None, "social_group"):  # members and an area of activity are a 社会团体's
        hidden |= {"member_count", "activity_area"}
    return hidden


class OrgFormDialog(QDialog):
    """A new organization applied for (or, by an admin, a legacy record typed in: ``saved`` carries its id), or
    a change of the organization ``organization_id``, or a tier conversion of it (``tier_targets``), or the
    correction of a draft or returned ``filing``; ``filed`` carries the submitted (or corrected) filing."""

    saved = Signal(str)
    filed = Signal(object)  # FilingRecord

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, record: dict[str, Any] | None = None, *,
                 organization_id: str | None = None, tier_targets: tuple[str, ...] | None = None,
                 filing: filings.FilingRecord | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filing = filing  # set: this form corrects that draft or returned filing
        if filing is not None and filing.kind not in filings.NEW_RECORD_KINDS:
            organization_id = filing.organization_id
            if filing.kind == "tier_convert":
                tier_targets = org_filing.TIER_TARGETS.get(str((record or {}).get("tier")), ())
        self.organization_id = organization_id  # set: this form applies for a change of that organization
        self.tier_targets = tier_targets  # set: a tier conversion to one of these tiers
        if filing is not None:
            self.kind: str | None = filing.kind
        elif tier_targets is not None:
            self.kind = "tier_convert"
        else:
            self.kind = "change" if organization_id is not None else None  # None: a new record, by its tier
        self._baseline_issues: set[tuple[str, str]] = set()
        self.form = FormBuilder(on_changed=self._changed, focus_watcher=self)
        self.editors = self.form.editors  # field name (``person.name`` for the person) -> editor
        self.boxes = self.form.boxes  # row key -> row with its messages
        self._dicts = lookups.dictionaries(ctx.db)
        self._office = ctx.db.office()
        self._passthrough: dict[str, Any] = {}  # fields of a pre-filled record this form does not show
        self._original_tier: str | None = None
        self._form_person: dict[str, Any] = {}
        self._other_people: list[dict[str, Any]] = []
        self._hidden: set[str] = set()
        self._touched: set[str] = set()
        self._reveal_all = record is not None  # a pre-filled record shows all its issues at once
        self._issues: list[Issue] = []
        self._shown = Presentation()
        self._saving = False
        self._timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self.setWindowTitle(self.tr("新增社会组织"))
        self._build()
        if filing is not None and filing.kind in filings.NEW_RECORD_KINDS:
            record = org_filing.content_for_form(None, filing)
            record["tier"] = filings.NEW_RECORD_KINDS[filing.kind]
        if record:
            self._load(record)
        name = str((record or {}).get("name") or "")
        if self.kind == "tier_convert":
            self.setWindowTitle(self.tr("申请层级转换：%1").replace("%1", name))
            self.editors["status"].setEnabled(False)
        elif organization_id is not None:
            self.setWindowTitle(self.tr("申请变更登记：%1").replace("%1", name))
            for key in ("tier", "status"):  # a tier conversion or a deregistration is a filing of its own
                self.editors[key].setEnabled(False)
        elif filing is not None:  # a new record's filing: its kind fixes the tier
            for key in ("tier", "status"):
                self.editors[key].setEnabled(False)
        elif not self.legacy_box.isChecked():
            self.editors["status"].setEnabled(False)  # a new organization applied for is 存续 once approved
        self._apply_rules()
        self._baseline = self.record_data()
        # problems the old record has already do not block a change; a filing shown with its numbers masked
        # (the service puts the full ones back on saving) does not block its correction
        if organization_id is not None or filing is not None:
            self._baseline_issues = {(i.field, i.code) for i in self._check(self._baseline)}
        if self.kind == "tier_convert":  # the baseline is the record as it is; now the tier it becomes
            self._limit_tiers(tier_targets or ())
        if filing is not None and organization_id is not None:
            self._put_changes(org_filing.content_for_form(record, filing))
        if filing is not None:
            self.setWindowTitle(self.tr("修改申请事项 %1：%2").replace("%1", filing.number)
                                .replace("%2", filing.organization_name))
        self._apply_rules()
        self._clean = self.record_data()  # what closing without saving compares with
        self._update_mode()
        self.validate_now()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(self.request_save)
        geometry = ctx.settings.value(GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(QByteArray(geometry))):
            self.resize(self._default_size())
        elif ctx.settings.value(GEOMETRY_KEY + "_lang", ctx.lang) != ctx.lang \
                and self.width() < self._default_size().width():
            # a size saved in the other language (English labels are wider) must not cut the form; one the
            # clerk chose in this language is kept
            self.resize(self._default_size().width(), self.height())

    # -- layout -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        basic, reg, place, money, texts = self._build_fields()
        self._build_content(basic, reg, place, money, texts)
        bottom = self._build_bottom()
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)

        f = self.form
        pick = self.tr("请选择")
        f.finish_tab_order(self.save_button, self.cancel_button)
        combos = tuple(f.editors[k] for k in ("division_code", "township_code", "community_code"))
        self.cascade = DivisionCascade(combos, self._children, pick, self)  # type: ignore[arg-type]
        for key in ("tier", "legal_form", "registration_mode", "is_community"):
            signal = getattr(f.editors[key], "toggled" if key == "is_community" else "currentIndexChanged")
            signal.connect(self._apply_rules)

    def _build_fields(self) -> tuple[QGroupBox, QGroupBox, QGroupBox, QGroupBox, QGroupBox]:
        """The groups of fields (basic, registration, place, money and people, legal representative, purpose),
        their labels aligned across the groups of a column."""
        f = self.form
        lang = self.ctx.lang

        def items(kind: str) -> list[tuple[str, str]]:
            return [(v.code, v.label(lang)) for v in self._dicts[kind]]

        def check(key: str, text: str) -> QCheckBox:
            return f.add(key, QCheckBox(text))  # type: ignore[return-value]

        pick = self.tr("请选择")
        basic, basic_form = f.group(self.tr("基本信息"))
        form = basic_form
        f.row(form, "name", self.tr("名称"), f.line("name", 200))
        f.row(form, "tier", self.tr("管理层级"), f.combo("tier", items("tier")))
        f.row(form, "is_community", self.tr("社区社会组织"), check("is_community", self.tr("是")), self.tr("类别"),
              f.combo("community_subtype", items("community_subtype"), pick), stretch="last")
        f.row(form, "legal_form", self.tr("组织类型"), f.combo("legal_form", items("legal_form"), pick))
        f.row(form, "category", self.tr("行业类别"), f.combo("category", items("category"), pick))
        f.row(form, "status", self.tr("状态"), f.combo("status", items("status")))
        f.editors["status"].set_code("active")  # type: ignore[attr-defined]

        reg, reg_form = f.group(self.tr("登记信息"))
        form = reg_form
        f.row(form, "uscc", self.tr("统一社会信用代码"), f.line("uscc", 24))
        f.editors["uscc"].setPlaceholderText(self.tr("18位，如 51511111MJ0000000X"))  # type: ignore[attr-defined]
        f.row(form, "filing_no", self.tr("备案编号"), f.line("filing_no", 64))
        f.row(form, "registration_mode", self.tr("登记方式"),
              f.combo("registration_mode", items("registration_mode"), pick))
        f.row(form, "sponsor", self.tr("业务主管单位"), f.line("sponsor", 200))
        f.row(form, "foundation_type", self.tr("基金会类型"),
              f.combo("foundation_type", items("foundation_type"), pick))
        f.row(form, "established_on", self.tr("成立登记日期"), f.date("established_on"))
        f.row(form, "certificate_valid_from", self.tr("证书有效期"), f.date("certificate_valid_from"), self.tr("至"),
              f.date("certificate_valid_to"))
        f.row(form, "certificate_issued_on", self.tr("发证日期"), f.date("certificate_issued_on"))

        place, place_form = f.group(self.tr("住所与区划"))
        form = place_form
        counties = self._counties()  # a district office registers in its own county only
        f.row(form, "division_code", self.tr("县（市、区）"),
              f.combo("division_code", counties, pick if len(counties) > 1 else None))
        f.row(form, "township_code", self.tr("乡镇（街道）"), f.combo("township_code", (), pick))
        f.row(form, "community_code", self.tr("村（社区）"), f.combo("community_code", (), pick))
        f.row(form, "address", self.tr("住所"), f.line("address", 300))
        f.row(form, "activity_area", self.tr("活动地域"), f.line("activity_area", 200))

        money, money_form = f.group(self.tr("资金与人员"))
        form = money_form
        f.row(form, "registered_funds_wan", self.tr("注册资金（万元）"),
              f.add("registered_funds_wan", number_edit(decimals=4)))
        f.row(form, "member_count", self.tr("会员数"), f.add("member_count", number_edit()))
        f.row(form, "staff_count", self.tr("从业人员数"), f.add("staff_count", number_edit()))
        f.row(form, "contact_name", self.tr("联系人"), f.line("contact_name", 50))
        f.row(form, "contact_phone", self.tr("联系电话"), f.line("contact_phone", 32))
        f.row(form, "party_organization", self.tr("其他"), check("party_organization", self.tr("已建立党组织")),
              check("charity_recognized", self.tr("认定为慈善组织")), stretch="none")

        self.person_group, person_form = f.group(self.tr("法定代表人"))
        form = person_form
        f.message_row(form, "people")
        f.row(form, "person.name", self.tr("姓名"), f.line("person.name", 50))
        f.row(form, "person.id_number", self.tr("身份证号码"), f.line("person.id_number", 18))
        f.row(form, "person.phone", self.tr("电话"), f.line("person.phone", 32))

        texts, form = f.group(self.tr("宗旨与业务范围"))
        f.row(form, "purpose", self.tr("宗旨"), f.text("purpose"))
        f.row(form, "business_scope", self.tr("业务范围"), f.text("business_scope"))

        f.align_labels(basic_form, reg_form)
        f.align_labels(place_form, money_form, person_form)
        return basic, reg, place, money, texts

    def _build_content(self, basic: QGroupBox, reg: QGroupBox, place: QGroupBox, money: QGroupBox,
                       texts: QGroupBox) -> None:
        """The groups in two columns, purpose and scope across the bottom, in a scroll area."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for column, groups in enumerate(((basic, reg), (place, money, self.person_group))):
            stack = QVBoxLayout()
            for group in groups:
                stack.addWidget(group)
            stack.addStretch(1)
            grid.addLayout(stack, 0, column)
        grid.addWidget(texts, 1, 0, 1, 2)
        grid.setRowStretch(2, 1)  # spare height goes below the form, not into its rows
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.content = QWidget()
        self.content.setLayout(grid)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.content)

    def _build_bottom(self) -> QHBoxLayout:
        """The issue summary, the legacy-entry box and the save and cancel buttons."""
        self.summary = IssueSummary()
        self.legacy_box = QCheckBox(self.tr("直接录入历史档案（管理员）"))
        self.legacy_box.setObjectName("legacy_entry")
        self.legacy_box.setToolTip(self.tr("将纸质登记簿中的历史记录直接录入登记簿，不经申请和审核；记入审计记录。"))
        self.legacy_box.setVisible(self.organization_id is None and self.filing is None
                                   and self.ctx.may("legacy_entry"))
        self.legacy_box.toggled.connect(self._update_mode)
        self.buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.save_button: QPushButton = self.buttons.addButton(self.tr("保存"), role.AcceptRole)
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.cancel_button = self.buttons.addButton(self.tr("取消"), role.RejectRole)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter in a field must not save half a form
        self.save_button.clicked.connect(self.request_save)
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.legacy_box)
        bottom.addWidget(self.buttons)
        return bottom

    def _default_size(self) -> QSize:
        """The whole form without scrolling, as far as the screen allows."""
        hint = self.content.sizeHint()
        screen = (self.parentWidget() or self).screen().availableGeometry()
        return QSize(min(hint.width() + 60, screen.width()), min(hint.height() + 120, screen.height()))

    # -- divisions: county -> township -> community ---------------------------------------------------------
    def _counties(self) -> list[tuple[str, str]]:
        office = self._office
        if office.level == "city":
            found = lookups.divisions(self.ctx.db, parent=office.code, level="county")
        else:
            found = [d for d in lookups.divisions(self.ctx.db, level="county") if d.code == office.code]
        return [(d.code, d.name) for d in found]

    def _children(self, parent: str) -> list[tuple[str, str]]:
        invented = self.tr("（演示）")  # demo villages and communities are invented: say so
        found = lookups.divisions(self.ctx.db, parent=parent)
        return [(d.code, d.name + (invented if d.invented else "")) for d in found]

    # -- values ---------------------------------------------------------------------------------------------
    def _tier(self) -> str | None:
        return self.editors["tier"].code()  # type: ignore[attr-defined]

    def record_data(self) -> dict[str, Any]:
        """The record as the widgets hold it, in the shape ``organizations.add_organization`` takes."""
        data = dict(self._passthrough)
        if self._tier() != self._original_tier:  # the registry follows the tier: let the service derive it
            data.pop("registry_code", None)
            data.pop("registry_name", None)
        for name in _FIELD_NAMES:
            editor = self.editors.get(name)
            if editor is not None:
                applies = name not in self._hidden
                data[name] = editor_value(editor) if applies else (False if isinstance(editor, QCheckBox) else None)
        person = self._person_data()
        data["people"] = ([person] if person else []) + [dict(p) for p in self._other_people]
        return data

    def _person_data(self) -> dict[str, Any] | None:
        typed = {key: editor_value(self.editors[f"person.{key}"]) for key in PERSON_ROWS}
        if not self._form_person and not any(typed.values()):
            return None
        role = "legal_representative" if self._tier() == "registered" else "responsible_person"
        return {**self._form_person, "role": role, **typed}

    def _load(self, record: dict[str, Any]) -> None:
        for name in _FIELD_NAMES:  # in the form's order: county before township before community
            if name not in record:
                continue
            if name in self.editors:
                set_editor_value(self.editors[name], record[name])
            else:
                self._passthrough[name] = record[name]
        self._original_tier = record.get("tier") or "registered"
        people = [dict(p) for p in record.get("people") or [] if isinstance(p, dict)]
        wanted = ("legal_representative", "responsible_person")
        main = next((p for r in wanted for p in people if p.get("role") == r and p.get("is_current", True)), None)
        if main is not None:
            people.remove(main)
            self._form_person = {k: v for k, v in main.items() if k not in ("role", *PERSON_ROWS)}
            for key in PERSON_ROWS:
                set_editor_value(self.editors[f"person.{key}"], main.get(key))
        self._other_people = people

    def is_dirty(self) -> bool:
        return self.record_data() != self._clean

    def _limit_tiers(self, targets: tuple[str, ...]) -> None:
        """A tier conversion: the tier offers only ``targets`` (the first chosen unless one already is)."""
        combo = self.editors["tier"]
        current = combo.code()  # type: ignore[attr-defined]
        labels = {v.code: v.label(self.ctx.lang) for v in self._dicts["tier"]}
        combo.set_items([(t, labels.get(t, t)) for t in targets])  # type: ignore[attr-defined]
        if current in targets:
            combo.set_code(current)  # type: ignore[attr-defined]
        combo.setEnabled(len(targets) > 1)

    def _put_changes(self, modified: dict[str, Any]) -> None:
        """Show a filing's content: each field that differs from the record as loaded (the baseline)."""
        current = self._baseline
        for name in _FIELD_NAMES:  # in the form's order: county before township before community
            if name in self.editors and name in modified and modified[name] != current.get(name):
                set_editor_value(self.editors[name], modified[name])
        before, after = org_filing.person_of(current), org_filing.person_of(modified)
        wanted = ("legal_representative", "responsible_person")
        people = [p for p in modified.get("people") or [] if isinstance(p, dict)]
        after = next((p for r in wanted for p in people if p.get("role") == r and p.get("is_current", True)), after)
        for key in PERSON_ROWS:
            if after.get(key) != before.get(key):
                set_editor_value(self.editors[f"person.{key}"], after.get(key))

    # -- rules and validation ------------------------------------------------------------------------------
    def _apply_rules(self) -> None:
        tier = self._tier()
        community = self.editors["is_community"]
        if tier in ("filed", "guided"):  # below registration only community organizations exist
            community.setChecked(True)  # type: ignore[attr-defined]
        community.setEnabled(tier == "registered")
        self.editors["community_subtype"].setEnabled(community.isChecked())  # type: ignore[attr-defined]
        self._hidden = hidden_fields(tier, self.editors["legal_form"].code(),  # type: ignore[attr-defined]
                                     self.editors["registration_mode"].code())  # type: ignore[attr-defined]
        if not community.isChecked():  # type: ignore[attr-defined]
            self._hidden.add("community_subtype")
        for name, editor in self.editors.items():
            if name in self.boxes:
                self.form.set_row_visible(name, name not in self._hidden)
            elif name != "community_subtype":
                editor.setVisible(name not in self._hidden)
        self.person_group.setTitle(self.tr("法定代表人") if tier == "registered" else self.tr("负责人"))
        self._changed()

    def _changed(self) -> None:
        if not self._saving:
            self._timer.start()

    def _update_mode(self) -> None:
        """The save button says what saving does: submit a filing, or (admin) enter a legacy record."""
        if self.filing is not None:
            self.save_button.setText(self.tr("保存修改"))
        elif self.kind == "tier_convert":
            self.save_button.setText(self.tr("提交层级转换申请"))
        elif self.organization_id is not None:
            self.save_button.setText(self.tr("提交变更申请"))
        elif self.legacy_box.isChecked():
            self.save_button.setText(self.tr("直接录入"))
            self.editors["status"].setEnabled(True)
        else:
            self.save_button.setText(self.tr("提交申请"))
            self.editors["status"].set_code("active")  # type: ignore[attr-defined]
            self.editors["status"].setEnabled(False)

    def is_legacy_entry(self) -> bool:
        return (self.organization_id is None and self.filing is None and self.legacy_box.isChecked()
                and self.ctx.may("legacy_entry"))

    def changes(self) -> dict[str, Any]:
        """A change form: the fields the clerk changed, as the change filing carries them; a tier conversion:
        the new tier with its registry and what else it changes."""
        if self.kind == "tier_convert":
            return org_filing.tier_convert_changes(self.ctx.db, self._baseline, self.record_data(),
                                                   self._tier() or "", self._hidden)
        return org_filing.changed_fields(self._baseline, self.record_data())

    def filing_data(self) -> dict[str, Any]:
        """What saving hands to the filings service (a new record's filing: the record as the form holds it)."""
        if self.organization_id is not None:
            return {"organization_id": self.organization_id, "changes": self.changes()}
        data = self.record_data()
        return {"record": {k: v for k, v in data.items() if k not in ("status", "registry_code", "registry_name")}}

    def _check(self, data: dict[str, Any]) -> list[Issue]:
        try:
            return organizations.check_organization(self.ctx.db, data, self_id=self.organization_id)
        except CivicDeskError as exc:
            return [Issue("", exc.code, exc.params)]

    def validate_now(self) -> None:
        """Check the record as it stands (a few milliseconds, on the GUI thread) and show the issues."""
        self._timer.stop()
        self._issues = [i for i in self._check(self.record_data()) if (i.field, i.code) not in self._baseline_issues]
        self._render()

    def _row_key(self, field: str) -> str | None:
        match = _PERSON_FIELD.match(field)
        if field == "people" or match:
            key = "people"
            if match and match.group(1) == "0" and match.group(2) in PERSON_ROWS and self._person_data():
                key = f"person.{match.group(2)}"
        elif field in ("registry_code", "registry_name"):
            key = {"filed": "township_code", "guided": "community_code"}.get(self._tier() or "", "division_code")
        else:
            key = ROW_OF.get(field, field)
        return key if key in self.boxes and key not in self._hidden else None

    def _revealed(self, key: str) -> bool:
        if self._reveal_all or key in self._touched:
            return True
        return key == "people" and any(k.startswith("person.") for k in self._touched)

    def _render(self) -> None:
        shown = present(self._issues, key_of=self._row_key, revealed=self._revealed, lang=self.ctx.lang)
        self._shown = shown
        for key, box in self.boxes.items():
            box.show_messages(shown.by_key.get(key, []))
            if box.label is not None:  # a missing legal representative marks the name of the person
                box.label.set_marked(key in shown.marked or (key == "person.name" and "people" in shown.marked))
        self.summary.show_presentation(shown)
        nothing = self.organization_id is not None and not self.changes()  # a change that changes nothing
        self.save_button.setEnabled(not shown.blocking and not self._saving and not nothing)

    def field_message(self, key: str) -> str:
        """The words shown under a row (``uscc``, ``person.id_number``, ``people`` …), for tests."""
        return self.boxes[key].message_text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        # Leaving a field reveals its "required" message; a popup (combo list, calendar) is not leaving.
        if event.type() == QEvent.Type.FocusOut and watched in self.form.row_of_focus:
            reason = event.reason()  # type: ignore[attr-defined]
            if reason not in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
                self._touched.add(self.form.row_of_focus[watched])
                self._render()
        return super().eventFilter(watched, event)

    # -- saving and closing ---------------------------------------------------------------------------------
    def request_save(self) -> None:
        """Save if the record is valid; otherwise show every issue in words and go to the first one."""
        if self._saving:
            return
        self._reveal_all = True
        self.validate_now()
        if self._shown.blocking:
            self._focus_first_issue()
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.content.setEnabled(False)  # what is saved is what the clerk sees: no typing while it is written
        data = self.record_data()
        if self.organization_id is not None and not self.changes():
            self._saving = False
            self.content.setEnabled(True)
            self._render()
            return
        if self.filing is not None:  # corrected, not submitted: the clerk submits it from the filing dialog
            org_filing.update_filing_op(ctx=self.ctx, filing_id=self.filing.id, data=self.filing_data(),
                                        on_success=self._save_succeeded, on_failure=self._save_failed,
                                        shown_version=self.filing.version)
        elif self.organization_id is not None:
            org_filing.submit_filing_op(ctx=self.ctx, kind=self.kind or "change", data=self.filing_data(),
                                        on_success=self._save_succeeded, on_failure=self._save_failed)
        elif self.is_legacy_entry():
            add_organization_op(ctx=self.ctx, data=data, on_success=self._save_succeeded,
                                on_failure=self._save_failed)
        else:
            kind = org_filing.KIND_OF_TIER.get(self._tier() or "registered", "establish")
            record = {k: v for k, v in data.items() if k not in ("status", "registry_code", "registry_name")}
            org_filing.submit_filing_op(ctx=self.ctx, kind=kind, data={"record": record},
                                        on_success=self._save_succeeded, on_failure=self._save_failed)

    def _focus_first_issue(self) -> None:
        key = self._shown.first_key(self.boxes)
        if key is None:
            return
        box = self.boxes["person.name" if key == "people" else key]
        self.scroll.ensureWidgetVisible(box)
        if box.editors:
            box.editors[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_succeeded(self, record: organizations.OrgRecord | Any) -> None:
        self._saving = False
        self._baseline = self._clean = self.record_data()
        if isinstance(record, organizations.OrgRecord):
            self.ctx.changed(Changes(organizations=True, organization_ids=(record.id,)))
            self.saved.emit(record.id)
        elif self.filing is not None:  # corrected: still a draft (or returned), to be submitted again
            self.ctx.changed(Changes(extra={"filings": True, "filing_id": record.id}))
            self.filed.emit(record)
        else:  # a filing: the register changes only when a reviewer approves it
            self.ctx.changed(Changes(extra={"filings": True, "filing_id": record.id, "filing_number": record.number}))
            self.filed.emit(record)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.content.setEnabled(True)
        if isinstance(exc, ValidationError):  # the register changed since the last check (a duplicate, say)
            self._issues = exc.issues + exc.warnings
            self._render()
            self._focus_first_issue()
            return
        self._render()
        self.show_error(self.ctx.message(exc))

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("无法保存"), text)

    def confirm_discard(self) -> bool:
        """Ask what to do with unsaved changes; True lets the form close (保存 saves, and closes once saved)."""
        answer = ask_unsaved_changes(self)
        if answer == "save":
            self.request_save()
        return answer == "discard"

    def reject(self) -> None:
        """Esc, Cancel and the window's close button: never lose typed work without asking."""
        if self._saving or (self.is_dirty() and not self.confirm_discard()):
            return
        super().reject()

    def done(self, result: int) -> None:
        self._timer.stop()
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ctx.settings.setValue(GEOMETRY_KEY + "_lang", self.ctx.lang)
        super().done(result)
