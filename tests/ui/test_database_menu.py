"""File > 数据库 (civicdesk/ui/admin/database_menu.py): the copy on the worker with its result, a backup and its
restore into the window, the scheduled backup on close; the menu only for administrators."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from civicdesk.services.admin import auth, backup
from civicdesk.services.core.database import open_database
from civicdesk.ui.admin import database_menu
from civicdesk.ui.main_window import MainWindow


def _window_empty(qtbot: Any, ctx: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_copy_dialog_copies_on_the_worker_and_says_it_checked(qtbot: Any, make_ctx: Any, db_path: Path,
                                                                  tmp_path: Path) -> None:
    window = _window_empty(qtbot, make_ctx(db_path))
    assert window.database_menu.menuAction().isVisible()
    dialog = database_menu.CopyDialog(window)
    qtbot.addWidget(dialog)
    target = tmp_path / "copy.sqlite3"
    dialog.start(str(target))
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.report.ok and "逐表核对一致" in dialog.result.text()
    dialog.start(str(target))  # again: the target holds the office now
    qtbot.waitUntil(lambda: "不是空的" in dialog.result.text(), timeout=10_000)


def test_a_backup_restored_comes_back_into_the_window(qtbot: Any, make_ctx: Any, db_path: Path,
                                                      tmp_path: Path) -> None:
    ctx = make_ctx(db_path)
    window = _window_empty(qtbot, ctx)
    path = tmp_path / "b.sqlite3"
    database_menu.start_backup(window, path)
    qtbot.waitUntil(lambda: path.exists(), timeout=10_000)
    admin = auth.create_user(ctx.db, "admin", "admin123x", "admin")
    ctx.user = admin
    old = ctx.db
    database_menu.start_restore(window, path)
    qtbot.waitUntil(lambda: ctx.db is not old, timeout=10_000)
    assert not auth.has_users(ctx.db)  # the accounts made after the backup are gone with the rest


def test_the_scheduled_backup_runs_when_the_window_closes(qtbot: Any, make_ctx: Any, db_path: Path) -> None:
    ctx = make_ctx(db_path)
    window = _window_empty(qtbot, ctx)
    dialog = database_menu.ScheduleDialog(window)
    qtbot.addWidget(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("close"))
    dialog.keep.setValue(7)
    dialog.accept()
    assert database_menu.schedule(window) == ("close", 7)
    window.close()
    made = backup.backups_of(ctx.db, backup.backup_folder(ctx.db))
    assert len(made) == 1
    copy = open_database(made[0][1])
    try:
        assert copy.office().code == "511111"
    finally:
        copy.close()


@pytest.mark.parametrize("role", ["reviewer", "clerk"])
def test_the_menu_is_an_administrators(qtbot: Any, make_ctx: Any, db_path: Path, role: str) -> None:
    ctx = make_ctx(db_path)
    admin = auth.create_user(ctx.db, "admin", "admin123x", "admin")
    ctx.user = auth.create_user(ctx.db, "someone", "passw0rd1", role, by=admin)
    window = _window_empty(qtbot, ctx)
    assert not window.database_menu.menuAction().isVisible()
