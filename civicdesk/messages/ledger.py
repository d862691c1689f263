"""The words of the ledger import and export: errors, the report's notes, column headers."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # the file as a whole: nothing is read or written when one of these is raised
    "ledger.unsupported_type": (
        "“{path}”不是支持的台账文件：请使用 .xlsx 或 .csv（.xls 请先在 Excel/WPS 中另存为 .xlsx）。",
        "'{path}' is not a supported ledger: use .xlsx or .csv (save an .xls as .xlsx in Excel/WPS first).",
    ),
    "ledger.not_spreadsheet": (
        "“{path}”不是电子表格文件（内容不是 Excel 工作簿，也不是文本表格）。",
        "'{path}' is not a spreadsheet (neither an Excel workbook nor a text table).",
    ),
    "ledger.encrypted": (
        "“{path}”设有打开密码（已加密），无法读取：请在 Excel/WPS 中取消密码后另存再导入。",
        "'{path}' is password-protected (encrypted): remove the password in Excel/WPS, save, and import again.",
    ),
    "ledger.legacy_xls": (
        "“{path}”是旧版 .xls 格式：请在 Excel/WPS 中另存为 .xlsx 后导入。",
        "'{path}' is an old .xls workbook: save it as .xlsx in Excel/WPS and import that.",
    ),
    "ledger.corrupt": (
        "“{path}”已损坏或不完整，无法作为 .xlsx 读取：{reason}",
        "'{path}' is damaged or incomplete and cannot be read as .xlsx: {reason}",
    ),
    "ledger.not_spreadsheet_csv": (
        "“{path}”不能作为 CSV 表格读取：{reason}",
        "'{path}' cannot be read as a CSV table: {reason}",
    ),
    "ledger.encoding": (
        "“{path}”的文字编码无法识别（支持 UTF-8、GBK/GB18030）：第 {line} 行附近有无法解码的字节。",
        "The text encoding of '{path}' is not recognized (UTF-8 or GBK/GB18030): undecodable bytes near line {line}.",
    ),
    "ledger.empty": ("“{path}”的工作表“{sheet}”是空的，没有可导入的行。", "Sheet '{sheet}' of '{path}' is empty."),
    "ledger.no_header": (
        "在“{sheet}”的前 {rows} 行中找不到表头（至少应有“名称”等两个可识别的列名）。",
        "No header row found in the first {rows} rows of '{sheet}' (at least two known column names such as 名称).",
    ),
    "ledger.no_name_column": (
        "表头中没有“名称”列（组织名称、社会组织名称……），无法导入：请在对应关系中指定。",
        "The header has no name column (名称, 组织名称 …): map one in the column mapping.",
    ),
    "ledger.too_many_rows": (
        "台账超过 {limit} 行（读到第 {row} 行时停止），一次导入的上限为 {limit} 行：请拆分成几个文件分别导入。",
        "The ledger has more than {limit} rows (stopped at row {row}); split it into files of at most {limit} rows.",
    ),
    "ledger.mapping_file": (
        "对应关系文件“{path}”有误：{reason}",
        "The mapping file '{path}' is wrong: {reason}",
    ),
    "ledger.mapping_field": (
        "对应关系中的字段“{field}”不存在（表头“{header}”）。",
        "The mapping names a field '{field}' that does not exist (header '{header}').",
    ),
    "ledger.mapping_twice": (
        "字段“{field}”被对应到两列：“{first}”和“{second}”。",
        "The field '{field}' is mapped to two columns: '{first}' and '{second}'.",
    ),
    "ledger.export_type": (
        "导出文件名应以 .xlsx 或 .csv 结尾：“{path}”。",
        "The export file name must end in .xlsx or .csv: '{path}'.",
    ),
    "ledger.write_failed": ("无法写入“{path}”：{reason}", "Cannot write '{path}': {reason}"),
    "ledger.invalid_rows": (
        "台账有 {count} 行不合格，未导入任何记录（可改正后重新导入，或选择“跳过不合格行”）。",
        "{count} row(s) of the ledger are invalid; nothing was imported (fix them, or skip the invalid rows).",
    ),
    # one row: shown in the report with its row number and column
    "ledger.duplicate_row": (
        "与第 {row} 行重复（{key}）。",
        "Duplicates row {row} ({key}).",
    ),
    "ledger.formula_no_value": (
        "单元格是公式且没有计算结果（{formula}）：请在 Excel/WPS 中打开并保存后再导入。",
        "The cell holds a formula without a computed value ({formula}): open and save the file in Excel/WPS first.",
    ),
    "ledger.division_name": (
        "“{label}”“{value}”不是已知的区划名称或代码。",
        "'{label}' '{value}' is not a known division name or code.",
    ),
    "ledger.ambiguous_match": (
        "本区划内有 {count} 个同名组织“{name}”，无法确定对应哪一个：请填写统一社会信用代码。",
        "{count} organizations named '{name}' exist in this division; give the credit code to tell which.",
    ),
    "ledger.control_character": (
        "“{label}”含有控制字符或文字方向控制符（{char}）：请删除后再导入。",
        "'{label}' holds a control or text-direction character ({char}): remove it and import again.",
    ),
    "ledger.formula": (
        "“{label}”以“{start}”开头，电子表格会把它当作公式执行（公式注入）：文字不能以 = + - @ 开头，请删除开头的符号。",
        "'{label}' begins with '{start}', which a spreadsheet runs as a formula (formula injection): text may not "
        "begin with = + - @; remove the sign.",
    ),
    "ledger.no_sponsor": (
        "行业类别“{category}”须双重管理（不属直接登记的五类），但没有业务主管单位，无法确定登记方式：请填写业务主管单位。",
        "Category '{category}' needs dual management (it is not one of the five direct-registration categories) "
        "but no sponsor is given, so the registration mode cannot be derived: give the sponsor.",
    ),
    "ledger.derived_mode_dual": (
        "台账未填登记方式：有业务主管单位“{sponsor}”，按双重管理。",
        "No registration mode in the ledger: the sponsor '{sponsor}' means dual management.",
    ),
    "ledger.derived_mode_direct": (
        "台账未填登记方式：没有业务主管单位，行业类别“{category}”属直接登记的五类，按直接登记。",
        "No registration mode in the ledger: no sponsor, and category '{category}' is one of the five "
        "direct-registration categories, so direct registration.",
    ),
    "ledger.derived_legal_form": (
        "台账未填组织类型：统一社会信用代码第 2 位为“{digit}”，按{legal_form:bilingual}。",
        "No legal form in the ledger: the credit code's second character '{digit}' means {legal_form:bilingual}.",
    ),
    "ledger.derived_community": (
        "台账填有社区社会组织类别“{subtype}”，按社区社会组织。",
        "The ledger gives a community subtype '{subtype}': a community social organization.",
    ),
    "ledger.pending_establishment": (
        "已有待审核的{kind:@filing_kind}申请 {number}（“{name}”），本行不再重复提交。",
        "A {kind:@filing_kind} filing {number} ('{name}') for this organization is already waiting for review;"
        " not submitted again.",
    ),
    "ledger.too_many_cells": (
        "台账单元格过多：第 {row} 行处已超过 {limit} 个单元格（行数 × 列数）的上限，疑为异常文件，"
        "已停止读取：请只保留需要导入的行和列。",
        "The ledger has too many cells: past {limit} (rows x columns) at row {row}, which looks like a broken or "
        "hostile file; reading stopped. Keep only the rows and columns to import.",
    ),
    "ledger.too_many_columns": (
        "台账第 {row} 行超过 {limit} 列的上限，疑为异常文件，未导入：请只保留需要导入的列。",
        "Row {row} of the ledger has more than {limit} columns, which looks like a broken or hostile file; "
        "nothing was imported. Keep only the columns to import.",
    ),
    "ledger.too_large": (
        "“{path}”解压后的内容（{part}）有 {size}，超过 {limit} 的上限，疑为压缩炸弹，未读取。",
        "'{path}' expands to {size} ({part}), more than the limit of {limit}: a zip bomb? Nothing was read.",
    ),
    "ledger.cell_too_long": (
        "CSV 台账第 {row} 行有一个单元格超过 {limit} 个字符（或引号未闭合），无法导入：请检查该行。",
        "A cell on row {row} of the CSV ledger is longer than {limit} characters (or a quote is never closed); "
        "check that row.",
    ),
    "ledger.cancelled": ("导入已取消，数据库未作任何改动。", "The import was cancelled; the database is unchanged."),
    # notes of the report (not errors): what was skipped or filled in, and why
    "note.total_row": ("第 {row} 行是合计/小计行，已跳过。", "Row {row} is a total row; skipped."),
    "note.blank_rows": ("跳过空行 {count} 行（{rows}）。", "Skipped {count} blank row(s) ({rows})."),
    "note.footer_row": ("第 {row} 行是表尾说明（“{text}”），已跳过。", "Row {row} is a footnote ('{text}'); skipped."),
    "note.title_rows": ("表头在第 {row} 行，其上 {count} 行为标题，已跳过。",
                        "The header is row {row}; {count} title row(s) above it skipped."),
    "note.ignored_column": ("列“{header}”（{column}）未对应任何字段，已忽略。",
                            "Column '{header}' ({column}) is not mapped; ignored."),
    "note.merged": (
        "合并单元格 {ref} 已按其左上角的值填充到每一行。",
        "Merged cells {ref} were filled with their top-left value on every row.",
    ),
    "note.formulas": (
        "有 {count} 个单元格是公式，按文件保存时的计算结果读取（没有计算结果的，在所在行报错）。",
        "{count} cell(s) hold formulas: read as computed when the file was saved (a missing result is an error "
        "of its row).",
    ),
    "note.encoding": ("文本编码：{encoding}。", "Text encoding: {encoding}."),
    "note.county_default": (
        "台账没有“所在县（市、区）”列，按本单位 {code} 填写。",
        "The ledger has no county column; this office's {code} was used.",
    ),
    "note.sheet": ("读取工作表“{sheet}”（共 {count} 个工作表，只读第一个）。",
                   "Read sheet '{sheet}' (the first of {count})."),
    # the legal representative's columns, as a report names them (the other fields use the register's labels)
    "ledger_field.legal_rep_name": ("法定代表人（负责人）", "Legal representative"),
    "ledger_field.legal_rep_id_number": ("法定代表人身份证号码", "Legal representative's ID number"),
    "ledger_field.legal_rep_phone": ("法定代表人电话", "Legal representative's phone"),
    # the import's one-sentence summary (the CLI and the wizard's last page)
    "ledger.summary.new_legacy": ("新增 {count} 个，已作为历史档案直接录入登记簿",
                                  "{count} new, entered directly into the register as legacy records"),
    "ledger.summary.new_filed": ("新增 {count} 个，已提交成立登记申请待审核{numbers}",
                                 "{count} new, submitted for review as establishment filings{numbers}"),
    "ledger.summary.changed": ("变更 {count} 个，已提交变更登记申请待审核{numbers}",
                               "{count} changed, submitted for review as change filings{numbers}"),
    "ledger.summary.numbers": ("（{numbers}）", " ({numbers})"),
    "ledger.summary.number_separator": ("、", ", "),
    "ledger.summary.part_separator": ("；", "; "),
    "ledger.summary.nothing": ("已导入：没有新增或变更的行。", "Imported: no new or changed rows."),
    "ledger.summary.done": ("已导入：{parts}。", "Imported: {parts}."),
}
