"""The ledger import wizard and the export actions of the File menu.

:class:`ImportWizard` has four pages: 选择台账 (an .xlsx or .csv), 核对列 (each column's field, changeable, over a
preview of the first rows), 检查结果 (the validation report: counts, every problem by row and column, the changed
fields; "skip invalid rows" if the clerk wants the valid ones now) and 导入 (the import on the runner, with a
progress bar and a cancel button; a cancelled import leaves the database as it was).  Nothing is written before
the last page.  The main window's File menu (``main_window.add_ledger_actions``) opens it, 导出名录… and 导出导入模板….

The first page also chooses the kind of sheet: the register's ledger (台账), or an annual-inspection results
sheet (年检结果表) for a year, which skips the mapping page (its columns are found by name) and imports its rows
into that year's campaign as records submitted for a reviewer's decision
(:mod:`civicdesk.services.ledger.inspection_sheet`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from civicdesk import clock
from civicdesk.services import ledger
from civicdesk.services.ledger import inspection_sheet
from civicdesk.services.ledger.columns import COLUMNS, IGNORE, auto_mapping, field_label
from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.runner import Job, Op

PAGE_FILE, PAGE_MAPPING, PAGE_REPORT, PAGE_IMPORT = range(4)
KIND_LEDGER, KIND_INSPECTION = "ledger", "inspection"
LEDGER_FILTER = "台账 (*.xlsx *.csv)"
ERROR_STYLE = "color: #b00020;"


# -- ops: what runs on the worker ------------------------------------------------------------------------------
def read_header(*, path: str) -> tuple[int, tuple[str, ...], list[tuple[int, tuple[str, ...]]]]:
    return ledger.read_header(path, preview_rows=8)


def preview(ctx: AppContext, *, path: str, mapping: dict[str, str], job: Job) -> ledger.ImportReport:
    return ledger.preview_ledger(ctx.db, path, mapping=mapping, progress=job.progress)


def run_import(ctx: AppContext, *, path: str, mapping: dict[str, str], skip_invalid: bool, job: Job,
               legacy: bool = False) -> ledger.ImportReport:
    return ledger.import_ledger(ctx.db, path, mapping=mapping, skip_invalid=skip_invalid, by=ctx.user,
                                legacy=legacy, progress=job.progress)


def preview_inspection(ctx: AppContext, *, path: str, year: int, job: Job) -> inspection_sheet.SheetReport:
    return inspection_sheet.preview_sheet(ctx.db, path, year=year, progress=job.progress)


def run_inspection_import(ctx: AppContext, *, path: str, year: int, job: Job) -> inspection_sheet.SheetReport:
    return inspection_sheet.import_sheet(ctx.db, path, year=year, by=ctx.user, progress=job.progress)


# -- pages -----------------------------------------------------------------------------------------------------
class FilePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("选择台账"))
        self.setSubTitle(self.tr("选择要导入的 Excel 台账（.xlsx）或 CSV 文件（UTF-8 或 GBK）。表头上方的标题行、"
                                 "合计行和空行会自动跳过。"))
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(self.tr("台账文件"))
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        # what the sheet is: the register's ledger, or the results of a year's annual inspection
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("登记簿台账"), KIND_LEDGER)
        self.kind.addItem(self.tr("年检结果表"), KIND_INSPECTION)
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(1990, clock.today().year)
        self.year.setValue(clock.today().year - 1)  # reports come in the year after the one they are about
        self.year_label = QLabel(self.tr("年检年度"), self)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("类型"), self))
        kind_row.addWidget(self.kind)
        kind_row.addWidget(self.year_label)
        kind_row.addWidget(self.year)
        kind_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(kind_row)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        inspection = self.is_inspection()
        self.year.setVisible(inspection)
        self.year_label.setVisible(inspection)

    def is_inspection(self) -> bool:
        return bool(self.kind.currentData() == KIND_INSPECTION)

    def nextId(self) -> int:  # Qt API: an inspection sheet's columns are found by name, no mapping page
        return PAGE_REPORT if self.is_inspection() else PAGE_MAPPING

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择台账"), "", LEDGER_FILTER)
        if path:
            self.path_edit.setText(path)

    def path(self) -> str:
        return self.path_edit.text().strip()

    def isComplete(self) -> bool:  # Qt API
        return bool(self.path()) and Path(self.path()).is_file()


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("核对列"))
        self.setSubTitle(self.tr("第一行是每一列对应的字段，可以更改；下面是台账的前几行，供核对。"))
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setObjectName("mapping")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setDefaultSectionSize(130)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        self.headers: tuple[str, ...] = ()
        self.combos: list[QComboBox] = []
        self.loaded_path: str | None = None

    def initializePage(self) -> None:  # Qt API
        path = self.wiz.file_page.path()
        if path == self.loaded_path:
            return
        self.loaded_path = None
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.combos = []
        self.info.setStyleSheet("")
        self.info.setText(self.tr("正在读取表头…"))
        self.wiz.ctx.runner.run(lambda _job: read_header(path=path), on_success=lambda r: self._show(path, r),
                                on_failure=self._failed, key="import-header")

    def _failed(self, exc: BaseException) -> None:
        self.info.setStyleSheet(ERROR_STYLE)
        self.info.setText(self.wiz.ctx.message(exc))
        self.completeChanged.emit()

    def _show(self, path: str, result: tuple[int, tuple[str, ...], list[tuple[int, tuple[str, ...]]]]) -> None:
        header_row, headers, rows = result
        self.headers = headers
        mapping = auto_mapping(headers)
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows) + 1)
        self.table.setHorizontalHeaderLabels([h or f"({i + 1})" for i, h in enumerate(headers)])
        self.table.setVerticalHeaderLabels([self.tr("字段")] + [str(number) for number, _values in rows])
        for column, fld in enumerate(mapping.fields):
            combo = QComboBox(self.table)
            combo.addItem(self.tr("（不导入）"), IGNORE)
            for spec in COLUMNS:
                combo.addItem(field_label(spec.field, self.wiz.ctx.lang), spec.field)
            combo.setCurrentIndex(max(0, combo.findData(fld)))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for r, (_number, values) in enumerate(rows, start=1):
            for c, value in enumerate(values[: len(headers)]):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self.info.setText(self.tr("表头在第 %1 行，共 %2 列。").replace("%1", str(header_row))
                          .replace("%2", str(len(headers))))
        self.loaded_path = path
        self._changed()

    def mapping(self) -> dict[str, str]:
        return {h: combo.currentData() for h, combo in zip(self.headers, self.combos, strict=False) if h}

    def _changed(self) -> None:
        fields = [c.currentData() for c in self.combos if c.currentData()]
        twice = {f for f in fields if fields.count(f) > 1}
        if self.loaded_path and "name" not in fields:
            self.info.setStyleSheet(ERROR_STYLE)
            self.info.setText(self.tr("请指定“名称”对应哪一列。"))
        elif twice:
            self.info.setStyleSheet(ERROR_STYLE)
            self.info.setText(self.tr("同一字段对应了两列：%1").replace(
                "%1", "、".join(field_label(f, self.wiz.ctx.lang) for f in sorted(twice))))
        elif self.loaded_path:
            self.info.setStyleSheet("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt API
        fields = [c.currentData() for c in self.combos if c.currentData()]
        return self.loaded_path is not None and "name" in fields and len(fields) == len(set(fields))


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("检查结果"))
        self.setSubTitle(self.tr("逐行检查并与登记簿比对的结果。此时尚未写入任何数据。"))
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.problems = QTableWidget(0, 4, self)
        self.problems.setObjectName("problems")
        self.problems.setHorizontalHeaderLabels([self.tr("行"), self.tr("列"), self.tr("表头"), self.tr("问题")])
        for column in range(3):
            self.problems.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.skip = QCheckBox(self.tr("跳过不合格行：先导入合格的行，不合格行连同原因另存为 .xlsx"), self)
        self.skip.setObjectName("skip_invalid")
        self.skip.toggled.connect(self.completeChanged)
        # direct entry is an administrator's (legacy_entry); everyone else's new rows go to review as filings
        self.legacy = QCheckBox(self.tr("新增的行作为历史档案直接录入登记簿（不经审核，仅管理员）"), self)
        self.legacy.setObjectName("legacy")
        self.review_note = QLabel(self.tr("导入后，新增的行成为成立登记申请、变更的行成为变更登记申请，由审核人员审核后才写入登记簿。"), self)
        self.review_note.setObjectName("review_note")
        self.default_note = self.review_note.text()
        self.review_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.skip)
        layout.addWidget(self.review_note)
        layout.addWidget(self.legacy)
        self.report: ledger.ImportReport | inspection_sheet.SheetReport | None = None

    def initializePage(self) -> None:  # Qt API
        self.report = None
        self.problems.setRowCount(0)
        self.skip.setChecked(False)
        self.skip.setVisible(False)
        self.legacy.setChecked(False)
        inspection = self.wiz.file_page.is_inspection()
        self.legacy.setVisible(self.wiz.ctx.may("legacy_entry") and not inspection)
        self.review_note.setText(self.tr("导入后，各行成为待审核的年检记录，由导入人以外的审核人员逐份作出结论。")
                                 if inspection else self.default_note)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("正在检查…"))
        path, year = self.wiz.file_page.path(), self.wiz.file_page.year.value()
        ctx = self.wiz.ctx
        if inspection:
            work = lambda job: preview_inspection(ctx, path=path, year=year, job=job)  # noqa: E731
        else:
            mapping = self.wiz.mapping_page.mapping()
            work = lambda job: preview(ctx, path=path, mapping=mapping, job=job)  # noqa: E731
        ctx.runner.run(work, on_success=self._show, on_failure=self._failed, on_progress=self._progress,
                       key="import-preview")

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(self.wiz.ctx.message(exc))

    def _show(self, report: ledger.ImportReport | inspection_sheet.SheetReport) -> None:
        self.report = report
        self.progress.setVisible(False)
        lang = self.wiz.ctx.lang
        c = report.counts()
        if isinstance(report, inspection_sheet.SheetReport):
            text = self.tr("数据行 %1：新登记 %2，修改草稿 %3，不合格 %4；跳过 %5 行。")
            keys: tuple[str, ...] = ("rows", "new", "corrected", "invalid", "skipped")
        else:
            text = self.tr("数据行 %1：新增 %2，变更 %3，无变化 %4，不合格 %5；跳过 %6 行。")
            keys = ("rows", "new", "changed", "unchanged", "invalid", "skipped")
        for i, key in enumerate(keys, start=1):
            text = text.replace(f"%{i}", str(c[key]))
        notes = "\n".join(n.message(lang) for n in report.notes)
        self.summary.setText(text + ("\n" + notes if notes else ""))
        rows: list[tuple[str, str, str, str]] = [
            (str(p.row), p.column or "", p.header or field_label(p.field, lang), p.message(lang))
            for p in report.problems]
        for changed in report.changes if isinstance(report, ledger.ImportReport) else []:
            for change in changed.changes:
                d = change.as_dict(lang)
                rows.append((str(changed.row), "", d["label"], self.tr("变更：%1 → %2").replace(
                    "%1", d["old"] or "—").replace("%2", d["new"] or "—")))
        rows.sort(key=lambda r: int(r[0]))
        self.problems.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c_, value in enumerate(values):
                self.problems.setItem(r, c_, QTableWidgetItem(value))
        self.skip.setVisible(report.invalid > 0 and isinstance(report, ledger.ImportReport))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt API
        r = self.report
        if r is None:
            return False
        if isinstance(r, inspection_sheet.SheetReport):  # all or nothing: no rows are skipped
            return r.new + r.corrected > 0 and r.invalid == 0
        if r.new + r.changed == 0:
            return False
        return r.invalid == 0 or self.skip.isChecked()


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("导入"))
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("取消导入"), self)
        self.cancel_button.setObjectName("cancel_import")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.op: Op | None = None
        self.result: ledger.ImportReport | inspection_sheet.SheetReport | None = None
        self.cancelled = False

    def initializePage(self) -> None:  # Qt API
        self.result, self.cancelled = None, False
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在导入…"))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        ctx, path = self.wiz.ctx, self.wiz.file_page.path()
        if self.wiz.file_page.is_inspection():
            year = self.wiz.file_page.year.value()
            work = lambda job: run_inspection_import(ctx, path=path, year=year, job=job)  # noqa: E731
        else:
            mapping = self.wiz.mapping_page.mapping()
            skip = self.wiz.report_page.skip.isChecked()
            legacy = self.wiz.report_page.legacy.isChecked() and ctx.may("legacy_entry")
            work = lambda job: run_import(ctx, path=path, mapping=mapping, skip_invalid=skip,  # noqa: E731
                                          job=job, legacy=legacy)
        self.op = ctx.runner.run(work, on_success=self._done, on_failure=self._failed, on_progress=self._progress)
        self.op.finished.connect(self._finished)

    def cancel(self) -> None:
        if self.op is not None and not self.op.done:
            self.cancelled = True
            self.op.cancel()
            self.status.setText(self.tr("正在取消…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _done(self, report: ledger.ImportReport | inspection_sheet.SheetReport) -> None:
        self.result = report
        if not report.imported:  # the register changed between the check and the import
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("有 %1 行不合格，未导入。请返回查看。").replace("%1", str(report.invalid)))
            return
        # the same sentence as the CLI's: where the new and the changed rows went (filings waiting for review)
        text = report.summary(self.wiz.ctx.lang)
        if isinstance(report, inspection_sheet.SheetReport):  # records of a campaign: the workbench reloads
            self.status.setText(text)
            self.wiz.ctx.changed(Changes(extra={"inspection": True, "year": report.year}))
            self.wiz.imported.emit(report)
            return
        if report.rejected_file:
            text += "\n" + self.tr("不合格行已另存为 %1").replace("%1", report.rejected_file)
        self.status.setText(text)
        self.wiz.ctx.changed(Changes(organizations=True))
        self.wiz.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(self.wiz.ctx.message(exc))

    def _finished(self) -> None:
        self.cancel_button.setEnabled(False)
        if self.result is not None and self.result.imported:
            # done and committed: nothing to go back to or cancel, only 完成
            self.cancel_button.setVisible(False)
            self.wiz.setOption(QWizard.WizardOption.NoCancelButton, True)
            self.wiz.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if self.result else 0)
        if self.result is None and self.cancelled:
            self.status.setText(self.tr("导入已取消，数据库未作任何改动。"))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt API
        return self.op is not None and self.op.done


class ImportWizard(QWizard):
    """Import a ledger: file, columns, report, import.  ``imported`` carries the report once written."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, path: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("导入台账"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(980, 640)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.report_page = ReportPage(self)
        self.import_page = ImportPage(self)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_REPORT, self.report_page)
        self.setPage(PAGE_IMPORT, self.import_page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("导入"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.report_page.setCommitPage(True)
        if path:
            self.file_page.path_edit.setText(path)

    def reject(self) -> None:
        op = self.import_page.op
        if op is not None and not op.done:
            self.import_page.cancel()
            return  # closes once the cancelled import has rolled back
        super().reject()


# -- File menu ---------------------------------------------------------------------------------------------------
def open_import_wizard(window: Any) -> ImportWizard:
    wizard = ImportWizard(window.ctx, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard


def export_dialog(window: Any, path: str | None = None) -> Op | None:
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("LedgerActions", "导出名录"), QCoreApplication.translate("LedgerActions", "社会组织名录.xlsx"),
                                              "Excel (*.xlsx);;CSV (*.csv)")
    if not path:
        return None
    flt = window.filter_bar.current()
    db = window.ctx.db
    window.statusBar().showMessage(QCoreApplication.translate("LedgerActions", "正在导出…"))

    def done(result: ledger.ExportResult) -> None:
        window.statusBar().showMessage(QCoreApplication.translate("LedgerActions", "已导出 %1 个组织到 %2").replace("%1", str(result.rows))
                                       .replace("%2", result.path), 10_000)

    by = window.ctx.user
    return window.ctx.runner.run(lambda job: ledger.export_register(db, path, flt=flt, by=by,
                                                                    progress=job.progress),
                                 on_success=done, on_failure=window._error, on_progress=window.show_progress)


def template_dialog(window: Any) -> None:
    path, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("LedgerActions", "导出导入模板"), QCoreApplication.translate("LedgerActions", "社会组织台账模板.xlsx"), "Excel (*.xlsx)")
    if not path:
        return
    db = window.ctx.db
    window.ctx.runner.run(lambda _job: ledger.write_template(db, path),
                          on_success=lambda r: window.statusBar().showMessage(
                              QCoreApplication.translate("LedgerActions", "已导出模板 %1").replace("%1", r.path), 10_000),
                          on_failure=window._error)
