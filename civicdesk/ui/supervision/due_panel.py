"""The workbench's 到期提醒 tab: six lists, two by two, each with its count in its title.

- 即将到期的年检报告: organizations due in the open campaign, without a report, whose registry deadline falls
  within ``supervision.due_days`` (30 by default) days;
- 逾期未报: due, without a report, the deadline of their legal form passed;
- 即将到期的评估等级: ratings whose validity ends within ``rating.expiry_warning_days``;
- 逾期未整改: spot checks whose rectification date passed without a rectification date recorded;
- 信用名单: the timers of the credit lists (``credit.due``: proposals and removals awaiting their decision,
  removals and moves to the serious list falling due, objections), each with its bucket (已逾期, 今天, 本周,
  以后) and, when the working-day calendar lacks a year's holidays, the note that the date is an estimate;
- 逾期未办结的举报投诉: complaints past their reply date, not replied.

Each list is a :class:`~civicdesk.ui.supervision.table.RowsModel` of :class:`DueRow`; Enter (or a double
click) on a line goes to its tab with the organization in the filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from civicdesk import clock
from civicdesk.ui.supervision.table import BAD, WARN, Column, RowsFilter, RowsModel, make_view, selected_row

if TYPE_CHECKING:
    from civicdesk.ui.supervision.workbench import SupervisionWorkbench

#: lines of each report list painted before the whole lists are read
FIRST_PAGE = 200
#: the lists, in the grid's reading order, and the tab each one leads to
LISTS = (("due_soon", "inspection"), ("overdue", "inspection"), ("expiring", "rating"), ("rectify", "spotcheck"),
         ("credit", "credit"), ("complaints", "complaints"))
#: the lists whose lines carry a bucket (已逾期, 今天, 本周, 以后) and a note
TIMERS = ("credit", "complaints")
BUCKETS = ("overdue", "today", "this_week", "later")


@dataclass(frozen=True)
class DueRow:
    """One line of a due list: the organization, the date that matters and what it is about."""

    id: str  # the organization's id
    name: str
    uscc: str | None
    on: date  # the deadline, the end of validity, the rectification date
    about: str  # a word for the line: a legal form, a grade, a plan's title, what a timer waits for
    bucket: str | None = None  # overdue | today | this_week | later (the credit timers, the complaints)
    note: str | None = None  # the calendar-estimate note of a time limit counted in working days
    more: str | None = None  # more words for the line's tooltip (a timer's list)


@dataclass(frozen=True)
class DueLists:
    due_soon: list[DueRow]
    overdue: list[DueRow]
    expiring: list[DueRow]
    rectify: list[DueRow]
    days: int  # supervision.due_days, for the titles
    credit: list[DueRow] = field(default_factory=list)
    complaints: list[DueRow] = field(default_factory=list)


class DuePanel(QWidget):
    loaded = Signal(int)  # lines in all six lists

    def __init__(self, bench: SupervisionWorkbench) -> None:
        super().__init__(bench)
        self.bench, self.ctx = bench, bench.ctx
        self.setObjectName("due_panel")
        self.search = QLineEdit()
        self.search.setObjectName("due_search")
        self.search.setPlaceholderText(self.tr("按组织名称或统一社会信用代码筛选"))
        self.search.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("due_summary")
        self.summary.setWordWrap(True)
        self.groups: dict[str, QGroupBox] = {}
        self.models: dict[str, RowsModel] = {}
        self.proxies: dict[str, RowsFilter] = {}
        self.tables: dict[str, Any] = {}
        dates = {"due_soon": self.tr("截止日"), "overdue": self.tr("截止日"), "expiring": self.tr("有效期至"),
                 "rectify": self.tr("整改期限"), "credit": self.tr("期限"), "complaints": self.tr("答复期限")}
        abouts = {"due_soon": self.tr("组织类型"), "overdue": self.tr("组织类型"), "expiring": self.tr("等级"),
                  "rectify": self.tr("抽查计划"), "credit": self.tr("待办事项"), "complaints": self.tr("举报内容")}
        grid = QGridLayout()
        for i, (key, _tab) in enumerate(LISTS):
            columns = [Column("name", self.tr("组织名称"), 220, stretch=True),
                       Column("on", dates[key], 90, color=self._color(key)),
                       Column("days", self.tr("天数"), 110, text=self._days, sort=lambda r: (r.on - clock.today()).days,
                              color=self._color(key)),
                       Column("about", abouts[key], 170 if key in TIMERS else 130, tip=self._tip)]
            if key in TIMERS:
                columns.insert(2, Column("bucket", self.tr("到期"), 60, text=self._bucket,
                                         sort=lambda r: BUCKETS.index(r.bucket) if r.bucket in BUCKETS else 9,
                                         color=self._color(key)))
            model = RowsModel(columns, self)
            proxy = RowsFilter(self, text_columns=(0,))
            table = make_view(model, proxy, f"due_{key}", self)
            table.setMinimumHeight(48)  # three rows of lists: the window may still be made small
            table.doubleClicked.connect(lambda _i, key=key: self.open_line(key))
            table.activated.connect(lambda _i, key=key: self.open_line(key))  # Enter
            group = QGroupBox()
            group.setObjectName(f"due_group_{key}")
            box = QVBoxLayout(group)
            box.addWidget(table)
            grid.addWidget(group, i // 2, i % 2)
            self.groups[key], self.models[key], self.proxies[key], self.tables[key] = group, model, proxy, table
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(grid, 1)
        layout.addWidget(self.summary)
        self.search.textChanged.connect(self._filter)
        self._titles(None)

    def _filter(self, text: str) -> None:
        for proxy in self.proxies.values():
            proxy.set_text(text)

    def _bucket(self, row: DueRow) -> str:
        words = {"overdue": self.tr("已逾期"), "today": self.tr("今天"), "this_week": self.tr("本周"),
                 "later": self.tr("以后")}
        return words.get(row.bucket or "", "")

    @staticmethod
    def _tip(row: DueRow) -> str | None:
        """The line's words in full, with the calendar-estimate note when there is one."""
        words = [w for w in (row.about, row.more, row.note) if w]
        return "\n".join(words) if row.more or row.note or len(row.about) > 30 else None

    def _days(self, row: DueRow) -> str:
        days = (row.on - clock.today()).days
        if days < 0:
            return self.tr("逾期 %1 天").replace("%1", str(-days))
        return self.tr("%1 天").replace("%1", str(days))

    @staticmethod
    def _color(key: str) -> Any:
        def color(row: DueRow) -> Any:
            if row.bucket == "later":
                return None
            return BAD if row.on < clock.today() else WARN if key != "overdue" else BAD
        return color

    def _titles(self, lists: DueLists | None) -> None:
        days = lists.days if lists is not None else 30
        titles = {"due_soon": self.tr("%1 天内到期的年检报告").replace("%1", str(days)),
                  "overdue": self.tr("逾期未报的年检报告"),
                  "expiring": self.tr("即将到期的评估等级"),
                  "rectify": self.tr("逾期未整改的抽查"),
                  "credit": self.tr("信用名单"),
                  "complaints": self.tr("逾期未办结的举报投诉")}
        for key, group in self.groups.items():
            n = len(getattr(lists, key)) if lists is not None else None
            group.setTitle(titles[key] if n is None else f"{titles[key]}（{n}）" if self.ctx.lang.startswith("zh")
                           else f"{titles[key]} ({n})")

    # -- loading --------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """A first page of the reports due and overdue, painted at once, then the six whole lists (at a city
        of a million organizations the whole lists take seconds)."""
        from civicdesk.ui.supervision.due_lists import due_lists

        db, lang = self.ctx.db, self.ctx.lang

        def whole(_lists: DueLists) -> None:
            self._loaded(_lists, final=False)
            self.bench.run(lambda job: due_lists(db, lang, job), self._loaded, key="due")

        self.bench.run(lambda job: due_lists(db, lang, job, first=FIRST_PAGE), whole, key="due")

    def _loaded(self, lists: DueLists, *, final: bool = True) -> None:
        for key, model in self.models.items():
            model.set_rows(getattr(lists, key))
        self._titles(lists if final else None)  # no counts on the first page
        if not final:
            return
        total = sum(m.rowCount() for m in self.models.values())
        text = self.tr("截至 %1：共 %2 项需要处理").replace("%1", clock.today().isoformat()).replace("%2", str(total))
        notes = sorted({r.note for r in lists.credit if r.note})
        if notes:  # a time limit counted on a calendar that lacks a year's holidays: said once, under the lists
            text += "\n" + "\n".join(notes)
        self.summary.setText(text)
        self.loaded.emit(total)

    # -- going to a line -----------------------------------------------------------------------------------------
    def open_line(self, key: str) -> None:
        row = selected_row(self.tables[key])
        if row is None:
            return
        tab = dict(LISTS)[key]
        if tab not in self.bench.pages:
            return
        page = self.bench.set_tab(tab)
        page.show_organization(row.name)
