"""Packages this office sends: :func:`export` (every change the recipient has not been sent, split above
~20 MB), :func:`resend` of the exact bytes sent before, and the list of packages sent."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk import __version__
from civicdesk.errors import NotFoundError
from civicdesk.models import Division
from civicdesk.models import audit as audit_model
from civicdesk.models.base import table_of, utcnow
from civicdesk.models.history import json_value
from civicdesk.models.migrate import head_revision
from civicdesk.models.sync import (
    ChangeLog,
    Outbox,
    SyncPeer,
    synced_entities,
)
from civicdesk.services.admin.auth import UserInfo, require
from civicdesk.services.core.database import Database
from civicdesk.services.sync import keys as keyring
from civicdesk.services.sync import package as pkg
from civicdesk.services.sync import trust
from civicdesk.services.sync.apply import (DERIVED, encode_change, encode_row, sent_names)
from civicdesk.services.sync.streams import current_epoch, find_peer, in_ranges, received_from


#: split exports above this many bytes (mail limits), into consecutive sequence numbers
SPLIT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Exported:
    recipient: str
    epoch: int
    seq: int
    file_name: str
    data: bytes
    sha256: str
    full: bool
    counts: dict[str, int]
    changes: int


def peer_is_city(peer: SyncPeer, office: Any) -> bool:
    """Whether ``peer`` is this office's city: by its code, not by the level its card claims."""
    return trust.is_city(peer.office_code, peer.level, office.code, office.level)


def _scope_filters(entity: str, table: Any, recipient: SyncPeer, recipient_is_city: bool) -> list[Any]:
    """Rows of ``entity`` that concern ``recipient``: everything for the city, one county for a district
    (trust.receivable then keeps what it has a right to see)."""
    if recipient_is_city:
        return []
    tables = {name: table_of(cls) for name, cls in synced_entities().items()}
    org = tables["organization"]
    orgs = select(org.c.id).where(org.c.division_code == recipient.office_code)
    if entity == "organization":
        return [table.c.division_code == recipient.office_code]
    if "organization_id" in table.c:
        return [table.c.organization_id.in_(orgs)]
    if "filing_id" in table.c:
        filing = tables["filing"]
        return [table.c.filing_id.in_(select(filing.c.id).where(filing.c.organization_id.in_(orgs)))]
    return [table.c.origin_office == recipient.office_code]


def _snapshot(session: Session, recipient: SyncPeer, recipient_is_city: bool,
              stored: dict[str, dict[str, dict[str, Any]]] | None = None) -> list[dict[str, Any]]:
    """Every row that concerns ``recipient``, as upserts; each row read is also put in ``stored`` (entity -> id
    -> values), for trust.receivable, which would otherwise read them all again."""
    out = []
    for entity, cls in synced_entities().items():
        table = table_of(cls)
        query = select(table).where(*_scope_filters(entity, table, recipient, recipient_is_city)).order_by(table.c.id)
        names = sent_names(entity)
        result = session.execute(query)
        keys = list(result.keys())
        held = stored.setdefault(entity, {}) if stored is not None else None
        for row in result:
            values = dict(zip(keys, row, strict=True))  # by column name (Row._mapping cost more per row)
            if held is not None:
                held[values["id"]] = values
            out.append({"log": None, "entity": entity, "id": values["id"], "op": "upsert",
                        "fields": encode_row(entity, values, names), "before": None,
                        "after": values["version_vector"], "author": None, "derived": _derived_of(entity, values)})
    return out


def _derived_of(entity: str, values: dict[str, Any]) -> dict[str, Any] | None:
    """The derived values (pinyin) of a whole row as stored, sent so that the recipient need not compute them."""
    names = DERIVED.get(entity)
    if not names or any(values.get(n) is None for n in names):
        return None
    return {n: values[n] for n in names}


def _attach_derived(session: Session, changes: list[dict[str, Any]]) -> None:
    """Logged inserts of organizations: the row's pinyin as stored, when its name is still the one inserted."""
    wanted = {c["id"]: c for c in changes if c["entity"] == "organization" and c["op"] in ("insert", "upsert")
              and "name" in c["fields"]}
    table = table_of(synced_entities()["organization"])
    ids = sorted(wanted)
    for start in range(0, len(ids), 900):
        for row in session.execute(select(table.c.id, table.c.name, table.c.name_pinyin, table.c.name_initials)
                                   .where(table.c.id.in_(ids[start:start + 900]))):
            change = wanted[row.id]
            if change["fields"]["name"][1] == row.name:
                change["derived"] = _derived_of("organization", dict(row._mapping))


def _local_office(session: Session) -> Any:
    from civicdesk.models.reference import Office

    return session.scalars(select(Office).where(Office.is_local.is_(True))).one()


def logged_changes(session: Session, recipient: SyncPeer,
                   recipient_is_city: bool | None = None) -> list[dict[str, Any]]:
    """The logged changes ``recipient`` has not been sent (its county's only, unless it is the city)."""
    if recipient_is_city is None:
        recipient_is_city = peer_is_city(recipient, _local_office(session))
    t = table_of(ChangeLog)
    query = select(t).where(t.c.id > recipient.sent_change_id).order_by(t.c.id)
    if not recipient_is_city:
        query = query.where(t.c.scope == recipient.office_code)
    changes = [{"log": r.id, "entity": r.entity, "id": r.row_id, "op": r.op, "fields": r.fields,
                "before": r.vector_before, "after": r.vector_after, "author": r.author, "derived": None}
               for r in session.execute(query)]
    _attach_derived(session, changes)
    return changes


def _divisions(session: Session, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The locally made divisions (invented communities …) the sent organizations point to."""
    codes = set()
    for c in changes:
        if c["entity"] == "organization":
            for key in ("division_code", "township_code", "community_code"):
                if key in c["fields"] and c["fields"][key][1]:
                    codes.add(c["fields"][key][1])
    if not codes:
        return []
    t = table_of(Division)
    rows: list[Any] = []
    listed = sorted(codes)
    for start in range(0, len(listed), 900):
        rows += session.execute(select(t).where(t.c.code.in_(listed[start:start + 900]),
                                                (t.c.invented.is_(True)) | (t.c.code_official.is_(False)))).all()
    return [{k: json_value(v) for k, v in r._mapping.items()} for r in sorted(rows, key=lambda r: r.code)]


def _chunks(changes: list[dict[str, Any]],
            build: Callable[[list[dict[str, Any]]], bytes]) -> list[tuple[list[dict[str, Any]], bytes]]:
    data = build(changes)
    if len(data) <= SPLIT_BYTES or len(changes) <= 1:
        return [(changes, data)]
    half = len(changes) // 2
    return _chunks(changes[:half], build) + _chunks(changes[half:], build)


def export(db: Database, to: str, passphrase: str, *, full: bool = False,
           by: UserInfo | None = None) -> list[Exported]:
    """One package (several above ~20 MB) to office ``to`` with every change it has not been sent, and the
    acknowledgement of what this office applied from it.  The first package to an office is a full one.
    ``by`` needs the ``sync`` right."""
    actor = require(db, by, "sync")
    office = db.office()
    results: list[Exported] = []
    with db.unit(actor=actor) as session:
        peer = find_peer(session, to)
        signer_id, signer = keyring.signing_key(session, passphrase)
        epoch = current_epoch(session)
        last = session.scalars(select(Outbox).where(Outbox.recipient == to, Outbox.epoch == epoch)
                               .order_by(Outbox.seq.desc())).first()
        ever = session.scalar(select(func.count()).select_from(Outbox).where(Outbox.recipient == to))
        full = full or not ever
        top = session.scalar(select(func.max(ChangeLog.id))) or 0
        to_city = peer_is_city(peer, office)
        stored: dict[str, dict[str, dict[str, Any]]] | None = {} if full else None
        changes = _snapshot(session, peer, to_city, stored) if full else logged_changes(session, peer, to_city)
        # what the recipient has a right to see, and nothing else (it checks again when it imports)
        considered = [c["log"] for c in changes if c["log"] is not None]
        changes, withheld = trust.receivable(session, office.code, office.level == "city", to, to_city, changes,
                                             stored=stored)
        acks = received_from(session, to)
        entry = audit_model.AuditEntry
        audit_head = session.scalar(select(entry.hash).order_by(entry.seq.desc()).limit(1))
        seq, previous = (last.seq, last.sha256) if last else (0, None)

        def build(part: list[dict[str, Any]], seq_: int, prev: str | None, package_id: str) -> bytes:
            logs = [c["log"] for c in part if c["log"] is not None]
            manifest = {
                "format": pkg.FORMAT, "format_version": list(pkg.FORMAT_VERSION), "kind": "data" if part else "ack",
                "package_id": package_id, "created_at": utcnow().isoformat(timespec="seconds"),
                "sender": {"office": office.code, "key_id": signer_id},
                "recipient": {"office": to, "key_id": peer.encrypt_key_id},
                "stream": {"epoch": epoch, "seq": seq_, "previous_sha256": prev},
                "changes": {"from": min(logs) if logs else None, "to": max(logs) if logs else None, "full": full,
                            "count": len(part)},
                "acks": {"epoch": acks["epoch"], "seq": acks["seq"], "missing": acks["missing"]},
                "schema": head_revision(), "app": __version__, "audit_head": audit_head,
                "algorithms": {"signature": pkg.SUITE_NAMES["signature"], "hash": pkg.SUITE_NAMES["hash"]},
            }
            return pkg.build(manifest=manifest, payload={"changes": [encode_change(c) for c in part],
                                                         "divisions": _divisions(session, part)},
                             signer=signer, signer_key_id=signer_id, recipient_public=peer.encrypt_public)

        parts = _chunks(changes, lambda part: build(part, seq + 1, previous, str(uuid.uuid4())))
        for i, (part, data) in enumerate(parts):
            seq += 1
            if i:  # a later part names the previous part's hash: build it again with its own numbers
                data = build(part, seq, previous, str(uuid.uuid4()))
            digest = pkg.sha256(data)
            m = json.loads(pkg.read_members(data)[0])
            name = pkg.file_name(office.code, epoch, seq, to)
            logs = [c["log"] for c in part if c["log"] is not None]
            session.add(Outbox(recipient=to, epoch=epoch, seq=seq, package_id=m["package_id"], kind=m["kind"],
                               file_name=name, sha256=digest, size=len(data), data=data,
                               change_from=min(logs) if logs else None, change_to=max(logs) if logs else None,
                               counts=m["payload"]["counts"], created_by=actor))
            results.append(Exported(to, epoch, seq, name, data, digest, full, m["payload"]["counts"], len(part)))
            previous = digest
        peer.sent_change_id = max(peer.sent_change_id, top) if full else max([peer.sent_change_id] + considered)
        audit_model.record(session, "sync.export", "sync_peer", to, actor=actor,
                           packages=[[r.epoch, r.seq, r.sha256] for r in results], full=full,
                           changes=sum(r.changes for r in results), withheld=len(withheld),
                           withheld_rows=[[c["entity"], c["id"]] for c in withheld[:20]])
    return results


def resend(db: Database, to: str, seq: int, epoch: int | None = None, *, by: UserInfo | None = None) -> Exported:
    """The exact bytes of a package sent before (identical file, identical hash); ``by`` needs ``sync``."""
    require(db, by, "sync")
    with db.read() as session:
        epoch = epoch or current_epoch(session)
        if not (0 < seq < 2**53 and 0 < epoch < 2**53):  # typed at the command line: no such package
            raise NotFoundError("sync.no_package", code=to, epoch=epoch, seq=seq)
        row = session.scalars(select(Outbox).where(Outbox.recipient == to, Outbox.epoch == epoch,
                                                   Outbox.seq == seq)).first()
        if row is None:
            raise NotFoundError("sync.no_package", code=to, epoch=epoch, seq=seq)
        return Exported(to, row.epoch, row.seq, row.file_name, row.data, row.sha256, False, row.counts,
                        sum(row.counts.values()))


def unacknowledged(db: Database, to: str, *, by: UserInfo | None = None) -> list[Exported]:
    """Every package sent to ``to`` that it has not acknowledged (to resend); ``by`` needs ``sync``."""
    require(db, by, "sync")
    with db.read() as session:
        peer = find_peer(session, to)
        rows = session.scalars(select(Outbox).where(Outbox.recipient == to).order_by(Outbox.epoch, Outbox.seq)).all()
        return [Exported(to, r.epoch, r.seq, r.file_name, r.data, r.sha256, False, r.counts, sum(r.counts.values()))
                for r in rows if (r.epoch, r.seq) > (peer.acked_epoch, peer.acked_seq)
                or (r.epoch == peer.acked_epoch and in_ranges(r.seq, peer.missing))]


@dataclass(frozen=True)
class SentPackage:
    """A package sent, without its bytes (:func:`resend` gives them): for the Sync window's list.
    ``created_at`` is local time, as text."""

    recipient: str
    epoch: int
    seq: int
    file_name: str
    kind: str
    size: int
    sha256: str
    created_at: str
    acknowledged: bool


def sent_packages(db: Database, to: str) -> list[SentPackage]:
    """Every package sent to ``to``, newest first, and whether it acknowledged it."""
    with db.read() as session:
        peer = find_peer(session, to)
        t = table_of(Outbox)
        rows = session.execute(select(t.c.epoch, t.c.seq, t.c.file_name, t.c.kind, t.c.size, t.c.sha256,
                                      t.c.created_at).where(t.c.recipient == to)
                               .order_by(t.c.epoch.desc(), t.c.seq.desc())).all()
        return [SentPackage(to, r.epoch, r.seq, r.file_name, r.kind, r.size, r.sha256,
                            _local_time(r.created_at), (r.epoch, r.seq) <= (peer.acked_epoch, peer.acked_seq)
                            and not (r.epoch == peer.acked_epoch and in_ranges(r.seq, peer.missing))) for r in rows]


def _local_time(at: Any) -> str:
    """A stored UTC time as this computer's local time, to the second."""
    from datetime import timezone

    return at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else ""
