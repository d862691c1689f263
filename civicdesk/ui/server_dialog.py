"""File > 连接服务器…: open an office server (PostgreSQL) by its address, the password asked when it wants one.

:class:`ServerDialog` takes the address (a URL, or host, port, database and user); :class:`PasswordDialog`
asks the password, with "remember it on this computer", which writes it into libpq's password file (``~/.pgpass``,
mode 0600: :mod:`civicdesk.services.core.server_address`), never into the program's settings.  The recent list
keeps the server by its URL without the password.  :func:`open_server` opens on the worker and says in one line
why it could not (the server unreachable, the login refused, no such database, not a CivicDesk database, made by
a newer CivicDesk); :func:`open_at_start` does the same before the window exists (``civicdesk --db
postgresql://…``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from civicdesk.errors import CivicDeskError
from civicdesk.services.core.server_address import (
    DEFAULT_PORT,
    ServerAddress,
    is_server_url,
    parse,
    password_file,
    password_of,
    without_password,
)

if TYPE_CHECKING:
    from civicdesk.services.core.database import Database

#: the last server's URL (without password), to fill the dialog the next time
LAST_SERVER_KEY = "servers/last"


class ServerDialog(QDialog):
    """The server's address: a URL, or its parts (editing one fills the other)."""

    def __init__(self, parent: QWidget | None = None, last: str | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("server_dialog")
        self.setWindowTitle(self.tr("连接数据库服务器"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("输入本单位数据库服务器（PostgreSQL）的地址。密码在连接时询问，不保存在程序设置中。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("postgresql://用户名@主机:5432/数据库名")
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.user = QLineEdit(self)
        form.addRow(self.tr("地址（URL）："), self.url)
        form.addRow(self.tr("主机："), self.host)
        form.addRow(self.tr("端口："), self.port)
        form.addRow(self.tr("数据库："), self.database)
        form.addRow(self.tr("用户名："), self.user)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("连接"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._filling = False
        self.url.textEdited.connect(self._from_url)
        for field in (self.host, self.database, self.user):
            field.textEdited.connect(self._to_url)
        self.port.valueChanged.connect(self._to_url)
        if last:
            self.url.setText(last)
            self._from_url(last)

    def _from_url(self, text: str) -> None:
        try:
            address = parse(text)
        except CivicDeskError:
            return
        self._filling = True
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self._filling = False
        self.query = address.query

    def _to_url(self, *_: Any) -> None:
        if not self._filling and self.host.text().strip() and self.database.text().strip():
            self.url.setText(self.parts().url())

    def parts(self) -> ServerAddress:
        return ServerAddress(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                             self.user.text().strip(), getattr(self, "query", ""))

    def address(self) -> ServerAddress:
        """The address the clerk gave (the URL's, when one is written); raises InputError for a bad one."""
        return parse(self.url.text()) if self.url.text().strip() else parse(self.parts().url())

    def accept(self) -> None:  # Qt API
        try:
            self.address()
        except CivicDeskError as exc:
            self.problem.setText(exc.message(self.lang))
            return
        super().accept()


class PasswordDialog(QDialog):
    """The password of the server's user, and whether to remember it in libpq's password file."""

    def __init__(self, address: ServerAddress, parent: QWidget | None = None, refused: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("server_password_dialog")
        self.setWindowTitle(self.tr("数据库服务器密码"))
        layout = QVBoxLayout(self)
        text = self.tr("密码错误，请重新输入用户 %1 在 %2 的密码：") if refused else \
            self.tr("请输入用户 %1 在 %2 的密码：")
        prompt = QLabel(text.replace("%1", address.user or "-").replace("%2", f"{address.host}:{address.port}/"
                                                                         f"{address.database}"), self)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.password)
        self.remember = QCheckBox(self.tr("在本机记住密码（保存在 %1，仅本人可读）").replace("%1", str(password_file())), self)
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _message(exc: BaseException, lang: str) -> str:
    return exc.message(lang) if isinstance(exc, CivicDeskError) else f"{type(exc).__name__}: {exc}"


def _remember(address: ServerAddress, password: str | None, remember: bool) -> None:
    if remember and password:
        from civicdesk.services.core.server_address import remember_password

        remember_password(address, password)


def open_dialog(window: Any) -> None:
    """File > 连接服务器…"""
    db = window.ctx.db
    current = without_password(db.url) if db is not None and db.path is None and is_server_url(db.url) else None
    last = current or str(window.ctx.settings.value(LAST_SERVER_KEY, "") or "")
    dialog = ServerDialog(window, last, window.ctx.lang)  # the server open now, or the one opened last
    if dialog.exec():
        open_server(window, dialog.address().url())


def open_server(window: Any, url: str, password: str | None = None, remember: bool = False) -> None:
    """Open the server at ``url`` on the worker and make it the window's database; asks the password when the
    server wants one; a failure in one line, the current database staying open."""
    address = parse(url)
    password = password or password_of(url)
    ctx = window.ctx
    window.statusBar().showMessage(window.tr("正在连接 %1…").replace("%1", address.label()))

    def work(_job: Any) -> Database:
        from civicdesk.services.core import server

        return server.open_server(address.url(password))

    def done(db: Database) -> None:
        window.statusBar().clearMessage()
        _remember(address, password, remember)
        ctx.settings.setValue(LAST_SERVER_KEY, address.url())
        if db.office_or_none() is None:
            from civicdesk.ui.admin.setup_wizard import SetupWizard

            wizard = SetupWizard(db, ctx.runner, window, lang=ctx.lang)
            if not wizard.exec() or db.office_or_none() is None:
                db.close()
                return
        window.adopt(db)

    def failed(exc: BaseException) -> None:
        from civicdesk.services.core import server

        window.statusBar().clearMessage()
        if server.password_wanted(exc):  # asked once this op has finished (the worker idle meanwhile)
            QTimer.singleShot(0, lambda: _ask(window, address, refused=password is not None))
            return
        QTimer.singleShot(0, lambda: QMessageBox.warning(window, window.tr("无法连接数据库服务器"),
                                                         _message(exc, ctx.lang)))

    ctx.runner.run(work, on_success=done, on_failure=failed)


def _ask(window: Any, address: ServerAddress, refused: bool) -> None:
    asked = PasswordDialog(address, window, refused=refused)
    if asked.exec() and asked.password.text():
        open_server(window, address.url(), asked.password.text(), asked.remember.isChecked())


def open_at_start(url: str, lang: str) -> Database | None:
    """``civicdesk --db postgresql://…``: open the server before the window, asking the password when it wants
    one (None when the clerk cancels the prompt); other failures raise as ``open_database`` does."""
    from civicdesk.services.core import server

    address = parse(url)
    password, remember = password_of(url), False
    while True:
        try:
            db = server.open_server(address.url(password))
        except CivicDeskError as exc:
            if not server.password_wanted(exc):
                raise
            asked = PasswordDialog(address, None, refused=password is not None)
            if not asked.exec() or not asked.password.text():
                return None
            password, remember = asked.password.text(), asked.remember.isChecked()
            continue
        _remember(address, password, remember)
        return db
