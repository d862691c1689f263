"""Sync conflicts: the list (personal numbers masked unless revealed, and a reveal audited) and a reviewer's
decision (local, remote or a merge), written as a new version that travels like any edit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, select

from civicdesk.errors import InputError, NotFoundError
from civicdesk.models import audit as audit_model
from civicdesk.models.base import table_of, utcnow
from civicdesk.models.history import json_value
from civicdesk.models.sync import (
    ChangeLog,
    Conflict,
    synced_entities,
)
from civicdesk.services.admin.auth import UserInfo, require
from civicdesk.services.core.database import Database
from civicdesk.services.sync.apply import (compare, decode_value)
from civicdesk.services.core.validation import mask_id_number, mask_phone


def typed_fields(entity: str) -> dict[str, int | None]:
    """The fields of ``entity`` a reviewer may type a value for when merging a conflict, with their maximum
    length: plain text only (no code from a dictionary or of a division, no date, number or flag)."""
    from sqlalchemy import String

    from civicdesk.services.core.reference import dictionaries_file

    coded = set(dictionaries_file()) | {"id", "origin_office", "deleted_by", "role", "kind", "state"}
    table = table_of(synced_entities()[entity])
    return {c.name: c.type.length for c in table.columns
            if isinstance(c.type, String) and not c.foreign_keys and c.name not in coded
            and not c.name.endswith("_code")}


@dataclass(frozen=True)
class ConflictView:
    id: str
    entity: str
    row_id: str
    kind: str
    fields: list[str]
    local_values: dict[str, Any]
    remote_values: dict[str, Any]
    current_values: dict[str, Any]
    remote_office: str
    winner: str
    detected_at: str
    resolved_at: str | None
    resolved_by: str | None
    resolution: dict[str, Any] | None
    label: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


#: fields of synced rows that hold personal numbers, and how a view hides them
_PERSONAL = {"id_number": mask_id_number, "phone": mask_phone, "contact_phone": mask_phone}


def _shown(values: dict[str, Any], reveal: bool) -> dict[str, Any]:
    if reveal:
        return dict(values)
    return {k: (_PERSONAL[k](v) if k in _PERSONAL and isinstance(v, str) else v) for k, v in values.items()}


def list_conflicts(db: Database, *, open_only: bool = False, reveal: bool = False,
                   by: UserInfo | None = None) -> list[ConflictView]:
    """Conflicts, newest first: both versions of the differing fields, the value now held, the resolution.

    ID numbers and phone numbers are masked; ``reveal`` shows them in full to ``by`` with the
    ``reveal_ids`` right (refused otherwise), and the reveal is audited."""
    if reveal:
        actor = require(db, by, "reveal_ids")
        with db.unit(actor=actor) as session:
            audit_model.record(session, "sync.conflicts.reveal", actor=actor, open_only=open_only)
    with db.read() as session:
        query = select(Conflict).order_by(Conflict.detected_at.desc(), Conflict.id)
        if open_only:
            query = query.where(Conflict.resolved_at.is_(None))
        out = []
        for c in session.scalars(query):
            table = table_of(synced_entities()[c.entity])
            row = session.execute(select(table).where(table.c.id == c.row_id)).first()
            current = {f: json_value(row._mapping.get(f)) for f in c.fields} if row is not None else {}
            label = str(row._mapping.get("name") or row._mapping.get("field")
                        or c.row_id) if row is not None else c.row_id
            resolution = dict(c.resolution) if c.resolution else None
            if resolution and isinstance(resolution.get("values"), dict):
                resolution["values"] = _shown(resolution["values"], reveal)
            out.append(ConflictView(c.id, c.entity, c.row_id, c.kind, list(c.fields), _shown(c.local_values, reveal),
                                    _shown(c.remote_values, reveal), _shown(current, reveal), c.remote_office,
                                    c.winner, str(c.detected_at), str(c.resolved_at) if c.resolved_at else None,
                                    c.resolved_by, resolution, label))
    return out


def _later(a: Conflict, b: Conflict) -> bool:
    """Whether conflict ``a`` came after ``b`` about the same row: both its versions include ``b``'s."""
    local, remote = compare(a.local_vector, b.local_vector), compare(a.remote_vector, b.remote_vector)
    return local in ("newer", "equal") and remote in ("newer", "equal") and (local, remote) != ("equal", "equal")


_EXPECTED = ((Boolean, "true | false"), (Integer, "0, 1, 2 …"), (DateTime, "YYYY-MM-DD HH:MM:SS"),
             (Date, "YYYY-MM-DD"), (Numeric, "12.5"))


def _typed(column: Any, value: Any) -> Any:
    """A merged value as the column's value: text as typed at the command line ("31", "2021-08-20", "true";
    empty text for no value) or a value of the column's type (the GUI); a wrong one is an input error that
    names the field."""
    if not isinstance(value, str) and value is not None:
        return value
    text = (value or "").strip()
    try:
        if not text and (column.nullable or value is None):
            return None
        if isinstance(column.type, Boolean):
            return {"true": True, "1": True, "是": True, "false": False, "0": False, "否": False}[text.lower()]
        if isinstance(column.type, Integer):
            return int(text)
        return decode_value(column, value)
    except (KeyError, ValueError) as exc:
        expected = next((words for kind, words in _EXPECTED if isinstance(column.type, kind)), "text")
        raise InputError("input.type", field=column.name, expected=expected) from exc


def resolve_conflict(db: Database, conflict: str, take: str, values: dict[str, Any] | None = None, *,
                     by: UserInfo | None = None) -> ConflictView:
    """A reviewer's decision: ``local``, ``remote`` or ``merge`` (``values`` for every field).  Written as a new
    version of the row, which travels like any edit and settles the conflict at the other office too.  ``by``
    needs the ``conflict.resolve`` right."""
    actor = require(db, by, "conflict.resolve")
    if take not in ("local", "remote", "merge"):
        raise InputError("input.type", field="take", expected="local | remote | merge")
    with db.unit(actor=actor) as session:
        c = session.get(Conflict, conflict)
        if c is None:
            matches = session.scalars(select(Conflict).where(Conflict.id.like(f"{conflict}%"))).all()
            c = matches[0] if len(matches) == 1 else None
        if c is None:
            raise NotFoundError("sync.conflict_not_found", id=conflict)
        if c.resolved_at is not None:
            raise InputError("sync.conflict_resolved", id=c.id, at=str(c.resolved_at))
        others = [o for o in session.scalars(select(Conflict).where(
            Conflict.entity == c.entity, Conflict.row_id == c.row_id, Conflict.resolved_at.is_(None),
            Conflict.id != c.id))
            if set(o.fields) & set(c.fields)]
        newer = [o for o in others if _later(o, c)]
        if newer:  # deciding the older one first would set its (stale) values over the newer edits
            raise InputError("sync.conflict_newer", id=c.id[:8], newer=newer[0].id[:8])
        cls = synced_entities()[c.entity]
        table = table_of(cls)
        if take == "merge":
            values = dict(values or {})
            unknown = [f for f in values if f not in c.fields]
            if unknown:
                raise InputError("sync.merge_field", field=unknown[0])
            missing = [f for f in c.fields if f not in values]
            if missing:
                raise InputError("sync.merge_values", fields=", ".join(missing))
            for f, v in list(values.items()):  # a side picked from a masked view: that side's real number
                if f in _PERSONAL and isinstance(v, str):
                    for side in (c.local_values, c.remote_values):
                        real = side.get(f)
                        if isinstance(real, str) and v == _PERSONAL[f](real) and v != real:
                            values[f] = real
                            break
            chosen = {f: _typed(table.c[f], v) for f, v in values.items()}
        else:
            source = c.local_values if take == "local" else c.remote_values
            chosen = {f: decode_value(table.c[f], source.get(f), allow_none=True) for f in c.fields if f in source}
        obj = session.get(cls, c.row_id)
        if obj is None:
            raise NotFoundError("sync.conflict_not_found", id=conflict)
        # the listener skips fields whose value did not move; the decision must travel anyway: logged here
        session.info["sync_applying"] = True
        before_vector = dict(obj.version_vector or {})
        old = {f: json_value(getattr(obj, f)) for f in chosen}
        for f, value in chosen.items():
            setattr(obj, f, value)
        obj.updated_at = utcnow()  # a new version even when the chosen values are the ones held
        session.flush()
        session.info["sync_applying"] = False
        from civicdesk.models.sync import scope_of

        session.add(ChangeLog(entity=c.entity, row_id=c.row_id, op="update", scope=scope_of(session, obj),
                              fields={f: [old[f], json_value(v)] for f, v in chosen.items()},
                              vector_before=before_vector, vector_after=dict(obj.version_vector),
                              author=actor, at=utcnow()))
        c.resolved_at, c.resolved_by = utcnow(), actor
        c.resolution = {"take": take, "values": {f: json_value(v) for f, v in chosen.items()},
                        "vector": dict(obj.version_vector)}
        audit_model.record(session, "sync.resolve", c.entity, c.row_id, actor=actor, conflict=c.id, take=take,
                           values=c.resolution["values"])
        for o in others:  # older conflicts about these fields only: settled by this decision (kept, never deleted)
            if _later(c, o) and set(o.fields) <= set(c.fields):
                o.resolved_at, o.resolved_by = c.resolved_at, c.resolved_by
                o.resolution = {"superseded_by": c.id, "values": c.resolution["values"]}
        conflict_id_ = c.id
    return next(v for v in list_conflicts(db) if v.id == conflict_id_)  # masked, as any view
