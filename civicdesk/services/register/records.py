"""The shape of an organization record as the outside world sees it (JSON, forms, ledgers).

One table of field specifications drives parsing of input (types, dictionaries), the labels in messages,
and the JSON that ``org show --json`` prints and ``org add --json-file`` accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict

from civicdesk import messages
from civicdesk.errors import Issue
from civicdesk.services.core.validation import normalize_text, normalize_uscc, parse_date


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # text | int | decimal | date | bool | code
    max_len: int | None = None
    dictionary: str | None = None  # for kind == "code"
    group: str = "org"  # org | person: the label is the catalogue's ``label.<group>.<name>``

    def label(self, lang: str = "zh") -> str:
        return _field_label(self.group, self.name, lang)

    @property
    def zh(self) -> str:
        return self.label("zh")

    @property
    def en(self) -> str:
        return self.label("en")


@lru_cache(maxsize=1024)
def _field_label(group: str, name: str, lang: str) -> str:
    """The catalogue's label of a field (the catalogue is read-only): asked once per field and language, not for
    every value of every row of a ledger or a sync package (a million calls for 20,000 rows)."""
    return messages.label(f"label.{group}.{name}", lang)


class OrgValues(TypedDict):
    """An organization's fields as :class:`~civicdesk.services.register.organizations.OrgRecord` carries them to
    the GUI, the CLI and the printed sheet: one key a field of :data:`ORG_FIELDS`, in its order, typed as the
    ``organization`` column is (a test keeps the three in step)."""

    name: str
    legal_form: str | None
    is_community: bool
    tier: str
    community_subtype: str | None
    category: str | None
    status: str
    uscc: str | None
    legacy_registration_no: str | None
    legacy_org_code: str | None
    filing_no: str | None
    registry_code: str
    registry_name: str
    registration_mode: str | None
    sponsor: str | None
    foundation_type: str | None
    division_code: str
    township_code: str | None
    community_code: str | None
    address: str | None
    purpose: str | None
    business_scope: str | None
    activity_area: str | None
    registered_funds_wan: Decimal | None
    established_on: date | None
    certificate_valid_from: date | None
    certificate_valid_to: date | None
    certificate_issued_on: date | None
    certificate_collected_on: date | None
    member_count: int | None
    staff_count: int | None
    contact_name: str | None
    contact_phone: str | None
    party_organization: bool
    charity_recognized: bool
    notes: str | None


ORG_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "text", 200),
    FieldSpec("legal_form", "code", dictionary="legal_form"),
    FieldSpec("is_community", "bool"),
    FieldSpec("tier", "code", dictionary="tier"),
    FieldSpec("community_subtype", "code", dictionary="community_subtype"),
    FieldSpec("category", "code", dictionary="category"),
    FieldSpec("status", "code", dictionary="status"),
    FieldSpec("uscc", "text", 18),
    FieldSpec("legacy_registration_no", "text", 64),
    FieldSpec("legacy_org_code", "text", 16),
    FieldSpec("filing_no", "text", 64),
    FieldSpec("registry_code", "text", 12),
    FieldSpec("registry_name", "text", 100),
    FieldSpec("registration_mode", "code", dictionary="registration_mode"),
    FieldSpec("sponsor", "text", 200),
    FieldSpec("foundation_type", "code", dictionary="foundation_type"),
    FieldSpec("division_code", "text", 12),
    FieldSpec("township_code", "text", 12),
    FieldSpec("community_code", "text", 12),
    FieldSpec("address", "text", 300),
    FieldSpec("purpose", "text", 2000),
    FieldSpec("business_scope", "text", 2000),
    FieldSpec("activity_area", "text", 200),
    FieldSpec("registered_funds_wan", "decimal"),
    FieldSpec("established_on", "date"),
    FieldSpec("certificate_valid_from", "date"),
    FieldSpec("certificate_valid_to", "date"),
    FieldSpec("certificate_issued_on", "date"),
    FieldSpec("certificate_collected_on", "date"),
    FieldSpec("member_count", "int"),
    FieldSpec("staff_count", "int"),
    FieldSpec("contact_name", "text", 50),
    FieldSpec("contact_phone", "text", 32),
    FieldSpec("party_organization", "bool"),
    FieldSpec("charity_recognized", "bool"),
    FieldSpec("notes", "text", 2000),
)
PERSON_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("role", "code", dictionary="person_role", group="person"),
    FieldSpec("name", "text", 50, group="person"),
    FieldSpec("id_number", "text", 18, group="person"),
    FieldSpec("phone", "text", 32, group="person"),
    FieldSpec("term_start", "date", group="person"),
    FieldSpec("term_end", "date", group="person"),
    FieldSpec("is_current", "bool", group="person"),
)
FIELDS_BY_NAME = {f.name: f for f in ORG_FIELDS}
PERSON_FIELDS_BY_NAME = {f.name: f for f in PERSON_FIELDS}
#: Keys that ``org show --json`` prints but input ignores (they are the register's, not the clerk's).
READ_ONLY_KEYS = frozenset(
    {"id", "origin_office", "version", "created_at", "updated_at", "entry_mode", "history", "labels", "deleted_at",
     "legal_rep_name"}
)
PERSON_READ_ONLY_KEYS = frozenset({"id", "version", "origin_office"})


def label(field: str, lang: str = "zh") -> str:
    spec = FIELDS_BY_NAME.get(field) or PERSON_FIELDS_BY_NAME.get(field.split(".")[-1])
    return spec.label(lang) if spec else field


#: Largest count a register holds (members, staff): far above any real organization, far below SQLite's
#: 64-bit integers (10^30 members overflowed the driver).
MAX_COUNT = 10**9
#: Largest amount of NUMERIC(14, 4): 10 digits before the point (1e20 or 1e308 do not fit; 1e308 made
#: ``quantize`` raise InvalidOperation).
MAX_AMOUNT = Decimal(10) ** 10 - Decimal("0.0001")

_TRUE = {"1", "true", "yes", "y", "是", "有", "√", "t"}
_FALSE = {"0", "false", "no", "n", "否", "无", "", "f"}


def coerce(spec: FieldSpec, value: Any, field: str) -> tuple[Any, list[Issue]]:
    """``value`` converted to the field's type (None for empty), or the issue explaining why not."""
    if value is None:
        return (False if spec.kind == "bool" else None), []
    # a text is normalized once here (every branch below reads the same normalized text), and the field's label
    # is asked only for a message: a ledger or a sync package coerces some 20 values a row
    norm = normalize_text(value) if isinstance(value, str) else None
    if norm == "":
        return (False if spec.kind == "bool" else None), []
    if spec.kind in ("text", "code"):
        if not isinstance(value, str | int) or isinstance(value, bool):
            return None, [Issue(field, "input.type", {"field": field, "expected": "text"})]
        free_text = spec.name in ("purpose", "business_scope", "notes")
        text = str(value).strip() if free_text else norm if norm is not None else normalize_text(str(value))
        if spec.name == "uscc":
            text = normalize_uscc(text)
        elif spec.name == "id_number":
            text = text.upper()
        if spec.max_len and len(text) > spec.max_len:
            return None, [Issue(field, "field.too_long", {"label": spec.zh, "max": spec.max_len})]
        return text, []
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value, []
        text = (norm if norm is not None else normalize_text(str(value))).lower()
        if text in _TRUE:
            return True, []
        if text in _FALSE:
            return False, []
        return None, [Issue(field, "field.boolean", {"label": spec.zh})]
    if spec.kind == "int":
        if isinstance(value, bool):
            return None, [Issue(field, "field.number", {"label": spec.zh, "value": value})]
        try:
            number = int(norm if norm is not None else normalize_text(str(value)))
        except ValueError:  # also a text of more than 4,300 digits (Python's limit)
            return None, [Issue(field, "field.number", {"label": spec.zh, "value": _short(value)})]
        if number < 0:
            return None, [Issue(field, "field.negative", {"label": spec.zh})]
        if number > MAX_COUNT:
            return None, [Issue(field, "field.too_large", {"label": spec.zh, "value": _short(value), "max": MAX_COUNT})]
        return number, []
    if spec.kind == "decimal":
        if isinstance(value, bool) or isinstance(value, float) and value != value:
            return None, [Issue(field, "field.number", {"label": spec.zh, "value": value})]
        try:
            amount = Decimal((norm if norm is not None else normalize_text(str(value))).replace(",", ""))
        except InvalidOperation:
            return None, [Issue(field, "field.number", {"label": spec.zh, "value": value})]
        if not amount.is_finite():
            return None, [Issue(field, "field.number", {"label": spec.zh, "value": value})]
        if amount < 0:
            return None, [Issue(field, "field.negative", {"label": spec.zh})]
        if amount > MAX_AMOUNT:
            return None, [Issue(field, "field.too_large", {"label": spec.zh, "value": _short(value),
                                                           "max": format(MAX_AMOUNT, "f")})]
        return amount.quantize(Decimal("0.0001")), []
    if spec.kind == "date":
        parsed = parse_date(value)
        if parsed is None:
            return None, [Issue(field, "date.format", {"label": spec.zh, "value": value})]
        return parsed, []
    raise AssertionError(spec.kind)


def _short(value: Any, limit: int = 40) -> str:
    """A value for a one-line message: at most ``limit`` characters."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


#: The JSON type each kind of field takes from a JSON file (``org add --json-file``, ``filing new``): no
#: guessing there ("yes" is not true, 12345 is not a name); ledgers, typed by people, are parsed by ``coerce``.
_JSON_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "text": ((str,), "string"), "code": ((str,), "string"), "date": ((str,), "string (2021-08-20)"),
    "bool": ((bool,), "true/false"), "int": ((int,), "integer"), "decimal": ((int, float, str), "number"),
}


def json_type_issues(spec: FieldSpec, value: Any, field: str) -> list[Issue]:
    """The issue of a JSON value whose type does not fit ``spec`` (null is always allowed: empty)."""
    if value is None:
        return []
    types, expected = _JSON_TYPES[spec.kind]
    if isinstance(value, bool) and bool not in types or not isinstance(value, types):
        return [Issue(field, "input.type", {"field": field, "expected": expected})]
    return []


def to_json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        normalized = value.normalize()
        return format(normalized, "f")
    return value
