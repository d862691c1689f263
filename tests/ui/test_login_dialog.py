"""The login dialog and the change-password dialog, typed into like a user would, on a real database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import audit
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database, open_database
from civicdesk.ui.admin.login_dialog import ChangePasswordDialog, LoginDialog, login_if_needed
from civicdesk.ui.runner import Runner

PASSWORD = "Passw0rd1"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASH_PARAMETERS", dict(auth.TEST_HASH_PARAMETERS))


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    admin = auth.create_user(database, "admin", "Admin1234", "admin")
    auth.create_user(database, "clerk1", PASSWORD, "clerk", full_name="张经办", by=admin)
    yield database
    database.close()


@pytest.fixture
def runner(qtbot: Any) -> Iterator[Runner]:
    r = Runner()
    yield r
    r.wait()


def dialog_for(qtbot: Any, db: Database, runner: Runner) -> LoginDialog:
    dialog = LoginDialog(db, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def attempt(qtbot: Any, dialog: LoginDialog, name: str, password: str) -> None:
    dialog.username.setText(name)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter logs in (the default button)
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled() or dialog.user is not None, timeout=10_000)


def test_wrong_password_is_said_in_words_and_the_right_one_logs_in(qtbot: Any, db: Database, runner: Runner) -> None:
    dialog = dialog_for(qtbot, db, runner)
    attempt(qtbot, dialog, "clerk1", "wrong-password1")
    assert dialog.message.text() == "用户名或密码错误。"
    assert dialog.password.text() == "" and dialog.isVisible()
    attempt(qtbot, dialog, "nobody", "wrong-password1")
    assert dialog.message.text() == "用户名或密码错误。"  # never says whether the name exists
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as done:
        attempt(qtbot, dialog, "clerk1", PASSWORD)
    assert done.args[0].username == "clerk1" and done.args[0].role == "clerk"
    assert not dialog.isVisible() and dialog.user is not None
    actions = [e.action for e in audit.entries(db, action="auth.", limit=3, by=auth.get_user(db, "admin"))]
    assert actions[0] == "auth.login" and actions.count("auth.login_failed") == 2


def test_five_wrong_passwords_lock_the_account(qtbot: Any, db: Database, runner: Runner) -> None:
    dialog = dialog_for(qtbot, db, runner)
    for _ in range(auth.MAX_FAILURES):
        attempt(qtbot, dialog, "clerk1", "wrong-password1")
        assert dialog.message.text() == "用户名或密码错误。"
    attempt(qtbot, dialog, "clerk1", PASSWORD)  # the right password no longer helps
    assert dialog.user is None
    assert dialog.message.text().startswith("账户“clerk1”因连续输错密码已锁定")
    assert "请管理员解锁" in dialog.message.text()


def test_a_disabled_account_is_told_so(qtbot: Any, db: Database, runner: Runner) -> None:
    admin = auth.get_user(db, "admin")
    auth.set_active(db, "clerk1", False, by=admin)
    dialog = dialog_for(qtbot, db, runner)
    attempt(qtbot, dialog, "clerk1", PASSWORD)
    assert dialog.message.text() == "账户“clerk1”已停用。"


def test_empty_fields_are_asked_for_without_a_login_attempt(qtbot: Any, db: Database, runner: Runner) -> None:
    dialog = dialog_for(qtbot, db, runner)
    before = audit.count(db)
    dialog.try_login()
    assert dialog.message.text() == "请输入用户名和密码。"
    assert audit.count(db) == before


def test_a_database_without_accounts_needs_no_login(qtbot: Any, db_path: Path, runner: Runner) -> None:
    database = open_database(db_path)
    try:
        assert login_if_needed(database, runner) == (True, None)
    finally:
        database.close()


def test_change_password(qtbot: Any, db: Database, runner: Runner) -> None:
    user = auth.get_user(db, "clerk1")
    dialog = ChangePasswordDialog(db, runner, user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old, PASSWORD)
    qtbot.keyClicks(dialog.pair.first, "NewSecret9")
    qtbot.keyClicks(dialog.pair.second, "NewSecret8")
    assert dialog.pair.message.text() == "两次输入的密码不一致。"
    dialog.try_change()
    assert dialog.isVisible()
    dialog.pair.second.setText("NewSecret9")
    assert dialog.pair.message.text() == ""
    dialog.old.setText("not-the-old-1")
    dialog.try_change()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)
    assert dialog.message.text() == "用户名或密码错误。"
    dialog.old.setText(PASSWORD)
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.try_change()
    assert auth.authenticate(db, "clerk1", "NewSecret9").username == "clerk1"
    with pytest.raises(CivicDeskError) as refused:
        auth.authenticate(db, "clerk1", PASSWORD)
    assert refused.value.code == "auth.failed"


def test_a_login_painted_before_the_database_is_open(qtbot: Any, db: Database, runner: Runner) -> None:
    """The start-up's login (``login_before_opening``): the dialog has only the office when painted; the database
    opens on the runner after the first paint; a login asked for before that waits for it and checks the same."""
    path = db.path
    assert path is not None
    office = db.office()
    opened: list[Database] = []

    def opener() -> Database:
        opened.append(open_database(path))
        return opened[-1]

    dialog = LoginDialog(None, runner, office=office, opener=opener)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.db is not None, timeout=10_000)  # opened once painted
    attempt(qtbot, dialog, "clerk1", "wrong-password1")
    assert dialog.message.text() == "用户名或密码错误。" and dialog.user is None
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000):
        attempt(qtbot, dialog, "clerk1", PASSWORD)
    assert dialog.user is not None and dialog.user.username == "clerk1" and len(opened) == 1

    early = LoginDialog(None, runner, office=office, opener=opener)  # never painted: the login opens it first
    qtbot.addWidget(early)
    early.username.setText("clerk1")
    early.password.setText(PASSWORD)
    with qtbot.waitSignal(early.logged_in, timeout=10_000):
        early.try_login()
    assert early.db is opened[-1] and len(opened) == 2
    for database in opened:
        database.close()


def test_a_database_that_will_not_open_ends_the_login(qtbot: Any, db: Database, runner: Runner,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))

    def opener() -> Database:
        raise CivicDeskError("db.not_initialized")

    dialog = LoginDialog(None, runner, office=db.office(), opener=opener)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.open_error is not None, timeout=10_000)
    assert not dialog.isVisible() and said == [CivicDeskError("db.not_initialized").message("zh")]
