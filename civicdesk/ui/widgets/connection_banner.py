"""The main window's watch over its database: a lost server connection and other clerks' changes.

Every few seconds (:data:`ConnectionWatch.interval_ms`) the watch runs one cheap probe on the worker
(:func:`civicdesk.services.core.server.change_mark`: an indexed ``max()`` of the change log).

- The connection is lost when the probe, or any op of the window (a unit or a read), ends in ``db.server``: a
  banner over the register says so once (never a dialog per failed op), and every action that would write, print
  or export is disabled, so the window is read-only; nothing was half-written (a unit is one transaction).  The
  probe keeps running; when the server answers again the banner goes, the actions come back and the register
  reloads.
- While connected, a mark that moved means someone (another clerk's program, on another machine or in another
  window) committed a change: the register reloads, keeping the selected organization.  This is how a window
  sees others' approved filings on a server as well as on a shared SQLite file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from civicdesk.errors import CivicDeskError, render
from civicdesk.services.core.server_address import is_server_url, label, short_reason
from civicdesk.ui.context import Changes

#: the probe's interval (a test may shorten it)
INTERVAL_MS = 5_000


def is_connection_lost(exc: BaseException) -> bool:
    return isinstance(exc, CivicDeskError) and exc.code in ("db.server", "server.unreachable")


class ConnectionBanner(QFrame):
    """One line over the register: the connection is lost, read-only, retrying; and a button to retry now."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.setObjectName("connection_banner")
        self.setStyleSheet("#connection_banner { background: #fdecea; border-bottom: 1px solid #e0a0a0; }"
                           "#connection_banner QLabel { color: #8a1c1c; font-weight: bold; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry = QPushButton(self.tr("立即重试"), self)
        layout.addWidget(self.retry)  # first: seen whatever the width
        layout.addWidget(self.text, 1)
        self.setVisible(False)


class ConnectionWatch(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.lost = False
        self.mark: int | None = None
        self._probing = False
        self._disabled: list[QAction] = []
        # the banner over the window's tabs (register and dashboard) and whatever else is central
        central = window.takeCentralWidget()
        holder = QWidget(window)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = ConnectionBanner(holder)
        layout.addWidget(self.banner)
        layout.addWidget(central, 1)
        window.setCentralWidget(holder)
        self.banner.retry.clicked.connect(self.probe)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.probe)
        self.timer.start()
        self.ctx.runner.op_failed.connect(self._op_failed)
        window.database_switched.connect(self._database_switched)
        # after the filing menus' own refresh (connected before): read-only stays read-only
        window.table.selectionModel().selectionChanged.connect(lambda *_: self._keep_read_only())
        self.ctx.signals.operation_executed.connect(lambda _changes: self._keep_read_only())
        self.refresh_action = QAction(self.tr("刷新登记簿"), window)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(lambda: self.refresh_register(self.tr("正在刷新登记簿…")))
        window.addAction(self.refresh_action)  # F5 (the watch refreshes by itself when others write)
        window.services_attached.connect(self.probe)  # a window painted before its database: from now on
        if self.ctx.db is not None:
            self.probe()  # the mark the register was loaded at

    # -- probing ------------------------------------------------------------------------------------------------
    def probe(self) -> None:
        """One probe on the worker (none while one is on its way)."""
        db = self.ctx.db
        if db is None or self._probing:
            return
        from civicdesk.services.core import server  # not on the way to the first paint

        self._probing = True

        def done(mark: int) -> None:
            self._probing = False
            if db is not self.ctx.db:
                return
            if self.lost:
                self.restored()
            elif self.mark is not None and mark != self.mark and db.others_wrote(self.mark, mark):
                # (this program's own changes told its views already)
                self.refresh_register(self.tr("登记簿有其他用户的新更改，已刷新。"))
                # the other views too (the review queue, the filing menus, the workbenches, the dashboard): what
                # another clerk's program changed is not in this program's own change notices
                self.ctx.changed(Changes(extra={"filings": True, "others": True}))
            self.mark = mark

        def failed(exc: BaseException) -> None:
            self._probing = False  # a lost connection: _op_failed shows it (every op's failure passes there)

        self.ctx.runner.run(lambda _job: server.change_mark(db), on_success=done, on_failure=failed,
                            key="connection-probe")

    def _op_failed(self, exc: BaseException) -> None:
        if is_connection_lost(exc) and self.ctx.db is not None:
            self.set_lost(exc)

    def _database_switched(self) -> None:
        self.mark = None
        if self.lost:
            self.restored(reload=False)  # the new database's own reload runs
        self.probe()

    # -- lost and back ------------------------------------------------------------------------------------------
    def set_lost(self, exc: BaseException) -> None:
        db = self.ctx.db
        where = label(db.url) if db.path is None and is_server_url(db.url) else str(db.path or db.url)
        reason = str(exc.params.get("reason", "")) if isinstance(exc, CivicDeskError) else str(exc)
        reason = short_reason(reason)  # the address is in the text already
        self.banner.text.setText(render("server.lost", {"server": where, "reason": reason,
                                                        "seconds": INTERVAL_MS // 1000}, self.ctx.lang))
        self.banner.setVisible(True)
        if not self.lost:
            self.lost = True
            self.window.statusBar().clearMessage()
        self._keep_read_only()

    def restored(self, reload: bool = True) -> None:
        self.lost = False
        self.banner.setVisible(False)
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []
        menus = getattr(self.window, "filing_menus", None)
        if menus is not None:
            menus.refresh()  # who may do what, as before the loss
        if reload:
            self.refresh_register(self.tr("已重新连接数据库服务器。"))

    def writing_actions(self) -> list[QAction]:
        """Everything but reading the register: the File menu's imports, exports, demo, print and sync, and every
        action of the menus after it but 查看 (filings, organizations, supervision, cultivation, system)."""
        w = self.window
        found: list[QAction] = [a for a in (getattr(w, n, None) for n in ("demo_action", "print_action",
                                                                           "sync_action", "new_action"))
                                if a is not None]
        found += list(getattr(w, "ledger_actions", None) or [])
        cultivation = getattr(w, "cultivation_ledger_menu", None)
        if cultivation is not None:
            found += [a for a in cultivation.actions() if not a.isSeparator()]
        view = w.columns_menu.parent()
        for top in w.menuBar().actions()[1:]:
            menu = top.menu()
            if menu is None or menu is view:
                continue
            found += _all_actions(menu)
        return found

    def _keep_read_only(self) -> None:
        if not self.lost:
            return
        for action in self.writing_actions():
            if action.isEnabled():
                action.setEnabled(False)
                self._disabled.append(action)

    # -- others' changes ----------------------------------------------------------------------------------------
    def refresh_register(self, say: str = "") -> None:
        """Reload the register (the current filter and sort), the selected organization selected again; ``say``
        in the status bar."""
        if self.ctx.db is None:
            return
        if say:
            self.window.statusBar().showMessage(say, 8_000)
        selected = self.window.selected_id()
        self.window.model.reload()
        if selected is not None:
            self.window.select_organization(selected)


def _all_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            found += _all_actions(action.menu())  # type: ignore[arg-type]
        else:
            found.append(action)
    return found


def install(window: Any) -> ConnectionWatch:
    return ConnectionWatch(window)
