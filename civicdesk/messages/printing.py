"""The words of printing: errors and the documents' labels."""

from __future__ import annotations

#: code -> (Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "print.font_missing": (
        "找不到可嵌入的中文 TrueType 字体：请在首选项中指定字体文件（如 simfang.ttf），"
        "或重新安装 CivicDesk 以装上自带字体。",
        "No Chinese TrueType font that can be embedded: set a font file in the preferences (e.g. simfang.ttf), "
        "or reinstall CivicDesk to get its bundled font.",
    ),
    "print.font_unusable": (
        "字体文件“{path}”不存在或不是含中文字形的 TrueType 字体（不支持 CFF 格式的 .otf）。",
        "The font file '{path}' is missing or is not a TrueType font with Chinese glyphs"
        " (CFF-based .otf is not supported).",
    ),
    "print.unknown_kind": ("没有“{kind}”这种打印文档（可选：{kinds}）。",
                           "No printable document '{kind}' (choose from: {kinds})."),
    "print.output_folder": ("输出文件夹“{path}”不存在。", "The output folder '{path}' does not exist."),
    "print.output_not_pdf": ("输出文件应以 .pdf 结尾：“{path}”。", "The output file must end in .pdf: '{path}'."),
    "print.write_failed": ("无法写入“{path}”：{reason}", "Cannot write '{path}': {reason}"),
    "print.cancelled": ("打印已取消，未生成文件。", "Printing was cancelled; no file was written."),
    "print.bad_period": ("选项 {option} 有误：期间止早于期间起",
                         "Option {option} is wrong: the period ends before it starts"),
    "print.bad_date": ("选项 {option} 有误：“{value}”不是日期", "Option {option} is wrong: '{value}' is not a date"),
    "print.bad_group": ("分组方式“{value}”无效（可选：{choices}）。",
                        "Grouping '{value}' is invalid (choose from: {choices})."),
}
