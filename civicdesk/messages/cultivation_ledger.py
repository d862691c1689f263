"""The words of the cultivation sheets (培育台账: volunteer hours, station records): their refusals, notes,
template and command line."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # the file as a whole
    "cult_sheet.unknown_kind": (
        "没有“{value}”这种台账（可选：{allowed}）。",
        "No sheet kind '{value}' (one of: {allowed}).",
    ),
    "cult_sheet.no_org_column": (
        "台账须有“{label}”或“统一社会信用代码”列。",
        "The sheet needs a '{label}' or USCC column.",
    ),
    "cult_sheet.missing_columns": (
        "台账缺少这些列：{labels}。",
        "The sheet lacks these columns: {labels}.",
    ),
    # one row
    "cult_sheet.org_required": (
        "须填写{label}的名称或统一社会信用代码。",
        "The {label}'s name or USCC is required.",
    ),
    "cult_sheet.unknown_org": (
        "登记簿中没有“{key}”。",
        "No organization '{key}' in the register.",
    ),
    "cult_sheet.name_mismatch": (
        "名称“{name}”与统一社会信用代码 {uscc} 登记的名称“{registered}”不符。",
        "Name '{name}' is not the name registered with USCC {uscc} ('{registered}').",
    ),
    "cult_sheet.volunteer_required": (
        "须填写{label}。",
        "The {label} is required.",
    ),
    "cult_sheet.unknown_volunteer": (
        "“{team}”没有名为“{name}”的志愿者（请先登记志愿者）。",
        "'{team}' has no volunteer named '{name}' (register the volunteer first).",
    ),
    "cult_sheet.volunteer_other_team": (
        "志愿者“{name}”不是“{team}”的队员（属“{other}”）。",
        "Volunteer '{name}' is not of '{team}' (of '{other}').",
    ),
    "cult_sheet.volunteer_ambiguous": (
        "“{team}”有 {count} 名志愿者叫“{name}”：请填写联系电话以区分。",
        "'{team}' has {count} volunteers named '{name}': give the phone to tell which.",
    ),
    "cult_sheet.phone_mismatch": (
        "联系电话 {phone} 与志愿者“{name}”登记的电话不符。",
        "Phone {phone} is not the phone registered for volunteer '{name}'.",
    ),
    "cult_sheet.hours_recorded": (
        "该志愿者在这次活动已记 {recorded} 小时，与表中的 {value} 小时不同（请在系统中更正）。",
        "The volunteer already has {recorded} hours at this activity, not the sheet's {value} (correct it in the "
        "program).",
    ),
    "cult_sheet.service_recorded": (
        "{day}“{activity}”已有记录（人次/困境儿童/留守儿童：{recorded}），与表中的不同。",
        "{day} '{activity}' is already recorded (person-times/in difficulty/left behind: {recorded}) with other "
        "figures.",
    ),
    "cult_sheet.bad_period": (
        "起止日期“{value}”应写成两个日期，如 2025-03-01至2025-12-31。",
        "Period '{value}' should be two days, e.g. 2025-03-01 to 2025-12-31.",
    ),
    "cult_sheet.project_recorded": (
        "已有项目“{name}”（{year}年度，合同金额 {amount} 元，已付 {paid} 元），与表中的不同（请在系统中更正）。",
        "Project '{name}' ({year}, contracted {amount} yuan, {paid} paid) is already recorded with other figures "
        "(correct it in the program).",
    ),
    # what was done
    "cult_sheet.not_imported": (
        "台账有 {count} 行不合格，未导入任何记录（改正后重新导入）。",
        "{count} row(s) of the sheet are invalid; nothing was imported (fix them and import again).",
    ),
    "cult_sheet.done.hours": (
        "已导入 {count} 条志愿服务时长（{orgs} 支服务队）；{recorded} 条此前已有记录。",
        "Imported {count} volunteer hours row(s) ({orgs} team(s)); {recorded} were already recorded.",
    ),
    "cult_sheet.done.stations": (
        "已导入 {count} 条儿童服务站服务记录（{orgs} 个服务站）；{recorded} 条此前已有记录。",
        "Imported {count} station service record(s) ({orgs} station(s)); {recorded} were already recorded.",
    ),
    "cult_sheet.done.projects": (
        "已导入 {count} 个政府购买服务项目；{recorded} 个此前已有记录。",
        "Imported {count} purchased-service project(s); {recorded} were already recorded.",
    ),
    # the template's notes sheet
    "cult_sheet.template.hours.title": ("志愿服务时长台账填写说明", "How to fill in the volunteer hours sheet"),
    "cult_sheet.template.hours.key": (
        "团队填写志愿服务队的名称或统一社会信用代码；志愿者须是该队已登记的队员，同名时填写联系电话。",
        "Team: the volunteer team's name or USCC; the volunteer must be a registered member of it (give the phone "
        "when two share a name).",
    ),
    "cult_sheet.template.hours.rows": (
        "每行一名志愿者参加一次活动的时长（小时，最多两位小数）；同一团队、同一日期、同一活动名称的各行为一次活动。",
        "One row per volunteer per activity (hours, two decimals at most); the rows of one team, day and "
        "activity title make one activity.",
    ),
    "cult_sheet.template.stations.title": ("儿童服务站服务记录填写说明", "How to fill in the station records sheet"),
    "cult_sheet.template.stations.key": (
        "服务站填写儿童服务站的名称或统一社会信用代码。",
        "Station: the children's station's name or USCC.",
    ),
    "cult_sheet.template.stations.rows": (
        "每行一个服务日的一项活动：人次为大于0的整数，困境儿童、留守儿童为其中的人次（可不填）。",
        "One row per service day and activity: person-times a whole number above zero; children in difficulty "
        "and left behind are of them (optional).",
    ),
    "cult_sheet.template.projects.title": ("政府购买服务项目台账填写说明", "How to fill in the projects sheet"),
    "cult_sheet.template.projects.key": (
        "承接组织填写登记簿中组织的名称或统一社会信用代码；列入严重违法失信名单或已不存续的组织不能承接。",
        "Contracted organization: its name or USCC in the register; one on the serious credit list or no longer "
        "existing cannot be contracted.",
    ),
    "cult_sheet.template.projects.rows": (
        "每行一个项目：资金来源填写本单位设定的名称（如 本级一般公共预算），合同金额以元为单位（大于0，最多两位小数），"
        "起止日期写成 2025-03-01至2025-12-31 或分填开始日期、结束日期；已付金额须同时填写支付日期，不超过合同金额；"
        "有合同编号的以合同编号识别。",
        "One project a row: the funding source in the office's words, the amount in yuan (above zero, two decimals "
        "at most), the period as two days (2025-03-01 to 2025-12-31) or in start and end columns; an amount paid "
        "needs its date and stays within the contract; a contract number identifies a project.",
    ),
    "cult_sheet.template.dates": (
        "日期可写 2026-04-20、2026/4/20、2026年4月20日 或 20260420，不晚于今天；"
        "表头上方可有标题行，合计行、空行会被跳过。",
        "Dates: 2026-04-20, 2026/4/20 or 20260420, not after today; title rows above the header are allowed, "
        "total and blank rows are skipped.",
    ),
    "audit_action.cultivation_sheet.refused": ("拒绝导入导出培育台账", "cultivation sheet refused"),
    "audit_action.import.cultivation_hours": ("导入志愿服务时长台账", "volunteer hours sheet imported"),
    "audit_action.import.cultivation_stations": ("导入儿童服务站服务记录", "station records sheet imported"),
    "audit_action.export.cultivation_hours": ("导出志愿服务时长台账", "volunteer hours sheet exported"),
    "audit_action.export.cultivation_stations": ("导出儿童服务站服务记录", "station records sheet exported"),
    "audit_action.import.cultivation_projects": ("导入政府购买服务项目台账", "projects sheet imported"),
    "audit_action.export.cultivation_projects": ("导出政府购买服务项目台账", "projects sheet exported"),
    # the command line
    "cli.cult_sheet.file": (
        "{file}（{sheet}，表头在第 {header_row} 行）",
        "{file} ({sheet}, header on row {header_row})",
    ),
    "cli.cult_sheet.exported": ("已导出 {rows} 行到 {path}", "Exported {rows} rows to {path}"),
    "cli.cult_sheet.counts": (
        "共 {rows} 行：新增 {new}，已有记录 {recorded}，不合格 {invalid}，跳过 {skipped}",
        "{rows} rows: {new} new, {recorded} already recorded, {invalid} invalid, {skipped} skipped",
    ),
}
