"""User management for administrators: the accounts of this office, add one, disable or enable, change the
role, reset a password.  Accounts are never deleted (the audit trail names them)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from civicdesk import clock
from civicdesk.services.admin import auth
from civicdesk.services.admin.auth import UserInfo
from civicdesk.ui.context import AppContext
from civicdesk.ui.admin.login_dialog import ERROR_STYLE, PasswordPair
from civicdesk.ui.filings.filing_table_model import local_time

COLUMNS = ("用户名", "姓名", "角色", "状态", "最近登录")


def role_combo(lang: str) -> QComboBox:
    combo = QComboBox()
    for role in auth.ROLES:
        combo.addItem(auth.role_label(role, lang), role)
    return combo


class UserFormDialog(QDialog):
    """A new account (user name, name, role, password twice), or a new password for ``username``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, username: str | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.reset_for = ctx, username
        self._busy = False
        self.result_user: UserInfo | None = None
        self.setWindowTitle(self.tr("重置密码") if username else self.tr("新增用户"))
        self.username = QLineEdit(username or "")
        self.username.setObjectName("username")
        self.username.setEnabled(username is None)
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.role = role_combo(ctx.lang)
        self.role.setObjectName("role")
        self.role.setCurrentIndex(self.role.findData("clerk"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username)
        if username is None:
            form.addRow(self.tr("姓名："), self.full_name)
            form.addRow(self.tr("角色："), self.role)
        self.pair = PasswordPair(self, form=form, lang=ctx.lang)  # in the same form: the fields line up
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        if self._busy:
            return
        problem = self.pair.problem()
        if problem:
            self.pair.show_problem()
            return
        self._busy = True
        self.ok_button.setEnabled(False)
        db, by, password = self.ctx.db, self.ctx.user, self.pair.password()
        name = self.username.text().strip()
        if self.reset_for is not None:
            assert by is not None
            run: Any = lambda _job: auth.reset_password(db, name, password, by=by)  # noqa: E731
        else:
            full_name, role = self.full_name.text().strip(), self.role.currentData()
            run = lambda _job: auth.create_user(db, name, password, role, full_name=full_name, by=by)  # noqa: E731
        self.ctx.runner.run(run, on_success=self._done, on_failure=self._failed)

    def _done(self, result: Any) -> None:
        self._busy = False
        self.result_user = result if isinstance(result, UserInfo) else None
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        self.message.setText(self.ctx.message(exc))


class UsersDialog(QDialog):
    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[UserInfo] = []
        self.setObjectName("users_dialog")
        self.setWindowTitle(self.tr("用户管理"))
        self.resize(760, 420)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("users")
        self.table.setHorizontalHeaderLabels([self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态"),
                                              self.tr("最近登录")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("新增用户…"))
        self.toggle_button = QPushButton(self.tr("停用"))
        self.toggle_button.setObjectName("toggle_active")
        self.role = role_combo(ctx.lang)
        self.role.setObjectName("role")
        self.role_button = QPushButton(self.tr("更改角色"))
        self.reset_button = QPushButton(self.tr("重置密码…"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        note = QLabel(self.tr("用户账户不能删除：离职人员请停用，审计记录中的姓名始终可查。"))
        note.setStyleSheet("color: #666;")
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.toggle_button, self.role, self.role_button, self.reset_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(note)
        for button in (self.add_button, self.toggle_button, self.role_button, self.reset_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_user)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(lambda: self.change_role(self.role.currentData()))
        self.reset_button.clicked.connect(self.reset_password)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.reload()

    # -- the list ---------------------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        select = select or (self.selected().username if self.selected() else None)
        self.users = auth.list_users(self.ctx.db)  # a handful of rows: read on the GUI thread
        now = clock.utcnow()  # the accounts' times are naive UTC
        self.table.setRowCount(len(self.users))
        for r, u in enumerate(self.users):
            if not u.active:
                state = self.tr("已停用")
            elif u.locked_until is not None and u.locked_until > now:
                state = self.tr("已锁定")
            else:
                state = self.tr("在用")
            for c, text in enumerate((u.username, u.full_name, auth.role_label(u.role, self.ctx.lang), state,
                                      local_time(u.last_login_at))):
                item = QTableWidgetItem(text)
                if not u.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        if select:
            for r, u in enumerate(self.users):
                if u.username == select:
                    self.table.selectRow(r)
        self._selection_changed()
        self.loaded.emit(len(self.users))

    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def select(self, username: str) -> None:
        for r, u in enumerate(self.users):
            if u.username == username:
                self.table.selectRow(r)

    def _selection_changed(self) -> None:
        user = self.selected()
        for widget in (self.toggle_button, self.role_button, self.reset_button, self.role):
            widget.setEnabled(user is not None)
        if user is not None:
            self.toggle_button.setText(self.tr("停用") if user.active else self.tr("启用"))
            self.role.setCurrentIndex(self.role.findData(user.role))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.message.setText(text)
        if error:
            self.failed.emit(text)

    # -- actions ------------------------------------------------------------------------------------------------
    def _run(self, fn: Any, done_text: str, username: str) -> None:
        def ok(_result: Any) -> None:
            self.reload(select=username)
            self._say(done_text)

        self.ctx.runner.run(fn, on_success=ok, on_failure=lambda exc: self._say(self.ctx.message(exc), True))

    def toggle_active(self) -> None:
        user, by, db = self.selected(), self.ctx.user, self.ctx.db
        if user is None or by is None:
            return
        active = not user.active
        text = (self.tr("已启用 %1。") if active else self.tr("已停用 %1。")).replace("%1", user.username)
        self._run(lambda _job: auth.set_active(db, user.username, active, by=by), text, user.username)

    def change_role(self, role: str) -> None:
        user, by, db = self.selected(), self.ctx.user, self.ctx.db
        if user is None or by is None:
            return
        text = self.tr("%1 的角色已改为“%2”。").replace("%1", user.username).replace(
            "%2", auth.role_label(role, self.ctx.lang))
        self._run(lambda _job: auth.set_role(db, user.username, role, by=by), text, user.username)

    def add_user(self) -> UserFormDialog:
        dialog = UserFormDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._added(dialog))
        dialog.open()
        return dialog

    def _added(self, dialog: UserFormDialog) -> None:
        if dialog.result_user is not None:
            self.reload(select=dialog.result_user.username)
            self._say(self.tr("已新增用户 %1。").replace("%1", dialog.result_user.username))

    def reset_password(self) -> UserFormDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = UserFormDialog(self.ctx, self, username=user.username)
        dialog.accepted.connect(lambda: self._say(self.tr("已重置 %1 的密码（账户同时解锁）。").replace("%1", user.username)))
        dialog.accepted.connect(lambda: self.reload(select=user.username))
        dialog.open()
        return dialog
