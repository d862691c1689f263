"""The dashboard (概览): the letter's headline figures as tiles and the charts of the office, a tab of the main
window beside the register.

Never on the way to the first paint: :func:`install` puts the register's widgets in the first tab and an empty
second one; the panel is built once the window has its database (right away for a window opened with one, after
the services are attached for one painted from the first page: :mod:`civicdesk.ui.fast_start`).  Its figures are
computed on the runner's worker (:mod:`civicdesk.services.dashboard`), tiles first, then one op per chart, each
painted as it comes.  A bar opens the rows behind it: the register filtered to its county (tier, subtype, credit
list), or a dialog listing the cultivation rows it counts.  Each chart exports a PNG, or the same chart as a PDF
(the print kind ``dashboard``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QFrame, QGridLayout,
                               QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

import shiboken6

from civicdesk.ui.dashboard.charts import ChartWidget
from civicdesk.ui.fast_start import ATTACH_ANYWAY_MS

if TYPE_CHECKING:
    from civicdesk.ui.main_window import MainWindow

#: the charts, as services/dashboard.py SERIES (not imported here: that module imports SQLAlchemy)
CHARTS = ("per_10k", "registrations", "tiers", "subtypes", "purchased_by_year", "purchased_by_county",
          "incubation", "participation", "credit")
#: the order the figures are computed in on the worker: the cheapest first, so that a dashboard with nothing
#: cached paints its first chart at once (the credit lists: one grouped read of an index, ~0.2 s at 1,000,000
#: organizations), then those that share the register's statistics (a read of the register's summary, 0.01 s
#: there), the tiles (the cultivation figures, ~0.25 s, computed once for the tiles and the three charts after
#: them), 参检率 last (~0.8 s of CPU: begun at once beside them on a thread of its own, ``Dashboard.start``)
COMPUTED_ORDER = ("credit", "registrations", "per_10k", "tiers", "subtypes", "tiles", "purchased_by_year",
                  "purchased_by_county", "incubation", "participation")
#: the register filter a register chart's click sets: (combo of the filter bar, code) per part, with the county
REGISTER_DRILL = {"per_10k": ("tier", ("registered",)), "tiers": ("tier", ("registered", "filed", "guided")),
                  "participation": (None, ()), "credit": ("credit", ("abnormal", "serious")),
                  "subtypes": (None, ())}
TAB_SETTING = "dashboard/tab"


translate = QCoreApplication.translate  # pyside6-lupdate finds translate("Dashboard", "…")


def tile_texts() -> list[tuple[str, str]]:
    """(key, caption) of the tiles, in order."""
    return [("registered", translate("Dashboard", "登记社会组织")), ("community", translate("Dashboard", "社区社会组织")), ("per_10k", translate("Dashboard", "每万人拥有社会组织")),
            ("bases", translate("Dashboard", "培育孵化基地")), ("purchased", translate("Dashboard", "政府购买服务")), ("volunteer_teams", translate("Dashboard", "志愿服务队")),
            ("funds", translate("Dashboard", "社区基金")), ("stations", translate("Dashboard", "儿童服务站")), ("person_times", translate("Dashboard", "儿童服务站服务人次"))]


def _yuan(value: Any) -> str:
    """An amount as a reader of the language counts it: 3,210.0 万元 in Chinese, 32.10 million yuan in English."""
    amount = Decimal(str(value or 0))
    if amount < 10000:
        return translate("Dashboard", "%1 元").replace("%1", f"{amount:,.2f}")
    big = translate("Dashboard", "%1 万元")
    shown = f"{amount / 10000:,.1f}" if "万" in big else f"{amount / 1_000_000:,.2f}"  # English: millions
    return big.replace("%1", shown)


def tile_values(t: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """key -> (the big figure, the line under it)."""
    per = t["per_10k"]
    since = t.get("purchased_since")
    return {
        "registered": (f"{t['registered']:,}", translate("Dashboard", "个（存续）")),
        "community": (f"{t['community']:,}", translate("Dashboard", "个（登记、备案、指导管理）")),
        "per_10k": ("—" if per is None else f"{per:.2f}", translate("Dashboard", "个 / 万人")),
        "bases": (f"{t['bases']:,}", translate("Dashboard", "个基地，%1 个社区园区；入驻 %2，出壳 %3").replace("%1", str(t["parks"]))
                  .replace("%2", str(t["admitted"])).replace("%3", str(t["graduated"]))),
        "purchased": (_yuan(t["purchased_amount"]), translate("Dashboard", "%1 个项目").replace("%1", f"{t['purchased_projects']:,}")
                      + (translate("Dashboard", "（%1 年以来）").replace("%1", str(since)) if since else "")),
        "volunteer_teams": (f"{t['volunteer_teams']:,}", translate("Dashboard", "支")),
        "funds": (f"{t['funds']:,}", translate("Dashboard", "个，规模 %1").replace("%1", _yuan(t["fund_size"]))),
        "stations": (f"{t['stations']:,}", translate("Dashboard", "个")),
        "person_times": (f"{t['person_times']:,}", translate("Dashboard", "人次")),
    }


class Tile(QFrame):
    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"tile_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.caption = QLabel(caption, self)
        self.value = QLabel("…", self)
        self.value.setObjectName("value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel("", self)
        self.detail.setWordWrap(True)
        for w in (self.caption, self.value, self.detail):
            layout.addWidget(w)
        self.setAccessibleName(caption)

    def show_value(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.setAccessibleDescription(f"{value} {detail}")


class DashboardPanel(QScrollArea):
    """Tiles over a grid of charts; ``refresh()`` computes them all again (after a change or a database switch)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.ctx = window.ctx
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        body = QWidget(self)
        outer = QVBoxLayout(body)
        head = QHBoxLayout()
        self.heading = QLabel(body)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        head.addWidget(self.heading, 1)
        self.refresh_button = QPushButton(translate("Dashboard", "刷新(&R)"), body)
        self.refresh_button.clicked.connect(lambda: self.refresh(force=True))
        head.addWidget(self.refresh_button)
        outer.addLayout(head)
        tiles = QGridLayout()
        self.tiles: dict[str, Tile] = {}
        for n, (key, caption) in enumerate(tile_texts()):
            tile = self.tiles[key] = Tile(key, caption, body)
            tiles.addWidget(tile, n // 5, n % 5)
        outer.addLayout(tiles)
        grid = QGridLayout()
        self.charts: dict[str, ChartWidget] = {}
        for n, key in enumerate(CHARTS):
            chart = self.charts[key] = ChartWidget(key, key, body)
            chart.empty_text = translate("Dashboard", "正在计算…")
            chart.setMinimumHeight(280)
            chart.activated.connect(lambda i, p, k=key: self.open_rows(k, i, p))
            chart.export_png.connect(lambda k=key: self.export_png(k))
            chart.export_pdf.connect(lambda k=key: self.export_pdf(k))
            grid.addWidget(chart, n // 2, n % 2)
        outer.addLayout(grid)
        outer.addWidget(QLabel(translate("Dashboard", "点击柱形（或用方向键选中后按回车）查看其背后的记录；右键（或菜单键）导出图片或 PDF 文件。"), body))
        self.setWidget(body)
        self.series: dict[str, Any] = {}
        self.figures: dict[str, Any] | None = None
        self.painted: set[str] = set()
        self.pending: set[str] = set()  # the figures being computed (painted from the cache, if at all, as stale)
        self.generation = 0
        self.computations = 0  # how many times the figures were computed (not painted from the cache)
        self.stale = True  # computed when first shown: a register shown first keeps the worker to itself
        self.ctx.signals.operation_executed.connect(self._changed)

    def _changed(self, _changes: Any) -> None:
        """A change anywhere: computed again now if the dashboard is shown, else when it is next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # Qt API
        if self.stale:
            self.refresh()
        super().showEvent(event)

    # -- computing --------------------------------------------------------------------------------------------
    def refresh(self, force: bool = False) -> None:
        """Paint the figures cached in the database at once; those computed from data that has changed since
        (or all of them, ``force``: the 刷新 button) are computed again on the worker, marked 更新中… until each
        is painted anew (the cache is read here, on the GUI thread: a few small rows)."""
        db = self.ctx.db
        if db is None:
            return
        from civicdesk.services import dashboard  # imported here: the panel is built after the first paint

        self.stale = False
        self.generation += 1  # results of an earlier refresh (another database, older data) are dropped
        generation = self.generation
        lang = self.ctx.lang
        self.painted = set()
        self.series = {}
        cache = dashboard.cached(db)
        for key, (_fresh, value) in cache.parts.items():
            if key == "tiles":
                self._show_tiles(value)
            else:
                self._show_series(key, value, lang)
        due = [key for key in ("tiles", *CHARTS) if force or not cache.parts.get(key, (False, None))[0]]
        self.pending = set(due)
        self._heading()
        for key in CHARTS:
            if key in due and key not in self.painted:
                self.charts[key].loading = True
                self.charts[key].update()
        if not due:
            return
        self.computations += 1
        board, version = dashboard.Dashboard(db, None if force else cache), cache.version
        if "participation" in due:
            # on a thread of its own from now, beside the worker's (two cores); its op below waits for it, so
            # the runner's wait() before the database is closed or switched still covers it
            board.start("participation")
        for key in COMPUTED_ORDER:
            if key == "tiles" and key in due:
                self.ctx.runner.run(lambda _job: dashboard.store(db, version, "tiles", board.tiles()),
                                    on_success=lambda t: self._current(generation) and self._show_tiles(t),
                                    on_failure=lambda exc: self._current(generation) and self._failed(exc, "tiles"),
                                    key="dashboard-tiles")
            elif key in due:
                self.ctx.runner.run(lambda _job, k=key: dashboard.store(db, version, k, board.series(k)),
                                    on_success=lambda s, k=key: self._current(generation) and self._show_series(k, s, lang),
                                    on_failure=lambda exc, k=key: self._current(generation) and self._failed(exc, k),
                                    key=f"dashboard-{key}")

    def _current(self, generation: int) -> bool:
        return shiboken6.isValid(self) and generation == self.generation

    def _heading(self) -> None:
        db = self.ctx.db
        if db is None:
            return
        self.heading.setText(db.office().name + " — " + translate("Dashboard", "概览")
                             + (translate("Dashboard", "（更新中…）") if self.pending else ""))

    def updating(self) -> bool:
        """Some figures shown are being computed again (painted from the cache as they were, or not yet)."""
        return bool(self.pending)

    def _show_tiles(self, figures: dict[str, Any]) -> None:
        if not shiboken6.isValid(self):  # the window closed while the figures were computed
            return
        self.figures = figures
        for key, (value, detail) in tile_values(figures).items():
            self.tiles[key].show_value(value, detail)
        self.painted.add("tiles")
        self._settled("tiles")

    def _show_series(self, key: str, series: Any, lang: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.series[key] = series
        chart = self.charts[key]
        chart.title = series.title(lang) + (translate("Dashboard", "（%1年度）").replace("%1", series.note) if series.note else "")
        chart.setAccessibleName(chart.title)
        chart.set_series(series.kind, [c.label(lang) for c in series.categories], series.parts(lang),
                         [list(v) for v in series.values], translate("Dashboard", "暂无数据"), clickable=series.drill is not None)
        self.painted.add(key)
        self._settled(key)

    def _settled(self, key: str) -> None:
        """A figure computed (painted, or failed): no longer pending; the heading loses 更新中… with the last."""
        if key in self.pending:
            self.pending.discard(key)
            if not self.pending:
                self._heading()

    def _failed(self, exc: BaseException, key: str | None = None) -> None:
        if not shiboken6.isValid(self):
            return
        if key is not None:
            self._settled(key)
        self.window_.statusBar().showMessage(self.ctx.message(exc), 10_000)

    def complete(self) -> bool:
        """Every tile and chart painted with its figures."""
        return self.painted >= {"tiles", *CHARTS}

    # -- click-through ------------------------------------------------------------------------------------
    def open_rows(self, key: str, category: int, part: int) -> None:
        series = self.series.get(key)
        if series is None or category >= len(series.categories):
            return
        code = series.categories[category].code
        if series.drill == "rows":
            self._rows_dialog(key, code, series.categories[category].label(self.ctx.lang))
            return
        bar = self.window_.filter_bar
        combos = {"division_code": bar.division, "community_subtype": bar.subtype}
        setting: dict[Any, Any] = {combos[series.drill]: code}
        field, codes = REGISTER_DRILL.get(key, (None, ()))
        if field is not None and part < len(codes):
            setting[getattr(bar, field)] = codes[part]
        for combo in (bar.legal_form, bar.tier, bar.subtype, bar.category, bar.division, bar.township,
                      bar.inspection, bar.rating, bar.credit):
            combo.blockSignals(True)
            index = combo.findData(setting[combo]) if combo in setting else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        bar.status.blockSignals(True)
        bar.status.setCurrentIndex(0)  # existing ones: what the charts count
        bar.status.blockSignals(False)
        bar._fill_townships()
        bar.search.blockSignals(True)
        bar.search.clear()
        bar.search.blockSignals(False)
        tabs = self.window_.tabs
        tabs.setCurrentIndex(0)
        bar._emit()

    def _rows_dialog(self, key: str, code: str, label: str) -> None:
        db = self.ctx.db
        from civicdesk.services.dashboard import rows_behind

        title = f"{self.charts[key].title} — {label}"
        self.ctx.runner.run(lambda _job: rows_behind(db, key, code),
                            on_success=lambda result: RowsDialog(self, title, result, self.ctx.lang).open(),
                            on_failure=self._failed, key="dashboard-rows")

    # -- exports ------------------------------------------------------------------------------------------
    def export_png(self, key: str, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, translate("Dashboard", "导出为 PNG 图片"), str(Path.home() / f"{key}.png"),
                                                  translate("Dashboard", "PNG 图片 (*.png)"))
        if not path:
            return None
        target = Path(path).with_suffix(".png") if Path(path).suffix.lower() != ".png" else Path(path)
        if not self.charts[key].image(self.charts[key].size().expandedTo(self.charts[key].sizeHint())).save(
                str(target), "PNG"):
            QMessageBox.warning(self, translate("Dashboard", "导出为 PNG 图片"), translate("Dashboard", "无法写入文件：%1").replace("%1", str(target)))
            return None
        self.window_.statusBar().showMessage(translate("Dashboard", "已导出：%1").replace("%1", str(target)), 8000)
        return target

    def export_pdf(self, key: str, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, translate("Dashboard", "导出为 PDF"), str(Path.home() / f"{key}.pdf"),
                                                  translate("Dashboard", "PDF 文件 (*.pdf)"))
        if not path:
            return
        db, by = self.ctx.db, self.ctx.user
        from civicdesk.services.printing import print_document
        from civicdesk.services.printing.kind_dashboard import DashboardOptions

        self.ctx.runner.run(lambda _job: print_document(db, "dashboard", DashboardOptions(series=(key,)), path, by=by),
                            on_success=lambda r: self.window_.statusBar().showMessage(
                                translate("Dashboard", "已导出：%1").replace("%1", str(r.path)), 8000),
                            on_failure=self._failed, key="dashboard-pdf")


class RowsDialog(QDialog):
    """The rows behind one bar of a cultivation chart (or of the registrations by year)."""

    def __init__(self, parent: QWidget, title: str, result: Any, lang: str) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_rows")
        self.setWindowTitle(title)
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(result.rows), len(result.columns), self)
        self.table.setHorizontalHeaderLabels([c[1 if lang == "en" else 0] for c in result.columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for r, row in enumerate(result.rows):
            for c, value in enumerate(row):
                text = "" if value is None else f"{value:,.2f}" if isinstance(value, Decimal) else str(value)
                item = QTableWidgetItem(text)
                if isinstance(value, (int, Decimal)):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(QLabel(translate("Dashboard", "共 %1 条").replace("%1", f"{len(result.rows):,}")
                                + (translate("Dashboard", "（只列出前 %1 条）").replace("%1", f"{len(result.rows):,}") if result.more else ""),
                                self))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class _AfterPaint(QObject):
    """Calls ``then`` once the register table has been painted (a zero timer after its first paint event)."""

    def __init__(self, window: MainWindow, then: Any) -> None:
        super().__init__(window)
        self.then, self.viewport = then, window.table.viewport()
        self.viewport.installEventFilter(self)
        QTimer.singleShot(ATTACH_ANYWAY_MS, self, self._fire)  # a window never painted (minimised) builds it anyway

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if watched is self.viewport and event.type() == QEvent.Type.Paint:
            self.viewport.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self.then is not None:
            then, self.then = self.then, None
            then()


def install(window: MainWindow) -> QTabWidget:
    """Put the window's register (its central widget) in a first tab, 登记簿, and the dashboard in a second, 概览,
    built once the window has its database; the tab shown last is shown again (after the first paint)."""
    register = window.takeCentralWidget()
    tabs = QTabWidget(window)
    tabs.setObjectName("main_tabs")
    tabs.setDocumentMode(True)
    tabs.addTab(register, translate("Dashboard", "登记簿"))
    holder = QWidget(tabs)
    QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
    tabs.addTab(holder, translate("Dashboard", "概览"))
    window.setCentralWidget(tabs)
    window.dashboard = None

    def build() -> None:
        if window.dashboard is not None or window.ctx.db is None:
            return
        window.dashboard = DashboardPanel(window)
        holder.layout().addWidget(window.dashboard)
        if int(window.ctx.settings.value(TAB_SETTING, 0) or 0) == 1:
            tabs.setCurrentIndex(1)
        tabs.currentChanged.connect(lambda index: window.ctx.settings.setValue(TAB_SETTING, index))

    if window.ctx.db is None:
        window.services_attached.connect(build)  # fast start: after the first paint and the services
    else:
        _AfterPaint(window, build)
    window.database_switched.connect(lambda: window.dashboard._changed(None) if window.dashboard is not None else None)
    return tabs
