"""``civicdesk import`` and ``civicdesk export``: Excel/CSV ledgers (台账) in and out of the register."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

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
    from civicdesk.cli import _open, _print_json, acting_user
    from civicdesk.services import ledger

    mapping = ledger.read_mapping_file(options.mapping) if options.mapping else None
    db = _open(options)
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
        _print_json(report.as_dict(lang))
    else:
        _print_report(report, lang)
    if report.invalid and not options.skip_invalid:
        if not options.dry_run:
            from civicdesk.errors import render

            sys.stderr.write(f"civicdesk: {render('ledger.invalid_rows', {'count': report.invalid}, lang)}\n")
        return EXIT_INVALID_ROWS
    return 0


def _print_report(report: Any, lang: str) -> None:
    zh = lang.startswith("zh")
    c = report.counts()
    print(f"{report.file}（{report.sheet}，表头在第 {report.header_row} 行）" if zh
          else f"{report.file} ({report.sheet}, header on row {report.header_row})")
    print((f"数据行 {c['rows']}：新增 {c['new']}，变更 {c['changed']}，无变化 {c['unchanged']}，不合格 {c['invalid']}；"
           f"跳过 {c['skipped']}") if zh else
          (f"{c['rows']} data rows: {c['new']} new, {c['changed']} changed, {c['unchanged']} unchanged, "
           f"{c['invalid']} invalid; {c['skipped']} skipped"))
    from civicdesk.services.ledger.columns import field_label

    marks = {"error": ("", ""), "warning": ("（提示）", " (warning)"), "info": ("（已推定）", " (derived)")}
    for problem in report.problems:
        label = problem.header or field_label(problem.field, lang)
        where = f"{label}（{problem.column}列）" if problem.column else label
        mark = marks.get(problem.severity, marks["warning"])[0 if zh else 1]
        print(f"  第 {problem.row} 行 {where}：{problem.message(lang)}{mark}" if zh
              else f"  row {problem.row} {label} ({problem.column or '-'}): {problem.message(lang)}{mark}")
    for changed in report.changes:
        fields = "，".join(f"{c.as_dict(lang)['label']}：{c.old or '（空）'} → {c.new or '（空）'}"
                          for c in changed.changes)
        print(f"  第 {changed.row} 行 变更 {changed.name}：{fields}" if zh
              else f"  row {changed.row} changes {changed.name}: {fields}")
    for note in report.notes:
        print(f"  注：{note.message(lang)}" if zh else f"  note: {note.message(lang)}")
    if report.imported:
        print(report.summary(lang))
    elif report.dry_run:
        print("试运行：未写入数据库。" if zh else "Dry run: nothing written.")
    if report.rejected_file:
        print(f"不合格行已另存为 {report.rejected_file}" if zh else f"Rejected rows saved to {report.rejected_file}")


def cmd_export(options: argparse.Namespace) -> int:
    from civicdesk.cli import _open, _print_json, acting_user
    from civicdesk.services import ledger
    from civicdesk.services.register.browse import RegisterFilter

    db = _open(options)
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
        _print_json(result.__dict__)
    elif options.lang.startswith("zh"):
        print(f"已导出 {result.rows} 个组织到 {result.path}" if not options.template else f"已导出模板 {result.path}")
    else:
        print(f"Exported {result.rows} organizations to {result.path}" if not options.template
              else f"Template written to {result.path}")
    return 0
