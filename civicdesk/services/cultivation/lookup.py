"""One cultivation row a clerk names: by its id, or by a key of its own (a base's name, a project's contract
number) among this office's rows; never a deleted one."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.errors import NotFoundError

T = TypeVar("T")


def find(session: Session, model: type[T], key: Any, not_found: str, *, by: Any = None,
         office_code: str | None = None) -> T:
    """The row of ``model`` whose id is ``key`` or, with ``by`` (a column), whose ``by`` is ``key`` in
    ``office_code``; ``NotFoundError(not_found, key=…)`` otherwise."""
    key = key.strip() if isinstance(key, str) else ""
    row: Any = session.get(model, key) if key else None
    if row is None and key and by is not None:
        table: Any = model
        row = session.scalars(select(model).where(by == key, table.office_code == office_code,
                                                  table.deleted_at.is_(None))).first()
    if row is None or row.deleted_at is not None:
        raise NotFoundError(not_found, key=key)
    return row  # type: ignore[no-any-return]
