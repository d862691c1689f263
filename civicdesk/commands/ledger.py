"""``civicdesk import`` and ``civicdesk export``: Excel/CSV ledgers (台账) in and out of the register."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.errors import render
from civicdesk import messages

#: exit status when nothing was imported because rows are invalid (the report says which)
EXIT_INVALID_ROWS = 2


def add_parsers(sub: Any) -> dict[str, Any]:
    p = sub.add_parser("import", help="导入 Excel/CSV 台账 / import an .xlsx or .csv ledger")
    p.add_argument("file", type=Path, metavar="FILE", help=".xlsx 或 .csv（UTF-8、GBK/GB18030）")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入 / check and report only")
    p.add_argument("--skip-invalid", action="store_true",
                   help="导入合格行，不合格行连同原因另存为 .xlsx / import the valid rows, save the rejected ones")
    p.add_argument("--rejected", type=Path, help="不合格行保存到此文件（默认：台账旁 <名称>-不合格行.xlsx）")
    p.add_argument("--mapping", type=Path, metavar="F", help='列对应关系 JSON：{"表头": "字段", ...}')
    p.add_argument("--legacy", action="store_true",
                   help="新增的行作为历史档案直接录入登记簿（仅管理员）；默认提交成立登记申请待审核 / "
                        "enter new rows directly as legacy records (administrators only); by default they become "
                        "establishment filings for review")
    p.add_argument("--json", action="store_true", help="以 JSON 输出报告 / print the report as JSON")

    p = sub.add_parser("export", help="导出名录为 .xlsx 或 .csv，或导出空白导入模板 / export the register")
    p.add_argument("file", type=Path, metavar="FILE", help="FILE.xlsx 或 FILE.csv")
    p.add_argument("--template", action="store_true", help="导出空白导入模板（含字典表）/ an empty import template")
    p.add_argument("--division", help="区划代码：县、乡镇或村（社区）")
    p.add_argument("--tier", choices=("registered", "filed", "guided"))
    p.add_argument("--legal-form", choices=("social_group", "social_service", "foundation"))
    p.add_argument("--status", help="状态代码，如 active、deregistered")
    p.add_argument("--all", action="store_true", help="包括已注销、已撤销的组织")
    p.add_argument("--with-id-numbers", action="store_true", help="包括法定代表人身份证号码（个人信息，谨慎使用）")
    p.add_argument("--json", action="store_true")
    return {"import": cmd_import, "export": cmd_export}


def cmd_import(options: argparse.Namespace) -> int:
    from civicdesk.services import ledger

    mapping = ledger.read_mapping_file(options.mapping) if options.mapping else None
    db = open_db(options)
    try:
        if options.dry_run:  # reads only: no login
            report = ledger.preview_ledger(db, options.file, mapping=mapping)
        else:
            user = acting_user(options, db)
            report = ledger.import_ledger(db, options.file, mapping=mapping, skip_invalid=options.skip_invalid,
                                          rejected_path=options.rejected, by=user, legacy=options.legacy)
    finally:
        db.close()
    lang = options.lang
    if options.json:
        print_json(report.as_dict(lang))
    else:
        _print_report(report, lang)
    if report.invalid and not options.skip_invalid:
        if not options.dry_run:
            sys.stderr.write(f"civicdesk: {render('ledger.invalid_rows', {'count': report.invalid}, lang)}\n")
        return EXIT_INVALID_ROWS
    return 0


def _print_report(report: Any, lang: str) -> None:
    c = report.counts()
    print(messages.text("cli.ledger.file", lang, file=report.file, sheet=report.sheet, header_row=report.header_row))
    print(messages.text("cli.ledger.counts", lang, **c))
    print_problems(report.problems, lang)
    empty = messages.label("cli.ledger.empty", lang)
    for changed in report.changes:
        fields = messages.label("cli.list_separator", lang).join(
            messages.text("cli.ledger.change_item", lang, label=c.as_dict(lang)["label"], old=c.old or empty,
                          new=c.new or empty) for c in changed.changes)
        print(messages.text("cli.ledger.change", lang, row=changed.row, name=changed.name, fields=fields))
    print_outcome(report, lang)
    if report.rejected_file:
        print(messages.text("cli.ledger.rejected_file", lang, path=report.rejected_file))


def print_problems(problems: list[Any], lang: str) -> None:
    """Each problem of a sheet's report on its line: row, column header (or field), message, and a mark for a
    warning or a derived value (also the inspection sheet's report)."""
    from civicdesk.services.ledger.columns import field_label

    for problem in problems:
        label = problem.header or field_label(problem.field, lang)
        severity = problem.severity if problem.severity in ("error", "info") else "warning"
        mark = "" if severity == "error" else messages.label(f"cli.ledger.mark.{severity}", lang)
        code = "cli.ledger.problem_at_column" if problem.column else "cli.ledger.problem"
        print(messages.text(code, lang, row=problem.row, label=label, column=problem.column,
                            message=problem.message(lang), mark=mark))


def print_outcome(report: Any, lang: str) -> None:
    """A sheet's report's notes, then what was done: its summary when imported, "dry run" when only checked."""
    for note in report.notes:
        print(messages.text("cli.ledger.note", lang, message=note.message(lang)))
    if report.imported:
        print(report.summary(lang))
    elif report.dry_run:
        print(messages.text("cli.ledger.dry_run", lang))


def cmd_export(options: argparse.Namespace) -> int:
    from civicdesk.services import ledger
    from civicdesk.services.register.browse import RegisterFilter

    db = open_db(options)
    try:
        if options.template:  # an empty form: no data leaves the office
            result = ledger.write_template(db, options.file)
        else:
            user = acting_user(options, db)
            flt = RegisterFilter(tier=options.tier, legal_form=options.legal_form,
                                 status=options.status or (None if options.all else "live"))
            result = ledger.export_register(db, options.file, flt=flt, division=options.division,
                                            with_id_numbers=options.with_id_numbers, by=user)
    finally:
        db.close()
    if options.json:
        print_json(result.__dict__)
    elif options.template:
        print(messages.text("cli.ledger.template", options.lang, path=result.path))
    else:
        print(messages.text("cli.ledger.exported", options.lang, rows=result.rows, path=result.path))
    return 0
