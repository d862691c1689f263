"""The main window: it composes the filter bar, the register table, the detail pane, menus and status bar.

Dialogs and multi-step actions live in their own modules; this one only wires them.  At start-up the window
may be built from a first page read before the services loaded, and take the database after its first paint
(:mod:`civicdesk.ui.fast_start`): nothing this module imports at its top may import SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.ui import database_files, fast_start
from civicdesk.ui.widgets import connection_banner
from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.register.detail_pane import DetailPane
from civicdesk.ui.register.filter_bar import FilterBar
from civicdesk.ui.labels import Labels, user_display
from civicdesk.ui.register.org_table_model import DEFAULT_HIDDEN, OrgTableModel, SortRole

#: the register's column count when a saved header state did not say it (before the supervision columns)
SAVED_COLUMNS_BEFORE_COUNTED = 14

if TYPE_CHECKING:
    from civicdesk.services.core.database import Database
    from civicdesk.services.register.first_page import FirstPage


def add_ledger_actions(window: Any, menu: QMenu) -> list[QAction]:
    """导入台账…, 导出名录… (the table's current filter) and 导出导入模板… in ``menu``; the wizard and the ledger
    services load when one is chosen, not on the way to the first paint."""
    def later(name: str) -> Any:
        return lambda: getattr(__import__("civicdesk.ui.ledger.import_wizard", fromlist=[name]), name)(window)

    actions = []
    for text, slot in ((QCoreApplication.translate("LedgerActions", "导入台账…"), later("open_import_wizard")),
                       (QCoreApplication.translate("LedgerActions", "导出名录…"), later("export_dialog")),
                       (QCoreApplication.translate("LedgerActions", "导出导入模板…"), later("template_dialog"))):
        action = QAction(text, window)
        action.triggered.connect(slot)
        menu.addAction(action)
        actions.append(action)
    return actions


class MainWindow(QMainWindow):
    database_switched = Signal()
    first_painted = Signal()  # the register table's first paint is on the screen
    services_attached = Signal()  # a window built from ``first`` has its database now

    def __init__(self, ctx: AppContext, first: FirstPage | None = None) -> None:
        """A window over ``ctx.db``; or, with ``ctx.db`` None, one painted from ``first`` (read before the
        services loaded) that takes its database right after the first paint (:mod:`civicdesk.ui.fast_start`)."""
        super().__init__()
        self.ctx = ctx
        self.first = first
        self.preview: Any = None  # fast_start's waiting phase, while ``first`` is shown without a database
        if first is None:
            self.labels = Labels(ctx.db, ctx.lang)
        else:
            self.labels = Labels(None, ctx.lang, dictionaries=first.dictionaries, divisions=first.divisions)
        office = ctx.db.office() if first is None else first.office
        self.setObjectName("main_window")
        self.resize(*_first_size())

        self.model = OrgTableModel(ctx, self.labels, self)
        self.filter_bar = FilterBar(self.labels, self, city=office.level == "city")
        self.table = QTableView(self)
        self.table.setObjectName("register")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionClicked.connect(self._header_clicked)
        self.table.setSortingEnabled(False)  # sorting is SQL, started from the header click
        # QTableView.setSortingEnabled(False) hides the sort indicator: show it again (the arrow on the sorted
        # column), set from the model's sort after each click and restore
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self.detail = DetailPane(ctx, self.labels, self)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        from civicdesk.ui.dashboard.panel import install as install_dashboard  # 概览, built after the first paint

        self.dashboard: Any = None
        self.tabs = install_dashboard(self)  # the register above in a tab 登记簿, the dashboard in 概览

        self.count_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(240)
        self.progress.setVisible(False)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_menus()
        self.filter_bar.filter_changed.connect(self.model.reload)
        self.filter_bar.filter_changed.connect(lambda _flt: self.table.scrollToTop())  # other rows: from the top
        self._figures: tuple[Any, int, tuple[int, int | None]] | None = None  # filter, count: what they were
        self.model.loaded.connect(self._loaded)
        self.model.modelReset.connect(self.detail.show_empty)
        self.model.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        ctx.signals.operation_executed.connect(self._operation_executed)
        ctx.runner.busy_changed.connect(self._busy)
        self._update_title()
        self._restore_state()
        self.connection = connection_banner.install(self)  # server lost: banner, read-only; others' changes
        if first is None:
            self.model.reload(self.filter_bar.current())
        else:
            fast_start.preview(self, first)

    # -- menus and keys -----------------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self._action(self.tr("新建数据库…"), self.new_database))
        file_menu.addAction(self._action(self.tr("打开数据库…"), self.open_database_dialog, QKeySequence.StandardKey.Open))
        file_menu.addAction(self._action(self.tr("连接服务器…"), lambda: __import__(  # an office server (PostgreSQL)
            "civicdesk.ui.server_dialog", fromlist=["open_dialog"]).open_dialog(self)))
        self.recent_menu = file_menu.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.demo_action = self._action(self.tr("载入演示数据"), self.load_demo)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        self.ledger_actions = add_ledger_actions(self, file_menu)  # 导入台账… / 导出名录… / 模板
        from civicdesk.ui.cultivation.ledger_actions import add_menu as add_cultivation_ledger_menu

        self.cultivation_ledger_menu = add_cultivation_ledger_menu(self, file_menu)  # 培育台账: 志愿服务时长, 服务站记录
        file_menu.addSeparator()
        self.print_action = self._action(self.tr("打印…"), lambda: __import__(  # File > 打印…
            "civicdesk.ui.printing.print_dialog", fromlist=["open_print_dialog"]).open_print_dialog(self),
            QKeySequence.StandardKey.Print)
        file_menu.addAction(self.print_action)
        self.sync_action = self._action(self.tr("同步…"), lambda: __import__(  # File > 同步…
            "civicdesk.ui.sync.window", fromlist=["open_sync_window"]).open_sync_window(self))
        file_menu.addAction(self.sync_action)
        from civicdesk.ui.admin import database_menu  # 数据库: 复制数据库… / 备份… / 恢复… / 自动备份…

        self.database_menu = database_menu.add_menu(self, file_menu)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.quit_action)

        org_menu = self.org_menu = bar.addMenu(self.tr("组织(&O)"))
        self.new_action = self._action(self.tr("新建组织…"), self.new_organization, QKeySequence.StandardKey.New)
        org_menu.addAction(self.new_action)
        self.open_action = self._action(self.tr("查看所选组织"), self.open_selected)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.open_action)
        org_menu.addAction(self.open_action)
        self.find_action = self._action(self.tr("检索"), self.filter_bar.focus_search, QKeySequence.StandardKey.Find)
        org_menu.addAction(self.find_action)

        view_menu = bar.addMenu(self.tr("查看(&V)"))
        self.columns_menu = view_menu.addMenu(self.tr("显示的列"))
        self.columns_menu.aboutToShow.connect(lambda: self._fill_columns(self.columns_menu))
        view_menu.addAction(self._action(self.tr("统计摘要"), self.show_statistics))
        language = view_menu.addMenu(self.tr("界面语言"))
        self.language_actions = [self._action("中文", lambda: self._set_language("zh")),
                                 self._action("English", lambda: self._set_language("en"))]
        language.addActions(self.language_actions)
        from civicdesk.ui.filings.filing_menus import install_filing_menus  # 申请事项 and 系统 menus

        self.filing_menus = install_filing_menus(self)
        from civicdesk.ui.supervision.menu import install_supervision_menu  # 监管 → 监管工作台

        self.supervision_menu = install_supervision_menu(self)
        from civicdesk.ui.cultivation.menu import install_cultivation_menu  # 培育 → 培育工作台

        self.cultivation_menu = install_cultivation_menu(self)

    def _set_language(self, lang: str) -> None:
        self.ctx.settings.setValue("language", lang)
        QMessageBox.information(self, self.tr("界面语言"), self.tr("界面语言将在下次启动时切换。"))

    # -- columns --------------------------------------------------------------------------------------------
    def _fill_columns(self, menu: QMenu) -> None:
        menu.clear()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != 0)
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))

    def _column_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        self._fill_columns(menu)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _header_clicked(self, column: int) -> None:
        if self.model.headerData(column, Qt.Orientation.Horizontal, SortRole) is None:
            self.sync_sort_indicator()  # not sortable: the arrow goes back to the column the rows are sorted by
            return
        order = self.table.horizontalHeader().sortIndicatorOrder()
        self.model.sort(column, order)
        self.sync_sort_indicator(column)

    def sync_sort_indicator(self, preferred: int | None = None) -> None:
        """Put the header's arrow on the column the model sorts by (``preferred`` when two share the key)."""
        header = self.table.horizontalHeader()
        key = self.model.sort_key
        columns = [c for c in range(self.model.columnCount())
                   if self.model.headerData(c, Qt.Orientation.Horizontal, SortRole) == key]
        if not columns:
            return
        column = preferred if preferred in columns else header.sortIndicatorSection() \
            if header.sortIndicatorSection() in columns else columns[0]
        order = Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)  # only the arrow: the rows are sorted already
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.setSortIndicatorShown(True)

    def fit_headers(self) -> None:
        """Widen every column to show its whole header with the sort arrow, and the dictionary columns (tier,
        community subtype, legal form, status) to their longest label: none is cut."""
        from civicdesk.ui.register.org_table_model import _CODE_COLUMNS

        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        cell = self.table.fontMetrics()
        arrow = header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMarkSize) + 12
        margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 8
        for column in range(self.model.columnCount()):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            need = metrics.horizontalAdvance(text) + arrow + margin
            if column in _CODE_COLUMNS:
                kind = _CODE_COLUMNS[column][0]
                labels = self.labels._codes.get(kind, {}).values()
                need = max([need, *(cell.horizontalAdvance(v) + margin for v in labels)])
            if header.sectionSize(column) < need:
                header.resizeSection(column, need)

    # -- state ------------------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.ctx.settings
        geometry = s.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = s.value("main_window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = s.value("main_window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header_state = s.value("register/header")
        header = self.table.horizontalHeader()
        if isinstance(header_state, QByteArray) and header.restoreState(header_state):
            # columns added since the state was saved (the supervision ones after 14) start as new views do
            known = int(s.value("register/columns", SAVED_COLUMNS_BEFORE_COUNTED) or SAVED_COLUMNS_BEFORE_COUNTED)
            for column in DEFAULT_HIDDEN:
                if column >= known:
                    header.setSectionHidden(column, True)
            key = self.model.headerData(header.sortIndicatorSection(), Qt.Orientation.Horizontal, SortRole)
            if key:
                self.model.sort_key = key
                self.model.descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        else:
            for column in DEFAULT_HIDDEN:
                header.setSectionHidden(column, True)
            for column, width in enumerate((260, 160, 110, 90, 110, 110, 70, 90, 110, 80, 110, 160, 220, 110, 130, 80, 130)):
                header.resizeSection(column, width)
        self.fit_headers()
        self.sync_sort_indicator()

    def save_state(self) -> None:
        s = self.ctx.settings
        s.setValue("main_window/geometry", self.saveGeometry())
        s.setValue("main_window/state", self.saveState())
        s.setValue("main_window/splitter", self.splitter.saveState())
        s.setValue("register/header", self.table.horizontalHeader().saveState())
        s.setValue("register/columns", self.model.columnCount())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt API
        self.save_state()
        self.ctx.runner.wait(10_000)
        __import__("civicdesk.ui.admin.database_menu", fromlist=["run_scheduled"]).run_scheduled(self, closing=True)
        super().closeEvent(event)

    # -- reactions ----------------------------------------------------------------------------------------
    def _update_title(self) -> None:
        db = self.ctx.db
        if db is None and self.first is not None:  # painted before the services loaded
            office, where = self.first.office, self.first.path
        else:
            office, where = db.office(), db.path or connection_banner.label(db.url)  # never the password
        user = f" — {user_display(self.ctx.user, self.ctx.lang)}" if self.ctx.user is not None else ""
        self.setWindowTitle(f"CivicDesk — {office.name}{user} — {where}")

    def _loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("共 %1 个组织").replace("%1", f"{count:,}"))
        db, flt = self.ctx.db, self.model.filter
        if db is None:
            return
        office = db.office()
        if self.model.resorted and self._figures is not None and self._figures[:2] == (flt, count):
            self._show_count(count, *self._figures[2])  # a new sort of the same rows: the same figures
            return

        def figures(_job: Any) -> tuple[int, int | None]:
            """How many the default filter hides (deregistered, revoked), and how many this office registered
            (the rest came in sync packages: the city's organizations located here)."""
            from civicdesk.services.register import browse  # imported when asked for: not on the way to the first paint

            hidden = browse.count(db, replace(flt, status=None)) - count if flt.status == "live" else 0
            own = browse.count(db, replace(flt, origin_office=office.code)) if flt.origin_office is None else None
            return hidden, own

        def got(result: tuple[int, int | None]) -> None:
            self._figures = (flt, count, result)
            self._show_count(count, *result)

        self.ctx.runner.run(figures, on_success=got, on_failure=lambda _exc: None, key="register-figures")

    def _show_count(self, count: int, hidden: int, own: int | None) -> None:
        """共 551 个组织（另有 2 个已注销或撤销，未显示）；本单位登记 535 个，市局登记 16 个."""
        if count != self.model.rowCount():  # a newer load is on its way
            return
        text = self.tr("共 %1 个组织").replace("%1", f"{count:,}")
        if hidden > 0:
            text += self.tr("（另有 %1 个已注销或撤销，未显示）").replace("%1", f"{hidden:,}")
        if own is not None and 0 < count - own:
            office = self.ctx.db.office()
            others = self.tr("市局登记 %1 个") if office.level == "district" else self.tr("区县登记 %1 个")
            text += self.tr("；本单位登记 %1 个，").replace("%1", f"{own:,}") + others.replace("%1", f"{count - own:,}")
            self.count_label.setToolTip(self.tr("市民政局登记、住所在本区县的组织随市局的同步包到达，也列在本单位的登记簿中。")
                                        if office.level == "district" else "")
        self.count_label.setText(text)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self.ctx.db is None:  # shown once the services are attached
            return
        rows = selected.indexes()
        self.detail.show_organization(self.model.id_at(rows[0].row()) if rows else None)

    def _operation_executed(self, changes: Changes) -> None:
        if changes.database:
            return
        if changes.organizations:
            self.model.reload()
            if self.detail.current_id and self.detail.current_id in changes.organization_ids:
                self.detail.show_organization(self.detail.current_id)

    def _busy(self, busy: bool) -> None:
        """Any background op shows a moving bar (ops that report progress turn it into a fraction)."""
        if busy:  # only when it lasts: a quick search should not flicker the bar
            QTimer.singleShot(300, self._still_busy)
        else:
            self.progress.setVisible(False)

    def _still_busy(self) -> None:
        if self.ctx.runner.is_busy() and not self.progress.isVisible():
            self.progress.setRange(0, 0)
            self.progress.setVisible(True)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    # -- actions --------------------------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        org_id = self.selected_id()
        if org_id is None or self.ctx.db is None:
            return
        from civicdesk.ui.register.org_view import OrgViewDialog

        OrgViewDialog(self.ctx, self.labels, org_id, self).open()

    def new_organization(self) -> None:
        from civicdesk.ui.register.org_form import OrgFormDialog

        dialog = OrgFormDialog(self.ctx, self)
        dialog.saved.connect(self.select_organization)
        dialog.open()

    def select_organization(self, org_id: str) -> None:
        """After a save: once the table has reloaded, select and show the new organization."""
        def found() -> None:
            self.model.order_loaded.disconnect(found)
            row = self.model.row_of_id(org_id)
            if row is None:
                for r in range(self.model.rowCount()):
                    if self.model.id_at(r) == org_id:
                        row = r
                        break
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.model.order_loaded.connect(found)

    def load_demo(self) -> None:
        db = self.ctx.db
        self.statusBar().showMessage(self.tr("正在载入演示数据…"))

        from civicdesk.services.admin import demo  # imported when asked for: not on the way to the first paint

        def done(result: demo.DemoResult) -> None:
            if result.already_loaded:
                self.statusBar().showMessage(self.tr("演示数据已载入，未重复载入。"), 8000)
            else:
                self.statusBar().showMessage(self.tr("已载入演示数据：%1 个组织").replace("%1", str(result.organizations)),
                                             8000)
                self.labels = Labels(db, self.ctx.lang)
                self.model.labels = self.detail.labels = self.labels
            self.ctx.changed(Changes(organizations=True))

        by = self.ctx.user
        self.ctx.runner.run(lambda job: demo.load_demo(db, job.progress, by=by), on_success=done,
                            on_failure=self._error, on_progress=self.show_progress)

    def show_statistics(self) -> None:
        db = self.ctx.db

        def show(figures: dict[str, Any]) -> None:
            c = figures["community_social_organizations"]
            pop = figures["population"] or {}
            basis = "—"
            if pop:  # e.g. 2020年户籍人口 170,000 / 2020 registered (hukou) population 170,000
                words = self.tr("%1年户籍人口 %2") if pop.get("basis") == "household" else self.tr("%1年常住人口 %2")
                basis = words.replace("%1", str(pop.get("year"))).replace("%2", f"{pop.get('value'):,}")
            text = self.tr(
                "登记社会组织 {n} 个（社会团体 {sg}，民办非企业单位 {ss}，基金会 {fd}）。\n"
                "社区社会组织 {ct} 个：登记 {cr}，乡镇（街道）备案 {cf}，纳入村（社区）指导管理 {cg}。\n"
                "每万人拥有社会组织 {d} 个（{basis}）。"
            ).format(n=figures["registered_social_organizations"], sg=figures["by_legal_form"]["social_group"],
                     ss=figures["by_legal_form"]["social_service"], fd=figures["by_legal_form"]["foundation"],
                     ct=c["total"], cr=c["registered"], cf=c["filed"], cg=c["guided"],
                     d=figures["per_10k_population"] if figures["per_10k_population"] is not None else "—",
                     basis=basis)
            origin = figures.get("_origin")
            if origin and origin[1] > 0:  # organizations other offices registered arrived by sync: say so
                words = self.tr("登记簿中存续的组织：本单位登记 %1 个，市局登记 %2 个（住所在本区县、由市局登记，随市局的同步包到达）。") \
                    if db.office().level == "district" else self.tr("登记簿中存续的组织：本单位登记 %1 个，区县登记 %2 个。")
                text += "\n" + words.replace("%1", f"{origin[0]:,}").replace("%2", f"{origin[1]:,}")
            title = self.tr("统计摘要")  # outside the f-string, where pyside6-lupdate finds it
            QMessageBox.information(self, f"{figures['scope']['name']} — {title}", text)

        def figures_of(_job: Any) -> dict[str, Any]:
            from civicdesk.services.register import browse
            from civicdesk.services.register import statistics  # imported when asked for
            from civicdesk.services.register.plain import RegisterFilter

            figures = dict(statistics.statistics(db))
            live = browse.count(db, RegisterFilter())
            own = browse.count(db, RegisterFilter(origin_office=db.office().code))
            figures["_origin"] = (own, live - own)
            return figures

        self.ctx.runner.run(figures_of, on_success=show, on_failure=self._error)

    def _error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("操作未完成"), self.ctx.message(exc))

    # -- databases ------------------------------------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in database_files.recent_databases(self.ctx.settings):
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.switch_to(p))
        if self.recent_menu.isEmpty():
            none = self.recent_menu.addAction(self.tr("（无）"))
            none.setEnabled(False)
            none.setStatusTip(self.tr("尚未打开过其他数据库：请用“打开数据库…”。"))
            none.setToolTip(none.statusTip())

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("新建数据库"), str(Path.home() / "civicdesk.sqlite3"),
                                              self.tr("CivicDesk 数据库 (*.sqlite3)"))
        if path:
            if Path(path).exists():
                QMessageBox.warning(self, self.tr("新建数据库"), self.tr("文件已存在，请用“打开数据库”。"))
                return
            self.switch_to(Path(path))

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开数据库"), str(Path.home()),
                                              self.tr("CivicDesk 数据库 (*.sqlite3 *.db);;所有文件 (*)"))
        if path:
            self.switch_to(Path(path))

    def switch_to(self, path: Path | str) -> None:
        from civicdesk.services.core.database import open_database

        if isinstance(path, str):  # a server in the recent list: its password asked if needed
            return __import__("civicdesk.ui.server_dialog", fromlist=["open_server"]).open_server(self, path)

        try:
            db = open_database(path)
        except Exception as exc:  # noqa: BLE001 - shown to the clerk, the current database stays open
            QMessageBox.warning(self, self.tr("无法打开数据库"), self.ctx.message(exc))
            return
        if db.office_or_none() is None:
            from civicdesk.ui.admin.setup_wizard import SetupWizard

            wizard = SetupWizard(db, self.ctx.runner, self, lang=self.ctx.lang)
            if not wizard.exec() or db.office_or_none() is None:
                db.close()
                return
        self.adopt(db)

    def adopt(self, db: Database) -> None:
        """Make ``db`` the window's database: labels, filters and table start over."""
        self.ctx.runner.wait(10_000)
        old = self.ctx.db
        self.ctx.db = db
        if old is not db:
            old.close()
        database_files.remember_database(self.ctx.settings, db.path or db.url)  # a server's without password
        self.labels = Labels(db, self.ctx.lang)
        self.model.labels = self.detail.labels = self.labels
        self.filter_bar.labels = self.labels
        self.detail.show_empty()
        self._update_title()
        self.ctx.changed(Changes(database=True))
        self.model.reload(self.filter_bar.current())
        self.database_switched.emit()


def _first_size() -> tuple[int, int]:
    """The window's size before any is remembered: 1400 x 860, or the screen's free area when it is smaller (a
    1,366 x 768 laptop: the whole window on the screen, the filter choices narrower)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return 1400, 860
    free = screen.availableGeometry()
    return min(1400, free.width()), min(860, free.height())
