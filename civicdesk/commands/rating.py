"""``civicdesk rating ...``: rating evaluation (等级评估): apply, score, submit, decide, refuse, lower, cancel, list."""

from __future__ import annotations

import argparse
import re
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.errors import InputError

STATES = ("applied", "scored", "submitted", "decided", "refused", "lowered", "cancelled")
_PART = re.compile(r"^([^=\s]+)=(.*)$")
DEFAULT_DAYS = "default"  # --expiring without a number: the parameter's days


def add_parsers(sub: Any) -> dict[str, Any]:
    rating = sub.add_parser("rating", help="等级评估：申请、评分、评定、降级、取消 / rating evaluation")
    rsub = rating.add_subparsers(dest="rating_command", metavar="ACTION", required=True)
    p = rsub.add_parser("apply", help="登记评估申请（检查申报条件，不符合的不予登记并说明条件）")
    p.add_argument("organization", metavar="ORG", help="组织 id 或统一社会信用代码")
    p.add_argument("--year", required=True, type=int, help="评估年度")
    p.add_argument("--applied-on", help="申请日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p = rsub.add_parser("score", help="录入各部分得分（整数，0 至该部分满分）")
    p.add_argument("application", metavar="APP", help="评估申请 id")
    p.add_argument("--part", action="append", required=True, metavar="KEY=SCORE",
                   help="部分代码=得分，如 basic=55；可重复")
    p.add_argument("--json", action="store_true")
    p = rsub.add_parser("submit", help="提交评定")
    p.add_argument("application", metavar="APP", help="评估申请 id")
    p.add_argument("--json", action="store_true")
    p = rsub.add_parser("decide", help="评定等级（录入、提交者以外的审核人）")
    p.add_argument("application", metavar="APP", help="评估申请 id")
    p.add_argument("--decision-no", required=True, help="决定的文号")
    p.add_argument("--decided-on", help="决定日期（默认今天；有效期自该日起算）")
    p.add_argument("--json", action="store_true")
    for action, text in (("refuse", "不予评定（须写理由）"), ("cancel", "取消评估等级（须写理由）")):
        p = rsub.add_parser(action, help=text)
        p.add_argument("application", metavar="APP", help="评估申请 id")
        p.add_argument("--reason", required=True, help="理由")
        p.add_argument("--json", action="store_true")
    p = rsub.add_parser("lower", help="降低评估等级（须写理由）")
    p.add_argument("application", metavar="APP", help="评估申请 id")
    p.add_argument("--grade", required=True, help="新等级，如 3A")
    p.add_argument("--reason", required=True, help="理由")
    p.add_argument("--json", action="store_true")
    p = rsub.add_parser("list", help="列出评估申请；--expiring 只列即将到期的等级")
    p.add_argument("--year", type=int, help="评估年度")
    p.add_argument("--state", choices=STATES)
    p.add_argument("--expiring", nargs="?", const=DEFAULT_DAYS, metavar="DAYS",
                   help="只列在 DAYS 天内到期的有效等级（不写天数：参数 rating.expiry_warning_days，默认90天）")
    p.add_argument("--json", action="store_true")
    return {"rating": cmd_rating}


def _scores(items: list[str]) -> dict[str, Any]:
    """``key=score`` pairs; a score that is not a whole number is passed on as text for the service to refuse
    by name."""
    out: dict[str, Any] = {}
    for item in items:
        m = _PART.match(item.strip())
        if m is None:
            raise InputError("rating.unknown_part", part=item[:40], allowed="KEY=SCORE")
        raw = m.group(2).strip()
        out[m.group(1)] = int(raw) if re.fullmatch(r"-?\d{1,9}", raw) else raw
    return out


def _days(text: str | None) -> int | None:
    """The number of ``--expiring DAYS`` (None: not given, or given without a number)."""
    if text is None or text == DEFAULT_DAYS:
        return None
    if not re.fullmatch(r"\d{1,4}", text.strip()):
        raise InputError("rating.bad_days", value=text[:20])
    return int(text)


def cmd_rating(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import rating  # SQLAlchemy: see commands/common.py

    db = open_db(options)
    try:
        command = options.rating_command
        if command == "list":
            days = _days(options.expiring)
            rows = rating.list_ratings(db, year=options.year, state=options.state, expiring_within_days=days,
                                       expiring=options.expiring is not None)
            if options.json:
                print_json([r.to_json() for r in rows])
            else:
                for r in rows:
                    print(f"{r.id}\t{r.year}\t{rating.state_label(r.state, options.lang)}\t"
                          f"{r.current_grade or r.grade or '-'}\t{r.valid_to or '-'}\t{r.organization_name}")
                print(messages.text("cli.rating.count", options.lang, count=len(rows)))
            return 0
        user = acting_user(options, db)  # the service checks what the user may do
        if command == "apply":
            record = rating.apply(db, options.organization, options.year, applied_on=options.applied_on, by=user)
        elif command == "score":
            record = rating.score(db, options.application, _scores(options.part), by=user)
        elif command == "submit":
            record = rating.submit(db, options.application, by=user)
        elif command == "decide":
            record = rating.decide(db, options.application, by=user, decision_no=options.decision_no,
                                   decided_on=options.decided_on)
        elif command == "refuse":
            record = rating.refuse(db, options.application, by=user, reason=options.reason)
        elif command == "lower":
            record = rating.lower(db, options.application, options.grade, by=user, reason=options.reason)
        else:
            record = rating.cancel(db, options.application, by=user, reason=options.reason)
        _show(record, options)
        return 0
    finally:
        db.close()


def _show(record: Any, options: argparse.Namespace) -> None:
    from civicdesk.services.supervision import rating

    if options.json:
        print_json(record.to_json())
        return
    lang = options.lang
    print(f"{record.id}  {record.year}  {rating.state_label(record.state, lang)}  {record.organization_name}")
    if record.scores:
        print("  " + "  ".join(f"{k}={v}" for k, v in record.scores.items())
              + (f"  = {record.total}  {record.grade or '-'}" if record.total is not None else ""))
    if record.valid_from:
        print(f"  {record.current_grade or '-'}  {record.valid_from} – {record.valid_to}  {record.decision_no}")
    for o in record.eligibility:
        mark = "✓" if o["ok"] else "✗"
        colon = "：" if messages.is_zh(lang) else ": "
        print(f"  {mark} {rating.rule_label(o['rule'], lang)}{colon}{messages.text(o['detail'], lang, **o['params'])}")
