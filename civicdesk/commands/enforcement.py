"""``civicdesk penalty|interview|complaint ...`` and ``civicdesk supervision history ORG``: penalties (行政处罚),
interviews (行政约谈), complaints (举报投诉, the reporter only through ``complaint reporter``, audited) and an
organization's supervision timeline."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json

PENALTY_KINDS = ("warning", "fine", "confiscation", "correction", "suspension", "replace_leader", "revocation")
PENALTY_STATES = ("draft", "decided", "withdrawn")
CHANNELS = ("phone", "letter", "visit", "online", "referred")
COMPLAINT_STATES = ("received", "assigned", "replied")
ORG_HELP = "组织 id 或统一社会信用代码"


def add_parsers(sub: Any) -> dict[str, Any]:
    penalty = sub.add_parser("penalty", help="行政处罚：立案、决定、撤销 / administrative penalties")
    psub = penalty.add_subparsers(dest="penalty_command", metavar="ACTION", required=True)
    p = psub.add_parser("new", help="立案（立案调查中，待审核人决定）")
    p.add_argument("organization", metavar="ORG", help=ORG_HELP)
    p.add_argument("--case-no", required=True, help="案号（本单位唯一）")
    p.add_argument("--kind", required=True, choices=PENALTY_KINDS, help="处罚种类")
    p.add_argument("--amount", help="罚款或没收违法所得金额（元，大于0）")
    p.add_argument("--from", dest="suspended_from", help="限期停止活动起始日")
    p.add_argument("--to", dest="suspended_to", help="限期停止活动截止日")
    p.add_argument("--facts", required=True, help="违法事实")
    p.add_argument("--basis", required=True, help="处罚依据（条款）")
    p.add_argument("--complaint", help="引起本案的举报投诉 id")
    p.add_argument("--interview", help="引起本案的约谈 id")
    p.add_argument("--json", action="store_true")
    p = psub.add_parser("decide", help="作出处罚决定（立案人以外的审核人）；撤销登记同时提交撤销登记申请")
    p.add_argument("penalty", metavar="CASE", help="案件 id 或案号")
    p.add_argument("--decision-no", required=True, help="处罚决定书文号")
    p.add_argument("--decided-on", help="决定日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p = psub.add_parser("withdraw", help="撤销已决定的处罚（须写理由）")
    p.add_argument("penalty", metavar="CASE", help="案件 id 或案号")
    p.add_argument("--reason", required=True, help="撤销理由")
    p.add_argument("--json", action="store_true")
    p = psub.add_parser("list", help="列出行政处罚")
    p.add_argument("--org", help=ORG_HELP)
    p.add_argument("--state", choices=PENALTY_STATES)
    p.add_argument("--json", action="store_true")

    interview = sub.add_parser("interview", help="行政约谈：登记、结果 / administrative interviews")
    isub = interview.add_subparsers(dest="interview_command", metavar="ACTION", required=True)
    p = isub.add_parser("new", help="登记一次约谈")
    p.add_argument("organization", metavar="ORG", help=ORG_HELP)
    p.add_argument("--held-at", required=True, help="约谈时间，如 2026-11-20 09:30")
    p.add_argument("--place", required=True, help="地点")
    p.add_argument("--participants", required=True, help="参加人员")
    p.add_argument("--issues", required=True, help="约谈事项")
    p.add_argument("--rectification", help="整改要求")
    p.add_argument("--rectify-by", help="整改期限")
    p.add_argument("--complaint", help="引起约谈的举报投诉 id")
    p.add_argument("--json", action="store_true")
    p = isub.add_parser("outcome", help="登记约谈结果")
    p.add_argument("interview", metavar="ID", help="约谈 id")
    p.add_argument("--outcome", required=True, help="结果")
    p.add_argument("--on", dest="outcome_on", help="日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p = isub.add_parser("list", help="列出约谈")
    p.add_argument("--org", help=ORG_HELP)
    p.add_argument("--json", action="store_true")

    complaint = sub.add_parser("complaint", help="举报投诉：受理、分办、答复 / complaints and reports")
    csub = complaint.add_subparsers(dest="complaint_command", metavar="ACTION", required=True)
    p = csub.add_parser("new", help="受理举报投诉（举报人信息另行保密保存）")
    p.add_argument("--received-on", required=True, help="收到日期")
    p.add_argument("--channel", required=True, choices=CHANNELS, help="受理渠道")
    p.add_argument("--org", help="被举报的已登记组织：" + ORG_HELP)
    p.add_argument("--subject-name", help="被举报的未登记组织名称")
    p.add_argument("--content", required=True, help="举报投诉内容")
    p.add_argument("--reporter-name", help="举报人姓名")
    p.add_argument("--reporter-phone", help="举报人电话")
    p.add_argument("--reporter-address", help="举报人地址")
    p.add_argument("--anonymous", action="store_true", help="匿名举报")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("assign", help="分办给经办人（答复期限自收到之日起算）")
    p.add_argument("complaint", metavar="ID", help="举报投诉 id")
    p.add_argument("--to", required=True, help="经办人用户名")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("reply", help="登记核查结果与答复日期")
    p.add_argument("complaint", metavar="ID", help="举报投诉 id")
    p.add_argument("--finding", required=True, help="核查结果")
    p.add_argument("--replied-on", help="答复日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("link", help="登记举报投诉引起的抽查")
    p.add_argument("complaint", metavar="ID", help="举报投诉 id")
    p.add_argument("--spotcheck", required=True, help="抽查记录 id")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("list", help="列出举报投诉（不含举报人）；--overdue 只列逾期未答复的")
    p.add_argument("--state", choices=COMPLAINT_STATES)
    p.add_argument("--org", help=ORG_HELP)
    p.add_argument("--overdue", action="store_true", help="只列答复期限已过仍未答复的")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("reporter", help="查看举报人（须有查看举报人权限；每次查看记入审计）")
    p.add_argument("complaint", metavar="ID", help="举报投诉 id")
    p.add_argument("--json", action="store_true")

    supervision = sub.add_parser("supervision", help="监管档案 / an organization's supervision record")
    ssub = supervision.add_subparsers(dest="supervision_command", metavar="ACTION", required=True)
    p = ssub.add_parser("history", help="一个组织的监管记录：年检、评估、抽查、约谈、处罚、信用名单、举报投诉"
                                        "，新的在前")
    p.add_argument("organization", metavar="ORG", help=ORG_HELP)
    p.add_argument("--json", action="store_true")
    return {"penalty": cmd_penalty, "interview": cmd_interview, "complaint": cmd_complaint,
            "supervision": cmd_supervision}


def _count(code: str, n: int, lang: str) -> None:
    print(messages.text(code, lang, count=n))


def cmd_penalty(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import penalties  # SQLAlchemy: see commands/common.py

    db = open_db(options)
    try:
        lang, command = options.lang, options.penalty_command
        if command == "list":
            rows = penalties.list_penalties(db, organization=options.org, state=options.state)
            if options.json:
                print_json([r.to_json() for r in rows])
                return 0
            for r in rows:
                print(f"{r.id}\t{r.case_no}\t{penalties.kind_label(r.kind, lang)}\t"
                      f"{penalties.state_label(r.state, lang)}\t{r.decided_on or '-'}\t{r.organization_name}")
            _count("cli.penalty.count", len(rows), lang)
            return 0
        user = acting_user(options, db)
        if command == "new":
            record = penalties.enter(db, options.organization, case_no=options.case_no, kind=options.kind,
                                     facts=options.facts, basis=options.basis, amount=options.amount,
                                     suspended_from=options.suspended_from, suspended_to=options.suspended_to,
                                     complaint=options.complaint, interview=options.interview, by=user)
        elif command == "decide":
            record = penalties.decide(db, options.penalty, decision_no=options.decision_no,
                                      decided_on=options.decided_on, by=user)
        else:
            record = penalties.withdraw(db, options.penalty, reason=options.reason, by=user)
        if options.json:
            print_json(record.to_json())
        else:
            amount = f"  {record.amount}" if record.amount is not None else ""
            print(f"{record.id}  {record.case_no}  {penalties.kind_label(record.kind, lang)}{amount}  "
                  f"{penalties.state_label(record.state, lang)}  {record.organization_name}")
            if record.decision_no:
                print(f"  {record.decision_no}  {record.decided_on}  → {record.appeal_by}")
            if record.filing_number:
                print(f"  {record.filing_number}")
        return 0
    finally:
        db.close()


def cmd_interview(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import interviews

    db = open_db(options)
    try:
        command = options.interview_command
        if command == "list":
            rows = interviews.list_interviews(db, organization=options.org)
            if options.json:
                print_json([r.to_json() for r in rows])
                return 0
            for r in rows:
                print(f"{r.id}\t{r.held_at:%Y-%m-%d %H:%M}\t{r.rectify_by or '-'}\t{r.outcome_on or '-'}\t"
                      f"{r.organization_name}")
            _count("cli.interview.count", len(rows), options.lang)
            return 0
        user = acting_user(options, db)
        if command == "new":
            record = interviews.record(db, options.organization, held_at=options.held_at, place=options.place,
                                       participants=options.participants, issues=options.issues,
                                       rectification=options.rectification, rectify_by=options.rectify_by,
                                       complaint=options.complaint, by=user)
        else:
            record = interviews.record_outcome(db, options.interview, outcome=options.outcome,
                                               outcome_on=options.outcome_on, by=user)
        if options.json:
            print_json(record.to_json())
        else:
            print(f"{record.id}  {record.held_at:%Y-%m-%d %H:%M}  {record.place}  {record.organization_name}")
        return 0
    finally:
        db.close()


def cmd_complaint(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import complaints

    db = open_db(options)
    try:
        lang, command = options.lang, options.complaint_command
        if command == "list":
            rows = complaints.list_complaints(db, state=options.state, overdue=options.overdue,
                                              organization=options.org)
            if options.json:
                print_json([r.to_json() for r in rows])
                return 0
            for r in rows:
                print(f"{r.id}\t{r.received_on}\t{complaints.channel_label(r.channel, lang)}\t"
                      f"{complaints.state_label(r.state, lang)}\t{r.due_on or '-'}\t{r.subject}")
            _count("cli.complaint.count", len(rows), lang)
            return 0
        user = acting_user(options, db)
        if command == "reporter":
            who = complaints.reporter(db, options.complaint, by=user)
            if options.json:
                print_json(who.to_json())
            elif who.anonymous:
                print(messages.label("complaint.anonymous", lang))
            else:
                print("  ".join(v for v in (who.name, who.phone, who.address) if v))
            return 0
        if command == "new":
            reporter: dict[str, Any] = {"anonymous": True} if options.anonymous else {}
            for key in ("name", "phone", "address"):
                value = getattr(options, f"reporter_{key}")
                if value is not None:
                    reporter[key] = value
            record = complaints.receive(db, received_on=options.received_on, channel=options.channel,
                                        content=options.content, organization=options.org,
                                        subject_name=options.subject_name, reporter=reporter, by=user)
        elif command == "assign":
            record = complaints.assign(db, options.complaint, to=options.to, by=user)
        elif command == "reply":
            record = complaints.reply(db, options.complaint, finding=options.finding,
                                      replied_on=options.replied_on, by=user)
        else:
            record = complaints.link_spotcheck(db, options.complaint, options.spotcheck, by=user)
        if options.json:
            print_json(record.to_json())
        else:
            print(f"{record.id}  {record.received_on}  {complaints.state_label(record.state, lang)}  "
                  f"{record.due_on or '-'}  {record.subject}")
        return 0
    finally:
        db.close()


def cmd_supervision(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import history

    db = open_db(options)
    try:
        timeline = history.history(db, options.organization)
        if options.json:
            print_json(timeline.to_json(options.lang))
            return 0
        print(timeline.organization_name)
        for e in timeline.entries:
            print(f"{e.day}\t{e.summary(options.lang)}\t{e.entity}:{e.id}")
        _count("cli.history.count", len(timeline.entries), options.lang)
        return 0
    finally:
        db.close()
