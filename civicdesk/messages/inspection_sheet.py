"""The words of the inspection results sheet import (年检结果表导入): its refusals, notes and template."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # the file as a whole
    "inspection_sheet.no_org_column": (
        "年检结果表须有“名称”或“统一社会信用代码”列。",
        "An inspection sheet needs a name or USCC column.",
    ),
    "inspection_sheet.no_conclusion_column": (
        "年检结果表须有“结论”列（合格、基本合格、不合格）。",
        "An inspection sheet needs a conclusion column (pass, basic pass or fail).",
    ),
    # one row
    "inspection_sheet.year": (
        "年度“{value}”与导入的年检年度 {year} 不符。",
        "Year '{value}' is not the year of this import's inspection ({year}).",
    ),
    "inspection_sheet.org_required": (
        "须填写组织的名称或统一社会信用代码。",
        "The organization's name or USCC is required.",
    ),
    "inspection_sheet.unknown_org": (
        "登记簿中没有“{key}”。",
        "No organization '{key}' in the register.",
    ),
    "inspection_sheet.name_mismatch": (
        "名称“{name}”与统一社会信用代码 {uscc} 登记的名称“{registered}”不符。",
        "Name '{name}' is not the name registered with USCC {uscc} ('{registered}').",
    ),
    "inspection_sheet.other_office": (
        "“{name}”不由本机关登记（登记管理机关：{registry}），不在本机关年检之列。",
        "'{name}' is registered by another registry ({registry}): not inspected by this office.",
    ),
    "inspection_sheet.note.received_default": (
        "表中没有收到日期，各行以 {date} 为收到日期。",
        "The sheet has no date received: every row takes {date}.",
    ),
    "inspection_sheet.source": ("年检结果表导入：{file} 第{row}行", "Inspection sheet import: {file} row {row}"),
    "inspection_sheet.done": (
        "已导入 {count} 份{year}年度年检记录并提交审核；结论由录入人以外的审核人逐份作出。",
        "Imported {count} record(s) of the {year} inspection, submitted for decision by a reviewer other than "
        "the clerk who imported them.",
    ),
    "inspection_sheet.not_imported": (
        "年检结果表有 {count} 行不合格，未导入任何记录（改正后重新导入）。",
        "{count} row(s) of the inspection sheet are invalid; nothing was imported (fix them and import again).",
    ),
    # the template's notes sheet
    "inspection_sheet.template.title": ("填写说明", "How to fill in"),
    "inspection_sheet.template.org": (
        "每行一个组织：填写名称或统一社会信用代码（两者都填时须一致）。",
        "One organization a row: its name or USCC (both must agree when both are given).",
    ),
    "inspection_sheet.template.conclusion": (
        "结论填写 {labels}；基本合格、不合格须填写理由。",
        "Conclusion: {labels}; a basic pass or a fail needs its reasons.",
    ),
    "inspection_sheet.template.dates": (
        "收到日期可写 2026-04-20、2026/4/20、2026年4月20日 或 20260420；不填则为导入当日。",
        "Date received: 2026-04-20, 2026/4/20 or 20260420; blank means the day of the import.",
    ),
    "inspection_sheet.template.figures": (
        "收入、支出、净资产以元为单位；专职工作人员、会员数、活动次数为整数，可不填。",
        "Income, expenditure and net assets in yuan; staff, members and activities whole numbers, optional.",
    ),
    "inspection_sheet.template.title_rows": (
        "表头上方可有标题行；合计行、空行会被跳过。导入的结论为提议，由审核人作出结论。",
        "Title rows above the header are allowed; total and blank rows are skipped.  Imported conclusions are "
        "proposals that a reviewer decides.",
    ),
    # the CLI
    "cli.inspection_sheet.file": (
        "{file}（{sheet}，表头在第 {header_row} 行，{year}年度）",
        "{file} ({sheet}, header on row {header_row}, year {year})",
    ),
    "cli.inspection_sheet.counts": (
        "共 {rows} 行：新登记 {new}，修改草稿 {corrected}，不合格 {invalid}，跳过 {skipped}",
        "{rows} rows: {new} new, {corrected} correcting a draft, {invalid} invalid, {skipped} skipped",
    ),
}
