"""The rules supervision runs on, as data: deadlines, ratios, bands, score parts and material lists.

Offers:

- :func:`defaults`: the shipped defaults (``resources/supervision/parameters.json``), each with its label,
  value type and the rule's source.
- :func:`value_in` (inside a session) and :func:`value`: the value that applies to an office for a legal form
  and a year: the office's own (:class:`~civicdesk.models.Parameter`, most specific first: legal form and
  year range before legal form before year range before neither), else the default's value for the legal form,
  else the default.
- :func:`list_parameters`: every key with the value in force here and where it comes from (the GUI's and the
  CLI's parameter table).
- :func:`set_parameter` / :func:`reset_parameter`: an administrator's own value (checked by the key's type,
  the rule's source required) and its removal (a tombstone, so that the reset travels), both audited.
- :func:`office_level`: the level whose legal minimum applies (``county`` for a district office, ``city``).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import RESOURCES, clock
from civicdesk.errors import CivicDeskError, InputError, ValidationError
from civicdesk.models import Parameter
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import check_text
from civicdesk.services.register.lookups import dictionaries
from civicdesk.services.supervision import common

PARAMETERS_FILE = RESOURCES / "supervision" / "parameters.json"
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")
_LEVELS = ("county", "city", "province")


@dataclass(frozen=True)
class Default:
    """A shipped rule: its key, labels, value type and bounds, value (and per legal form) and source."""

    key: str
    zh: str
    en: str
    type: str
    value: Any
    source: str
    by_legal_form: dict[str, Any]
    min: int | None = None
    max: int | None = None


@cache
def defaults() -> dict[str, Default]:
    """key -> the shipped default, in the file's order."""
    return dict(_shipped())


@cache
def _shipped() -> dict[str, Default]:
    """The shipped file, read once per process (every value asked for consults it; it is part of the program)."""
    data = json.loads(PARAMETERS_FILE.read_text(encoding="utf-8"))
    return {key: Default(key=key, zh=d["zh"], en=d["en"], type=d["type"], value=d["value"], source=d["source"],
                         by_legal_form=d.get("by_legal_form", {}), min=d.get("min"), max=d.get("max"))
            for key, d in data.items() if not key.startswith("_")}


def _default(key: str) -> Default:
    found = _shipped().get(key)
    if found is None:
        raise InputError("parameter.unknown", key=key, allowed=", ".join(defaults()))
    return found


def _specificity(p: Parameter) -> int:
    return (2 if p.legal_form else 0) + (1 if p.year_from is not None or p.year_to is not None else 0)


def _applies(p: Parameter, legal_form: str | None, year: int | None) -> bool:
    if p.legal_form is not None and p.legal_form != legal_form:
        return False
    if year is not None:
        if p.year_from is not None and year < p.year_from:
            return False
        if p.year_to is not None and year > p.year_to:
            return False
    elif p.year_from is not None or p.year_to is not None:
        return False
    return True


def _own(session: Session, office_code: str, key: str) -> list[Parameter]:
    return list(session.scalars(select(Parameter).where(Parameter.origin_office == office_code, Parameter.key == key,
                                                        Parameter.deleted_at.is_(None))))


def value_in(session: Session, office_code: str, key: str, *, legal_form: str | None = None,
             year: int | None = None) -> Any:
    """The value of ``key`` for ``office_code``, ``legal_form`` and ``year`` (see the module)."""
    return value_among(key, _own(session, office_code, key), legal_form=legal_form, year=year)


def value_among(key: str, rows: list[Any], *, legal_form: str | None = None, year: int | None = None) -> Any:
    """:func:`value_in` of an office's own ``rows`` of ``key`` (each with ``legal_form``, ``year_from``,
    ``year_to``, ``value``, ``updated_at``): also how an arriving row is judged by its sender's parameters."""
    d = _default(key)
    own = [p for p in rows if _applies(p, legal_form, year)]
    best = max(own, key=lambda p: (_specificity(p), p.updated_at)) if own else None
    if best is not None and best.legal_form is not None:
        return best.value
    # a legal form's own default (the law's: foundations report by 31 March) outranks an office's value for
    # every form; an office changes it only by a value for that form
    if legal_form is not None and legal_form in d.by_legal_form:
        return copy.deepcopy(d.by_legal_form[legal_form])  # the shipped value is shared: a caller's own copy
    return best.value if best is not None else copy.deepcopy(d.value)


def value(db: Database, key: str, *, legal_form: str | None = None, year: int | None = None,
          office_code: str | None = None) -> Any:
    """:func:`value_in` in its own read session, for this office unless ``office_code`` is given."""
    code = office_code or db.office().code
    with db.read() as session:
        return value_in(session, code, key, legal_form=legal_form, year=year)


def office_level(level: str) -> str:
    """The level of the legal minimums for an office's card level (``district`` -> ``county``)."""
    return "county" if level == "district" else level


@dataclass(frozen=True)
class ParameterRow:
    """One line of the parameter table: a default, or an office's own value that overrides it."""

    key: str
    label: str
    legal_form: str | None
    year_from: int | None
    year_to: int | None
    value: Any
    source: str
    own: bool  # the office's value, not the shipped default
    id: str | None
    edited_by: str | None
    #: the own value's version when it was read (0 for a default): what a view passes back as ``shown_version``
    version: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_parameters(db: Database, *, lang: str = "zh") -> list[ParameterRow]:
    """Every shipped default (and its per-legal-form values), each followed by this office's own values."""
    code = db.office().code
    rows: list[ParameterRow] = []
    with db.read() as session:
        for d in defaults().values():
            label = d.zh if lang.startswith("zh") else d.en
            rows.append(ParameterRow(d.key, label, None, None, None, d.value, d.source, False, None, None))
            for form, v in d.by_legal_form.items():
                rows.append(ParameterRow(d.key, label, form, None, None, v, d.source, False, None, None))
            for p in sorted(_own(session, code, d.key), key=lambda p: (p.legal_form or "", p.year_from or 0)):
                rows.append(ParameterRow(d.key, label, p.legal_form, p.year_from, p.year_to, p.value, p.source, True,
                                         p.id, p.edited_by, p.version))
    return rows


# -- checking a value ----------------------------------------------------------------------------------------------
def _bad(key: str, reason: str) -> InputError:
    return InputError("parameter.bad_value", key=key, reason=reason)


def _int(value: Any, key: str, lo: int | None, hi: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value.strip())
        else:
            raise _bad(key, "int")
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise InputError("parameter.out_of_range", key=key, value=value, min=lo, max=hi)
    return int(value)


def _ratio(value: Any, key: str) -> float:
    try:
        r = Decimal(str(value))
    except InvalidOperation:
        raise _bad(key, "ratio") from None
    if not (Decimal(0) < r <= Decimal(1)):
        raise _bad(key, "ratio")
    return float(r)


def _items(value: Any, key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not value:
        raise _bad(key, "list")
    out = []
    for item in value:
        if not isinstance(item, dict) or any(not isinstance(item.get(f), str) or not item[f].strip() for f in fields):
            raise _bad(key, "items")
        out.append(item)
    keys = [i.get("key", i.get("grade")) for i in out]
    if len(set(keys)) != len(keys):
        raise _bad(key, "duplicate")
    return out


def checked(key: str, value: Any) -> Any:
    """``value`` as a valid value of ``key``'s type, or an :class:`InputError` naming what is wrong."""
    d = _default(key)
    if d.type == "int":
        return _int(value, key, d.min, d.max)
    if d.type == "month_day":
        m = _MONTH_DAY.match(str(value).strip())
        try:
            if m is None:
                raise ValueError
            date(2024, int(m.group(1)), int(m.group(2)))  # a leap year: 02-29 is a day of some years
        except ValueError:
            raise _bad(key, "month_day") from None
        return str(value).strip()
    if d.type == "ratio_by_level":
        if not isinstance(value, dict) or set(value) != set(_LEVELS):
            raise _bad(key, "levels")
        return {level: _ratio(value[level], key) for level in _LEVELS}
    if d.type == "materials":
        items = _items(value, key, ("key", "zh", "en"))
        return [{"key": i["key"], "zh": i["zh"], "en": i["en"]} for i in items]
    if d.type == "parts":
        items = _items(value, key, ("key", "zh", "en"))
        parts = [{"key": i["key"], "zh": i["zh"], "en": i["en"], "max": _int(i.get("max"), key, 1, 1000)}
                 for i in items]
        if sum(p["max"] for p in parts) != 1000:
            raise _bad(key, "parts_total")
        return parts
    if d.type == "bands":
        if not isinstance(value, list) or not value:
            raise _bad(key, "list")
        bands = []
        for b in value:
            if not isinstance(b, dict) or not isinstance(b.get("grade"), str) or not b["grade"].strip():
                raise _bad(key, "items")
            bands.append({"grade": b["grade"].strip(), "min": _int(b.get("min"), key, 0, 1000)})
        if len({b["grade"] for b in bands}) != len(bands):
            raise _bad(key, "duplicate")
        if [b["min"] for b in bands] != sorted({b["min"] for b in bands}, reverse=True):
            raise _bad(key, "bands_order")
        return bands
    if d.type == "count_in_years":
        if not isinstance(value, dict) or set(value) != {"count", "years"}:
            raise _bad(key, "count_in_years")
        return {"count": _int(value["count"], key, 1, 100), "years": _int(value["years"], key, 1, 50)}
    if d.type == "credit_grounds":
        return _credit_grounds(value, key)
    if d.type == "score_range":  # a judge's score: {"min": 0, "max": 100}, within the key's bounds
        if not isinstance(value, dict) or set(value) != {"min", "max"}:
            raise _bad(key, "score_range")
        low, high = _int(value["min"], key, d.min, d.max), _int(value["max"], key, d.min, d.max)
        if low >= high:
            raise _bad(key, "score_range")
        return {"min": low, "max": high}
    raise _bad(key, d.type)  # a type the file names but this module does not know: the file is wrong


CREDIT_LISTS = ("abnormal", "serious")
CREDIT_REMOVALS = ("rectified", "six_months", "two_years")


def _credit_grounds(value: Any, key: str) -> list[dict[str, Any]]:
    """The grounds of the credit lists: each a code, its list, its words, whether the rule engine proposes it
    (``auto``), how a listing on it is removed, and whether a listing by hand needs its evidence."""
    items = _items(value, key, ("key", "list_kind", "zh", "en", "removal"))
    out = []
    for i in items:
        if i["list_kind"] not in CREDIT_LISTS or i["removal"] not in CREDIT_REMOVALS:
            raise _bad(key, "items")
        if not isinstance(i.get("auto", False), bool) or not isinstance(i.get("evidence_required", False), bool):
            raise _bad(key, "items")
        out.append({"key": i["key"], "list_kind": i["list_kind"], "zh": i["zh"], "en": i["en"],
                    "auto": bool(i.get("auto", False)), "removal": i["removal"],
                    "evidence_required": bool(i.get("evidence_required", False))})
    return out


def set_parameter(db: Database, key: str, value: Any, *, source: str, by: auth.UserInfo | None,
                  legal_form: str | None = None, year_from: int | None = None, year_to: int | None = None,
                  note: str | None = None, shown_version: int | None = None) -> ParameterRow:
    """This office's own value of ``key`` (replacing its own value of the same scope), checked and audited.
    ``shown_version``: the version of the value of that scope the clerk's view showed (0: the default, no own
    value); refused (``record.changed``, audited) when the office's own value has changed since."""
    actor = auth.require(db, by, "parameters")
    good = checked(key, value)
    issues = check_text(source, "source", "依据") + check_text(note, "note", "备注")
    if issues:
        raise ValidationError(issues)
    if not (source or "").strip():
        raise InputError("parameter.source_required", key=key)
    if year_from is not None and year_to is not None and year_from > year_to:
        raise InputError("parameter.years", year_from=year_from, year_to=year_to)
    if legal_form is not None and legal_form not in {v.code for v in dictionaries(db)["legal_form"]}:
        raise InputError("parameter.legal_form", value=legal_form)
    office = db.office()

    def work() -> ParameterRow:
        with db.unit(actor=actor) as session:
            same = [p for p in _own(session, office.code, key)
                    if (p.legal_form, p.year_from, p.year_to) == (legal_form, year_from, year_to)]
            now = same[0].version if same else 0
            if shown_version is not None and now != shown_version:
                raise common.RecordChanged("record.changed", entity="parameter", key=key, shown=shown_version,
                                           current=now)
            p = same[0] if same else Parameter(key=key, legal_form=legal_form, year_from=year_from, year_to=year_to,
                                               origin_office=office.code)
            p.value, p.source, p.note, p.edited_by = good, source.strip(), (note or "").strip() or None, actor
            session.add(p)
            session.flush()
            d = _default(key)
            return ParameterRow(key, d.zh, p.legal_form, p.year_from, p.year_to, p.value, p.source, True, p.id, actor,
                                p.version)

    return common.audited_if_changed(db, by, "parameter", "set", key, work)


def reset_parameter(db: Database, parameter_id: str, *, by: auth.UserInfo | None, reason: str | None = None,
                    shown_version: int | None = None) -> None:
    """Remove this office's own value (a tombstone): the default applies again.  Refused (``record.changed``,
    audited) when the value changed since the clerk's view showed it at ``shown_version``."""
    actor = auth.require(db, by, "parameters")
    office = db.office()

    def work() -> None:
        with db.unit(actor=actor) as session:
            p = session.get(Parameter, parameter_id)
            if p is None or p.deleted_at is not None or p.origin_office != office.code:
                raise CivicDeskError("parameter.not_found", key=parameter_id)
            common.check_shown(p, shown_version, "parameter", p.key)
            p.deleted_at, p.deleted_by, p.deleted_reason = clock.utcnow(), actor, (reason or "").strip() or None

    common.audited_if_changed(db, by, "parameter", "reset", parameter_id, work)
