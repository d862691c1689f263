"""``civicdesk ledger import-hours|import-stations|import-projects FILE [--dry-run] [--json]`` and
``civicdesk ledger export-hours|export-stations|export-projects -o FILE [--template] [--reveal]``: the cultivation
sheets (培育台账) offices keep in Excel: volunteer hours, station records and purchased-service projects, read and
written with the register's ledger machinery (:mod:`civicdesk.services.ledger.cultivation_sheets`).

Like ``civicdesk export FILE --template``, ``--template`` writes the empty sheet instead of the rows.  The exit
status on invalid rows is the ledger's (2): nothing was imported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.commands.ledger import print_outcome, print_problems

#: exit status when nothing was imported because rows are invalid (as ``civicdesk import``)
EXIT_INVALID_ROWS = 2
#: the sheet kinds: the words of the subcommands and their help
SHEETS = {"hours": ("志愿服务时长台账（团队、志愿者、日期、活动、时长）", "volunteer hours"),
          "stations": ("儿童服务站服务记录（服务站、日期、活动、人次、困境儿童、留守儿童）", "station records"),
          "projects": ("政府购买服务项目台账（项目名称、购买单位、年度、资金来源、合同金额、承接组织、起止日期、"
                       "服务内容、合同编号）", "purchased-service projects")}


def add_parsers(sub: Any) -> dict[str, Any]:
    group = sub.add_parser("ledger", help="培育台账导入导出：志愿服务时长、儿童服务站记录 / cultivation sheets")
    lsub = group.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    for kind, (zh, en) in SHEETS.items():
        p = lsub.add_parser(f"import-{kind}", help=f"导入{zh}：全部合格才写入 / import {en}, all rows or none")
        p.add_argument("file", type=Path, metavar="FILE", help=".xlsx 或 .csv（UTF-8、GBK/GB18030）")
        p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入 / check and report only")
        p.add_argument("--json", action="store_true", help="以 JSON 输出报告 / print the report as JSON")
        p = lsub.add_parser(f"export-{kind}", help=f"导出{zh}，或空白模板 / export {en}, or an empty template")
        p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="FILE.xlsx 或 FILE.csv")
        p.add_argument("--template", action="store_true", help="导出空白导入模板（.xlsx）/ an empty template")
        if kind == "hours":
            p.add_argument("--reveal", action="store_true",
                           help="导出完整电话（须有查看身份信息的权限，留痕）/ phones in full (reveal_ids, audited)")
        p.add_argument("--json", action="store_true", help="以 JSON 输出结果 / print the result as JSON")
    return {"ledger": cmd_ledger}


def cmd_ledger(options: argparse.Namespace) -> int:
    from civicdesk.services.ledger import cultivation_sheets  # SQLAlchemy: see commands/README.md

    action, _, kind = options.ledger_command.partition("-")
    lang = options.lang
    if action == "export":
        if options.template:  # an empty form: no data leaves the office
            result = cultivation_sheets.write_sheet_template(kind, options.output)
        else:
            db = open_db(options)
            try:
                result = cultivation_sheets.export_sheet(db, kind, options.output, by=acting_user(options, db),
                                                         reveal=getattr(options, "reveal", False))
            finally:
                db.close()
        if options.json:
            print_json(result.__dict__)
        elif options.template:
            print(messages.text("cli.ledger.template", lang, path=result.path))
        else:
            print(messages.text("cli.cult_sheet.exported", lang, rows=result.rows, path=result.path))
        return 0
    db = open_db(options)
    try:
        if options.dry_run:  # reads only: no login
            report = cultivation_sheets.preview_sheet(db, kind, options.file)
        else:
            report = cultivation_sheets.import_sheet(db, kind, options.file, by=acting_user(options, db))
    finally:
        db.close()
    if options.json:
        print_json(report.as_dict(lang))
    else:
        print(messages.text("cli.cult_sheet.file", lang, file=report.file, sheet=report.sheet,
                            header_row=report.header_row))
        print(messages.text("cli.cult_sheet.counts", lang, **report.counts()))
        print_problems(report.problems, lang)
        print_outcome(report, lang)
    if report.invalid:
        if not options.dry_run:
            sys.stderr.write(f"civicdesk: {report.summary(lang)}\n")
        return EXIT_INVALID_ROWS
    return 0
