"""``civicdesk credit ...``: credit lists (信用名单): propose (by hand or by the rules), decide, remove, objections,
the timers, and the working-day calendar (``credit calendar list|add|remove``).  At the city, ``list --city`` and
``due --city`` show every office's listings and timers the city holds (read only: each district decides its own)."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.errors import InputError

LISTS = ("abnormal", "serious")
STATES = ("proposed", "listed", "rejected", "removed", "moved", "annulled")
REMOVAL_GROUNDS = ("rectified", "six_months", "two_years", "other")
OBJECTION_DECISIONS = ("upheld", "corrected", "annulled")


def _verdict(p: Any) -> None:
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--approve", action="store_true", help="同意")
    group.add_argument("--reject", action="store_true", help="不同意（须写理由）")
    p.add_argument("--decision-no", help="决定文号（同意时必填）")
    p.add_argument("--decided-on", help="决定日期（默认今天）")
    p.add_argument("--reason", help="理由（不同意时必填）")
    p.add_argument("--json", action="store_true")


def add_parsers(sub: Any) -> dict[str, Any]:
    credit = sub.add_parser("credit", help="信用名单：活动异常名录、严重违法失信名单 / credit lists")
    csub = credit.add_subparsers(dest="credit_command", metavar="ACTION", required=True)
    p = csub.add_parser("propose", help="提出列入名单（--org --list --ground），或按规则提出到期的列入（--rules）")
    p.add_argument("--rules", action="store_true", help="按规则检查全部记录，提出到期的列入和移出")
    p.add_argument("--org", help="组织 id 或统一社会信用代码（--rules 时只检查该组织）")
    p.add_argument("--list", dest="list_kind", choices=LISTS, help="名单")
    p.add_argument("--ground", help="列入情形代码（参数 credit.grounds）")
    p.add_argument("--detail", help="情形说明")
    p.add_argument("--evidence", action="append", default=[], metavar="TEXT", help="证据说明；可重复")
    p.add_argument("--proposed-on", help="提出日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("list", help="列出名单记录")
    p.add_argument("--state", choices=STATES, help="状态")
    p.add_argument("--list", dest="list_kind", choices=LISTS, help="名单")
    p.add_argument("--org", help="组织 id 或统一社会信用代码")
    p.add_argument("--city", action="store_true", help="全市（含各区县）：本库中各单位的名单记录，只供查看（仅市局）")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("show", help="显示一条名单记录及其各步骤")
    p.add_argument("listing", metavar="ID", help="名单记录 id")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("decide", help="作出列入决定（提出人以外的审核人）")
    p.add_argument("listing", metavar="ID", help="名单记录 id")
    _verdict(p)
    p = csub.add_parser("remove", help="提出移出名单")
    p.add_argument("listing", metavar="ID", help="名单记录 id")
    p.add_argument("--ground", required=True, choices=REMOVAL_GROUNDS, help="移出事由")
    p.add_argument("--on", help="日期（已整改：查实整改之日；默认今天）")
    p.add_argument("--reason", help="理由（other 时必填）")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("remove-decide", help="作出移出决定（提出移出者以外的审核人）")
    p.add_argument("listing", metavar="ID", help="名单记录 id")
    _verdict(p)
    p = csub.add_parser("object", help="登记异议")
    p.add_argument("listing", metavar="ID", help="名单记录 id")
    p.add_argument("--content", required=True, help="异议内容")
    p.add_argument("--received-on", help="收到日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("objection-decide", help="处理异议（upheld 维持 / corrected 更正 / annulled 撤销列入）")
    p.add_argument("objection", metavar="OBJECTION", help="异议 id")
    p.add_argument("--decision", required=True, choices=OBJECTION_DECISIONS, help="处理结果")
    p.add_argument("--reply", required=True, help="答复")
    p.add_argument("--ground", help="更正为此列入情形（仅 corrected，须为同一名单的情形）")
    p.add_argument("--detail", help="更正情形说明（仅 corrected）")
    p.add_argument("--listed-on", help="更正列入日期（仅 corrected；时限自该日起算）")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("due", help="到期提醒：待决定、到期移出、转入、异议")
    p.add_argument("--city", action="store_true", help="全市（含各区县）：各单位名单的到期提醒（仅市局）")
    p.add_argument("--json", action="store_true")
    p = csub.add_parser("calendar", help="工作日历：list 列出 / add 登记本机关的放假或调休 / remove 删除")
    p.add_argument("calendar_action", choices=("list", "add", "remove"), help="list | add | remove")
    p.add_argument("--year", type=int, help="年份（list）")
    p.add_argument("--day", help="日期（add：开始日期；remove：日期或 id）")
    p.add_argument("--to", help="结束日期（add，默认同开始日期）")
    p.add_argument("--kind", choices=("holiday", "workday"), help="holiday 放假 / workday 调休上班")
    p.add_argument("--name", help="名称，如 春节")
    p.add_argument("--source", help="依据（add 必填，如国务院办公厅的放假通知）")
    p.add_argument("--reason", help="删除理由")
    p.add_argument("--json", action="store_true")
    return {"credit": cmd_credit}


def _whole_city(db: Any, options: argparse.Namespace) -> str | None:
    """``"all"`` for ``--city`` (every office's listings the city holds, read only), refused at a district."""
    if not options.city:
        return None
    office = db.office()
    if office.level != "city":
        raise InputError("cli.credit.city_only", office=office.code)
    return "all"


def cmd_credit(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import calendar, credit  # SQLAlchemy: see commands/common.py

    db = open_db(options)
    lang = options.lang
    try:
        command = options.credit_command
        if command == "list":
            rows = credit.list_listings(db, state=options.state, list_kind=options.list_kind,
                                        organization=options.org, office=_whole_city(db, options))
            if options.json:
                print_json([r.to_json() for r in rows])
            else:
                for r in rows:
                    print(f"{r.id}\t{credit.list_label(r.list_kind, lang)}\t{credit.state_label(r.state, lang)}\t"
                          f"{credit.ground_label(r.ground, lang)}\t{r.listed_on or r.proposed_on}\t"
                          f"{r.organization_name}" + (f"\t{r.office_code}" if options.city else ""))
                print(messages.text("cli.credit.count", lang, count=len(rows)))
            return 0
        if command == "show":
            _show(credit.get_listing(db, options.listing), options)
            return 0
        if command == "due":
            items = credit.due(db, lang=lang, office=_whole_city(db, options))
            if options.json:
                print_json([i.to_json() for i in items])
            else:
                for i in items:
                    print(f"{i.due_on}\t{messages.label('credit_bucket.' + i.bucket, lang)}\t"
                          f"{messages.label('credit_due.' + i.kind, lang)}\t{i.listing_id}\t{i.organization_name}"
                          + (f"\t{i.office_code}" if options.city else "") + (f"\t{i.note}" if i.note else ""))
                print(messages.text("cli.credit.due_count", lang, count=len(items)))
            return 0
        if command == "calendar" and options.calendar_action == "list":
            days = calendar.list_days(db, year=options.year)
            if options.json:
                print_json([d.to_json() for d in days])
            else:
                for d in days:
                    print(f"{d.day}\t{messages.label('calendar_kind.' + d.kind, lang)}\t{d.name or ''}\t"
                          f"{'*' if d.own else ''}\t{d.source}")
                print(messages.text("cli.credit.days", lang, count=len(days)))
            return 0
        user = acting_user(options, db)  # the service checks what the user may do
        result: Any
        if command == "calendar":
            if options.calendar_action == "add":
                result = calendar.add_days(db, options.day or "", end=options.to, kind=options.kind or "",
                                           name=options.name, source=options.source or "", by=user)
            else:
                result = [calendar.remove_day(db, options.day or "", by=user, reason=options.reason)]
            if options.json:
                print_json([d.to_json() for d in result])
            else:
                for d in result:
                    print(f"{d.day}\t{messages.label('calendar_kind.' + d.kind, lang)}\t{d.id}")
            return 0
        if command == "propose":
            if options.rules:
                ids = None
                if options.org:
                    ids = [credit.get_org_id(db, options.org)]
                engine = credit.propose_due(db, by=user, organization_ids=ids)
                if options.json:
                    print_json(engine.to_json())
                else:
                    for r in engine.proposed + engine.removals:
                        print(f"{r.id}\t{credit.list_label(r.list_kind, lang)}\t{credit.ground_label(r.ground, lang)}"
                              f"\t{r.organization_name}")
                    print(messages.text("cli.credit.engine", lang, proposed=len(engine.proposed),
                                        removals=len(engine.removals)))
                return 0
            if not (options.org and options.list_kind and options.ground):
                raise InputError("cli.credit.need_ground")
            record = credit.propose(db, options.org, options.list_kind, options.ground, by=user,
                                    detail=options.detail, proposed_on=options.proposed_on,
                                    evidence=[{"entity": "document", "summary": e} for e in options.evidence])
        elif command == "decide":
            record = credit.decide(db, options.listing, approve=options.approve, by=user,
                                   decision_no=options.decision_no, decided_on=options.decided_on,
                                   reason=options.reason)
        elif command == "remove":
            record = credit.propose_removal(db, options.listing, options.ground, by=user, on=options.on,
                                            reason=options.reason)
        elif command == "remove-decide":
            record = credit.decide_removal(db, options.listing, approve=options.approve, by=user,
                                           decision_no=options.decision_no, decided_on=options.decided_on,
                                           reason=options.reason)
        elif command == "object":
            objection = credit.object_to(db, options.listing, options.content, by=user,
                                         received_on=options.received_on)
            _show_objection(objection, options)
            return 0
        else:
            corrections = {k: v for k, v in (("ground", options.ground), ("ground_detail", options.detail),
                                             ("listed_on", options.listed_on)) if v is not None}
            objection = credit.decide_objection(db, options.objection, options.decision, options.reply, by=user,
                                                corrections=corrections or None)
            _show_objection(objection, options)
            return 0
        _show(record, options)
        return 0
    finally:
        db.close()


def _show(record: Any, options: argparse.Namespace) -> None:
    from civicdesk.services.supervision import credit

    if options.json:
        print_json(record.to_json())
        return
    lang = options.lang
    print(f"{record.id}  {credit.list_label(record.list_kind, lang)}  {credit.state_label(record.state, lang)}  "
          f"{record.organization_name}")
    print(f"  {credit.ground_label(record.ground, lang)}  {record.ground_detail or ''}")
    if record.decision_no:
        print(f"  {record.decision_no}  {record.listed_on or record.decided_on}")
    if record.removal_ground:
        print(f"  {messages.label('credit_removal.' + record.removal_ground, lang)}  {record.removal_proposed_on}  "
              f"{record.removal_decision_no or ''}")
    for s in record.steps:
        print(f"  {s.at:%Y-%m-%d %H:%M}  {s.action}  {s.actor}  {s.comment or ''}")


def _show_objection(o: Any, options: argparse.Namespace) -> None:
    if options.json:
        print_json(o.to_json())
        return
    print(f"{o.id}  {o.listing_id}  {o.state}  {o.decision or ''}  {o.reply or ''}")
