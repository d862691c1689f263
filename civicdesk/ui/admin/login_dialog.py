"""Logging in and passwords: the start-up login, the change-password dialog, and a password-twice field.

:class:`LoginDialog` checks the name and password with :func:`auth.authenticate` on the runner and says in words
what went wrong (wrong password, account locked, account disabled); ``logged_in`` carries the
:class:`~civicdesk.services.admin.auth.UserInfo`.  :func:`login_if_needed` is what start-up and a database switch
call.  :class:`PasswordPair` is the "password twice" pair with the strength rule, shared by the set-up wizard's
first-admin page and the user management dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.ui.labels import user_display
from civicdesk.ui.runner import Runner

ERROR_STYLE = "color: #b00020;"


def words(exc: BaseException, lang: str) -> str:
    if isinstance(exc, CivicDeskError):
        return exc.message(lang)
    return f"{type(exc).__name__}: {exc}"


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


class PasswordPair(QWidget):
    """A new password typed twice, with what is wrong with it in words beneath (strength, mismatch).

    Given ``form``, its rows go into that form (aligned with the dialog's other fields: a form of its own has
    its own label column, and the fields did not line up) and the widget itself stays hidden."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, form: QFormLayout | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self.lang = lang  # the language of the words under the fields
        self.first = _password_edit("password")
        self.second = _password_edit("password_again")
        self.first.setPlaceholderText(self.tr("至少8位，须同时包含字母和数字"))
        self.message = QLabel()
        self.message.setObjectName("password_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        if form is None:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
        else:
            self.setVisible(False)  # an empty holder: the rows live in the caller's form
        form.addRow(self.tr("密码："), self.first)
        form.addRow(self.tr("再次输入密码："), self.second)
        form.addRow("", self.message)
        for edit in (self.first, self.second):
            edit.textChanged.connect(self._typed)

    def setEnabled(self, enabled: bool) -> None:  # Qt name; the rows may live in another form
        super().setEnabled(enabled)
        self.first.setEnabled(enabled)
        self.second.setEnabled(enabled)

    def problem(self) -> str | None:
        """What is wrong, in words; None when the pair is a good password."""
        first, second = self.first.text(), self.second.text()
        try:
            auth.check_password_strength(first)
        except CivicDeskError as exc:
            return exc.message(self.lang)
        if first != second:
            return CivicDeskError("auth.passwords_differ").message(self.lang)
        return None

    def password(self) -> str:
        return self.first.text()

    def show_problem(self) -> None:
        self.message.setText(self.problem() or "")

    def _typed(self) -> None:
        # calm while the first is typed; once the second is being typed, say what is wrong
        self.message.setText(self.problem() or "" if self.second.text() else "")
        self.changed.emit()


class LoginDialog(QDialog):
    """User name and password; the reason a login fails in words; ``logged_in`` on success."""

    logged_in = Signal(object)  # UserInfo

    def __init__(self, db: Database, runner: Runner, parent: QWidget | None = None, *, lang: str = "zh",
                 username: str = "") -> None:
        super().__init__(parent)
        self.db, self.runner, self.lang = db, runner, lang
        self.user: auth.UserInfo | None = None
        self._busy = False
        self.setWindowTitle(self.tr("登录 CivicDesk"))
        office = db.office_or_none()
        heading = QLabel(office.name if office else "CivicDesk")
        heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.username.setMaxLength(32)
        self.password = _password_edit("password")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("密码："), self.password)
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setDefault(True)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        self.login_button.clicked.connect(self.try_login)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.password if username else self.username).setFocus()

    def try_login(self) -> None:
        if self._busy:
            return
        name, password = self.username.text().strip(), self.password.text()
        if not name or not password:
            self.message.setText(self.tr("请输入用户名和密码。"))
            return
        self._busy = True
        self.login_button.setEnabled(False)
        self.message.setText(self.tr("正在验证…"))
        db = self.db
        self.runner.run(lambda _job: auth.authenticate(db, name, password), on_success=self._succeeded,
                        on_failure=self._failed)

    def _succeeded(self, user: auth.UserInfo) -> None:
        self._busy = False
        self.user = user
        self.message.clear()
        self.logged_in.emit(user)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.login_button.setEnabled(True)
        self.message.setText(words(exc, self.lang))
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def login_if_needed(db: Database, runner: Runner, parent: QWidget | None = None, *,
                    lang: str = "zh") -> tuple[bool, auth.UserInfo | None]:
    """Ask for a login when the database has accounts.  (True, None): no accounts, go on as the system;
    (True, user): logged in; (False, None): the login was cancelled."""
    if not auth.has_users(db):
        return True, None
    dialog = LoginDialog(db, runner, parent, lang=lang)
    if dialog.exec() and dialog.user is not None:
        return True, dialog.user
    return False, None


class ChangePasswordDialog(QDialog):
    """The logged-in user changes their own password (the old one is checked like a login)."""

    changed = Signal()

    def __init__(self, db: Database, runner: Runner, user: auth.UserInfo, parent: QWidget | None = None, *,
                 lang: str = "zh") -> None:
        super().__init__(parent)
        self.db, self.runner, self.user, self.lang = db, runner, user, lang
        self._busy = False
        self.setWindowTitle(self.tr("修改密码"))
        self.old = _password_edit("old_password")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("用户："), QLabel(user_display(user, lang)))
        form.addRow(self.tr("原密码："), self.old)
        self.pair = PasswordPair(self, form=form, lang=lang)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("修改"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.try_change)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def try_change(self) -> None:
        if self._busy:
            return
        problem = self.pair.problem()
        if problem:
            self.pair.show_problem()
            return
        self._busy = True
        self.ok_button.setEnabled(False)
        db, name, old, new = self.db, self.user.username, self.old.text(), self.pair.password()
        self.runner.run(lambda _job: auth.change_password(db, name, old, new), on_success=self._succeeded,
                        on_failure=self._failed)

    def _succeeded(self, _result: object) -> None:
        self._busy = False
        self.changed.emit()  # the caller says so in its status bar
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        self.message.setText(words(exc, self.lang))
