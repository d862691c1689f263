"""``civicdesk incubation add|list|show|admit|graduate|service``: incubation bases and parks (培育孵化基地、
社区社会组织孵化园), their residents (入驻、出壳) and the services given them."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import JSON_HELP, acting_user, open_db, print_json

#: the services' codes (services/cultivation/incubation.py), repeated: the parser is built before SQLAlchemy loads
LEVELS = ("city", "county", "township")
KINDS = ("base", "park")
OUTCOMES = ("registered", "filed", "left")
SERVICE_KINDS = ("training", "office_space", "mentoring", "registration")
ORG_HELP = "组织 id 或统一社会信用代码"


def add_parsers(sub: Any) -> dict[str, Any]:
    group = sub.add_parser("incubation", help="培育孵化基地：基地、入驻、出壳、孵化服务 / incubation bases")
    isub = group.add_subparsers(dest="incubation_command", metavar="ACTION", required=True)
    p = isub.add_parser("add", help="登记孵化基地或社区社会组织孵化园")
    p.add_argument("--name", required=True, help="基地名称（本单位唯一）")
    p.add_argument("--level", required=True, choices=LEVELS, help="级别：市级、县级、乡镇（街道）级")
    p.add_argument("--kind", default="base", choices=KINDS, help="base：培育孵化基地（默认）；park：社区社会组织孵化园")
    p.add_argument("--division", required=True, help="所在区划代码（市级填市的代码，县级、乡镇级填县区的代码）")
    p.add_argument("--township", help="所在乡镇（街道）代码（孵化园、乡镇级基地必填）")
    p.add_argument("--operator", help="运营方：登记的组织（" + ORG_HELP + "）")
    p.add_argument("--operator-name", help="运营方名称（运营方不是登记的组织时）")
    p.add_argument("--opened-on", required=True, help="启用日期，如 2020-06-01")
    p.add_argument("--address", help="地址")
    p.add_argument("--notes", help="备注")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = isub.add_parser("list", help="列出孵化基地（园）及入驻、出壳、在孵数")
    p.add_argument("--division", help="只列此区划的基地")
    p.add_argument("--level", choices=LEVELS, help="只列此级别的基地")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = isub.add_parser("show", help="一个基地：入驻组织及其孵化服务（联系电话隐去中间数字）")
    p.add_argument("base", metavar="BASE", help="基地 id 或名称")
    p.add_argument("--reveal", action="store_true", help="显示完整联系电话（须有查看权限，记入审计）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = isub.add_parser("admit", help="登记入驻：登记的组织，或尚未登记组织的名称和联系方式")
    p.add_argument("base", metavar="BASE", help="基地 id 或名称")
    p.add_argument("--org", help="入驻的登记组织：" + ORG_HELP)
    p.add_argument("--name", help="尚未登记组织的名称")
    p.add_argument("--contact-name", help="联系人")
    p.add_argument("--contact-phone", help="联系电话")
    p.add_argument("--admitted-on", required=True, help="入驻日期")
    p.add_argument("--notes", help="备注")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = isub.add_parser("graduate", help="登记出壳（登记、备案）或退出")
    p.add_argument("resident", metavar="RESIDENT", help="入驻记录 id（incubation show 可查）")
    p.add_argument("--outcome", required=True, choices=OUTCOMES,
                   help="registered：登记出壳；filed：备案出壳；left：退出")
    p.add_argument("--on", help="日期（默认今天）")
    p.add_argument("--org", help="出壳时登记或备案的组织（原未登记的入驻组织）：" + ORG_HELP)
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = isub.add_parser("service", help="登记孵化服务：培训、办公场地、导师辅导、登记备案指导")
    p.add_argument("resident", metavar="RESIDENT", help="入驻记录 id")
    p.add_argument("--kind", required=True, choices=SERVICE_KINDS, help="服务类型")
    p.add_argument("--on", dest="given_on", required=True, help="服务日期（办公场地：起始日）")
    p.add_argument("--until", help="办公场地的截止日")
    p.add_argument("--description", help="服务内容")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    return {"incubation": cmd_incubation}


def cmd_incubation(options: argparse.Namespace) -> int:
    from civicdesk.services.cultivation import incubation  # SQLAlchemy: see commands/common.py

    db = open_db(options)
    try:
        lang, command = options.lang, options.incubation_command
        if command == "list":
            bases = incubation.list_bases(db, division=options.division, level=options.level)
            if options.json:
                print_json([b.to_json() for b in bases])
                return 0
            for b in bases:
                print(f"{b.id}\t{b.name}\t{incubation.label('level', b.level, lang)}\t"
                      f"{incubation.label('kind', b.kind, lang)}\t{b.division_name}\t{b.opened_on}\t"
                      f"{b.admitted}/{b.graduated}/{b.in_residence}")
            print(messages.text("cli.incubation.count", lang, count=len(bases)))
            return 0
        user = acting_user(options, db)
        if command == "show":
            base = incubation.get_base(db, options.base, reveal=options.reveal, by=user)
            if options.json:
                print_json(base.to_json())
                return 0
            print(f"{base.id}  {base.name}  {incubation.label('level', base.level, lang)}"
                  f"{incubation.label('kind', base.kind, lang)}  {base.division_name}"
                  f"{base.township_name or ''}  {base.operator}  {base.opened_on}")
            print(messages.text("cli.incubation.residents", lang, admitted=base.admitted, graduated=base.graduated,
                                in_residence=base.in_residence))
            for r in base.residents:
                outcome = f"{incubation.label('outcome', r.outcome, lang)} {r.outcome_on}" if r.outcome else ""
                contact = " ".join(x for x in (r.contact_name, r.contact_phone) if x)
                print(f"  {r.id}  {r.name}  {r.admitted_on}  {outcome}  {contact}".rstrip())
                for s in r.services:
                    until = f"–{s.until}" if s.until else ""
                    print(f"      {s.given_on}{until}  {incubation.label('service', s.kind, lang)}  "
                          f"{s.description or ''}".rstrip())
            return 0
        record: Any
        if command == "add":
            record = incubation.add_base(db, name=options.name, level=options.level, kind=options.kind,
                                         division=options.division, township=options.township,
                                         operator=options.operator, operator_name=options.operator_name,
                                         opened_on=options.opened_on, address=options.address,
                                         notes=options.notes, by=user)
            line = f"{record.id}  {record.name}  {record.division_name}  {record.opened_on}"
        elif command == "admit":
            record = incubation.admit(db, options.base, organization=options.org, name=options.name,
                                      contact_name=options.contact_name, contact_phone=options.contact_phone,
                                      admitted_on=options.admitted_on, notes=options.notes, by=user)
            line = f"{record.id}  {record.name}  {record.admitted_on}"
        elif command == "graduate":
            record = incubation.graduate(db, options.resident, outcome=options.outcome, on=options.on,
                                         organization=options.org, by=user)
            line = f"{record.id}  {record.name}  {incubation.label('outcome', record.outcome, lang)}  " \
                   f"{record.outcome_on}"
        else:
            record = incubation.give_service(db, options.resident, kind=options.kind, given_on=options.given_on,
                                             until=options.until, description=options.description, by=user)
            line = f"{record.id}  {incubation.label('service', record.kind, lang)}  {record.given_on}"
        if options.json:
            print_json(record.to_json())
        else:
            print(line)
        return 0
    finally:
        db.close()
