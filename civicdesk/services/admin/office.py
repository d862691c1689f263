"""This installation's office: set-up (``init``) and identity."""

from __future__ import annotations

import re

from sqlalchemy import select

from civicdesk.errors import CivicDeskError, Issue, ValidationError
from civicdesk.models import Division, Office
from civicdesk.services.core.database import Database, OfficeInfo
from civicdesk.services.core.reference import CITY_CODE, load_reference

LEVELS = ("district", "city")


def init_office(db: Database, *, code: str, name: str, level: str) -> OfficeInfo:
    """Make this database the register of office ``code`` and load the reference data, in one unit.

    A code outside the shipped reference data is accepted with its name (it becomes a division of its own).
    """
    code, name, level = code.strip(), name.strip(), level.strip()
    issues = []
    if not re.fullmatch(r"\d{6}", code):
        issues.append(Issue("office_code", "office.code", {"value": code}))
    if not name:
        issues.append(Issue("office_name", "office.name", {}))
    if level not in LEVELS:
        issues.append(Issue("level", "office.level", {"value": level}))
    if issues:
        raise ValidationError(issues)
    with db.unit() as session:
        existing = session.scalars(select(Office).where(Office.is_local.is_(True))).first()
        if existing is not None:
            raise CivicDeskError("db.already_initialized", code=existing.code, name=existing.name)
        load_reference(session)
        if session.get(Division, code) is None:
            session.add(
                Division(
                    code=code,
                    name=name,
                    full_name=name,
                    level="city" if level == "city" else "county",
                    parent_code=None,
                    source="entered at set-up / 初始化时录入",
                )
            )
        session.add(Office(code=code, name=name, level=level, is_local=True))
    db.forget_office()
    return db.office()


def is_city_office(db: Database) -> bool:
    return db.office().level == "city" or db.office().code == CITY_CODE
