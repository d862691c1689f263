"""What every supervision service shares: who acts, audited refusals, an organization found by id or USCC.

- :func:`actor_name`: the acting user's name for the audit trail (``(系统)`` for the system actor).
- :func:`guarded`: run a piece of work; a refusal (any :class:`~civicdesk.errors.CivicDeskError`) is written to
  the audit trail in its own unit (the action tried, the code, the Chinese words) before it is raised, so that a
  refused step leaves its trace though it changed nothing.
- :func:`find_org`: an organization of the register by its id or its USCC (normalized), never a deleted one;
  otherwise ``NotFoundError(code, key=…)`` with the feature's own code.
- :func:`preload_orgs`: a list's organizations read set by set, not one read a row.
- :func:`record_json`: a record's dataclass as the CLI's ``--json`` prints it (dates, amounts, its steps).
- :func:`check_shown`: refuse to edit or decide on a row that changed since the clerk's view showed it
  (``record.changed``, :class:`RecordChanged`); :func:`audited_if_changed` audits that refusal for a service
  whose other refusals are not audited (:func:`auditing_changed`, the same as a ``with``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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


class RecordChanged(CivicDeskError):
    """The row changed (another clerk's edit or decision) after the clerk's view showed it: nothing was done."""


def check_shown(row: Any, shown_version: int | None, entity: str, label: str | None = None) -> None:
    """Refuse (``record.changed``) to act on ``row`` when its ``version`` is no longer ``shown_version``, the
    version the clerk's view showed (None: the caller showed nothing, as the CLI acting on the current row).
    Called under the unit's writer lock, after the row is read, before anything is written.  ``entity`` names
    the kind of record (``record_entity.<entity>`` in the catalogue), ``label`` the record itself (a number, a
    name; its id by default)."""
    if shown_version is not None and row.version != shown_version:
        raise RecordChanged("record.changed", entity=entity, key=label or row.id, shown=shown_version,
                            current=row.version)


@contextmanager
def auditing_changed(db: Database, by: auth.UserInfo | None, entity: str, action: str,
                     key: str | None) -> Iterator[None]:
    """A :class:`RecordChanged` refusal raised within is audited as ``<entity>.refused`` (in its own unit) before
    it goes on, for a service whose other refusals are plain input errors, not audited.  Enter it before the
    unit (``with auditing_changed(...), db.unit(...)``): the unit is rolled back before the refusal is written."""
    try:
        yield
    except RecordChanged as exc:
        audit.record_event(db, f"{entity}.refused", actor=actor_name(by), entity=entity, entity_id=key,
                           attempted=action, error=exc.code, message=exc.message("zh"))
        raise


def audited_if_changed(db: Database, by: auth.UserInfo | None, entity: str, action: str, key: str | None,
                       work: Callable[[], T]) -> T:
    """Run ``work`` within :func:`auditing_changed`."""
    with auditing_changed(db, by, entity, action, key):
        return work()


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
