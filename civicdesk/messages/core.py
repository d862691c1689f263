"""The words of the database, files, input parsing and generic field checks (every feature uses them)."""

from __future__ import annotations

#: code -> (Chinese, English)
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
    "db.server": (
        "数据库服务器“{path}”无法连接或拒绝了请求（{reason}）：未作任何更改，请检查网络、地址和账户后再试。",
        "The database server '{path}' cannot be reached or refused the request ({reason}): nothing was changed; "
        "check the network, the address and the account, and try again.",
    ),
    "db.io": ("读写数据库“{path}”出错：{reason}", "Reading or writing the database '{path}' failed: {reason}"),
    "os.full": ("磁盘已满，无法写入“{path}”。", "The disk is full: cannot write '{path}'."),
    "os.error": ("无法读写“{path}”：{reason}", "Cannot read or write '{path}': {reason}"),
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
    "field.not_allowed": ("“{label}”不适用于{context:bilingual}。", "'{label}' does not apply to {context:bilingual}."),
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
    "text.control": ("“{label}”含有不可见的控制字符 {char}（第 {position} 个字符），不能录入。",
                     "'{label}' holds the invisible control character {char} (character {position});"
                     " it cannot be entered."),
    "text.formula": ("“{label}”以“{prefix}”开头，导出到表格软件时会被当作公式执行：请去掉开头的符号。",
                     "'{label}' starts with '{prefix}', which a spreadsheet runs as a formula:"
                     " remove the leading sign."),
    # plain words of values shown to a reader
    "value.yes": ("是", "yes"),
    "value.no": ("否", "no"),
}
