"""``civicdesk spotcheck ...``: the inspector roster, spot-check plans, the draw, its verification, the record
of each check (双随机、一公开)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import EXIT_CHECK_FAILED, acting_user, one_line, open_db, print_json

RESULTS = ("clear", "rectify", "refer")


def _yes_no(text: str) -> bool:
    if text.lower() in ("yes", "y", "true", "1", "是"):
        return True
    if text.lower() in ("no", "n", "false", "0", "否"):
        return False
    raise argparse.ArgumentTypeError(f"yes/no: {text[:20]!r}")


def _year(text: str) -> int:
    if not text.isdigit() or len(text) != 4:
        raise argparse.ArgumentTypeError(f"YYYY: {text[:20]!r}")
    return int(text)


def add_parsers(sub: Any) -> dict[str, Any]:
    spot = sub.add_parser("spotcheck", help="双随机抽查：检查人员、计划、抽取、核验、检查结果 / spot checks")
    ssub = spot.add_subparsers(dest="spotcheck_command", metavar="ACTION", required=True)

    inspector = ssub.add_parser("inspector", help="检查人员名录")
    isub = inspector.add_subparsers(dest="inspector_command", metavar="ACTION", required=True)
    p = isub.add_parser("add", help="添加检查人员")
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument("--unit", help="科室或单位")
    p.add_argument("--username", help="对应的用户名（如有）")
    p.add_argument("--conflict", action="append", default=[], metavar="ORG",
                   help="须回避的组织（id 或统一社会信用代码），可重复")
    p.add_argument("--json", action="store_true")
    p = isub.add_parser("update", help="修改检查人员：在岗与否、回避的组织")
    p.add_argument("inspector_id", metavar="INSPECTOR_ID", help="检查人员 id（inspector list）")
    p.add_argument("--active", type=_yes_no, help="yes 在岗 / no 不在岗")
    p.add_argument("--name", help="姓名")
    p.add_argument("--unit", help="科室或单位")
    p.add_argument("--conflict", action="append", metavar="ORG",
                   help="须回避的组织（整个名单，替换原有），可重复")
    p.add_argument("--clear-conflicts", action="store_true", help="清空回避名单")
    p.add_argument("--json", action="store_true")
    p = isub.add_parser("list", help="列出检查人员")
    p.add_argument("--active", action="store_true", help="只列在岗的")
    p.add_argument("--json", action="store_true")

    p = ssub.add_parser("plan", help="新建抽查计划（比例不低于本级法定下限）")
    p.add_argument("--year", required=True, type=_year, help="年度，如 2026")
    p.add_argument("--ratio", required=True, help="抽查比例，如 0.03 或 3%%")
    p.add_argument("--kind", choices=("regular", "targeted"), default="regular")
    p.add_argument("--title", help="计划名称")
    p.add_argument("--category", action="append", help="行业类别代码，可重复")
    p.add_argument("--legal-form", action="append", choices=("social_group", "social_service", "foundation"))
    p.add_argument("--tier", action="append", choices=("registered", "filed", "guided"),
                   help="管理层级（默认 registered），可重复")
    p.add_argument("--township", action="append", help="乡镇（街道）代码，可重复")
    p.add_argument("--subject", action="append", metavar="ORG", help="定向抽查的对象（id 或信用代码），可重复")
    p.add_argument("--inspectors-per-check", type=int, help="每项检查的检查人员数（默认为参数下限）")
    p.add_argument("--json", action="store_true")

    for action, text in (("draw", "抽取（不可重做）"), ("show", "显示计划、抽取记录和抽查对象")):
        p = ssub.add_parser(action, help=text)
        p.add_argument("plan_id", metavar="PLAN_ID", help="抽查计划 id（spotcheck list）")
        p.add_argument("--json", action="store_true")
        if action == "show":
            p.add_argument("--snapshot", action="store_true",
                           help="JSON 中包含抽取快照全文（供核验者自行重算，见 docs/SPOTCHECK.md）")
    p = ssub.add_parser("verify", help="从保存的快照和种子重算抽取结果并与记录比对（不一致时退出码非0）")
    p.add_argument("plan_id", metavar="PLAN_ID", help="抽查计划 id（spotcheck list）")
    p.add_argument("--json", action="store_true")
    p = ssub.add_parser("cancel", help="取消计划（须写理由）")
    p.add_argument("plan_id", metavar="PLAN_ID", help="抽查计划 id（spotcheck list）")
    p.add_argument("--reason", help="理由")
    p.add_argument("--json", action="store_true")
    p = ssub.add_parser("record", help="登记一项检查的通知、检查、结果、整改和公示")
    p.add_argument("item_id", metavar="ITEM_ID", help="抽查事项 id（spotcheck show）")
    p.add_argument("--notice-on", help="告知日期 YYYY-MM-DD")
    p.add_argument("--checked-on", help="检查日期")
    p.add_argument("--findings", help="检查发现")
    p.add_argument("--result", choices=RESULTS, help="clear 未发现问题、rectify 责令整改、refer 移交执法")
    p.add_argument("--rectify-by", help="整改期限")
    p.add_argument("--rectified-on", help="整改完成日期")
    p.add_argument("--published-on", help="公示日期")
    p.add_argument("--json", action="store_true")
    p = ssub.add_parser("list", help="列出抽查计划")
    p.add_argument("--year", type=_year, help="只列该年度的计划")
    p.add_argument("--json", action="store_true")
    p = ssub.add_parser("results", help="公示用的抽查结果（不含个人信息）")
    p.add_argument("plan_id", metavar="PLAN_ID", help="抽查计划 id（spotcheck list）")
    p.add_argument("--json", action="store_true")
    return {"spotcheck": cmd_spotcheck}


def cmd_spotcheck(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import spotcheck  # SQLAlchemy: see commands/common.py

    db = open_db(options)
    try:
        command = options.spotcheck_command
        if command == "inspector":
            return _inspector(db, options)
        if command == "list":
            plans = spotcheck.list_plans(db, year=options.year)
            if options.json:
                print_json([p.to_json() for p in plans])
            else:
                for p in plans:
                    print(f"{p.id}\t{p.year}\t{messages.label('spotcheck_kind.' + p.kind, options.lang)}\t"
                          f"{p.ratio}\t{messages.label('spotcheck_state.' + p.state, options.lang)}\t"
                          f"{p.drawn_count if p.drawn_count is not None else '-'}/"
                          f"{p.eligible_count if p.eligible_count is not None else '-'}\t{p.title or ''}")
                print(messages.text("cli.spotcheck.plans", options.lang, count=len(plans)))
            return 0
        if command == "show":
            _show(spotcheck.get_plan(db, options.plan_id, snapshot=options.snapshot), options)
            return 0
        if command == "results":
            rows = spotcheck.public_results(db, options.plan_id)
            if options.json:
                print_json([r.to_json() for r in rows])
            else:
                for r in rows:
                    result = messages.label(f"spotcheck_result.{r.result}", options.lang) if r.result else "-"
                    print(f"{r.position}\t{r.organization_name}\t{r.uscc or '-'}\t{r.checked_on or '-'}\t{result}")
            return 0
        if command == "verify":
            outcome = spotcheck.verify(db, options.plan_id)
            if options.json:
                print_json(outcome.to_json(options.lang))
            if outcome.matches:
                if not options.json:
                    print(one_line(outcome.message(options.lang)))
                return 0
            sys.stderr.write(f"civicdesk: {one_line(outcome.message(options.lang))}\n")
            return EXIT_CHECK_FAILED
        user = acting_user(options, db)
        if command == "plan":
            filters = {k: v for k, v in (("category", options.category), ("legal_form", options.legal_form),
                                         ("tier", options.tier), ("township_code", options.township),
                                         ("organization_ids", options.subject)) if v}
            row = spotcheck.plan(db, options.year, options.ratio, by=user, kind=options.kind, filters=filters,
                                 title=options.title, inspectors_per_check=options.inspectors_per_check)
            if options.json:
                print_json(row.to_json())
            else:
                print(row.id)
            return 0
        if command == "draw":
            _show(spotcheck.draw(db, options.plan_id, by=user), options)
            return 0
        if command == "cancel":
            _show(spotcheck.cancel(db, options.plan_id, options.reason, by=user), options)
            return 0
        values = {k: getattr(options, k) for k in ("notice_on", "checked_on", "findings", "result", "rectify_by",
                                                  "rectified_on", "published_on") if getattr(options, k) is not None}
        item = spotcheck.record(db, options.item_id, values, by=user)
        if options.json:
            print_json(item.to_json())
        else:
            print(f"{item.position}\t{item.organization_name}\t{item.result or '-'}")
        return 0
    finally:
        db.close()


def _inspector(db: Any, options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import spotcheck

    command = options.inspector_command
    if command == "list":
        rows = spotcheck.list_inspectors(db, active_only=options.active)
        if options.json:
            print_json([r.to_json() for r in rows])
        else:
            for r in rows:
                print(f"{r.id}\t{r.name}\t{r.unit or '-'}\t{'在岗' if r.active else '不在岗'}\t{len(r.conflicts)}")
            print(messages.text("cli.spotcheck.inspectors", options.lang, count=len(rows)))
        return 0
    user = acting_user(options, db)
    if command == "add":
        row = spotcheck.add_inspector(db, options.name, unit=options.unit, username=options.username,
                                      conflicts=options.conflict, by=user)
    else:
        conflicts = [] if options.clear_conflicts else options.conflict
        row = spotcheck.update_inspector(db, options.inspector_id, by=user, active=options.active,
                                         conflicts=conflicts, name=options.name, unit=options.unit)
    if options.json:
        print_json(row.to_json())
    else:
        print(f"{row.id}\t{row.name}")
    return 0


def _show(plan: Any, options: argparse.Namespace) -> None:
    if options.json:
        print_json(plan.to_json())
        return
    lang = options.lang
    print(f"{plan.id}  {plan.year}  {messages.label('spotcheck_kind.' + plan.kind, lang)}  ratio {plan.ratio}  "
          f"{messages.label('spotcheck_state.' + plan.state, lang)}  {plan.title or ''}")
    print(f"  filters {plan.filters or '-'}  inspectors/check {plan.inspectors_per_check}")
    if plan.seed:
        print(f"  method {plan.method}  seed {plan.seed}  eligible {plan.eligible_count}  drawn {plan.drawn_count}")
        print(f"  snapshot sha256 {plan.snapshot_sha256}  inspectors {', '.join(plan.inspector_ids)}")
        print(f"  drawn by {plan.drawn_by} at {plan.drawn_at:%Y-%m-%d %H:%M} UTC")
        for org, excluded in sorted(plan.exclusions.items()):
            print(f"  conflicts: {org} excludes {', '.join(excluded)}")
    if plan.cancelled_reason:
        print(f"  cancelled by {plan.cancelled_by}: {plan.cancelled_reason}")
    for i in plan.items:
        print(f"  {i.position}\t{i.id}\t{i.organization_name}\t{'、'.join(i.inspector_names)}\t{i.result or '-'}")
