"""The words of the command line: usage, internal errors, its tables and summaries."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
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
}
