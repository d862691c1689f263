"""``civicdesk inspection import FILE --year Y [--received-on D] [--dry-run] [--json]`` and ``civicdesk inspection
template -o FILE.xlsx``: the annual-inspection results sheet (年检结果表), read with the register's ledger
machinery into the year's campaign (see :mod:`civicdesk.services.ledger.inspection_sheet`).

Under ``inspection`` rather than the register's ``civicdesk import``: the sheet needs the campaign's year, the
``supervise`` right and its own report, while ``import``'s options (``--skip-invalid``, ``--legacy``,
``--mapping``) are the register's and do not apply.  The exit status on invalid rows is the ledger's (2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.commands.ledger import print_outcome, print_problems
from civicdesk.errors import InputError

#: exit status when nothing was imported because rows are invalid (as ``civicdesk import``)
EXIT_INVALID_ROWS = 2
COMMANDS = ("import", "template")


def add_parsers(isub: Any) -> None:
    """``import`` and ``template`` under ``inspection``."""
    p = isub.add_parser("import", help="导入年检结果表（.xlsx/.csv）：各行登记为年检记录并提交审核 / "
                                       "import an inspection results sheet; records are submitted for decision")
    p.add_argument("file", type=Path, metavar="FILE", help=".xlsx 或 .csv（UTF-8、GBK/GB18030）")
    p.add_argument("--year", type=int, required=True, help="年检的年度（报告所述年度），其年检须已开始")
    p.add_argument("--received-on", help="表中未写收到日期的行的收到日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入 / check and report only")
    p.add_argument("--json", action="store_true", help="以 JSON 输出报告 / print the report as JSON")
    p = isub.add_parser("template", help="导出空白年检结果表模板 / an empty inspection sheet")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx", help="写出的空白年检结果表")
    p.add_argument("--json", action="store_true")


def cmd_sheet(options: argparse.Namespace) -> int:
    from datetime import date

    from civicdesk.services.ledger import inspection_sheet  # SQLAlchemy: see commands/README.md

    lang = options.lang
    if options.inspection_command == "template":  # an empty form: no data leaves the office
        result = inspection_sheet.write_sheet_template(options.output)
        if options.json:
            print_json(result.__dict__)
        else:
            print(messages.text("cli.ledger.template", lang, path=result.path))
        return 0
    received = None
    if options.received_on:
        try:
            received = date.fromisoformat(options.received_on)
        except ValueError:
            raise InputError("inspection.bad_date", field="received_on", value=options.received_on) from None
    db = open_db(options)
    try:
        if options.dry_run:  # reads only: no login
            report = inspection_sheet.preview_sheet(db, options.file, year=options.year, received_on=received)
        else:
            report = inspection_sheet.import_sheet(db, options.file, year=options.year, received_on=received,
                                                   by=acting_user(options, db))
    finally:
        db.close()
    if options.json:
        print_json(report.as_dict(lang))
    else:
        _print_report(report, lang)
    if report.invalid:
        if not options.dry_run:
            sys.stderr.write(f"civicdesk: {report.summary(lang)}\n")
        return EXIT_INVALID_ROWS
    return 0


def _print_report(report: Any, lang: str) -> None:
    print(messages.text("cli.inspection_sheet.file", lang, file=report.file, sheet=report.sheet,
                        header_row=report.header_row, year=report.year))
    print(messages.text("cli.inspection_sheet.counts", lang, **report.counts()))
    print_problems(report.problems, lang)
    print_outcome(report, lang)
