"""The main window's menus for filings, users and the audit trail, installed by one call so that
:mod:`civicdesk.ui.main_window` only composes.

申请事项: 审查队列 (Ctrl+R), 新建成立登记申请, 申请变更登记 (the selected organization), 申请注销登记,
申请撤销登记 (registered organizations), 申请层级转换 and 申请注销备案/退出指导 (community organizations filed or
guided).  系统: 登录 (when read-only), 用户管理 and 审计记录 (admins only), 修改密码, 切换用户.  Items the current
user's role or the selected organization's tier does not allow are hidden (admin items) or disabled; the user is
in the window title and the status bar.  After a database switch the user logs in to the new database; cancelled,
the window says in its title and status bar that it is read-only, and 系统 → 登录… offers the login again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from civicdesk.services.register.plain import LIVE_STATUSES, TIER_TARGETS
from civicdesk.ui.context import Changes
from civicdesk.ui.labels import user_display

if TYPE_CHECKING:  # the services load when an action is chosen, not on the way to the first paint
    from civicdesk.services.admin.auth import UserInfo
    from civicdesk.ui.main_window import MainWindow


class FilingMenus(QObject):
    """Owns the actions; ``refresh()`` shows and enables them for the current user."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        w = window

        self.queue_action = w._action(self.tr("审查队列"), self.show_queue, "Ctrl+R")
        self.establish_action = w._action(self.tr("新建成立登记申请…"), w.new_organization)
        self.change_action = w._action(self.tr("申请变更登记…"), self.edit_selected, "Ctrl+E")
        self.deregister_action = w._action(self.tr("申请注销登记…"), lambda: self.end_selected("deregister"))
        self.revoke_action = w._action(self.tr("申请撤销登记…"), lambda: self.end_selected("revoke"))
        self.convert_action = w._action(self.tr("申请层级转换…"), self.convert_selected)
        self.withdraw_action = w._action(self.tr("申请注销备案/退出指导…"),
                                         lambda: self.end_selected("community_withdraw"))
        menu = w.menuBar().addMenu(self.tr("申请事项(&A)"))
        self.filings_menu = menu
        org_actions = (self.change_action, self.deregister_action, self.revoke_action, None, self.convert_action,
                       self.withdraw_action)
        for action in (self.queue_action, None, self.establish_action, *org_actions):
            menu.addSeparator() if action is None else menu.addAction(action)
        org_menu = getattr(w, "org_menu", None)
        if org_menu is not None:  # the selected organization's filings are also where the organization is
            org_menu.addSeparator()
            for action in org_actions:
                org_menu.addSeparator() if action is None else org_menu.addAction(action)

        self.users_action = w._action(self.tr("用户管理…"), self.show_users)
        self.audit_action = w._action(self.tr("审计记录…"), self.show_audit)
        self.password_action = w._action(self.tr("修改密码…"), self.change_password)
        self.switch_action = w._action(self.tr("切换用户…"), self.switch_user)
        self.login_action = w._action(self.tr("登录…"), self.login)
        system = w.menuBar().addMenu(self.tr("系统(&S)"))
        self.system_menu = system
        for action in (self.login_action, self.users_action, self.audit_action, None, self.password_action,
                       self.switch_action):
            system.addSeparator() if action is None else system.addAction(action)

        for each in w.menuBar().findChildren(QMenu):  # a greyed item's tooltip says why
            each.setToolTipsVisible(True)

        self.user_label = QLabel()
        self.user_label.setObjectName("current_user")
        w.statusBar().addPermanentWidget(self.user_label)
        self.queue: Any = None
        self.audit: Any = None
        self._was_read_only = False
        w.database_switched.connect(self._database_switched)
        self.ctx.signals.operation_executed.connect(self._operation_executed)
        w.table.selectionModel().selectionChanged.connect(lambda *_: self.refresh())
        self.refresh()

    # -- who may do what --------------------------------------------------------------------------------------
    def selected_row(self) -> Any:
        """The selected organization's register row (tier, status …), or None."""
        rows = self.window.table.selectionModel().selectedRows()
        return self.window.model.row_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        ctx, user = self.ctx, self.ctx.user
        row = self.selected_row()
        live = row is not None and row.status in LIVE_STATUSES
        self.users_action.setVisible(user is not None and ctx.may("users"))
        self.audit_action.setVisible(ctx.may("audit") and (user is not None or not ctx.read_only))
        self.password_action.setVisible(user is not None)
        self.switch_action.setVisible(user is not None)
        self.login_action.setVisible(user is None and ctx.read_only)
        draft = ctx.may("filing.draft")
        # a greyed item says why in its tooltip and in the status bar while it is hovered
        role = self._role_reason()
        no_draft = None if draft else role
        _enable(self.establish_action, no_draft)
        _enable(self.window.new_action, None if draft or ctx.may("legacy_entry") else role)
        open_action = getattr(self.window, "open_action", None)
        if open_action is not None:
            _enable(open_action, None if row is not None else self._org_reason(row, live))
        org = no_draft or self._org_reason(row, live)
        _enable(self.change_action, org)
        for action in (self.deregister_action, self.revoke_action):
            _enable(action, org or (None if row.tier == "registered" else
                                    self.tr("只有登记的社会组织可以申请注销登记或撤销登记。")))
        _enable(self.convert_action, org or (None if row.tier in TIER_TARGETS else
                                             self.tr("只有乡镇（街道）备案或纳入村（社区）指导管理的社区社会组织可以申请层级转换。")))
        _enable(self.withdraw_action, org or (None if row.tier in ("filed", "guided") else
                                              self.tr("只有乡镇（街道）备案或纳入村（社区）指导管理的社区社会组织可以注销备案或退出指导。")))
        self._was_read_only = ctx.read_only
        w = self.window
        rights = {"demo_action": "legacy_entry", "print_action": "print", "sync_action": "sync"}
        for name, right in rights.items():  # nothing that writes, prints or exports without a login or the right
            action = getattr(w, name, None)
            if action is not None:
                _enable(action, role if ctx.read_only or not ctx.may(right) else None)
        for action, right in zip(getattr(w, "ledger_actions", None) or [], ("import", "export", "export"), strict=False):
            _enable(action, role if ctx.read_only or not ctx.may(right) else None)
        if user is not None:
            from civicdesk.services.admin import auth

            role = auth.role_label(user.role, ctx.lang)
            self.user_label.setText(self.tr("当前用户：%1（%2）").replace("%1", user_display(user, self.window.ctx.lang)).replace("%2", role))
            self.user_label.setStyleSheet("")
        elif ctx.read_only:
            self.user_label.setText(self.tr("只读：未登录（系统 → 登录…）"))
            self.user_label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.user_label.setText("")
            self.user_label.setStyleSheet("")
        self.window._update_title()
        self.user_label.setToolTip(self.tr("未登录时不能修改、打印或导出数据。") if ctx.read_only and user is None else "")
        if ctx.read_only and user is None:
            self.window.setWindowTitle(self.window.windowTitle() + self.tr(" — 只读（未登录）"))

    def _role_reason(self) -> str:
        """Why the current user may not do something: not logged in, or the role."""
        user = self.ctx.user
        if user is None and self.ctx.read_only:
            return self.tr("只读：未登录。请从“系统 → 登录…”登录。")
        if user is None:  # no accounts in this database: anyone may do anything (and no SQLAlchemy yet)
            return ""
        from civicdesk.services.admin import auth

        role = auth.role_label(user.role, self.ctx.lang)
        return self.tr("您的角色（%1）无权办理此事项。").replace("%1", role)

    def _org_reason(self, row: Any, live: bool) -> str | None:
        if row is None:
            return self.tr("请先在登记簿中选择一个组织。")
        if not live:
            return self.tr("所选组织已注销或被撤销登记。")
        return None

    def _writing_actions(self) -> list[Any]:
        w = self.window
        found = [getattr(w, name, None) for name in ("demo_action", "print_action", "sync_action")]
        return [a for a in found + list(getattr(w, "ledger_actions", None) or []) if a is not None]

    def _database_switched(self) -> None:
        from civicdesk.ui.admin.login_dialog import login_if_needed

        proceed, user = login_if_needed(self.ctx.db, self.ctx.runner, self.window, lang=self.ctx.lang)
        self.ctx.user, self.ctx.read_only = user, not proceed
        self.refresh()
        if not proceed:
            self.window.statusBar().showMessage(
                self.tr("未登录：数据库以只读方式打开。要修改数据，请从“系统”菜单登录。"), 30_000)

    def _operation_executed(self, changes: Changes) -> None:
        number = changes.extra.get("filing_number")
        if number:
            self.window.statusBar().showMessage(
                self.tr("已提交申请事项 %1，待审核人员审查；准予后登记簿才会改变。").replace("%1", number), 15_000)

    # -- actions ----------------------------------------------------------------------------------------------
    def show_queue(self) -> Any:
        from civicdesk.ui.filings.review_queue import ReviewQueue

        if self.queue is None or not self.queue.isVisible():
            self.queue = ReviewQueue(self.ctx, self.window.labels, self.window)
        self.queue.show()
        self.queue.raise_()
        self.queue.activateWindow()
        return self.queue

    def edit_selected(self) -> Any:
        org_id = self.window.selected_id()
        if org_id is None or not self.ctx.may("filing.draft"):
            return None
        from civicdesk.services.register import organizations
        from civicdesk.ui.register.org_form import OrgFormDialog

        try:
            record = organizations.get_organization(self.ctx.db, org_id, reveal=self.ctx.may("reveal_ids"),
                                                    by=self.ctx.user)
        except Exception as exc:  # noqa: BLE001 - shown in words
            QMessageBox.warning(self.window, self.tr("申请变更登记"), self.ctx.message(exc))
            return None
        dialog = OrgFormDialog(self.ctx, self.window, record=record.to_json(), organization_id=org_id)
        dialog.open()
        return dialog

    def convert_selected(self) -> Any:
        """The organization form as a tier conversion of the selected community organization (filed or guided)."""
        row = self.selected_row()
        if row is None or row.tier not in TIER_TARGETS or not self.ctx.may("filing.draft"):
            return None
        from civicdesk.services.register import organizations
        from civicdesk.ui.register.org_form import OrgFormDialog

        try:
            record = organizations.get_organization(self.ctx.db, row.id, reveal=self.ctx.may("reveal_ids"),
                                                    by=self.ctx.user)
        except Exception as exc:  # noqa: BLE001 - shown in words
            QMessageBox.warning(self.window, self.tr("申请层级转换"), self.ctx.message(exc))
            return None
        dialog = OrgFormDialog(self.ctx, self.window, record=record.to_json(), organization_id=row.id,
                               tier_targets=TIER_TARGETS[row.tier])
        dialog.open()
        return dialog

    def end_selected(self, kind: str) -> Any:
        org_id = self.window.selected_id()
        if org_id is None or not self.ctx.may("filing.draft"):
            return None
        from civicdesk.services.register import organizations
        from civicdesk.ui.register.deregister_dialog import EndFilingDialog

        record = organizations.get_organization(self.ctx.db, org_id)
        dialog = EndFilingDialog(self.ctx, kind, org_id, record.name, self.window)
        dialog.open()
        return dialog

    def show_users(self) -> Any:
        if not self.ctx.may("users") or self.ctx.user is None:
            return None
        from civicdesk.ui.admin.users_dialog import UsersDialog

        dialog = UsersDialog(self.ctx, self.window)
        dialog.open()
        return dialog

    def show_audit(self) -> Any:
        if not self.ctx.may("audit"):
            return None
        from civicdesk.ui.admin.audit_viewer import AuditViewer

        if self.audit is None or not self.audit.isVisible():
            self.audit = AuditViewer(self.ctx, self.window)
        self.audit.show()
        self.audit.raise_()
        return self.audit

    def change_password(self) -> Any:
        if self.ctx.user is None:
            return None
        from civicdesk.ui.admin.login_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx.db, self.ctx.runner, self.ctx.user, self.window, lang=self.ctx.lang)
        dialog.changed.connect(lambda: self.window.statusBar().showMessage(
            self.tr("密码已修改，下次登录请使用新密码。"), 10_000))
        dialog.open()
        return dialog

    def login(self) -> Any:
        """系统 → 登录…: log in after a login was cancelled (the window was read-only); returns the dialog."""
        from civicdesk.ui.admin.login_dialog import LoginDialog

        dialog = LoginDialog(self.ctx.db, self.ctx.runner, self.window, lang=self.ctx.lang)
        dialog.logged_in.connect(self._logged_in)
        dialog.open()
        return dialog

    def _logged_in(self, user: UserInfo) -> None:
        self.ctx.user, self.ctx.read_only = user, False
        self.refresh()
        self.window.statusBar().showMessage(self.tr("已登录：%1").replace("%1", user_display(user, self.window.ctx.lang)), 10_000)
        self.ctx.changed(Changes(extra={"user": user.username}))

    def switch_user(self) -> None:
        from civicdesk.ui.admin.login_dialog import LoginDialog

        dialog = LoginDialog(self.ctx.db, self.ctx.runner, self.window, lang=self.ctx.lang)
        if dialog.exec() and dialog.user is not None:
            self.ctx.user, self.ctx.read_only = dialog.user, False
            self.refresh()
            self.ctx.changed(Changes(extra={"user": dialog.user.username}))


def _enable(action: Any, reason: str | None) -> None:
    """Enable ``action``, or grey it with ``reason`` as its tooltip and status tip."""
    action.setEnabled(reason is None)
    action.setStatusTip(reason or "")
    action.setToolTip(reason or action.text().replace("&", ""))


def install_filing_menus(window: MainWindow) -> FilingMenus:
    return FilingMenus(window)
