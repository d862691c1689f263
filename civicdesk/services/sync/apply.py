"""Decode a payload with strict types, and apply its changes by version vector (SYNC.md, import step 5).

Applied with Core statements in bulk (a package may hold 100,000 changes), inside the caller's transaction:
the ORM's change-log and version listeners do not see these writes, which is what we want (a received change
is not a local change to send back, and it keeps the sender's vector).  Each change:

- incoming vector newer than the local row -> apply its fields (a local value that is neither the sender's old
  value nor its new one is recorded as a conflict, the incoming value applied);
- older or equal -> skipped and counted;
- concurrent -> fields changed on one side only are merged; fields changed on both sides, and a delete against
  an edit, are a conflict: both versions kept in ``sync_conflict``, a provisional winner chosen the same way at
  every office (per field, the write with the higher rank: the sum of its vector, then the vector with its
  office codes; a tombstone is applied), the merged vector kept so that the offices hold the same row.

A package of a later epoch of its sender (restored from a backup) waits while a change it builds on, made in
an earlier epoch, has not arrived (:func:`waits_for_earlier_epoch`).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Numeric, String, Table, bindparam, insert, select, update
from sqlalchemy.schema import ColumnDefault
from sqlalchemy.orm import Session

from civicdesk.models import Division, table_of
from civicdesk.models import audit as audit_model
from civicdesk.models.history import json_value
from civicdesk.models.sync import BOOKKEEPING_SENT, LOCAL_COLUMNS, ChangeLog, Conflict, synced_entities
from civicdesk.services.register import search
from civicdesk.services.core.bulk import copy_rows, indexes_deferred
from civicdesk.services.core.overlap import Writer
from civicdesk.services.sync import trust
from civicdesk.services.sync.package import refuse
from civicdesk.services.supervision import ruling

CONFLICT_NS = uuid.UUID("0b9f3a8e-5c1d-4d0e-8f43-2a7d6c1e9b10")
OPS = ("insert", "update", "delete", "upsert")
CHANGE_KEYS = {"log", "entity", "id", "op", "fields", "before", "after", "author"}  # format 1
#: Format 2 adds ``derived`` (an organization's pinyin, which the sender has already computed, or null), and
#: writes an upsert's fields as plain values (its old values are all null).  On 100,000 organizations the
#: pinyin was about 3 s of the import, and the [null, value] pairs five million lists to parse.
CHANGE_KEYS_2 = CHANGE_KEYS | {"derived"}
DERIVED = {"organization": {"name_pinyin": 600, "name_initials": 300}}
DIVISION_KEYS = {"code", "name", "full_name", "level", "parent_code", "code_official", "invented", "source"}
CHUNK = 900


# -- strict decoding -------------------------------------------------------------------------------------------------
class _Bad(ValueError):
    pass


def _columns(entity: str) -> dict[str, Any]:
    table: Table = table_of(synced_entities()[entity])
    local = LOCAL_COLUMNS.get(entity, frozenset())
    return {c.name: c for c in table.columns if c.name not in BOOKKEEPING_SENT and c.name not in local}


def decode_value(column: Any, value: Any, *, allow_none: bool = False) -> Any:
    """A JSON value as the column's Python value; wrong types refused (no coercion of text to numbers)."""
    if value is None:
        if column.nullable or allow_none:
            return None
        raise _Bad(f"{column.name}: null not allowed")
    t = column.type
    if isinstance(t, Boolean):
        if isinstance(value, bool):
            return value
    elif isinstance(t, Integer):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63:
            return value
    elif isinstance(t, DateTime):
        if isinstance(value, str) and len(value) <= 32:
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
    elif isinstance(t, Date):
        if isinstance(value, str) and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
    elif isinstance(t, Numeric):
        if isinstance(value, str) and len(value) <= 40:
            try:
                number = Decimal(value)
                if number.is_finite():
                    return number
            except InvalidOperation:
                pass
    elif isinstance(t, JSON):
        return value
    elif isinstance(t, String):  # Text too
        if isinstance(value, str) and (t.length is None or len(value) <= t.length):
            return value
    raise _Bad(f"{column.name}: wrong type or value")


def _decoder(column: Any) -> Any:
    """A fast decoder of one column's non-null JSON values (the same rules as :func:`decode_value`)."""
    t = column.type
    if isinstance(t, JSON):
        return lambda v: v
    if isinstance(t, Boolean):
        return lambda v: v if v.__class__ is bool else decode_value(column, v)
    if isinstance(t, Integer):
        return lambda v: v if v.__class__ is int and -2**63 < v < 2**63 else decode_value(column, v)
    if isinstance(t, (DateTime, Date, Numeric)):
        return lambda v: decode_value(column, v)
    limit = t.length if isinstance(t, String) else None
    if limit is None:
        return lambda v: v if v.__class__ is str else decode_value(column, v)
    return lambda v: v if v.__class__ is str and len(v) <= limit else decode_value(column, v)


def _vector(value: Any, name: str) -> dict[str, int]:
    if not isinstance(value, dict) or not value or len(value) > 1000:
        raise _Bad(f"{name}: a version vector expected")
    for k, v in value.items():
        if not (isinstance(k, str) and 0 < len(k) <= 32 and isinstance(v, int) and not isinstance(v, bool)
                and 0 <= v < 2**53):
            raise _Bad(f"{name}: a version vector expected")
    return dict(value)


def _derived(entity: str, value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    limits = DERIVED.get(entity)
    if limits is None or not isinstance(value, dict) or set(value) != set(limits) or not all(
            v.__class__ is str and len(v) <= limits[k] for k, v in value.items()):
        raise _Bad(f"{entity}: derived values")
    return dict(value)


def _decode_pairs(entity: str, decode: dict[str, tuple[Any, bool]], raw: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    fields = {}
    for name, pair in raw.items():
        spec = decode.get(name)
        if spec is None:
            raise _Bad(f"{entity}: unknown field {str(name)[:40]!r}")
        if pair.__class__ is not list or len(pair) != 2:
            raise _Bad(f"{entity}.{name}: [old, new] expected")
        old, new = pair
        if new is None:
            if not spec[1]:
                raise _Bad(f"{name}: null not allowed")
            fields[name] = (None if old is None else spec[0](old), None)
        else:
            fields[name] = (None if old is None else spec[0](old), spec[0](new))
    return fields


def _decode_values(entity: str, decode: dict[str, tuple[Any, bool]], raw: dict[str, Any]) -> dict[str, Any]:
    """An upsert's fields in format 2: plain values."""
    values: dict[str, Any] = {}
    for name, new in raw.items():
        spec = decode.get(name)
        if spec is None:
            raise _Bad(f"{entity}: unknown field {str(name)[:40]!r}")
        if new is None:
            if not spec[1]:
                raise _Bad(f"{name}: null not allowed")
            values[name] = None
        else:
            values[name] = spec[0](new)
    return values


def encode_change(change: dict[str, Any]) -> dict[str, Any]:
    """A change as format 2 writes it (see CHANGE_KEYS_2): an upsert's fields as plain values."""
    wire = dict(change)
    wire.setdefault("derived", None)
    if change["op"] == "upsert":
        wire["fields"] = {name: pair[1] for name, pair in change["fields"].items()}
    return wire


def decode_payload(payload: Any, major: int = 2) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The payload (of format ``major``) as changes and divisions with Python values: each change's ``fields``
    as (old, new) pairs, or for an upsert of format 2 its ``values`` (and ``fields`` None: 4.5 million pairs
    fewer for 100,000 organizations); anything unexpected refuses the package."""
    keys = CHANGE_KEYS_2 if major >= 2 else CHANGE_KEYS
    try:
        if not isinstance(payload, dict) or set(payload) != {"changes", "divisions"}:
            raise _Bad("payload: exactly changes and divisions expected")
        if not isinstance(payload["changes"], list) or not isinstance(payload["divisions"], list):
            raise _Bad("payload: lists expected")
        entities = synced_entities()
        columns = {name: _columns(name) for name in entities}
        decoders = {name: {c: (_decoder(col), col.nullable) for c, col in cols.items()}
                    for name, cols in columns.items()}
        changes = []
        for raw in payload["changes"]:
            if not isinstance(raw, dict) or set(raw) != keys:
                raise _Bad("change: unknown or missing field")
            entity = raw["entity"]
            if entity not in entities:
                raise _Bad(f"unknown entity {str(entity)[:40]!r}")
            if raw["op"] not in OPS:
                raise _Bad("change: op")
            if not isinstance(raw["id"], str) or not 0 < len(raw["id"]) <= 36:
                raise _Bad("change: id")
            if not (raw["log"] is None or (isinstance(raw["log"], int) and not isinstance(raw["log"], bool))):
                raise _Bad("change: log")
            if not (raw["author"] is None or (isinstance(raw["author"], str) and len(raw["author"]) <= 64)):
                raise _Bad("change: author")
            if not isinstance(raw["fields"], dict):
                raise _Bad("change: fields")
            decode = decoders[entity]
            fields: dict[str, tuple[Any, Any]] | None = None
            values: dict[str, Any] | None = None
            if major >= 2 and raw["op"] == "upsert":  # values only (made pairs when a stored row needs them)
                values = _decode_values(entity, decode, raw["fields"])
                if values.get("id", raw["id"]) != raw["id"]:
                    raise _Bad("change: id differs")
            else:
                fields = _decode_pairs(entity, decode, raw["fields"])
                if "id" in fields and fields["id"][1] != raw["id"]:
                    raise _Bad("change: id differs")
            changes.append({
                "entity": entity, "id": raw["id"], "op": raw["op"], "fields": fields, "values": values,
                "log": raw["log"],
                "before": None if raw["before"] is None else _vector(raw["before"], "before"),
                "after": _vector(raw["after"], "after"), "author": raw["author"],
                "derived": _derived(entity, raw["derived"]) if major >= 2 else None,
            })
        division_cols = {c.name: c for c in table_of(Division).columns}
        divisions = []
        for raw in payload["divisions"]:
            if not isinstance(raw, dict) or set(raw) != DIVISION_KEYS:
                raise _Bad("division: unknown or missing field")
            divisions.append({k: decode_value(division_cols[k], v) for k, v in raw.items()})
    except _Bad as exc:
        raise refuse("payload", detail=str(exc)) from exc
    return changes, divisions


def encode_row(entity: str, row: dict[str, Any], names: tuple[str, ...] | None = None) -> dict[str, list[Any]]:
    """A whole row as fields ([None, value] each), for a full export; ``names``: the entity's
    :func:`sent_names`, when the caller has them at hand (a full export encodes every row)."""
    plain = _JSON_PLAIN
    return {name: [None, v if (v := row[name]).__class__ in plain or v is None else json_value(v)]
            for name in (names if names is not None else sent_names(entity))}


def sent_names(entity: str) -> tuple[str, ...]:
    """The columns of ``entity`` a package carries (:func:`_columns`' names)."""
    return tuple(_columns(entity))


# -- vectors -----------------------------------------------------------------------------------------------------------
def compare(a: dict[str, int], b: dict[str, int]) -> str:
    """How vector ``a`` stands to ``b``: equal, newer, older or concurrent."""
    keys = set(a) | set(b)
    a_ge = all(a.get(k, 0) >= b.get(k, 0) for k in keys)
    b_ge = all(b.get(k, 0) >= a.get(k, 0) for k in keys)
    if a_ge and b_ge:
        return "equal"
    return "newer" if a_ge else "older" if b_ge else "concurrent"


def merged(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: max(a.get(k, 0), b.get(k, 0)) for k in sorted(set(a) | set(b))}


def _rank(vector: dict[str, int]) -> tuple[int, str]:
    return sum(vector.values()), json.dumps(sorted(vector.items()))


def conflict_id(entity: str, row_id: str, a: dict[str, int], b: dict[str, int]) -> str:
    pair = sorted(json.dumps(sorted(v.items())) for v in (a, b))
    return str(uuid.uuid5(CONFLICT_NS, f"{entity}|{row_id}|{pair[0]}|{pair[1]}"))


# -- applying ----------------------------------------------------------------------------------------------------------
def _load(session: Session, table: Table, ids: list[str]) -> dict[str, dict[str, Any]]:
    out = {}
    for start in range(0, len(ids), CHUNK):
        for row in session.execute(select(table).where(table.c.id.in_(ids[start:start + CHUNK]))):
            out[row.id] = dict(row._mapping)
    return out


def apply_changes(session: Session, origin: str, changes: list[dict[str, Any]], divisions: list[dict[str, Any]],
                  now: datetime, *, policy: Policy | None = None) -> dict[str, int]:
    """Apply decoded changes inside the caller's transaction; returns the counts.

    With a ``policy`` (every import has one) the package is first held against it: a row the sender does not
    own, a forged reference datum or a value a clerk could not enter refuses it whole (PackageRefused, raised
    before anything of it is written, or inside the caller's transaction, which then rolls back); and each
    row written is listed in ``policy.written`` for the audit trail."""
    counts = {"changes": len(changes), "inserted": 0, "updated": 0, "merged": 0, "skipped": 0, "conflicts": 0,
              "divisions": 0}
    if policy is not None:
        trust.check_divisions(session, origin, policy.sender_is_city, divisions)
    # divisions first (invented communities the organizations point to), parents before children
    if divisions:
        have = set(session.scalars(select(Division.code).where(Division.code.in_([d["code"] for d in divisions]))))
        fresh = sorted((d for d in divisions if d["code"] not in have), key=lambda d: (len(d["code"]), d["code"]))
        if fresh:
            session.execute(insert(table_of(Division)), fresh)
            counts["divisions"] = len(fresh)
    entities = synced_entities()
    wanted: dict[str, list[str]] = {}
    for c in changes:
        wanted.setdefault(c["entity"], []).append(c["id"])
    state: dict[str, dict[str, dict[str, Any]]] = {}
    original: dict[str, dict[str, dict[str, Any]]] = {}
    for entity, ids in wanted.items():
        state[entity] = _load(session, table_of(entities[entity]), list(dict.fromkeys(ids)))
    if policy is not None:
        trust.check_ownership(session, origin, policy.sender_is_city, policy.local, policy.local_is_city, changes,
                              state)
        # the city's rulings: only from the city, about this office's rows; a district's change never undoes one
        ruling.check_arriving(session, origin, policy.sender_is_city, policy.local, policy.local_is_city, changes,
                              state)
    new: dict[str, dict[str, dict[str, Any]]] = {e: {} for e in wanted}
    dirty: dict[str, set[str]] = {e: set() for e in wanted}
    open_conflicts = _open_conflicts(session, wanted)
    office = session.info.get("office_code")
    conflicts: dict[str, dict[str, Any]] = {}
    resolved: set[str] = set()

    for c in changes:
        entity, row_id, after = c["entity"], c["id"], c["after"]
        rows = state[entity]
        local = rows.get(row_id)
        fields, values = c["fields"], c.get("values")
        if local is None:
            if c["op"] in ("insert", "upsert"):
                row = dict(values) if values is not None else {name: value for name, (_, value) in fields.items()}
                if c.get("derived"):  # the sender's pinyin of this very row (else computed when inserted)
                    row.update(c["derived"])
                row.update(id=row_id, version_vector=after, version=sum(after.values()), created_at=now, updated_at=now)
                rows[row_id] = row
                new[entity][row_id] = row
                counts["inserted"] += 1
            else:  # an edit of a row we never received: kept as a conflict, nothing lost
                _conflict(conflicts, entity, row_id, "missing", list(fields), {}, fields, {}, after, origin, "remote")
                counts["conflicts"] += 1
            continue
        if fields is None:  # a whole row (format 2) over a stored one: as (old, new) pairs, old unknown
            assert values is not None  # the decoder gives every change its fields or its values
            fields = {name: (None, value) for name, value in values.items()}
        relation = compare(after, local["version_vector"])
        if relation in ("equal", "older"):
            counts["skipped"] += 1
            continue
        if row_id not in new[entity] and row_id not in dirty[entity]:
            original.setdefault(entity, {})[row_id] = dict(local)
        partial = c["op"] in ("update", "delete")
        if relation == "newer":
            mismatch = [f for f, (old, value) in fields.items()
                        if partial and local.get(f) != old and local.get(f) != value]
            if mismatch:
                _conflict(conflicts, entity, row_id, "fields", mismatch, local, fields, local["version_vector"], after,
                          origin, "remote")
                counts["conflicts"] += 1
            for f, (_, value) in fields.items():
                local[f] = value
            local["version_vector"] = dict(after)
            counts["updated"] += 1
            for cid, (vector_a, vector_b) in open_conflicts.get((entity, row_id), {}).items():
                if compare(after, merged(vector_a, vector_b)) in ("newer", "equal"):
                    resolved.add(cid)
        else:  # concurrent
            remote_delete = "deleted_at" in fields and fields["deleted_at"][1] is not None
            local_deleted = local.get("deleted_at") is not None
            vector = local["version_vector"]
            # After a restore from a backup, the changes the restored office made after its backup live on only
            # at the other office.  When one side holds such changes the other lacks, its values win the fields
            # in dispute, at both offices alike: "we lost ours" (the sender holds changes under our own keys
            # that we lack) or "the sender lost its" (we hold changes under keys not ours that it lacks).
            if any(after[k] > vector.get(k, 0) for k in after if _own(k, office)):
                prefer = "remote"
            elif any(vector[k] > after.get(k, 0) for k in vector
                     if ((k == origin or k.startswith(origin + "~")) if partial else not _own(k, office))):
                prefer = "local"
            else:
                prefer = None
            if partial:
                overlap = [f for f, (old, value) in fields.items() if local.get(f) != value and local.get(f) != old]
            else:  # a whole row: which fields did we change meanwhile (our change log knows), and from what?
                base = _local_base(session, entity, row_id, after)
                overlap = [f for f, (_, value) in fields.items()
                           if local.get(f) != value and ((f in base and json_value(value) != base[f])
                                                         or (f not in base and prefer == "local"))]
                for f in [f for f in fields if f in base and f not in overlap]:
                    fields = {k: v for k, v in fields.items() if k != f}  # ours, unchanged there: keep ours
            delete_conflict = remote_delete != local_deleted
            if not overlap and not delete_conflict:
                for f, (_, value) in fields.items():
                    local[f] = value
                counts["merged"] += 1
            else:
                # each field both sides changed: the write ranked higher wins (the same choice at every office,
                # whatever the order the versions arrive in); the other value is kept in the conflict
                if prefer is not None:
                    lost = set(overlap) if prefer == "local" else set()
                else:
                    stamps = _stamps(session, entity, row_id, local, overlap) if overlap else {}
                    remote_rank = _rank(after)
                    lost = {f for f in overlap if _rank(stamps.get(f, vector)) > remote_rank}
                if delete_conflict:  # which side's deleted-or-not stands (both versions kept)
                    final = (fields["deleted_at"][1] is not None if "deleted_at" in fields and "deleted_at" not in lost
                             else local_deleted)
                    winner = "local" if final == local_deleted else "remote"
                else:
                    winner = "local" if lost == set(overlap) else "remote" if not lost else "mixed"
                _conflict(conflicts, entity, row_id, "delete" if delete_conflict else "fields", overlap, local, fields,
                          local["version_vector"], after, origin, winner)
                counts["conflicts"] += 1
                for f, (_, value) in fields.items():
                    if f not in lost:
                        local[f] = value
            local["version_vector"] = merged(local["version_vector"], after)
        if row_id not in new[entity]:
            local["version"] = (local.get("version") or 0) + 1
            local["updated_at"] = now
            dirty[entity].add(row_id)

    counts["resolved"] = len(resolved)
    if _overlapped(session, new):
        _write_overlapped(session, new, dirty, state, original, policy, counts)
    else:
        if policy is not None:
            trust.check_rows(session, new, dirty, state, original)
            policy.list_written(_written(new, dirty, state, original), counts)
        _write(session, new, dirty, state, original)
    if new.get("ruling"):  # an arriving ruling's effect on its subject, in this same transaction
        ruling.apply_arrived(session, list(new["ruling"].values()), now)
    _record_conflicts(session, conflicts, now)
    if resolved:
        conflict = table_of(Conflict)
        session.execute(update(conflict).where(conflict.c.id.in_(sorted(resolved)), conflict.c.resolved_at.is_(None))
                        .values(resolved_at=now, resolved_by=f"office:{origin}",
                                resolution={"by_office": origin, "how": "a newer version from that office"}))
    return counts


#: values json_value returns as they are
_JSON_PLAIN = frozenset({str, int, bool, float})


@dataclass
class Policy:
    """Who sends to whom (for :mod:`civicdesk.services.sync.trust`), and what the package then wrote."""

    local: str
    local_is_city: bool
    sender_is_city: bool
    written: list[dict[str, Any]] = field(default_factory=list)
    #: the caller's audit entries of the package (``written`` and the counts -> entries), made as soon as
    #: ``written`` is known, into ``entries``; on PostgreSQL a large package's are chained and written with its
    #: rows by the writer thread (:func:`_write_overlapped`), and ``audited`` is then true
    describe: Callable[[list[dict[str, Any]], dict[str, int]], list[dict[str, Any]]] | None = None
    entries: list[dict[str, Any]] = field(default_factory=list)
    audited: bool = False

    def list_written(self, written: list[dict[str, Any]], counts: dict[str, int]) -> None:
        self.written = written
        if self.describe is not None:
            self.entries = self.describe(written, counts)


def _written(new: dict[str, dict[str, dict[str, Any]]], dirty: dict[str, set[str]],
             state: dict[str, dict[str, dict[str, Any]]],
             original: dict[str, dict[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Each row the package writes: entity, id, op and its fields before and after (JSON values), as the audit
    trail keeps a local edit; local derived columns and bookkeeping left out."""
    out = []
    skip = BOOKKEEPING_SENT
    plain = _JSON_PLAIN
    for entity in synced_entities():
        local = LOCAL_COLUMNS.get(entity, frozenset())
        left_out = skip | local
        for row_id in sorted(new.get(entity, {})):
            row = new[entity][row_id]
            # json_value only where a value is not JSON already (a call per field of 100,000 rows otherwise)
            out.append({"entity": entity, "id": row_id, "op": "insert",
                        "fields": {k: [None, v if v.__class__ in plain else json_value(v)] for k, v in row.items()
                                   if v is not None and k not in left_out}})
        for row_id in sorted(dirty.get(entity, set()) - set(new.get(entity, {}))):
            row, before = state[entity][row_id], original.get(entity, {}).get(row_id, {})
            fields = {k: [json_value(before.get(k)), json_value(v)] for k, v in row.items()
                      if k not in skip and k not in local and before.get(k) != v}
            out.append({"entity": entity, "id": row_id,
                        "op": "delete" if "deleted_at" in fields and row.get("deleted_at")
                        else "update", "fields": fields})
    return out


def _own(key: str, office: str | None) -> bool:
    """A version-vector key of this office (its code, or its code~epoch after a restore)."""
    return office is not None and (key == office or key.startswith(office + "~"))


def _stamps(session: Session, entity: str, row_id: str, local: dict[str, Any],
            names: list[str]) -> dict[str, dict[str, int]]:
    """The vector of the write each field's current value comes from, for the fields this office wrote last
    (its change log): a conflict's winner is chosen per field by these, not by the row's merged vector, so
    that every office picks the same value for the same writes.  A field whose value came from elsewhere
    is left out (the row's vector stands for it)."""
    t = table_of(ChangeLog)
    last: dict[str, tuple[Any, dict[str, int]]] = {}
    for change in session.execute(select(t.c.fields, t.c.vector_after).where(
            t.c.entity == entity, t.c.row_id == row_id).order_by(t.c.id)):
        for f in names:
            if f in change.fields:
                last[f] = (change.fields[f][1], change.vector_after)
    return {f: dict(vector) for f, (value, vector) in last.items() if json_value(local.get(f)) == value}


def earlier_epoch_keys(origin: str, epoch: int) -> set[str]:
    """The version-vector keys of ``origin``'s epochs before ``epoch`` (see ``models.sync.epoch_key``)."""
    return {origin} | {f"{origin}~{e}" for e in range(2, epoch)}


def waits_for_earlier_epoch(session: Session, origin: str, epoch: int, changes: list[dict[str, Any]]) -> bool:
    """True when a change of this package builds on a change ``origin`` made in an earlier epoch that has not
    arrived here (a package of its old stream still in the mail after it was restored from a backup).

    Applying it now would give the row a vector that claims the missing change, which would then be skipped
    as "older" when it comes: the package waits (parked) for it instead.  The changes a package of a later
    epoch builds on are all in the sender's own outbox (it was restored with them), so they do come."""
    if epoch <= 1:
        return False
    keys = earlier_epoch_keys(origin, epoch)
    needs: dict[str, set[str]] = {}
    for c in changes:
        if c["before"] and any(k in keys for k in c["before"]):
            needs.setdefault(c["entity"], set()).add(c["id"])
    if not needs:
        return False
    entities = synced_entities()
    vectors: dict[tuple[str, str], dict[str, int] | None] = {}
    for entity, rows in needs.items():
        table = table_of(entities[entity])
        ids = sorted(rows)
        for start in range(0, len(ids), CHUNK):
            for row in session.execute(select(table.c.id, table.c.version_vector).where(
                    table.c.id.in_(ids[start:start + CHUNK]))):
                vectors[(entity, row.id)] = dict(row.version_vector or {})
    for c in changes:  # in order: a change of this same package may bring what a later one builds on
        key = (c["entity"], c["id"])
        if c["id"] not in needs.get(c["entity"], ()):
            continue
        vector = vectors.get(key)
        before = c["before"] or {}
        if any(before.get(k, 0) > (vector or {}).get(k, 0) for k in keys if k in before):
            return True
        if vector is not None or c["op"] in ("insert", "upsert"):
            vectors[key] = merged(vector or {}, c["after"])
    return False


def _local_base(session: Session, entity: str, row_id: str, remote: dict[str, int]) -> dict[str, Any]:
    """The fields this office changed in versions the sender had not seen, with the value before the first
    such change (JSON form): to tell, in a whole row received, our changes from the sender's."""
    t = table_of(ChangeLog)
    base: dict[str, Any] = {}
    for change in session.execute(select(t.c.fields, t.c.vector_after).where(
            t.c.entity == entity, t.c.row_id == row_id).order_by(t.c.id)):
        if compare(change.vector_after, remote) in ("newer", "concurrent"):
            for f, (old, _) in change.fields.items():
                base.setdefault(f, old)
    return base


def _open_conflicts(session: Session,
                    wanted: dict[str, list[str]]) -> dict[tuple[str, str], dict[str, tuple[Any, Any]]]:
    table = table_of(Conflict)
    out: dict[tuple[str, str], dict[str, tuple[Any, Any]]] = {}
    if session.execute(select(table.c.id).where(table.c.resolved_at.is_(None)).limit(1)).first() is None:
        return out
    for entity, ids in wanted.items():
        for start in range(0, len(ids), CHUNK):
            rows = session.execute(
                select(table.c.id, table.c.row_id, table.c.local_vector, table.c.remote_vector).where(
                    table.c.entity == entity, table.c.resolved_at.is_(None),
                    table.c.row_id.in_(ids[start:start + CHUNK])))
            for r in rows:
                out.setdefault((entity, r.row_id), {})[r.id] = (r.local_vector, r.remote_vector)
    return out


def _conflict(conflicts: dict[str, dict[str, Any]], entity: str, row_id: str, kind: str, names: list[str],
              local: dict[str, Any], fields: dict[str, tuple[Any, Any]], local_vector: dict[str, int],
              remote_vector: dict[str, int], origin: str, winner: str) -> None:
    cid = conflict_id(entity, row_id, local_vector, remote_vector)
    shown = names or list(fields)
    conflicts[cid] = {
        "id": cid, "entity": entity, "row_id": row_id, "kind": kind, "fields": sorted(shown),
        "local_values": {f: json_value(local.get(f)) for f in shown} if local else {},
        "remote_values": {f: json_value(fields[f][1]) for f in shown if f in fields},
        "local_vector": dict(local_vector), "remote_vector": dict(remote_vector), "remote_office": origin,
        "winner": winner,
    }


def _record_conflicts(session: Session, conflicts: dict[str, dict[str, Any]], now: datetime) -> None:
    if not conflicts:
        return
    table = table_of(Conflict)
    have: set[str] = set(session.scalars(select(table.c.id).where(table.c.id.in_(list(conflicts)))))
    rows = [dict(c, detected_at=now) for cid, c in conflicts.items() if cid not in have]
    if rows:
        session.execute(insert(table), rows)


#: rows: a package inserting this many on PostgreSQL has them written by a thread while the program judges them
#: (:func:`_write_overlapped`)
OVERLAP_MIN = 2_000


def _overlapped(session: Session, new: dict[str, dict[str, dict[str, Any]]]) -> bool:
    return (sum(len(rows) for rows in new.values()) >= OVERLAP_MIN
            and session.connection().dialect.name == "postgresql")


def _write_overlapped(session: Session, new: dict[str, dict[str, dict[str, Any]]], dirty: dict[str, set[str]],
                      state: dict[str, dict[str, dict[str, Any]]], original: dict[str, dict[str, dict[str, Any]]],
                      policy: Policy | None, counts: dict[str, int]) -> None:
    """:func:`_write` of a large package on PostgreSQL, its server's work beside the program's: the new rows go
    in by a writer thread (``overlap.Writer``: copies of the rows, the server indexing them), while this thread
    makes the new organizations' search grams (:func:`search.made_grams`, which the writer loads once the
    organizations are in), judges the organizations and their people (``trust.RowChecks`` from the lookups read
    before: no statement), lists what is written and chains the package's audit entries (``Policy.list_written``;
    the chain's head read before), which the writer then copies after the rows.  The other entities' checks
    (which may read the database) run before, and so does the placing of the new organizations in the name
    sort (``search.prepare_rows``: their seq and rank), so that their grams are made in the order of
    ``org_gram``'s key, whose making then finds them sorted; the changed rows are written after.

    Two processes then share the machine's cores, the program and the server: no third makes the grams (a
    worker process took the server's core while this thread judged).  A refusal leaves the writer
    as soon as its running statement ends, and the caller's transaction rolls back what it wrote."""
    checks = None
    if policy is not None:
        checks = trust.RowChecks(session, new, dirty, state, original, preload=True)
        checks.run([e for e in checks.entities if e not in trust.JUDGED_APART])
        checks.across()
        if policy.describe is not None:
            audit_model.hold_head(session)  # the entries are chained while the writer writes: no statement then
    fulls = _full_rows(new)
    organizations = [full for entity, _table, full in fulls if entity == "organization"]
    if organizations:  # their seq, pinyin and rank first: the grams are made in the order of their key
        search.prepare_rows(session, organizations[0])
    values = search.gram_values(organizations[0]) if organizations else None
    made: Future[search.MadeGrams] | None = Future() if values is not None else None
    with Writer("sync-writer") as writer:
        writer.submit(_insert_new, session, new, fulls, made, True)
        if made is not None and values is not None:  # needed once the organizations are in: made first
            try:
                made.set_result(search.made_grams(values, [row["name_rank"] for row in organizations[0]]))
            finally:
                if not made.done():  # failed here: the writer's wait ends too
                    made.cancel()
        if policy is not None and checks is not None:
            checks.run([e for e in checks.entities if e in trust.JUDGED_APART])
            policy.list_written(_written(new, dirty, state, original), counts)
            if policy.entries:
                writer.submit(audit_model.insert_chained, session, audit_model.chained(session, policy.entries))
                policy.audited = True
    _update_dirty(session, new, dirty, state, original)
    _refresh_supervision(session, new, dirty, state)


def _write(session: Session, new: dict[str, dict[str, dict[str, Any]]], dirty: dict[str, set[str]],
           state: dict[str, dict[str, dict[str, Any]]], original: dict[str, dict[str, dict[str, Any]]]) -> None:
    _insert_new(session, new)
    _update_dirty(session, new, dirty, state, original)
    _refresh_supervision(session, new, dirty, state)


def _full_rows(new: dict[str, dict[str, dict[str, Any]]]) -> list[tuple[str, Table, list[dict[str, Any]]]]:
    """Each entity's new rows as they go in, entities in foreign-key order: copies holding every column (a value
    the sender's row leaves out, the column's default), in key order (fewer pages touched), a row that names
    another new row of its own table (a serious listing moved from an abnormal one, ``moved_from_id``) after the
    rows it names.  The rows of ``new`` are read, never changed."""
    entities = synced_entities()
    out = []
    for entity in [e for e in entities if e in new]:
        table = table_of(entities[entity])
        own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
        rows = sorted(new[entity].values(), key=lambda r: (any(r.get(c) in new[entity] for c in own), r["id"]))
        if not rows:
            continue
        names = [c.name for c in table.columns]
        defaults = [(c.name, c.default.arg) for c in table.columns  # what the sender's row may leave out
                    if not c.nullable and isinstance(c.default, ColumnDefault) and c.default.is_scalar]
        template = dict.fromkeys(names)
        full = [{**template, **r} for r in rows]  # every column (a row holds no other key)
        for name, value in defaults:
            for r in full:
                if r[name] is None:
                    r[name] = value
        out.append((entity, table, full))
    return out


def _insert_new(session: Session, new: dict[str, dict[str, dict[str, Any]]],
                fulls: list[tuple[str, Table, list[dict[str, Any]]]] | None = None,
                made: Future[search.MadeGrams] | None = None, prepared: bool = False) -> None:
    """The package's new rows (``fulls``: :func:`_full_rows` of ``new``, when the caller made them); ``made``:
    the grams of the new organizations, being made by the caller (:func:`_write_overlapped`), which gave the
    organizations their seq and rank before (``prepared``)."""
    for entity, table, full in (fulls if fulls is not None else _full_rows(new)):
        if entity == "organization" and not prepared:
            search.prepare_rows(session, full)
        with indexes_deferred(session, table, len(full)):
            _insert_many(session, table, full)
        if entity == "organization":
            search.index_rows(session, full, made.result() if made is not None else None)


def _update_dirty(session: Session, new: dict[str, dict[str, dict[str, Any]]], dirty: dict[str, set[str]],
                  state: dict[str, dict[str, dict[str, Any]]], original: dict[str, dict[str, dict[str, Any]]]) -> None:
    """The package's changed rows (``state``'s values), and the search index of the changed organizations."""
    entities = synced_entities()
    for entity in [e for e in entities if e in dirty]:
        ids = sorted(dirty[entity])
        if not ids:
            continue
        table = table_of(entities[entity])
        local = LOCAL_COLUMNS.get(entity, frozenset())
        names = [c.name for c in table.columns if c.name != "id" and c.name not in local and c.name != "created_at"]
        params = []
        for row_id in ids:
            row = state[entity][row_id]
            p = {f"b_{n}": row.get(n) for n in names}
            p["b_id"] = row_id
            params.append(p)
        stmt = update(table).where(table.c.id == bindparam("b_id")).values({n: bindparam(f"b_{n}") for n in names})
        for start in range(0, len(params), 2000):
            session.execute(stmt, params[start:start + 2000])
        if entity == "organization":
            _reindex(session, ids, state[entity], original.get(entity, {}))


def _refresh_supervision(session: Session, new: dict[str, dict[str, dict[str, Any]]], dirty: dict[str, set[str]],
                         state: dict[str, dict[str, dict[str, Any]]]) -> None:
    """The register's derived supervision columns of the organizations whose inspections, ratings or credit
    listings arrived, and the cultivation tally of the teams and stations whose rows arrived."""
    from civicdesk.services.supervision.profile import refresh_summary

    touched: set[str] = set()
    for entity in ("inspection_record", "rating_application", "credit_listing"):
        for row in new.get(entity, {}).values():
            touched.add(row["organization_id"])
        for row_id in dirty.get(entity, set()):
            touched.add(state[entity][row_id]["organization_id"])
    if touched:
        refresh_summary(session, touched)
    from civicdesk.services.cultivation import tally

    arrived: dict[str, list[dict[str, Any]]] = {}
    for entity in (*tally.TALLIED, "volunteer_hours"):
        arrived[entity] = [*new.get(entity, {}).values(), *(state[entity][i] for i in dirty.get(entity, set()))]
    teams_and_stations = tally.touched_by(session, arrived)
    if teams_and_stations:
        tally.refresh(session, teams_and_stations)  # the local sums of the teams and stations whose rows arrived


def _insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT every row (dicts of all the table's columns) in chunks.  On SQLite straight through the driver's
    ``executemany`` with SQLAlchemy's own bind processors for each column (dates, decimals, JSON, booleans
    stored exactly as the ORM stores them): the statement's per-row parameter handling was a quarter of the
    time of inserting a large package.  On PostgreSQL the same converted values go in by one COPY."""
    conn = session.connection()
    columns = list(table.columns)
    names = [c.name for c in columns]
    processors = [(i, p) for i, p in enumerate(c.type._cached_bind_processor(conn.dialect) for c in columns)
                  if p is not None]
    if conn.dialect.name == "postgresql":  # one COPY (bulk.copy_rows): about half an executemany's time
        def converted() -> Iterator[list[Any]]:
            for row in rows:
                values = [row[n] for n in names]
                for i, process in processors:
                    values[i] = process(values[i])
                yield values
        copy_rows(session, table, columns, converted())
        return
    if conn.dialect.name != "sqlite":
        for start in range(0, len(rows), 2000):
            session.execute(insert(table), rows[start:start + 2000])
        return
    preparer = conn.dialect.identifier_preparer
    sql = (f"INSERT INTO {preparer.format_table(table)} ({', '.join(preparer.quote(n) for n in names)}) "
           f"VALUES ({', '.join('?' * len(names))})")
    driver = conn.connection.driver_connection
    assert driver is not None  # an open connection has its DBAPI connection
    cursor = driver.cursor()
    try:
        for start in range(0, len(rows), 5000):
            params = []
            for row in rows[start:start + 5000]:
                values = [row[n] for n in names]
                for i, process in processors:
                    values[i] = process(values[i])
                params.append(values)
            cursor.executemany(sql, params)
    finally:
        cursor.close()


def _reindex(session: Session, ids: list[str], rows: dict[str, dict[str, Any]],
             before: dict[str, dict[str, Any]]) -> None:
    """Updated organizations: pinyin, name rank and search index rows follow the new values."""
    pairs = [(before.get(i, rows[i]), rows[i]) for i in ids if before.get(i, rows[i]).get("seq") is not None]
    search.reindex_rows(session, [old for old, _new in pairs], [new for _old, new in pairs])
