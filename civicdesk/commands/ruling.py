"""``civicdesk ruling issue|list``: the city's rulings (裁决) on a district's listings and penalties."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.errors import InputError


def add_parsers(sub: Any) -> dict[str, Any]:
    ruling = sub.add_parser("ruling", help="市民政局裁决（撤销或更正区县的信用名单、行政处罚）/ the city's rulings")
    rsub = ruling.add_subparsers(dest="ruling_command", metavar="ACTION", required=True)
    p = rsub.add_parser("issue", help="作出裁决（仅市民政局，审核人）")
    p.add_argument("subject_entity", choices=("credit_listing", "penalty"), metavar="ENTITY",
                   help="credit_listing 或 penalty")
    p.add_argument("subject_id", metavar="ID", help="记录 id")
    p.add_argument("--kind", required=True, choices=("annul", "correct"), help="annul 撤销 / correct 更正")
    p.add_argument("--field", action="append", default=[], metavar="NAME=VALUE", help="更正的字段；可重复")
    p.add_argument("--decision-no", required=True, help="裁决文号")
    p.add_argument("--decided-on", help="裁决日期（默认今天）")
    p.add_argument("--reason", required=True, help="理由")
    p.add_argument("--json", action="store_true")
    p = rsub.add_parser("list", help="列出裁决")
    p.add_argument("--subject", help="只列关于该记录 id 的裁决")
    p.add_argument("--json", action="store_true")
    return {"ruling": cmd_ruling}


def _fields(items: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError("ruling.bad_fields")
        out[name.strip()] = value.strip() or None
    return out


def cmd_ruling(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import ruling  # SQLAlchemy: see commands/common.py

    db = open_db(options)
    try:
        if options.ruling_command == "list":
            rows = ruling.list_rulings(db, subject_id=options.subject)
            if options.json:
                print_json([r.to_json() for r in rows])
            else:
                for r in rows:
                    print(f"{r.id}\t{r.decided_on}\t{r.decision_no}\t{r.kind}\t{r.subject_entity}\t{r.subject_id}")
                print(messages.text("cli.ruling.count", options.lang, count=len(rows)))
            return 0
        user = acting_user(options, db)
        info = ruling.issue(db, options.subject_entity, options.subject_id, options.kind, _fields(options.field),
                            options.decision_no, options.decided_on, options.reason, by=user)
        if options.json:
            print_json(info.to_json())
        else:
            print(f"{info.id}\t{info.decided_on}\t{info.decision_no}\t{info.kind}\t{info.subject_entity}\t"
                  f"{info.subject_id}")
        return 0
    finally:
        db.close()
