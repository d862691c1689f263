"""``civicdesk parameter ...``: the supervision rules as data: list them with their sources, set this office's
own value (administrators), reset it to the shipped default."""

from __future__ import annotations

import argparse
import json
from typing import Any

from civicdesk import messages
from civicdesk.commands.common import acting_user, open_db, print_json
from civicdesk.errors import InputError


def add_parsers(sub: Any) -> dict[str, Any]:
    parameter = sub.add_parser("parameter", help="监管参数：期限、比例、分数线、材料清单 / supervision parameters")
    psub = parameter.add_subparsers(dest="parameter_command", metavar="ACTION", required=True)
    p = psub.add_parser("list", help="列出各项参数、现行值及其依据")
    p.add_argument("--json", action="store_true")
    p = psub.add_parser("set", help="设定本机关的参数值（管理员；须写明依据）")
    p.add_argument("key", help="参数名，如 inspection.registry_deadline")
    p.add_argument("value", help='值（JSON 或文字），如 "05-31"、6、{"county": 0.03, "city": 0.04, "province": 0.05}')
    p.add_argument("--source", required=True, help="依据（法规条款或本机关文件）")
    p.add_argument("--legal-form", help="只适用于此组织类型（social_group、social_service、foundation）")
    p.add_argument("--year-from", type=int, help="自此年度起适用")
    p.add_argument("--year-to", type=int, help="至此年度止适用")
    p.add_argument("--note", help="备注")
    p.add_argument("--json", action="store_true")
    p = psub.add_parser("reset", help="撤销本机关设定的参数值，恢复默认（管理员）")
    p.add_argument("id", help="参数记录 id（见 parameter list --json）")
    p.add_argument("--reason", help="理由")
    return {"parameter": cmd_parameter}


def _value(text: str) -> Any:
    """The value as JSON when it is JSON, else the text itself (``05-31`` is a text, ``6`` a number)."""
    try:
        return json.loads(text)
    except ValueError:
        if text.lstrip().startswith(("{", "[")):
            raise InputError("parameter.json", value=text[:80]) from None
        return text


def cmd_parameter(options: argparse.Namespace) -> int:
    from civicdesk.services.supervision import parameters

    db = open_db(options)
    try:
        command = options.parameter_command
        if command == "list":
            rows = parameters.list_parameters(db, lang=options.lang)
            if options.json:
                print_json([r.as_dict() for r in rows])
                return 0
            for r in rows:
                scope = " ".join(x for x in (r.legal_form or "", _years(r.year_from, r.year_to)) if x)
                whose = messages.label("parameter.own" if r.own else "parameter.default", options.lang)
                print(f"{r.key}\t{r.label}\t{scope or '-'}\t{json.dumps(r.value, ensure_ascii=False)}\t{whose}"
                      f"\t{r.source}")
            return 0
        user = acting_user(options, db)
        if command == "set":
            row = parameters.set_parameter(db, options.key, _value(options.value), source=options.source, by=user,
                                           legal_form=options.legal_form, year_from=options.year_from,
                                           year_to=options.year_to, note=options.note)
            if options.json:
                print_json(row.as_dict())
            else:
                print(messages.text("parameter.set", options.lang, key=row.key,
                                    value=json.dumps(row.value, ensure_ascii=False), id=row.id))
            return 0
        parameters.reset_parameter(db, options.id, by=user, reason=options.reason)
        print(messages.text("parameter.reset", options.lang, id=options.id))
        return 0
    finally:
        db.close()


def _years(start: int | None, end: int | None) -> str:
    if start is None and end is None:
        return ""
    return f"{start or ''}–{end or ''}"
