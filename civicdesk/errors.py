"""Errors a clerk can cause, as codes with parameters, and their words in Chinese and English.

Services raise :class:`CivicDeskError` subclasses; the UI and the CLI turn ``code`` and ``params`` into a
sentence with :func:`CivicDeskError.message`.  Nothing here imports Qt or SQLAlchemy.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

#: code -> (Chinese, English) templates, formatted with the error's params.
MESSAGES: dict[str, tuple[str, str]] = {
    # database
    "db.not_a_database": ("文件“{path}”不是 SQLite 数据库，无法打开。", "The file '{path}' is not an SQLite database."),
    "db.not_civicdesk": (
        "数据库“{path}”不是 CivicDesk 数据库（含有其他程序的数据表：{tables}）。",
        "The database '{path}' is not a CivicDesk database (it holds other tables: {tables}).",
    ),
    "db.newer_schema": (
        "数据库“{path}”由较新版本的 CivicDesk 创建（结构版本 {revision}），请升级本程序后再打开。",
        "The database '{path}' was made by a newer CivicDesk (schema {revision}); upgrade CivicDesk to open it.",
    ),
    "db.cannot_open": ("无法打开数据库“{path}”：{reason}", "Cannot open the database '{path}': {reason}"),
    "db.backup_failed": ("升级前备份数据库失败：{reason}",
                         "Backing up the database before the upgrade failed: {reason}"),
    "db.missing": (
        "数据库文件“{path}”不存在（未新建任何文件）：请先运行 civicdesk init，或用 --db 指定已有的数据库。",
        "The database file '{path}' does not exist (nothing was created): run 'civicdesk init' or give --db.",
    ),
    "db.busy": (
        "数据库正被另一程序或用户写入，等待 {seconds:g} 秒后仍未释放：未作任何更改，请稍后再试。",
        "The database is being written by another program or user and stayed locked for {seconds:g} s: "
        "nothing was changed; try again later.",
    ),
    "db.conflict": (
        "另一用户同时修改了数据库，本次操作未完成、未作任何更改：请重试。",
        "Another user changed the database at the same moment: nothing was changed; please try again.",
    ),
    "db.read_only": (
        "数据库“{path}”是只读的，无法写入：未作任何更改（请检查文件权限或换用可写的副本）。",
        "The database '{path}' is read-only: nothing was changed (check the file's permissions).",
    ),
    "db.full": (
        "磁盘已满，无法写入数据库“{path}”：未作任何更改，请腾出空间后再试。",
        "The disk is full: nothing was written to the database '{path}'; free some space and try again.",
    ),
    "db.corrupt": (
        "数据库“{path}”已损坏（{reason}）：请从备份恢复。",
        "The database '{path}' is damaged ({reason}): restore it from a backup.",
    ),
    "db.io": ("读写数据库“{path}”出错：{reason}", "Reading or writing the database '{path}' failed: {reason}"),
    "os.full": ("磁盘已满，无法写入“{path}”。", "The disk is full: cannot write '{path}'."),
    "os.error": ("无法读写“{path}”：{reason}", "Cannot read or write '{path}': {reason}"),
    "cli.internal": (
        "内部错误（{kind}）：操作已中止，未完成的更改已撤销。请把此行告知技术支持。",
        "Internal error ({kind}): the operation stopped and its unfinished changes were undone. "
        "Please report this line.",
    ),
    "cli.bad_argument": (
        "命令行参数含有无法识别的字符（不是有效的 UTF-8）：{value}",
        "A command-line argument holds characters that are not valid UTF-8: {value}",
    ),
    "cli.usage": ("{message}（civicdesk {command} --help 查看用法）", "{message} (see civicdesk {command} --help)"),
    "cli.number_range": ("“{option}”应为 {low} 到 {high} 之间的整数：“{value}”。",
                         "'{option}' must be a whole number from {low} to {high}: '{value}'."),
    "search.too_long": (
        "检索词过长（{length} 个字符，最多 {max} 个）。",
        "The search text is too long ({length} characters, at most {max}).",
    ),
    "db.not_initialized": (
        "数据库尚未初始化：请先运行 civicdesk init 设定本单位。",
        "The database is not set up: run 'civicdesk init' first.",
    ),
    "db.already_initialized": (
        "数据库已初始化为 {code} {name}，不能再次初始化。",
        "The database is already set up for {code} {name}.",
    ),
    # office
    "office.code": ("单位区划代码“{value}”无效：应为6位数字。",
                    "Office division code '{value}' is invalid: 6 digits expected."),
    "office.unknown_division": (
        "区划代码“{value}”不在参考数据中。",
        "Division code '{value}' is not in the reference data.",
    ),
    "office.level": ("单位级别“{value}”无效：应为 district 或 city。",
                     "Office level '{value}' is invalid: district or city."),
    "office.name": ("单位名称不能为空。", "The office name is required."),
    "demo.already_loaded": (
        "演示数据已载入（本库已有 {count} 个演示组织），未重复载入。",
        "Demo data is already loaded ({count} demo organizations); nothing was added.",
    ),
    "demo.scope": (
        "本单位（{code}）不在乐山市演示数据范围内。",
        "This office ({code}) is outside the Leshan demo data.",
    ),
    # lookups
    "org.not_found": ("未找到组织“{key}”。", "No organization '{key}'."),
    "division.not_found": ("未找到区划“{code}”。", "No division '{code}'."),
    # input files
    "input.file_missing": ("找不到文件“{path}”。", "File '{path}' not found."),
    "input.json": ("文件“{path}”不是有效的 JSON：{reason}", "File '{path}' is not valid JSON: {reason}"),
    "input.not_object": ("JSON 内容应为一个对象（{{…}}）。", "The JSON must be one object ({{…}})."),
    "input.unknown_field": ("未知字段“{field}”。", "Unknown field '{field}'."),
    "input.too_deep": ("文件“{path}”中的 JSON 嵌套过深（超过 {max} 层）。",
                       "The JSON in '{path}' is nested too deeply (more than {max} levels)."),
    "input.bad_text": ("文件“{path}”中有无效的文字（单独的代理码位 {value}）。",
                       "The file '{path}' holds invalid text (a lone surrogate {value})."),
    "input.type": ("字段“{field}”的类型错误：应为{expected}。",
                   "Field '{field}' has the wrong type: {expected} expected."),
    "validation.failed": ("记录有 {count} 处错误：{details}", "The record has {count} error(s): {details}"),
    # field-level validation
    "field.required": ("“{label}”为必填项。", "'{label}' is required."),
    "field.too_long": ("“{label}”过长（最多 {max} 个字符）。", "'{label}' is too long (at most {max} characters)."),
    "field.not_allowed": ("“{label}”不适用于{context}。", "'{label}' does not apply to {context}."),
    "field.choice": ("“{label}”的值“{value}”不在字典中。", "'{label}': '{value}' is not in the dictionary."),
    "field.number": ("“{label}”应为数字：“{value}”。", "'{label}' must be a number: '{value}'."),
    "field.too_large": ("“{label}”数值过大：“{value}”（最大 {max}）。",
                        "'{label}' is too large: '{value}' (at most {max})."),
    "field.negative": ("“{label}”不能为负数。", "'{label}' cannot be negative."),
    "field.boolean": ("“{label}”应为是或否。", "'{label}' must be yes or no."),
    "date.format": (
        "“{label}”日期格式错误：“{value}”（应为 2021-08-20）。",
        "'{label}': '{value}' is not a date (expected 2021-08-20).",
    ),
    "date.future": ("“{label}”不能晚于今天（{value}）。", "'{label}' cannot be in the future ({value})."),
    "date.too_early": ("“{label}”早于 1949 年，不合理：{value}。", "'{label}' is before 1949: {value}."),
    "date.order": ("“{label}”不能早于“{other}”。", "'{label}' cannot be before '{other}'."),
    "uscc.length": (
        "统一社会信用代码应为18位，现为 {length} 位。",
        "The unified social credit code must have 18 characters, not {length}.",
    ),
    "uscc.charset": (
        "统一社会信用代码第 {position} 位“{char}”不是允许的字符（不使用 I、O、S、V、Z）。",
        "Character {position} '{char}' of the unified social credit code is not allowed (no I, O, S, V, Z).",
    ),
    "uscc.check": (
        "统一社会信用代码校验位错误：第18位应为“{expected}”，现为“{actual}”。",
        "Wrong check character in the unified social credit code: '{expected}' expected, '{actual}' found.",
    ),
    "uscc.org_code_check": (
        "统一社会信用代码中嵌入的组织机构代码校验位不符（应为“{expected}”），可能是历史数据，请核对。",
        "The organization code inside the credit code has a wrong check character ('{expected}' expected); "
        "legacy data? Please check.",
    ),
    "uscc.department": (
        "统一社会信用代码第1位应为 5（民政部门登记），现为“{actual}”。",
        "The first character must be 5 (registered by civil affairs), not '{actual}'.",
    ),
    "uscc.kind": (
        "统一社会信用代码第2位“{actual}”与组织类型“{legal_form}”不符（应为 {expected}）。",
        "Character 2 '{actual}' of the credit code does not fit the legal form {legal_form} ({expected} expected).",
    ),
    "uscc.registry": (
        "统一社会信用代码第3-8位“{actual}”与登记管理机关区划代码“{expected}”不符。",
        "Characters 3-8 '{actual}' of the credit code do not match the registry's division code '{expected}'.",
    ),
    "uscc.duplicate": (
        "统一社会信用代码 {value} 已被“{other}”使用。",
        "The credit code {value} is already used by '{other}'.",
    ),
    "id.length": ("身份证号码应为18位，现为 {length} 位。", "An ID number has 18 characters, not {length}."),
    "id.charset": (
        "身份证号码只能由数字组成，最后一位可为 X。",
        "An ID number is digits only, with X allowed as the last character.",
    ),
    "id.birth_date": ("身份证号码中的出生日期“{value}”不存在。",
                      "The birth date '{value}' in the ID number does not exist."),
    "id.check": (
        "身份证号码校验位错误：第18位应为“{expected}”，现为“{actual}”。",
        "Wrong check character in the ID number: '{expected}' expected, '{actual}' found.",
    ),
    "phone.invalid": (
        "电话号码“{value}”格式不对（手机11位，或带区号的固定电话，如 0833-2123456）。",
        "Phone number '{value}' is not valid (11-digit mobile, or a landline with area code, e.g. 0833-2123456).",
    ),
    "division.unknown": ("区划代码“{value}”不存在。", "Division code '{value}' does not exist."),
    "division.level": (
        "“{label}”应为{expected}级区划，“{value}”不是。",
        "'{label}' must be a division of level {expected}; '{value}' is not.",
    ),
    "division.parent": (
        "“{label}”“{value}”不属于“{parent}”。",
        "'{label}' '{value}' does not lie in '{parent}'.",
    ),
    "registry.division": (
        "登记管理机关（{registry}）管辖范围不包括所在区划 {division}。",
        "The registry ({registry}) has no jurisdiction over division {division}.",
    ),
    "name.duplicate": (
        "同一登记管理机关下已有同名组织“{value}”。",
        "The registry already has an organization named '{value}'.",
    ),
    "tier.legal_form": (
        "{tier}的社区社会组织{rule}。",
        "A community social organization of tier {tier} {rule}.",
    ),
    "org.foundation_type": ("基金会须注明类型（公募或非公募）。",
                            "A foundation must state its type (public or non-public)."),
    "sponsor.required": ("双重管理的组织须填写业务主管单位。",
                         "An organization under dual management needs a sponsor."),
    "sponsor.direct": (
        "直接登记的组织不应填写业务主管单位。",
        "A directly registered organization has no sponsor.",
    ),
    "certificate.period": ("证书有效期止不能早于有效期起。", "The certificate's end date is before its start date."),
    "person.role": ("人员角色“{value}”不在字典中。", "Person role '{value}' is not in the dictionary."),
    "person.legal_rep_count": (
        "应有且只有一名现任法定代表人，现有 {count} 名。",
        "Exactly one current legal representative is required; there are {count}.",
    ),
}


@dataclass(frozen=True)
class Issue:
    """One thing wrong (or doubtful) with one field of a record."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)  # `field` is the attribute above
    severity: str = "error"  # "error" blocks saving; "warning" is shown but allowed

    def message(self, lang: str = "zh") -> str:
        return render(self.code, self.params, lang)

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "field": self.field,
            "code": self.code,
            "severity": self.severity,
            "params": self.params,
            "message": self.message(lang),
        }


#: Chinese field label -> English label, filled by the modules that define fields (``services.records``), so
#: that "'统一社会信用代码' is required." reads "'Unified social credit code' is required." in English
LABELS_EN: dict[str, str] = {"负责人": "Responsible person"}
#: the message parameters that carry a field's label
LABEL_PARAMS = frozenset({"label", "other", "field_label"})


def render(code: str, params: dict[str, Any], lang: str = "zh") -> str:
    """The sentence for ``code`` in ``lang`` (``zh`` or ``en``); unknown codes fall back to the code."""
    templates = MESSAGES.get(code)
    if templates is None:
        return f"{code} {params}" if params else code
    template = templates[0] if lang.startswith("zh") else templates[1]
    if not lang.startswith("zh"):  # field labels travel in Chinese (as the services name them): English ones here
        params = {k: LABELS_EN.get(v, v) if k in LABEL_PARAMS and isinstance(v, str) else v for k, v in params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


class CivicDeskError(Exception):
    """An error a clerk can cause: bad input, a missing file, a database that is not ours."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        return render(self.code, self.params, lang)


class DatabaseError(CivicDeskError):
    """The database file cannot be used as it is (not SQLite, not ours, too new)."""


class NotFoundError(CivicDeskError):
    """A record asked for by id, code or name does not exist."""


class InputError(CivicDeskError):
    """An input file or argument is malformed."""


class ValidationError(CivicDeskError):
    """A record breaks one or more rules; ``issues`` lists every one of them."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = [i for i in issues if i.severity == "error"]
        self.warnings = [i for i in issues if i.severity != "error"]
        super().__init__("validation.failed", count=len(self.issues), details="")

    def message(self, lang: str = "zh") -> str:
        sep = "；" if lang.startswith("zh") else "; "
        details = sep.join(f"[{i.field}] {i.message(lang)}" for i in self.issues)
        return render("validation.failed", {"count": len(self.issues), "details": details}, lang)
