"""Start-up in two phases, so that the window is on the screen before SQLAlchemy is imported.

Phase one: :func:`civicdesk.services.register.first_page.peek` reads the register's first page with ``sqlite3`` alone,
and the main window is built and shown from it (:func:`preview`): the rows, the labels, the filter bar, the
remembered columns and sort.  Until the services are attached, everything that needs the database is
disabled, and filters, searches and sorts asked for are only recorded.

Phase two, right after the first paint (the window's ``first_painted``): :func:`attach` imports the services,
opens the database as the normal start does (its checks, migrations and indexing included; the peek answered
only because there was nothing of the kind to do) and hands it to the window; the table's first reload finds
the rows it shows and takes them over without a reset, then counts and loads the whole order as always.  It
runs on the GUI thread, in one go (about 0.6 s): on the worker, the imports (pure Python) would compete with
every paint of the window for the interpreter lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from civicdesk.services.register.first_page import FirstPage
    from civicdesk.ui.main_window import MainWindow

# attach even if the register table is never painted (a window restored minimised), after this long
ATTACH_ANYWAY_MS = 1500


class _Preview(QObject):
    """A window's waiting phase: the actions it disabled, and the watch for its first paint."""

    def __init__(self, window: MainWindow, waiting: list[QAction]) -> None:
        super().__init__(window)
        self.window, self.waiting, self.attaching = window, waiting, False
        self.viewport = window.table.viewport()
        self.viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if watched is self.viewport and event.type() == QEvent.Type.Paint:
            self.viewport.removeEventFilter(self)
            # a zero timer fires once this paint and the flush of the window's backing store are done
            QTimer.singleShot(0, self.window, self.window.first_painted.emit)
        return False


def preview(window: MainWindow, first: FirstPage) -> None:
    """Show ``first`` in a window that has no database yet, and attach the services after its first paint; in a
    window that has its database (the normal start, once it opened it), show ``first`` and reload at once."""
    from civicdesk.services.register import first_page
    from civicdesk.ui.register.org_table_model import FIRST_PAGE

    model = window.model
    rows = first.rows
    if (model.sort_key, model.descending) != (first.sort_key, first.descending):  # the header remembered another
        rows = first_page.first_rows(first.path, model.sort_key, model.descending, FIRST_PAGE)
    if rows is not None:
        model.show_first(rows, first.estimate)
    if window.ctx.db is not None:  # the normal start, its database open: the peek's rows, reloaded once painted
        window.first = None
        _Preview(window, [])  # its watch of the first paint
        started: list[bool] = []

        def reload() -> None:
            if not started:
                started.append(True)
                _keep_row_number_width(window)  # as painted, until the next reset
                model.reload(window.filter_bar.current())

        window.first_painted.connect(lambda: QTimer.singleShot(0, window, reload))
        QTimer.singleShot(ATTACH_ANYWAY_MS, window, reload)
        return
    window.count_label.setText(QCoreApplication.translate("MainWindow", "正在载入…"))
    ready = {window.quit_action, window.find_action, *window.language_actions}  # need no database
    waiting = [a for a in window.actions() + list(window.ledger_actions) if a.isEnabled() and a not in ready]
    waiting.append(window.recent_menu.menuAction())
    for action in waiting:
        action.setEnabled(False)
    window.preview = _Preview(window, waiting)
    window.first_painted.connect(lambda: QTimer.singleShot(0, window, lambda: attach(window)))
    QTimer.singleShot(ATTACH_ANYWAY_MS, window, lambda: attach(window))


def attach(window: MainWindow) -> None:
    """Load the services and open the database the window was painted from; then hand it to the window.

    An error the normal start would show (the file changed in between) is shown the same way, and the program
    ends with status 1 as it would have."""
    preview = window.preview
    if window.first is None or preview is None or preview.attaching:
        return
    preview.attaching = True
    ctx = window.ctx
    try:
        from civicdesk.services.core.database import open_database

        db = open_database(window.first.path)
        db.office()  # the peek saw the office; if it went meanwhile, this says so in words
    except Exception as exc:  # noqa: BLE001 - shown in words, then the program ends as the normal start does
        QMessageBox.critical(window, "CivicDesk", ctx.message(exc))
        window.close()
        QCoreApplication.exit(1)
        return
    ctx.db = db
    window.first, window.preview = None, None
    for action in preview.waiting:
        action.setEnabled(True)
    preview.deleteLater()
    window.filing_menus.refresh()  # what the user may do (and the title)
    _keep_row_number_width(window)
    window.model.reload(window.filter_bar.current())
    from civicdesk.services.admin import auth

    if auth.has_users(db):  # an account was made since the peek (another program): log in as after a switch
        window.database_switched.emit()
    selected = window.selected_id()
    if selected is not None:  # chosen while the services loaded
        window.detail.show_organization(selected)
    window.services_attached.emit()


def _keep_row_number_width(window: MainWindow) -> None:
    """The row numbers keep the width the estimate gave them when the count comes in with fewer digits (the
    rows would move sideways), until the table is next reset (a new filter or sort moves them anyway)."""
    header = window.table.verticalHeader()
    before = header.minimumWidth()
    header.setMinimumWidth(header.width())

    def release() -> None:
        header.setMinimumWidth(before)
        window.model.modelReset.disconnect(release)

    window.model.modelReset.connect(release)
