"""The sync file (docs/SYNC.md, "The file"): build one, and read an untrusted one in the order SYNC.md says.

A zip of exactly three stored members, read in memory: ``manifest.json`` (small JSON, no personal data),
``manifest.sig`` (signing key id + Ed25519 signature over the exact manifest bytes), ``payload.bin``
(AES-256-GCM over the zlib-compressed JSON payload under a random key wrapped for the recipient's X25519 key
by HPKE, RFC 9180).  Reading checks sizes and structure, then the signature (cheap, before any decryption:
a tampered file is refused fast), then the manifest, then the payload hash, then decrypts and decodes.
Every failure is a :class:`PackageRefused` with a reason code; nothing here writes to the database.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any, Callable

from civicdesk.errors import CivicDeskError
from civicdesk.services.sync.keys import b64, unb64

FORMAT = "civicdesk-sync"
FORMAT_VERSION = (2, 0)
READ_MAJORS = (1, 2)  # the major versions this version reads (see apply.CHANGE_KEYS_2)
MEMBERS = ("manifest.json", "manifest.sig", "payload.bin")
MAX_FILE = 64 * 1024 * 1024
MAX_MANIFEST = 64 * 1024
MAX_SIG = 1024
MAX_PLAINTEXT = 512 * 1024 * 1024
MAX_RATIO = 200  # plaintext / compressed payload
SUITE_NAMES = {"signature": "Ed25519", "hash": "SHA-256", "compression": "zlib", "cipher": "AES-256-GCM",
               "key_wrap": "HPKE(DHKEM-X25519-HKDF-SHA256, HKDF-SHA256, AES-256-GCM)"}
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class PackageRefused(CivicDeskError):
    """An untrusted file refused; ``code`` is the reason (``sync.refused.*``)."""


def refuse(code: str, **params: Any) -> PackageRefused:
    return PackageRefused(f"sync.refused.{code}", **params)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _suite() -> Any:
    from cryptography.hazmat.primitives import hpke

    return hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def _aad(manifest_id: str, sender: str, recipient: str) -> bytes:
    return f"civicdesk-sync/1\0{manifest_id}\0{sender}\0{recipient}".encode()


# -- writing ---------------------------------------------------------------------------------------------------------
def build(*, manifest: dict[str, Any], payload: dict[str, Any], signer: Any, signer_key_id: str,
          recipient_public: bytes) -> bytes:
    """The file's bytes.  ``manifest`` lacks ``payload``: it is filled here (hash, sizes, nonce, wrapped key)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    plain = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    compressed = zlib.compress(plain, 6)
    content_key, nonce = AESGCM.generate_key(bit_length=256), os.urandom(12)
    aad = _aad(manifest["package_id"], manifest["sender"]["office"], manifest["recipient"]["office"])
    cipher = AESGCM(content_key).encrypt(nonce, compressed, aad)
    wrapped = _suite().encrypt(content_key, X25519PublicKey.from_public_bytes(recipient_public), info=aad)
    counts: dict[str, int] = {}
    for change in payload["changes"]:
        counts[change["entity"]] = counts.get(change["entity"], 0) + 1
    manifest = dict(manifest, payload={
        "sha256": sha256(cipher), "size": len(cipher), "plaintext_size": len(plain),
        "compressed_size": len(compressed), "compression": SUITE_NAMES["compression"],
        "cipher": SUITE_NAMES["cipher"], "key_wrap": SUITE_NAMES["key_wrap"], "wrapped_key": b64(wrapped),
        "nonce": b64(nonce), "counts": counts, "divisions": len(payload["divisions"]),
    })
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    sig = json.dumps({"key_id": signer_key_id, "algorithm": SUITE_NAMES["signature"],
                      "signature": b64(signer.sign(manifest_bytes))}, sort_keys=True).encode("utf-8")
    return _zip_bytes((manifest_bytes, sig, cipher))


def _zip_bytes(members: tuple[bytes, bytes, bytes]) -> bytes:
    """The one canonical zip of the three members: fixed names, order, date, system and attributes, so that a
    reader can rebuild it and refuse any file that differs anywhere (a reader ignores some header bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, data in zip(MEMBERS, members, strict=True):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return out.getvalue()


# -- reading ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Opened:
    """A package whose signature and manifest were checked; the payload still encrypted."""

    data: bytes
    sha256: str
    manifest: dict[str, Any]
    manifest_bytes: bytes
    cipher: bytes
    signer_key_id: str


def _strict_json(data: bytes, what: str) -> Any:
    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):
            raise ValueError(f"duplicate key in {what}")
        return result

    def constant(name: str) -> Any:
        raise ValueError(f"{name} in {what}")

    return json.loads(data.decode("utf-8"), object_pairs_hook=pairs, parse_constant=constant)


def read_members(data: bytes) -> tuple[bytes, bytes, bytes]:
    """Step 1: sizes, exactly the three names, stored members, no overlap; any reader exception refuses."""
    if not data:
        raise refuse("empty")
    if len(data) > MAX_FILE:
        raise refuse("size", detail=f"{len(data)} bytes")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
        names = [i.filename for i in infos]
        if sorted(names) != sorted(MEMBERS) or len(names) != 3:
            raise refuse("members", detail=", ".join(repr(n[:40]) for n in names[:6]))
        spans = []
        for info in infos:
            if info.compress_type != zipfile.ZIP_STORED:
                raise refuse("compressed", detail=info.filename)
            if info.file_size != info.compress_size or info.file_size > len(data):
                raise refuse("size", detail=f"{info.filename}: {info.file_size}/{info.compress_size}")
            if info.flag_bits & 0x1:
                raise refuse("members", detail="encrypted member")
            limit = {"manifest.json": MAX_MANIFEST, "manifest.sig": MAX_SIG}.get(info.filename, MAX_FILE)
            if info.file_size > limit:
                raise refuse("size", detail=f"{info.filename}: {info.file_size}")
            # the local header: 30 bytes + name + extra, then the data; entries must not share bytes
            header = data[info.header_offset:info.header_offset + 30]
            if len(header) < 30 or header[:4] != b"PK\x03\x04":
                raise refuse("zip", detail="local header")
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            end = info.header_offset + 30 + name_len + extra_len + info.compress_size
            if end > len(data):
                raise refuse("size", detail="member beyond the end")
            spans.append((info.header_offset, end))
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):  # each with the next
            if start < end:
                raise refuse("overlap")
        members = {info.filename: zf.read(info) for info in infos}
        if _zip_bytes((members["manifest.json"], members["manifest.sig"], members["payload.bin"])) != data:
            raise refuse("zip", detail="not in the canonical form")
    except PackageRefused:
        raise
    except Exception as exc:  # noqa: BLE001 (the zip reader raises more than BadZipFile on a hostile file)
        raise refuse("zip", detail=f"{type(exc).__name__}: {str(exc)[:80]}") from exc
    return members["manifest.json"], members["manifest.sig"], members["payload.bin"]


def _parse_sig(sig: bytes) -> tuple[str, bytes]:
    try:
        parsed = _strict_json(sig, "signature")
        if not isinstance(parsed, dict) or set(parsed) != {"key_id", "algorithm", "signature"}:
            raise ValueError("fields")
        if parsed["algorithm"] != SUITE_NAMES["signature"]:
            raise ValueError(f"algorithm {parsed['algorithm']!r}")
        if not isinstance(parsed["key_id"], str) or len(parsed["key_id"]) != 16:
            raise ValueError("key id")
        signature = unb64(parsed["signature"])
        if len(signature) != 64:
            raise ValueError("length")
    except Exception as exc:  # noqa: BLE001
        raise refuse("signature_format", detail=str(exc)[:80]) from exc
    return parsed["key_id"], signature


# the manifest's exact shape: name -> type, or a nested shape
_INT, _STR, _OPT_STR = "int", "str", "str?"
MANIFEST_SHAPE: dict[str, Any] = {
    "format": _STR, "format_version": "version", "kind": _STR, "package_id": _STR, "created_at": _STR,
    "sender": {"office": _STR, "key_id": _STR}, "recipient": {"office": _STR, "key_id": _STR},
    "stream": {"epoch": _INT, "seq": _INT, "previous_sha256": _OPT_STR},
    "changes": {"from": "int?", "to": "int?", "full": "bool", "count": _INT},
    "acks": {"epoch": _INT, "seq": _INT, "missing": "ranges"},
    "schema": _STR, "app": _STR, "audit_head": _OPT_STR, "algorithms": "algorithms",
    "payload": {"sha256": _STR, "size": _INT, "plaintext_size": _INT, "compressed_size": _INT, "compression": _STR,
                "cipher": _STR, "key_wrap": _STR, "wrapped_key": _STR, "nonce": _STR, "counts": "counts",
                "divisions": _INT},
}


def _check_shape(value: Any, shape: Any, path: str) -> None:
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            raise ValueError(f"{path or 'manifest'}: object expected")
        unknown = set(value) - set(shape)
        if unknown:
            raise ValueError(f"unknown field {path}{sorted(unknown)[0]}")
        missing = set(shape) - set(value)
        if missing:
            raise ValueError(f"missing field {path}{sorted(missing)[0]}")
        for key, sub in shape.items():
            _check_shape(value[key], sub, f"{path}{key}.")
        return
    name = path.rstrip(".")
    ok = {
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**53,
        "int?": lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**53),
        "str": lambda v: isinstance(v, str) and len(v) < 4096,
        "str?": lambda v: v is None or (isinstance(v, str) and len(v) < 4096),
        "bool": lambda v: isinstance(v, bool),
        "version": lambda v: isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) and not isinstance(x, bool)
                                                                         for x in v),
        # numbers from outside are bounded here, before anything counts with them
        "ranges": lambda v: isinstance(v, list) and len(v) < 1000 and all(
            isinstance(r, list) and len(r) == 2 and all(isinstance(x, int) and not isinstance(x, bool)
                                                        and 0 < x < 2**53 for x in r) and r[0] <= r[1]
            for r in v),
        "counts": lambda v: isinstance(v, dict) and len(v) <= 64 and all(
            isinstance(k, str) and len(k) <= 48 and isinstance(n, int) and not isinstance(n, bool) and 0 <= n < 2**53
            for k, n in v.items()),
        "algorithms": lambda v: v == {k: SUITE_NAMES[k] for k in ("signature", "hash")},
    }[shape]
    if not ok(value):
        raise ValueError(f"{name}: wrong type or value")


def open_package(data: bytes, *, lookup_signer: Callable[[str], tuple[str, bytes] | None], local_office: str,
                 local_key_ids: set[str], known_schemas: set[str]) -> Opened:
    """Steps 1-2 of SYNC.md: structure, signature by a trusted key, then the manifest.

    ``lookup_signer(key_id)`` gives (office code, Ed25519 public key) of a trusted office, or None."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    manifest_bytes, sig, cipher = read_members(data)
    signer_key_id, signature = _parse_sig(sig)
    signer = lookup_signer(signer_key_id)
    if signer is None:
        raise refuse("unknown_key", key_id=signer_key_id)
    office, public = signer
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, manifest_bytes)
    except InvalidSignature as exc:
        raise refuse("signature") from exc
    try:
        manifest = _strict_json(manifest_bytes, "manifest")
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError("not a CivicDesk sync manifest")
        version = manifest.get("format_version")
        if isinstance(version, list) and version and isinstance(version[0], int) and version[0] not in READ_MAJORS:
            raise refuse("future_format", version=".".join(str(v) for v in version))
        _check_shape(manifest, MANIFEST_SHAPE, "")
        if manifest["kind"] not in ("data", "ack"):
            raise ValueError(f"kind {manifest['kind']!r}")
        payload = manifest["payload"]
        for key in ("compression", "cipher", "key_wrap"):
            if payload[key] != SUITE_NAMES[key]:
                raise ValueError(f"{key} {payload[key]!r} not supported")
        if manifest["stream"]["seq"] < 1 or manifest["stream"]["epoch"] < 1:
            raise ValueError("stream numbers")
    except PackageRefused:
        raise
    except Exception as exc:  # noqa: BLE001
        raise refuse("manifest", detail=str(exc)[:120]) from exc
    if manifest["sender"]["office"] != office or manifest["sender"]["key_id"] != signer_key_id:
        raise refuse("sender_key", office=manifest["sender"]["office"])
    if manifest["recipient"]["office"] != local_office:
        raise refuse("not_for_us", recipient=manifest["recipient"]["office"], local=local_office)
    if manifest["recipient"]["key_id"] not in local_key_ids:
        raise refuse("recipient_key", key_id=manifest["recipient"]["key_id"])
    if manifest["schema"] not in known_schemas:
        raise refuse("newer_schema", schema=manifest["schema"])
    payload = manifest["payload"]
    if payload["size"] != len(cipher) or sha256(cipher) != payload["sha256"]:
        raise refuse("payload_hash")
    plain = payload["plaintext_size"]
    if plain > MAX_PLAINTEXT or plain > MAX_RATIO * max(payload["compressed_size"], 1):
        raise refuse("size", detail=f"plaintext {payload['plaintext_size']}")
    return Opened(data, sha256(data), manifest, manifest_bytes, cipher, signer_key_id)


def decrypt_payload(opened: Opened, private_keys: dict[str, Any]) -> Any:
    """Step 3: decrypt, inflate (never beyond the announced size), parse strictly (no NaN, no duplicate keys)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    m = opened.manifest
    p = m["payload"]
    private = private_keys.get(m["recipient"]["key_id"])
    if private is None:
        raise refuse("recipient_key", key_id=m["recipient"]["key_id"])
    aad = _aad(m["package_id"], m["sender"]["office"], m["recipient"]["office"])
    try:
        content_key = _suite().decrypt(unb64(p["wrapped_key"]), private, info=aad)
        compressed = AESGCM(content_key).decrypt(unb64(p["nonce"]), opened.cipher, aad)
    except Exception as exc:  # noqa: BLE001
        raise refuse("decrypt", detail=type(exc).__name__) from exc
    try:
        inflater = zlib.decompressobj()
        plain = inflater.decompress(compressed, p["plaintext_size"] + 1)
        if len(plain) != p["plaintext_size"] or inflater.unconsumed_tail or not inflater.eof:
            raise ValueError("size differs from the manifest")
        if len(compressed) != p["compressed_size"]:
            raise ValueError("compressed size differs from the manifest")
        return _strict_json(plain, "payload")
    except Exception as exc:  # noqa: BLE001
        raise refuse("payload", detail=str(exc)[:120]) from exc


def file_name(sender: str, epoch: int, seq: int, recipient: str) -> str:
    return f"CD-{sender}-e{epoch}-{seq}-to-{recipient}.cdsync"


def is_finite(value: float) -> bool:
    return math.isfinite(value)
