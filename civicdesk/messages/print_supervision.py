"""The words of the supervision prints (年检结果公告, 参检率 report, spot-check results): their errors."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "print.inspection_report": ("年检文档“{value}”无效（可选：{allowed}）。",
                                "Inspection document '{value}' is invalid (choose from: {allowed})."),
    "print.inspection_all_offices": ("只有参检情况报告（--report participation）可汇总各登记管理机关。",
                                     "Only the participation report (--report participation) sums every office."),
    "print.spotcheck_not_drawn": ("抽查计划“{key}”当前为“{state:@spotcheck_state}”，尚无可公示的抽查结果。",
                                  "Spot-check plan '{key}' is {state:@spotcheck_state}: it has no results to publish."),
    "print.output_not_pdf_or_xlsx": ("输出文件应以 .pdf 或 .xlsx 结尾：“{path}”。",
                                     "The output file must end in .pdf or .xlsx: '{path}'."),
}
