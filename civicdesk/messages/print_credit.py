"""The words of the public disclosure prints (信息公开): the credit lists (活动异常名录, 严重违法失信名单) and the
penalties decided (行政处罚), their errors, and the labels of credit grounds and penalty kinds they print.

The ground labels stand until the parameter ``credit.grounds`` ships (its ``zh``/``en`` win when it exists:
:func:`civicdesk.services.printing.kind_credit.ground_labels`)."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "print.credit_list": ("名单“{value}”无效（可选：{allowed}）。",
                          "List '{value}' is invalid (choose from: {allowed})."),
    "print.credit_state": ("范围“{value}”无效（可选：{allowed}）。",
                           "Scope '{value}' is invalid (choose from: {allowed})."),
    "print.credit_year": ("年度“{value}”无效（应为 {first} 至 {last} 之间的年份）。",
                          "Year '{value}' is invalid (a year from {first} to {last})."),
    "print.credit_period": ("只能给出年度（--year）或期间（--from/--to）之一。",
                            "Give either a year (--year) or a period (--from/--to), not both."),
    "print.output_not_pdf_xlsx_csv": ("输出文件应以 .pdf、.xlsx 或 .csv 结尾：“{path}”。",
                                      "The output file must end in .pdf, .xlsx or .csv: '{path}'."),
    "audit_action.print.refused": ("拒绝打印", "print refused"),
    "cli.print.empty": ("名单中没有任何条目：文件已生成，注明“无”。",
                        "The list has no entry: the file is written and says 'none'."),
    # the kinds of list and the versions' words
}
