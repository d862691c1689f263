"""The headless commands, over the same services as the GUI.

Every command prints data as text, or as JSON with ``--json``; exits 0 on success and otherwise 2 (3: a
``verify`` that found faults) with one line on stderr that names what is wrong and nothing written: bad input,
a locked, read-only, full or damaged database, and even a fault of the program itself never end in a
traceback.

The command groups live in ``civicdesk/commands/`` (listed in :data:`COMMAND_MODULES`) with their shared
helpers in :mod:`civicdesk.commands.common`.  Services are imported inside the handlers: every start, the GUI's
too, builds this parser on the way to the first paint, before SQLAlchemy may load (see that module).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path
from typing import Any

from civicdesk import __version__, messages
from civicdesk.commands import audit, filing, inspection, ledger, office, parameter, sync, users
from civicdesk.commands import rating as rating_command
from civicdesk.commands import print as print_command
from civicdesk.commands import spotcheck
from civicdesk.commands import credit as credit_command
from civicdesk.commands import enforcement as enforcement_command
from civicdesk.commands import ruling as ruling_command
from civicdesk.commands import venture as venture_command
from civicdesk.commands import station as station_command
from civicdesk.commands import volunteer as volunteer_command
from civicdesk.commands import incubation as incubation_command
from civicdesk.commands import project as project_command
from civicdesk.commands import cultivation_ledger
from civicdesk.commands import db as db_command
from civicdesk.commands.common import (
    EXIT_CHECK_FAILED,
    EXIT_ERROR,
    JSON_HELP,
    Parser,
    acting_user,
    add_register_filters,
    count_arg,
    credit_filter,
    fill_help,
    first_surrogate,
    one_line,
    open_db,
    print_json,
    read_json_file,
    read_new_password,
    read_twice,
    supervision_filter,
)
from civicdesk.errors import CivicDeskError, InputError, ValidationError
from civicdesk.schema import MAX_QUERY

#: The command groups in ``civicdesk/commands/``, one module per feature: each module's ``add_parsers(sub)``
#: adds its parsers and returns ``{command name: handler}`` (see civicdesk/commands/README.md).
COMMAND_MODULES: tuple[Any, ...] = (audit, filing, inspection, ledger, office, parameter, print_command, sync, users,
                                     rating_command, spotcheck, credit_command, enforcement_command,
                                     ruling_command, venture_command, volunteer_command,
                                     station_command, incubation_command, project_command, cultivation_ledger,
                                     db_command)



_PARSER: argparse.ArgumentParser | None = None


def build_parser() -> argparse.ArgumentParser:
    """The command line's parser: built once per process (its ~300 options cost more to build than most commands
    take to run, and argparse never changes a parser while parsing), with the defaults the environment gives now
    (``CIVICDESK_LANG``, ``CIVICDESK_USER``), which a process may change between two commands."""
    global _PARSER
    if _PARSER is None:
        _PARSER = _make_parser()
    _PARSER.set_defaults(lang=os.environ.get("CIVICDESK_LANG", "zh"), user=os.environ.get("CIVICDESK_USER"))
    return _PARSER


def _make_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="civicdesk",
        description="CivicDesk 社会组织登记管理：不带命令时打开图形界面，带命令时在命令行中运行。",
    )
    parser.add_argument("--db", help="数据库文件路径或 SQLAlchemy URL（默认：用户数据目录下的 civicdesk.sqlite3）")
    parser.add_argument("--lang", choices=("zh", "en"), default=os.environ.get("CIVICDESK_LANG", "zh"),
                        help="消息语言 / language of messages (zh, en)")
    parser.add_argument("--user", default=os.environ.get("CIVICDESK_USER"),
                        help="以此用户身份执行改变、导出、导入或打印数据的命令（或环境变量 CIVICDESK_USER；"
                             "密码在终端输入，或由 CIVICDESK_PASSWORD 提供）")
    parser.add_argument("--no-backup", action="store_true",
                        help="升级服务器数据库前不用 pg_dump 备份（未装 pg_dump 且已另行备份时）/ "
                             "migrate without pg_dump")
    parser.add_argument("--version", action="version", version=f"CivicDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="设定本单位并建立数据库 / set up this office")
    p.add_argument("--office-code", required=True, help="6位行政区划代码，如 511111")
    p.add_argument("--office-name", required=True, help="单位名称，如 乐山市沙湾区民政局")
    p.add_argument("--level", required=True, choices=("district", "city"), help="district（区/县）或 city（市）")
    p.add_argument("--admin", metavar="NAME",
                   help="同时建立第一个管理员账户（密码在终端输入两次，或由标准输入给出两行）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("demo", help="载入乐山市演示数据（本单位份额）/ load the Leshan demo data")
    p.add_argument("--own", action="store_true",
                   help="市局只载入本局自己登记的组织（其余由各区县同步而来）/ the city: only its own registrations")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    org = sub.add_parser("org", help="登记簿中的组织 / organizations of the register")
    org_sub = org.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    p = org_sub.add_parser("list", help="列出组织（筛选同 print register 与 export）")
    add_register_filters(p)
    p.add_argument("--limit", type=count_arg, help="最多列出几个（默认：全部）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p = org_sub.add_parser("show", help="显示一个组织（按 id、统一社会信用代码或名称）")
    p.add_argument("key", metavar="ID_OR_USCC", help="组织 id、统一社会信用代码或名称")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    p.add_argument("--reveal", action="store_true", help="显示完整身份证号码（个人信息，谨慎使用）")
    p = org_sub.add_parser("add", help="直接录入一条历史档案记录（经校验）")
    p.add_argument("--json-file", required=True, type=Path, help="记录的 JSON 文件（形如 org show --json 的输出）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("stats", help="统计数字 / figures of the register")
    p.add_argument("--division", help="区划代码（默认：本单位）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("search", help="检索组织：名称、住所、法定代表人的中文片段，信用代码前缀，名称拼音或首字母")
    p.add_argument("query", metavar="QUERY", help=f"检索词（最多 {MAX_QUERY} 个字符）")
    p.add_argument("--limit", type=count_arg, default=20, help="最多列出几个匹配（默认 20）")
    p.add_argument("--json", action="store_true", help=JSON_HELP)

    p = sub.add_parser("verify", help="检查数据库完整性与结构版本 / check the database")
    p.add_argument("--json", action="store_true", help=JSON_HELP)
    for module in COMMAND_MODULES:
        COMMANDS.update(module.add_parsers(sub))
    fill_help(parser)
    return parser


def run(options: argparse.Namespace) -> int:
    """Run the command; every failure is one line on stderr and exit code 2 (see the module's docstring)."""
    lang = options.lang
    try:
        handler = COMMANDS[options.command]
        return handler(options)
    except ValidationError as exc:
        sys.stderr.write(f"civicdesk: {one_line(exc.message(lang))}\n")
        if getattr(options, "json", False):
            print_json({"error": exc.code, "issues": [i.as_dict(lang) for i in exc.issues]})
        return EXIT_ERROR
    except CivicDeskError as exc:
        sys.stderr.write(f"civicdesk: {one_line(exc.message(lang))}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        raise  # the reader went away (``| head``): main() ends quietly
    except KeyboardInterrupt:
        sys.stderr.write("civicdesk: 已中断 / interrupted\n")
        return 130
    except Exception as exc:  # noqa: BLE001  (the last line of defence: one line, never a traceback)
        sys.stderr.write(f"civicdesk: {one_line(unexpected_error(exc).message(lang))}\n")
        if os.environ.get("CIVICDESK_DEBUG"):
            raise
        return EXIT_ERROR


def unexpected_error(exc: BaseException) -> CivicDeskError:
    """What an exception no service turned into a :class:`CivicDeskError` means, as one: SQLite's failures
    (locked, read-only, full, damaged) and the operating system's (full disk, no permission) by their cause;
    anything else as an internal error that names only the exception's class (its text may quote data)."""
    from civicdesk.services.core.database import database_error

    mapped = database_error(exc, getattr(exc, "path", None))
    if mapped is not None:
        return mapped
    if isinstance(exc, OSError):
        code = "os.full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "os.error"
        return CivicDeskError(code, path=str(exc.filename or ""), reason=exc.strerror or type(exc).__name__)
    return CivicDeskError("cli.internal", kind=type(exc).__name__)


def _key_passphrase(lang: str) -> str | None:
    """The passphrase that protects the office's private sync keys: ``CIVICDESK_KEY_PASSPHRASE``, or typed
    twice at a terminal; None without either (the keys are then made at the first ``sync export``)."""
    value = os.environ.get("CIVICDESK_KEY_PASSPHRASE")
    if value is not None:
        return value
    if sys.stdin is None or not sys.stdin.isatty():
        return None
    first, second = read_twice(lang, "cli.prompt.key_passphrase")
    if first != second:
        raise InputError("auth.passwords_differ")
    return first


def cmd_init(options: argparse.Namespace) -> int:
    from civicdesk.services.admin.office import init_office

    password = (read_new_password(options.lang, "cli.prompt.admin_password", user=options.admin)
                if options.admin else None)
    passphrase = _key_passphrase(options.lang)
    db = open_db(options, create=True)
    try:
        office = init_office(db, code=options.office_code, name=options.office_name, level=options.level)
        admin = None
        if options.admin:
            from civicdesk.services.admin import auth

            assert password is not None
            admin = auth.create_user(db, options.admin, password, "admin")
        if passphrase is not None:  # the office's sync keys (else made at the first export or card)
            from civicdesk.services.sync.keys import ensure_keys

            ensure_keys(db, passphrase, by=admin)  # once the admin exists, the keys are the admin's act
    finally:
        db.close()
    if options.json:
        print_json({"code": office.code, "name": office.name, "level": office.level,
                     "database": str(db.path or db.url)})
    else:
        print(messages.text("cli.init.done", options.lang, name=office.name, code=office.code, level=office.level,
                            database=db.path or db.url))
    return 0


def cmd_demo(options: argparse.Namespace) -> int:
    from civicdesk.services.admin.demo import load_demo

    db = open_db(options)
    try:
        result = load_demo(db, by=acting_user(options, db), own_only=options.own)
    finally:
        db.close()
    if options.json:
        print_json(result.__dict__)
    elif result.already_loaded:
        print(messages.text("cli.demo.already_loaded", options.lang))
    else:
        print(messages.text("cli.demo.loaded", options.lang, scope=result.scope, organizations=result.organizations,
                            people=result.people, changes=result.changes, communities=result.communities))
    return 0


def cmd_org(options: argparse.Namespace) -> int:
    from civicdesk.services.register import organizations

    db = open_db(options)
    try:
        if options.org_command == "list":
            from civicdesk.services.register.browse import list_organizations

            inspection, rating = supervision_filter(options)
            rows = list_organizations(
                db, division=options.division, tier=options.tier, legal_form=options.legal_form,
                status=options.status, include_inactive=options.all, limit=options.limit,
                category=options.category, subtype=options.subtype, text=options.search,
                inspection=inspection, rating=rating, credit=credit_filter(options),
            )
            if options.json:
                print_json([r.__dict__ for r in rows])
            else:
                from civicdesk.services.register.lookups import dictionaries

                zh = messages.is_zh(options.lang)
                words = {kind: {v.code: v.label_zh if zh else v.label_en for v in values}
                         for kind, values in dictionaries(db).items() if kind in ("tier", "status")}
                for r in rows:
                    tier, status = words["tier"].get(r.tier, r.tier), words["status"].get(r.status, r.status)
                    print(f"{r.id}\t{r.uscc or '-':18}\t{r.division_code}\t{tier}\t{status}\t{r.name}")
                print(messages.text("cli.org.count", options.lang, count=len(rows)))
            return 0
        if options.org_command == "show":
            # full ID numbers are personal data: only for those allowed (the service checks), and audited
            record = organizations.get_organization(db, options.key, reveal=options.reveal,
                                                    by=acting_user(options, db) if options.reveal else None)
            if options.json:
                print_json(record.to_json())
            else:
                _print_record(db, record, options.lang)
            return 0
        user = acting_user(options, db)  # direct entry: admins digitizing paper records (the service checks)
        data = read_json_file(options.json_file)
        record = organizations.add_organization(db, data, entry_mode="legacy", by=user)
        if options.json:
            print_json(record.to_json())
        else:
            print(messages.text("cli.org.added", options.lang, name=record.name, id=record.id))
        return 0
    finally:
        db.close()


def check_arguments(args: list[str]) -> None:
    """Refuse an argument that is not valid text: bytes that are not UTF-8 reach Python as lone surrogates
    (``surrogateescape``), which SQLite cannot store and a terminal cannot print."""
    for arg in args:
        if first_surrogate(arg) is not None:
            # the bytes as the shell passed them (surrogateescape), other lone surrogates as \\uXXXX
            shown = "".join(f"\\x{ord(c) - 0xDC00:02x}" if "\udc80" <= c <= "\udcff" else
                            f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in arg)
            raise InputError("cli.bad_argument", value=shown[:80])


#: fields whose value is a division code, shown with the division's name
_DIVISION_FIELDS = ("division_code", "township_code", "community_code", "registry_code")


def _print_record(db: Any, record: Any, lang: str = "zh") -> None:
    """An organization as labelled lines in ``lang``: dictionary labels for codes, division names for
    division codes, 是/否/— for flags and empty values, numbers with separators (JSON keeps the codes)."""
    from civicdesk.models import Division
    from civicdesk.services.register.lookups import dictionaries
    from civicdesk.services.filings.service import field_label
    from civicdesk.services.register.records import ORG_FIELDS, to_json_value

    zh = messages.is_zh(lang)
    labels = {kind: {v.code: (v.label_zh if zh else v.label_en) for v in values}
              for kind, values in dictionaries(db).items()}
    with db.read() as session:
        names = {code: d.name for code in {record.values.get(f) for f in _DIVISION_FIELDS} if code
                 for d in [session.get(Division, code)] if d is not None}

    def shown(spec: Any, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return messages.label("cli.yes" if value else "cli.no", lang)
        if spec.kind == "code":
            return labels.get(spec.dictionary or "", {}).get(value, str(value))
        if spec.name in _DIVISION_FIELDS and value in names:
            return messages.text("cli.division", lang, name=names[value], code=value)
        if spec.kind == "int":
            return f"{value:,}"
        if spec.kind == "decimal":
            whole, _, frac = str(to_json_value(value)).partition(".")
            return f"{int(whole):,}" + (f".{frac}" if frac else "")
        return str(to_json_value(value))

    print(f"{record.name}  ({record.id})")
    for spec in ORG_FIELDS:
        print(f"  {spec.label(lang)}: {shown(spec, record.values.get(spec.name))}")
    roles = labels.get("person_role", {})
    for p in record.people:
        print(messages.text("cli.show.person", lang, role=roles.get(p.role, p.role), name=p.name,
                            id_number=p.id_number or "", state="current" if p.is_current else "former"))
    for h in record.history:
        label = field_label(h.field, lang)
        print(messages.text("cli.show.change", lang, changed_on=h.changed_on, label=label, old=h.old_value,
                            new=h.new_value, document_no=h.document_no or ""))


def cmd_stats(options: argparse.Namespace) -> int:
    from civicdesk.services.register.lookups import dictionaries
    from civicdesk.services.register.statistics import statistics

    from civicdesk.services.register.browse import count
    from civicdesk.services.register.plain import RegisterFilter
    from civicdesk.services.cultivation.figures import cultivation_figures, with_register

    db = open_db(options)
    try:
        figures = with_register(statistics(db, options.division), cultivation_figures(db, options.division))
        subtypes = {v.code: v.label(options.lang) for v in dictionaries(db).get("community_subtype", [])}
        office = db.office()
        # existing organizations this office registered, and those another office did (arrived by sync)
        live = count(db, RegisterFilter())
        own = count(db, RegisterFilter(origin_office=office.code))
    finally:
        db.close()
    others = live - own
    if others > 0:
        figures = {**figures, "registered_here": own, "registered_elsewhere": others}
    if options.json:
        print_json(figures)
        return 0
    c = figures["community_social_organizations"]
    pop = figures["population"]
    forms = figures["by_legal_form"]
    by_subtype = sorted(figures["community_by_subtype"].items(), key=lambda kv: -kv[1])
    registered = figures["registered_social_organizations"]
    lang = options.lang
    print(messages.text("cli.stats.scope", lang, name=figures["scope"]["name"], code=figures["scope"]["code"]))
    print(messages.text("cli.stats.registered", lang, registered=registered, **forms))
    print(messages.text("cli.stats.community", lang, **c))
    items = messages.label("cli.list_separator", lang).join(f"{subtypes.get(k or '', k)} {v:,}" for k, v in by_subtype)
    print(messages.text("cli.stats.of_which", lang, items=items))
    if pop:
        print(messages.text("cli.stats.per_10k", lang, per_10k=figures["per_10k_population"], year=pop["year"],
                            basis="household" if pop["basis"] == "household" else "resident",
                            population=pop["value"]))
    if others > 0:
        print(messages.text("cli.stats.elsewhere", lang, own=own, others=others,
                            by="district" if office.level == "district" else "city"))
    _print_cultivation(figures, lang)
    return 0


def _print_cultivation(figures: dict[str, Any], lang: str) -> None:
    """The cultivation lines of ``stats`` (only the programmes the office has rows of)."""
    def yuan(value: Any) -> str:  # amounts and hours: two decimals, thousands grouped
        return f"{value:,.2f}"

    inc, ps, vp = figures["incubation"], figures["purchased_services"], figures["venture_philanthropy"]
    cf, vo, cs = figures["community_funds"], figures["volunteers"], figures["children_stations"]
    lines = []
    if inc["by_base"]:
        bases = inc["bases"]
        lines.append(messages.text("cli.stats.incubation", lang, bases=bases["city"] + bases["county"],
                                   city=bases["city"], county=bases["county"], parks=inc["parks"],
                                   admitted=inc["admitted"], graduated=inc["graduated"]))
    if ps["projects"]:
        lines.append(messages.text("cli.stats.purchased", lang, since=ps["since"], projects=ps["projects"],
                                   contracted=yuan(ps["contracted"]), paid=yuan(ps["paid"])))
    if vp["rounds"]:
        lines.append(messages.text("cli.stats.venture", lang, rounds=vp["rounds"], applications=vp["applications"],
                                   awarded=vp["awarded"], amount=yuan(vp["amount_awarded"])))
    if cf["funds"]:
        lines.append(messages.text("cli.stats.funds", lang, funds=cf["funds"], communities=cf["communities"],
                                   contributed=yuan(cf["contributed"]), balance=yuan(cf["balance"])))
    if vo["teams"]:
        lines.append(messages.text("cli.stats.volunteers", lang, teams=vo["teams"], volunteers=vo["volunteers"],
                                   activities=vo["activities"], hours=yuan(vo["hours"])))
    if cs["stations"]:
        lines.append(messages.text("cli.stats.stations", lang, stations=cs["stations"], days=cs["service_days"],
                                   person_times=cs["person_times"], in_difficulty=cs["in_difficulty"],
                                   left_behind=cs["left_behind"]))
    if lines:
        print(messages.text("cli.stats.cultivation", lang))
        print("\n".join(lines))


def cmd_search(options: argparse.Namespace) -> int:
    from civicdesk.services.register.browse import search_organizations

    db = open_db(options)
    try:
        total, hits = search_organizations(db, options.query, options.limit)
    finally:
        db.close()
    if options.json:
        print_json({"query": options.query, "total": total, "results": [
            {"id": h.id, "name": h.name, "uscc": h.uscc, "division_code": h.division_code, "matched": h.matched}
            for h in hits]})
    else:
        lang = options.lang
        for h in hits:  # what matched, in words (the catalogue's search_field.*; JSON keeps the field names)
            matched = messages.label("cli.enum_separator", lang).join(
                messages.label(f"search_field.{m}", lang, default=m) for m in h.matched)
            shown = messages.text("cli.search.matched", lang, fields=matched)
            print(f"{h.id}\t{h.uscc or '-':18}\t{h.division_code}\t{h.name}\t{shown}")
        hidden = total - len(hits)
        print(messages.text("cli.search.total", options.lang, total=total)
              + (messages.text("cli.search.hidden", options.lang, hidden=hidden, total=total) if hidden else ""))
    return 0


def cmd_verify(options: argparse.Namespace) -> int:
    from civicdesk.services.admin.maintenance import verify

    db = open_db(options)
    try:
        report = verify(db)
    finally:
        db.close()
    if options.json:
        print_json(report.as_dict())
    else:
        print(f"integrity_check: {', '.join(report.integrity) or 'n/a'}")
        print(f"foreign_key_check: {len(report.foreign_key_violations)} 处违例")
        print(f"schema: {report.schema_revision}（程序要求 {report.expected_revision}）")
        if report.domain_count:
            first = report.domain[0]
            print(f"domain: {report.domain_count} 处取值无效，如 {first['entity']} {first['id']} {first['field']}="
                  f"{first['value']!r}")
    if report.error:
        sys.stderr.write(f"civicdesk: 数据库无法读取 / the database cannot be read: {report.error}\n")
        return EXIT_CHECK_FAILED
    if not report.ok:
        sys.stderr.write("civicdesk: 数据库检查未通过 / database check failed\n")
        return EXIT_CHECK_FAILED
    return 0


COMMANDS: dict[str, Any] = {"init": cmd_init, "demo": cmd_demo, "org": cmd_org, "stats": cmd_stats,
                            "search": cmd_search,
            "verify": cmd_verify}
