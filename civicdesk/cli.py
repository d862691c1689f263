"""The headless commands, over the same services as the GUI.

Every command prints data as text, or as JSON with ``--json``; exits 0 on success and otherwise 2 (3: a
``verify`` that found faults) with one line on stderr that names what is wrong and nothing written: bad input,
a locked, read-only, full or damaged database, and even a fault of the program itself never end in a
traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from civicdesk import __version__
from civicdesk.errors import CivicDeskError, InputError, ValidationError

EXIT_ERROR = 2
EXIT_CHECK_FAILED = 3
#: Largest ``--limit``: more than any register holds, and within SQLite's integers (10^20 overflowed).
MAX_LIMIT = 10_000_000
#: Deepest nesting a JSON input may have (a record is three levels deep; 100,000 levels ran out of stack).
MAX_JSON_DEPTH = 32


class Parser(argparse.ArgumentParser):
    """argparse with its complaint in one line on stderr (exit 2), like every other error of the CLI."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}（{self.prog} --help）\n")


def count_arg(text: str) -> int:
    """A whole number from 0 to :data:`MAX_LIMIT` (an option's type)."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"0..{MAX_LIMIT:,}: {text[:40]!r}")
    return value


def add_register_filters(p: argparse.ArgumentParser) -> None:
    """The filters of the register, as ``print register`` and ``export`` take them."""
    p.add_argument("--division", help="区划代码：县、乡镇或村（社区）")
    p.add_argument("--tier", choices=("registered", "filed", "guided"),
                   help="管理层级：registered 登记、filed 备案、guided 指导管理")
    p.add_argument("--legal-form", choices=("social_group", "social_service", "foundation"),
                   help="组织类型：social_group 社会团体、social_service 民办非企业单位、foundation 基金会")
    p.add_argument("--category", help="行业类别代码，如 charity")
    p.add_argument("--subtype", help="社区社会组织类别代码，如 elderly_association")
    p.add_argument("--status", help="状态代码，如 active、deregistered")
    p.add_argument("--all", action="store_true", help="包括已注销、已撤销的组织")
    p.add_argument("--search", default="", help="检索词（同主窗口检索框）")


def build_parser() -> argparse.ArgumentParser:
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
    for module in _command_modules():
        COMMANDS.update(module.add_parsers(sub))
    fill_help(parser)
    return parser


def fill_help(parser: argparse.ArgumentParser) -> None:
    """Give the options every command has their help where a command did not: ``--json`` its sentence, and
    an option with choices the list of them (so that ``--help`` explains every option)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                fill_help(child)
        elif not action.help:
            if "--json" in action.option_strings:
                action.help = JSON_HELP
            elif action.choices:
                action.help = "可选 / one of: " + ", ".join(map(str, action.choices))


JSON_HELP = "以 JSON 输出 / output JSON"
MAX_QUERY = 200  # keep equal to civicdesk.services.register.search.MAX_QUERY (imported lazily: the CLI starts fast)


def _command_modules() -> list[Any]:
    """The command groups in ``civicdesk/commands/``: each module's ``add_parsers(sub)`` adds its parsers and
    returns ``{command name: handler}``.  Keeps this file from growing with every feature."""
    import importlib
    import pkgutil

    import civicdesk.commands as package

    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"civicdesk.commands.{name}") for name in names]


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _open(options: argparse.Namespace, *, create: bool = False):
    """The database of ``--db``; only ``init`` (``create``) makes a new file: any other command on a missing
    file is refused with nothing written."""
    from civicdesk.services.core.database import open_database

    return open_database(options.db, create=create)


def _one_line(text: str) -> str:
    """A message as one line (an OS or SQLite message may hold line breaks)."""
    return " ".join(str(text).split())


def run(options: argparse.Namespace) -> int:
    """Run the command; every failure is one line on stderr and exit code 2 (see the module's docstring)."""
    lang = options.lang
    try:
        handler = COMMANDS[options.command]
        return handler(options)
    except ValidationError as exc:
        sys.stderr.write(f"civicdesk: {_one_line(exc.message(lang))}\n")
        if getattr(options, "json", False):
            _print_json({"error": exc.code, "issues": [i.as_dict(lang) for i in exc.issues]})
        return EXIT_ERROR
    except CivicDeskError as exc:
        sys.stderr.write(f"civicdesk: {_one_line(exc.message(lang))}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        raise  # the reader went away (``| head``): main() ends quietly
    except KeyboardInterrupt:
        sys.stderr.write("civicdesk: 已中断 / interrupted\n")
        return 130
    except Exception as exc:  # noqa: BLE001  (the last line of defence: one line, never a traceback)
        sys.stderr.write(f"civicdesk: {_one_line(unexpected_error(exc).message(lang))}\n")
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
        import errno

        code = "os.full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "os.error"
        return CivicDeskError(code, path=str(exc.filename or ""), reason=exc.strerror or type(exc).__name__)
    return CivicDeskError("cli.internal", kind=type(exc).__name__)


def read_new_password(label: str = "新密码") -> str:
    """A new password: typed twice at a terminal, or two lines of standard input when it is not one."""
    from civicdesk.services.admin import auth

    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        first = getpass.getpass(f"{label}: ")
        second = getpass.getpass(f"再次输入{label}: ")
    else:
        lines = (sys.stdin.read() if sys.stdin is not None else "").splitlines()
        if len(lines) < 2:
            raise InputError("auth.no_password")
        first, second = lines[0], lines[1]
    if first != second:
        raise InputError("auth.passwords_differ")
    auth.check_password_strength(first)
    return first


def acting_user(options: argparse.Namespace, db: Any) -> Any:
    """Who runs a command that changes, exports, imports or prints data: logged in by ``--user`` or
    ``CIVICDESK_USER`` with the password from a prompt or ``CIVICDESK_PASSWORD``.  Only says who acts: the
    service called next checks what that user may do.

    A database without user accounts has nobody to log in as: the command runs as the system (and says so in
    the audit trail) until its first admin is made."""
    from civicdesk.errors import CivicDeskError
    from civicdesk.services.admin import auth

    if not auth.has_users(db):
        return None
    username = getattr(options, "user", None)
    if not username:
        raise CivicDeskError("auth.required")
    password = os.environ.get("CIVICDESK_PASSWORD")
    if password is None:
        if sys.stdin is None or not sys.stdin.isatty():
            raise InputError("auth.no_password")
        import getpass

        password = getpass.getpass(f"用户 {username} 的密码: ")
    return auth.authenticate(db, username, password)


def _key_passphrase() -> str | None:
    """The passphrase that protects the office's private sync keys: ``CIVICDESK_KEY_PASSPHRASE``, or typed
    twice at a terminal; None without either (the keys are then made at the first ``sync export``)."""
    value = os.environ.get("CIVICDESK_KEY_PASSPHRASE")
    if value is not None:
        return value
    if sys.stdin is None or not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass("同步密钥口令（保护本单位私钥，至少8位）: ")
    if first != getpass.getpass("再次输入同步密钥口令: "):
        raise InputError("auth.passwords_differ")
    return first


def cmd_init(options: argparse.Namespace) -> int:
    from civicdesk.services.admin.office import init_office

    password = read_new_password(f"管理员 {options.admin} 的密码") if options.admin else None
    passphrase = _key_passphrase()
    db = _open(options, create=True)
    try:
        office = init_office(db, code=options.office_code, name=options.office_name, level=options.level)
        if options.admin:
            from civicdesk.services.admin import auth

            assert password is not None
            auth.create_user(db, options.admin, password, "admin")
        if passphrase is not None:  # the office's sync keys (else made at the first export or card)
            from civicdesk.services.sync.keys import ensure_keys

            ensure_keys(db, passphrase)
    finally:
        db.close()
    if options.json:
        _print_json({"code": office.code, "name": office.name, "level": office.level,
                     "database": str(db.path or db.url)})
    else:
        zh = options.lang == "zh"
        level = LEVEL_LABELS.get(office.level, (office.level, office.level))[0 if zh else 1]
        print(f"已初始化：{office.name}（{office.code}，{level}），数据库 {db.path or db.url}" if zh
              else f"Set up: {office.name} ({office.code}, {level}), database {db.path or db.url}")
    return 0


LEVEL_LABELS = {"district": ("区县民政局", "district office"), "city": ("市民政局", "city office")}


def cmd_demo(options: argparse.Namespace) -> int:
    from civicdesk.services.admin.demo import load_demo

    db = _open(options)
    try:
        result = load_demo(db, by=acting_user(options, db), own_only=options.own)
    finally:
        db.close()
    if options.json:
        _print_json(result.__dict__)
    elif result.already_loaded:
        print("演示数据已载入，未重复载入。" if options.lang == "zh" else "Demo data already loaded; nothing added.")
    else:
        print(f"已载入演示数据（{result.scope}）：组织 {result.organizations} 个，人员 {result.people} 人，"
              f"变更记录 {result.changes} 条，村（社区）{result.communities} 个。")
    return 0


def cmd_org(options: argparse.Namespace) -> int:
    from civicdesk.services.register import organizations

    db = _open(options)
    try:
        if options.org_command == "list":
            from civicdesk.services.register.browse import list_organizations

            rows = list_organizations(
                db, division=options.division, tier=options.tier, legal_form=options.legal_form,
                status=options.status, include_inactive=options.all, limit=options.limit,
                category=options.category, subtype=options.subtype, text=options.search,
            )
            if options.json:
                _print_json([r.__dict__ for r in rows])
            else:
                from civicdesk.services.register.lookups import dictionaries

                zh = options.lang == "zh"
                words = {kind: {v.code: v.label_zh if zh else v.label_en for v in values}
                         for kind, values in dictionaries(db).items() if kind in ("tier", "status")}
                for r in rows:
                    tier, status = words["tier"].get(r.tier, r.tier), words["status"].get(r.status, r.status)
                    print(f"{r.id}\t{r.uscc or '-':18}\t{r.division_code}\t{tier}\t{status}\t{r.name}")
                print(f"共 {len(rows):,} 个组织" if options.lang == "zh" else f"{len(rows):,} organizations")
            return 0
        if options.org_command == "show":
            # full ID numbers are personal data: only for those allowed (the service checks), and audited
            record = organizations.get_organization(db, options.key, reveal=options.reveal,
                                                    by=acting_user(options, db) if options.reveal else None)
            if options.json:
                _print_json(record.to_json())
            else:
                _print_record(db, record, options.lang)
            return 0
        user = acting_user(options, db)  # direct entry: admins digitizing paper records (the service checks)
        data = _read_json_file(options.json_file)
        record = organizations.add_organization(db, data, entry_mode="legacy", by=user)
        if options.json:
            _print_json(record.to_json())
        else:
            print(f"已录入：{record.name}（id {record.id}）")
        return 0
    finally:
        db.close()


def _read_json_file(path: Path, *, record: bool = True) -> Any:
    """A JSON file as data: valid UTF-8, no NaN or Infinity, no lone surrogates (``"\\ud800"``), at most
    :data:`MAX_JSON_DEPTH` levels deep.  With ``record`` (``org add``, ``filing new``), the fields of the
    record it holds must have their JSON types: "yes" is no flag and 12345 no name (nothing is coerced)."""
    if not path.is_file():
        raise InputError("input.file_missing", path=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"), parse_constant=_reject_constant)
    except RecursionError as exc:
        raise InputError("input.too_deep", path=str(path), max=MAX_JSON_DEPTH) from exc
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as exc:
        raise InputError("input.json", path=str(path), reason=_one_line(str(exc))[:200]) from exc
    _check_json_tree(data, path)
    if record:
        from civicdesk.services.register.organizations import json_input_issues

        issues = json_input_issues(data)
        if issues:
            raise ValidationError(issues)
    return data


def _check_json_tree(data: Any, path: Path) -> None:
    """Refuse JSON nested deeper than :data:`MAX_JSON_DEPTH` or holding a lone surrogate in a key or string
    (SQLite cannot store one; printing it fails).  Iterative: the check itself cannot run out of stack."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, str):
            bad = _surrogate(node)
            if bad is not None:
                raise InputError("input.bad_text", path=str(path), value=bad)
            continue
        if not isinstance(node, dict | list):
            continue
        if depth > MAX_JSON_DEPTH:
            raise InputError("input.too_deep", path=str(path), max=MAX_JSON_DEPTH)
        items = list(node.items()) if isinstance(node, dict) else [(None, v) for v in node]
        for key, value in items:
            if key is not None:
                stack.append((key, depth))
            stack.append((value, depth + 1))


def _surrogate(text: str) -> str | None:
    """The first lone surrogate of ``text`` as an escape (``\\udc80``), or None."""
    for char in text:
        if "\ud800" <= char <= "\udfff":
            return f"\\u{ord(char):04x}"
    return None


def check_arguments(args: list[str]) -> None:
    """Refuse an argument that is not valid text: bytes that are not UTF-8 reach Python as lone surrogates
    (``surrogateescape``), which SQLite cannot store and a terminal cannot print."""
    for arg in args:
        if _surrogate(arg) is not None:
            # the bytes as the shell passed them (surrogateescape), other lone surrogates as \\uXXXX
            shown = "".join(f"\\x{ord(c) - 0xDC00:02x}" if "\udc80" <= c <= "\udcff" else
                            f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else c for c in arg)
            raise InputError("cli.bad_argument", value=shown[:80])


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


#: fields whose value is a division code, shown with the division's name
_DIVISION_FIELDS = ("division_code", "township_code", "community_code", "registry_code")


def _print_record(db: Any, record: Any, lang: str = "zh") -> None:
    """An organization as labelled lines in ``lang``: dictionary labels for codes, division names for
    division codes, 是/否/— for flags and empty values, numbers with separators (JSON keeps the codes)."""
    from civicdesk.models import Division
    from civicdesk.services.register.lookups import dictionaries
    from civicdesk.services.filings.service import field_label
    from civicdesk.services.register.records import ORG_FIELDS, to_json_value

    zh = lang == "zh"
    labels = {kind: {v.code: (v.label_zh if zh else v.label_en) for v in values}
              for kind, values in dictionaries(db).items()}
    with db.read() as session:
        names = {code: d.name for code in {record.values.get(f) for f in _DIVISION_FIELDS} if code
                 for d in [session.get(Division, code)] if d is not None}

    def shown(spec: Any, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return ("是" if value else "否") if zh else ("yes" if value else "no")
        if spec.kind == "code":
            return labels.get(spec.dictionary or "", {}).get(value, str(value))
        if spec.name in _DIVISION_FIELDS and value in names:
            return f"{names[value]}（{value}）" if zh else f"{names[value]} ({value})"
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
        state = ("现任" if p.is_current else "离任") if zh else ("current" if p.is_current else "former")
        print(f"  {'人员' if zh else 'Person'}: {roles.get(p.role, p.role)} {p.name} {p.id_number or ''} {state}")
    for h in record.history:
        label = field_label(h.field, lang)
        print(f"  {'变更' if zh else 'Change'}: {h.changed_on} {label}: {h.old_value} -> {h.new_value} "
              f"{h.document_no or ''}")


def cmd_stats(options: argparse.Namespace) -> int:
    from civicdesk.services.register.lookups import dictionaries
    from civicdesk.services.register.statistics import statistics

    from civicdesk.services.register.browse import count
    from civicdesk.services.register.plain import RegisterFilter

    db = _open(options)
    try:
        figures = statistics(db, options.division)
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
        _print_json(figures)
        return 0
    c = figures["community_social_organizations"]
    pop = figures["population"]
    forms = figures["by_legal_form"]
    by_subtype = sorted(figures["community_by_subtype"].items(), key=lambda kv: -kv[1])
    registered = figures["registered_social_organizations"]
    if options.lang == "zh":
        print(f"{figures['scope']['name']}（{figures['scope']['code']}）")
        print(f"  登记社会组织 {registered:,} 个：社会团体 {forms['social_group']:,}，"
              f"民办非企业单位 {forms['social_service']:,}，基金会 {forms['foundation']:,}")
        print(f"  社区社会组织 {c['total']:,} 个：登记 {c['registered']:,}，乡镇（街道）备案 {c['filed']:,}，"
              f"纳入村（社区）指导管理 {c['guided']:,}")
        print("  其中：" + "，".join(f"{subtypes.get(k or '', k)} {v:,}" for k, v in by_subtype))
        if pop:
            basis = "户籍人口" if pop["basis"] == "household" else "常住人口"
            print(f"  每万人拥有社会组织 {figures['per_10k_population']} 个"
                  f"（按{pop['year']}年{basis} {pop['value']:,} 人计）")
        if others > 0:
            by = "市局" if office.level == "district" else "区县"
            print(f"  登记簿中存续的组织：本单位登记 {own:,} 个，{by}登记 {others:,} 个"
                  "（随同步包到达，已计入以上数字）")
        return 0
    print(f"{figures['scope']['name']} ({figures['scope']['code']})")
    print(f"  Registered social organizations: {registered:,} (social groups {forms['social_group']:,}, "
          f"social service organizations {forms['social_service']:,}, foundations {forms['foundation']:,})")
    print(f"  Community social organizations: {c['total']:,} (registered {c['registered']:,}, filed with a "
          f"township {c['filed']:,}, under village/community guidance {c['guided']:,})")
    print("  Of which: " + ", ".join(f"{subtypes.get(k or '', k)} {v:,}" for k, v in by_subtype))
    if pop:
        basis = "registered (hukou) population" if pop["basis"] == "household" else "resident population"
        print(f"  Social organizations per 10,000 people: {figures['per_10k_population']} "
              f"({pop['year']} {basis} {pop['value']:,})")
    if others > 0:
        by = "the city bureau" if office.level == "district" else "district and county bureaus"
        print(f"  Existing organizations in the register: {own:,} registered by this office, {others:,} by {by} "
              "(arrived in sync packages, counted above)")
    return 0


#: what a search hit matched (``search.matched_fields``), in words: (zh, en)
_MATCHED = {"name": ("名称", "name"), "address": ("住所", "address"),
            "legal_rep_name": ("法定代表人", "legal representative"),
            "uscc": ("统一社会信用代码", "USCC"), "pinyin": ("拼音", "pinyin"), "initials": ("拼音首字母", "initials")}


def cmd_search(options: argparse.Namespace) -> int:
    from civicdesk.services.register.browse import search_organizations

    db = _open(options)
    try:
        total, hits = search_organizations(db, options.query, options.limit)
    finally:
        db.close()
    if options.json:
        _print_json({"query": options.query, "total": total, "results": [
            {"id": h.id, "name": h.name, "uscc": h.uscc, "division_code": h.division_code, "matched": h.matched}
            for h in hits]})
    else:
        zh = options.lang == "zh"
        for h in hits:  # what matched, in words (JSON keeps the field names)
            matched = ("、" if zh else ", ").join(_MATCHED[m][not zh] if m in _MATCHED else m for m in h.matched)
            shown = f"（{matched}）" if zh else f"({matched})"
            print(f"{h.id}\t{h.uscc or '-':18}\t{h.division_code}\t{h.name}\t{shown}")
        hidden = total - len(hits)
        if options.lang == "zh":
            print(f"共 {total:,} 个匹配" + (f"，另有 {hidden:,} 个未列出（用 --limit {total} 全部列出）" if hidden
                                        else ""))
        else:
            print(f"{total:,} matches" + (f"; {hidden:,} not shown (--limit {total} lists them all)" if hidden else ""))
    return 0


def cmd_verify(options: argparse.Namespace) -> int:
    from civicdesk.services.admin.maintenance import verify

    db = _open(options)
    try:
        report = verify(db)
    finally:
        db.close()
    if options.json:
        _print_json(report.as_dict())
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
