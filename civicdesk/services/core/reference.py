"""Reference data shipped in ``resources/reference``: dictionaries, 乐山市 divisions and populations.

Loaded into the database at ``init`` (idempotently: rows are upserted by key), read back as plain data.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk import RESOURCES
from civicdesk.models import DictionaryEntry, Division, Population
# defined in plain: the first paint needs them without SQLAlchemy
from civicdesk.services.register.plain import DictionaryValue, DivisionInfo

REFERENCE = RESOURCES / "reference"
CITY_CODE = "511100"


@cache
def dictionaries_file() -> dict[str, list[dict[str, Any]]]:
    data = json.loads((REFERENCE / "dictionaries.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@cache
def leshan_file() -> dict[str, Any]:
    return json.loads((REFERENCE / "leshan.json").read_text(encoding="utf-8"))


def load_reference(session: Session) -> None:
    """Upsert the shipped dictionaries, divisions and populations (safe to run again).

    The rows already there are read in one query per table, not looked up one by one (each lookup flushed
    and queried: about 0.3 s of every ``init``); new rows are added in the files' order, which the flush keeps
    (parents come first in the division file), so a new database gets the same rows with the same ids."""
    dictionaries = dictionaries_file()
    entries = {(e.kind, e.code): e for e in session.scalars(
        select(DictionaryEntry).where(DictionaryEntry.kind.in_(list(dictionaries))))}
    for kind, values in dictionaries.items():
        for order, value in enumerate(values):
            attrs = {k: v for k, v in value.items() if k not in ("code", "zh", "en")}
            entry = entries.get((kind, value["code"]))
            if entry is None:
                entry = entries[kind, value["code"]] = DictionaryEntry(kind=kind, code=value["code"])
                session.add(entry)
            entry.label_zh, entry.label_en = value["zh"], value["en"]
            entry.sort_order, entry.attributes, entry.active = order, attrs, True
    data = leshan_file()
    divisions = {d.code: d for d in session.scalars(
        select(Division).where(Division.code.in_([d["code"] for d in data["divisions"]])))}
    for d in data["divisions"]:  # parents come first in the file
        division = divisions.get(d["code"])
        if division is None:
            division = divisions[d["code"]] = Division(code=d["code"])
            session.add(division)
        division.name, division.full_name, division.level = d["name"], d["full_name"], d["level"]
        division.parent_code = d["parent"]
        division.code_official = d.get("code_official", True)
        division.source = d.get("name_source")
    session.flush()
    populations = {(p.division_code, p.basis, p.year): p for p in session.scalars(
        select(Population).where(Population.division_code.in_({p["division"] for p in data["populations"]})))}
    for p in data["populations"]:
        row = populations.get((p["division"], p["basis"], p["year"]))
        if row is None:
            row = populations[p["division"], p["basis"], p["year"]] = Population(
                division_code=p["division"], basis=p["basis"], year=p["year"])
            session.add(row)
        row.value, row.source, row.estimated = p["value"], p["source"], p["estimated"]


def dictionary(session: Session, kind: str) -> list[DictionaryValue]:
    rows = session.scalars(
        select(DictionaryEntry).where(DictionaryEntry.kind == kind, DictionaryEntry.active.is_(True))
        .order_by(DictionaryEntry.sort_order)
    )
    return [DictionaryValue(r.kind, r.code, r.label_zh, r.label_en, dict(r.attributes or {})) for r in rows]


def dictionary_codes(session: Session) -> dict[str, dict[str, DictionaryValue]]:
    """Every dictionary, as kind -> code -> value."""
    out: dict[str, dict[str, DictionaryValue]] = {}
    for r in session.scalars(select(DictionaryEntry).where(DictionaryEntry.active.is_(True))):
        out.setdefault(r.kind, {})[r.code] = DictionaryValue(
            r.kind, r.code, r.label_zh, r.label_en, dict(r.attributes or {})
        )
    return out


def division_info(d: Division) -> DivisionInfo:
    return DivisionInfo(d.code, d.name, d.full_name, d.level, d.parent_code, d.invented)


def registry_name(session: Session, code: str) -> str | None:
    """The name of the body that keeps a register at ``code``: a 民政局, a 街道办事处/乡镇人民政府, a 村/居委会."""
    division = session.get(Division, code)
    if division is None:
        return None
    if division.level == "city":
        return f"{division.name}民政局"
    if division.level == "county":
        parent = session.get(Division, division.parent_code) if division.parent_code else None
        return f"{parent.name if parent else ''}{division.name}民政局"
    if division.level == "township":
        return division.name + ("办事处" if division.name.endswith("街道") else "人民政府")
    return division.name + ("村民委员会" if division.name.endswith("村") else "居民委员会")
