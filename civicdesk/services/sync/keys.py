"""This office's keys, office cards, fingerprints and the offices it trusts.

Keys: Ed25519 to sign, X25519 to encrypt (HPKE), made once (:func:`ensure_keys`); the private keys are kept
encrypted with the passphrase (scrypt, then AES-256-GCM).  A card is a small self-signed JSON file with the
office's code, name, level and public keys; the fingerprint over the code and both public keys is shown as
groups of five digits, to be read over the phone.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.errors import InputError
from civicdesk.models.sync import SyncKey, SyncPeer
from civicdesk.services.admin import auth
from civicdesk.services.core.database import Database

CARD_FORMAT = "civicdesk-office-card"
CARD_VERSION = 1
ENV_PASSPHRASE = "CIVICDESK_KEY_PASSPHRASE"
#: scrypt cost of a sealed private key: about 50 ms per unlock on an office PC
PRODUCTION_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
#: the cheapest scrypt, for test runs only, selected by the same setting as the cheap password hashes
#: (``auth.TEST_HASHING_ENV``): each sealed key stores its parameters, so it opens either way
TEST_SCRYPT = {"n": 2**4, "r": 8, "p": 1}
SCRYPT = dict(TEST_SCRYPT if os.environ.get(auth.TEST_HASHING_ENV) == "1" else PRODUCTION_SCRYPT)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Strict base64: a text that is not the canonical encoding of its bytes (stray bits in the last
    character, missing padding) is refused, so that no two texts name the same bytes."""
    if not isinstance(text, str):
        raise ValueError("base64 text expected")
    data = base64.b64decode(text.encode("ascii"), validate=True)
    if base64.b64encode(data).decode("ascii") != text:
        raise ValueError("not canonical base64")
    return data


def key_id(public: bytes) -> str:
    return hashlib.sha256(public).hexdigest()[:16]


def canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def fingerprint(office_code: str, sign_public: bytes, encrypt_public: bytes) -> str:
    """Six groups of five digits over the office code and both public keys (like Signal's safety numbers)."""
    digest = hashlib.sha256(b"civicdesk-card-v1\0" + office_code.encode() + b"\0"
                            + sign_public + encrypt_public).digest()
    groups = [int.from_bytes(digest[i:i + 5], "big") % 100000 for i in range(0, 30, 5)]
    return " ".join(f"{g:05d}" for g in groups)


# -- passphrase --------------------------------------------------------------------------------------------------
def passphrase_from_env_or_prompt(*, confirm: bool = False) -> str:
    """The passphrase from ``CIVICDESK_KEY_PASSPHRASE``, or typed at a terminal; never waits without one."""
    value = os.environ.get(ENV_PASSPHRASE)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise InputError("sync.passphrase_needed")
    value = getpass.getpass("密钥口令 / key passphrase: ")
    if confirm and getpass.getpass("再输入一次 / again: ") != value:
        raise InputError("sync.passphrase_wrong")
    return value


def _kek(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=params["n"], r=params["r"], p=params["p"],
                          maxmem=64 * 1024 * 1024, dklen=32)


def _seal(private: bytes, passphrase: str) -> tuple[bytes, dict[str, Any]]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_kek(passphrase, salt, SCRYPT)).encrypt(nonce, private, b"civicdesk-key")
    return sealed, {"kdf": "scrypt", **SCRYPT, "salt": b64(salt), "cipher": "AES-256-GCM", "nonce": b64(nonce)}


#: keys unlocked in this process (the GUI unlocks once per session, not once per file): keyed by a hash of
#: the sealed key and the passphrase, so a wrong passphrase never finds an entry
_UNLOCKED: dict[str, bytes] = {}


def _unseal(sealed: bytes, kdf: dict[str, Any], passphrase: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    memo = hashlib.sha256(sealed + b"\0" + passphrase.encode("utf-8")).hexdigest()
    if memo in _UNLOCKED:
        return _UNLOCKED[memo]
    kek = _kek(passphrase, unb64(kdf["salt"]), {"n": kdf["n"], "r": kdf["r"], "p": kdf["p"]})
    try:
        secret = AESGCM(kek).decrypt(unb64(kdf["nonce"]), sealed, b"civicdesk-key")
    except InvalidTag as exc:
        raise InputError("sync.passphrase_wrong") from exc
    _UNLOCKED[memo] = secret
    return secret


# -- keys ----------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    purpose: str
    algorithm: str
    public: bytes


def has_keys(db: Database) -> bool:
    with db.read() as session:
        return _active(session, "sign") is not None and _active(session, "encrypt") is not None


def _active(session: Session, purpose: str) -> SyncKey | None:
    return session.scalars(select(SyncKey).where(SyncKey.purpose == purpose, SyncKey.active.is_(True))
                           .order_by(SyncKey.created_at.desc())).first()


def ensure_keys(db: Database, passphrase: str, *, by: auth.UserInfo | None = None) -> list[KeyInfo]:
    """Make this office's signing and encryption keys if it has none (called by ``init``); returns them.
    ``by`` needs the ``sync`` right (keys are made at the first sync export too).

    Safe to call again: existing keys are kept (and the passphrase is not checked against them)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    actor = auth.require(db, by, "sync")
    if len(passphrase) < 8:
        raise InputError("sync.passphrase_short")
    raw = serialization.Encoding.Raw
    made = []
    with db.unit(actor=actor) as session:
        for purpose, algorithm, maker in (("sign", "Ed25519", Ed25519PrivateKey),
                                          ("encrypt", "X25519", X25519PrivateKey)):
            existing = _active(session, purpose)
            if existing is None:
                private = maker.generate()
                public = private.public_key().public_bytes(raw, serialization.PublicFormat.Raw)
                secret = private.private_bytes(raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
                sealed, kdf = _seal(secret, passphrase)
                existing = SyncKey(key_id=key_id(public), purpose=purpose, algorithm=algorithm, public_key=public,
                                   private_key=sealed, kdf=kdf, active=True)
                session.add(existing)
            made.append(KeyInfo(existing.key_id, purpose, existing.algorithm, existing.public_key))
    return made


def passphrase_for(db: Database, *, by: auth.UserInfo | None = None) -> str:
    """The passphrase for a command (env or prompt, asked once); makes the keys on first use (until ``init``
    makes them) as ``by``, asking twice then."""
    if has_keys(db):
        return passphrase_from_env_or_prompt()
    passphrase = passphrase_from_env_or_prompt(confirm=True)
    ensure_keys(db, passphrase, by=by)
    return passphrase


def public_keys(session: Session) -> tuple[SyncKey, SyncKey]:
    sign, enc = _active(session, "sign"), _active(session, "encrypt")
    if sign is None or enc is None:
        raise InputError("sync.no_keys")
    return sign, enc


def signing_key(session: Session, passphrase: str) -> tuple[str, Any]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    sign, _ = public_keys(session)
    return sign.key_id, Ed25519PrivateKey.from_private_bytes(_unseal(sign.private_key, sign.kdf, passphrase))


def decryption_keys(session: Session, passphrase: str) -> dict[str, Any]:
    """key id -> X25519 private key, for every encryption key this office ever had (late packages)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    rows = session.scalars(select(SyncKey).where(SyncKey.purpose == "encrypt")).all()
    if not rows:
        raise InputError("sync.no_keys")
    return {r.key_id: X25519PrivateKey.from_private_bytes(_unseal(r.private_key, r.kdf, passphrase)) for r in rows}


def encryption_key_ids(session: Session) -> set[str]:
    return set(session.scalars(select(SyncKey.key_id).where(SyncKey.purpose == "encrypt")))


# -- cards -----------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Card:
    office_code: str
    name: str
    level: str
    sign_key_id: str
    sign_public: bytes
    encrypt_key_id: str
    encrypt_public: bytes
    fingerprint: str
    raw: str


def make_card(db: Database, passphrase: str, *, by: auth.UserInfo | None = None) -> bytes:
    """This office's card: self-signed JSON with its code, name, level and public keys (``by`` needs ``sync``)."""
    auth.require(db, by, "sync")
    office = db.office()
    with db.read() as session:
        sign, enc = public_keys(session)
        body = {
            "format": CARD_FORMAT, "version": CARD_VERSION,
            "office": {"code": office.code, "name": office.name, "level": office.level},
            "keys": {
                "sign": {"id": sign.key_id, "algorithm": "Ed25519", "public": b64(sign.public_key)},
                "encrypt": {"id": enc.key_id, "algorithm": "X25519", "public": b64(enc.public_key)},
            },
        }
        _, private = signing_key(session, passphrase)
    card = dict(body, signature=b64(private.sign(canonical(body))))
    return json.dumps(card, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key")
    return dict(pairs)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def parse_card(data: bytes, path: str = "") -> Card:
    """A card read strictly (exact fields, valid keys, a valid self-signature), or InputError."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    def bad(reason: str) -> InputError:
        return InputError("sync.card_invalid", path=path, reason=reason)

    if len(data) > 16384:
        raise bad("too large")
    try:
        card = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
        if set(card) != {"format", "version", "office", "keys", "signature"} or card["format"] != CARD_FORMAT:
            raise ValueError("not an office card")
        if card["version"] != CARD_VERSION:
            raise ValueError(f"card version {card['version']!r}")
        office, keys = card["office"], card["keys"]
        if set(office) != {"code", "name", "level"} or set(keys) != {"sign", "encrypt"}:
            raise ValueError("fields")
        if not (isinstance(office["code"], str) and office["code"].isdigit() and len(office["code"]) == 6):
            raise ValueError("office code")
        if not isinstance(office["name"], str) or office["level"] not in ("district", "city"):
            raise ValueError("office name or level")
        sign_public, enc_public = unb64(keys["sign"]["public"]), unb64(keys["encrypt"]["public"])
        if keys["sign"]["algorithm"] != "Ed25519" or keys["encrypt"]["algorithm"] != "X25519":
            raise ValueError("algorithm")
        if keys["sign"]["id"] != key_id(sign_public) or keys["encrypt"]["id"] != key_id(enc_public):
            raise ValueError("key id")
        verifier = Ed25519PublicKey.from_public_bytes(sign_public)
        X25519PublicKey.from_public_bytes(enc_public)
        body = {k: v for k, v in card.items() if k != "signature"}
        verifier.verify(unb64(card["signature"]), canonical(body))
    except InvalidSignature as exc:
        raise bad("signature") from exc
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 (an untrusted file: any failure is a refusal)
        raise bad(str(exc) or type(exc).__name__) from exc
    return Card(office["code"], office["name"], office["level"], key_id(sign_public), sign_public,
                key_id(enc_public), enc_public, fingerprint(office["code"], sign_public, enc_public),
                data.decode("utf-8"))


@dataclass(frozen=True)
class TrustCheck:
    card: Card
    known: bool  # the office, or its keys, are trusted already
    same_keys: bool  # ... with this very identity: the same code, level and keys
    previous_fingerprint: str | None
    changed: tuple[str, ...] = ()  # what of the identity changed: "keys", "level", "code" (a key change)


def check_card(db: Database, data: bytes, path: str = "") -> TrustCheck:
    """What trusting this card would do: new office, the same identity again, or a changed identity (a warning
    and a confirmation, like a changed key): an office's code, level and keys are its identity.

    A card claiming the city's level under a code that is not the city's, or the city's code at another level,
    is refused outright: only the city's code is the city (services/sync/trust.py)."""
    from civicdesk.services.sync.trust import city_code

    card = parse_card(data, path)
    office = db.office()
    if card.office_code == office.code:
        raise InputError("sync.card_self")
    city = city_code(office.code, office.level)
    if card.level == "city" and card.office_code != city:
        raise InputError("sync.card_not_city", path=path, code=card.office_code, city=city)
    if card.office_code == city and card.level != "city":
        raise InputError("sync.card_city_level", path=path, code=card.office_code, level=card.level)
    with db.read() as session:
        peer = session.get(SyncPeer, card.office_code)
        # the same keys trusted under another code: the card moves them to a new identity
        elsewhere = session.scalars(select(SyncPeer).where(SyncPeer.office_code != card.office_code,
                                                           SyncPeer.sign_public == card.sign_public)).first()
        if peer is None and elsewhere is None:
            return TrustCheck(card, False, False, None)
        changed: list[str] = []
        if peer is not None:
            if peer.sign_public != card.sign_public or peer.encrypt_public != card.encrypt_public:
                changed.append("keys")
            if peer.level != card.level:
                changed.append("level")
        if elsewhere is not None:
            changed.append("code")
        previous = peer.fingerprint if peer is not None else elsewhere.fingerprint if elsewhere is not None else None
        return TrustCheck(card, True, not changed, previous, tuple(changed))


def trust_card(db: Database, data: bytes, path: str = "", *, by: auth.UserInfo | None = None) -> TrustCheck:
    """Trust the card's office (after the caller confirmed its fingerprint); a changed key replaces the old.
    Trusting another office's keys is an administrator's act: ``by`` needs the ``office`` right."""
    actor = auth.require(db, by, "office")
    check = check_card(db, data, path)
    card = check.card
    with db.unit(actor=actor) as session:
        peer = session.get(SyncPeer, card.office_code)
        if peer is None:
            peer = SyncPeer(office_code=card.office_code, sent_change_id=0, acked_epoch=0, acked_seq=0, missing=[])
            session.add(peer)
        peer.name, peer.level = card.name, card.level
        peer.sign_key_id, peer.sign_public = card.sign_key_id, card.sign_public
        peer.encrypt_key_id, peer.encrypt_public = card.encrypt_key_id, card.encrypt_public
        peer.fingerprint, peer.card, peer.trusted_by = card.fingerprint, card.raw, actor
        from civicdesk.models import audit
        from civicdesk.models.base import utcnow

        peer.trusted_at = utcnow()
        audit.record(session, "sync.trust", "sync_peer", card.office_code, actor=actor, fingerprint=card.fingerprint,
                     changed_key=check.known and not check.same_keys, changed=list(check.changed),
                     level=card.level, previous_fingerprint=check.previous_fingerprint)
    return check


@dataclass(frozen=True)
class OfficeEntry:
    code: str
    name: str
    level: str
    fingerprint: str
    sign_key_id: str
    encrypt_key_id: str
    trusted_at: str
    local: bool = False


def list_offices(db: Database) -> list[OfficeEntry]:
    """This office (with its own fingerprint, when it has keys) and every trusted office."""
    office = db.office()
    out = []
    with db.read() as session:
        sign, enc = _active(session, "sign"), _active(session, "encrypt")
        if sign is not None and enc is not None:
            out.append(OfficeEntry(office.code, office.name, office.level,
                                   fingerprint(office.code, sign.public_key, enc.public_key), sign.key_id, enc.key_id,
                                   str(sign.created_at), local=True))
        for p in session.scalars(select(SyncPeer).order_by(SyncPeer.office_code)):
            out.append(OfficeEntry(p.office_code, p.name, p.level, p.fingerprint, p.sign_key_id, p.encrypt_key_id,
                                   str(p.trusted_at)))
    return out
