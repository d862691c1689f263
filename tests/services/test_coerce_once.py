"""``records.coerce`` normalizes a text once and asks a field's label only for a message (issue 20): held here
to the function as it was (every branch normalizing on its own, the label read first) on values where the
two could part: full-width, blank, padded, numbers as text, booleans, dates, too long, wrong types."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from civicdesk.errors import Issue
from civicdesk.services.core.validation import normalize_text, normalize_uscc, parse_date
from civicdesk.services.register import records
from civicdesk.services.register.records import MAX_AMOUNT, MAX_COUNT, FieldSpec, _FALSE, _TRUE, _short


def reference(spec: FieldSpec, value: Any, field: str) -> tuple[Any, list[Issue]]:
    """``coerce`` before issue 20, word for word."""
    if value is None or (isinstance(value, str) and not normalize_text(value)):
        return (False if spec.kind == "bool" else None), []
    lab = spec.zh
    if spec.kind in ("text", "code"):
        if not isinstance(value, str | int) or isinstance(value, bool):
            return None, [Issue(field, "input.type", {"field": field, "expected": "text"})]
        free_text = spec.name in ("purpose", "business_scope", "notes")
        text = str(value).strip() if free_text else normalize_text(str(value))
        if spec.name == "uscc":
            text = normalize_uscc(text)
        elif spec.name == "id_number":
            text = text.upper()
        if spec.max_len and len(text) > spec.max_len:
            return None, [Issue(field, "field.too_long", {"label": lab, "max": spec.max_len})]
        return text, []
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value, []
        text = normalize_text(str(value)).lower()
        if text in _TRUE:
            return True, []
        if text in _FALSE:
            return False, []
        return None, [Issue(field, "field.boolean", {"label": lab})]
    if spec.kind == "int":
        if isinstance(value, bool):
            return None, [Issue(field, "field.number", {"label": lab, "value": value})]
        try:
            number = int(normalize_text(str(value)))
        except ValueError:
            return None, [Issue(field, "field.number", {"label": lab, "value": _short(value)})]
        if number < 0:
            return None, [Issue(field, "field.negative", {"label": lab})]
        if number > MAX_COUNT:
            return None, [Issue(field, "field.too_large", {"label": lab, "value": _short(value), "max": MAX_COUNT})]
        return number, []
    if spec.kind == "decimal":
        if isinstance(value, bool) or isinstance(value, float) and value != value:
            return None, [Issue(field, "field.number", {"label": lab, "value": value})]
        try:
            amount = Decimal(normalize_text(str(value)).replace(",", ""))
        except InvalidOperation:
            return None, [Issue(field, "field.number", {"label": lab, "value": value})]
        if not amount.is_finite():
            return None, [Issue(field, "field.number", {"label": lab, "value": value})]
        if amount < 0:
            return None, [Issue(field, "field.negative", {"label": lab})]
        if amount > MAX_AMOUNT:
            return None, [Issue(field, "field.too_large", {"label": lab, "value": _short(value),
                                                           "max": format(MAX_AMOUNT, "f")})]
        return amount.quantize(Decimal("0.0001")), []
    if spec.kind == "date":
        parsed = parse_date(value)
        if parsed is None:
            return None, [Issue(field, "date.format", {"label": lab, "value": value})]
        return parsed, []
    raise AssertionError(spec.kind)


VALUES: list[Any] = [
    None, "", " ", "\u3000", "\t\n", "abc", " 　ａｂｃ　", "社会团体", "ＡＢＣ１２３", "是", "否",
    "YES", " true ", "√", "x",
    "0", "1", "12", "１２", " 12 ", "-3", "1,234", "１，２３４", "12.5", "1e3", "nan", "inf", "-0", "99999999999",
    "1000000001", "x" * 300, "5" * 4400, "2021-08-20", "2021年8月20日", "２０２１/８/２０", "20210820", "2021-02-30",
    0, 1, -1, 7, 10**9, 10**9 + 1, True, False, 1.5, float("nan"), Decimal("12.34567"), Decimal("-1"),
    date(2020, 1, 2), datetime(2020, 1, 2, 3, 4), ["a"], {"a": 1}, "91510100MA6C5X1Q8B", " 9151 0100-ma6c5x1q8b ",
    "51110019900101123x", "purpose\n第二行  ",
]


def test_coerce_gives_what_it_gave_before_for_every_field_and_value() -> None:
    for spec in (*records.ORG_FIELDS, *records.PERSON_FIELDS):
        for value in VALUES:
            assert records.coerce(spec, value, spec.name) == reference(spec, value, spec.name), (spec.name, value)
