"""Cell values as offices type them, turned into what
:func:`civicdesk.services.register.organizations.parse_org_input` takes.

Full-width characters to half-width, spaces inside credit codes removed (by ``records.coerce``), dates from
text (2021年8月20日, 2021-08-20, 2021/8/20, 20210820), Excel serial numbers and date cells, 是/否 and √/×,
whole numbers that Excel keeps as floats (a phone number 13812345678.0), and dictionary labels (社会团体,
存续, 乡镇（街道）备案) to their codes.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from civicdesk.services.core.validation import parse_date

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, with Excel's phantom 1900-02-29 before serial 61
_DATE_TIME = re.compile(r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_of(value: Any) -> str:
    """A cell as the text the clerk sees: 13812345678.0 -> ``13812345678``, full-width to half-width, trimmed."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def excel_serial_date(number: float) -> date | None:
    if not 1 <= number < 2958466:
        return None
    return _EXCEL_EPOCH + timedelta(days=int(number))


def date_value(value: Any) -> Any:
    """A ``date`` when the cell holds one in any of the office forms; otherwise the text, for the error message."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return excel_serial_date(value) or text_of(value)
        number = int(value)
        if 19000101 <= number <= 29991231:
            return parse_date(str(number)) or str(number)
        return excel_serial_date(number) or str(number)
    text = text_of(value)
    if text.isdigit() and 3 <= len(text) <= 5:  # a serial number that lost its date format (CSV from Excel)
        return excel_serial_date(int(text)) or text
    m = _DATE_TIME.match(text)
    if m:
        text = m.group(1)
    return parse_date(text) or text


def number_text(value: Any) -> Any:
    """Numbers as they are (integral floats as ints); text normalized for ``records.coerce``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return value
    return text_of(value).replace(",", "").replace("，", "")


_BOOL_EXTRA = {"×": "否", "x": "否", "✓": "是", "✔": "是", "已建立": "是", "未建立": "否", "是的": "是"}


def bool_text(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return "是" if value else "否"
    text = text_of(value)
    return _BOOL_EXTRA.get(text.lower(), text)


def _label_keys(label: str) -> set[str]:
    key = unicodedata.normalize("NFKC", label).replace(" ", "").lower()
    keys = {key}
    short = re.sub(r"\(.*?\)", "", key)
    if short:
        keys.add(short)
    return keys


#: Labels offices write that are not the dictionary's own (kind -> text -> code).
ALIASES: dict[str, dict[str, str]] = {
    "legal_form": {"社团": "social_group", "民非": "social_service", "民办非企业": "social_service",
                   "社会服务机构": "social_service"},
    "tier": {"登记在册": "registered", "已登记": "registered", "备案": "filed", "乡镇备案": "filed",
             "街道备案": "filed", "指导": "guided", "纳入指导": "guided", "村(社区)指导": "guided",
             "纳入村和社区指导管理": "guided", "纳入村(社区)指导": "guided"},
    "status": {"正常": "active", "注销": "deregistered", "撤销": "revoked"},
    "registration_mode": {"双重": "dual", "直接": "direct", "双重管理登记": "dual"},
}


def code_maps(dictionaries: dict[str, list[Any]]) -> dict[str, dict[str, str]]:
    """kind -> (normalized label, English label or code) -> code, for every dictionary."""
    out: dict[str, dict[str, str]] = {}
    for kind, values in dictionaries.items():
        table: dict[str, str] = {}
        for v in values:
            for key in (*_label_keys(v.label_zh), *_label_keys(v.label_en), v.code.lower()):
                table.setdefault(key, v.code)
        for text, code in ALIASES.get(kind, {}).items():
            table.setdefault(unicodedata.normalize("NFKC", text).lower(), code)
        out[kind] = table
    return out


def code_value(value: Any, table: dict[str, str]) -> str:
    """A dictionary code from its label or code; unknown text is passed on (validation names it)."""
    text = text_of(value)
    key = text.replace(" ", "").lower()
    return table.get(key) or table.get(re.sub(r"\(.*?\)", "", key)) or text
