"""A probe of the start-up for the tests and ``bench/bench_register.py``: with ``CIVICDESK_START_PROBE`` set to
a file name, the GUI writes there (JSON) what the register table showed when it was first painted with rows
and when (with the process's CPU time then), whether SQLAlchemy was imported by then, and, once the services are attached and the whole order is
loaded, the rows shown then; with ``CIVICDESK_START_PROBE_QUIT`` set it then closes the window.  With
``CIVICDESK_START_PROBE_GRAB`` set it also saves pictures of the window beside the file (``.paint.png``,
``.attached.png``).

For a start that asks for a login first (:func:`install_login`), it writes when the login dialog was first painted
(and whether SQLAlchemy was imported by then) and when its database was open; with ``CIVICDESK_START_PROBE_QUIT``
it then cancels the login.

Times are ``time.time()`` (the caller knows when it started the process).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from civicdesk.ui.admin.login_dialog import LoginDialog
    from civicdesk.ui.main_window import MainWindow

ROWS = 200  # the first page


def _shown(window: MainWindow) -> dict[str, Any]:
    from civicdesk.ui.register.org_table_model import SeqRole

    model = window.model
    count = min(model.rowCount(), ROWS)
    return {
        "rows": [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(count)],
        "seqs": [model.data(model.index(r, 0), SeqRole) for r in range(count)],
    }


class StartProbe(QObject):
    def __init__(self, window: MainWindow, target: Path, quit_after: bool) -> None:
        super().__init__(window)
        self.window, self.target, self.quit_after = window, target, quit_after
        self.record: dict[str, Any] = {"fast": window.first is not None}
        self.viewport = window.table.viewport()
        self.viewport.installEventFilter(self)
        window.model.order_loaded.connect(self._order_loaded)
        window.services_attached.connect(lambda: self.record.update(attached_at=time.time()))
        self.ordered = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if watched is self.viewport and event.type() == QEvent.Type.Paint and self.window.model.rowCount() > 0:
            self.viewport.removeEventFilter(self)
            self.record["at_paint"] = {**_shown(self.window), "sqlalchemy": "sqlalchemy" in sys.modules,
                                       "attached": self.window.ctx.db is not None,
                                       "status": self.window.count_label.text()}
            QTimer.singleShot(0, self._painted)  # after this paint and its flush
        return False

    def _painted(self) -> None:
        self.record["painted_at"] = time.time()
        self.record["cpu_at_paint"] = time.process_time()  # this process's CPU seconds (the interpreter's start too)
        if os.environ.get("CIVICDESK_START_PROBE_GRAB"):  # a picture of the window as first painted
            self.window.grab().save(str(self.target.with_suffix(".paint.png")))
        self._finish()

    def _order_loaded(self) -> None:
        if self.window.ctx.db is not None:
            self.ordered = True
            self._finish()

    def _finish(self) -> None:
        if not self.ordered or "painted_at" not in self.record or "after" in self.record:
            return
        self.record["ordered_at"] = time.time()
        self.record["after"] = {**_shown(self.window), "count": self.window.model.rowCount(),
                                "status": self.window.count_label.text(), "title": self.window.windowTitle()}
        try:  # VmHWM (Linux): the peak resident memory
            with open("/proc/self/status", encoding="ascii") as fh:
                self.record["peak_mb"] = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM")) / 1024
        except (OSError, StopIteration):
            self.record["peak_mb"] = None
        if os.environ.get("CIVICDESK_START_PROBE_GRAB"):
            self.window.grab().save(str(self.target.with_suffix(".attached.png")))
        self.target.write_text(json.dumps(self.record, ensure_ascii=False, default=str), encoding="utf-8")
        if self.quit_after:
            self.window.close()


def install(window: MainWindow) -> None:
    """Probe ``window`` if ``CIVICDESK_START_PROBE`` names a file (else nothing)."""
    target = os.environ.get("CIVICDESK_START_PROBE")
    if target:
        StartProbe(window, Path(target), bool(os.environ.get("CIVICDESK_START_PROBE_QUIT")))


class LoginProbe(QObject):
    def __init__(self, dialog: LoginDialog, target: Path, quit_after: bool) -> None:
        super().__init__(dialog)
        self.dialog, self.target, self.quit_after = dialog, target, quit_after
        self.record: dict[str, Any] = {"login": True}
        dialog.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._poll)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if watched is self.dialog and event.type() == QEvent.Type.Paint:
            self.dialog.removeEventFilter(self)
            self.record["at_paint"] = {"sqlalchemy": "sqlalchemy" in sys.modules}
            QTimer.singleShot(0, self._painted)  # after this paint and its flush
        return False

    def _painted(self) -> None:
        self.record["painted_at"] = time.time()
        self.record["cpu_at_paint"] = time.process_time()
        self.timer.start()

    def _poll(self) -> None:
        if self.dialog.db is None and getattr(self.dialog, "open_error", None) is None:
            return
        self.timer.stop()
        self.record["opened_at"] = time.time()
        self.record["opened"] = self.dialog.db is not None
        self.target.write_text(json.dumps(self.record, ensure_ascii=False, default=str), encoding="utf-8")
        if self.quit_after and self.dialog.isVisible():
            QDialog.reject(self.dialog)


def install_login(dialog: LoginDialog) -> None:
    """Probe the start-up's login ``dialog`` if ``CIVICDESK_START_PROBE`` names a file (else nothing)."""
    target = os.environ.get("CIVICDESK_START_PROBE")
    if target:
        LoginProbe(dialog, Path(target), bool(os.environ.get("CIVICDESK_START_PROBE_QUIT")))
