"""``civicdesk print KIND [filters] -o FILE.pdf [--public] [--json]``: registers, organization sheets and the
statistics report as PDFs.  The kinds and their own arguments come from
:mod:`civicdesk.services.printing.documents`; they are imported only when ``print`` runs (reportlab is heavy
and every CLI start builds every command's parser).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

_HELP = "打印为 PDF：名录、登记信息表、统计报告、申请事项办理情况表等（civicdesk print --help 列出全部种类）"


def add_parsers(sub: Any) -> dict[str, Any]:
    from civicdesk.cli import Parser

    class PrintParser(Parser):
        """``print --help`` lists every kind the printing package has (read only when help is asked for:
        the kinds import reportlab)."""

        def format_help(self) -> str:
            from civicdesk.services.printing import kinds

            self.epilog = "KIND:\n" + "\n".join(f"  {k.name:14}{k.label}" for k in kinds()) + \
                "\n\ncivicdesk print KIND --help 查看该种类的选项"
            return super().format_help()

    saved = sub._parser_class  # argparse offers no per-parser class for add_parser
    sub._parser_class = PrintParser
    try:
        p = sub.add_parser("print", help=_HELP, description=_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    finally:
        sub._parser_class = saved
    p.add_argument("kind", metavar="KIND", help="文档种类（见下）")
    p.add_argument("args", nargs=argparse.REMAINDER, help="该文档的选项，如 --division 511111 -o r.pdf")
    return {"print": cmd_print}


def kind_parser(kind: Any) -> argparse.ArgumentParser:
    from civicdesk.cli import Parser, fill_help

    p = Parser(prog=f"civicdesk print {kind.name}", description=kind.label)
    kind.add_arguments(p)
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf", help="输出的 PDF 文件")
    p.add_argument("--public", action="store_true", help="公开版：隐去身份证号码、电话号码和内部备注")
    p.add_argument("--reveal-ids", action="store_true", help="内部版显示完整身份证号码（须有查看权限）")
    p.add_argument("--font", help="指定字体文件（TrueType；.ttc 的某一字形写作 路径#序号）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果 / output JSON")
    fill_help(p)
    return p


def cmd_print(options: argparse.Namespace) -> int:
    from civicdesk.cli import _open, _print_json, acting_user
    from civicdesk.services.printing import get_kind, print_document

    kind = get_kind(options.kind)
    args = kind_parser(kind).parse_args(options.args)
    options.json = args.json
    db = _open(options)
    try:
        user = acting_user(options, db)  # print_document checks "print" (and "reveal_ids")
        result = print_document(db, kind.name, kind.options_from_args(args), args.output, public=args.public,
                                reveal_ids=args.reveal_ids, font=args.font, by=user)
    finally:
        db.close()
    if args.json:
        _print_json(result.as_dict())
    else:
        zh = options.lang == "zh"
        version = "公开版" if result.public else "内部版"
        print(f"已生成：{result.path}（{result.title}，共 {result.pages} 页，{version}）"
              if zh else f"Written: {result.path} ({result.title}, {result.pages} pages, "
                         f"{'public' if result.public else 'internal'})")
        for line in result.substitutions:
            print(("字体替代：" if zh else "font substitution: ") + line)
    return 0
