"""What a flush changes, row by row: one mechanism that the audit trail (and the sync change log) read.

:func:`capture` runs before every flush of every session made by
:func:`civicdesk.models.engine.make_session_factory`, right after the versions moved, and hands the list of
:class:`RowChange` to every registered listener.  No service can change a tracked row without its listeners
seeing the change, in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable

from sqlalchemy import inspect
from sqlalchemy.orm import Session

#: Columns that are bookkeeping, not data: moved by every change, never listed as changed fields.
BOOKKEEPING = frozenset({"version", "version_vector", "created_at", "updated_at"})


@dataclass
class RowChange:
    """One row changed by a flush: ``op`` is insert, update or delete (a tombstone counts as delete)."""

    entity: str
    row_id: str
    op: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # name -> (old, new), JSON-safe
    vector_before: dict[str, int] | None = None
    vector_after: dict[str, int] | None = None
    obj: Any = None


Listener = Callable[[Session, list[RowChange]], None]
LISTENERS: list[Listener] = []


def listen(listener: Listener) -> Listener:
    """Register ``listener(session, changes)``, called before every flush that changes a tracked row."""
    if listener not in LISTENERS:
        LISTENERS.append(listener)
    return listener


def json_value(value: Any) -> Any:
    """A column value as JSON: dates and times as ISO text, decimals as text (no float rounding)."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (dict, list)):
        return value
    return value


def is_tracked(obj: Any) -> bool:
    return bool(getattr(type(obj), "__tracked__", False))


def _key(obj: Any) -> str:
    mapper = inspect(obj).mapper
    return ":".join(str(getattr(obj, c.key)) for c in mapper.primary_key)


def _column_keys(obj: Any) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs]


def _hidden(obj: Any) -> frozenset[str]:
    return frozenset(getattr(type(obj), "__history_hidden__", ()))


def _apply_defaults(obj: Any) -> None:
    """Give a new row now what its INSERT would give it (its id, scalar defaults), so that the change names
    the row and lists every value it is stored with."""
    for column in inspect(obj).mapper.columns:
        key = inspect(obj).mapper.get_property_by_column(column).key
        if getattr(obj, key) is not None or column.default is None:
            continue
        if column.default.is_scalar:
            setattr(obj, key, column.default.arg)
        elif column.default.is_callable:  # new_id, utcnow, list, dict: none of ours reads the INSERT's context
            # (a JSON column left to ``default=list`` would otherwise travel as null and be refused on arrival)
            setattr(obj, key, column.default.arg(None))


def changes_of(session: Session) -> list[RowChange]:
    """The tracked rows ``session`` is about to insert, update or tombstone, with their changed fields."""
    result: list[RowChange] = []
    for obj in list(session.new):
        if not is_tracked(obj):
            continue
        _apply_defaults(obj)
        hidden = _hidden(obj)
        fields: dict[str, tuple[Any, Any]] = {}
        for key in _column_keys(obj):
            if key in BOOKKEEPING:
                continue
            value = getattr(obj, key)
            if value is not None and value != "":
                fields[key] = (None, "***" if key in hidden else json_value(value))
        vector = getattr(obj, "version_vector", None)
        result.append(RowChange(type(obj).__tablename__, _key(obj), "insert", fields, None,
                                dict(vector) if vector is not None else None, obj))
    for obj in list(session.dirty):
        if not is_tracked(obj) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        hidden = _hidden(obj)
        fields = {}
        vector_before = None
        for key in _column_keys(obj):
            history = state.attrs[key].load_history()
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if key == "version_vector":
                vector_before = dict(old) if old else None
                continue
            if key in BOOKKEEPING or old == new:
                continue
            fields[key] = ("***", "***") if key in hidden else (json_value(old), json_value(new))
        if not fields:
            continue
        op = "delete" if "deleted_at" in fields and fields["deleted_at"][0] is None else "update"
        vector = getattr(obj, "version_vector", None)
        result.append(RowChange(type(obj).__tablename__, _key(obj), op, fields, vector_before,
                                dict(vector) if vector is not None else None, obj))
    for obj in list(session.deleted):
        if is_tracked(obj):
            result.append(RowChange(type(obj).__tablename__, _key(obj), "delete", {}, None, None, obj))
    return result


def capture(session: Session, flush_context: Any, instances: Any) -> None:  # event signature
    if not LISTENERS:
        return
    changes = changes_of(session)
    if changes:
        for listener in list(LISTENERS):
            listener(session, changes)
