"""Sync bookkeeping (docs/SYNC.md): change log, outbox, inbox, parked and quarantined packages, conflicts,
this office's keys and the offices it trusts.

The change log is written by :func:`record_changes`, a listener of :mod:`civicdesk.models.history`, in the
same transaction as every ORM change of a synced row.  A session that applies changes received from another
office sets ``session.info["sync_applying"]``: those changes are not logged again (they would travel back).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (JSON, Boolean, DateTime, Index, Integer, LargeBinary, String, Text, UniqueConstraint,
                        insert, select)
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.orm.util import identity_key

from civicdesk.models.base import Base, SyncedMixin, table_of, utcnow
from civicdesk.models.history import RowChange, json_value, listen


class ChangeLog(Base):
    """One committed change of a synced row: fields (name -> [old, new]), vectors before and after."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(48))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(12))  # insert | update | delete
    scope: Mapped[str | None] = mapped_column(String(12))  # the county the row concerns (who receives it)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    vector_before: Mapped[dict[str, int] | None] = mapped_column(JSON)
    vector_after: Mapped[dict[str, int]] = mapped_column(JSON)
    author: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    # by recipient (export) and by row (a conflict's per-field writes: services/sync/apply.py _stamps, _local_base)
    __table_args__ = (Index("ix_change_log_scope", "scope", "id"), Index("ix_change_log_row", "entity", "row_id", "id"))


class SyncKey(Base):
    """A key pair of this office: Ed25519 (sign) or X25519 (encrypt); the private key encrypted with the
    passphrase (scrypt + AES-256-GCM).  Old keys stay (``active`` false) to read late packages."""

    __tablename__ = "sync_key"

    key_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(8))  # sign | encrypt
    algorithm: Mapped[str] = mapped_column(String(16))  # Ed25519 | X25519
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    private_key: Mapped[bytes] = mapped_column(LargeBinary)  # encrypted
    kdf: Mapped[dict[str, Any]] = mapped_column(JSON)  # scrypt parameters, salt, nonce (base64)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SyncPeer(Base):
    """Another office this one trusts (its card), and the state of the two streams with it."""

    __tablename__ = "sync_peer"

    office_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(16))
    sign_key_id: Mapped[str] = mapped_column(String(32))
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    encrypt_key_id: Mapped[str] = mapped_column(String(32))
    encrypt_public: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(80))
    card: Mapped[str] = mapped_column(Text)  # the card as received
    trusted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    trusted_by: Mapped[str | None] = mapped_column(String(64))
    # outgoing: the last change_log id put into a package for this office; what it acknowledged of ours
    sent_change_id: Mapped[int] = mapped_column(Integer, default=0)
    acked_epoch: Mapped[int] = mapped_column(Integer, default=0)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    missing: Mapped[list[Any]] = mapped_column(JSON, default=list)  # ranges it says it is missing
    last_received_at: Mapped[datetime | None] = mapped_column(DateTime)


class SyncState(Base):
    """Single-row-per-key settings of the sync: ``epoch`` (raised after a restore from a backup)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Outbox(Base):
    """A package sent: its exact bytes and hash, so that a resend is identical."""

    __tablename__ = "sync_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient: Mapped[str] = mapped_column(String(12))
    epoch: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    package_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(8))
    file_name: Mapped[str] = mapped_column(String(120))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    change_from: Mapped[int | None] = mapped_column(Integer)
    change_to: Mapped[int | None] = mapped_column(Integer)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("recipient", "epoch", "seq", name="uq_sync_outbox_stream"),)


class Inbox(Base):
    """A package applied (or acknowledged as already applied): unique per (origin, epoch, seq)."""

    __tablename__ = "sync_inbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(12))
    epoch: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    package_id: Mapped[str] = mapped_column(String(36))
    sha256: Mapped[str] = mapped_column(String(64))
    applied_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    applied_by: Mapped[str | None] = mapped_column(String(64))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: the file as received (signed, encrypted for this office), to re-examine the import; NULL before 0008
    data: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)

    __table_args__ = (UniqueConstraint("origin", "epoch", "seq", name="uq_sync_inbox_stream"),)


class Parked(Base):
    """A verified package that arrived after a gap: kept (bytes) until the missing ones come."""

    __tablename__ = "sync_parked"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(12))
    epoch: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("origin", "epoch", "seq", name="uq_sync_parked_stream"),)


class Quarantine(Base):
    """A signed package whose sequence number was already used for other content: kept, an alarm."""

    __tablename__ = "sync_quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(12))
    epoch: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Conflict(Base):
    """Two concurrent versions of one row: both kept, a provisional winner, and the resolution when made.

    The id is derived from the row and the two vectors, so both offices name the same conflict alike."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(48))
    row_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))  # fields | delete | missing
    fields: Mapped[list[str]] = mapped_column(JSON)
    local_values: Mapped[dict[str, Any]] = mapped_column(JSON)
    remote_values: Mapped[dict[str, Any]] = mapped_column(JSON)
    local_vector: Mapped[dict[str, int]] = mapped_column(JSON)
    remote_vector: Mapped[dict[str, int]] = mapped_column(JSON)
    remote_office: Mapped[str] = mapped_column(String(12))
    winner: Mapped[str] = mapped_column(String(8))  # local | remote: the provisional one, applied
    detected_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolution: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    __table_args__ = (Index("ix_sync_conflict_row", "entity", "row_id"),)


# -- the change log listener ---------------------------------------------------------------------------------
@cache
def synced_entities() -> dict[str, type[SyncedMixin]]:
    """table name -> mapped class of every synced row, in an order that satisfies foreign keys."""
    classes = {table_of(m.class_).name: m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncedMixin)}
    return {t.name: classes[t.name] for t in Base.metadata.sorted_tables if t.name in classes}


#: A child row's link to the parent row that names its organization (a filing's events, an inspection record's,
#: a rating application's): the child concerns the parent's organization.
PARENT_LINKS = {"filing_id": "filing", "record_id": "inspection_record", "application_id": "rating_application",
                "listing_id": "credit_listing"}


def scope_of(session: Session, obj: Any, new: dict[tuple[str, str], Any] | None = None) -> str | None:
    """The county a synced row concerns: an organization's county; a child row's organization's county.
    ``new`` indexes the session's new rows by (table, id) (one flush's many rows: see :func:`record_changes`)."""
    code = getattr(obj, "division_code", None)
    if code:
        return str(code)
    org_id = getattr(obj, "organization_id", None)
    for link, parent_table in PARENT_LINKS.items():
        parent_id = getattr(obj, link, None)
        if org_id is not None or not parent_id:
            continue
        parent = _pending(session, parent_table, parent_id, new)
        if parent is not None:
            org_id = parent.organization_id
        else:
            table = Base.metadata.tables[parent_table]
            org_id = session.connection().execute(
                select(table.c.organization_id).where(table.c.id == parent_id)).scalar()
    if org_id:
        org = _pending(session, "organization", org_id, new)
        if org is not None:
            return str(org.division_code)
        table = Base.metadata.tables["organization"]
        value = session.connection().execute(select(table.c.division_code).where(table.c.id == org_id)).scalar()
        return str(value) if value else None
    return getattr(obj, "origin_office", None)


def _pending(session: Session, table: str, row_id: str, new: dict[tuple[str, str], Any] | None = None) -> Any:
    """A row of ``table`` this session holds (new or loaded), without a query (we are inside a flush)."""
    cls = synced_entities().get(table)
    if cls is None:
        return None
    if new is None:
        new = _new_rows(session)
    found = new.get((table, row_id))
    if found is not None:
        return found
    return session.identity_map.get(identity_key(cls, row_id))


def _new_rows(session: Session) -> dict[tuple[str, str], Any]:
    """The session's new synced rows by (table, id): looked up once per flush, not once per row (a flush of
    thousands of new rows scanned them all for each)."""
    return {(table_of(type(o)).name, o.id): o for o in session.new if isinstance(o, SyncedMixin)}


@listen
def record_changes(session: Session, changes: list[RowChange]) -> None:
    """Every ORM change of a synced row, in the change log (not the ones a sync import applies)."""
    if session.info.get("sync_applying"):
        return
    _epoch_vectors(session, changes)
    rows = []
    author = session.info.get("actor")
    now = utcnow()
    pending = _new_rows(session)
    for c in changes:
        if c.obj is None or not isinstance(c.obj, SyncedMixin) or c.vector_after is None:
            continue
        hidden = frozenset(getattr(type(c.obj), "__history_hidden__", ()))
        fields = {}
        for key, (old, new) in c.fields.items():
            if key in hidden:  # the change log travels encrypted: it carries the value, the audit does not
                old, new = None, json_value(getattr(c.obj, key))
            if key in LOCAL_COLUMNS.get(c.entity, ()):
                continue
            fields[key] = [old, new]
        if c.op == "insert":  # the whole row, including defaults the history leaves out
            for attr in type(c.obj).__mapper__.column_attrs:
                key = attr.key
                if key in BOOKKEEPING_SENT or key in LOCAL_COLUMNS.get(c.entity, ()) or key in fields:
                    continue
                fields[key] = [None, json_value(getattr(c.obj, key))]
        if not fields and c.op != "insert":
            continue
        rows.append({"entity": c.entity, "row_id": c.row_id, "op": c.op, "scope": scope_of(session, c.obj, pending),
                     "fields": fields, "vector_before": c.vector_before, "vector_after": c.vector_after,
                     "author": author, "at": now})
    if rows:
        session.connection().execute(insert(table_of(ChangeLog)), rows)


def epoch_key(office: str, epoch: int) -> str:
    """This office's key in version vectors: the code, and after a restore from a backup (epoch 2, 3 …)
    ``code~epoch``, so that edits made after the restore never reuse a counter the lost edits had used (they
    are concurrent with those, hence conflicts, never silently "older")."""
    return office if epoch <= 1 else f"{office}~{epoch}"


def _epoch_vectors(session: Session, changes: list[RowChange]) -> None:
    if "sync_epoch" not in session.info:
        table = table_of(SyncState)
        value = session.connection().execute(select(table.c.value).where(table.c.key == "epoch")).scalar()
        session.info["sync_epoch"] = int(value) if value else 1
    epoch = session.info["sync_epoch"]
    office = session.info.get("office_code") or "local"
    if epoch <= 1:
        return
    key = epoch_key(office, epoch)
    for c in changes:
        obj = c.obj
        if obj is None or not isinstance(obj, SyncedMixin) or c.vector_after is None:
            continue
        vector = dict(obj.version_vector or {})
        if vector.get(office, 0) <= (c.vector_before or {}).get(office, 0) and c.op != "insert":
            continue  # not bumped by this flush
        vector[office] = vector.get(office, 0) - 1  # move bump_versions' increment to the epoch's key
        if vector[office] <= 0:
            del vector[office]
        vector[key] = vector.get(key, 0) + 1
        obj.version_vector = vector
        c.vector_after = dict(vector)


#: Columns derived locally from others (sort number, pinyin), never sent.
LOCAL_COLUMNS: dict[str, frozenset[str]] = {
    "organization": frozenset({"seq", "name_pinyin", "name_initials", "name_rank",
                               # the supervision summary, derived from the synced records at each office
                               "inspection_year", "inspection_conclusion", "rating_grade", "rating_valid_to",
                               "credit_list"}),
}
#: Bookkeeping columns not carried as fields (the vectors travel beside them).
BOOKKEEPING_SENT = frozenset({"version", "version_vector", "created_at", "updated_at"})
