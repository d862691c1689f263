"""The dashboard's refusals (services/dashboard.py, the ``dashboard`` print kind)."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "dashboard.unknown_series": ("没有图表“{value}”；可选：{allowed}。", "No chart '{value}'; choose from: {allowed}."),
    "dashboard.no_rows": ("图表“{value}”没有可列出的记录（其柱形打开登记簿）；可列出记录的图表：{allowed}。",
                          "Chart '{value}' lists no rows (its bars open the register); charts that list rows: "
                          "{allowed}."),
    "dashboard.no_base": ("没有编号为 {code} 的培育孵化基地。", "No incubation base {code}."),
}
