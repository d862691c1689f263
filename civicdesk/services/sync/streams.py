"""The numbered streams of sync packages: this office's epoch, the offices it trusts as peers, and what it
has received from each (the acknowledgement its next package carries)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.errors import InputError
from civicdesk.models.sync import (
    Inbox,
    Parked,
    SyncPeer,
    SyncState,
)
from civicdesk.services.admin.auth import UserInfo, require
from civicdesk.services.core.database import Database


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


def find_peer(session: Session, code: str) -> SyncPeer:
    peer = session.get(SyncPeer, code)
    if peer is None:
        raise InputError("sync.unknown_office", code=code)
    return peer


def in_ranges(n: int, ranges: Iterable[list[int]]) -> bool:
    """Whether ``n`` lies in one of the [first, last] ranges (an office's "missing" list, from its package)."""
    return any(a <= n <= b for a, b in ranges)


def received_from(session: Session, origin: str) -> dict[str, Any]:
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
