"""What every supervision service shares: who acts, audited refusals, an organization found by id or USCC.

- :func:`actor_name`: the acting user's name for the audit trail (``(系统)`` for the system actor).
- :func:`guarded`: run a piece of work; a refusal (any :class:`~civicdesk.errors.CivicDeskError`) is written to
  the audit trail in its own unit (the action tried, the code, the Chinese words) before it is raised, so that a
  refused step leaves its trace though it changed nothing.
- :func:`find_org`: an organization of the register by its id or its USCC (normalized), never a deleted one;
  otherwise ``NotFoundError(code, key=…)`` with the feature's own code.
- :func:`preload_orgs`: a list's organizations read set by set, not one read a row.
- :func:`record_json`: a record's dataclass as the CLI's ``--json`` prints it (dates, amounts, its steps).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.errors import CivicDeskError, NotFoundError
from civicdesk.models import Organization
from civicdesk.services.admin import audit, auth
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import normalize_uscc

T = TypeVar("T")


def actor_name(user: auth.UserInfo | None) -> str:
    return user.username if user is not None else "(系统)"


def guarded(db: Database, by: auth.UserInfo | None, event: str, entity: str, action: str, key: str | None,
            work: Callable[[], T]) -> T:
    """Run ``work``; a refusal is audited as ``event`` about ``entity`` ``key`` before it is raised."""
    try:
        return work()
    except CivicDeskError as exc:
        audit.record_event(db, event, actor=actor_name(by), entity=entity, entity_id=key, attempted=action,
                           error=exc.code, message=exc.message("zh"))
        raise


def preload_orgs(session: Session, ids: Iterable[str | None]) -> list[Organization]:
    """The organizations of ``ids`` read set by set into the session, so that a list's rows find theirs with
    ``session.get`` without one read each; keep the returned list while they are used (the session holds its
    objects weakly)."""
    wanted = sorted({i for i in ids if i})
    loaded: list[Organization] = []
    for start in range(0, len(wanted), 500):
        loaded.extend(session.scalars(select(Organization).where(Organization.id.in_(wanted[start:start + 500]))))
    return loaded


def find_org(session: Session, key: str | None, not_found: str) -> Organization:
    """An organization of the register by its id or its USCC; ``NotFoundError(not_found, key=…)`` otherwise."""
    key = (key or "").strip() if isinstance(key, str) else ""
    org = session.get(Organization, key) if key else None
    if org is None and key:
        org = session.scalars(select(Organization).where(Organization.uscc == normalize_uscc(key),
                                                         Organization.deleted_at.is_(None)).limit(1)).first()
    if org is None or org.deleted_at is not None:
        raise NotFoundError(not_found, key=key)
    return org


def record_json(info: Any) -> dict[str, Any]:
    """A record's dataclass (an inspection record, a credit listing, an objection) as JSON: a day ISO, a moment
    with a space (``2026-05-06 10:00:00``), an amount as text, and its ``steps`` (if it has them) each as action,
    from, to, actor, at, comment."""
    d = asdict(info)
    for k, v in d.items():
        if isinstance(v, Decimal):
            d[k] = str(v)
        elif isinstance(v, datetime):
            d[k] = v.isoformat(sep=" ")
        elif isinstance(v, date):
            d[k] = v.isoformat()
    if "steps" in d:
        d["steps"] = [{"action": s.action, "from": s.from_state, "to": s.to_state, "actor": s.actor,
                       "at": s.at.isoformat(sep=" "), "comment": s.comment} for s in info.steps]
    return d
