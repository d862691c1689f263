"""What the Sync window and ``sync status`` show: per trusted office, what was sent, acknowledged, received,
parked and missed; open conflicts and quarantined packages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from civicdesk.models.sync import (
    Conflict,
    Inbox,
    Outbox,
    Quarantine,
    SyncPeer,
    synced_entities,
)
from civicdesk.services.core.database import Database
from civicdesk.services.sync.outgoing import logged_changes, peer_is_city
from civicdesk.services.sync.streams import current_epoch, received_from


@dataclass(frozen=True)
class Mark:
    """A place in a stream: epoch and sequence number, with when (local bookkeeping time, as text) and the file."""

    epoch: int
    seq: int
    at: str | None = None
    file: str | None = None


@dataclass(frozen=True)
class PeerStatus:
    """One trusted office: what was sent to it and what it acknowledged, what came from it and what is missing."""

    code: str
    name: str
    level: str
    fingerprint: str
    last_sent: Mark | None
    acknowledged: Mark
    unacknowledged: tuple[int, ...]
    they_miss: tuple[tuple[int, int], ...]  # ranges it said it lacks
    received: Mark
    missing: tuple[tuple[int, int], ...]  # ranges this office lacks from it
    parked: tuple[int, ...]
    pending_changes: int | None  # changes not yet sent (None before the first package)

    def as_dict(self) -> dict[str, Any]:
        sent = self.last_sent
        return {"code": self.code, "name": self.name, "level": self.level, "fingerprint": self.fingerprint,
                "last_sent": {"epoch": sent.epoch, "seq": sent.seq, "at": sent.at, "file": sent.file} if sent else None,
                "acknowledged": {"epoch": self.acknowledged.epoch, "seq": self.acknowledged.seq},
                "unacknowledged": list(self.unacknowledged), "they_miss": [list(r) for r in self.they_miss],
                "received": {"epoch": self.received.epoch, "seq": self.received.seq, "at": self.received.at},
                "missing": [list(r) for r in self.missing], "parked": list(self.parked),
                "pending_changes": self.pending_changes}


@dataclass(frozen=True)
class SyncStatus:
    """This office's sync state: its epoch, every trusted office, open conflicts and quarantined packages."""

    office_code: str
    office_name: str
    office_level: str
    epoch: int
    offices: tuple[PeerStatus, ...]
    open_conflicts: int
    quarantined: int
    organizations_by_origin: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        """The ``sync status --json`` shape."""
        return {"office": {"code": self.office_code, "name": self.office_name, "level": self.office_level},
                "epoch": self.epoch, "offices": [o.as_dict() for o in self.offices],
                "open_conflicts": self.open_conflicts, "quarantined": self.quarantined,
                "organizations_by_origin": dict(self.organizations_by_origin)}


def _ranges(value: Any) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in (value or ()))


def status(db: Database) -> SyncStatus:
    """Per trusted office: sent, acknowledged, unacknowledged, received, parked, missing; open conflicts."""
    office = db.office()
    with db.read() as session:
        epoch = current_epoch(session)
        offices = []
        for peer in session.scalars(select(SyncPeer).order_by(SyncPeer.office_code)):
            sent = session.scalars(select(Outbox).where(Outbox.recipient == peer.office_code)
                                   .order_by(Outbox.epoch.desc(), Outbox.seq.desc())).first()
            unacked = session.scalars(select(Outbox.seq).where(
                Outbox.recipient == peer.office_code, Outbox.epoch == epoch,
                Outbox.seq > (peer.acked_seq if peer.acked_epoch == epoch else 0)).order_by(Outbox.seq)).all()
            received = received_from(session, peer.office_code)
            last_in = session.scalars(select(Inbox).where(Inbox.origin == peer.office_code)
                                      .order_by(Inbox.applied_at.desc())).first()
            pending = len(logged_changes(session, peer, peer_is_city(peer, office))) if sent is not None else None
            offices.append(PeerStatus(
                peer.office_code, peer.name, peer.level, peer.fingerprint,
                Mark(sent.epoch, sent.seq, str(sent.created_at), sent.file_name) if sent else None,
                Mark(peer.acked_epoch, peer.acked_seq), tuple(unacked), _ranges(peer.missing),
                Mark(received["epoch"], received["seq"], str(last_in.applied_at) if last_in else None),
                _ranges(received["missing"]), tuple(received["parked"]), pending))
        org = synced_entities()["organization"]
        by_origin = {code: n for code, n in session.execute(
            select(org.origin_office, func.count()).where(org.deleted_at.is_(None)).group_by(org.origin_office)
            .order_by(org.origin_office))}
        open_conflicts = session.scalar(select(func.count()).select_from(Conflict)
                                        .where(Conflict.resolved_at.is_(None))) or 0
        quarantined = session.scalar(select(func.count()).select_from(Quarantine)) or 0
    return SyncStatus(office.code, office.name, office.level, epoch, tuple(offices), open_conflicts, quarantined,
                      by_origin)
