"""``civicdesk inspection ...``: the annual inspection (年度检查): campaigns, reports, decisions, 参检率.

- ``inspection campaign open|close|list --year Y``
- ``inspection record ORG --year Y [--received-on D] [--json-file F] [--submit]``
- ``inspection submit|return|decide RECORD_OR_ORG --year Y`` (``return --reason``; ``decide --conclusion
  pass|basic|fail [--reasons] [--document-no]``)
- ``inspection revise RECORD_OR_ORG --year Y --conclusion X --reason R [--reasons] [--document-no]``: a new
  decision on a decided record (a reviewer other than its clerk)
- ``inspection list --year Y [--state S] [--missing] [--late] [--due]``
- ``inspection report --year Y [--by registry|county|legal_form] [--office CODE|all]``
- ``inspection import FILE --year Y [--dry-run]``, ``inspection template -o FILE.xlsx``: the results sheet
  (:mod:`civicdesk.commands.inspection_sheet`)

Every command takes ``--json``.  Services are imported inside the handler (see commands/common.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from civicdesk import messages
from civicdesk.commands import inspection_sheet
from civicdesk.commands.common import acting_user, open_db, print_json, read_json_file

CONCLUSIONS = ("pass", "basic", "fail")
STATES = ("draft", "submitted", "returned", "decided")


def add_parsers(sub: Any) -> dict[str, Any]:
    top = sub.add_parser("inspection", help="年度检查：年检、结论、参检率 / annual inspection")
    isub = top.add_subparsers(dest="inspection_command", metavar="ACTION", required=True)

    campaign = isub.add_parser("campaign", help="开始、结束、列出年度年检")
    csub = campaign.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)
    p = csub.add_parser("open", help="开始某年度的年检（按当时的参数定截止日和材料清单）")
    p.add_argument("--year", type=int, required=True, help="年检的年度（报告所述年度）")
    p.add_argument("--note", help="备注")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("close", help="结束某年度的年检（须审核人）")
    p.add_argument("--year", type=int, required=True, help="年检的年度（报告所述年度）")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("list", help="列出本机关的年检")
    p.add_argument("--all-offices", action="store_true", help="包括本库中其他机关的年检（市局）")
    p.add_argument("--json", action="store_true")

    p = isub.add_parser("record", help="登记或修改一份年度报告（草稿或已退回的）")
    p.add_argument("organization", metavar="ORG", help="组织 id 或统一社会信用代码")
    p.add_argument("--year", type=int, required=True, help="年检的年度（报告所述年度）")
    p.add_argument("--received-on", help="收到日期 YYYY-MM-DD")
    p.add_argument("--json-file", type=Path,
                   help="报告内容 JSON：received_on、materials（清单代码列表）、income、expenditure、net_assets、"
                        "staff_count、member_count、activity_count、sponsor_opinion（pass|basic|fail）、"
                        "sponsor_opinion_on、sponsor_note、conclusion、reasons")
    p.add_argument("--submit", action="store_true", help="登记后立即提交审核")
    p.add_argument("--json", action="store_true")
    for action, text in (("submit", "提交审核"), ("return", "退回（须写理由，录入、提交人以外的审核人）"),
                         ("decide", "作出结论（录入、提交人以外的审核人）")):
        p = isub.add_parser(action, help=text)
        p.add_argument("key", metavar="RECORD_OR_ORG", help="年检记录 id，或组织 id、统一社会信用代码")
        p.add_argument("--year", type=int, required=True, help="年检的年度（报告所述年度）")
        if action == "return":
            p.add_argument("--reason", help="退回理由")
        if action == "decide":
            p.add_argument("--conclusion", required=True, choices=CONCLUSIONS,
                           help="pass 合格、basic 基本合格、fail 不合格")
            p.add_argument("--reasons", help="理由（基本合格、不合格须写）")
            p.add_argument("--document-no", help="文号")
        p.add_argument("--json", action="store_true")

    p = isub.add_parser("revise", help="改变已作出的年检结论（须写理由，录入、提交人以外的审核人）")
    p.add_argument("key", metavar="RECORD_OR_ORG", help="年检记录 id，或组织 id、统一社会信用代码")
    p.add_argument("--year", type=int, required=True, help="年检的年度（报告所述年度）")
    p.add_argument("--conclusion", required=True, choices=CONCLUSIONS,
                   help="新的结论：pass 合格、basic 基本合格、fail 不合格")
    p.add_argument("--reason", help="改变结论的理由（必填）")
    p.add_argument("--reasons", help="新结论的理由（基本合格、不合格；默认同改变的理由）")
    p.add_argument("--document-no", help="文号")
    p.add_argument("--json", action="store_true")

    p = isub.add_parser("list", help="列出某年度的年检记录、应检未报或逾期报送的组织")
    p.add_argument("--year", type=int, required=True, help="年检的年度（报告所述年度）")
    p.add_argument("--state", choices=STATES)
    p.add_argument("--missing", action="store_true", help="应检而未报送（截止日已过）")
    p.add_argument("--late", action="store_true", help="逾期报送")
    p.add_argument("--due", action="store_true", help="应参检的组织")
    p.add_argument("--json", action="store_true")

    p = isub.add_parser("report", help="参检率与结论统计（参检率 = 已作结论 / 应参检）")
    p.add_argument("--year", type=int, required=True, help="年检的年度（报告所述年度）")
    p.add_argument("--by", choices=("registry", "county", "legal_form"), default="county")
    p.add_argument("--office", help="另一机关的代码，或 all（本库中该年度的全部年检）")
    p.add_argument("--json", action="store_true")
    inspection_sheet.add_parsers(isub)  # import, template: the results sheet
    return {"inspection": cmd_inspection}


def cmd_inspection(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import inspection  # SQLAlchemy: see the module

    if options.inspection_command in inspection_sheet.COMMANDS:
        return inspection_sheet.cmd_sheet(options)
    db = open_db(options)
    try:
        command = options.inspection_command
        lang = options.lang
        if command == "campaign":
            sub = options.campaign_command
            if sub == "list":
                campaigns = inspection.list_campaigns(db, all_offices=options.all_offices)
                if options.json:
                    print_json([c.to_json() for c in campaigns])
                else:
                    for c in campaigns:
                        print(f"{c.year}\t{c.office_code}\t{c.state}\t{c.opened_by}\t{c.id}")
                    print(messages.text("cli.inspection.count", lang, count=len(campaigns)))
                return 0
            user = acting_user(options, db)
            c = (inspection.open_campaign(db, options.year, by=user, note=options.note) if sub == "open"
                 else inspection.close_campaign(db, options.year, by=user))
            if options.json:
                print_json(c.to_json())
            else:
                print(f"{c.year}\t{c.office_code}\t{c.state}\t{c.id}")
            return 0
        if command == "list":
            return _list(db, options)
        if command == "report":
            report = inspection.participation(db, options.year, group_by=options.by, office=options.office)
            if options.json:
                print_json(report.to_json())
            else:
                for r in [*report.rows, report.total]:
                    rate = f"{r.rate:.2%}" if r.rate is not None else "-"
                    print(f"{r.key or ''}\t{r.label}\t{r.due}\t{r.received}\t{r.decided}\t{rate}\t"
                          f"{r.passed}/{r.basic}/{r.failed}\t{r.late}")
            return 0
        user = acting_user(options, db)  # the service checks what the user may do and audits a refusal
        if command == "record":
            values: dict[str, Any] = {}
            if options.json_file is not None:
                values = read_json_file(options.json_file, record=False)
            if options.received_on:
                values = {**values, "received_on": options.received_on} if isinstance(values, dict) else values
            record = inspection.record(db, options.year, options.organization, values, by=user)
            if options.submit:
                record = inspection.submit(db, options.year, record.id, by=user)
        elif command == "submit":
            record = inspection.submit(db, options.year, options.key, by=user)
        elif command == "return":
            record = inspection.return_record(db, options.year, options.key, reason=options.reason, by=user)
        elif command == "revise":
            record = inspection.revise(db, options.year, options.key, conclusion=options.conclusion,
                                       reason=options.reason, reasons=options.reasons,
                                       document_no=options.document_no, by=user)
        else:
            record = inspection.decide(db, options.year, options.key, conclusion=options.conclusion,
                                       reasons=options.reasons, document_no=options.document_no, by=user)
        _show(record, options)
        return 0
    finally:
        db.close()


def _list(db: Any, options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import inspection  # SQLAlchemy: see the module

    lang = options.lang
    if options.missing or options.due:
        if options.missing:
            rows = [m.to_json() for m in inspection.missing_list(db, options.year)]
        else:
            rows = [{"organization_id": i, "name": n, "uscc": u, "legal_form": f}
                    for i, n, u, f in inspection.due_list(db, options.year)]
        if options.json:
            print_json(rows)
        else:
            for m in rows:
                print(f"{m['uscc'] or '-'}\t{m['legal_form']}\t{m.get('deadline', '')}\t{m['name']}")
            print(messages.text("cli.inspection.count", lang, count=len(rows)))
        return 0
    records = inspection.list_records(db, options.year, state=options.state, late=options.late)
    if options.json:
        print_json([r.to_json() for r in records])
    else:
        for r in records:
            print(f"{r.uscc or '-'}\t{inspection.state_label(r.state, lang)}\t{r.received_on}"
                  f"{' *' if r.late else ''}\t{inspection.conclusion_label(r.conclusion, lang) or '-'}\t"
                  f"{r.organization_name}")
        print(messages.text("cli.inspection.count", lang, count=len(records)))
    return 0


def _show(record: Any, options: argparse.Namespace) -> None:
    from civicdesk.services.supervision import inspection  # SQLAlchemy: see the module

    if options.json:
        print_json(record.to_json())
        return
    lang = options.lang
    print(f"{record.year}  {record.organization_name}  {inspection.state_label(record.state, lang)}  "
          f"{inspection.conclusion_label(record.conclusion, lang)}  (id {record.id})")
    for s in record.steps:
        print(f"  {s.at:%Y-%m-%d %H:%M} {s.actor} {s.action}{'：' + s.comment if s.comment else ''}")
