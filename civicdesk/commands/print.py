"""``civicdesk print KIND [options] -o FILE.pdf [--public] [--json]``: registers, organization sheets, the
statistics report and the filings report as PDFs.

The kinds come from :mod:`civicdesk.services.printing`; their command-line arguments, and how parsed arguments
become a kind's options, are here in :data:`ARGUMENTS` (the services never see argparse).  The printing services
are imported only when ``print`` runs: they load reportlab, and every CLI start builds every command's parser.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from civicdesk.commands.common import (
    Parser, acting_user, add_register_filters, credit_filter, fill_help, open_db, print_json, supervision_filter,
)
from civicdesk.errors import InputError
from civicdesk.services.core.validation import parse_date  # standard library only (the first paint uses it too)
from civicdesk import messages

_HELP = ("打印为 PDF：名录、登记信息表、统计报告、申请事项办理情况表、年检结果公告、抽查结果、信用名单、行政处罚等"
         "（civicdesk print --help 列出全部种类）")


@dataclass(frozen=True)
class KindArguments:
    """A printable kind on the command line: its own arguments, and its options from the parsed ones."""

    add: Callable[[argparse.ArgumentParser], None]
    options: Callable[[argparse.Namespace], Any]


def _register_arguments(p: argparse.ArgumentParser) -> None:
    """The filters of ``org list``, plus grouping."""
    from civicdesk.services.printing.register import GROUPS  # reportlab: see the module

    add_register_filters(p)
    p.add_argument("--group", default="legal_form", choices=GROUPS, help="分组：组织类型、乡镇（街道）、县区或不分组")


def _register_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing import register as reg  # reportlab: see the module
    from civicdesk.services.register.plain import RegisterFilter

    status = ns.status or (None if ns.all else "live")
    inspection, rating = supervision_filter(ns)
    flt = RegisterFilter(text=ns.search or "", legal_form=ns.legal_form, tier=ns.tier, category=ns.category,
                         community_subtype=ns.subtype, status=status, inspection=inspection, rating=rating,
                         credit=credit_filter(ns))
    return reg.RegisterOptions(filter=flt, division=ns.division, group_by=ns.group)


def _organization_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("key", metavar="ID_OR_USCC", help="组织 id、统一社会信用代码或名称")


def _statistics_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--division", help="区划代码（默认：本单位）")


def _statistics_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing.kind_statistics import StatisticsOptions  # reportlab: see the module

    return StatisticsOptions(division=ns.division)


def _dashboard_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--chart", action="append", dest="charts", metavar="SERIES",
                   help="只打印这一图表（可重复；默认：全部概览）：per_10k, registrations, tiers, subtypes, "
                        "purchased_by_year, purchased_by_county, incubation, participation, credit")


def _dashboard_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing.kind_dashboard import DashboardOptions  # reportlab: see the module

    return DashboardOptions(series=tuple(ns.charts)) if ns.charts else DashboardOptions()


def _filings_arguments(p: argparse.ArgumentParser) -> None:
    from civicdesk.services.filings import service as filings  # SQLAlchemy: see the module

    p.add_argument("--from", dest="start", help="期间起（默认：今年1月1日），如 2026-01-01")
    p.add_argument("--to", dest="end", help="期间止（默认：今天）")
    p.add_argument("--state", choices=filings.STATES, help="只列此状态的申请事项")
    p.add_argument("--kind", choices=filings.KINDS, help="只列此类申请事项")


def _filings_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing.kind_filings import FilingsOptions, default_options  # reportlab: see the module

    defaults = default_options()
    start = _date(ns.start, "--from") if ns.start else defaults.start
    end = _date(ns.end, "--to") if ns.end else defaults.end
    if end < start:
        raise InputError("print.bad_period", option="--to")
    return FilingsOptions(start, end, ns.state, ns.kind)


def _inspection_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, required=True, help="年检所属年度，如 2020")
    p.add_argument("--report", default="notice", choices=("notice", "participation"),
                   help="notice：年检结果公告（默认）；participation：参检情况报告（分县区、分组织类型的参检率）")
    p.add_argument("--all-offices", action="store_true",
                   help="参检情况报告汇总本库中各登记管理机关的年检（市局导入各区县数据后）")


def _inspection_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing.kind_inspection import InspectionOptions  # reportlab: see the module

    return InspectionOptions(ns.year, ns.report, ns.all_offices)


def _spotcheck_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("plan", metavar="PLAN_ID", help="抽查计划的 id（spotcheck list 可查）；-o 以 .xlsx 结尾时输出 Excel")


def _spotcheck_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing.kind_spotcheck import SpotcheckOptions  # reportlab: see the module

    return SpotcheckOptions(ns.plan)


def _credit_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--list", dest="list_kind", default="all", choices=("abnormal", "serious", "all"),
                   help="abnormal：活动异常名录；serious：严重违法失信名单；all：两者（默认）")
    p.add_argument("--state", default="current", choices=("current", "all"),
                   help="current：在列的（默认）；all：含已移出、已转入严重违法失信名单的")
    p.add_argument("--from", dest="start", help="列入决定日期起，如 2026-01-01")
    p.add_argument("--to", dest="end", help="列入决定日期止")


def _credit_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing.kind_credit import CreditListOptions  # reportlab: see the module

    start = _date(ns.start, "--from") if ns.start else None
    end = _date(ns.end, "--to") if ns.end else None
    if start is not None and end is not None and end < start:
        raise InputError("print.bad_period", option="--to")
    return CreditListOptions(ns.list_kind, ns.state, start, end)


def _penalty_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help="处罚决定的年度（默认：今年）")
    p.add_argument("--from", dest="start", help="处罚决定日期起（与 --year 二选一），如 2026-01-01")
    p.add_argument("--to", dest="end", help="处罚决定日期止（默认：今天）")


def _penalty_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing.kind_credit import PenaltiesOptions  # reportlab: see the module

    start = _date(ns.start, "--from") if ns.start else None
    end = _date(ns.end, "--to") if ns.end else None
    if ns.year is not None and (start or end):
        raise InputError("print.credit_period")
    if ns.year is None and start is None and end is None:
        from civicdesk import clock

        return PenaltiesOptions(year=clock.today().year)
    return PenaltiesOptions(ns.year, start, end)


def _projects_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", type=int, help="只列此年度的项目（默认：全部年度）")
    p.add_argument("--county", help="只列此区划（县区代码）购买的项目")
    p.add_argument("--org", help="只列此组织承接的项目：组织 id 或统一社会信用代码")


def _projects_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing.kind_projects import ProjectsOptions  # reportlab: see the module

    return ProjectsOptions(ns.year, ns.county, ns.org)


def _venture_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--round", help="公益创投（大赛）的 id 或名称（默认：本单位最近一轮）")


def _venture_options(ns: argparse.Namespace) -> Any:
    from civicdesk.services.printing.kind_venture import VentureReportOptions  # reportlab: see the module

    return VentureReportOptions(ns.round)


def _date(value: str, option: str) -> date:
    parsed = parse_date(value)
    if parsed is None:
        raise InputError("print.bad_date", option=option, value=value)
    return parsed


#: The command-line arguments of each printable kind, by the kind's name.
ARGUMENTS: dict[str, KindArguments] = {
    "register": KindArguments(_register_arguments, _register_options),
    "organization": KindArguments(_organization_arguments, lambda ns: {"key": ns.key}),
    "statistics": KindArguments(_statistics_arguments, _statistics_options),
    "dashboard": KindArguments(_dashboard_arguments, _dashboard_options),
    "filings": KindArguments(_filings_arguments, _filings_options),
    "inspection": KindArguments(_inspection_arguments, _inspection_options),
    "spotcheck": KindArguments(_spotcheck_arguments, _spotcheck_options),
    "credit-list": KindArguments(_credit_arguments, _credit_options),
    "penalties": KindArguments(_penalty_arguments, _penalty_options),
    "projects": KindArguments(_projects_arguments, _projects_options),
    "venture-report": KindArguments(_venture_arguments, _venture_options),
}


def add_parsers(sub: Any) -> dict[str, Any]:
    class PrintParser(Parser):
        """``print --help`` lists every kind the printing package has (read only when help is asked for:
        the kinds import reportlab)."""

        def format_help(self) -> str:
            from civicdesk.services.printing import kinds  # reportlab: see the module

            width = max(len(k.name) for k in kinds()) + 2  # the names' column, the labels after it
            self.epilog = "KIND:\n" + "\n".join(f"  {k.name:{width}}{k.label}" for k in kinds()) + \
                "\n\ncivicdesk print KIND --help 查看该种类的选项"
            return super().format_help()

    saved = sub._parser_class  # argparse offers no per-parser class for add_parser
    sub._parser_class = PrintParser
    try:
        p = sub.add_parser("print", help=_HELP, description=_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    finally:
        sub._parser_class = saved
    p.add_argument("kind", metavar="KIND", help="文档种类（见下）")
    p.add_argument("args", nargs=argparse.REMAINDER, help="该文档的选项，如 --division 511111 -o r.pdf")
    return {"print": cmd_print}


def kind_parser(kind: Any) -> argparse.ArgumentParser:
    """The parser of ``civicdesk print <kind>``: the kind's own arguments (:data:`ARGUMENTS`), then those of
    every kind."""
    p = Parser(prog=f"civicdesk print {kind.name}", description=kind.label)
    ARGUMENTS[kind.name].add(p)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf", help="输出的 PDF 文件")
    p.add_argument("--public", action="store_true", help="公开版：隐去身份证号码、电话号码和内部备注")
    p.add_argument("--reveal-ids", action="store_true", help="内部版显示完整身份证号码（须有查看权限）")
    p.add_argument("--font", help="指定字体文件（TrueType；.ttc 的某一字形写作 路径#序号）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果 / output JSON")
    fill_help(p)
    return p


def cmd_print(options: argparse.Namespace) -> int:
    from civicdesk.services.printing import get_kind, print_document  # reportlab: see the module

    kind = get_kind(options.kind)
    args = kind_parser(kind).parse_args(options.args)
    options.json = args.json
    db = open_db(options)
    try:
        user = acting_user(options, db)  # print_document checks "print" (and "reveal_ids")
        result = print_document(db, kind.name, ARGUMENTS[kind.name].options(args), args.output, public=args.public,
                                reveal_ids=args.reveal_ids, font=args.font, by=user)
    finally:
        db.close()
    if args.json:
        print_json(result.as_dict())
    else:
        print(messages.text("cli.print.written", options.lang, path=result.path, title=result.title,
                            pages=result.pages, version="public" if result.public else "internal"))
        if result.facts.get("empty"):
            print(messages.text("cli.print.empty", options.lang))
        for line in result.substitutions:
            print(messages.text("cli.print.substitution", options.lang, line=line))
    return 0
