"""What the 培育 tabs share, over the 监管 workbench's :class:`CampaignTab`: a list above (rounds, funds, teams,
stations) filtered by text, county and year, and the selected row's records below (applications, entries,
volunteers and activities, service days and funding), read on the runner whenever another row is selected.

The year narrows the records below (and the list above where its rows have a year: a round opens in one); the
county narrows the list above (its ``division_code``).  Ctrl+N is each tab's first 新建/登记 action.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QVBoxLayout, QWidget

from civicdesk import clock
from civicdesk.ui.context import Changes
from civicdesk.ui.cultivation.forms import Check, CheckedForm
from civicdesk.ui.supervision.tab_base import CampaignTab
from civicdesk.ui.supervision.table import Column, RowsFilter, RowsModel, field, make_view, selected_row

if TYPE_CHECKING:
    from civicdesk.ui.cultivation.workbench import CultivationWorkbench

CHANGES = Changes(extra={"cultivation": True})


class Detail:
    """One table of the selected row's records, with its title and its year."""

    def __init__(self, tab: CultivationTab, name: str, title: str, columns: list[Column],
                 year_of: Callable[[Any], int | None] | None) -> None:
        self.model = RowsModel(columns, tab)
        self.proxy = RowsFilter(tab)
        self.view = make_view(self.model, self.proxy, name, tab)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.year_of = year_of
        self.title = QLabel(title)
        self.title.setBuddy(self.view)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.box = box

    def set_year(self, year: int | None) -> None:
        year_of = self.year_of
        self.proxy.set_predicate(None if year is None or year_of is None else lambda r: year_of(r) == year)

    def selected(self) -> Any:
        return selected_row(self.view)


class CultivationTab(CampaignTab):
    """A list above, the selected row's records below (see the module)."""

    bench: CultivationWorkbench

    def __init__(self, bench: CultivationWorkbench, name: str, text_columns: Sequence[int] = (0,)) -> None:
        super().__init__(bench, name, text_columns)  # type: ignore[arg-type]
        self.name = name
        self.limits: dict[str, Any] = {}
        self.county = QComboBox()
        self.county.setObjectName(f"{name}_county")
        self.county.addItem(self.tr("全部区县"), None)
        self.year = QComboBox()
        self.year.setObjectName(f"{name}_year")
        self.year.addItem(self.tr("全部年度"), None)
        for widget in (self.county, self.year):
            self.filters.addWidget(widget)
        self.county.currentIndexChanged.connect(lambda _i: self._filter())
        self.year.currentIndexChanged.connect(lambda _i: self._filter())
        self.details: list[Detail] = []
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.body.addWidget(self.split, 1)
        self.body.setStretch(0, 1)
        self.detail_of: str | None = None
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.load_details())

    def detail(self, name: str, title: str, columns: list[Column],
               year_of: Callable[[Any], int | None] | None = None) -> Detail:
        d = Detail(self, name, title, columns, year_of)
        self.details.append(d)
        self.split.addWidget(d.box)
        d.view.selectionModel().selectionChanged.connect(lambda *_: self.refresh_actions())
        return d

    # -- filters ------------------------------------------------------------------------------------------------
    def year_of_row(self, row: Any) -> int | None:
        """The year of a row of the list above (None: it shows under every year)."""
        return None

    def _filter(self) -> None:
        county, year = self.county.currentData(), self.year.currentData()

        def keep(row: Any) -> bool:
            code = field(row, "division_code") or ""
            if county is not None and not str(code).startswith(county):
                return False
            found = self.year_of_row(row)
            return year is None or found is None or found == year

        self.proxy.set_predicate(keep)
        for d in self.details:
            d.set_year(year)

    def fill_filters(self, rows: Sequence[Any], years: set[int]) -> None:
        """The counties of ``rows`` and the years (this year always), keeping what was chosen."""
        counties = sorted({str(field(r, "division_code") or "")[:6] for r in rows} - {""})
        for combo, items in ((self.county, [(self.labels.division(c) or c, c) for c in counties]),
                             (self.year, [(str(y), y) for y in sorted(years | {clock.today().year},
                                                                     reverse=True)])):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        self._filter()

    # -- the records of the selected row ------------------------------------------------------------------------
    #: the job reading the selected row's records: one list per detail table (every tab defines it)
    read_details: Callable[[Any], Callable[[Any], Sequence[Sequence[Any]]]]

    def load_details(self, force: bool = False) -> None:
        row = self.selected()
        row_id = None if row is None else field(row, "id")
        if row_id == self.detail_of and not force:
            return
        self.detail_of = row_id
        if row is None:
            for d in self.details:
                d.model.set_rows([])
            self.refresh_actions()
            return
        job = self.read_details(row)

        def shown(result: Sequence[Sequence[Any]]) -> None:
            if self.detail_of != row_id:
                return
            for d, rows in zip(self.details, result, strict=True):
                d.model.set_rows(list(rows))
            self.details_shown(row)
            self.refresh_actions()

        self.bench.run(job, shown, key=f"{self.name}.detail")

    def details_shown(self, row: Any) -> None:
        """The records below are in (a summary line may say what they add up to)."""

    def after_load(self, rows: Sequence[Any], years: set[int]) -> None:
        """The list above is in: the filters, the rows, the records of the selected row again."""
        self.fill_filters(rows, years)
        self.set_rows(rows)
        if self.selected() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self.load_details(force=True)

    # -- forms --------------------------------------------------------------------------------------------------
    def form(self, title: str, fields: list[tuple[str, str, Any]], work: Any, done: str, *,
             checks: dict[str, Check] | None = None, row_check: Check | None = None,
             note: str | None = None) -> CheckedForm:
        dialog = CheckedForm(self.bench, title, fields, work, done_text=done, changes=CHANGES, checks=checks,
                             row_check=row_check, note=note)
        dialog.open()
        return dialog

    def new(self) -> Any:
        """Ctrl+N: the tab's first action (subclasses)."""
        return None

    def counties(self, office_code: str) -> list[tuple[str, str]]:
        """(name, code) of the office's own division, then of the counties under it: where a base is, whose
        department bought a project."""
        found = [d for d in self.labels.divisions.values()
                 if d.code == office_code or (d.parent_code == office_code and d.level == "county")]
        return [(d.name, d.code) for d in sorted(found, key=lambda d: (d.code != office_code, d.code))]

    def may_enter(self) -> str | None:
        from civicdesk.ui.supervision.forms import why_not

        return why_not(self.ctx, "cultivate")

    def set_reasons(self, reasons: dict[Any, str | None]) -> None:
        for button, reason in reasons.items():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
