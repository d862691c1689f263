"""Sync by file, as units of work: export, resend, import, status, conflicts and their resolution.

Every function takes the :class:`Database` and returns plain dataclasses.  Each one that writes, exports or
reveals takes the acting user as ``by`` and checks the right itself (:func:`civicdesk.services.admin.auth.require`,
which also names the audit trail's actor).
"""

from __future__ import annotations

import gc
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from civicdesk import __version__
from civicdesk.errors import CivicDeskError, InputError, NotFoundError
from civicdesk.models import Division
from civicdesk.models import audit as audit_model
from civicdesk.models.base import table_of, utcnow
from civicdesk.models.history import json_value
from civicdesk.models.migrate import head_revision, known_revisions
from civicdesk.models.sync import (
    ChangeLog,
    Conflict,
    Inbox,
    Outbox,
    Parked,
    Quarantine,
    SyncPeer,
    SyncState,
    synced_entities,
)
from civicdesk.services.admin.auth import UserInfo, require
from civicdesk.services.core.database import Database
from civicdesk.services.sync import keys as keyring
from civicdesk.services.sync import package as pkg
from civicdesk.services.sync import trust
from civicdesk.services.sync.apply import (DERIVED, Policy, apply_changes, compare, decode_payload, decode_value,
                                          encode_change, encode_row, waits_for_earlier_epoch)
from civicdesk.services.core.validation import mask_id_number, mask_phone

#: split exports above this many bytes (mail limits), into consecutive sequence numbers
SPLIT_BYTES = 20 * 1024 * 1024


# -- small helpers -----------------------------------------------------------------------------------------------
def current_epoch(session: Session) -> int:
    row = session.get(SyncState, "epoch")
    return int(row.value) if row else 1


def new_epoch(db: Database, *, by: UserInfo | None = None) -> int:
    """Raise the epoch: after restoring this database from a backup, so that no sequence number is reused."""
    actor = require(db, by, "sync")
    with db.unit(actor=actor) as session:
        row = session.get(SyncState, "epoch")
        value = (int(row.value) if row else 1) + 1
        if row is None:
            session.add(SyncState(key="epoch", value=str(value)))
        else:
            row.value = str(value)
    return value


def _peer(session: Session, code: str) -> SyncPeer:
    peer = session.get(SyncPeer, code)
    if peer is None:
        raise InputError("sync.unknown_office", code=code)
    return peer


def _in_ranges(n: int, ranges: Iterable[list[int]]) -> bool:
    """Whether ``n`` lies in one of the [first, last] ranges (an office's "missing" list, from its package)."""
    return any(a <= n <= b for a, b in ranges)


def _received(session: Session, origin: str) -> dict[str, Any]:
    """What this office applied from ``origin``: latest epoch, the contiguous seq, missing ranges, parked.

    While a package waits for a change of the sender's earlier epoch (it is parked though the one before it
    in its stream was applied), the earliest epoch is reported instead: the sender then resends what it
    holds of its earlier streams (and the later ones, which are then already imported).

    Sequence numbers come from outside (a parked package may say 9,000,000,000,000,000): the gaps are made
    as ranges from the numbers held, never by counting through them."""
    applied_keys = {(e, s) for e, s in session.execute(select(Inbox.epoch, Inbox.seq).where(Inbox.origin == origin))}
    parked_keys = {(e, s) for e, s in session.execute(select(Parked.epoch, Parked.seq).where(Parked.origin == origin))}
    epochs = {e for e, _ in applied_keys | parked_keys}
    if not epochs:
        return {"epoch": 0, "seq": 0, "missing": [], "parked": []}
    waiting = any(s == 1 or (e, s - 1) in applied_keys for e, s in parked_keys)
    epoch = min(epochs) if waiting else max(epochs)
    applied = {s for e, s in applied_keys if e == epoch}
    parked = {s for e, s in parked_keys if e == epoch}
    contiguous = 0
    while contiguous + 1 in applied:
        contiguous += 1
    return {"epoch": epoch, "seq": contiguous, "missing": _gaps(contiguous, applied | parked),
            "parked": sorted(parked)}


def _gaps(contiguous: int, held: set[int]) -> list[list[int]]:
    """The ranges of numbers after ``contiguous`` and below the highest held that are not held."""
    out: list[list[int]] = []
    previous = contiguous
    for n in sorted(x for x in held if x > contiguous):
        if n > previous + 1:
            out.append([previous + 1, n - 1])
        previous = n
    return out


# -- export ------------------------------------------------------------------------------------------------------------
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


def _peer_is_city(peer: SyncPeer, office: Any) -> bool:
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


def _snapshot(session: Session, recipient: SyncPeer, recipient_is_city: bool) -> list[dict[str, Any]]:
    out = []
    for entity, cls in synced_entities().items():
        table = table_of(cls)
        query = select(table).where(*_scope_filters(entity, table, recipient, recipient_is_city)).order_by(table.c.id)
        for row in session.execute(query):
            values = dict(row._mapping)
            out.append({"log": None, "entity": entity, "id": values["id"], "op": "upsert",
                        "fields": encode_row(entity, values), "before": None, "after": values["version_vector"],
                        "author": None, "derived": _derived_of(entity, values)})
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


def _logged(session: Session, recipient: SyncPeer, recipient_is_city: bool | None = None) -> list[dict[str, Any]]:
    if recipient_is_city is None:
        recipient_is_city = _peer_is_city(recipient, _local_office(session))
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
        peer = _peer(session, to)
        signer_id, signer = keyring.signing_key(session, passphrase)
        epoch = current_epoch(session)
        last = session.scalars(select(Outbox).where(Outbox.recipient == to, Outbox.epoch == epoch)
                               .order_by(Outbox.seq.desc())).first()
        ever = session.scalar(select(func.count()).select_from(Outbox).where(Outbox.recipient == to))
        full = full or not ever
        top = session.scalar(select(func.max(ChangeLog.id))) or 0
        to_city = _peer_is_city(peer, office)
        changes = _snapshot(session, peer, to_city) if full else _logged(session, peer, to_city)
        # what the recipient has a right to see, and nothing else (it checks again when it imports)
        considered = [c["log"] for c in changes if c["log"] is not None]
        changes, withheld = trust.receivable(session, office.code, office.level == "city", to, to_city, changes)
        acks = _received(session, to)
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
        peer = _peer(session, to)
        rows = session.scalars(select(Outbox).where(Outbox.recipient == to).order_by(Outbox.epoch, Outbox.seq)).all()
        return [Exported(to, r.epoch, r.seq, r.file_name, r.data, r.sha256, False, r.counts, sum(r.counts.values()))
                for r in rows if (r.epoch, r.seq) > (peer.acked_epoch, peer.acked_seq)
                or (r.epoch == peer.acked_epoch and _in_ranges(r.seq, peer.missing))]


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
        peer = _peer(session, to)
        t = table_of(Outbox)
        rows = session.execute(select(t.c.epoch, t.c.seq, t.c.file_name, t.c.kind, t.c.size, t.c.sha256,
                                      t.c.created_at).where(t.c.recipient == to)
                               .order_by(t.c.epoch.desc(), t.c.seq.desc())).all()
        return [SentPackage(to, r.epoch, r.seq, r.file_name, r.kind, r.size, r.sha256,
                            _local_time(r.created_at), (r.epoch, r.seq) <= (peer.acked_epoch, peer.acked_seq)
                            and not (r.epoch == peer.acked_epoch and _in_ranges(r.seq, peer.missing))) for r in rows]


def _local_time(at: Any) -> str:
    """A stored UTC time as this computer's local time, to the second."""
    from datetime import timezone

    return at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else ""


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


# -- import ------------------------------------------------------------------------------------------------------------
@dataclass
class ImportResult:
    name: str
    status: str  # applied | already_imported | parked | refused
    reason: str | None = None  # message code of a refusal
    message: str | None = None  # English
    message_zh: str | None = None
    origin: str | None = None
    epoch: int | None = None
    seq: int | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class _Ready:
    name: str
    opened: pkg.Opened
    changes: list[dict[str, Any]]
    divisions: list[dict[str, Any]]

    @property
    def key(self) -> tuple[str, int, int]:
        m = self.opened.manifest
        return m["sender"]["office"], m["stream"]["epoch"], m["stream"]["seq"]


class _Context:
    """What opening a package needs from the database, read once per import."""

    def __init__(self, db: Database, passphrase: str) -> None:
        self.office = db.office()
        with db.read() as session:
            self.signers = {p.sign_key_id: (p.office_code, p.sign_public) for p in session.scalars(select(SyncPeer))}
            self.key_ids = keyring.encryption_key_ids(session)
        self.passphrase = passphrase
        self._private: dict[str, Any] | None = None

    def private(self, db: Database) -> dict[str, Any]:
        if self._private is None:
            with db.read() as session:
                self._private = keyring.decryption_keys(session, self.passphrase)
        return self._private


def _park(session: Session, item: _Ready, result: ImportResult) -> ImportResult:
    """Keep a package that cannot apply yet (once), to be applied when what it waits for has come."""
    origin, epoch, seq = item.key
    have = session.scalars(select(Parked).where(Parked.origin == origin, Parked.epoch == epoch,
                                                Parked.seq == seq)).first()
    if have is None:
        session.add(Parked(origin=origin, epoch=epoch, seq=seq, sha256=item.opened.sha256, data=item.opened.data))
    result.status = "parked"
    return result


def open_file(db: Database, ctx: _Context, name: str, data: bytes) -> _Ready:
    """Steps 1-3: structure, signature, manifest, payload hash, decryption, strict decoding.  No writes."""
    opened = pkg.open_package(data, lookup_signer=ctx.signers.get, local_office=ctx.office.code,
                              local_key_ids=ctx.key_ids, known_schemas=known_revisions())
    payload = pkg.decrypt_payload(opened, ctx.private(db))
    changes, divisions = decode_payload(payload, opened.manifest["format_version"][0])
    if len(changes) != opened.manifest["changes"]["count"]:
        raise pkg.refuse("payload", detail="change count differs from the manifest")
    return _Ready(name, opened, changes, divisions)


def import_files(db: Database, paths: Iterable[str | Path], passphrase: str, *,
                 by: UserInfo | None = None) -> list[ImportResult]:
    """Import sync files in any order: each is applied, already imported, parked behind a gap, or refused.
    ``by`` needs the ``sync`` right (checked before any file is read)."""
    require(db, by, "sync")
    return import_blobs(db, [(str(p), _read(Path(p))) for p in paths], passphrase, by=by)


def _read(path: Path) -> bytes | CivicDeskError:
    """The file's bytes, or the refusal (missing, unreadable, too large: not read into memory)."""
    try:
        if not path.is_file():
            return CivicDeskError("sync.file_missing", path=str(path))
        if path.stat().st_size > pkg.MAX_FILE:
            return pkg.refuse("size", detail=f"{path.stat().st_size} bytes")
        return path.read_bytes()
    except OSError as exc:
        return CivicDeskError("sync.file_missing", path=f"{path} ({exc.strerror})")


def import_blobs(db: Database, blobs: list[tuple[str, bytes | CivicDeskError]], passphrase: str, *,
                 by: UserInfo | None = None) -> list[ImportResult]:
    """Import packages given as bytes (or the refusal reading them met); ``by`` needs the ``sync`` right."""
    actor = require(db, by, "sync")
    # A package of 100,000 changes makes millions of objects that live until its commit: the cyclic
    # garbage collector would walk all of them again and again (the decode and apply grew faster than the
    # package).  Nothing made here needs it; it runs again when the import ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _import_blobs(db, blobs, passphrase, actor=actor)
    finally:
        if collecting:
            gc.enable()


def _import_blobs(db: Database, blobs: list[tuple[str, bytes | CivicDeskError]], passphrase: str, *,
                  actor: str | None = None) -> list[ImportResult]:
    ctx = _Context(db, passphrase)
    results: dict[int, ImportResult] = {}
    ready: list[tuple[int, _Ready]] = []
    for i, (name, data) in enumerate(blobs):
        if isinstance(data, CivicDeskError):
            results[i] = _refused(name, data)
            continue
        try:
            ready.append((i, open_file(db, ctx, name, data)))
        except CivicDeskError as exc:
            if exc.code in ("sync.passphrase_wrong", "sync.no_keys"):
                raise
            results[i] = _refused(name, exc)
    ready.sort(key=lambda item: item[1].key)
    for i, item in ready:
        results[i] = _process(db, ctx, item, actor)
        if results[i].status == "applied":
            _drain_parked(db, ctx, item.key[0], actor)
    # a parked file that a later file of this same import unblocked counts as applied
    with db.read() as session:
        for result in results.values():
            if result.status == "parked":
                done = session.scalars(select(Inbox.id).where(Inbox.origin == result.origin,
                                                              Inbox.epoch == result.epoch,
                                                              Inbox.seq == result.seq)).first()
                if done is not None:
                    result.status = "applied"
    return [results[i] for i in range(len(blobs))]


def _refused(name: str, exc: CivicDeskError, ready: _Ready | None = None) -> ImportResult:
    result = ImportResult(name, "refused", exc.code, exc.message("en"), exc.message("zh"))
    if ready is not None:
        result.origin, result.epoch, result.seq = ready.key
    return result


def _process(db: Database, ctx: _Context, item: _Ready, actor: str | None) -> ImportResult:
    origin, epoch, seq = item.key
    result = ImportResult(item.name, "", origin=origin, epoch=epoch, seq=seq)
    try:
        with db.unit() as session:
            session.info["sync_applying"] = True
            if actor:
                session.info["actor"] = actor
            done = session.scalars(select(Inbox).where(Inbox.origin == origin, Inbox.epoch == epoch,
                                                       Inbox.seq == seq)).first()
            if done is not None:
                if done.sha256 == item.opened.sha256:
                    result.status, result.counts = "already_imported", dict(done.counts)
                    return result
                session.add(Quarantine(origin=origin, epoch=epoch, seq=seq, sha256=item.opened.sha256,
                                       reason="seq_reused", data=item.opened.data))
                audit_model.record(session, "sync.quarantine", "sync_peer", origin, actor=actor, epoch=epoch, seq=seq,
                                   sha256=item.opened.sha256)
                result.status, result.reason = "refused", "sync.refused.seq_reused"
                alarm = CivicDeskError("sync.refused.seq_reused", origin=origin, seq=seq)
                result.message, result.message_zh = alarm.message("en"), alarm.message("zh")
                return result
            previous = session.scalars(select(Inbox).where(Inbox.origin == origin, Inbox.epoch == epoch,
                                                           Inbox.seq == seq - 1)).first() if seq > 1 else None
            if seq > 1 and previous is None:  # a gap: park it (once) until the missing ones come
                return _park(session, item, result)
            expected_prev = previous.sha256 if previous is not None else None
            if item.opened.manifest["stream"]["previous_sha256"] != expected_prev:
                raise pkg.refuse("previous_hash", seq=seq)
            if waits_for_earlier_epoch(session, origin, epoch, item.changes):
                # it builds on a change of the sender's earlier epoch not received yet: park it too; the
                # acknowledgement then names the earlier stream (see _received), so the sender resends it
                return _park(session, item, result)
            _apply(session, item, actor, result, ctx)
    except pkg.PackageRefused as exc:
        return _refused(item.name, exc, item)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        # the bulk insert runs on the driver's cursor (apply._insert_many): its errors come unwrapped
        return _refused(item.name, _apply_error(exc), item)
    return result


def _apply_error(exc: Exception) -> pkg.PackageRefused:
    """A database error while applying, as the package's refusal (the transaction is rolled back)."""
    text = str(getattr(exc, "orig", None) or exc)
    if "UNIQUE" in text and "uscc" in text:
        return pkg.refuse("duplicate", field="uscc", detail=text[:160])
    if "UNIQUE" in text:
        return pkg.refuse("duplicate", field=text.rsplit(":", 1)[-1].strip()[:60], detail=text[:160])
    return pkg.refuse("apply", detail=text[:160])


#: the page cache of an import's connection (KiB): a large package's rows and index entries stay in memory
#: until the commit instead of being written to the WAL and read back (random UUID keys touch every page)
IMPORT_CACHE_KIB = 256 * 1024


def _policy(session: Session, ctx: _Context, origin: str) -> Policy:
    """Who is the city here: judged by the code, never by the level a card claims (trust.is_city)."""
    peer = session.get(SyncPeer, origin)
    local = ctx.office
    return Policy(local=local.code,
                  local_is_city=local.level == "city" and local.code == trust.city_code(local.code, local.level),
                  sender_is_city=(peer is not None
                                  and trust.is_city(peer.office_code, peer.level, local.code, local.level)))


def _masked_fields(entity: str, fields: dict[str, list[Any]]) -> dict[str, dict[str, Any]]:
    """Fields as the audit trail keeps a local edit's: old and new, ID numbers masked."""
    masked = frozenset(getattr(synced_entities()[entity], "__audit_masked__", ()))
    return {k: ({"old": audit_model._masked(old), "new": audit_model._masked(new)} if k in masked
                else {"old": old, "new": new}) for k, (old, new) in fields.items()}


def _apply(session: Session, item: _Ready, actor: str | None, result: ImportResult, ctx: _Context) -> None:
    origin, epoch, seq = item.key
    m = item.opened.manifest
    now = utcnow()
    policy = _policy(session, ctx, origin)
    conn = session.connection()
    cache = None
    if conn.dialect.name == "sqlite" and len(item.changes) > 2000:
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        counts = apply_changes(session, origin, item.changes, item.divisions, now, policy=policy)
    finally:
        if cache is not None:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")
    session.add(Inbox(origin=origin, epoch=epoch, seq=seq, package_id=m["package_id"], sha256=item.opened.sha256,
                      applied_at=now, applied_by=actor, counts=counts, data=item.opened.data))
    session.execute(table_of(Parked).delete().where(Parked.origin == origin, Parked.epoch == epoch, Parked.seq == seq))
    peer = session.get(SyncPeer, origin)
    acks = m["acks"]
    latest = session.scalar(select(func.max(Inbox.epoch)).where(Inbox.origin == origin)) or 0
    if peer is not None and epoch >= latest:
        # the newest package of the sender's current stream says what it holds now, even when that is less
        # than before (it was restored from a backup): what it lost is then resent
        peer.acked_epoch, peer.acked_seq, peer.missing = acks["epoch"], acks["seq"], acks["missing"]
        peer.last_received_at = now
    session.flush()
    audit_model.record(session, "sync.import", "sync_peer", origin, actor=actor, epoch=epoch, seq=seq,
                       sha256=item.opened.sha256, counts=counts, audit_head=m["audit_head"])
    # every row the package wrote, as a local edit is audited; the package itself is kept in the inbox row
    audit_model.append(session, [
        {"action": f"sync.{w['op']}", "entity": w["entity"], "entity_id": w["id"], "actor": actor,
         "details": {"fields": _masked_fields(w["entity"], w["fields"]), "origin": origin, "epoch": epoch, "seq": seq,
                     "sha256": item.opened.sha256}}
        for w in policy.written])
    result.status, result.counts = "applied", counts


def _drain_parked(db: Database, ctx: _Context, origin: str, actor: str | None) -> None:
    """Apply parked packages of ``origin`` that are now next in line, in any of its epochs (one of a later
    epoch may have waited for one of an earlier epoch)."""
    tried: set[tuple[int, int]] = set()
    while True:
        with db.read() as session:
            applied = {(e, s) for e, s in session.execute(select(Inbox.epoch, Inbox.seq).where(Inbox.origin == origin))}
            parked = session.execute(select(Parked.epoch, Parked.seq).where(Parked.origin == origin)
                                     .order_by(Parked.epoch, Parked.seq)).all()
        ready = [(e, s) for e, s in parked if (s == 1 or (e, s - 1) in applied) and (e, s) not in tried]
        if not ready:
            return
        epoch, seq = ready[0]
        tried.add((epoch, seq))
        with db.read() as session:
            data = session.scalars(select(Parked.data).where(Parked.origin == origin, Parked.epoch == epoch,
                                                             Parked.seq == seq)).first()
        if data is None:
            continue
        try:
            item = open_file(db, ctx, f"(parked {origin} e{epoch} #{seq})", data)
        except CivicDeskError:
            continue
        if _process(db, ctx, item, actor).status == "applied":
            tried.clear()  # what waited for it may go now


# -- status ------------------------------------------------------------------------------------------------------------
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
            received = _received(session, peer.office_code)
            last_in = session.scalars(select(Inbox).where(Inbox.origin == peer.office_code)
                                      .order_by(Inbox.applied_at.desc())).first()
            pending = len(_logged(session, peer, _peer_is_city(peer, office))) if sent is not None else None
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


# -- conflicts ---------------------------------------------------------------------------------------------------------
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

