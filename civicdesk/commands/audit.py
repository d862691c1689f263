"""``civicdesk audit ...``: read the audit trail and check its hash chain."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from civicdesk.commands.common import EXIT_CHECK_FAILED, JSON_HELP, acting_user, count_arg, open_db, print_json


def add_parsers(sub: Any) -> dict[str, Any]:
    audit = sub.add_parser("audit", help="审计记录 / audit trail")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)

    p = asub.add_parser("verify", help="重新计算审计链，指出第一条被改动、删除、插入或调换的记录")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = asub.add_parser("list", help="最近的审计记录（管理员）")
    p.add_argument("--limit", type=count_arg, default=50, help="最多列出几条（默认 50）")
    p.add_argument("--actor", help="只列此用户的记录")
    p.add_argument("--action", help="操作前缀，如 auth、data、filing")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    return {"audit": cmd_audit}


def cmd_audit(options: argparse.Namespace) -> int:
    from civicdesk.services.admin import audit

    db = open_db(options)
    try:
        if options.audit_command == "verify":
            report = audit.verify(db)
            if options.json:
                print_json(report.as_dict())
            else:
                print(report.message(options.lang))
            if not report.ok:
                sys.stderr.write(f"civicdesk: {report.message(options.lang)}\n")
                return EXIT_CHECK_FAILED
            return 0
        rows = audit.entries(db, actor=options.actor, action=options.action, limit=max(1, options.limit),
                             by=acting_user(options, db))
        if options.json:
            print_json([r.__dict__ for r in rows])
        else:
            for r in rows:
                print(f"{r.seq}\t{r.at[:19]}\t{r.actor}\t{r.action}\t{r.entity or ''}\t{r.entity_id or ''}")
        return 0
    finally:
        db.close()
