"""What every command group of the CLI shares: its parser class and option types, opening the database of
``--db``, who is acting, reading a JSON input file, printing JSON, and the exit codes.

Every CLI start imports this module and every command module (``civicdesk.cli.build_parser``), the GUI's
too, on the way to its first paint, so they import only the standard library and ``civicdesk.errors`` at the
top: a service (and with it SQLAlchemy, about half a second) is imported inside the function that needs it,
marked "see the module".
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from civicdesk.errors import CivicDeskError, InputError, ValidationError

if TYPE_CHECKING:
    from civicdesk.services.core.database import Database

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
    # supervision, as the window's filter bar asks (services/register/browse.py supervision_conditions): checked
    # by supervision_filter, not by argparse choices, so that a bad value gets the catalogue's line in zh and en
    p.add_argument("--inspection", metavar="CONCLUSION",
                   help="上年度年检结论：合格、基本合格、不合格，或 未年检（也可写 pass、basic、fail、none）")
    p.add_argument("--rating", metavar="GRADE",
                   help="有效期内的评估等级：5A–1A、rated（有评估等级）或 none（未评估或已过期）")
    p.add_argument("--credit", metavar="LIST",
                   help="信用状况：活动异常名录、严重违法失信名单、已列入（任一名单）或 未列入"
                        "（也可写 abnormal、serious、listed、none）")


#: ``--inspection``'s words -> the filter's code: the conclusions in Chinese and English and the codes themselves
INSPECTION_WORDS = {"合格": "pass", "基本合格": "basic", "不合格": "fail", "未年检": "none",
                    "pass": "pass", "basic": "basic", "fail": "fail", "none": "none"}
#: ``--rating``'s values besides a grade (the grades are civicdesk.schema.RATING_GRADES)
RATING_WORDS = ("rated", "none")
#: ``--credit``'s words -> the filter's code (civicdesk.schema.CREDIT_CHOICES)
CREDIT_WORDS = {"活动异常名录": "abnormal", "异常名录": "abnormal", "严重违法失信名单": "serious",
                "失信名单": "serious", "已列入": "listed", "未列入": "none",
                "abnormal": "abnormal", "serious": "serious", "listed": "listed", "none": "none"}


def credit_filter(ns: argparse.Namespace) -> str | None:
    """The ``credit`` of a RegisterFilter from ``--credit``; a value the filter bar does not offer is refused
    naming the allowed ones."""
    if getattr(ns, "credit", None) is None:
        return None
    found = CREDIT_WORDS.get(ns.credit.strip().lower())
    if found is None:
        raise InputError("register_filter.bad_credit", value=ns.credit[:40],
                         allowed="活动异常名录, 严重违法失信名单, 已列入, 未列入 (abnormal, serious, listed, none)")
    return found


def supervision_filter(ns: argparse.Namespace) -> tuple[str | None, str | None]:
    """The ``inspection`` and ``rating`` of a RegisterFilter from ``--inspection`` and ``--rating``; a value
    the filter bar does not offer is refused naming the allowed ones."""
    from civicdesk.schema import RATING_GRADES  # standard library only

    inspection = rating = None
    if ns.inspection is not None:
        inspection = INSPECTION_WORDS.get(ns.inspection.strip().lower())
        if inspection is None:
            raise InputError("register_filter.bad_inspection", value=ns.inspection[:40],
                             allowed="合格, 基本合格, 不合格, 未年检 (pass, basic, fail, none)")
    if ns.rating is not None:
        value = ns.rating.strip()
        rating = value.upper() if value.upper() in RATING_GRADES else value.lower()
        if rating not in RATING_GRADES and rating not in RATING_WORDS:
            raise InputError("register_filter.bad_rating", value=ns.rating[:40],
                             allowed=", ".join((*RATING_GRADES, *RATING_WORDS)))
    return inspection, rating


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


def print_json(data: Any) -> None:
    """``data`` as indented JSON on stdout (Chinese as it is, dates and other values by ``str``)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def open_db(options: argparse.Namespace, *, create: bool = False) -> Database:
    """The database of ``--db``; only ``init`` (``create``) makes a new file: any other command on a missing
    file is refused with nothing written."""
    from civicdesk.services.core.database import open_database  # SQLAlchemy: see the module

    return open_database(options.db, create=create, backup=not getattr(options, "no_backup", False))


def one_line(text: str) -> str:
    """A message as one line (an OS or SQLite message may hold line breaks)."""
    return " ".join(str(text).split())


def prompt(lang: str, code: str, **params: Any) -> str:
    """The text of a terminal prompt, in the user's language, ready for ``getpass``."""
    from civicdesk import messages

    return messages.text(code, lang, **params) + ": "


def read_twice(lang: str, code: str, **params: Any) -> tuple[str, str]:
    """A secret typed twice at the terminal (the prompt ``code`` and its "again")."""
    from civicdesk import messages

    label = messages.text(code, lang, **params)
    return getpass.getpass(label + ": "), getpass.getpass(prompt(lang, "cli.prompt.again", label=label))


def read_new_password(lang: str, code: str = "cli.prompt.new_password", **params: Any) -> str:
    """A new password: typed twice at a terminal (prompted by ``code``), or two lines of standard input when
    it is not one."""
    from civicdesk.services.admin import auth  # SQLAlchemy: see the module

    if sys.stdin is not None and sys.stdin.isatty():
        first, second = read_twice(lang, code, **params)
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
    from civicdesk.services.admin import auth  # SQLAlchemy: see the module

    if not auth.has_users(db):
        return None
    username = getattr(options, "user", None)
    if not username:
        raise CivicDeskError("auth.required")
    password = os.environ.get("CIVICDESK_PASSWORD")
    if password is None:
        if sys.stdin is None or not sys.stdin.isatty():
            raise InputError("auth.no_password")
        password = getpass.getpass(prompt(getattr(options, "lang", "zh"), "cli.prompt.password", user=username))
    return auth.authenticate(db, username, password)


def read_json_file(path: Path, *, record: bool = True) -> Any:
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
        raise InputError("input.json", path=str(path), reason=one_line(str(exc))[:200]) from exc
    _check_json_tree(data, path)
    if record:
        from civicdesk.services.register.organizations import json_input_issues  # SQLAlchemy: see the module

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
            bad = first_surrogate(node)
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


def first_surrogate(text: str) -> str | None:
    """The first lone surrogate of ``text`` as an escape (``\\udc80``), or None."""
    for char in text:
        if "\ud800" <= char <= "\udfff":
            return f"\\u{ord(char):04x}"
    return None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")
