"""``civicdesk db copy``, ``civicdesk backup``, ``civicdesk restore``: moving an office between SQLite and
PostgreSQL, and its backups on both back ends (administrators only)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import EXIT_CHECK_FAILED, JSON_HELP, acting_user, open_db, print_json


def add_parsers(sub: Any) -> dict[str, Any]:
    db = sub.add_parser("db", help="数据库：在 SQLite 与 PostgreSQL 之间迁移 / move the database")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = db_sub.add_parser("copy", help="把整个数据库复制到一个空的新数据库并核对（管理员）/ "
                                                  "copy into an empty database")
    p.add_argument("--from", dest="source", metavar="URL_OR_PATH",
                   help="源数据库（默认：--db 所指的数据库）/ source (default: --db)")
    p.add_argument("--to", dest="target", required=True, metavar="URL_OR_PATH",
                   help="目标：新的 SQLite 文件，或空的 PostgreSQL 数据库 URL / an empty target")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = sub.add_parser("backup", help="备份数据库（SQLite：在线备份；PostgreSQL：pg_dump）（管理员）/ back up")
    p.add_argument("-o", "--output", type=Path, help="备份文件（默认：备份文件夹中，按库名与时间命名）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = sub.add_parser("restore", help="用备份替换数据库的全部数据（管理员）/ restore a backup")
    p.add_argument("file", type=Path, metavar="FILE", help="备份文件（.sqlite3 或 .dump）")
    p.add_argument("--force", action="store_true", help="备份属于另一单位时仍然恢复 / restore another office's backup")
    p.add_argument("--yes", action="store_true", help="确认以备份替换当前全部数据 / confirm")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    return {"db": cmd_db, "backup": cmd_backup, "restore": cmd_restore}


def cmd_db(options: argparse.Namespace) -> int:
    from civicdesk.services.admin import transfer

    if options.source:
        options.db = options.source
    db = open_db(options)
    lang = options.lang

    def progress(table: str, done: int, total: int) -> None:
        if done == total or done % 20_000 < transfer.CHUNK:
            sys.stderr.write(messages.text("transfer.progress", lang, table=table, done=done, total=total) + "\n")

    try:
        by = acting_user(options, db)
        report = transfer.copy_database(db, options.target, by=by, progress=progress)
    finally:
        db.close()
    if options.json:
        print_json(report.as_dict())
    else:
        print(messages.text("transfer.copied", lang, rows=report.rows, tables=len(report.tables),
                            seconds=report.seconds, source=report.source, target=report.target))
        print(f"{'table':24} {'source':>9} {'target':>9}  digest")
        for t in report.tables:
            mark = "=" if t.ok else "≠"
            print(f"{t.name:24} {t.source_rows:>9} {t.target_rows:>9}  {t.source_digest[:12]} {mark} "
                  f"{t.target_digest[:12]}")
        if report.ok:
            print(messages.text("transfer.checked", lang, entries=report.audit_entries))
    if not report.ok:
        what = [t.name for t in report.tables if not t.ok]
        what += [] if report.verify_ok else ["verify"]
        what += [] if report.audit_ok else ["audit verify"]
        sys.stderr.write("civicdesk: " + messages.text("transfer.check_failed", lang, what=", ".join(what)) + "\n")
        return EXIT_CHECK_FAILED
    return 0


def cmd_backup(options: argparse.Namespace) -> int:
    from civicdesk.services.admin import backup

    db = open_db(options)
    try:
        by = acting_user(options, db)
        path = backup.backup(db, options.output, by=by)
    finally:
        db.close()
    if options.json:
        print_json({"path": str(path), "bytes": path.stat().st_size})
    else:
        print(messages.text("backup.written", options.lang, path=path))
    return 0


def cmd_restore(options: argparse.Namespace) -> int:
    from civicdesk.errors import InputError
    from civicdesk.services.admin import backup

    if not options.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise InputError("backup.confirm_needed")
        answer = input(messages.text("backup.confirm_needed", options.lang) + " [yes/no]: ")
        if answer.strip().lower() not in ("yes", "y", "是"):
            raise InputError("backup.confirm_needed")
    db = open_db(options)
    try:
        by = acting_user(options, db)
        info = backup.restore(db, options.file, by=by, force=options.force)
    finally:
        db.close()
    if options.json:
        print_json({"path": info.path, "kind": info.kind, "office": info.office_code, "revision": info.revision})
    else:
        print(messages.text("backup.restored", options.lang, path=info.path, office=info.office_code or "-"))
    return 0
