"""This office's own keys and card, as the GUI's Sync window makes and saves them.

:func:`make_office_keys` makes the signing and encryption keys (an administrator's act: the keys speak for the
office) and :func:`write_own_card` writes the office's card to a file (anyone who may sync: the card holds only
public keys).  Both check the acting user, are audited, and call :mod:`civicdesk.services.sync.keys`, the same
functions ``civicdesk init`` and ``civicdesk office card`` use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from civicdesk.errors import InputError
from civicdesk.models import audit
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database
from civicdesk.services.sync import keys

#: the shortest passphrase accepted (the same rule as :func:`keys.ensure_keys`)
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class OwnCard:
    """This office's card as shown: code, name and the fingerprint to read out on the phone."""

    code: str
    name: str
    fingerprint: str
    path: str | None = None


def make_office_keys(db: Database, passphrase: str, *, by: auth.UserInfo | None) -> OwnCard:
    """Make this office's keys, sealed with ``passphrase``; refused when keys exist (they would be kept and the
    new passphrase silently ignored) or the user may not manage the office."""
    actor = auth.require(db, by, "office")
    if len(passphrase) < MIN_PASSPHRASE:
        raise InputError("sync.passphrase_short")
    if keys.has_keys(db):
        raise InputError("sync.keys_exist")
    made = {k.purpose: k for k in keys.ensure_keys(db, passphrase, by=by)}
    office = db.office()
    fingerprint = keys.fingerprint(office.code, made["sign"].public, made["encrypt"].public)
    with db.unit(actor=actor) as session:
        audit.record(session, "sync.keys_made", "office", office.code, actor=actor, fingerprint=fingerprint)
    return OwnCard(office.code, office.name, fingerprint)


def write_own_card(db: Database, passphrase: str, path: str | Path, *, by: auth.UserInfo | None) -> OwnCard:
    """Write this office's self-signed card to ``path`` (signed with the key ``passphrase`` unlocks)."""
    actor = auth.require(db, by, "sync")
    data = keys.make_card(db, passphrase, by=by)
    card = keys.parse_card(data)
    target = Path(path)
    try:
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        raise InputError("sync.card_write", path=str(target), reason=exc.strerror or str(exc)) from exc
    with db.unit(actor=actor) as session:
        audit.record(session, "sync.card_written", "office", card.office_code, actor=actor,
                     fingerprint=card.fingerprint)
    return OwnCard(card.office_code, card.name, card.fingerprint, str(target))
