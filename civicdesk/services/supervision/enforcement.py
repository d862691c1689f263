"""What penalties, interviews and complaints share (docs/DOMAIN.md "Enforcement and complaints").

Offers the permissions (:data:`ENTER`, :data:`DECIDE`, :data:`REPORTER`), :func:`guarded` (a refusal is
written to the audit trail in its own unit before it is raised, as inspection's and filings'), and the checks a
clerk's entry is held to: :func:`find_org` (id or USCC), :func:`day` (an ISO date, not in the future unless
allowed), :func:`moment`, :func:`text` and :func:`amount`.  Each raises an ``enforce.*`` code naming the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.errors import InputError, ValidationError
from civicdesk.models import Organization
from civicdesk.services.supervision import common
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import check_text

ENTER = "supervise"
DECIDE = "supervise.decide"
#: the right to read who reported a complaint (services/admin/auth.py PERMISSIONS)
REPORTER = "complaints.reporter"
MAX_AMOUNT = Decimal("1e14")  # Numeric(16, 2)
FIRST_DAY = date(1990, 1, 1)  # no register kept these records before; a guard against typos

T = TypeVar("T")


def actor_name(user: auth.UserInfo | None) -> str:
    return common.actor_name(user)


def guarded(db: Database, by: auth.UserInfo | None, entity: str, action: str, key: str | None,
            work: Callable[[], T]) -> T:
    """Run ``work``; a refusal is audited as ``<entity>.refused`` (the action tried, the code, the zh words)."""
    return common.guarded(db, by, f"{entity}.refused", entity, action, key, work)


def find_org(session: Session, key: str | None) -> Organization:
    """An organization of the register by its id or its USCC."""
    return common.find_org(session, key, "enforce.org_not_found")


def day(value: Any, name: str, *, required: bool = True, future: bool = False) -> date | None:
    """An ISO date (or a date); ``future`` allows a day after today (a deadline)."""
    if value is None or value == "":
        if required:
            raise InputError("enforce.date_required", field=name)
        return None
    if isinstance(value, datetime):
        found: date | None = value.date()
    elif isinstance(value, date):
        found = value
    else:
        try:
            found = date.fromisoformat(str(value).strip())
        except ValueError:
            found = None
    if found is None or found < FIRST_DAY:
        raise InputError("enforce.bad_date", field=name, value=str(value)[:40])
    if not future and found > clock.today():
        raise InputError("enforce.date_in_future", field=name, value=found.isoformat(),
                         today=clock.today().isoformat())
    return found


def moment(value: Any, name: str) -> datetime:
    """A date and time (``2026-11-20 09:30``; a date alone is its start), not in the future."""
    if isinstance(value, datetime):
        found: datetime | None = value
    elif isinstance(value, date):
        found = datetime.combine(value, time())
    else:
        try:
            found = datetime.fromisoformat(str(value or "").strip().replace("T", " "))
        except ValueError:
            found = None
    if found is None or found.date() < FIRST_DAY:
        raise InputError("enforce.bad_date", field=name, value=str(value)[:40])
    found = found.replace(tzinfo=None, second=0, microsecond=0)
    if found > clock.now():
        raise InputError("enforce.date_in_future", field=name, value=found.isoformat(sep=" "),
                         today=clock.today().isoformat())
    return found


def text(value: Any, name: str, label: str, *, required: bool = False, multiline: bool = False) -> str | None:
    """Text a clerk typed, checked as every field of the register is; ``required`` refuses an empty one."""
    if value is not None and not isinstance(value, str):
        raise InputError("enforce.bad_text", field=name)
    issues = check_text(value, name, label, multiline=multiline)
    if issues:
        raise ValidationError(issues)
    out = (value or "").strip() or None
    if required and out is None:
        raise InputError("enforce.required", field=name)
    return out


def amount(value: Any, name: str = "amount") -> Decimal | None:
    """An amount of yuan, above zero, with at most two decimals (None when not given)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InputError("enforce.bad_amount", field=name, value=value)
    try:
        d = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise InputError("enforce.bad_amount", field=name, value=str(value)[:40]) from None
    if not d.is_finite() or d <= 0 or d >= MAX_AMOUNT or d != d.quantize(Decimal("0.01")):
        raise InputError("enforce.bad_amount", field=name, value=str(value)[:40])
    return d.quantize(Decimal("0.01"))


def iso(d: date | datetime | None) -> str | None:
    if d is None:
        return None
    return d.isoformat(sep=" ") if isinstance(d, datetime) else d.isoformat()
