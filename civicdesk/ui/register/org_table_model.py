"""The register table: a model over a query, never over a list of everything.

It holds the count and, once loaded, the ordered seqs (``array('q')``, 8 bytes a row) of the current filter
and sort, and fetches rows in blocks of ``BLOCK`` as the view asks for them, keeping at most ``CACHE_ROWS``
rows.  A reload paints at once from a LIMIT query on the sort index (count + first page, on the worker),
then loads the whole order in a second op; until it arrives, rows past the first page show as loading.  See :meth:`OrgTableModel.reload` for when the count is made.
Sorting and filtering are SQL (see :mod:`civicdesk.services.register.browse`).  Results of a superseded reload are
dropped by the runner's key.

At start-up the model can show a first page read before the services loaded (:meth:`OrgTableModel.show_first`,
see :mod:`civicdesk.ui.fast_start`); the first reload then takes over without a reset when its first page is
the same rows, so the view does not blink.  Until the context has a database, a reload only records the
filter and sort it asks for.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from civicdesk import clock, messages
from civicdesk.services.register.plain import RegisterFilter, RegisterRow

if TYPE_CHECKING:
    from civicdesk.ui.context import AppContext
    from civicdesk.ui.labels import Labels

BLOCK = 200
CACHE_ROWS = 5_000
FIRST_PAGE = 200

(COL_NAME, COL_USCC, COL_LEGAL_FORM, COL_TIER, COL_SUBTYPE, COL_CATEGORY, COL_STATUS, COL_DIVISION, COL_TOWNSHIP,
 COL_LEGAL_REP, COL_ESTABLISHED, COL_REGISTRY, COL_ADDRESS, COL_PHONE, COL_INSPECTION, COL_RATING, COL_CREDIT) = range(17)

#: the columns; their headers are the catalogue's ``column.register.*``.  The supervision columns come last, so
#: that a header state saved before them keeps its columns where they were.
COLUMNS = ("name", "uscc", "legal_form", "tier", "community_subtype", "category", "status", "division", "township",
           "legal_rep", "established_on", "registry", "address", "phone", "inspection", "rating", "credit")
#: column -> sort key of browse, a key of ``civicdesk.schema.SORT_KEYS`` (None: not sortable)
SORT_KEYS: dict[int, str | None] = {
    COL_NAME: "name", COL_USCC: "uscc", COL_LEGAL_FORM: "legal_form", COL_TIER: "tier",
    COL_SUBTYPE: "community_subtype", COL_CATEGORY: "category", COL_STATUS: "status", COL_DIVISION: "division",
    COL_TOWNSHIP: "division", COL_LEGAL_REP: "legal_rep_name", COL_ESTABLISHED: "established_on",
    COL_REGISTRY: None, COL_ADDRESS: None, COL_PHONE: None, COL_INSPECTION: None, COL_RATING: None,
    COL_CREDIT: None,
}
#: optional columns, shown from View → 显示的列 (the supervision columns too: the filter bar finds the
#: organizations by them without showing them)
DEFAULT_HIDDEN = (COL_CATEGORY, COL_REGISTRY, COL_ADDRESS, COL_PHONE, COL_INSPECTION, COL_RATING, COL_CREDIT)
#: the text colour of a listed organization's name and credit cell (the words "⚠ 已列入…" say it too: never the
#: colour alone)
LISTED_COLOR = QColor("#b00020")

#: columns showing a dictionary value: column -> (dictionary kind, row attribute)
_CODE_COLUMNS = {COL_LEGAL_FORM: ("legal_form", "legal_form"), COL_TIER: ("tier", "tier"),
                 COL_SUBTYPE: ("community_subtype", "community_subtype"), COL_CATEGORY: ("category", "category"),
                 COL_STATUS: ("status", "status")}

IdRole = Qt.ItemDataRole.UserRole + 1  # the organization's id (uuid)
SeqRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3  # the sort key of the column, for the header's click


class OrgTableModel(QAbstractTableModel):
    loaded = Signal(int)  # count of matching organizations, after each reload's first page
    order_loaded = Signal()  # the whole ordered id array arrived
    failed = Signal(str)

    def __init__(self, ctx: AppContext, labels: Labels, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx, self.labels = ctx, labels
        self.filter = RegisterFilter()
        self.sort_key, self.descending = "name", False
        self._count = 0
        self._first: list[RegisterRow] = []
        self._seqs: array | None = None
        self._cache: OrderedDict[int, RegisterRow] = OrderedDict()
        self._generation = 0
        self._peeked = False  # showing rows read before the services loaded
        self.resorted = False  # the latest load was a new sort of the same rows (a header click)

    # -- loading -------------------------------------------------------------------------------------------
    def reload(self, flt: RegisterFilter | None = None, sort_key: str | None = None,
               descending: bool | None = None) -> None:
        """Run the current (or a new) filter and sort; the first page arrives first, the full order later.

        The count comes with the first page for a search (the index counts it in milliseconds); without
        search text it is a scan (~0.1 s at a million rows), made after the first page is painted; a new sort
        of the same filter keeps the count it has (the whole order, when it comes, corrects it if the
        register changed meanwhile)."""
        sort_only = flt is None and (sort_key, descending) != (None, None)  # a header click: the same rows
        self.resorted = sort_only
        if flt is not None:
            self.filter = flt
        if sort_key is not None:
            self.sort_key = sort_key
        if descending is not None:
            self.descending = descending
        flt_, key, desc = self.filter, self.sort_key, self.descending
        db = self.ctx.db
        if db is None:  # painted from a peek, services not attached yet: their first reload runs this
            return
        from civicdesk.services.register import browse  # loaded after the first paint, not on its way

        self._generation += 1
        generation = self._generation
        known = self._count if sort_only and self._seqs is not None else None
        count_first = known is None and bool(flt_.text.strip())

        def first(_job: Any) -> tuple[int | None, list[RegisterRow]]:
            if count_first:  # a search: counted and paged in one read
                return browse.count_and_first_page(db, flt_, key, desc, FIRST_PAGE)
            return known, browse.first_page(db, flt_, key, desc, FIRST_PAGE, expected=known)

        def order(_job: Any) -> array:
            return browse.ordered_seqs(db, flt_, key, desc)

        def got_first(result: tuple[int | None, list[RegisterRow]]) -> None:
            if generation != self._generation:
                return
            count, first_rows = result
            same_rows = self._peeked and [r.seq for r in first_rows] == [r.seq for r in self._first]
            self._peeked = False
            if not same_rows:
                self.beginResetModel()
            changed = same_rows and first_rows != self._first
            exact = max(count or 0, len(first_rows))
            if not same_rows:  # (else the count shown stays until got_count corrects it, without a reset)
                self._count = exact
            self._first = first_rows
            self._seqs = None
            self._cache.clear()
            for row in self._first:
                self._cache[row.seq] = row
            if not same_rows:
                self.endResetModel()
            elif changed:  # the same organizations, a value changed in between: repaint, keep the view
                self.dataChanged.emit(self.index(0, 0), self.index(len(first_rows) - 1, self.columnCount() - 1))
            if count is None and len(first_rows) == FIRST_PAGE:  # more than one page: count them now
                self.ctx.runner.run(lambda _job: browse.count(db, flt_), on_success=got_count,
                                    on_failure=self._failed, key="register-count")
                return
            got_count(exact)

        def got_count(count: int) -> None:
            if generation != self._generation:
                return
            if count > self._count:
                self.beginInsertRows(QModelIndex(), self._count, count - 1)
                self._count = count
                self.endInsertRows()
            elif count < self._count:  # fewer than estimated (``show_first``)
                self.beginRemoveRows(QModelIndex(), count, self._count - 1)
                self._count = count
                self.endRemoveRows()
            if self._count > len(self._first):
                # the whole order first on the one worker: what the window asks on ``loaded`` (its figures, scans
                # of seconds at a million rows) waits behind the order, not the order behind it
                self.ctx.runner.run(order, on_success=got_order, on_failure=self._failed, key="register-order")
                self.loaded.emit(self._count)
            else:
                self.loaded.emit(self._count)
                self._seqs = array("q", (r.seq for r in self._first))
                self.order_loaded.emit()

        def got_order(seqs: array) -> None:
            if generation != self._generation:
                return
            self._seqs = seqs
            if len(seqs) != self._count:  # the register changed in between: take the fresh truth
                self.beginResetModel()
                self._count = len(seqs)
                self.endResetModel()
                self.loaded.emit(self._count)
            elif self._count:
                self.dataChanged.emit(self.index(len(self._first), 0),
                                      self.index(self._count - 1, self.columnCount() - 1))
            self.order_loaded.emit()

        self.ctx.runner.run(first, on_success=got_first, on_failure=self._failed, key="register-first")

    def show_first(self, rows: list[RegisterRow], estimate: int = 0) -> None:
        """Show a first page read before the services loaded (``first_page.peek``); the count, the rest of
        the order and every other reload come once the context has a database.  Until the count arrives, a
        full page stands for ``estimate`` rows (the rest showing as loading), so that the scroll bar and the
        row numbers' width start near where the count puts them."""
        self.beginResetModel()
        self._count = max(estimate, len(rows)) if len(rows) == FIRST_PAGE else len(rows)
        self._first, self._seqs = list(rows), None
        self._cache.clear()
        for row in self._first:
            self._cache[row.seq] = row
        self._peeked = True
        self.endResetModel()

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(self.ctx.message(exc))

    def refresh_rows(self, ids: tuple[str, ...]) -> None:
        """Some organizations changed: drop them from the cache and repaint (a narrow refresh)."""
        wanted = set(ids)
        stale = [seq for seq, row in self._cache.items() if row.id in wanted]
        for seq in stale:
            del self._cache[seq]
        if stale:
            self.dataChanged.emit(self.index(0, 0), self.index(max(self._count - 1, 0), self.columnCount() - 1))

    # -- rows ------------------------------------------------------------------------------------------------
    def seq_at(self, row: int) -> int | None:
        if self._seqs is not None:
            return self._seqs[row] if 0 <= row < len(self._seqs) else None
        return self._first[row].seq if 0 <= row < len(self._first) else None

    def row_at(self, row: int) -> RegisterRow | None:
        """The row, fetching its block if needed; None while the order is still loading."""
        seq = self.seq_at(row)
        if seq is None:
            return None
        cached = self._cache.get(seq)
        if cached is not None:
            self._cache.move_to_end(seq)
            return cached
        assert self._seqs is not None
        from civicdesk.services.register import browse

        start = (row // BLOCK) * BLOCK
        block = list(self._seqs[start:start + BLOCK])
        fetched = browse.rows(self.ctx.db, block)
        for s in block:
            if s in fetched:
                self._cache[s] = fetched[s]
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(seq)

    def id_at(self, row: int) -> str | None:
        r = self.row_at(row)
        return r.id if r else None

    def row_of_id(self, org_id: str) -> int | None:
        """The row of an organization already in the cache (e.g. just saved), else None."""
        for seq, r in self._cache.items():
            if r.id == org_id and self._seqs is not None:
                try:
                    return self._seqs.index(seq)
                except ValueError:
                    return None
        return None

    def cache_size(self) -> int:
        return len(self._cache)

    # -- Qt model API ----------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
                return messages.label(f"column.register.{COLUMNS[section]}", self.labels.lang)
            if role == SortRole:
                return SORT_KEYS.get(section)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, IdRole, SeqRole,
                        Qt.ItemDataRole.ForegroundRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == IdRole:
            return row.id
        if role == SeqRole:
            return row.seq
        if role == Qt.ItemDataRole.ForegroundRole:
            return LISTED_COLOR if row.credit_list and index.column() in (COL_NAME, COL_CREDIT) else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (COL_INSPECTION, COL_RATING, COL_CREDIT):
            return self._supervision_tip(row, index.column())
        text = self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == COL_NAME and row.credit_list:
                return f"{row.name}\n{self._credit_warning(row.credit_list)}"
            return text if index.column() in (COL_NAME, COL_ADDRESS, COL_REGISTRY) else None
        return text

    def _display(self, row: RegisterRow, column: int) -> str:
        lab = self.labels
        if column == COL_NAME:  # a listed organization's name carries the warning sign in the text itself
            return f"⚠ {row.name}" if row.credit_list else row.name
        if column == COL_CREDIT:
            return messages.label(f"credit_list.{row.credit_list}", lab.lang) if row.credit_list else ""
        if column == COL_USCC:
            return row.uscc or ""
        if column in _CODE_COLUMNS:
            kind, attr = _CODE_COLUMNS[column]
            return lab.label(kind, getattr(row, attr))
        if column in (COL_DIVISION, COL_TOWNSHIP):
            return lab.division(row.division_code if column == COL_DIVISION else row.township_code)
        if column == COL_ESTABLISHED:
            return lab.date(row.established_on)
        if column == COL_INSPECTION:
            return self._inspection_text(row)
        if column == COL_RATING:
            return row.rating_in_force(clock.today()) or ""
        text = {COL_LEGAL_REP: row.legal_rep_name, COL_REGISTRY: row.registry_name, COL_ADDRESS: row.address,
                COL_PHONE: row.contact_phone}.get(column)
        return text or ""

    def _conclusion(self, code: str | None) -> str:
        return messages.label(f"register.conclusion.{code}", self.labels.lang, default=code or "")

    def _inspection_text(self, row: RegisterRow) -> str:
        """Last year's conclusion (合格 …); when the latest decided inspection is older, its year and conclusion
        in parentheses, "（2020年度 合格）": the register's demo data end years ago, and an older conclusion
        still tells the clerk more than a blank."""
        today = clock.today()
        shown = row.last_year_conclusion(today)
        if shown is not None:
            return self._conclusion(shown)
        if row.inspection_year is None:
            return ""
        return (self.tr("（%1年度 %2）").replace("%1", str(row.inspection_year))
                .replace("%2", self._conclusion(row.inspection_conclusion)))

    def _credit_warning(self, kind: str) -> str:
        return (self.tr("⚠ 已列入%1：查看详情了解决定文号与日期")
                .replace("%1", messages.label(f"credit_list.{kind}", self.labels.lang)))

    def _supervision_tip(self, row: RegisterRow, column: int) -> str:
        today = clock.today()
        if column == COL_CREDIT:
            return self._credit_warning(row.credit_list) if row.credit_list else self.tr("未列入信用名单")
        if column == COL_INSPECTION:
            last = str(today.year - 1)
            if row.last_year_conclusion(today) is not None:
                return (self.tr("%1年度年检结论：%2").replace("%1", last)
                        .replace("%2", self._conclusion(row.inspection_conclusion)))
            if row.inspection_year is None:
                return self.tr("%1年度未年检；无年检结论").replace("%1", last)
            return (self.tr("%1年度未年检；最近一次：%2年度 %3").replace("%1", last)
                    .replace("%2", str(row.inspection_year)).replace("%3", self._conclusion(row.inspection_conclusion)))
        if row.rating_in_force(today) is not None:
            return (self.tr("评估等级 %1，有效期至 %2").replace("%1", row.rating_grade or "")
                    .replace("%2", self.labels.date(row.rating_valid_to)))
        if row.rating_grade and row.rating_valid_to is not None:
            return (self.tr("评估等级 %1 已于 %2 到期").replace("%1", row.rating_grade)
                    .replace("%2", self.labels.date(row.rating_valid_to)))
        return self.tr("未评估")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.reload(sort_key=key, descending=order == Qt.SortOrder.DescendingOrder)
