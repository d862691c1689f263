"""``civicdesk station ...``: children's service stations (儿童服务站): service days, funding (三个一点), totals."""

from __future__ import annotations

import argparse
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.commands.volunteer import listing

STATION_HELP = "儿童服务站（社区社会组织）id 或统一社会信用代码"


def add_parsers(sub: Any) -> dict[str, Any]:
    station = sub.add_parser("station", help="儿童服务站：服务记录、经费、合计 / children's service stations")
    ssub = station.add_subparsers(dest="station_command", metavar="ACTION", required=True)
    p = ssub.add_parser("add", help="记录一个服务日（活动、服务人次，其中困境儿童、留守儿童人次）")
    p.add_argument("station", metavar="STATION", help=STATION_HELP)
    p.add_argument("--served-on", required=True, help="服务日期（不晚于今天）")
    p.add_argument("--activity", required=True, help="服务活动")
    p.add_argument("--person-times", required=True, help="服务人次（大于0）")
    p.add_argument("--in-difficulty", default="0", help="其中困境儿童人次")
    p.add_argument("--left-behind", default="0", help="其中留守儿童人次")
    p.add_argument("--json", action="store_true")
    p = ssub.add_parser("list", help="列出服务站及其合计；给出服务站则列其服务日")
    p.add_argument("station", metavar="STATION", nargs="?", help=STATION_HELP)
    p.add_argument("--year", type=int, help="年度（服务日）")
    p.add_argument("--all", action="store_true", help="含已注销、撤销的服务站")
    p.add_argument("--json", action="store_true")
    p = ssub.add_parser("fund", help="登记经费（三个一点：foundation 基金会、organization 承接组织、"
                                     "civil_affairs 民政部门）")
    p.add_argument("station", metavar="STATION", help=STATION_HELP)
    p.add_argument("--source", required=True, help="foundation | organization | civil_affairs")
    p.add_argument("--year", required=True, help="经费年度")
    p.add_argument("--funder", required=True, help="出资方")
    p.add_argument("--amount", required=True, help="金额（元，大于0，最多两位小数）")
    p.add_argument("--received-on", required=True, help="到账日期（不晚于今天）")
    p.add_argument("--json", action="store_true")
    p = ssub.add_parser("funding", help="列出服务站的经费")
    p.add_argument("station", metavar="STATION", help=STATION_HELP)
    p.add_argument("--year", type=int, help="经费年度")
    p.add_argument("--json", action="store_true")
    p = ssub.add_parser("show", help="服务站的合计：服务日、人次、困境儿童、留守儿童、各来源经费")
    p.add_argument("station", metavar="STATION", help=STATION_HELP)
    p.add_argument("--json", action="store_true")
    return {"station": cmd_station}


def _source(code: str, lang: str) -> str:
    return messages.label(f"station_source.{code}", lang)


def _totals(t: Any, lang: str) -> None:
    print(f"{t.id}  {t.name}  {t.division_code or '-'}")
    print(messages.text("cli.station.totals", lang, days=t.service_days, times=t.person_times,
                        difficulty=t.in_difficulty, left=t.left_behind, funded=t.funded))
    for code, amount in t.funding.items():
        print(f"  {_source(code, lang)}\t{amount}")


def cmd_station(options: argparse.Namespace) -> int:
    from civicdesk.services.cultivation import stations

    db = open_db(options)
    try:
        command, lang = options.station_command, options.lang
        if command == "list" and options.station is None:
            return listing(options, stations.list_stations(db, all_statuses=options.all),
                           lambda r: f"{r.id}\t{r.service_days}\t{r.person_times}\t{r.funded}\t{r.name}",
                           "cli.station.count")
        if command == "list":
            days = stations.list_services(db, options.station, year=options.year)
            return listing(options, days, lambda d: f"{d.id}\t{d.served_on}\t{d.person_times}\t{d.in_difficulty}\t"
                                                    f"{d.left_behind}\t{d.activity}",
                           "cli.station.days", times=sum(d.person_times for d in days))
        if command == "funding":
            money = stations.list_funding(db, options.station, year=options.year)
            return listing(options, money, lambda m: f"{m.id}\t{m.year}\t{_source(m.source, lang)}\t{m.amount}\t"
                                                     f"{m.received_on}\t{m.funder}",
                           "cli.station.funding", amount=sum(m.amount for m in money))
        if command == "show":
            totals = stations.show_station(db, options.station)
            if options.json:
                print_json(totals.to_json())
            else:
                _totals(totals, lang)
            return 0
        user = acting_user(options, db)  # the service checks what the user may do
        result: Any
        if command == "add":
            result = stations.add_service(db, options.station, served_on=options.served_on,
                                          activity=options.activity, person_times=options.person_times,
                                          in_difficulty=options.in_difficulty, left_behind=options.left_behind,
                                          by=user)
            line = f"{result.id}  {result.served_on}  {result.person_times}  {result.activity}"
        else:
            result = stations.add_funding(db, options.station, year=options.year, source=options.source,
                                          funder=options.funder, amount=options.amount,
                                          received_on=options.received_on, by=user)
            line = f"{result.id}  {result.year}  {_source(result.source, lang)}  {result.amount}"
        if options.json:
            print_json(result.to_json())
        else:
            print(line)
        return 0
    finally:
        db.close()
