"""The administrators' windows: user management and the audit viewer (with a tampered audit table)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from civicdesk.errors import CivicDeskError
from civicdesk.services.admin import audit
from civicdesk.services.admin import auth
from civicdesk.ui.admin.audit_viewer import PAGE, AuditTableModel, AuditViewer
from civicdesk.ui.context import AppContext
from civicdesk.ui.admin.users_dialog import UserFormDialog, UsersDialog


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASH_PARAMETERS", dict(auth.TEST_HASH_PARAMETERS))


@pytest.fixture
def ctx(qtbot: Any, make_ctx: Any, db_path: Path) -> Iterator[AppContext]:
    context = make_ctx(db_path)
    admin = auth.create_user(context.db, "admin", "Admin1234", "admin", full_name="管理员")
    auth.create_user(context.db, "clerk1", "Passw0rd1", "clerk", full_name="张经办", by=admin)
    context.user = admin
    yield context
    context.runner.wait()
    QApplication.processEvents()


def users_dialog(qtbot: Any, ctx: AppContext) -> UsersDialog:
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def table_text(dialog: UsersDialog) -> list[list[str]]:
    return [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]


def test_admin_adds_a_user_and_changes_role(qtbot: Any, ctx: AppContext) -> None:
    dialog = users_dialog(qtbot, ctx)
    assert table_text(dialog) == [["admin", "管理员", "管理员", "在用"], ["clerk1", "张经办", "经办", "在用"]]
    form = dialog.add_user()
    qtbot.addWidget(form)
    form.username.setText("rev1")
    form.full_name.setText("李审核")
    form.role.setCurrentIndex(form.role.findData("reviewer"))
    form.pair.first.setText("weak")
    form.pair.second.setText("weak")
    form.save()
    assert form.pair.message.text() == "密码太弱：至少8位，且须同时包含字母和数字。" and form.isVisible()
    form.pair.first.setText("Review123")
    form.pair.second.setText("Review123")
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.save()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    assert table_text(dialog)[2] == ["rev1", "李审核", "审核", "在用"]
    assert dialog.selected().username == "rev1" and "已新增用户 rev1" in dialog.message.text()
    assert auth.authenticate(ctx.db, "rev1", "Review123").role == "reviewer"

    dialog.select("clerk1")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.change_role("reviewer")
    assert auth.get_user(ctx.db, "clerk1").role == "reviewer"
    assert "clerk1 的角色已改为“审核”" in dialog.message.text()


def test_a_duplicate_user_name_is_refused_in_words(qtbot: Any, ctx: AppContext) -> None:
    form = UserFormDialog(ctx)
    qtbot.addWidget(form)
    form.username.setText("clerk1")
    form.pair.first.setText("Another12")
    form.pair.second.setText("Another12")
    form.save()
    qtbot.waitUntil(lambda: form.message.text() != "", timeout=10_000)
    assert form.message.text() == "用户“clerk1”已存在。"


def test_disable_enable_and_reset_password_never_delete(qtbot: Any, ctx: AppContext) -> None:
    dialog = users_dialog(qtbot, ctx)
    dialog.select("clerk1")
    assert dialog.toggle_button.text() == "停用"
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.toggle_active()
    assert table_text(dialog)[1][3] == "已停用" and dialog.toggle_button.text() == "启用"
    assert not auth.get_user(ctx.db, "clerk1").active
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.toggle_active()
    assert auth.get_user(ctx.db, "clerk1").active
    assert not hasattr(dialog, "delete_user") and len(auth.list_users(ctx.db)) == 2

    form = dialog.reset_password()
    qtbot.addWidget(form)
    assert not form.username.isEnabled() and form.username.text() == "clerk1"
    form.pair.first.setText("Reset1234")
    form.pair.second.setText("Reset1234")
    with qtbot.waitSignal(form.accepted, timeout=10_000):
        form.save()
    assert auth.authenticate(ctx.db, "clerk1", "Reset1234").username == "clerk1"

    dialog.select("admin")  # the last active administrator stays
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        dialog.toggle_active()
    assert failed.args[0] == "不能停用最后一个在用的管理员账户。"
    assert auth.get_user(ctx.db, "admin").active


def test_audit_model_passes_the_model_tester(qtmodeltester: Any, ctx: AppContext) -> None:
    model = AuditTableModel()
    model.set_rows(audit.entries(ctx.db, limit=50, by=auth.get_user(ctx.db, "admin")))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_audit_viewer_filters_pages_and_verifies(qtbot: Any, ctx: AppContext) -> None:
    for i in range(PAGE + 10):
        audit.record_event(ctx.db, "export.test", actor="clerk1", entity="organization", entity_id=f"x{i}", n=i)
    with pytest.raises(CivicDeskError):
        auth.authenticate(ctx.db, "clerk1", "wrong-password1")
    viewer = AuditViewer(ctx)
    qtbot.addWidget(viewer)
    with qtbot.waitSignal(viewer.loaded, timeout=10_000) as loaded:
        viewer.show()
    assert loaded.args == [PAGE]
    seqs = [viewer.model.record_at(r).seq for r in range(viewer.model.rowCount())]
    assert seqs == sorted(seqs, reverse=True)  # newest first
    assert "auth.login_failed" in {viewer.model.record_at(r).action for r in range(3)}  # with its data.update
    assert viewer.older_button.isEnabled() and not viewer.newer_button.isEnabled()
    with qtbot.waitSignal(viewer.loaded, timeout=10_000) as loaded:
        viewer.older()
    assert 0 < loaded.args[0] < PAGE and viewer.model.record_at(0).seq == seqs[-1] - 1
    with qtbot.waitSignal(viewer.loaded, timeout=10_000):
        viewer.newer()
    assert viewer.model.record_at(0).seq == seqs[0]

    with qtbot.waitSignal(viewer.loaded, timeout=10_000) as loaded:
        viewer.action.setCurrentIndex(viewer.action.findData("auth.login_failed"))
    assert loaded.args == [1]
    assert viewer.model.data(viewer.model.index(0, 3)) == "登录失败（auth.login_failed）"
    with qtbot.waitSignal(viewer.loaded, timeout=10_000) as loaded:
        viewer.action.setCurrentIndex(0)
        viewer.actor.setCurrentIndex(viewer.actor.findData("admin"))
    assert all(viewer.model.record_at(r).actor == "admin" for r in range(viewer.model.rowCount()))

    with qtbot.waitSignal(viewer.verified, timeout=10_000) as verified:
        viewer.verify()
    assert verified.args[0].ok and "审计链完整" in viewer.report.text()


def test_audit_viewer_names_an_entry_edited_by_hand(qtbot: Any, ctx: AppContext, db_path: Path) -> None:
    for i in range(5):
        audit.record_event(ctx.db, "export.test", actor="clerk1", n=i)
    target = audit.count(ctx.db) - 2
    conn = sqlite3.connect(db_path)
    try:  # what someone with the file and a sqlite3 shell can do: drop the guard, edit a row
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_entry'"):
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("UPDATE audit_entry SET actor = 'someone_else' WHERE seq = ?", (target,))
        conn.commit()
    finally:
        conn.close()
    viewer = AuditViewer(ctx)
    qtbot.addWidget(viewer)
    viewer.show()
    with qtbot.waitSignal(viewer.verified, timeout=10_000) as verified:
        viewer.verify()
    report = verified.args[0]
    assert not report.ok and report.broken_seq == target
    assert viewer.report.text() == f"审计记录第 {target} 条内容被改动：审计链自此处断开。"
