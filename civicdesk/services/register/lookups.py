"""Reference lists a form or filter bar needs: dictionaries and the division tree, as plain data."""

from __future__ import annotations

from sqlalchemy import select

from civicdesk.models import Division
from civicdesk.schema import DICTIONARY_KINDS
from civicdesk.services.core.database import Database
from civicdesk.services.core.reference import DictionaryValue, DivisionInfo, dictionary, leshan_file


def dictionaries(db: Database) -> dict[str, list[DictionaryValue]]:
    """Every dictionary in display order, as kind -> values."""
    with db.read() as session:
        return {kind: dictionary(session, kind) for kind in DICTIONARY_KINDS}


def divisions(db: Database, parent: str | None = None, level: str | None = None) -> list[DivisionInfo]:
    """Divisions under ``parent`` (or of ``level``), ordered by code.  Their columns, not the mapped objects: a
    city's 1,700 divisions are part of every start of the window (a quarter of the time as objects)."""
    query = select(Division.code, Division.name, Division.full_name, Division.level, Division.parent_code,
                   Division.invented).order_by(Division.code)
    if parent is not None:
        query = query.where(Division.parent_code == parent)
    if level is not None:
        query = query.where(Division.level == level)
    with db.read() as session:
        return [DivisionInfo(*row) for row in session.execute(query)]


def reference_offices() -> list[tuple[str, str, str]]:
    """The offices a new installation can be: 乐山市 and its 11 divisions, as (code, office name, level)."""
    data = leshan_file()
    out = []
    for registry in data["registries"]:
        level = "city" if registry["code"].endswith("00") else "district"
        out.append((registry["code"], registry["name"], level))
    return out
