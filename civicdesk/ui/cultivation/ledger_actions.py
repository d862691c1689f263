"""The cultivation sheets (培育台账) in the GUI: import a volunteer hours, station records or purchased-service
projects sheet, export each (or its empty template).  The main window's File menu holds them under 培育台账
(:func:`add_menu`).

:func:`import_sheet` chooses the file, then :class:`SheetImportDialog` shows the check's report (counts, every
problem by row and column) before anything is written; 导入 is offered only for a sheet without an invalid row
(all rows or none), and runs with a progress bar and a cancel button (a cancelled import leaves the database as
it was).  :func:`export_sheet` writes the office's rows (.xlsx or .csv) or the template.  A refusal of the service
(no right, a file that is not a sheet …) is shown as its one line.

Nothing here is imported on the way to the main window's first paint: the services load when an item is chosen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.runner import Op

SHEET_FILTER = "台账 (*.xlsx *.csv)"
ERROR_STYLE = "color: #b00020;"
KINDS = ("hours", "stations", "projects")


def _titles(kind: str) -> dict[str, str]:
    """The words of a kind's menu items, dialogs and default file names."""
    if kind == "hours":
        return {"name": QCoreApplication.translate("CultivationLedger", "志愿服务时长"),
                "import": QCoreApplication.translate("CultivationLedger", "导入志愿服务时长…"),
                "export": QCoreApplication.translate("CultivationLedger", "导出志愿服务时长…"),
                "template": QCoreApplication.translate("CultivationLedger", "导出志愿服务时长模板…")}
    if kind == "projects":
        return {"name": QCoreApplication.translate("CultivationLedger", "政府购买服务项目"),
                "import": QCoreApplication.translate("CultivationLedger", "导入政府购买服务项目…"),
                "export": QCoreApplication.translate("CultivationLedger", "导出政府购买服务项目…"),
                "template": QCoreApplication.translate("CultivationLedger", "导出政府购买服务项目模板…")}
    return {"name": QCoreApplication.translate("CultivationLedger", "儿童服务站服务记录"),
            "import": QCoreApplication.translate("CultivationLedger", "导入儿童服务站服务记录…"),
            "export": QCoreApplication.translate("CultivationLedger", "导出儿童服务站服务记录…"),
            "template": QCoreApplication.translate("CultivationLedger", "导出儿童服务站服务记录模板…")}


class SheetImportDialog(QDialog):
    """The report of a sheet's check, then (if the clerk chooses 导入) the import with progress and cancel."""

    def __init__(self, ctx: AppContext, kind: str, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.path = ctx, kind, path
        self.setObjectName("cultivation_sheet_import")
        self.setWindowTitle(self.tr("导入%1").replace("%1", _titles(kind)["name"]))
        self.resize(900, 560)
        self.file = QLabel(path, self)
        self.file.setWordWrap(True)
        self.summary = QLabel(self.tr("正在检查…"), self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.problems = QTableWidget(0, 4, self)
        self.problems.setObjectName("problems")
        self.problems.setHorizontalHeaderLabels([self.tr("行"), self.tr("列"), self.tr("表头"), self.tr("问题")])
        header = self.problems.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.note = QLabel(self.tr("此时尚未写入任何数据。有不合格的行时不能导入：改正台账后重新选择。"), self)
        self.note.setWordWrap(True)
        self.import_button = QPushButton(self.tr("导入"), self)
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        for widget in (self.file, self.summary, self.progress):
            layout.addWidget(widget)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.report: Any = None  # the check's report, then the import's
        self.op: Op | None = None
        self.imported = False
        self.cancelled = False
        self._run(self._preview, self._show)

    # -- what runs on the worker -------------------------------------------------------------------------------
    def _preview(self, job: Any) -> Any:
        from civicdesk.services.ledger import cultivation_sheets

        return cultivation_sheets.preview_sheet(self.ctx.db, self.kind, self.path, progress=job.progress)

    def _import(self, job: Any) -> Any:
        from civicdesk.services.ledger import cultivation_sheets

        return cultivation_sheets.import_sheet(self.ctx.db, self.kind, self.path, by=self.ctx.user,
                                               progress=job.progress)

    def _run(self, work: Any, done: Any) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.op = self.ctx.runner.run(work, on_success=done, on_failure=self._failed, on_progress=self._progress)
        self.op.finished.connect(self._finished)

    # -- answers -----------------------------------------------------------------------------------------------
    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(self.ctx.message(exc))

    def _finished(self) -> None:
        self.progress.setVisible(False)
        if self.cancelled and not self.imported:
            self.summary.setStyleSheet("")
            self.summary.setText(self.tr("导入已取消，数据库未作任何改动。"))
        self.cancel_button.setText(self.tr("关闭"))

    def _show(self, report: Any) -> None:
        self.report = report
        lang = self.ctx.lang
        text = self.tr("数据行 %1：新增 %2，已有记录 %3，不合格 %4；跳过 %5 行。")
        for i, key in enumerate(("rows", "new", "recorded", "invalid", "skipped"), start=1):
            text = text.replace(f"%{i}", str(report.counts()[key]))
        notes = "\n".join(n.message(lang) for n in report.notes)
        self.summary.setStyleSheet(ERROR_STYLE if report.invalid else "")
        self.summary.setText(text + ("\n" + notes if notes else ""))
        rows = [(str(p.row), p.column or "", p.header or p.field, p.message(lang)) for p in report.problems]
        self.problems.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.problems.setItem(r, c, QTableWidgetItem(value))
        self.import_button.setEnabled(report.invalid == 0 and report.new > 0)

    def start_import(self) -> None:
        self.import_button.setEnabled(False)
        self.cancelled = False
        self.cancel_button.setText(self.tr("取消导入"))
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("正在导入…"))
        self._run(self._import, self._done)

    def _done(self, report: Any) -> None:
        self.report = report
        if not report.imported:  # the register changed between the check and the import
            self._show(report)
            return
        self.imported = True
        self.summary.setText(report.summary(self.ctx.lang))
        self.ctx.changed(Changes(organization_ids=tuple(report.touched), extra={"cultivation": report.sheet_kind}))

    def cancel(self) -> None:
        """取消 while an import runs: it is rolled back; otherwise the dialog closes."""
        if self.op is not None and not self.op.done:
            self.cancelled = True
            self.op.cancel()
            self.summary.setText(self.tr("正在取消…"))
            return
        self.close()

    def reject(self) -> None:  # Qt API: Esc or the window's close button
        if self.op is not None and not self.op.done:
            self.cancel()
            return
        super().reject()


def import_sheet(parent: QWidget, ctx: AppContext, kind: str, path: str | None = None) -> SheetImportDialog | None:
    """Choose a ``kind`` sheet (``path`` skips the file dialog) and open its check's report."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, _titles(kind)["import"].rstrip("…"), "", SHEET_FILTER)
    if not path:
        return None
    dialog = SheetImportDialog(ctx, kind, path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def export_sheet(parent: QWidget, ctx: AppContext, kind: str, path: str | None = None, *,
                 template: bool = False) -> Op | None:
    """Write this office's ``kind`` rows (.xlsx or .csv; phones masked) or, with ``template``, the empty sheet."""
    titles = _titles(kind)
    if path is None:
        suffix = QCoreApplication.translate("CultivationLedger", "模板") if template else ""
        name = titles["name"] + suffix + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(parent, titles["template" if template else "export"].rstrip("…"),
                                              name, "Excel (*.xlsx)" if template else "Excel (*.xlsx);;CSV (*.csv)")
    if not path:
        return None
    db, by, target = ctx.db, ctx.user, path

    def work(job: Any) -> Any:
        from civicdesk.services.ledger import cultivation_sheets

        if template:
            return cultivation_sheets.write_sheet_template(kind, target)
        return cultivation_sheets.export_sheet(db, kind, target, by=by, progress=job.progress)

    def say(text: str, error: bool = False) -> None:
        bar = parent.statusBar() if hasattr(parent, "statusBar") else None
        if bar is not None and not error:
            bar.showMessage(text, 10_000)
        elif error:
            QMessageBox.warning(parent, titles["name"], text)
        else:
            QMessageBox.information(parent, titles["name"], text)

    def done(result: Any) -> None:
        if template:
            say(QCoreApplication.translate("CultivationLedger", "已导出模板 %1").replace("%1", result.path))
            return
        text = QCoreApplication.translate("CultivationLedger", "已导出 %1 行到 %2")
        say(text.replace("%1", str(result.rows)).replace("%2", result.path))

    return ctx.runner.run(work, on_success=done, on_failure=lambda exc: say(ctx.message(exc), error=True))


def add_menu(window: Any, menu: QMenu) -> QMenu:
    """培育台账 in ``menu`` (the File menu, beside the register's ledger): import, export and template of each
    kind."""
    sub = menu.addMenu(QCoreApplication.translate("CultivationLedger", "培育台账"))
    sub.setObjectName("cultivation_ledger_menu")
    for kind in KINDS:
        titles = _titles(kind)
        for text, slot in ((titles["import"], lambda _=False, k=kind: import_sheet(window, window.ctx, k)),
                           (titles["export"], lambda _=False, k=kind: export_sheet(window, window.ctx, k)),
                           (titles["template"],
                            lambda _=False, k=kind: export_sheet(window, window.ctx, k, template=True))):
            action = QAction(text, window)
            action.triggered.connect(slot)
            sub.addAction(action)
        if kind != KINDS[-1]:
            sub.addSeparator()
    return sub
