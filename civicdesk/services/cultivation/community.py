"""What volunteer service and children's service stations share: their rows hang on a community organization of
the register (a ``volunteer_team``, a ``children_station``), and each value a clerk enters is checked by one rule
that the sync import applies to an arriving row as well.

- :func:`community_org`: the organization by id or USCC, refused when it is of another kind (``<feature>.not_a_…``)
  or of another office's register (its rows would belong to no one in sync: SYNC.md "Topology and ownership").
- :func:`day`, :func:`text`, :func:`count`: the checks a value is held to; each refusal names its ``field`` and
  ``value`` (the arrival check reports them).
- :func:`guarded`: a refusal audited as ``<entity>.refused`` before it is raised.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from civicdesk.errors import CivicDeskError, InputError
from civicdesk.models import Organization
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.supervision import common
from civicdesk.services.supervision import enforcement

#: the right every step of cultivation requires (services/admin/auth.py)
RIGHT = "cultivate"
#: the largest whole count a form takes (person-times of one day)
MAX_COUNT = 1_000_000

T = TypeVar("T")


def guarded(db: Database, by: auth.UserInfo | None, entity: str, action: str, key: str | None,
            work: Callable[[], T]) -> T:
    return common.guarded(db, by, f"{entity}.refused", entity, action, key, work)


def reading(db: Database) -> str | None:
    """Whose teams and stations a reading shows: this office's register; at the city (which consolidates every
    office's rows) every office's (None).  Recording stays with the office whose register holds them."""
    office = db.office()
    return None if office.level == "city" else office.code


def community_org(session: Session, key: str | None, subtype: str, office_code: str | None,
                  feature: str) -> Organization:
    """The community organization ``key`` of ``subtype``, in this office's register (any, when ``office_code``
    is None: a reading at the city)."""
    org = common.find_org(session, key, f"{feature}.not_found")
    if not org.is_community or org.community_subtype != subtype:
        raise CivicDeskError(f"{feature}.wrong_kind", key=key, name=org.name, subtype=org.community_subtype or "-")
    if office_code is not None and (org.registry_code or "")[:6] != office_code:
        raise CivicDeskError(f"{feature}.other_office", key=key, name=org.name, office=(org.registry_code or "")[:6])
    return org


def day(value: Any, name: str, *, required: bool = True) -> date | None:
    """An ISO date, not in the future (``enforce.*`` codes naming ``name``)."""
    return enforcement.day(value, name, required=required)


def text(value: Any, name: str, *, required: bool = False, multiline: bool = False) -> str | None:
    return enforcement.text(value, name, name, required=required, multiline=multiline)


def count(value: Any, name: str, *, code: str, minimum: int, maximum: int = MAX_COUNT, **params: Any) -> int:
    """A whole number from ``minimum`` to ``maximum`` (``code`` the feature's refusal)."""
    whole = value if isinstance(value, int) and not isinstance(value, bool) else None
    if whole is None and isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value) < 12:
        whole = int(value.strip())
    if whole is None or not minimum <= whole <= maximum:
        raise InputError(code, field=name, value=str(value)[:40], min=minimum, max=maximum, **params)
    return whole


def refusal_of(check: Callable[[dict[str, Any]], Any], row: dict[str, Any]) -> CivicDeskError | None:
    """The refusal ``check`` raises for ``row``, or None: how an arrival check asks a service's own rule."""
    try:
        check(row)
    except CivicDeskError as error:
        return error
    return None
