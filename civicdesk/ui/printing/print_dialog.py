"""File > 打印…: choose a document (名录, 登记信息表, 统计报告, 年检结果公告, 抽查结果 …) and its options, preview its pages inside the
application, and save it as a PDF.  Both run in the background-op runner with a progress bar and cancel; a
cancelled save leaves no file (the service writes under a temporary name and renames at the end).

The register's default filter is the main window's current one; the organization sheet defaults to the
selected organization.  The preview is the real PDF rendered by PDFium (pypdfium2), first pages only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk import clock
from civicdesk.services import printing
from civicdesk.services.register.browse import RegisterFilter
from civicdesk.services.supervision import spotcheck
from civicdesk.services.printing.kind_credit import CreditListOptions, PenaltiesOptions
from civicdesk.services.printing.kind_inspection import InspectionOptions
from civicdesk.services.printing.kind_spotcheck import PUBLISHABLE, SpotcheckOptions
from civicdesk.services.printing.kind_statistics import StatisticsOptions
from civicdesk.services.printing.preview import PageImage, render_pages
from civicdesk.services.printing.register import GROUPS, RegisterOptions
from civicdesk.ui.context import AppContext
from civicdesk.ui.labels import Labels
from civicdesk.ui.runner import Job, Op

PREVIEW_PAGES = 6
PREVIEW_DPI = 72.0
PREVIEW_WIDTH = 740  # pixels: a landscape page fits the preview pane


def print_op(ctx: AppContext, kind: str, options: Any, target: Path, *, public: bool, reveal_ids: bool,
             preview: bool = False):  # returns the op's function
    """The op that prints (and, for a preview, renders the first pages) on the runner's worker."""
    db = ctx.db
    by = getattr(ctx, "user", None)
    font = ctx.settings.value("printing/font") or None

    def run(job: Job) -> tuple[Any, list[PageImage]]:
        result = printing.print_document(db, kind, options, target, public=public, reveal_ids=reveal_ids,
                                         by=by, font=font, progress=job.progress)
        pages = render_pages(target, dpi=PREVIEW_DPI, last=PREVIEW_PAGES, max_width=PREVIEW_WIDTH) if preview else []
        return result, pages

    return run


class PrintDialog(QDialog):
    """Options on the left, the preview on the right, progress and buttons below."""

    printed = Signal(object)  # PrintResult of a saved PDF
    previewed = Signal(object)  # PrintResult of the preview
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, labels: Labels, parent: Any = None, *,
                 current_filter: RegisterFilter | None = None, selected_id: str | None = None,
                 selected_name: str | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.labels = ctx, labels
        self.current_filter = current_filter or RegisterFilter()
        self.setObjectName("print_dialog")
        self.setWindowTitle(self.tr("打印"))
        self.resize(1180, 760)
        self.op: Op | None = None
        self._closed = False  # callbacks of a job still running when the dialog closed are ignored
        self._preview_dir = tempfile.TemporaryDirectory(prefix="civicdesk-preview-")
        self._previews = 0

        left = self._build_options(selected_id, selected_name)
        self._build_preview()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 800])

        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.preview_button.clicked.connect(self.start_preview)
        self.save_button.clicked.connect(self.choose_and_save)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self._kind_changed()

    def _build_options(self, selected_id: str | None, selected_name: str | None) -> QWidget:
        """The left side: the kind of document, its own options (one panel a kind), the version."""
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        form = QFormLayout()
        left_layout.addLayout(form)
        left_layout.addStretch(1)
        self.kind = QComboBox(left)
        self.kind.setObjectName("kind")
        names = {"register": self.tr("社会组织名录"), "organization": self.tr("社会组织登记信息表"),
                 "statistics": self.tr("社会组织统计报告"), "filings": self.tr("申请事项办理情况表"),
                 "inspection": self.tr("年检结果公告、参检情况报告"), "spotcheck": self.tr("“双随机、一公开”抽查结果"),
                 "credit-list": self.tr("活动异常名录、严重违法失信名单"), "penalties": self.tr("行政处罚决定公示"),
                 "dashboard": self.tr("社会组织工作概览（图表）"), "projects": self.tr("政府购买服务项目一览表"),
                 "venture-report": self.tr("公益创投项目评审结果报告、金点子大赛结果报告")}
        for kind in printing.kinds():
            self.kind.addItem(names.get(kind.name, kind.label), kind.name)
        form.addRow(self.tr("文档："), self.kind)
        self.pages = QStackedWidget(left)
        form.addRow(self.pages)
        reg = self._build_register_panel()
        org = self._build_organization_panel(selected_id, selected_name)
        stats = self._build_statistics_panel()
        insp = self._build_inspection_panel()
        spot = self._build_spotcheck_panel()
        credit = self._build_credit_panel()
        penalties = self._build_penalties_panel()
        other = QLabel(self.tr("（此文档无其他选项）"), self.pages)
        self._panels = {"register": reg, "organization": org, "statistics": stats, "inspection": insp,
                        "spotcheck": spot, "credit-list": credit, "penalties": penalties, "": other}
        for panel in (reg, org, stats, insp, spot, credit, penalties, other):
            self.pages.addWidget(panel)
        self.internal = QRadioButton(self.tr("内部版（身份证号码隐去中间位）"), left)
        self.public = QRadioButton(self.tr("公开版（隐去身份证号码、电话号码和内部备注）"), left)
        self.public.setObjectName("public")
        self.internal.setChecked(True)
        versions = QButtonGroup(self)
        versions.addButton(self.internal)
        versions.addButton(self.public)
        form.addRow(self.tr("版本："), self.internal)
        form.addRow("", self.public)
        self.reveal = QCheckBox(self.tr("显示完整身份证号码（须有权限）"), left)
        self.reveal.setEnabled(self._may_reveal())
        self.public.toggled.connect(lambda on: self.reveal.setEnabled(not on and self._may_reveal()))
        form.addRow("", self.reveal)
        return left

    def _build_register_panel(self) -> QWidget:
        """The register's options: the main window's filter or not, and the grouping."""
        reg = QWidget(self.pages)
        reg_form = QFormLayout(reg)
        reg_form.setContentsMargins(0, 0, 0, 0)
        self.use_filter = QCheckBox(self.tr("按主窗口当前的筛选和检索"), reg)
        self.use_filter.setChecked(True)
        reg_form.addRow(self.use_filter)
        self.filter_words = QLabel(self._filter_words(self.current_filter), reg)
        self.filter_words.setWordWrap(True)
        reg_form.addRow(self.filter_words)
        self.group = QComboBox(reg)
        self.group.setObjectName("group")
        group_words = {"legal_form": self.tr("按组织类型"), "township": self.tr("按乡镇（街道）"),
                       "division": self.tr("按县（市、区）"), "none": self.tr("不分组")}
        for key in GROUPS:
            self.group.addItem(group_words[key], key)
        reg_form.addRow(self.tr("分组："), self.group)
        return reg

    def _build_organization_panel(self, selected_id: str | None, selected_name: str | None) -> QWidget:
        """The organization sheet's option: which organization (the selected one by default)."""
        org = QWidget(self.pages)
        org_form = QFormLayout(org)
        org_form.setContentsMargins(0, 0, 0, 0)
        self.org_key = QLineEdit(selected_id or "", org)
        self.org_key.setObjectName("org_key")
        self.org_key.setPlaceholderText(self.tr("组织 id 或统一社会信用代码"))
        org_form.addRow(self.tr("组织："), self.org_key)
        if selected_name:
            org_form.addRow(QLabel(selected_name, org))
        return org

    def _build_statistics_panel(self) -> QWidget:
        """The statistics report's option: this office's area or one county."""
        stats = QWidget(self.pages)
        stats_form = QFormLayout(stats)
        stats_form.setContentsMargins(0, 0, 0, 0)
        self.division = QComboBox(stats)
        self.division.setObjectName("division")
        self.division.addItem(self.tr("本单位辖区"), None)
        for d in sorted((d for d in self.labels.divisions.values() if d.level == "county"), key=lambda d: d.code):
            self.division.addItem(d.name, d.code)
        stats_form.addRow(self.tr("范围："), self.division)
        return stats

    def _build_inspection_panel(self) -> QWidget:
        """The inspection's options: the year inspected (last year by default) and which report."""
        panel = QWidget(self.pages)
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 0, 0)
        self.inspection_year = QSpinBox(panel)
        self.inspection_year.setObjectName("inspection_year")
        self.inspection_year.setRange(1990, clock.today().year)
        self.inspection_year.setValue(clock.today().year - 1)
        form.addRow(self.tr("年度："), self.inspection_year)
        self.inspection_report = QComboBox(panel)
        self.inspection_report.setObjectName("inspection_report")
        self.inspection_report.addItem(self.tr("年检结果公告"), "notice")
        self.inspection_report.addItem(self.tr("参检情况报告（参检率）"), "participation")
        form.addRow(self.tr("文档："), self.inspection_report)
        return panel

    def _build_spotcheck_panel(self) -> QWidget:
        """The spot-check results' option: which drawn plan (saved as .pdf or .xlsx)."""
        panel = QWidget(self.pages)
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 0, 0)
        self.spotcheck_plan = QComboBox(panel)
        self.spotcheck_plan.setObjectName("spotcheck_plan")
        for plan in spotcheck.list_plans(self.ctx.db):
            if plan.state in PUBLISHABLE:
                words = self.tr("%1年度 %2（抽取 %3 个）").replace("%1", str(plan.year)).replace(
                    "%2", plan.title or plan.id[:8]).replace("%3", str(plan.drawn_count or 0))
                self.spotcheck_plan.addItem(words, plan.id)
        form.addRow(self.tr("抽查计划："), self.spotcheck_plan)
        form.addRow(QLabel(self.tr("保存时可选 PDF 或 Excel（.xlsx）。"), panel))
        return panel

    def _build_credit_panel(self) -> QWidget:
        """The credit lists' options: which list, and whether removed listings are printed too."""
        panel = QWidget(self.pages)
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 0, 0)
        self.credit_list = QComboBox(panel)
        self.credit_list.setObjectName("credit_list")
        self.credit_list.addItem(self.tr("两个名单"), "all")
        self.credit_list.addItem(self.tr("活动异常名录"), "abnormal")
        self.credit_list.addItem(self.tr("严重违法失信名单"), "serious")
        form.addRow(self.tr("名单："), self.credit_list)
        self.credit_state = QComboBox(panel)
        self.credit_state.setObjectName("credit_state")
        self.credit_state.addItem(self.tr("在列的"), "current")
        self.credit_state.addItem(self.tr("含已移出的"), "all")
        form.addRow(self.tr("范围："), self.credit_state)
        form.addRow(QLabel(self.tr("保存时可选 PDF、Excel（.xlsx）或 CSV（供网站公开）。"), panel))
        return panel

    def _build_penalties_panel(self) -> QWidget:
        """The penalties' option: the year decided (this year by default)."""
        panel = QWidget(self.pages)
        form = QFormLayout(panel)
        form.setContentsMargins(0, 0, 0, 0)
        self.penalty_year = QSpinBox(panel)
        self.penalty_year.setObjectName("penalty_year")
        self.penalty_year.setRange(1990, clock.today().year)
        self.penalty_year.setValue(clock.today().year)
        form.addRow(self.tr("年度："), self.penalty_year)
        form.addRow(QLabel(self.tr("保存时可选 PDF、Excel（.xlsx）或 CSV（供网站公开）。"), panel))
        return panel

    def _build_preview(self) -> None:
        """The right side: the pages of the last preview on a grey ground."""
        self.preview_area = QScrollArea(self)
        self.preview_area.setObjectName("preview")
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_box = QWidget()
        self.preview_layout = QVBoxLayout(self.preview_box)
        self.preview_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_note = QLabel(self.tr("点击“预览”查看打印效果。"), self.preview_box)
        self.preview_layout.addWidget(self.preview_note)
        self.preview_area.setWidget(self.preview_box)
        self.preview_area.setStyleSheet("QScrollArea { background: #8a8a8a; }")

    def _build_buttons(self) -> QHBoxLayout:
        """Status and progress, then preview, save, cancel and close."""
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.preview_button = QPushButton(self.tr("预览"), self)
        self.save_button = QPushButton(self.tr("保存为 PDF…"), self)
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消打印"), self)
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("关闭"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.progress)
        for b in (self.preview_button, self.save_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        return buttons

    # -- options -------------------------------------------------------------------------------------
    def _may_reveal(self) -> bool:
        may = getattr(self.ctx, "may", None)
        return bool(may("reveal_ids")) if callable(may) and getattr(self.ctx, "user", None) is not None else False

    def _filter_words(self, flt: RegisterFilter) -> str:
        parts = []
        for kind, value in (("legal_form", flt.legal_form), ("tier", flt.tier), ("category", flt.category),
                            ("community_subtype", flt.community_subtype), ("status", flt.status)):
            if value and value != "live":
                parts.append(self.labels.label(kind, value))
        for code in (flt.division_code, flt.township_code):
            if code:
                parts.append(self.labels.division(code))
        if flt.text:
            parts.append(self.tr("检索“%1”").replace("%1", flt.text))
        if flt.status is None:
            parts.append(self.tr("全部状态"))
        return self.tr("当前筛选：") + ("，".join(parts) if parts else self.tr("全部存续组织"))

    def _kind_changed(self) -> None:
        self.pages.setCurrentWidget(self._panels.get(self.current_kind(), self._panels[""]))

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def options(self) -> Any:
        kind = self.current_kind()
        if kind == "register":
            flt = self.current_filter if self.use_filter.isChecked() else RegisterFilter()
            return RegisterOptions(filter=flt, group_by=str(self.group.currentData()))
        if kind == "organization":
            return {"key": self.org_key.text().strip()}
        if kind == "statistics":
            return StatisticsOptions(division=self.division.currentData())
        if kind == "inspection":
            return InspectionOptions(self.inspection_year.value(), str(self.inspection_report.currentData()))
        if kind == "spotcheck":
            return SpotcheckOptions(str(self.spotcheck_plan.currentData() or ""))
        if kind == "credit-list":
            return CreditListOptions(str(self.credit_list.currentData()), str(self.credit_state.currentData()))
        if kind == "penalties":
            return PenaltiesOptions(self.penalty_year.value())
        document = printing.get_kind(kind)  # a kind added later (filings …): its own defaults
        return document.default_options() if document.default_options else None

    # -- running ---------------------------------------------------------------------------------------
    def _start(self, target: Path, preview: bool) -> None:
        if self.op is not None and not self.op.done:
            return
        fn = print_op(self.ctx, self.current_kind(), self.options(), target, public=self.public.isChecked(),
                      reveal_ids=self.reveal.isChecked() and self.reveal.isEnabled(), preview=preview)
        self._busy(True)
        self.status.setText(self.tr("正在生成预览…") if preview else self.tr("正在打印…"))
        self.op = self.ctx.runner.run(
            fn, on_success=lambda r: self._done(r, preview), on_failure=self._failed, on_progress=self._progress)
        self.op.finished.connect(self._finished)

    def start_preview(self) -> None:
        self._previews += 1
        self._start(Path(self._preview_dir.name) / f"preview-{self._previews}.pdf", preview=True)

    def _spreadsheet_suffixes(self) -> tuple[str, ...]:
        document = printing.get_kind(self.current_kind())
        return document.spreadsheet_suffixes if document.spreadsheet is not None else ()

    def choose_and_save(self) -> None:
        start = str(Path.home() / f"{self.kind.currentText()}.pdf")
        suffixes = self._spreadsheet_suffixes()
        types = self.tr("PDF 文件 (*.pdf)") + (";;" + self.tr("Excel 工作簿 (*.xlsx)") if ".xlsx" in suffixes else "") \
            + (";;" + self.tr("CSV 文件 (*.csv)") if ".csv" in suffixes else "")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存为 PDF"), start, types)
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Print to ``path`` (the file dialog's choice; tests call this directly); .xlsx (.csv) for a kind that has
        it."""
        if path.suffix.lower() != ".pdf" and path.suffix.lower() not in self._spreadsheet_suffixes():
            path = path.with_suffix(".pdf")
        self._start(path, preview=False)

    def cancel(self) -> None:
        if self.op is not None and not self.op.done:
            self.op.cancel()
            self.status.setText(self.tr("正在取消…"))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(busy)
        for w in (self.preview_button, self.save_button, self.kind):
            w.setEnabled(not busy)

    def _progress(self, done: int, total: int) -> None:
        if self._closed:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, outcome: tuple[Any, list[PageImage]], preview: bool) -> None:
        if self._closed:
            return
        result, pages = outcome
        if preview:
            self._show_pages(result, pages)
            self.status.setText(self.tr("预览：%1，共 %2 页").replace("%1", result.title).replace("%2", str(result.pages)))
            self.previewed.emit(result)
        else:
            self.status.setText(self.tr("已保存：%1（共 %2 页）").replace("%1", str(result.path))
                                .replace("%2", str(result.pages)))
            self.printed.emit(result)

    def _failed(self, exc: BaseException) -> None:
        if self._closed:
            return
        text = self.ctx.message(exc)
        self.status.setText(text)
        self.failed.emit(text)
        if self.isVisible():
            QMessageBox.warning(self, self.tr("打印未完成"), text)

    def _finished(self) -> None:
        if self._closed:
            return
        op = self.op
        self._busy(False)
        if op is not None and op.job.cancelled:
            self.status.setText(self.tr("已取消，未生成文件。"))
            self.cancelled.emit()

    def _show_pages(self, result: Any, pages: list[PageImage]) -> None:
        while self.preview_layout.count():
            item = self.preview_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for page in pages:
            image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB888).copy()
            label = QLabel(self.preview_box)
            label.setObjectName(f"page_{page.number}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; margin: 6px;")
            self.preview_layout.addWidget(label)
        if result.pages > len(pages):
            more = QLabel(self.tr("（仅预览前 %1 页，共 %2 页）").replace("%1", str(len(pages)))
                          .replace("%2", str(result.pages)), self.preview_box)
            more.setStyleSheet("color: white;")
            self.preview_layout.addWidget(more)

    def preview_pixmaps(self) -> list[QPixmap]:
        return [w.pixmap() for w in self.preview_box.findChildren(QLabel) if w.objectName().startswith("page_")]

    def done(self, result: int) -> None:
        self.cancel()
        self._closed = True
        if self.op is not None and not self.op.done:
            self.ctx.runner.wait(30_000)  # a cancelled job stops at its next progress report
        super().done(result)
        self._preview_dir.cleanup()


def open_print_dialog(window: Any) -> PrintDialog:
    """File > 打印… of the main window: the current filter and the selected organization as defaults."""
    selected = window.selected_id() if hasattr(window, "selected_id") else None
    name = None
    if selected is not None and hasattr(window, "model"):
        row = window.model.row_of_id(selected) if hasattr(window.model, "row_of_id") else None
        name = window.model.data(window.model.index(row, 0)) if row is not None else None
    dialog = PrintDialog(window.ctx, window.labels, window, current_filter=window.filter_bar.current(),
                         selected_id=selected, selected_name=name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
