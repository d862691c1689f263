"""Packages this office receives: :func:`import_files` opens, checks and applies them in order, parks one that
comes before the ones it follows and applies it when they have come, and refuses the rest with a reason."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from civicdesk.errors import CivicDeskError
from civicdesk.models import audit as audit_model
from civicdesk.models.base import table_of, utcnow
from civicdesk.models.migrate import known_revisions
from civicdesk.models.sync import (
    Inbox,
    Parked,
    Quarantine,
    SyncPeer,
    synced_entities,
)
from civicdesk.services.admin.auth import UserInfo, require
from civicdesk.services.core import bulk
from civicdesk.services.core.database import Database
from civicdesk.services.sync import keys as keyring
from civicdesk.services.sync import package as pkg
from civicdesk.services.sync import trust
from civicdesk.services.sync.apply import Policy, apply_changes, decode_payload, waits_for_earlier_epoch


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
                # acknowledgement then names the earlier stream (see streams.received_from), so the sender resends it
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


#: changes from which a package is applied with the bulk page cache (:func:`.bulk.bulk_cache`)
IMPORT_CACHE_MIN = 2001


def _policy(session: Session, ctx: _Context, origin: str) -> Policy:
    """Who is the city here: judged by the code, never by the level a card claims (trust.is_city)."""
    peer = session.get(SyncPeer, origin)
    local = ctx.office
    return Policy(local=local.code,
                  local_is_city=local.level == "city" and local.code == trust.city_code(local.code, local.level),
                  sender_is_city=(peer is not None
                                  and trust.is_city(peer.office_code, peer.level, local.code, local.level)))


def _masked_pairs(fields: dict[str, list[Any]], masked: frozenset[str]) -> dict[str, Any]:
    """Fields (name -> [old, new]) as the audit trail keeps a local edit's: ID numbers masked (``masked``: the
    entity's masked columns).  The fields themselves when none is masked (no copy a row)."""
    if masked.isdisjoint(fields):
        return fields
    return {k: ((audit_model._masked(old), audit_model._masked(new)) if k in masked else (old, new))
            for k, (old, new) in fields.items()}


def _masked_columns(entity: str) -> frozenset[str]:
    return frozenset(getattr(synced_entities()[entity], "__audit_masked__", ()))


def _apply(session: Session, item: _Ready, actor: str | None, result: ImportResult, ctx: _Context) -> None:
    origin, epoch, seq = item.key
    m = item.opened.manifest
    now = utcnow()
    policy = _policy(session, ctx, origin)
    # every row the package wrote, as a local edit is audited; the package itself is kept in the inbox row
    # details {"fields": {name: {"old", "new"}}, origin, epoch, seq, sha256}, written as canonical JSON field by
    # field (audit.fields_details: the encoder's very text, without a dict a field); made by apply_changes as soon
    # as it knows them (a large package's on PostgreSQL while its rows go in)
    extra = {"origin": origin, "epoch": epoch, "seq": seq, "sha256": item.opened.sha256}

    def describe(written: list[dict[str, Any]], counts: dict[str, int]) -> list[dict[str, Any]]:
        masked = {entity: _masked_columns(entity) for entity in {w["entity"] for w in written}}
        applied = {"action": "sync.import", "entity": "sync_peer", "entity_id": origin, "actor": actor,
                   "details": {"epoch": epoch, "seq": seq, "sha256": item.opened.sha256, "counts": dict(counts),
                               "audit_head": m["audit_head"]}}
        return [applied, *({"action": f"sync.{w['op']}", "entity": w["entity"], "entity_id": w["id"], "actor": actor,
                            "details_json": audit_model.fields_details(_masked_pairs(w["fields"],
                                                                                     masked[w["entity"]]), extra)}
                           for w in written)]

    policy.describe = describe
    # a large package's rows and index entries stay in memory until the commit (random UUID keys touch every page)
    with bulk.bulk_cache(session, len(item.changes), least=IMPORT_CACHE_MIN):
        counts = apply_changes(session, origin, item.changes, item.divisions, now, policy=policy)
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
    if not policy.audited:  # the package's entry, then each row's (else written already with the rows)
        audit_model.append(session, policy.entries)
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
