"""What the Sync window and ``sync status`` show: per trusted office, what was sent, acknowledged, received,
parked and missed; open conflicts and quarantined packages."""

from __future__ import annotations

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


def status(db: Database) -> dict[str, Any]:
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
            offices.append({
                "code": peer.office_code, "name": peer.name, "level": peer.level, "fingerprint": peer.fingerprint,
                "last_sent": {"epoch": sent.epoch, "seq": sent.seq, "at": str(sent.created_at),
                              "file": sent.file_name} if sent else None,
                "acknowledged": {"epoch": peer.acked_epoch, "seq": peer.acked_seq},
                "unacknowledged": list(unacked), "they_miss": peer.missing,
                "received": {"epoch": received["epoch"], "seq": received["seq"],
                             "at": str(last_in.applied_at) if last_in else None},
                "missing": received["missing"], "parked": received["parked"],
                "pending_changes": pending,
            })
        org = synced_entities()["organization"]
        by_origin = {code: n for code, n in session.execute(
            select(org.origin_office, func.count()).where(org.deleted_at.is_(None)).group_by(org.origin_office)
            .order_by(org.origin_office))}
        open_conflicts = session.scalar(select(func.count()).select_from(Conflict)
                                        .where(Conflict.resolved_at.is_(None)))
        quarantined = session.scalar(select(func.count()).select_from(Quarantine))
    return {"office": {"code": office.code, "name": office.name, "level": office.level}, "epoch": epoch,
            "offices": offices, "open_conflicts": open_conflicts, "quarantined": quarantined,
            "organizations_by_origin": by_origin}
