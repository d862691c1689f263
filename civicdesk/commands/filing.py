"""``civicdesk filing ...``: draft, submit and decide filings; the register changes only on approval."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from civicdesk.commands.common import acting_user, open_db, print_json, read_json_file
from civicdesk import messages

KINDS = ("establish", "change", "deregister", "revoke", "community_file", "community_guide", "tier_convert",
         "community_withdraw")


def add_parsers(sub: Any) -> dict[str, Any]:
    filing = sub.add_parser("filing", help="申请事项：起草、提交、审查 / filings")
    fsub = filing.add_subparsers(dest="filing_command", metavar="ACTION", required=True)
    p = fsub.add_parser("new", help="起草申请事项（草稿）")
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--json-file", required=True, type=Path,
                   help='申请内容 JSON：变更为 {"organization_id": ID, "changes": {字段: 新值}}；'
                        "成立/备案为记录本身（形如 org show --json）；注销/撤销为 "
                        '{"organization_id": ID, "reason": "…", "liquidation_done": true}；'
                        "可另加 received_on、complete_on、applicant、documents、document_no")
    p.add_argument("--submit", action="store_true", help="起草后立即提交")
    p.add_argument("--json", action="store_true")
    for action, text in (("submit", "提交（已受理）"), ("review", "开始审查（审查中）"),
                         ("approve", "准予（登记随之变更）"), ("reject", "不予（须写理由）"),
                         ("return", "退回补正（须写理由）"), ("withdraw", "撤回")):
        p = fsub.add_parser(action, help=text)
        p.add_argument("key", metavar="ID_OR_NUMBER", help="申请事项 id 或编号")
        p.add_argument("--comment", help="意见或理由")
        if action in ("approve", "reject"):
            p.add_argument("--document-no", help="决定的文号")
        p.add_argument("--json", action="store_true")
    p = fsub.add_parser("list", help="列出申请事项（最紧迫的在前）")
    p.add_argument("--state", choices=("draft", "submitted", "under_review", "returned", "approved", "rejected",
                                       "withdrawn"))
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--organization", help="组织 id")
    p.add_argument("--open", action="store_true", help="只列未办结的")
    p.add_argument("--json", action="store_true")
    p = fsub.add_parser("show", help="显示一件申请事项及其与登记簿现状的差异（身份证号码、电话隐去部分数字）")
    p.add_argument("key", metavar="ID_OR_NUMBER", help="申请事项 id 或编号")
    p.add_argument("--json", action="store_true")
    p.add_argument("--reveal", action="store_true",
                   help="显示完整身份证号码和电话（须登录且有查看权限，记入审计）")
    return {"filing": cmd_filing}


def cmd_filing(options: argparse.Namespace) -> int:
    from civicdesk.services.filings import service as filings

    db = open_db(options)
    try:
        command = options.filing_command
        if command in ("list", "show"):
            if command == "list":
                rows = filings.list_filings(db, state=options.state, kind=options.kind,
                                            organization_id=options.organization, open_only=options.open)
                if options.json:
                    print_json([r.to_json() for r in rows])
                else:
                    for r in rows:
                        flag = {"overdue": "已逾期", "due_soon": "即将到期"}.get(r.deadline_flag or "", "")
                        print(f"{r.number}\t{filings.kind_label(r.kind)}\t{filings.state_label(r.state)}\t"
                              f"{r.due_on or '-'}\t{flag}\t{r.organization_name}")
                    print(messages.text("cli.filing.count", options.lang, count=len(rows)))
                return 0
            user = acting_user(options, db) if options.reveal else None
            _show(filings.get_filing(db, options.key, by=user, reveal=options.reveal), options)
            return 0
        if command == "new":
            user = acting_user(options, db)
            data = read_json_file(options.json_file)
            record = filings.draft_filing(db, options.kind, data, by=user)
            if options.submit:
                record = filings.transition(db, record.id, "submit", by=user)
        else:
            user = acting_user(options, db)  # the filing service checks the role and audits a refusal
            record = filings.transition(db, options.key, command, by=user, comment=options.comment,
                                        document_no=getattr(options, "document_no", None))
        _show(record, options)
        return 0
    finally:
        db.close()


def _show(record: Any, options: argparse.Namespace) -> None:
    from civicdesk.services.filings import service as filings

    if options.json:
        print_json(record.to_json())
        return
    print(f"{record.number}  {filings.kind_label(record.kind)}  {filings.state_label(record.state)}  "
          f"{record.organization_name}  (id {record.id})")
    print(f"  受理 {record.received_on}  办结期限 {record.due_on or '-'}  申请人 {record.applicant or '-'}")
    if record.credit_listings:  # a warning, never a bar (docs/DOMAIN.md, the credit lists' effects)
        from civicdesk.services.supervision import credit

        for listing in record.credit_listings:
            print(f"  {credit.warning(listing, options.lang)}")
        print(f"  {messages.text('credit_effects.filing_note', options.lang)}")
    for d in record.diff:
        note = "" if d.current == d.old or d.current is None else f"（现为 {d.current}）"
        print(f"  {d.label}: {d.old if d.old is not None else '—'} -> {d.new}{note}")
    for s in record.steps:
        print(f"  {s.at:%Y-%m-%d %H:%M} {s.actor} {s.action}{'：' + s.comment if s.comment else ''}")
