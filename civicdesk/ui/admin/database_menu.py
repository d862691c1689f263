"""File > 数据库: copy the database to another back end (db copy), back it up, restore a backup, and the scheduled
backup of this machine (on close or daily, kept N days).

The work runs on the window's runner (one worker thread, civicdesk/ui/runner.py); the services check that the
user is an administrator.  The scheduled backup's setting lives in this machine's QSettings (``backup/…``): the
backup folder is the machine's, and which machine backs up a server database is the administrator's choice per
machine, not the office's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from civicdesk.ui.main_window import MainWindow

SCHEDULE_KEY = "backup/schedule"  # off | close | daily
KEEP_KEY = "backup/keep_days"
DEFAULT_KEEP_DAYS = 14
DAILY_CHECK_MS = 60 * 60 * 1000  # a window left open for days still backs up once a day


def add_menu(window: MainWindow, file_menu: QMenu) -> QMenu:
    """The 数据库 submenu of File (shown to administrators), and the daily backup's timer."""
    menu = file_menu.addMenu(QCoreApplication.translate("DatabaseMenu", "数据库"))
    menu.addAction(QCoreApplication.translate("DatabaseMenu", "复制数据库…"), lambda: CopyDialog(window).open())
    menu.addAction(QCoreApplication.translate("DatabaseMenu", "备份…"), lambda: ask_backup(window))
    menu.addAction(QCoreApplication.translate("DatabaseMenu", "恢复…"), lambda: ask_restore(window))
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("DatabaseMenu", "自动备份…"), lambda: ScheduleDialog(window).open())

    def show_for_administrators() -> None:  # an administrator's items: not shown to others at all
        menu.menuAction().setVisible(window.ctx.may("office"))

    show_for_administrators()
    file_menu.aboutToShow.connect(show_for_administrators)
    timer = QTimer(window)
    timer.setInterval(DAILY_CHECK_MS)
    timer.timeout.connect(lambda: run_scheduled(window))
    timer.start()
    QTimer.singleShot(60_000, window, lambda: run_scheduled(window))  # the day's first start, once the window settled
    return menu


def _warn(window: MainWindow, title: str, exc: BaseException) -> None:
    QMessageBox.warning(window, title, window.ctx.message(exc))


# -- copy -----------------------------------------------------------------------------------------------------
class CopyDialog(QDialog):
    """Where to copy the database (a new file, or an empty PostgreSQL database), and the copy's progress."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.report: Any = None
        self.setWindowTitle(self.tr("复制数据库"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("把本数据库的全部数据复制到一个空的新数据库（新文件，或服务器上的空数据库），"
                                        "并逐表核对。")))
        row = QHBoxLayout()
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("新文件路径，或 postgresql://用户@服务器/数据库名"))
        row.addWidget(self.target, 1)
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton(self.tr("复制"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.clicked.connect(lambda: self.start(self.target.text().strip()))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("复制到新文件"), str(Path.home() / "civicdesk-copy.sqlite3"),
                                              self.tr("CivicDesk 数据库 (*.sqlite3)"))
        if path:
            self.target.setText(path)

    def start(self, target: str) -> None:
        """Copy to ``target`` on the worker; the result is shown in the dialog."""
        if not target:
            return
        from civicdesk.services.admin import transfer

        ctx = self.window_.ctx
        db, by = ctx.db, ctx.user
        self.copy_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.result.setText(self.tr("正在复制…"))

        def work(job: Any) -> Any:
            return transfer.copy_database(db, target, by=by, progress=lambda _t, done, total: job.progress(done, total))

        ctx.runner.run(work, on_success=self._done, on_failure=self._failed, on_progress=self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, report: Any) -> None:
        self.report = report
        self.progress.setVisible(False)
        self.copy_button.setEnabled(True)
        if report.ok:
            self.result.setText(self.tr("已复制 %1 行（%2 个数据表）到 %3，逐表核对一致，数据库检查与审计链检查通过。")
                                .replace("%1", f"{report.rows:,}").replace("%2", str(len(report.tables)))
                                .replace("%3", report.target))
        else:
            bad = [t.name for t in report.tables if not t.ok]
            self.result.setText(self.tr("复制完成但核对未通过：%1").replace(
                "%1", ", ".join(bad + ([] if report.verify_ok else ["verify"])
                                + ([] if report.audit_ok else ["audit verify"]))))

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.copy_button.setEnabled(True)
        self.result.setText(self.window_.ctx.message(exc))


# -- backup and restore ---------------------------------------------------------------------------------------
def ask_backup(window: MainWindow) -> None:
    from civicdesk.services.admin import backup

    db = window.ctx.db
    suffix = "sqlite3" if db.path is not None else "dump"
    folder = backup.backup_folder(db)
    path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("DatabaseMenu", "备份数据库"), str(folder / f"{backup.database_name(db)}.{suffix}"),
                                          f"*.{suffix}")
    if path:
        start_backup(window, Path(path))


def start_backup(window: MainWindow, path: Path) -> None:
    from civicdesk.services.admin import backup

    ctx = window.ctx
    db, by = ctx.db, ctx.user
    ctx.runner.run(lambda _job: backup.backup(db, path, by=by),
                   on_success=lambda made: window.statusBar().showMessage(QCoreApplication.translate("DatabaseMenu", "已备份到 %1").replace("%1", str(made))),
                   on_failure=lambda exc: _warn(window, QCoreApplication.translate("DatabaseMenu", "备份数据库"), exc))


def ask_restore(window: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("DatabaseMenu", "恢复备份"), str(Path.home()),
                                          QCoreApplication.translate("DatabaseMenu", "CivicDesk 备份 (*.sqlite3 *.dump);;所有文件 (*)"))
    if not path:
        return
    answer = QMessageBox.question(window, QCoreApplication.translate("DatabaseMenu", "恢复备份"),
                                  QCoreApplication.translate("DatabaseMenu", "恢复将用备份“%1”替换本数据库的全部数据，备份之后的更改都会丢失。确定恢复吗？")
                                  .replace("%1", Path(path).name))
    if answer == QMessageBox.StandardButton.Yes:
        start_restore(window, Path(path))


def start_restore(window: MainWindow, path: Path, *, force: bool = False) -> None:
    """Restore ``path`` on the worker, then open the restored database in the window.  A backup of another
    office is asked about once more (restored only if the administrator says so)."""
    from civicdesk.services.admin import backup
    from civicdesk.services.core.database import open_database

    ctx = window.ctx
    db, by = ctx.db, ctx.user
    location = str(db.path) if db.path is not None else db.url

    def work(_job: Any) -> Any:
        backup.restore(db, path, by=by, force=force)
        return open_database(location)

    def failed(exc: BaseException) -> None:
        if getattr(exc, "code", None) == "backup.other_office" and not force:
            again = QMessageBox.question(window, QCoreApplication.translate("DatabaseMenu", "恢复备份"), window.ctx.message(exc) + "\n\n" +
                                         QCoreApplication.translate("DatabaseMenu", "仍要恢复另一单位的备份吗？"))
            if again == QMessageBox.StandardButton.Yes:
                start_restore(window, path, force=True)
            return
        _warn(window, QCoreApplication.translate("DatabaseMenu", "恢复备份"), exc)

    def done(restored: Any) -> None:
        window.adopt(restored)
        window.statusBar().showMessage(QCoreApplication.translate("DatabaseMenu", "已从 %1 恢复").replace("%1", str(path)))

    ctx.runner.run(work, on_success=done, on_failure=failed)


# -- scheduled backups ----------------------------------------------------------------------------------------
def schedule(window: MainWindow) -> tuple[str, int]:
    s = window.ctx.settings
    mode = str(s.value(SCHEDULE_KEY, "off"))
    try:
        keep = int(s.value(KEEP_KEY, DEFAULT_KEEP_DAYS))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        keep = DEFAULT_KEEP_DAYS
    return (mode if mode in ("off", "close", "daily") else "off"), keep


def run_scheduled(window: MainWindow, *, closing: bool = False) -> Any:
    """The scheduled backup as set on this machine: on the worker while the window is open (daily), on the GUI
    thread when it closes (the worker is done by then).  Returns the result when run on the spot."""
    from civicdesk.services.admin import backup

    mode, keep = schedule(window)
    db = window.ctx.db
    if db is None or mode == "off" or (mode == "close") != closing:
        return None
    if closing:
        try:
            return backup.scheduled_backup(db, schedule=mode, keep_days=keep, closing=True)
        except Exception as exc:  # noqa: BLE001 - the window closes: said once, never a traceback
            _warn(window, QCoreApplication.translate("DatabaseMenu", "自动备份"), exc)
            return None
    window.ctx.runner.run(lambda _job: backup.scheduled_backup(db, schedule=mode, keep_days=keep),
                          on_failure=lambda exc: window.statusBar().showMessage(window.ctx.message(exc)))
    return None


class ScheduleDialog(QDialog):
    """The scheduled backup of this machine: never, each time the window closes, or once a day; kept N days."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("自动备份"))
        form = QFormLayout(self)
        self.mode = QComboBox()
        for value, text in (("off", self.tr("不自动备份")), ("close", self.tr("每次关闭窗口时")),
                            ("daily", self.tr("每天一次"))):
            self.mode.addItem(text, value)
        mode, keep = schedule(window)
        self.mode.setCurrentIndex(self.mode.findData(mode))
        form.addRow(self.tr("备份时机"), self.mode)
        self.keep = QSpinBox()
        self.keep.setRange(1, 3650)
        self.keep.setValue(keep)
        self.keep.setSuffix(self.tr(" 天"))
        form.addRow(self.tr("保留"), self.keep)
        from civicdesk.services.admin import backup

        note = QLabel(self.tr("备份放在 %1；更早的本数据库备份会被删除，其他文件不动。")
                      .replace("%1", str(backup.backup_folder(window.ctx.db))))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        s = self.window_.ctx.settings
        s.setValue(SCHEDULE_KEY, self.mode.currentData())
        s.setValue(KEEP_KEY, self.keep.value())
        s.sync()
        super().accept()


