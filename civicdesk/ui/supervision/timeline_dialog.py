"""监管记录: an organization's supervision timeline (``services/supervision/history.py``), newest first, read only.

One line per entry: the day, what it is (年检, 评估, 抽查, 约谈, 立案调查, 行政处罚, 信用名单, 举报投诉) and the
service's one-line summary, in the service's order.  Opened from the register's detail pane (its 监管 section)
and from the workbench's 约谈与处罚 and 举报投诉 tabs (the selected row's organization).  Nothing opens from a line
(Enter and a double click do nothing); 复制 (Ctrl+C) puts the selected lines, or every line when none is
selected, on the clipboard as tab-separated text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from civicdesk.ui.supervision.table import Column, RowRole, RowsFilter, RowsModel, make_view

if TYPE_CHECKING:
    from civicdesk.services.supervision.history import Entry, Timeline
    from civicdesk.ui.context import AppContext


def kind_label(kind: str) -> str:
    """The timeline's kinds in the GUI's words (the catalogue's summaries say the rest)."""
    words = {
        "inspection": QCoreApplication.translate("TimelineDialog", "年检"),
        "rating": QCoreApplication.translate("TimelineDialog", "等级评估"),
        "spotcheck": QCoreApplication.translate("TimelineDialog", "双随机抽查"),
        "interview": QCoreApplication.translate("TimelineDialog", "行政约谈"),
        "investigation": QCoreApplication.translate("TimelineDialog", "立案调查"),
        "penalty": QCoreApplication.translate("TimelineDialog", "行政处罚"),
        "penalty_withdrawn": QCoreApplication.translate("TimelineDialog", "处罚撤销"),
        "credit_listed": QCoreApplication.translate("TimelineDialog", "列入信用名单"),
        "credit_removed": QCoreApplication.translate("TimelineDialog", "移出信用名单"),
        "complaint": QCoreApplication.translate("TimelineDialog", "举报投诉"),
    }
    return words.get(kind, kind)


class TimelineDialog(QDialog):
    """The timeline of one organization (id or USCC), loaded on the runner when the dialog opens."""

    loaded = Signal(int)  # entries shown

    def __init__(self, ctx: AppContext, organization: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.organization = ctx, organization
        self.timeline: Timeline | None = None
        self.setObjectName("timeline_dialog")
        self.setWindowTitle(self.tr("监管记录"))
        self.resize(820, 480)
        lang = "zh" if ctx.lang.startswith("zh") else "en"
        self.model = RowsModel([Column("day", self.tr("日期"), 96),
                                Column("kind", self.tr("类别"), 110, text=lambda e: kind_label(e.kind)),
                                Column("summary", self.tr("摘要"), 400, stretch=True, text=lambda e: e.summary(lang))],
                               self, id_field="id")
        self.proxy = RowsFilter(self)
        self.table = make_view(self.model, self.proxy, "timeline", self)
        self.table.setSortingEnabled(False)  # the service's order: newest first, one day's in its kind order
        self.table.setSelectionMode(self.table.SelectionMode.ExtendedSelection)
        self.head = QLabel(self.tr("正在载入…"))
        self.head.setObjectName("timeline_head")
        self.head.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("复制(&C)"))
        self.copy_button.setObjectName("timeline_copy")
        self.copy_button.setToolTip(self.tr("把选中的记录（未选中时为全部记录）复制为文本"))
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.copy_button, self.close_button):
            button.setAutoDefault(False)
        self.copy_button.clicked.connect(lambda _checked=False: self.copy())
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table).activated.connect(self.copy)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        from civicdesk.services.supervision import history

        db, organization, user = self.ctx.db, self.organization, self.ctx.user
        self.ctx.runner.run(lambda _job: history.history(db, organization, by=user), on_success=self._show,
                            on_failure=self._failed, key=f"timeline:{id(self)}")

    def _show(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.model.set_rows(list(timeline.entries))
        self.head.setStyleSheet("")
        self.head.setText(self.tr("%1：共 %2 条监管记录，最新的在前。").replace("%1", timeline.organization_name)
                          .replace("%2", str(len(timeline.entries))))
        if timeline.entries:
            self.table.selectRow(0)
        self.table.setFocus()
        self.loaded.emit(len(timeline.entries))

    def _failed(self, exc: BaseException) -> None:
        self.head.setStyleSheet("color: #b00020;")
        self.head.setText(self.ctx.message(exc))

    def entries(self) -> list[Entry]:
        """The entries as shown, top to bottom."""
        return [self.proxy.data(self.proxy.index(r, 0), RowRole) for r in range(self.proxy.rowCount())]

    def text(self, only_selected: bool = True) -> str:
        """The lines as text: the organization, then date, kind and summary separated by tabs."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows()) if only_selected else []
        rows = rows or list(range(self.proxy.rowCount()))
        lines = [self.timeline.organization_name] if self.timeline is not None else []
        for r in rows:
            lines.append("\t".join(str(self.proxy.data(self.proxy.index(r, c)) or "")
                                   for c in range(self.model.columnCount())))
        return "\n".join(lines)

    def copy(self) -> str:
        text = self.text()
        QGuiApplication.clipboard().setText(text)
        return text

    def keyPressEvent(self, event: Any) -> None:  # Qt API: Enter on a line opens nothing (the dialog is read only)
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)


def open_timeline(ctx: AppContext, organization: str, parent: QWidget | None = None) -> TimelineDialog:
    """Show the timeline of ``organization`` (not modal: the clerk may keep it beside the register)."""
    dialog = TimelineDialog(ctx, organization, parent)
    dialog.show()
    return dialog
