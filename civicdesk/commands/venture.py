"""``civicdesk venture ...`` (公益创投、金点子大赛: rounds, applications, scores, awards, payments) and ``civicdesk
fund ...`` (社区基金: funds, contributions, grants); every subcommand with ``--json``."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json

KINDS = ("venture", "contest")
ORG_HELP = "已登记组织的 id 或统一社会信用代码"


def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="以 JSON 输出 / output JSON")


def add_parsers(sub: Any) -> dict[str, Any]:
    venture = sub.add_parser("venture", help="公益创投、金点子大赛：轮次、申报、评审打分、资助、拨付 / "
                                             "venture philanthropy")
    vsub = venture.add_subparsers(dest="venture_command", metavar="ACTION", required=True)
    p = vsub.add_parser("add", help="新建一轮公益创投（大赛）")
    p.add_argument("--name", required=True, help="名称（本单位唯一）")
    p.add_argument("--kind", default="venture", choices=KINDS, help="venture：公益创投；contest：金点子大赛")
    p.add_argument("--organizer", required=True, help="主办单位")
    p.add_argument("--budget", required=True, help="资助预算（元）")
    p.add_argument("--county", help="所属县（区）或市的区划代码（默认：本单位）")
    p.add_argument("--opens", required=True, help="申报开始日期")
    p.add_argument("--closes", required=True, help="申报截止日期")
    _json(p)
    p = vsub.add_parser("list", help="列出公益创投（大赛）")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--county", help="区划代码")
    _json(p)
    p = vsub.add_parser("show", help="一轮的申报项目，按平均分排名")
    p.add_argument("round", metavar="ROUND", help="轮次 id 或名称")
    _json(p)
    p = vsub.add_parser("apply", help="登记申报项目（金点子）")
    p.add_argument("round", metavar="ROUND", help="轮次 id 或名称")
    p.add_argument("--org", help="申报组织：" + ORG_HELP)
    p.add_argument("--applicant", help="未登记的申报人（居民、团队）名称")
    p.add_argument("--title", required=True, help="项目名称")
    p.add_argument("--summary", help="项目简介")
    p.add_argument("--amount", required=True, help="申请金额（元）")
    p.add_argument("--submitted-on", required=True, help="申报日期（在申报期内）")
    _json(p)
    p = vsub.add_parser("score", help="登记一位评审的打分")
    p.add_argument("application", metavar="APPLICATION", help="申报项目 id")
    p.add_argument("--judge", required=True, help="评审姓名")
    p.add_argument("--score", required=True, help="分数（范围见参数 cultivation.score_range）")
    p.add_argument("--on", dest="scored_on", help="打分日期（默认今天）")
    _json(p)
    p = vsub.add_parser("award", help="决定资助（录入人以外的审核人）")
    p.add_argument("application", metavar="APPLICATION", help="申报项目 id")
    p.add_argument("--amount", required=True, help="资助金额（元，不超过申请金额）")
    p.add_argument("--on", dest="decided_on", help="决定日期（默认今天）")
    _json(p)
    p = vsub.add_parser("decline", help="决定不予资助（录入人以外的审核人）")
    p.add_argument("application", metavar="APPLICATION", help="申报项目 id")
    p.add_argument("--on", dest="decided_on", help="决定日期（默认今天）")
    _json(p)
    p = vsub.add_parser("pay", help="登记资助拨付（累计不超过资助金额）")
    p.add_argument("application", metavar="APPLICATION", help="申报项目 id")
    p.add_argument("--amount", required=True, help="拨付金额（元）")
    p.add_argument("--paid-on", required=True, help="拨付日期")
    p.add_argument("--note", help="备注")
    _json(p)

    fund = sub.add_parser("fund", help="社区基金：设立、捐入、拨付 / community funds")
    fsub = fund.add_subparsers(dest="fund_command", metavar="ACTION", required=True)
    p = fsub.add_parser("add", help="登记社区基金")
    p.add_argument("--community", required=True, help="社区（村）区划代码（12位）")
    p.add_argument("--name", required=True, help="基金名称（本单位唯一）")
    p.add_argument("--holder", help="持有基金会：" + ORG_HELP)
    p.add_argument("--holder-name", help="未在本库登记的持有方名称")
    p.add_argument("--founded-on", required=True, help="设立日期")
    _json(p)
    p = fsub.add_parser("list", help="列出社区基金及余额")
    p.add_argument("--community", help="社区区划代码")
    p.add_argument("--county", help="县（区）区划代码")
    _json(p)
    p = fsub.add_parser("show", help="一个基金的收支与余额")
    p.add_argument("fund", metavar="FUND", help="基金 id 或名称")
    _json(p)
    for action, words in (("contribute", "登记捐入"), ("grant", "登记拨付（余额不能为负）")):
        p = fsub.add_parser(action, help=words)
        p.add_argument("fund", metavar="FUND", help="基金 id 或名称")
        p.add_argument("--amount", required=True, help="金额（元）")
        p.add_argument("--party", required=True, help="捐赠方" if action == "contribute" else "受助方")
        p.add_argument("--purpose", required=action == "grant", help="用途")
        p.add_argument("--on", dest="entry_on", required=True, help="日期")
        _json(p)
    return {"venture": cmd_venture, "fund": cmd_fund}


def _kind(kind: str, lang: str) -> str:
    return messages.label(f"venture_kind.{kind}", lang, default=kind)


def _print_round(r: Any, lang: str) -> None:
    print(r.id + "  " + messages.text("cli.venture.round_line", lang, name=r.name, kind=_kind(r.kind, lang),
                                      budget=r.budget, applications=r.applications, awarded=r.awarded, paid=r.paid))


def _print_application(a: Any, lang: str) -> None:
    state = messages.label(f"venture_state.{a.state}", lang, default=a.state)
    mean = "-" if a.mean is None else a.mean
    award = f"  {a.amount_awarded}" if a.amount_awarded is not None else ""
    print(f"{a.rank or '-'}\t{a.id}\t{mean}\t{state}{award}\t{a.project_title}\t{a.applicant}")


def cmd_venture(options: argparse.Namespace) -> int:
    from civicdesk.services.cultivation import venture  # SQLAlchemy: see commands/common.py

    db = open_db(options)
    try:
        lang, command = options.lang, options.venture_command
        if command == "list":
            rows = venture.list_rounds(db, kind=options.kind, division=options.county)
            if options.json:
                print_json([r.to_json() for r in rows])
                return 0
            for r in rows:
                _print_round(r, lang)
            print(messages.text("cli.venture.rounds", lang, count=len(rows)))
            return 0
        if command == "show":
            report = venture.get_round(db, options.round)
            if options.json:
                print_json(report.to_json())
                return 0
            _print_round(report.round, lang)
            for a in report.applications:
                _print_application(a, lang)
            return 0
        user = acting_user(options, db)
        if command == "add":
            r = venture.add_round(db, name=options.name, kind=options.kind, organizer=options.organizer,
                                  budget=options.budget, opens_on=options.opens, closes_on=options.closes,
                                  division=options.county, by=user)
            if options.json:
                print_json(r.to_json())
            else:
                _print_round(r, lang)
            return 0
        if command == "apply":
            a = venture.apply(db, options.round, title=options.title, amount=options.amount,
                              submitted_on=options.submitted_on, organization=options.org,
                              applicant=options.applicant, summary=options.summary, by=user)
        elif command == "score":
            a = venture.score(db, options.application, judge=options.judge, value=options.score,
                              scored_on=options.scored_on, by=user)
        elif command == "award":
            a = venture.award(db, options.application, amount=options.amount, decided_on=options.decided_on, by=user)
        elif command == "decline":
            a = venture.decline(db, options.application, decided_on=options.decided_on, by=user)
        else:
            a = venture.pay(db, options.application, amount=options.amount, paid_on=options.paid_on,
                            note=options.note, by=user)
        if options.json:
            print_json(a.to_json())
        else:
            _print_application(a, lang)
        return 0
    finally:
        db.close()


def _print_fund(f: Any, lang: str) -> None:
    print(f"{f.id}  {f.name}  {f.community_name}  {f.holder}  {f.founded_on}")
    print("  " + messages.text("cli.fund.balance", lang, contributed=f.contributed, granted=f.granted,
                               balance=f.balance))


def cmd_fund(options: argparse.Namespace) -> int:
    from civicdesk.services.cultivation import funds  # SQLAlchemy: see commands/common.py

    db = open_db(options)
    try:
        lang, command = options.lang, options.fund_command
        if command == "list":
            rows = funds.list_funds(db, community=options.community, division=options.county)
            if options.json:
                print_json([{k: v for k, v in f.to_json().items() if k != "entries"} for f in rows])
                return 0
            for f in rows:
                _print_fund(f, lang)
            print(messages.text("cli.fund.count", lang, count=len(rows)))
            return 0
        if command == "show":
            f = funds.get_fund(db, options.fund)
        else:
            user = acting_user(options, db)
            if command == "add":
                f = funds.add_fund(db, community=options.community, name=options.name, founded_on=options.founded_on,
                                   holder=options.holder, holder_name=options.holder_name, by=user)
            elif command == "contribute":
                f = funds.contribute(db, options.fund, amount=options.amount, party=options.party,
                                     entry_on=options.entry_on, purpose=options.purpose, by=user)
            else:
                f = funds.grant(db, options.fund, amount=options.amount, party=options.party,
                                purpose=options.purpose, entry_on=options.entry_on, by=user)
        if options.json:
            print_json(f.to_json())
            return 0
        _print_fund(f, lang)
        for e in f.entries:
            kind = messages.label(f"fund_kind.{e.kind}", lang, default=e.kind)
            print(f"  {e.entry_on}\t{kind}\t{e.amount}\t{e.party}\t{e.purpose or ''}")
        return 0
    finally:
        db.close()
