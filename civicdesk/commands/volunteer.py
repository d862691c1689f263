"""``civicdesk volunteer ...``: volunteer service (志愿服务): a team's volunteers, activities and hours, the points
scheme (志愿积分) and awards (表彰奖励)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.errors import InputError

TEAM_HELP = "志愿服务队（社区社会组织）id 或统一社会信用代码"


def add_parsers(sub: Any) -> dict[str, Any]:
    volunteer = sub.add_parser("volunteer", help="志愿服务：志愿者、服务时长、积分、表彰 / volunteer service")
    vsub = volunteer.add_subparsers(dest="volunteer_command", metavar="ACTION", required=True)
    p = vsub.add_parser("add", help="登记志愿服务队的志愿者")
    p.add_argument("team", metavar="TEAM", help=TEAM_HELP)
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument("--phone", help="联系电话")
    p.add_argument("--joined-on", help="加入日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p = vsub.add_parser("list", help="列出服务队的志愿者（电话隐去中间位，--reveal 显示全号并留痕）")
    p.add_argument("team", metavar="TEAM", help=TEAM_HELP)
    p.add_argument("--all", action="store_true", help="含已离队的志愿者")
    p.add_argument("--reveal", action="store_true", help="显示完整电话（须有查看身份信息的权限，留痕）")
    p.add_argument("--json", action="store_true")
    p = vsub.add_parser("leave", help="志愿者离队")
    p.add_argument("volunteer", metavar="VOLUNTEER", help="志愿者 id")
    p.add_argument("--left-on", help="离队日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p = vsub.add_parser("show", help="志愿者的服务记录、时长、积分和表彰")
    p.add_argument("volunteer", metavar="VOLUNTEER", help="志愿者 id")
    p.add_argument("--reveal", action="store_true", help="显示完整电话（须有查看身份信息的权限，留痕）")
    p.add_argument("--json", action="store_true")
    p = vsub.add_parser("activity", help="记录一次志愿服务活动及各志愿者的服务时长")
    p.add_argument("team", metavar="TEAM", help=TEAM_HELP)
    p.add_argument("--held-on", required=True, help="活动日期（不晚于今天）")
    p.add_argument("--title", required=True, help="活动名称")
    p.add_argument("--place", help="地点")
    p.add_argument("--hours", action="append", required=True, metavar="VOLUNTEER=HOURS",
                   help="志愿者id=小时，如 3f2a…=2.5；可重复")
    p.add_argument("--json", action="store_true")
    p = vsub.add_parser("activities", help="列出服务队的活动")
    p.add_argument("team", metavar="TEAM", help=TEAM_HELP)
    p.add_argument("--year", type=int, help="年度")
    p.add_argument("--json", action="store_true")
    p = vsub.add_parser("scheme", help="志愿积分办法：set 设定新办法，show 查看现行及历次办法")
    ssub = p.add_subparsers(dest="scheme_command", metavar="ACTION", required=True)
    s = ssub.add_parser("set", help="设定新的积分办法（自起始日生效，原办法至前一日止）")
    s.add_argument("--name", required=True, help="办法名称")
    s.add_argument("--valid-from", required=True, help="起始日期")
    rules = s.add_mutually_exclusive_group(required=True)
    rules.add_argument("--rules", help='规则 JSON，如 {"per_hour": 1, "max_hours_per_day": 8, "awards": '
                                       '[{"points": 100, "zh": "一星志愿者", "en": "one-star volunteer"}]}')
    rules.add_argument("--rules-file", type=Path, help="规则 JSON 文件")
    s.add_argument("--source", required=True, help="依据（本机关文件名称、文号）")
    s.add_argument("--json", action="store_true")
    s = ssub.add_parser("show", help="现行积分办法及历次办法")
    s.add_argument("--on", help="查看某日有效的办法（默认今天）")
    s.add_argument("--json", action="store_true")
    p = vsub.add_parser("award", help="表彰奖励志愿者或服务队（可兑换志愿者积分）")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--volunteer", help="志愿者 id")
    who.add_argument("--team", help=TEAM_HELP)
    p.add_argument("--title", required=True, help="表彰名称")
    p.add_argument("--body", required=True, help="表彰单位")
    p.add_argument("--on", help="表彰日期（默认今天）")
    p.add_argument("--points", help="兑换的积分（整数，不超过现有积分）")
    p.add_argument("--json", action="store_true")
    p = vsub.add_parser("awards", help="列出表彰奖励")
    p.add_argument("--team", help=TEAM_HELP)
    p.add_argument("--json", action="store_true")
    return {"volunteer": cmd_volunteer}


def _hours(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError("volunteer.bad_hours_pair", value=item[:60])
        out[key.strip()] = value.strip()
    return out


def _rules(options: argparse.Namespace) -> Any:
    text = options.rules_file.read_text(encoding="utf-8") if options.rules_file else options.rules
    try:
        return json.loads(text)
    except ValueError as exc:
        raise InputError("volunteer.bad_rules_json", value=str(exc)[:80]) from None


def _say(code: str, lang: str, **params: Any) -> None:
    print(messages.text(code, lang, **params))


def listing(options: argparse.Namespace, rows: list[Any], line: Callable[[Any], str], code: str,
            **params: Any) -> int:
    """Rows as JSON (``--json``) or one line each and the count line ``code`` (also for ``station``)."""
    if options.json:
        print_json([r.to_json() for r in rows])
    else:
        for r in rows:
            print(line(r))
        _say(code, options.lang, count=len(rows), **params)
    return 0


def cmd_volunteer(options: argparse.Namespace) -> int:
    from civicdesk.services.cultivation import volunteers

    db = open_db(options)
    try:
        command, lang = options.volunteer_command, options.lang
        if command == "activities":
            acts = volunteers.list_activities(db, options.team, year=options.year)
            return listing(options, acts, lambda a: f"{a.id}\t{a.held_on}\t{a.total_hours}\t{len(a.hours)}\t{a.title}",
                           "cli.volunteer.activities", hours=sum(a.total_hours for a in acts))
        if command == "awards":
            return listing(options, volunteers.list_awards(db, team=options.team),
                           lambda w: f"{w.id}\t{w.awarded_on}\t{w.recipient}\t{w.title}\t{w.awarded_by}\t"
                                     f"{w.points or '-'}", "cli.volunteer.awards")
        if command == "scheme" and options.scheme_command == "show":
            current = volunteers.scheme_in_force(db, options.on)
            history = volunteers.list_schemes(db)
            if options.json:
                print_json({"current": current.to_json() if current else None,
                            "schemes": [s.to_json() for s in history]})
                return 0
            if current is None:
                _say("volunteer.no_scheme", lang)
            for s in history:
                mark = "*" if current is not None and s.id == current.id else " "
                print(f"{mark} {s.valid_from} – {s.valid_to or ''}\t{s.name}\t"
                      f"{json.dumps(s.rules, ensure_ascii=False)}\t{s.source}")
            return 0
        user = acting_user(options, db)  # the service checks what the user may do
        if command == "list":
            people = volunteers.list_volunteers(db, options.team, include_left=options.all, reveal=options.reveal,
                                                by=user)
            return listing(options, people, lambda v: f"{v.id}\t{v.name}\t{v.phone or '-'}\t{v.joined_on}\t"
                                                      f"{v.left_on or ''}\t{v.hours}", "cli.volunteer.count")
        if command == "show":
            record = volunteers.show_volunteer(db, options.volunteer, reveal=options.reveal, by=user)
            if options.json:
                print_json(record.to_json())
                return 0
            v = record.volunteer
            print(f"{v.id}  {v.name}  {v.phone or '-'}  {v.team_name}  {v.joined_on} – {v.left_on or ''}")
            for s in record.served:
                print(f"  {s.held_on}\t{s.hours}\t{s.points}\t{s.title}")
            for w in record.awards:
                print(f"  ★ {w.awarded_on}\t{w.title}\t{w.awarded_by}\t{w.points or '-'}")
            for t in record.thresholds:
                print(f"  ✓ {t['points']}\t{t['zh'] if messages.is_zh(lang) else t['en']}")
            _say("cli.volunteer.totals", lang, hours=record.hours, points=record.points, redeemed=record.redeemed,
                 balance=record.balance)
            return 0
        result: Any
        if command == "add":
            result = volunteers.add_volunteer(db, options.team, name=options.name, phone=options.phone,
                                              joined_on=options.joined_on, by=user)
            line = f"{result.id}  {result.name}  {result.phone or '-'}  {result.team_name}"
        elif command == "leave":
            result = volunteers.leave(db, options.volunteer, left_on=options.left_on, by=user)
            line = f"{result.id}  {result.name}  {result.left_on}"
        elif command == "activity":
            result = volunteers.record_activity(db, options.team, held_on=options.held_on, title=options.title,
                                                place=options.place, hours=_hours(options.hours), by=user)
            line = f"{result.id}  {result.held_on}  {result.total_hours}  {result.title}"
        elif command == "scheme":
            result = volunteers.set_scheme(db, name=options.name, valid_from=options.valid_from,
                                           rules=_rules(options), source=options.source, by=user)
            line = f"{result.id}  {result.valid_from}  {result.name}"
        else:
            result = volunteers.award(db, volunteer=options.volunteer, team=options.team, title=options.title,
                                      awarded_by=options.body, awarded_on=options.on, points=options.points,
                                      by=user)
            line = f"{result.id}  {result.awarded_on}  {result.recipient}  {result.title}"
        if options.json:
            print_json(result.to_json())
        else:
            print(line)
        return 0
    finally:
        db.close()
