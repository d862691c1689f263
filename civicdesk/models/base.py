"""Declarative base, naming convention, and the bookkeeping every synced row carries."""

from __future__ import annotations

import os
import uuid
from datetime import datetime
from typing import cast

from sqlalchemy import JSON, DateTime, Integer, MetaData, String, Table, Text, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from civicdesk import clock

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(cls: type) -> Table:
    """The Core table of a mapped class.

    SQLAlchemy types ``__table__`` as a FromClause (which has no ``insert``/``delete``) and a bare ``type``
    has none at all; every class mapped here is declarative over one Table, which this says to the checker."""
    return cast(Table, inspect(cls).local_table)


def new_id() -> str:
    """A new random UUID as text: made offline, unique across offices."""
    return str(uuid.uuid4())


def new_ids(count: int) -> list[str]:
    """``count`` new ids as :func:`new_id` makes them (random UUIDs, version 4, as text), made in one go: about
    a third of the time of ``count`` calls, for the tens of thousands of rows a bulk writer makes.  The version
    and variant bits are set in the random bytes of all of them at once (byte 6: version 4 in its high
    nibble; byte 8: the RFC 4122 variant in its two high bits, as ``uuid.uuid4`` sets them), the text cut from
    one hexadecimal string."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes(b & 0x0F | 0x40 for b in raw[6::16])
    raw[8::16] = bytes(b & 0x3F | 0x80 for b in raw[8::16])
    h = raw.hex()
    return [f"{h[i:i + 8]}-{h[i + 8:i + 12]}-{h[i + 12:i + 16]}-{h[i + 16:i + 20]}-{h[i + 20:i + 32]}"
            for i in range(0, 32 * count, 32)]


def utcnow() -> datetime:
    """Now, naive UTC, from the program's one clock (:mod:`civicdesk.models.clock`)."""
    return clock.utcnow()


class SyncedMixin:
    """Columns of a row that travels between offices (see docs/SYNC.md).

    ``version`` counts the changes made to the row in this database and is the optimistic-lock column;
    ``version_vector`` ({office_code: counter}) orders edits made at different offices; a deletion is a
    tombstone (``deleted_at``), never a DELETE, so that it can travel.
    """

    __tracked__ = True  # every change is seen by civicdesk.models.history (audit trail, sync change log)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    origin_office: Mapped[str] = mapped_column(String(12))
    version: Mapped[int] = mapped_column(Integer, default=1)
    version_vector: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    deleted_by: Mapped[str | None] = mapped_column(String(64), default=None)
    deleted_reason: Mapped[str | None] = mapped_column(Text, default=None)


def bump_versions(session, flush_context, instances) -> None:  # SQLAlchemy event signature
    """Before every flush: a changed synced row gets ``version + 1`` and its office's vector counter + 1.

    Registered on every session made by :func:`civicdesk.models.engine.make_session_factory`, so no service
    can change a synced row without its version moving.  The office code comes from ``session.info``.
    """
    office = session.info.get("office_code") or "local"
    for obj in session.dirty:
        if isinstance(obj, SyncedMixin) and session.is_modified(obj, include_collections=False):
            obj.version = (obj.version or 0) + 1
            vector = dict(obj.version_vector or {})
            vector[office] = vector.get(office, 0) + 1
            obj.version_vector = vector
    for obj in session.new:
        if isinstance(obj, SyncedMixin):
            if not obj.origin_office:
                obj.origin_office = office
            if not obj.version_vector:
                obj.version_vector = {obj.origin_office: 1}
            if not obj.version:
                obj.version = 1
