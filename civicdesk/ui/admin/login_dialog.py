"""Logging in and passwords: the start-up login, the change-password dialog, and a password-twice field.

:class:`LoginDialog` checks the name and password with :func:`auth.authenticate` on the runner and says in words
what went wrong (wrong password, account locked, account disabled); ``logged_in`` carries the
:class:`~civicdesk.services.admin.auth.UserInfo`.  :func:`login_if_needed` is what start-up and a database switch
call; :func:`login_before_opening` is the start-up's login of a database that needs nothing else: painted before
the services load, which load while the clerk types.  :class:`PasswordPair` is the "password twice" pair with the
strength rule, shared by the set-up wizard's first-admin page and the user management dialog.

Nothing this module imports at its top imports SQLAlchemy (the services are imported where they are used).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget,
)

from civicdesk.errors import CivicDeskError
from civicdesk.ui.labels import user_display
from civicdesk.ui.runner import Runner

if TYPE_CHECKING:
    from civicdesk.services.admin import auth
    from civicdesk.services.core.database import Database
    from civicdesk.services.register.plain import OfficeInfo

#: a login dialog painted before the services loaded opens its database after its first paint, or after this long
OPEN_ANYWAY_MS = 1500

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
        from civicdesk.services.admin import auth

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

    def __init__(self, db: Database | None, runner: Runner, parent: QWidget | None = None, *, lang: str = "zh",
                 username: str = "", office: OfficeInfo | None = None,
                 opener: Callable[[], Database] | None = None) -> None:
        """A login to ``db``; or, with ``db`` None, to the database ``opener`` opens (on the runner, after the first
        paint: the services load while the clerk types), whose ``office`` the start-up read before."""
        super().__init__(parent)
        self.db, self.runner, self.lang = db, runner, lang
        self.user: auth.UserInfo | None = None
        self._busy = False
        self._opener, self._opening = opener, False
        self._opened: Database | None = None  # set on the runner's thread by the open
        self.open_error: BaseException | None = None
        self.setWindowTitle(self.tr("登录 CivicDesk"))
        if db is not None:
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
        if db is None:
            QTimer.singleShot(OPEN_ANYWAY_MS, self, self.start_opening)  # even if never painted (minimised)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt API
        super().paintEvent(event)
        if self.db is None and not self._opening:  # once this paint is on the screen, the services load
            QTimer.singleShot(0, self, self.start_opening)

    def start_opening(self) -> None:
        """Open the database on the runner (once); a login asked for meanwhile runs after it there."""
        if self.db is not None or self._opening or self._opener is None:
            return
        self._opening = True
        self.runner.run(self._open, on_success=self._opened_database, on_failure=self._open_failed)

    def _open(self, _job: Any) -> Database:
        assert self._opener is not None
        self._opened = self._opener()
        return self._opened

    def _opened_database(self, db: Database) -> None:
        self.db = db

    def _open_failed(self, exc: BaseException) -> None:
        """What the normal start would have said when opening failed; the start then ends as it would."""
        self.open_error = exc
        QMessageBox.critical(self, "CivicDesk", words(exc, self.lang))
        self._busy = False
        super().reject()

    def _database(self) -> Database:
        """On the runner's thread: the database, opened by the op before this one if it was not given."""
        db = self.db or self._opened
        if db is None:
            raise self.open_error or CivicDeskError("db.not_initialized")
        return db

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
        self.start_opening()  # if not yet (a login typed before the first paint): it runs first on the runner

        def check(_job: Any) -> auth.UserInfo:
            from civicdesk.services.admin import auth

            return auth.authenticate(self._database(), name, password)

        self.runner.run(check, on_success=self._succeeded, on_failure=self._failed)

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
    from civicdesk.services.admin import auth

    if not auth.has_users(db):
        return True, None
    dialog = LoginDialog(db, runner, parent, lang=lang)
    if dialog.exec() and dialog.user is not None:
        return True, dialog.user
    return False, None


def login_before_opening(office: OfficeInfo, opener: Callable[[], Database], runner: Runner, *,
                         lang: str = "zh") -> tuple[auth.UserInfo | None, Database | None, BaseException | None]:
    """The start-up's login to a database that has accounts and needs nothing else (its schema current, its office
    set: ``first_page.login_office``), asked before the services are loaded: the dialog is painted from the
    office the start read with sqlite3, and ``opener`` opens the database on the runner once it is on the screen,
    while the clerk types (a login asked for sooner waits for it).  (user, db, None) when logged in; (None, db or
    None, None) when cancelled; (None, None, error) when the database could not be opened (said in words)."""
    from civicdesk.ui import start_probe

    dialog = LoginDialog(None, runner, lang=lang, office=office, opener=opener)
    start_probe.install_login(dialog)
    accepted = dialog.exec()
    runner.wait()
    db = dialog.db or dialog._opened
    if dialog.open_error is not None:
        return None, None, dialog.open_error
    return (dialog.user if accepted else None), db, None


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
        from civicdesk.services.admin import auth

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
