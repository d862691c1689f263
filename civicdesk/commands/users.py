"""``civicdesk user ...``: the office's user accounts (admins only, except changing one's own password)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from civicdesk.commands.common import acting_user, open_db, print_json, prompt, read_new_password
from civicdesk.errors import CivicDeskError, InputError
from civicdesk import messages


def add_parsers(sub: Any) -> dict[str, Any]:
    user = sub.add_parser("user", help="用户账户 / user accounts")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = user_sub.add_parser("add", help="添加用户（管理员；新用户密码在终端输入两次，或由标准输入给出两行）")
    p.add_argument("name", metavar="NAME", help="用户名（2–32个字母、数字、汉字、点、下划线或连字符）")
    p.add_argument("--role", required=True, choices=("admin", "reviewer", "clerk"),
                   help="admin（管理员）、reviewer（审核）或 clerk（经办）")
    p.add_argument("--full-name", default="", help="姓名")
    p.add_argument("--json", action="store_true")
    p = user_sub.add_parser("list", help="列出用户")
    p.add_argument("--json", action="store_true")
    for name, text in (("disable", "停用用户（不删除）"), ("enable", "重新启用用户并解除锁定")):
        p = user_sub.add_parser(name, help=text)
        p.add_argument("name", metavar="NAME", help="用户名")
        p.add_argument("--json", action="store_true")
    p = user_sub.add_parser("role", help="更改用户角色（管理员）")
    p.add_argument("name", metavar="NAME", help="用户名")
    p.add_argument("role", choices=("admin", "reviewer", "clerk"),
                   help="admin（管理员）、reviewer（审核）或 clerk（经办）")
    p.add_argument("--json", action="store_true")
    p = user_sub.add_parser(
        "passwd", help="修改本人密码（--user 指定本人；新密码在终端输入两次，或由标准输入给出两行）")
    p.add_argument("--json", action="store_true")
    return {"user": cmd_user}


def _user_json(u: Any) -> dict[str, Any]:
    return {"username": u.username, "full_name": u.full_name, "role": u.role, "active": u.active,
            "locked_until": u.locked_until.isoformat(sep=" ") if u.locked_until else None,
            "last_login_at": u.last_login_at.isoformat(sep=" ") if u.last_login_at else None}


def cmd_user(options: argparse.Namespace) -> int:
    from civicdesk.services.admin import auth

    db = open_db(options)
    try:
        command = options.user_command
        if command == "list":
            users = auth.list_users(db)
            if options.json:
                print_json([_user_json(u) for u in users])
            else:
                for u in users:
                    state = messages.label("user_state.active" if u.active else "user_state.disabled", options.lang)
                    print(f"{u.username}\t{auth.role_label(u.role, options.lang)}\t{state}\t{u.full_name}")
            return 0
        if command == "passwd":
            if not options.user:
                raise CivicDeskError("auth.required")
            old = os.environ.get("CIVICDESK_PASSWORD")
            if old is None:
                if not sys.stdin.isatty():
                    raise InputError("auth.no_password")
                old = getpass.getpass(prompt(options.lang, "cli.prompt.old_password", user=options.user))
            new = read_new_password(options.lang)
            auth.change_password(db, options.user, old, new)
            print(messages.text("cli.users.password_changed", options.lang))
            return 0
        by = acting_user(options, db)
        if command == "add":
            password = read_new_password(options.lang, "cli.prompt.user_password", user=options.name)
            info = auth.create_user(db, options.name, password, options.role, full_name=options.full_name, by=by)
        elif command in ("disable", "enable"):
            info = auth.set_active(db, options.name, command == "enable", by=by)
        else:
            info = auth.set_role(db, options.name, options.role, by=by)
        if options.json:
            print_json(_user_json(info))
        else:
            state = messages.label("user_state.active" if info.active else "user_state.disabled", options.lang)
            print(f"{info.username}\t{auth.role_label(info.role, options.lang)}\t{state}")
        return 0
    finally:
        db.close()
