"""The audit trail: an append-only table in which every entry carries the hash of the one before.

Each entry's ``hash`` is SHA-256 over a canonical JSON of its own fields and the previous entry's hash, so
editing, deleting, inserting or reordering a row by hand breaks the chain at that row, and
``civicdesk audit verify`` names it.  SQLite triggers refuse UPDATE and DELETE on the table; someone with the
file and a sqlite3 shell can drop them, which is exactly what the chain is for.  (Someone who also recomputes
every later hash is caught only by a copy of the head kept elsewhere: the sync manifests carry it.)

Every change of a tracked row is written here by :func:`record_changes`, a listener of
:mod:`civicdesk.models.history`, in the same transaction as the change.
"""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring
from typing import Any

from sqlalchemy import Index, Integer, String, Text, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from civicdesk.models import copying
from civicdesk.models.base import Base, table_of, utcnow
from civicdesk.models.history import RowChange, listen

GENESIS = "0" * 64
SYSTEM_ACTOR = "(系统)"


class AuditEntry(Base):
    """One entry: who (actor), when (UTC), what (action on entity/entity_id), details as canonical JSON."""

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # ISO text, hashed exactly as stored
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48))
    entity: Mapped[str | None] = mapped_column(String(48))
    entity_id: Mapped[str | None] = mapped_column(String(80))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_entry_entity", "entity", "entity_id"),
        Index("ix_audit_entry_action", "action"),
    )


#: :func:`canonical`'s encoder, made once (``json.dumps`` with these options makes one a call)
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode


def canonical(data: Any) -> str:
    return _ENCODE(data)


def _json(value: Any) -> str:
    """``canonical(value)`` of one value: the usual scalars written directly, anything else by the encoder (a
    value's JSON is the same alone as inside an object)."""
    kind = value.__class__
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if kind is bool:
        return "true" if value else "false"
    return _ENCODE(value)


#: '"name":{"new":' of each field name met (column names: a few hundred at most)
_FIELD_OPEN: dict[str, str] = {}


def _field_open(name: str) -> str:
    found = _FIELD_OPEN.get(name)
    if found is None:
        found = encode_basestring(name) + ':{"new":'
        if len(_FIELD_OPEN) < 10_000:
            _FIELD_OPEN[name] = found
    return found


def fields_details(fields: dict[str, Any], extra: dict[str, Any]) -> str:
    """``canonical({"fields": {name: {"old": old, "new": new}, …}, **extra})`` for ``fields`` given as
    name -> (old, new): the details of a row's change, written out field by field.  The same text as the
    encoder's (tests/test_audit_payload.py), at about half its cost and without a dict a field: an import writes
    one such entry a row.  Field and extra names must be texts (else the encoder is asked)."""
    if "fields" in extra or not all(k.__class__ is str for k in fields) or not all(
            k.__class__ is str for k in extra):
        return canonical({"fields": {k: {"old": old, "new": new} for k, (old, new) in fields.items()}, **extra})
    body = ",".join([f'{_field_open(name)}{_json(pair[1])},"old":{_json(pair[0])}}}'
                     for name in sorted(fields) for pair in (fields[name],)])
    top = sorted([("fields", f"{{{body}}}"), *((k, _json(v)) for k, v in extra.items())])
    return "{" + ",".join([f"{encode_basestring(k)}:{v}" for k, v in top]) + "}"


def _text(value: str | None) -> str:
    """One item of :func:`entry_hash`'s payload as ``canonical`` writes it: a JSON string (the same C function
    ``json`` uses for ``ensure_ascii=False``), or null."""
    return "null" if value is None else encode_basestring(value)


def entry_hash(seq: int, at: str, actor: str, action: str, entity: str | None, entity_id: str | None,
               details: str, prev_hash: str) -> str:
    payload = payload_text(seq, at, actor, action, entity, entity_id, details, prev_hash)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def payload_text(seq: Any, *items: Any) -> str:
    """What :func:`entry_hash` hashes: ``canonical([seq, *items])``.  The usual entry (an int and texts) is
    written out item by item, not through the encoder: the same text without the encoder's work on a list
    holding the details' JSON once more (an import hashes one entry a row); anything else is ``canonical``'s
    (tests/test_audit_payload.py holds the two to the same text)."""
    if seq.__class__ is int and all(v is None or v.__class__ is str for v in items):
        return f"[{seq},{','.join(map(_text, items))}]"
    return canonical([seq, *items])


def _head(session: Session) -> tuple[int, str]:
    head = session.info.get("audit_head")
    if head is None:
        table = table_of(AuditEntry)
        row = session.connection().execute(
            select(table.c.seq, table.c.hash).order_by(table.c.seq.desc()).limit(1)
        ).first()
        head = (row[0], row[1]) if row else (0, GENESIS)
    return head


def append(session: Session, entries: list[dict[str, Any]]) -> None:
    """Append entries (keys: action, entity, entity_id, details or details_json, actor?) to the chain, in the
    session's transaction.  Runs SQL directly, so it works inside a flush as well as outside one."""
    if entries:
        _insert(session, chained(session, entries))


def chained(session: Session, entries: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The rows of :func:`append` for ``entries`` (seq, time, actor, hash chained to the head), the head moved
    past them; no statement when the session holds the head (a bulk load reads it first, :func:`hold_head`, and
    makes the rows while its thread writes: :func:`insert_chained` then writes them)."""
    seq, prev = _head(session)
    at = utcnow().isoformat(sep=" ", timespec="microseconds")
    default_actor = session.info.get("actor") or SYSTEM_ACTOR
    rows = []
    for e in entries:
        seq += 1
        actor = e.get("actor") or default_actor
        # ``details_json``: the details already as canonical JSON (fields_details), else ``details`` encoded here
        details = e["details_json"] if "details_json" in e else canonical(e.get("details") or {})
        digest = entry_hash(seq, at, actor, e["action"], e.get("entity"), e.get("entity_id"), details, prev)
        rows.append((seq, at, actor, e["action"], e.get("entity"), e.get("entity_id"), details, prev, digest))
        prev = digest
    session.info["audit_head"] = (seq, prev)
    return rows


def hold_head(session: Session) -> None:
    """Read the chain's head into the session (:func:`chained` then needs no statement)."""
    session.info["audit_head"] = _head(session)


def insert_chained(session: Session, rows: list[tuple[Any, ...]]) -> None:
    """Write rows made by :func:`chained`."""
    _insert(session, rows)


_COLUMNS = ("seq", "at", "actor", "action", "entity", "entity_id", "details", "prev_hash", "hash")
#: entries from which SQLite gets them straight through its driver (an import writes one a row), PostgreSQL by
#: one COPY: the columns are texts and an integer, which SQLAlchemy passes to the driver unchanged
_DRIVER_MIN = 100


def _insert(session: Session, rows: list[tuple[Any, ...]]) -> None:
    conn = session.connection()
    if len(rows) >= _DRIVER_MIN and conn.dialect.name == "sqlite":
        driver = conn.connection.driver_connection
        assert driver is not None  # an open connection has its DBAPI connection
        cursor = driver.cursor()
        try:
            cursor.executemany(f"INSERT INTO audit_entry ({', '.join(_COLUMNS)}) VALUES "
                               f"({', '.join('?' * len(_COLUMNS))})", rows)
        finally:
            cursor.close()
        return
    if len(rows) >= _DRIVER_MIN and conn.dialect.name == "postgresql":  # one COPY: no statement a row to parse
        table = table_of(AuditEntry)
        copying.copy_rows(conn, table, [table.c[name] for name in _COLUMNS], rows)
        return
    conn.execute(insert(table_of(AuditEntry)), [dict(zip(_COLUMNS, row, strict=True)) for row in rows])


def record(session: Session, action: str, entity: str | None = None, entity_id: str | None = None,
           actor: str | None = None, **details: Any) -> None:
    """One audit entry (a login, an export, a refusal …) in the session's transaction."""
    append(session, [{"action": action, "entity": entity, "entity_id": entity_id, "actor": actor,
                      "details": details}])


#: Keys of personal numbers inside a JSON column (a filing's ``changes``: its people, its new legal
#: representative): masked there as the ID number column is.
_ID_KEYS = frozenset({"id_number", "legal_rep_id_number"})
_PHONE_KEYS = frozenset({"phone", "legal_rep_phone"})


def _masked(value: Any, key: str = "id_number") -> Any:
    """An ID number as the trail keeps it: region and last four digits (the trail cannot be erased); a phone
    (``key`` a phone column) its first three and last four.  A JSON value (dict or list) is copied with every
    personal number in it masked by its key."""
    if isinstance(value, (dict, list)):
        return _masked_json(value)
    if key in _PHONE_KEYS and isinstance(value, str):
        return value[:3] + "*" * max(len(value) - 7, 1) + value[-4:] if len(value) > 7 else "*" * len(value)
    if not isinstance(value, str) or len(value) < 11:
        return value
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def _masked_json(value: Any) -> Any:
    """A copy of a JSON value with the personal numbers in it masked by key (other text kept as it is)."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in _ID_KEYS | _PHONE_KEYS and isinstance(item, str):
                out[key] = _masked(item, key)
            else:
                out[key] = _masked_json(item)
        return out
    if isinstance(value, list):
        return [_masked_json(item) for item in value]
    return value


@listen
def record_changes(session: Session, changes: list[RowChange]) -> None:
    """Every change of a tracked row: entity, id, and before/after of each changed field (ID numbers masked)."""
    note = session.info.get("audit_note")
    entries = []
    for c in changes:
        masked = frozenset(getattr(type(c.obj), "__audit_masked__", ()))
        details: dict[str, Any] = {"fields": {
            k: ({"old": _masked(old, k), "new": _masked(new, k)} if k in masked else {"old": old, "new": new})
            for k, (old, new) in c.fields.items()}}
        if note:
            details["note"] = note
        entries.append({"action": f"data.{c.op}", "entity": c.entity, "entity_id": c.row_id, "details": details})
    append(session, entries)


def forget_head(session: Session) -> None:
    """After a rollback the cached head may name entries that were never committed."""
    session.info.pop("audit_head", None)
