"""The audit trail as the office reads it: entries, events outside a data change, and the chain check."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from civicdesk import messages
from civicdesk.errors import CivicDeskError
from civicdesk.models import audit as chain
from civicdesk.models.audit import AuditEntry
from civicdesk.models.base import table_of
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    actor: str
    action: str
    entity: str | None
    entity_id: str | None
    details: dict[str, Any]


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    head: str
    broken_seq: int | None = None
    reason: str | None = None

    def message(self, lang: str = "zh") -> str:
        if self.ok:
            return messages.text("audit.intact", lang, entries=self.entries, head=self.head[:16])
        return CivicDeskError("audit.broken", seq=self.broken_seq, what=self.reason or "content").message(lang)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "head": self.head, "broken_seq": self.broken_seq,
                "reason": self.reason}


def verify(db: Database) -> ChainReport:
    """Recompute the chain from the first entry; name the first entry that does not fit."""
    expected_seq = 1
    prev = chain.GENESIS
    count = 0
    with db.read() as session:
        rows = session.connection().execution_options(stream_results=True).execute(
            select(table_of(AuditEntry)).order_by(AuditEntry.seq))
        for row in rows:
            digest = chain.entry_hash(row.seq, row.at, row.actor, row.action, row.entity, row.entity_id,
                                      row.details, row.prev_hash)
            if row.seq > expected_seq:
                # a gap: entry expected_seq was deleted (or the rows were renumbered around it)
                reason = "missing" if row.prev_hash != prev or digest != row.hash else "order"
                return ChainReport(False, count, prev, expected_seq, reason)
            if row.seq < expected_seq:
                return ChainReport(False, count, prev, row.seq, "order")
            if digest != row.hash:
                return ChainReport(False, count, prev, row.seq, "content")
            if row.prev_hash != prev:
                return ChainReport(False, count, prev, row.seq, "link")
            prev = row.hash
            expected_seq += 1
            count += 1
    return ChainReport(True, count, prev)


def record_event(db: Database, action: str, *, actor: str | None, entity: str | None = None,
                 entity_id: str | None = None, **details: Any) -> None:
    """An event that changes no register data (an export, a print, a refused action) in its own unit."""
    with db.unit(actor=actor) as session:
        chain.record(session, action, entity, entity_id, actor=actor, **details)


def entries(db: Database, *, actor: str | None = None, action: str | None = None, entity_id: str | None = None,
            limit: int = 500, before_seq: int | None = None, by: auth.UserInfo | None = None) -> list[AuditRecord]:
    """The newest entries first, filtered (``actor``: whose entries); page with ``before_seq``.  The trail
    names who did what: ``by`` needs the ``audit`` right."""
    auth.require(db, by, "audit")
    with db.read() as session:
        q = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
        if actor:
            q = q.where(AuditEntry.actor == actor)
        if action:
            q = q.where(AuditEntry.action.like(f"{action}%"))
        if entity_id:
            q = q.where(AuditEntry.entity_id == entity_id)
        if before_seq is not None:
            q = q.where(AuditEntry.seq < before_seq)
        return [AuditRecord(e.seq, e.at, e.actor, e.action, e.entity, e.entity_id, json.loads(e.details))
                for e in session.scalars(q)]


def count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0
