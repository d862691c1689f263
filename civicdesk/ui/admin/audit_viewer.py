"""The audit trail for administrators: entries newest first, filtered by actor and action, a page at a time,
and a "核验审计链" button that recomputes the hash chain and says whether it is intact or where it breaks."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from civicdesk import messages
from civicdesk.services.admin import audit
from civicdesk.services.admin import auth
from civicdesk.services.admin.audit import AuditRecord, ChainReport
from civicdesk.ui.context import AppContext, Changes
from civicdesk.ui.labels import user_display

PAGE = 200
(COL_SEQ, COL_AT, COL_ACTOR, COL_ACTION, COL_ENTITY, COL_DETAILS) = range(6)
#: the columns; their headers are the catalogue's ``column.audit.*``
COLUMNS = ("seq", "at", "actor", "action", "entity", "details")
#: action prefixes offered by the filter -> words
ACTIONS = (("auth.", "登录与账户", "logins and accounts"), ("auth.login_failed", "登录失败", "failed logins"),
           ("data.", "数据修改", "data changes"), ("filing.", "申请事项（拒绝的操作）", "filings (refused actions)"),
           ("export", "导出", "exports"), ("print", "打印", "prints"), ("import", "导入", "imports"),
           ("sync", "同步", "sync"))
# the words of an action and of an entity are the catalogue's ``audit_action.*`` and ``audit_entity.*``
IdRole = Qt.ItemDataRole.UserRole + 1  # the entry's seq


def local(at: str) -> str:
    try:
        return datetime.fromisoformat(at).replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at


def details_text(record: AuditRecord) -> str:
    """The details in one line: changed fields as old → new, other keys as key=value."""
    d = dict(record.details)
    parts = []
    fields = d.pop("fields", None)
    if isinstance(fields, dict):
        for name, change in fields.items():
            if isinstance(change, dict):
                old, new = change.get("old"), change.get("new")
                parts.append(f"{name}: {'' if old is None else old} → {'' if new is None else new}"
                             if old is not None else f"{name}={new}")
    for key, value in d.items():
        parts.append(f"{key}={value}")
    return "；".join(parts)


class AuditTableModel(QAbstractTableModel):
    def __init__(self, lang: str = "zh", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[AuditRecord] = []

    def set_rows(self, rows: list[AuditRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record_at(self, row: int) -> AuditRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return messages.label(f"column.audit.{COLUMNS[section]}", self.lang)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == IdRole:
            return r.seq
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DETAILS:
            return details_text(r)
        if role == Qt.ItemDataRole.ForegroundRole and r.action in ("auth.login_failed", "filing.refused"):
            return QBrush(QColor("#b00020"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        zh = self.lang.startswith("zh")
        if column == COL_SEQ:
            return str(r.seq)
        if column == COL_AT:
            return local(r.at)
        if column == COL_ACTOR:
            return r.actor
        if column == COL_ACTION:
            words = messages.template(f"audit_action.{r.action}", self.lang)
            return f"{words}（{r.action}）" if words and zh else f"{words} ({r.action})" if words else r.action
        if column == COL_ENTITY:
            entity = messages.label(f"audit_entity.{r.entity}", self.lang, default=r.entity or "") if r.entity else ""
            shown = r.entity_id[:8] if r.entity_id and r.entity_id != "None" else ""  # inserts may lack an id
            return f"{entity} {shown}".strip()
        if column == COL_DETAILS:
            return details_text(r)
        return None


class AuditViewer(QDialog):
    loaded = Signal(int)
    verified = Signal(object)  # ChainReport

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("audit_viewer")
        self.setWindowTitle(self.tr("审计记录"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.resize(1100, 620)
        zh = ctx.lang.startswith("zh")
        self._pages: list[int | None] = [None]  # before_seq of each page shown so far (None: the newest)
        self.actor = QComboBox()
        self.actor.setObjectName("actor")
        self.actor.addItem(self.tr("全部操作人"), None)
        for user in auth.list_users(ctx.db):
            self.actor.addItem(user_display(user, ctx.lang), user.username)
        self.actor.addItem(self.tr("（系统）"), "(系统)")  # the audit trail's name for the program itself
        self.action = QComboBox()
        self.action.setObjectName("action")
        self.action.addItem(self.tr("全部操作"), None)
        for prefix, words_zh, words_en in ACTIONS:
            self.action.addItem(words_zh if zh else words_en, prefix)
        self.model = AuditTableModel(ctx.lang, self)
        self.table = QTableView()
        self.table.setObjectName("entries")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((60, 150, 100, 170, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        self.newer_button = QPushButton(self.tr("< 较新"))
        self.older_button = QPushButton(self.tr("较早 >"))
        self.page_label = QLabel()
        self.verify_button = QPushButton(self.tr("核验审计链"))
        self.verify_button.setObjectName("verify")
        self.report = QLabel()
        self.report.setObjectName("report")
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("操作人：")))
        filters.addWidget(self.actor)
        filters.addWidget(QLabel(self.tr("操作：")))
        filters.addWidget(self.action)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        paging = QHBoxLayout()
        paging.addWidget(self.newer_button)
        paging.addWidget(self.page_label)
        paging.addWidget(self.older_button)
        paging.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.report)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        for button in (self.newer_button, self.older_button, self.verify_button):
            button.setAutoDefault(False)
        self.actor.currentIndexChanged.connect(lambda _i: self.first_page())
        self.action.currentIndexChanged.connect(lambda _i: self.first_page())
        self.older_button.clicked.connect(self.older)
        self.newer_button.clicked.connect(self.newer)
        self.verify_button.clicked.connect(self.verify)
        ctx.signals.operation_executed.connect(self._operation_executed)
        self.first_page()

    # -- pages ------------------------------------------------------------------------------------------------
    def first_page(self) -> None:
        self._pages = [None]
        self._load()

    def older(self) -> None:
        last = self.model.record_at(self.model.rowCount() - 1)
        if last is None or self.model.rowCount() < PAGE:
            return
        self._pages.append(last.seq)
        self._load()

    def newer(self) -> None:
        if len(self._pages) > 1:
            self._pages.pop()
            self._load()

    def _load(self) -> None:
        db, actor, action, before = self.ctx.db, self.actor.currentData(), self.action.currentData(), self._pages[-1]
        by = self.ctx.user
        self.ctx.runner.run(
            lambda _job: audit.entries(db, actor=actor, action=action, limit=PAGE, before_seq=before, by=by),
            on_success=self._loaded, on_failure=lambda exc: self.report.setText(self.ctx.message(exc)),
            key="audit_viewer")

    def _loaded(self, rows: list[AuditRecord]) -> None:
        self.model.set_rows(rows)
        self.newer_button.setEnabled(len(self._pages) > 1)
        self.older_button.setEnabled(len(rows) >= PAGE)
        if rows:
            self.page_label.setText(self.tr("第 %1 页：第 %2–%3 条").replace("%1", str(len(self._pages)))
                                    .replace("%2", str(rows[-1].seq)).replace("%3", str(rows[0].seq)))
        else:
            self.page_label.setText(self.tr("没有符合条件的记录"))
        self.loaded.emit(len(rows))

    def _operation_executed(self, changes: Changes) -> None:
        if changes.database:
            self.close()
        elif len(self._pages) == 1:
            self._load()

    # -- the chain ---------------------------------------------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.report.setText(self.tr("正在核验…"))
        db = self.ctx.db
        self.ctx.runner.run(lambda _job: audit.verify(db), on_success=self._verified,
                            on_failure=self._verify_failed)

    def _verified(self, report: ChainReport) -> None:
        self.verify_button.setEnabled(True)
        self.report.setText(report.message("zh" if self.ctx.lang.startswith("zh") else "en"))
        self.report.setStyleSheet("color: #1b5e20; font-weight: bold;" if report.ok
                                  else "color: #b00020; font-weight: bold;")
        self.verified.emit(report)

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.report.setText(self.ctx.message(exc))
        self.report.setStyleSheet("color: #b00020;")
