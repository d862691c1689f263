"""The 参数 tab's 工作日历 page: the holidays and worked weekend days of a year that credit supervision's time
limits count in, the shipped national ones (国家公布) and this office's own (本单位).

An administrator (permission ``parameters``) adds the office's own days (one day or a range, with the notice they
come from) and removes one of them with a reason; a shipped day cannot be removed.  Others see the buttons greyed
with the reason.  A year with no calendar says so with the timers' note (counted Monday to Friday).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from civicdesk import clock, messages
from civicdesk.services.admin import auth
from civicdesk.services.supervision import calendar
from civicdesk.ui.context import Changes
from civicdesk.ui.supervision.forms import ActionDialog, choices, date_field
from civicdesk.ui.supervision.table import WARN, Column, RowsFilter, RowsModel, make_view, selected_row

if TYPE_CHECKING:
    from civicdesk.services.supervision.calendar import DayRow
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench


class CalendarPanel(QWidget):
    """A year, its days, the note when the year has no calendar, and the administrator's two buttons."""

    loaded = Signal(int)

    def __init__(self, bench: SupervisionWorkbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bench, self.ctx = bench, bench.ctx
        self.setObjectName("calendar_panel")
        self.year = QSpinBox()
        self.year.setObjectName("calendar_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today().year)
        self.year.setPrefix(self.tr("年度 "))
        self.model = RowsModel(self._columns(), self, id_field="day")
        self.table = make_view(self.model, RowsFilter(self), "calendar_days", self)
        self.note = QLabel()
        self.note.setObjectName("calendar_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #7a4a00;")
        self.note.setVisible(False)
        self.summary = QLabel()
        self.summary.setObjectName("calendar_summary")
        self.add_button = QPushButton(self.tr("添加放假/调休日…"))
        self.add_button.setObjectName("calendar_add")
        self.remove_button = QPushButton(self.tr("删除本单位日期…"))
        self.remove_button.setObjectName("calendar_remove")
        self.why = QLabel()
        self.why.setObjectName("calendar_why")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #7a4a00;")
        head = QHBoxLayout()
        head.addWidget(self.year)
        head.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.why)
        self.year.valueChanged.connect(lambda _y: self.reload())
        self.add_button.clicked.connect(lambda _c=False: self.add())
        self.remove_button.clicked.connect(lambda _c=False: self.remove())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.refresh_buttons())
        self.refresh_buttons()

    def _columns(self) -> list[Column]:
        weekdays = [self.tr("星期一"), self.tr("星期二"), self.tr("星期三"), self.tr("星期四"), self.tr("星期五"),
                    self.tr("星期六"), self.tr("星期日")]
        return [Column("day", self.tr("日期"), 100, text=lambda r: r.day.isoformat(), sort=lambda r: r.day),
                Column("weekday", self.tr("星期"), 70, text=lambda r: weekdays[r.day.weekday()]),
                Column("kind", self.tr("类别"), 90, text=self._kind),
                Column("name", self.tr("名称"), 120, text=lambda r: r.name or ""),
                Column("own", self.tr("来源"), 90, text=lambda r: self.tr("本单位") if r.own else self.tr("国家公布"),
                       color=lambda r: WARN if r.own else None),
                Column("source", self.tr("依据"), 360, stretch=True, tip=lambda r: r.source)]

    def _kind(self, r: DayRow) -> str:
        return self.tr("放假") if r.kind == "holiday" else self.tr("调休上班")

    # -- loading --------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        db, year = self.ctx.db, self.year.value()
        self.bench.run(lambda _job: calendar.list_days(db, year=year), self._loaded, key="calendar")

    def _loaded(self, rows: list[DayRow]) -> None:
        if rows and rows[0].day.year != self.year.value():
            return  # an older year's answer arriving after the year changed
        self.model.set_rows(rows)
        year = self.year.value()
        known = year in calendar.shipped().sources or any(r.own for r in rows)
        note = None if known else calendar.estimate_note((year,), self.ctx.lang)
        self.note.setText(note or "")
        self.note.setVisible(bool(note))
        holidays = sum(1 for r in rows if r.kind == "holiday")
        self.summary.setText(self.tr("%1 年：放假 %2 天，调休上班 %3 天；本单位登记 %4 天")
                             .replace("%1", str(year)).replace("%2", str(holidays))
                             .replace("%3", str(len(rows) - holidays)).replace("%4", str(sum(r.own for r in rows))))
        self.refresh_buttons()
        self.loaded.emit(len(rows))

    # -- who may do what --------------------------------------------------------------------------------------------
    def why_not_edit(self) -> str | None:
        if self.ctx.may(calendar.PERMISSION) and not self.ctx.read_only:
            return None
        user = self.ctx.user
        if user is None:
            return self.tr("只读：未登录。工作日历只有管理员可以修改。")
        role = auth.role_label(user.role, self.ctx.lang)
        return self.tr("工作日历只有管理员可以修改；您的角色（%1）只能查看。").replace("%1", role)

    def refresh_buttons(self) -> None:
        reason = self.why_not_edit()
        row: DayRow | None = selected_row(self.table)
        self.add_button.setEnabled(reason is None)
        self.add_button.setToolTip(reason or "")
        removal = reason or (self.tr("请先选择一个本单位登记的日期。") if row is None else None if row.own
                             else self.tr("国家公布的日期不能删除：可另行登记本单位的日期覆盖它。"))
        self.remove_button.setEnabled(removal is None)
        self.remove_button.setToolTip(removal or "")
        self.why.setText(reason or (removal if row is not None else "") or "")
        self.why.setVisible(bool(self.why.text()))

    # -- actions ----------------------------------------------------------------------------------------------------
    def _done(self, _result: Any) -> None:
        self.reload()

    def add(self) -> ActionDialog | None:
        if not self.add_button.isEnabled():
            return None
        db, user = self.ctx.db, self.ctx.user
        lang = self.ctx.lang
        kind = choices([(messages.label("calendar_kind.holiday", lang), "holiday"),
                        (messages.label("calendar_kind.workday", lang), "workday")])
        source = QLineEdit()
        source.setPlaceholderText(self.tr("如：国务院办公厅关于2027年部分节假日安排的通知（必填）"))

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: calendar.add_days(db, v["from"], end=v["to"], kind=v["kind"],
                                                  source=v["source"] or "", name=v["name"], by=user)

        dialog = ActionDialog(self.bench, self.tr("添加放假/调休日"), [
            ("from", self.tr("自(&F)"), date_field()),
            ("to", self.tr("至(&T)"), date_field(optional=True)),
            ("kind", self.tr("类别(&K)"), kind),
            ("name", self.tr("名称(&N)"), QLineEdit()),
            ("source", self.tr("依据(&S)"), source)], work, done_text=self.tr("已登记工作日历。"),
            changes=Changes(extra={"parameters": True}),
            note=self.tr("只登记一天时“至”不填。调休上班日须为星期六或星期日。"))
        dialog.succeeded.connect(self._done)
        dialog.open()
        return dialog

    def remove(self) -> ActionDialog | None:
        row: DayRow | None = selected_row(self.table)
        if row is None or not self.remove_button.isEnabled() or row.id is None:
            return None
        db, user, key = self.ctx.db, self.ctx.user, row.id

        def work(v: dict[str, Any]) -> Any:
            return lambda _job: calendar.remove_day(db, key, by=user, reason=v["reason"])

        dialog = ActionDialog(self.bench, self.tr("删除本单位日期"), [
            ("reason", self.tr("理由(&R)"), QPlainTextEdit())], work, done_text=self.tr("已删除本单位日期。"),
            changes=Changes(extra={"parameters": True}),
            note=self.tr("删除 %1（%2）：国家公布的日历重新适用于这一天。").replace("%1", row.day.isoformat())
            .replace("%2", self._kind(row)))
        dialog.succeeded.connect(self._done)
        dialog.open()
        return dialog
