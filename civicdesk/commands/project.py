"""``civicdesk project add|list|show|pay|evaluate``: government purchase of services (政府购买服务): projects,
instalments paid, the evaluation."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import JSON_HELP, acting_user, open_db, print_json

#: services/cultivation/projects.py EVALUATIONS, repeated: the parser is built before SQLAlchemy loads
EVALUATIONS = ("excellent", "good", "pass", "fail")
ORG_HELP = "组织 id 或统一社会信用代码"


def add_parsers(sub: Any) -> dict[str, Any]:
    group = sub.add_parser("project", help="政府购买服务项目：登记、付款、评估 / purchased services")
    psub = group.add_subparsers(dest="project_command", metavar="ACTION", required=True)
    p = psub.add_parser("add", help="登记项目（列入严重违法失信名单的组织不能承接）")
    p.add_argument("--name", required=True, help="项目名称")
    p.add_argument("--department", required=True, help="购买主体（部门）")
    p.add_argument("--year", required=True, help="项目年度")
    p.add_argument("--funding", required=True, help="资金来源代码（参数 cultivation.funding_sources，如 lottery）")
    p.add_argument("--org", required=True, help="承接组织：" + ORG_HELP)
    p.add_argument("--amount", required=True, help="合同金额（元）")
    p.add_argument("--from", dest="starts_on", required=True, help="服务期限起")
    p.add_argument("--to", dest="ends_on", required=True, help="服务期限止")
    p.add_argument("--deliverables", required=True, help="服务内容及成果")
    p.add_argument("--contract-no", help="合同编号（本单位唯一）")
    p.add_argument("--division", help="购买部门所在区划（默认：本单位）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = psub.add_parser("list", help="列出项目")
    p.add_argument("--year", help="只列此年度")
    p.add_argument("--county", help="只列此区划（县区代码）")
    p.add_argument("--org", help="只列此组织承接的：" + ORG_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = psub.add_parser("show", help="一个项目及其付款")
    p.add_argument("project", metavar="PROJECT", help="项目 id 或合同编号")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = psub.add_parser("pay", help="登记一笔付款（累计不超过合同金额）")
    p.add_argument("project", metavar="PROJECT", help="项目 id 或合同编号")
    p.add_argument("--amount", required=True, help="金额（元）")
    p.add_argument("--on", dest="paid_on", help="付款日期（默认今天）")
    p.add_argument("--note", help="备注")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = psub.add_parser("evaluate", help="登记评估结果")
    p.add_argument("project", metavar="PROJECT", help="项目 id 或合同编号")
    p.add_argument("--result", required=True, choices=EVALUATIONS, help="优秀、良好、合格、不合格")
    p.add_argument("--on", help="评估日期（默认今天）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    return {"project": cmd_project}


def cmd_project(options: argparse.Namespace) -> int:
    from civicdesk.services.cultivation import projects  # SQLAlchemy: see commands/common.py

    db = open_db(options)
    try:
        lang, command = options.lang, options.project_command
        if command in ("list", "show"):
            rows = (projects.list_projects(db, year=options.year, county=options.county, organization=options.org)
                    if command == "list" else [projects.get_project(db, options.project)])
            if options.json:
                data = [r.to_json() for r in rows]
                print_json(data if command == "list" else data[0])
                return 0
            for r in rows:
                print(f"{r.id}\t{r.year}\t{r.division_name}\t{r.name}\t{r.organization_name}\t{r.amount}\t{r.paid}\t"
                      f"{projects.evaluation_label(r.evaluation, lang) or '-'}")
                for pay in r.payments:
                    print(f"  {pay.paid_on}  {pay.amount}  {pay.note or ''}".rstrip())
            if command == "list":
                print(messages.text("cli.project.count", lang, count=len(rows), amount=sum(r.amount for r in rows),
                                    paid=sum(r.paid for r in rows)))
            return 0
        user = acting_user(options, db)
        if command == "add":
            record = projects.add(db, name=options.name, department=options.department, year=options.year,
                                  funding_source=options.funding, organization=options.org, amount=options.amount,
                                  starts_on=options.starts_on, ends_on=options.ends_on,
                                  deliverables=options.deliverables, contract_no=options.contract_no,
                                  division=options.division, by=user)
        elif command == "pay":
            record = projects.pay(db, options.project, amount=options.amount, paid_on=options.paid_on,
                                  note=options.note, by=user)
        else:
            record = projects.evaluate(db, options.project, result=options.result, on=options.on, by=user)
        if options.json:
            print_json(record.to_json())
        else:
            print(f"{record.id}  {record.name}  {record.organization_name}  {record.amount}  {record.paid}  "
                  f"{projects.evaluation_label(record.evaluation, lang)}".rstrip())
        return 0
    finally:
        db.close()
