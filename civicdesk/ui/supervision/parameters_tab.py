"""The workbench's 参数 tab: every supervision rule with the value in force here, where it comes from and its
legal source; an administrator sets this office's own value (with its source) or resets it to the default.

Others see the table read-only, with a line saying why the buttons are greyed.  A value the service refuses
stays in the dialog, with the service's one-line message under the fields.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from civicdesk.errors import InputError
from civicdesk.services.admin import auth
from civicdesk.services.supervision import parameters
from civicdesk.ui.context import Changes
from civicdesk.ui.supervision.table import WARN, Column, RowsFilter, RowsModel, make_view, selected_row

if TYPE_CHECKING:
    from civicdesk.services.supervision.parameters import ParameterRow
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench

#: the scope columns' "any" (a year spin box at its minimum)
NO_YEAR = 0


def value_text(row: ParameterRow, lang: str) -> str:
    """A parameter's value in a line: a date, a number, ratios per level, the names of a list's items."""
    zh = lang.startswith("zh")
    v = row.value
    kind = parameters.defaults()[row.key].type if row.key in parameters.defaults() else ""
    if kind == "ratio_by_level" and isinstance(v, dict):
        names = {"county": ("区县", "county"), "city": ("市", "city"), "province": ("省", "province")}
        sep = "，" if zh else ", "
        return sep.join(f"{names.get(k, (k, k))[0 if zh else 1]} {float(r):.0%}" for k, r in v.items())
    if kind in ("materials", "parts") and isinstance(v, list):
        words = [str(i.get("zh" if zh else "en", i.get("key"))) + (f" {i['max']}" if "max" in i else "") for i in v]
        return ("；" if zh else "; ").join(words)
    if kind == "bands" and isinstance(v, list):
        return ("，" if zh else ", ").join(f"{b['grade']} ≥{b['min']}" for b in v)
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def value_for_editing(row: ParameterRow) -> str:
    """The value as the dialog's text: a date or number as it is, a list or table as indented JSON."""
    if isinstance(row.value, (dict, list)):
        return json.dumps(row.value, ensure_ascii=False, indent=2)
    return str(row.value)


def parse_value(text: str) -> Any:
    """The dialog's text as a value: JSON when it is JSON, else the text (``05-31``), as the CLI reads it."""
    try:
        return json.loads(text)
    except ValueError:
        if text.lstrip().startswith(("{", "[")):
            raise InputError("parameter.json", value=text.strip()[:80]) from None
        return text.strip()


class ParametersTab(QWidget):
    """The table of parameters, a text filter, "only this office's values", and the administrator's buttons."""

    loaded = Signal(int)

    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench)
        self.bench, self.ctx = bench, bench.ctx
        self.setObjectName("parameters_tab")
        self.forms = {v.code: v.label(self.ctx.lang) for v in bench.labels.dictionaries.get("legal_form", [])}
        columns = [
            Column("label", self.tr("参数"), 260),
            Column("key", self.tr("代码"), 200),
            Column("legal_form", self.tr("适用组织类型"), 110,
                   text=lambda r: self.forms.get(r.legal_form, r.legal_form) if r.legal_form else self.tr("全部")),
            Column("years", self.tr("适用年度"), 90, text=self._years),
            Column("value", self.tr("值"), 260, text=lambda r: value_text(r, self.ctx.lang),
                   tip=lambda r: value_for_editing(r)),
            Column("own", self.tr("来源"), 100, text=lambda r: self.tr("本机关设定") if r.own else self.tr("默认"),
                   color=lambda r: WARN if r.own else None),
            Column("edited_by", self.tr("设定人"), 90),
            Column("source", self.tr("依据"), 360, stretch=True, tip=lambda r: r.source),
        ]
        self.model = RowsModel(columns, self)
        self.proxy = RowsFilter(self, text_columns=(0, 1, 4, 7))
        self.table = make_view(self.model, self.proxy, "parameters", self)

        self.search = QLineEdit()
        self.search.setObjectName("parameter_search")
        self.search.setPlaceholderText(self.tr("按参数名称、代码或依据筛选"))
        self.search.setClearButtonEnabled(True)
        self.own_only = QCheckBox(self.tr("只看本机关设定的值"))
        self.own_only.setObjectName("own_only")
        self.set_button = QPushButton(self.tr("设定本机关的值…"))
        self.set_button.setObjectName("set_parameter")
        self.reset_button = QPushButton(self.tr("恢复默认…"))
        self.reset_button.setObjectName("reset_parameter")
        self.refresh_button = QPushButton(self.tr("刷新"))
        for button in (self.set_button, self.reset_button, self.refresh_button):
            button.setAutoDefault(False)
        self.why = QLabel()
        self.why.setObjectName("parameters_why")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #7a4a00;")
        self.summary = QLabel()
        self.summary.setObjectName("parameters_summary")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.own_only)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.set_button, self.reset_button, self.refresh_button):
            buttons.addWidget(button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.why)
        # the working-day calendar the credit time limits count in: a second page
        from civicdesk.ui.supervision.calendar_panel import CalendarPanel

        self.calendar = CalendarPanel(bench, self)
        self.pages = QTabWidget()
        self.pages.setObjectName("parameters_pages")
        self.pages.addTab(page, self.tr("监管参数"))
        self.pages.addTab(self.calendar, self.tr("工作日历"))
        QVBoxLayout(self).addWidget(self.pages)

        self.search.textChanged.connect(self._text_changed)
        self.own_only.toggled.connect(self._own_toggled)
        self.set_button.clicked.connect(self.set_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.refresh_button.clicked.connect(self.reload)
        # Enter or a double click: the form for the selected line (an administrator's)
        self.table.activated.connect(lambda _i: self.set_selected() if self.set_button.isEnabled() else None)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.refresh_buttons())
        self.refresh_buttons()

    def _years(self, row: ParameterRow) -> str:
        if row.year_from is None and row.year_to is None:
            return self.tr("不限")
        return f"{row.year_from or ''}–{row.year_to or ''}"

    # -- loading --------------------------------------------------------------------------------------------
    def reload(self) -> None:
        db, lang = self.ctx.db, self.ctx.lang
        self.bench.run(lambda _job: parameters.list_parameters(db, lang=lang), self._loaded, key="parameters")
        self.calendar.reload()

    def _loaded(self, rows: list[ParameterRow]) -> None:
        selected = selected_row(self.table)
        self.model.set_rows(rows)
        if selected is not None:  # the same line again: same key and scope
            for i, r in enumerate(rows):
                if (r.key, r.legal_form, r.year_from, r.year_to, r.own) == \
                        (selected.key, selected.legal_form, selected.year_from, selected.year_to, selected.own):
                    self.table.selectRow(self.proxy.mapFromSource(self.model.index(i, 0)).row())
                    break
        self._summarize()
        self.refresh_buttons()
        self.loaded.emit(len(rows))

    def _summarize(self) -> None:
        own = sum(1 for r in self.model.rows() if r.own)
        self.summary.setText(self.tr("共 %1 项参数；本机关设定 %2 项").replace("%1", str(len(parameters.defaults())))
                             .replace("%2", str(own)))

    def _text_changed(self, text: str) -> None:
        self.proxy.set_text(text)

    def _own_toggled(self, on: bool) -> None:
        self.proxy.set_equals("own", True if on else None)

    # -- who may do what ----------------------------------------------------------------------------------------
    def why_not_edit(self) -> str | None:
        """Why this user may not set or reset a value, or None when an administrator may."""
        if self.ctx.may("parameters") and not self.ctx.read_only:
            return None
        user = self.ctx.user
        if user is None:
            return self.tr("只读：未登录。监管参数只有管理员可以修改。")
        role = auth.role_label(user.role, self.ctx.lang)
        return self.tr("监管参数只有管理员可以修改；您的角色（%1）只能查看。").replace("%1", role)

    def refresh_buttons(self) -> None:
        reason = self.why_not_edit()
        row = selected_row(self.table)
        for button in (self.set_button, self.reset_button):
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        if reason is None and row is None:
            self.set_button.setEnabled(False)
            self.set_button.setToolTip(self.tr("请先选择一项参数。"))
        if reason is None and (row is None or not row.own):
            self.reset_button.setEnabled(False)
            self.reset_button.setToolTip(self.tr("请选择一项本机关设定的值：默认值无需恢复。"))
        self.why.setText(reason or "")
        self.why.setVisible(bool(reason))

    # -- actions ----------------------------------------------------------------------------------------------
    def set_selected(self) -> ParameterDialog | None:
        row = selected_row(self.table)
        if row is None or self.why_not_edit() is not None:
            return None
        dialog = ParameterDialog(self, row)
        dialog.saved.connect(lambda _row: self.reload())
        dialog.open()
        return dialog

    def reset_selected(self) -> bool:
        """Ask, then remove this office's value of the selected line; True when it was asked to."""
        row = selected_row(self.table)
        if row is None or not row.own or row.id is None or self.why_not_edit() is not None:
            return False
        answer = QMessageBox.question(
            self, self.tr("恢复默认"),
            self.tr("撤销本机关对“%1”的设定（%2），恢复默认值？").replace("%1", row.label)
            .replace("%2", value_text(row, self.ctx.lang)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        db, user, parameter_id, shown = self.ctx.db, self.ctx.user, row.id, row.version

        def done(_result: Any) -> None:
            self.bench.say(self.tr("已恢复默认值：%1").replace("%1", row.label))
            self.ctx.changed(Changes(extra={"parameters": True}))

        self.bench.run(lambda _job: parameters.reset_parameter(db, parameter_id, by=user, shown_version=shown), done,
                       key="parameters.reset", cancellable=False, on_failure=self.bench.warn)
        return True


class ParameterDialog(QDialog):
    """This office's value of one parameter: scope (legal form, years), the value, its source and a note."""

    saved = Signal(object)  # the ParameterRow written

    def __init__(self, tab: ParametersTab, row: ParameterRow) -> None:
        super().__init__(tab)
        self.tab, self.ctx, self.row = tab, tab.ctx, row
        self.setObjectName("parameter_dialog")
        self.setWindowTitle(self.tr("设定监管参数"))
        self.setModal(True)
        self.resize(620, 480)
        default = parameters.defaults()[row.key]
        self.name = QLabel(row.label)
        self.name.setObjectName("parameter_key")
        self.name.setWordWrap(True)
        self.legal_form = QComboBox()
        self.legal_form.setObjectName("legal_form")
        self.legal_form.addItem(self.tr("全部组织类型"), None)
        for code, label in tab.forms.items():
            self.legal_form.addItem(label, code)
        self.legal_form.setCurrentIndex(max(self.legal_form.findData(row.legal_form), 0))
        self.year_from, self.year_to = QSpinBox(), QSpinBox()
        for spin, value in ((self.year_from, row.year_from), (self.year_to, row.year_to)):
            spin.setRange(NO_YEAR, 2100)
            spin.setSpecialValueText(self.tr("不限"))
            spin.setValue(value or NO_YEAR)
        self.year_from.setObjectName("year_from")
        self.year_to.setObjectName("year_to")
        self.value = QPlainTextEdit(value_for_editing(row))
        self.value.setObjectName("value")
        self.value.setTabChangesFocus(True)  # Tab moves on to the source: keyboard use
        hint = {"month_day": self.tr("月-日，如 05-31"), "int": self.tr("整数"),
                "ratio_by_level": self.tr('各级比例，如 {"county": 0.03, "city": 0.04, "province": 0.05}'),
                }.get(default.type, self.tr("JSON 列表，格式同默认值"))
        if default.min is not None or default.max is not None:
            hint += f"（{default.min}–{default.max}）" if self.ctx.lang.startswith("zh") \
                else f" ({default.min}–{default.max})"
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.source = QLineEdit(row.source if row.own else "")
        self.source.setObjectName("source")
        self.source.setPlaceholderText(self.tr("法规条款或本机关文件（必填）"))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.default_source = QLabel(default.source)
        self.default_source.setWordWrap(True)
        self.default_source.setStyleSheet("color: #555;")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("参数"), self.name)
        form.addRow(self.tr("适用组织类型(&L)"), self.legal_form)
        form.addRow(self.tr("起始年度(&F)"), self.year_from)
        form.addRow(self.tr("截止年度(&T)"), self.year_to)
        form.addRow(self.tr("值(&V)"), self.value)
        form.addRow("", self.hint)
        form.addRow(self.tr("依据(&S)"), self.source)
        form.addRow(self.tr("默认值的依据"), self.default_source)
        form.addRow(self.tr("备注(&N)"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.value.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.message(exc))
        self.error.setVisible(True)
        self.buttons.setEnabled(True)

    def save(self) -> None:
        """Check and write on the runner; the dialog closes on success, shows the one-line refusal otherwise."""
        try:
            value = parse_value(self.value.toPlainText())
        except InputError as exc:
            self.show_error(exc)
            return
        db, user, key = self.ctx.db, self.ctx.user, self.row.key
        legal_form = self.legal_form.currentData()
        year_from = self.year_from.value() or None
        year_to = self.year_to.value() or None
        source, note = self.source.text(), self.note.text()
        self.buttons.setEnabled(False)

        # the office's own value shown, replaced in its own scope: refused when another clerk changed it since
        shown = self.row.version if self.row.own and (legal_form, year_from, year_to) == (
            self.row.legal_form, self.row.year_from, self.row.year_to) else None

        def write(_job: Any) -> ParameterRow:
            return parameters.set_parameter(db, key, value, source=source, by=user, legal_form=legal_form,
                                            year_from=year_from, year_to=year_to, note=note or None,
                                            shown_version=shown)

        def done(row: ParameterRow) -> None:
            self.buttons.setEnabled(True)
            self.tab.bench.say(self.tr("已设定参数：%1").replace("%1", self.row.label))
            self.saved.emit(row)
            self.ctx.changed(Changes(extra={"parameters": True}))
            self.accept()

        self.tab.bench.run(write, done, key="parameters.set", cancellable=False, on_failure=self.show_error)
