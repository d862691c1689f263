"""Double-random spot checks (双随机、一公开): the inspector roster, plans, the reproducible draw, its
verification, and the record of each check.

Offers:

- the roster: :func:`add_inspector`, :func:`update_inspector` (active, conflicts of interest), :func:`list_inspectors`
  (changes need ``supervise.decide``);
- plans: :func:`plan` (the ratio at least the legal minimum of the office's level, ``spotcheck.min_ratio``; the
  inspectors per check at least ``spotcheck.min_inspectors``), :func:`cancel` (a reason, ``supervise.decide``),
  :func:`list_plans`, :func:`get_plan`, :func:`list_items`;
- the draw: :func:`draw` (once per plan), :func:`verify` (recomputes it from what the plan stores), and the pure
  functions an auditor can run without a database: :func:`pack_snapshot`, :func:`unpack_snapshot`,
  :func:`sample_count`, :func:`compute_draw`;
- per check: :func:`record` (notice, check, findings, result, rectification, publication; dates in order and
  not in the future); the plan is completed when every check has its result;
- :func:`public_results`: the public list of results as rows without personal data (for the printed list).

The draw, exactly (docs/SPOTCHECK.md says the same for an auditor):

1. The eligible organizations: not deleted, status in :data:`~civicdesk.schema.LIVE_STATUSES`, of this office's
   registry (the first six digits of ``registry_code`` are the office's code), tier ``registered`` unless the plan
   filters tiers, and matching the plan's filters.  Their ids, sorted by code point, are the snapshot: the text
   ``"\\n".join(ids) + "\\n"`` in UTF-8; ``snapshot_sha256`` is its SHA-256, ``snapshot`` its zlib stream in base64.
2. ``N`` ids, ``k = ceil(N × ratio)`` computed in :class:`~decimal.Decimal` (``1000 × 0.03`` is 30 exactly; in
   floating point it is 30.000000000000004, whose ceiling is 31).
3. The seed: ``secrets.token_hex(16)`` (128 bits).  The generator: ``random.Random(int(seed, 16))`` (MT19937 seeded
   by ``init_by_array`` from the integer), used only through ``random()``, whose sequence for a given seed Python
   guarantees across versions.
4. Method ``mt19937-fisher-yates-v1``: ``pick(n, m)`` takes ``m`` of ``0 … n-1`` by a partial Fisher–Yates shuffle:
   for ``i`` in ``0 … m-1``: ``j = i + min(int(random() × (n - i)), n - i - 1)``; swap slots ``i`` and ``j`` of the
   virtual list ``0 … n-1``; the value now in slot ``i`` is the ``i``-th pick.  The organizations are
   ``pick(N, k)`` (positions in the sorted snapshot, in draw order).
5. Then, from the same generator, for each drawn organization in draw order: its candidates are the roster
   snapshot (the active inspectors' ids, sorted) less the inspectors excluded for a conflict with it (stored in
   ``exclusions`` at the draw), and its inspectors are ``pick(len(candidates), inspectors_per_check)`` as
   indexes into the candidates, in pick order.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import random
import secrets
import struct
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import pairwise
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.errors import CivicDeskError, InputError, NotFoundError, ValidationError
from civicdesk.models import (Division, Inspector, Organization, SpotcheckItem, SpotcheckPlan, audit, new_id,
                              table_of)
from civicdesk.schema import LIVE_STATUSES
from civicdesk.services.admin import auth
from civicdesk.services.core.bulk import insert_rows
from civicdesk.services.core.database import Database
from civicdesk.services.core.validation import check_text
from civicdesk.services.register.lookups import dictionaries
from civicdesk.services.supervision import common, credit, parameters

#: The sampler of this module's draws; :func:`verify` refuses a plan drawn by any other.
METHOD = "mt19937-fisher-yates-v1"
METHODS = frozenset({METHOD})
KINDS = ("regular", "targeted")
RESULTS = ("clear", "rectify", "refer")
#: The plan's filters and what each narrows (every one a list of codes or ids).
FILTER_KEYS = ("category", "legal_form", "tier", "township_code", "organization_ids")
#: How the snapshot is deflated: Huffman coding only.  Random uuid text gives the string matcher almost nothing
#: (level 6 made 1,000,000 ids 4% smaller than Huffman alone, in six times the time: 4.1 s of CPU against 0.7 s);
#: any zlib reads the stream, so the choice is no part of the method.
SNAPSHOT_STRATEGY = zlib.Z_HUFFMAN_ONLY
#: A snapshot text from this size on is deflated in parts at once (:func:`deflate`): two, for two cores.
DEFLATE_SPLIT = 1 << 20
DEFLATE_PARTS = 2
_DATE_FIELDS = ("notice_on", "checked_on", "rectify_by", "rectified_on", "published_on")
_RECORD_FIELDS = (*_DATE_FIELDS, "findings", "result")


# -- the pure draw (no database: what an auditor recomputes) ----------------------------------------------------------
def snapshot_text(ids: Sequence[str]) -> bytes:
    """The snapshot's uncompressed bytes: the ids one per line, each line ended by ``\\n``, UTF-8."""
    return ("\n".join(ids) + "\n").encode("utf-8") if ids else b""


def pack_snapshot(ids: Sequence[str]) -> tuple[str, str]:
    """(``snapshot``: zlib + base64 text, ``snapshot_sha256``: SHA-256 hex of the uncompressed text) of sorted ids."""
    raw = snapshot_text(ids)
    return base64.b64encode(deflate(raw)).decode("ascii"), hashlib.sha256(raw).hexdigest()


def _deflate_part(data: bytes | memoryview, last: bool) -> bytes:
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS, 9, SNAPSHOT_STRATEGY)
    return packer.compress(data) + packer.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


def deflate(raw: bytes) -> bytes:
    """``raw`` as one standard zlib stream (RFC 1950), Huffman-only.  A big text is deflated in
    :data:`DEFLATE_PARTS` parts at once (zlib lets go of the GIL), joined as pigz joins them: each part but the
    last ends with a sync flush (a byte-aligned, non-final block), then the zlib header in front and the
    Adler-32 of the whole text behind.  Any zlib inflates it; the parts are no part of the method."""
    if len(raw) < DEFLATE_SPLIT:
        packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, zlib.MAX_WBITS, 9, SNAPSHOT_STRATEGY)
        return packer.compress(raw) + packer.flush()
    view, size = memoryview(raw), -(-len(raw) // DEFLATE_PARTS)
    bounds = [min(n * size, len(raw)) for n in range(DEFLATE_PARTS + 1)]
    with ThreadPoolExecutor(DEFLATE_PARTS) as pool:
        parts = list(pool.map(_deflate_part, [view[a:b] for a, b in pairwise(bounds)],
                              [n == DEFLATE_PARTS - 1 for n in range(DEFLATE_PARTS)]))
    # 0x78 0x01: deflate with a 32 KiB window, no preset dictionary, check bits (0x7801 % 31 == 0)
    return b"\x78\x01" + b"".join(parts) + struct.pack(">I", zlib.adler32(raw))


class _Packer:
    """The snapshot packed while it is being made: each sorted part of the ids, handed over in order, is turned
    into text, hashed and deflated (one zlib stream, Huffman-only) on one worker thread, which zlib and SHA-256
    let run beside the caller's sorting of the next part (both let go of the GIL)."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1)  # one worker: the parts reach the stream in the order given
        self._zip = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, zlib.MAX_WBITS, 9, SNAPSHOT_STRATEGY)
        self._sha = hashlib.sha256()
        self._out: list[bytes] = []

    def _feed(self, raw: bytes) -> None:
        self._sha.update(raw)
        self._out.append(self._zip.compress(raw))

    def add(self, ids: Sequence[str]) -> None:
        if ids:
            self._pool.submit(self._feed, snapshot_text(ids))

    def _finish(self) -> tuple[str, str]:
        self._out.append(self._zip.flush())
        return base64.b64encode(b"".join(self._out)).decode("ascii"), self._sha.hexdigest()

    def result(self) -> Future[tuple[str, str]]:
        """(``snapshot``, ``snapshot_sha256``) once every part is in; the worker ends after it."""
        done = self._pool.submit(self._finish)
        self._pool.shutdown(wait=False)
        return done


def sort_and_pack(ids: Iterable[str]) -> tuple[list[str], Future[tuple[str, str]]]:
    """The ids sorted by code point, and the packing of their snapshot (:func:`pack_snapshot`'s pair, the same
    text) under way.  The ids are sorted in buckets of their first two characters, bucket after bucket in
    order (an id shorter than two characters sorts before every longer id of its bucket's prefix, so the
    buckets joined are the whole sorted list); each sorted bucket goes to the packer while the next is
    sorted: at a million ids the deflating then costs no wall time of its own."""
    buckets: dict[str, list[str]] = {}
    get = buckets.get
    for i in ids:
        bucket = get(i[:2])
        if bucket is None:
            buckets[i[:2]] = [i]
        else:
            bucket.append(i)
    packer = _Packer()
    out: list[str] = []
    for key in sorted(buckets):
        part = buckets.pop(key)
        part.sort()
        packer.add(part)
        out += part
    return out, packer.result()


def unpack_snapshot(snapshot: str) -> tuple[list[str], str]:
    """(the ids, the SHA-256 hex of the uncompressed text) of a stored snapshot; ``ValueError`` if unreadable."""
    try:
        raw = zlib.decompress(base64.b64decode(snapshot.encode("ascii"), validate=True))
        text = raw.decode("utf-8")
    except (binascii.Error, zlib.error, UnicodeError) as exc:
        raise ValueError(str(exc)) from exc
    ids = text.split("\n")
    if ids[-1] != "":  # the last line lacks its line end: not a text this module wrote
        raise ValueError("no final line end")
    return ids[:-1], hashlib.sha256(raw).hexdigest()


def sample_count(eligible: int, ratio: Decimal) -> int:
    """``ceil(eligible × ratio)``, exactly (Decimal, not float)."""
    return int((Decimal(eligible) * ratio).to_integral_value(rounding=ROUND_CEILING))


def _pick(rng: random.Random, n: int, m: int) -> list[int]:
    """``m`` distinct numbers of ``0 … n-1`` by a partial Fisher–Yates shuffle (see the module): O(m) time."""
    moved: dict[int, int] = {}  # the slots swapped so far (a virtual list of n numbers)
    out = []
    uniform, get = rng.random, moved.get  # bound once: the loop runs k times (30,000 at a million ids)
    for i in range(m):
        j = i + min(int(uniform() * (n - i)), n - i - 1)
        out.append(get(j, j))
        moved[j] = get(i, i)
    return out


@dataclass(frozen=True)
class DrawResult:
    """What a draw chose: the positions in the snapshot, the organizations, and each one's inspectors."""

    positions: list[int]
    organization_ids: list[str]
    inspector_ids: list[list[str]]


class ShortRoster(Exception):
    """Too few inspectors without a conflict for one organization (its id in ``organization_id``)."""

    def __init__(self, organization_id: str, available: int) -> None:
        super().__init__(organization_id)
        self.organization_id = organization_id
        self.available = available


def draw_organizations(method: str, seed: str, eligible: Sequence[str], k: int) -> tuple[random.Random, list[int]]:
    """The generator (to go on with the inspectors) and the drawn positions, in draw order."""
    if method not in METHODS:
        raise ValueError(method)
    rng = random.Random(int(seed, 16))
    return rng, _pick(rng, len(eligible), k)


def compute_draw(method: str, seed: str, eligible: Sequence[str], ratio: Decimal, roster: Sequence[str],
                 per_check: int, exclusions: Mapping[str, Iterable[str]]) -> DrawResult:
    """The whole draw (see the module) from the sorted eligible ids, the ratio, the sorted roster, the
    inspectors per check and the exclusions for conflicts; :class:`ShortRoster` when an organization has too
    few inspectors without a conflict, ``ValueError`` for an unknown method."""
    rng, positions = draw_organizations(method, seed, eligible, sample_count(len(eligible), ratio))
    orgs = [eligible[p] for p in positions]
    teams = []
    uniform, size = rng.random, len(roster)
    for org in orgs:
        excluded = exclusions.get(org)
        candidates = roster
        if excluded:  # rare: an organization with a conflict on the roster
            skip = set(excluded)
            candidates = [i for i in roster if i not in skip]
        n = len(candidates)
        if n < per_check:
            raise ShortRoster(org, n)
        if per_check == 2 and n == size:
            # _pick(rng, n, 2) written out (the usual team of two from the whole roster): the same two draws of
            # the generator and the same slots, without a call and a dict per check (30,000 at a million ids)
            j0 = min(int(uniform() * n), n - 1)
            j1 = 1 + min(int(uniform() * (n - 1)), n - 2)
            teams.append([candidates[j0], candidates[(0 if j1 == j0 else j1)]])
        else:
            teams.append([candidates[i] for i in _pick(rng, n, per_check)])
    return DrawResult(positions, orgs, teams)


@dataclass(frozen=True)
class NewDraw:
    """A draw made now: its result, the exclusions it ran with, and the snapshot that repeats it."""

    seed: str
    result: DrawResult
    exclusions: dict[str, list[str]]
    snapshot: str
    snapshot_sha256: str


def new_draw(seed: str, eligible: Sequence[str], ratio: Decimal, roster: Sequence[str], per_check: int,
             conflicts: Mapping[str, Iterable[str]], *, packing: Future[tuple[str, str]] | None = None) -> NewDraw:
    """The draw of :data:`METHOD` over the sorted ``eligible`` ids with the sorted ``roster`` and each inspector's
    ``conflicts`` (organization ids), and the packed snapshot.  The snapshot is packed in a thread while this
    one draws (zlib and SHA-256 let go of the GIL): at a million ids the packing is most of the time.
    ``packing``: the snapshot's packing already under way (:func:`sort_and_pack` of the same ids)."""
    with ThreadPoolExecutor(1) as pool:
        if packing is None:
            packing = pool.submit(pack_snapshot, eligible)
        # the exclusions of the drawn organizations are known only once they are drawn: draw them, then run the
        # whole draw (from the same seed) with the exclusions.  Without any conflict there is nothing to find.
        exclusions = {}
        named = {org for orgs in conflicts.values() for org in orgs}
        if named:
            _, positions = draw_organizations(METHOD, seed, eligible, sample_count(len(eligible), ratio))
            for pos in positions:
                if eligible[pos] not in named:
                    continue
                excluded = [i for i in roster if eligible[pos] in conflicts.get(i, ())]
                if excluded:
                    exclusions[eligible[pos]] = excluded
        result = compute_draw(METHOD, seed, eligible, ratio, roster, per_check, exclusions)
        snapshot, sha = packing.result()
    return NewDraw(seed, result, exclusions, snapshot, sha)


# -- rows shown --------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class InspectorRow:
    """An inspector of the roster."""

    id: str
    name: str
    unit: str | None
    username: str | None
    active: bool
    conflicts: list[str]
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ItemRow:
    """One drawn organization of a plan and its check."""

    id: str
    plan_id: str
    position: int
    organization_id: str
    organization_name: str
    uscc: str | None
    inspector_ids: list[str]
    inspector_names: list[str]
    notice_on: date | None
    checked_on: date | None
    findings: str | None
    result: str | None
    rectify_by: date | None
    rectified_on: date | None
    published_on: date | None
    recorded_by: str | None
    #: the row's version when it was read: what a view passes back as ``shown_version``
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class PlanRow:
    """A plan and, once drawn, what repeats its draw (the snapshot itself only with ``get_plan(snapshot=True)``)."""

    id: str
    office_code: str
    year: int
    kind: str
    ratio: str
    filters: dict[str, Any]
    title: str | None
    state: str
    inspectors_per_check: int
    created_by: str
    method: str | None
    seed: str | None
    eligible_count: int | None
    drawn_count: int | None
    snapshot_sha256: str | None
    inspector_ids: list[str]
    exclusions: dict[str, list[str]]
    drawn_by: str | None
    drawn_at: datetime | None
    cancelled_reason: str | None
    cancelled_by: str | None
    items: list[ItemRow] = field(default_factory=list)
    snapshot: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k != "items"}
        data["drawn_at"] = self.drawn_at.isoformat(sep=" ") if self.drawn_at else None
        data["items"] = [i.to_json() for i in self.items]
        if self.snapshot is None:
            data.pop("snapshot")
        return data


@dataclass(frozen=True)
class PublicResult:
    """One line of the public list of results: the organization and the outcome, no person named."""

    position: int
    organization_name: str
    uscc: str | None
    checked_on: date | None
    result: str | None
    rectify_by: date | None
    rectified_on: date | None
    published_on: date | None

    def to_json(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class VerifyResult:
    """Whether a stored draw is what its snapshot, seed and method give; else the first difference
    (``code`` and ``params`` of a message)."""

    plan_id: str
    matches: bool
    code: str
    params: dict[str, Any]
    method: str | None
    seed: str | None
    eligible_count: int | None
    drawn_count: int | None
    snapshot_sha256: str | None

    def message(self, lang: str = "zh") -> str:
        return CivicDeskError(self.code, **self.params).message(lang)

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        data = asdict(self)
        data["message"] = self.message(lang)
        return data


# -- helpers -----------------------------------------------------------------------------------------------------------
def _inspector_row(i: Inspector) -> InspectorRow:
    return InspectorRow(i.id, i.name, i.unit, i.username, bool(i.active), list(i.conflicts or []), i.version)


def _text(value: Any, field_name: str, label: str, *, required: bool = False, limit: int = 200,
          multiline: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError("spotcheck.required", field=label)
        return None
    if not isinstance(value, str):
        raise InputError("spotcheck.bad_value", field=label, value=str(value)[:40])
    issues = check_text(value, field_name, label, multiline=multiline)
    if issues:
        raise ValidationError(issues)
    text = value.strip()
    if len(text) > limit:
        raise InputError("spotcheck.too_long", field=label, max=limit)
    return text


def _organizations(session: Session, keys: Iterable[str], office_code: str) -> list[str]:
    """Organization ids of this office's register from ids or USCCs, each must exist."""
    out = []
    for key in keys:
        key = str(key).strip()
        org = session.get(Organization, key) or session.scalars(
            select(Organization).where(Organization.uscc == key.upper())).first()
        if org is None or org.deleted_at is not None or org.registry_code[:6] != office_code:
            raise NotFoundError("org.not_found", key=key)
        out.append(org.id)
    return sorted(set(out))


def _get_inspector(session: Session, inspector_id: str, office_code: str) -> Inspector:
    found = session.get(Inspector, inspector_id)
    if found is None or found.deleted_at is not None or found.office_code != office_code:
        raise NotFoundError("spotcheck.inspector_not_found", key=inspector_id)
    return found


def _stored_ratio(p: SpotcheckPlan) -> Decimal:
    """The plan's ratio as the Decimal it was planned with (SQLite keeps a NUMERIC as a float)."""
    return Decimal(p.ratio).quantize(Decimal("0.0001"))


def _get_plan(session: Session, plan_id: str, office_code: str) -> SpotcheckPlan:
    found = session.get(SpotcheckPlan, plan_id)
    if found is None or found.deleted_at is not None or found.office_code != office_code:
        raise NotFoundError("spotcheck.plan_not_found", key=plan_id)
    return found


# -- the roster --------------------------------------------------------------------------------------------------------
def add_inspector(db: Database, name: str, *, unit: str | None = None, username: str | None = None,
                  conflicts: Iterable[str] = (), active: bool = True, by: auth.UserInfo | None) -> InspectorRow:
    """A person of this office on the roster; ``conflicts`` are the organizations (ids or USCCs) he or she
    may not check."""
    actor = auth.require(db, by, "supervise.decide")
    office = db.office()
    clean_name = _text(name, "name", "姓名", required=True, limit=50)
    clean_unit = _text(unit, "unit", "科室", limit=100)
    clean_user = _text(username, "username", "用户名", limit=64)
    with db.read() as session:
        ids = _organizations(session, conflicts, office.code)
    with db.unit(actor=actor) as session:
        row = Inspector(office_code=office.code, name=clean_name, unit=clean_unit, username=clean_user,
                        active=bool(active), conflicts=ids, origin_office=office.code)
        session.add(row)
        session.flush()
        return _inspector_row(row)


def update_inspector(db: Database, inspector_id: str, *, by: auth.UserInfo | None, active: bool | None = None,
                     conflicts: Iterable[str] | None = None, name: str | None = None,
                     unit: str | None = None, shown_version: int | None = None) -> InspectorRow:
    """Change an inspector: active or not, the conflicts (the whole list), the name or unit.  A draw already
    made keeps the roster and exclusions it was drawn with.  Refused (``record.changed``, audited) when the
    inspector changed since the clerk's view showed it at ``shown_version``."""
    actor = auth.require(db, by, "supervise.decide")
    office = db.office()
    clean_name = _text(name, "name", "姓名", limit=50) if name is not None else None
    clean_unit = _text(unit, "unit", "科室", limit=100) if unit is not None else None
    with db.read() as session:
        _get_inspector(session, inspector_id, office.code)
        ids = _organizations(session, conflicts, office.code) if conflicts is not None else None

    def work() -> InspectorRow:
        with db.unit(actor=actor) as session:
            row = _get_inspector(session, inspector_id, office.code)
            common.check_shown(row, shown_version, "inspector", row.name)
            if active is not None:
                row.active = bool(active)
            if ids is not None:
                row.conflicts = ids
            if clean_name:
                row.name = clean_name
            if unit is not None:
                row.unit = clean_unit
            session.flush()
            return _inspector_row(row)

    return common.audited_if_changed(db, by, "inspector", "update", inspector_id, work)


def list_inspectors(db: Database, *, active_only: bool = False) -> list[InspectorRow]:
    """This office's roster, by name."""
    office = db.office()
    with db.read() as session:
        query = select(Inspector).where(Inspector.office_code == office.code, Inspector.deleted_at.is_(None))
        if active_only:
            query = query.where(Inspector.active.is_(True))
        return [_inspector_row(i) for i in session.scalars(query.order_by(Inspector.name, Inspector.id))]


# -- plans -------------------------------------------------------------------------------------------------------------
def _percent(ratio: Decimal) -> str:
    """0.03 -> "3%", 0.0325 -> "3.25%"."""
    return f"{(ratio * 100).normalize():f}%"


def parse_ratio(value: Any) -> Decimal:
    """A ratio as typed (``0.03``, ``"3%"``) as a Decimal above 0 and at most 1 with at most 4 decimals (what
    the plan stores), else an :class:`InputError`."""
    text = str(value).strip()
    try:
        ratio = Decimal(text[:-1]) / 100 if text.endswith("%") else Decimal(text)
    except InvalidOperation:
        raise InputError("spotcheck.bad_ratio", value=text[:40]) from None
    if not ratio.is_finite() or not Decimal(0) < ratio <= Decimal(1):
        raise InputError("spotcheck.bad_ratio", value=text[:40])
    if ratio != ratio.quantize(Decimal("0.0001")):
        raise InputError("spotcheck.ratio_precision", value=text[:40])
    return ratio.quantize(Decimal("0.0001"))


def _filters(db: Database, session: Session, filters: Mapping[str, Any] | None,
             office_code: str) -> dict[str, list[str]]:
    """The plan's filters checked: known keys, each a list of known codes (or this office's organizations)."""
    out: dict[str, list[str]] = {}
    known = dictionaries(db)
    for key, raw in (filters or {}).items():
        if key not in FILTER_KEYS:
            raise InputError("spotcheck.bad_filter", key=key, allowed=", ".join(FILTER_KEYS))
        values = [raw] if isinstance(raw, str) else list(raw or [])
        if not values:
            continue
        if any(not isinstance(v, str) or not v.strip() for v in values):
            raise InputError("spotcheck.bad_filter_value", key=key, value=str(values)[:40])
        values = sorted({v.strip() for v in values})
        if key == "organization_ids":
            values = _organizations(session, values, office_code)
        elif key == "township_code":
            for code in values:
                division = session.get(Division, code)
                if division is None or division.level != "township" or code[:6] != office_code[:6]:
                    raise InputError("spotcheck.bad_filter_value", key=key, value=code)
        else:
            codes = {v.code for v in known[key]}
            for code in values:
                if code not in codes:
                    raise InputError("spotcheck.bad_filter_value", key=key, value=code)
        out[key] = values
    return out


def plan(db: Database, year: int, ratio: Any, *, by: auth.UserInfo | None, kind: str = "regular",
         filters: Mapping[str, Any] | None = None, title: str | None = None,
         inspectors_per_check: int | None = None) -> PlanRow:
    """A new plan (state ``planned``).  The ratio is at least the legal minimum of the office's level
    (parameter ``spotcheck.min_ratio``) and at most 1; the inspectors per check at least
    ``spotcheck.min_inspectors`` (its value when not given); a targeted plan names at least one filter."""
    actor = auth.require(db, by, "supervise")
    office = db.office()
    if kind not in KINDS:
        raise InputError("spotcheck.bad_kind", value=str(kind)[:20], allowed=", ".join(KINDS))
    this_year = clock.today().year
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= this_year + 1:
        raise InputError("spotcheck.bad_year", value=str(year)[:10], max=this_year + 1)
    value = parse_ratio(ratio)
    level = parameters.office_level(office.level)
    minimum = Decimal(str(parameters.value(db, "spotcheck.min_ratio", year=year)[level]))
    if value < minimum:
        raise InputError("spotcheck.ratio_below_minimum", ratio=_percent(value), minimum=_percent(minimum),
                         level=level)
    least = int(parameters.value(db, "spotcheck.min_inspectors", year=year))
    per_check = least if inspectors_per_check is None else inspectors_per_check
    if isinstance(per_check, bool) or not isinstance(per_check, int) or not least <= per_check <= 10:
        raise InputError("spotcheck.bad_per_check", value=str(per_check)[:10], min=least)
    clean_title = _text(title, "title", "标题", limit=200)
    with db.read() as session:
        clean = _filters(db, session, filters, office.code)
    if kind == "targeted" and not clean:
        raise InputError("spotcheck.targeted_needs_filter")
    with db.unit(actor=actor) as session:
        row = SpotcheckPlan(office_code=office.code, year=year, kind=kind, ratio=value, filters=clean,
                            title=clean_title, state="planned", inspectors_per_check=per_check, created_by=actor,
                            inspector_ids=[], exclusions={}, origin_office=office.code)
        session.add(row)
        session.flush()
        return _plan_row(session, row, items=False)


def _plan_row(session: Session, p: SpotcheckPlan, *, items: bool = True, snapshot: bool = False) -> PlanRow:
    return PlanRow(
        id=p.id, office_code=p.office_code, year=p.year, kind=p.kind, ratio=str(_stored_ratio(p)),
        filters=dict(p.filters or {}), title=p.title, state=p.state, inspectors_per_check=p.inspectors_per_check,
        created_by=p.created_by, method=p.method, seed=p.seed, eligible_count=p.eligible_count,
        drawn_count=p.drawn_count, snapshot_sha256=p.snapshot_sha256, inspector_ids=list(p.inspector_ids or []),
        exclusions=dict(p.exclusions or {}), drawn_by=p.drawn_by, drawn_at=p.drawn_at,
        cancelled_reason=p.cancelled_reason, cancelled_by=p.cancelled_by,
        items=_item_rows(session, p.id) if items else [], snapshot=p.snapshot if snapshot else None)


def _item_rows(session: Session, plan_id: str) -> list[ItemRow]:
    names = {i.id: i.name for i in session.scalars(select(Inspector))}
    rows = session.execute(
        select(SpotcheckItem, Organization.name, Organization.uscc)
        .join(Organization, Organization.id == SpotcheckItem.organization_id)
        .where(SpotcheckItem.plan_id == plan_id, SpotcheckItem.deleted_at.is_(None))
        .order_by(SpotcheckItem.position))
    return [ItemRow(i.id, i.plan_id, i.position, i.organization_id, name, uscc, list(i.inspector_ids or []),
                    [names.get(x, x) for x in i.inspector_ids or []], i.notice_on, i.checked_on, i.findings,
                    i.result, i.rectify_by, i.rectified_on, i.published_on, i.recorded_by, i.version)
            for i, name, uscc in rows]


def get_plan(db: Database, plan_id: str, *, snapshot: bool = False) -> PlanRow:
    """A plan of this office with its items (and its stored snapshot text with ``snapshot``)."""
    office = db.office()
    with db.read() as session:
        return _plan_row(session, _get_plan(session, plan_id, office.code), snapshot=snapshot)


def list_plans(db: Database, *, year: int | None = None) -> list[PlanRow]:
    """This office's plans, newest year first (without their items)."""
    office = db.office()
    with db.read() as session:
        query = select(SpotcheckPlan).where(SpotcheckPlan.office_code == office.code,
                                            SpotcheckPlan.deleted_at.is_(None))
        if year is not None:
            query = query.where(SpotcheckPlan.year == year)
        plans = session.scalars(query.order_by(SpotcheckPlan.year.desc(), SpotcheckPlan.created_at))
        return [_plan_row(session, p, items=False) for p in plans]


def list_items(db: Database, plan_id: str) -> list[ItemRow]:
    """The drawn organizations of a plan, in draw order."""
    office = db.office()
    with db.read() as session:
        _get_plan(session, plan_id, office.code)
        return _item_rows(session, plan_id)


def cancel(db: Database, plan_id: str, reason: str | None, *, by: auth.UserInfo | None) -> PlanRow:
    """Cancel a planned or drawn plan, with a reason (a draw is never redone: a new plan is drawn instead)."""
    actor = auth.require(db, by, "supervise.decide")
    office = db.office()
    clean = _text(reason, "reason", "理由", limit=500, multiline=True)
    if not clean:
        raise InputError("spotcheck.reason_required")
    with db.unit(actor=actor) as session:
        p = _get_plan(session, plan_id, office.code)
        if p.state not in ("planned", "drawn"):
            raise InputError("spotcheck.bad_state", state=p.state, action="cancel")
        p.state, p.cancelled_reason, p.cancelled_by = "cancelled", clean, actor
        session.flush()
        return _plan_row(session, p, items=False)


# -- the draw ----------------------------------------------------------------------------------------------------------
def eligible_ids(session: Session, office_code: str, filters: Mapping[str, list[str]], *,
                 ordered: bool = True) -> list[str]:
    """The sorted ids of the organizations a plan with ``filters`` draws from (see the module, step 1); in the
    database's order with ``ordered=False`` (for :func:`sort_and_pack`)."""
    o = Organization
    query = select(o.id).where(o.deleted_at.is_(None), o.status.in_(LIVE_STATUSES),
                               func.substr(o.registry_code, 1, 6) == office_code,
                               o.tier.in_(filters.get("tier") or ["registered"]))
    for key, column in (("category", o.category), ("legal_form", o.legal_form), ("township_code", o.township_code),
                        ("organization_ids", o.id)):
        if filters.get(key):
            query = query.where(column.in_(filters[key]))
    if session.get_bind().dialect.name == "sqlite" and not {k for k, v in filters.items() if v} - _DUE_COUNTY_KEYS:
        ids = _eligible_from_index(session, query, office_code)
    else:
        ids = list(session.scalars(query))
    if ordered:
        ids.sort()
    return ids


#: The filters whose columns ``ix_organization_due_county`` holds (see :func:`_eligible_from_index`).
_DUE_COUNTY_KEYS = frozenset({"tier", "legal_form", "organization_ids"})


def _eligible_from_index(session: Session, query: Any, office_code: str) -> list[str]:
    """The ids of ``query`` (:func:`eligible_ids`' select, filtered on columns of the index only) read from
    ``ix_organization_due_county`` (registry, tier, county, id, …; migration 0010) through the range of the
    registry codes that begin with the office's code.  Left to itself SQLite drove the query by the tier's
    sort index and read every row of the table (3.9 s at 1,000,000 organizations, 414,000 eligible); the
    covering index reads in 0.3-0.6 s, and gives the ids sorted within each (registry, tier, county): a
    handful of sorted runs, which Python's sort merges five times faster than ids in random order.  The
    order is no part of the result (the caller sorts); the ids are the same (the range only restates the
    ``substr`` condition, which stays)."""
    o = Organization
    query = query.where(o.registry_code >= office_code, o.registry_code < office_code + "\U0010ffff")
    compiled = query.compile(bind=session.get_bind(), compile_kwargs={"render_postcompile": True})
    sql = str(compiled)
    assert sql.count("FROM organization") == 1
    sql = sql.replace("FROM organization", "FROM organization INDEXED BY ix_organization_due_county")
    params = compiled.construct_params()
    rows = session.connection().exec_driver_sql(sql, tuple(params[name] for name in compiled.positiontup or []))
    return [row[0] for row in rows]


def draw(db: Database, plan_id: str, *, by: auth.UserInfo | None) -> PlanRow:
    """Draw a planned plan's organizations and inspectors (see the module) and store everything that repeats
    it; refused for an empty eligible list, an empty or too short roster, a plan already drawn."""
    actor = auth.require(db, by, "supervise")
    office = db.office()
    with db.read() as session:
        p = _get_plan(session, plan_id, office.code)
        if p.state != "planned":
            raise InputError("spotcheck.already_drawn" if p.seed else "spotcheck.bad_state", state=p.state,
                             action="draw")
        ids = eligible_ids(session, office.code, p.filters or {}, ordered=False)
        conflicts = {i.id: set(i.conflicts or []) for i in session.scalars(select(Inspector).where(
            Inspector.office_code == office.code, Inspector.active.is_(True), Inspector.deleted_at.is_(None)))}
        per_check, ratio = p.inspectors_per_check, _stored_ratio(p)
    if not ids:
        raise InputError("spotcheck.nothing_eligible")
    if not conflicts:
        raise InputError("spotcheck.no_inspectors")
    if len(conflicts) < per_check:
        raise InputError("spotcheck.roster_too_short", count=len(conflicts), needed=per_check)
    roster = sorted(conflicts)
    ids, packing = sort_and_pack(ids)  # the snapshot deflates while the ids are sorted
    try:
        made = new_draw(secrets.token_hex(16), ids, ratio, roster, per_check, conflicts, packing=packing)
    except ShortRoster as short:
        with db.read() as session:
            org = session.get(Organization, short.organization_id)
            name = org.name if org is not None else short.organization_id
        raise InputError("spotcheck.conflicts_leave_too_few", name=name, available=short.available,
                         needed=per_check) from None
    result = made.result
    with db.unit(actor=actor) as session:
        p = _get_plan(session, plan_id, office.code)
        if p.state != "planned":  # drawn by someone else meanwhile
            raise InputError("spotcheck.already_drawn", state=p.state, action="draw")
        p.method, p.seed, p.eligible_count, p.drawn_count = METHOD, made.seed, len(ids), len(result.organization_ids)
        p.snapshot, p.snapshot_sha256 = made.snapshot, made.snapshot_sha256
        p.inspector_ids, p.exclusions = roster, made.exclusions
        p.drawn_by, p.drawn_at, p.state = actor, clock.utcnow(), "drawn"
        session.flush()
        # The checks by the bulk path (Core executemany, one change-log INSERT … SELECT per chunk): as ORM rows
        # each cost 2-3 ms of history, audit and change-log bookkeeping, a minute at 30,000 checks.  The audit
        # trail gets one entry for them, with the SHA-256 of their list (verify recomputes the list itself).
        now = clock.utcnow()
        rows = [{"id": new_id(), "plan_id": p.id, "organization_id": org, "position": n, "inspector_ids": team,
                 "origin_office": office.code, "created_at": now, "updated_at": now}
                for n, (org, team) in enumerate(zip(result.organization_ids, result.inspector_ids, strict=True),
                                                start=1)]
        insert_rows(session, [(table_of(SpotcheckItem), rows)])
        listed = "".join(f"{n}\t{org}\t{','.join(team)}\n" for n, (org, team) in enumerate(
            zip(result.organization_ids, result.inspector_ids, strict=True), start=1))
        audit.record(session, "spotcheck.drawn", "spotcheck_plan", p.id, checks=len(rows),
                     snapshot_sha256=made.snapshot_sha256,
                     checks_sha256=hashlib.sha256(listed.encode("utf-8")).hexdigest())
        return _plan_row(session, p)


def verify(db: Database, plan_id: str) -> VerifyResult:
    """Recompute a drawn plan from its stored snapshot, seed, method, roster and exclusions and compare with
    its stored checks: the first difference found, or a match.  Reads only."""
    office = db.office()
    with db.read() as session:
        p = _get_plan(session, plan_id, office.code)
        if not p.seed:
            raise InputError("spotcheck.not_drawn", state=p.state)
        items = [(i.position, i.organization_id, list(i.inspector_ids or [])) for i in session.scalars(
            select(SpotcheckItem).where(SpotcheckItem.plan_id == p.id, SpotcheckItem.deleted_at.is_(None))
            .order_by(SpotcheckItem.position))]
        stored = (p.method, p.seed, p.eligible_count, p.drawn_count, p.snapshot_sha256)
        snapshot, ratio, roster = p.snapshot or "", _stored_ratio(p), list(p.inspector_ids or [])
        per_check, exclusions = p.inspectors_per_check, dict(p.exclusions or {})

    def result(code: str, **params: Any) -> VerifyResult:
        return VerifyResult(plan_id, code == "spotcheck.verify_match", code, params, *stored)

    method, seed, eligible_count, drawn_count, sha = stored
    if method not in METHODS:
        return result("spotcheck.verify_method", method=method)
    try:
        int(seed or "", 16)
        ids, actual_sha = unpack_snapshot(snapshot)
    except ValueError:
        return result("spotcheck.verify_unreadable")
    if actual_sha != sha:
        return result("spotcheck.verify_sha", stored=sha, actual=actual_sha)
    if any(a >= b for a, b in pairwise(ids)) or len(ids) != eligible_count:
        return result("spotcheck.verify_snapshot_order")
    if roster != sorted(set(roster)):
        return result("spotcheck.verify_roster_order")
    try:
        again = compute_draw(method, seed or "", ids, ratio, roster, per_check, exclusions)
    except ShortRoster as short:
        return result("spotcheck.verify_short", organization=short.organization_id)
    if len(again.organization_ids) != drawn_count:
        return result("spotcheck.verify_count", stored=drawn_count, actual=len(again.organization_ids))
    by_position: dict[int, tuple[str, list[str]]] = {}
    for position, stored_org, stored_team in items:
        if position in by_position or not 1 <= position <= len(again.organization_ids):
            return result("spotcheck.verify_extra", position=position)
        by_position[position] = (stored_org, stored_team)
    for n, (org, team) in enumerate(zip(again.organization_ids, again.inspector_ids, strict=True), start=1):
        if n not in by_position:
            return result("spotcheck.verify_missing", position=n, organization=org)
        stored_org, stored_team = by_position[n]
        if stored_org != org:
            return result("spotcheck.verify_org", position=n, expected=org, stored=stored_org)
        if stored_team != team:
            return result("spotcheck.verify_team", position=n, expected=", ".join(team), stored=", ".join(stored_team))
    return result("spotcheck.verify_match", count=drawn_count, eligible=eligible_count)


# -- the record of a check ---------------------------------------------------------------------------------------------
def _date(value: Any, label: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        raise InputError("spotcheck.bad_date", field=label, value=str(value)[:20])
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError("spotcheck.bad_date", field=label, value=str(value)[:20]) from None


def _local_date(utc: datetime) -> date:
    return utc.replace(tzinfo=timezone.utc).astimezone().date()


def record(db: Database, item_id: str, values: Mapping[str, Any], *, by: auth.UserInfo | None,
           shown_version: int | None = None) -> ItemRow:
    """Record what happened at one check (only the fields given change; ``None`` clears one).  Dates in order
    (the draw ≤ notice ≤ check ≤ rectified/published; rectify by after the check) and none but ``rectify_by``
    in the future; a result needs its check date, ``rectify`` its date to rectify by.  The plan is completed
    when every check has its result.  Refused (``record.changed``, audited) when the check changed since the
    clerk's view showed it at ``shown_version``."""
    actor = auth.require(db, by, "supervise")
    office = db.office()
    unknown = set(values) - set(_RECORD_FIELDS)
    if unknown:
        raise InputError("spotcheck.bad_field", field=", ".join(sorted(unknown)), allowed=", ".join(_RECORD_FIELDS))

    def work() -> ItemRow:
        with db.unit(actor=actor) as session:
            item = session.get(SpotcheckItem, item_id)
            if item is None or item.deleted_at is not None:
                raise NotFoundError("spotcheck.item_not_found", key=item_id)
            if shown_version is not None:  # named by its organization
                org = session.get(Organization, item.organization_id)
                common.check_shown(item, shown_version, "spotcheck_item", org.name if org else None)
            p = _get_plan(session, item.plan_id, office.code)
            if p.state not in ("drawn", "completed"):
                raise InputError("spotcheck.bad_state", state=p.state, action="record")
            now: dict[str, Any] = {k: getattr(item, k) for k in _RECORD_FIELDS}
            for key in _DATE_FIELDS:
                if key in values:
                    now[key] = _date(values[key], key)
            if "findings" in values:
                now["findings"] = _text(values["findings"], "findings", "检查发现", limit=4000, multiline=True)
            if "result" in values:
                if values["result"] not in (None, "", *RESULTS):
                    raise InputError("spotcheck.bad_result", value=str(values["result"])[:20],
                                     allowed=", ".join(RESULTS))
                now["result"] = values["result"] or None
            _check_dates(now, _local_date(p.drawn_at) if p.drawn_at else None)
            for key, value in now.items():
                setattr(item, key, value)
            item.recorded_by = actor
            session.flush()
            open_items = session.scalar(select(func.count()).select_from(SpotcheckItem).where(
                SpotcheckItem.plan_id == p.id, SpotcheckItem.deleted_at.is_(None), SpotcheckItem.result.is_(None)))
            if p.state == "drawn" and not open_items:
                p.state = "completed"
            session.flush()
            if item.result is not None:  # a rectification not done in time is proposed for the abnormal list now
                credit.propose_in(session, office.code, item.organization_id)
            return next(r for r in _item_rows(session, p.id) if r.id == item.id)

    return common.audited_if_changed(db, by, "spotcheck_item", "record", item_id, work)


def _check_dates(v: Mapping[str, Any], drawn_on: date | None) -> None:
    today = clock.today()
    for key in ("notice_on", "checked_on", "rectified_on", "published_on"):
        if v[key] is not None and v[key] > today:
            raise InputError("spotcheck.date_future", field=key, value=v[key].isoformat())
    order = [("drawn", drawn_on), ("notice_on", v["notice_on"]), ("checked_on", v["checked_on"])]
    known = [(k, d) for k, d in order if d is not None]
    for (k1, d1), (k2, d2) in pairwise(known):
        if d2 < d1:
            raise InputError("spotcheck.date_order", first=k1, second=k2, value=d2.isoformat(), before=d1.isoformat())
    if v["result"] is not None and v["checked_on"] is None:
        raise InputError("spotcheck.result_needs_check")
    if v["result"] == "rectify":
        if v["rectify_by"] is None:
            raise InputError("spotcheck.rectify_by_required")
        if v["rectify_by"] <= v["checked_on"]:
            raise InputError("spotcheck.date_order", first="checked_on", second="rectify_by",
                             value=v["rectify_by"].isoformat(), before=v["checked_on"].isoformat())
    elif v["rectify_by"] is not None or v["rectified_on"] is not None:
        raise InputError("spotcheck.rectify_without_result")
    for key in ("rectified_on", "published_on"):
        if v[key] is not None:
            if v["result"] is None:
                raise InputError("spotcheck.result_needs_check" if v["checked_on"] is None
                                 else "spotcheck.needs_result", field=key)
            if v[key] < v["checked_on"]:
                raise InputError("spotcheck.date_order", first="checked_on", second=key, value=v[key].isoformat(),
                                 before=v["checked_on"].isoformat())


# -- the public list ---------------------------------------------------------------------------------------------------
def public_results(db: Database, plan_id: str) -> list[PublicResult]:
    """The rows of the public list of a plan's results (一公开): the organization, its USCC and the outcome;
    no inspector, no person, no findings text (which may name people)."""
    return [PublicResult(i.position, i.organization_name, i.uscc, i.checked_on, i.result, i.rectify_by,
                         i.rectified_on, i.published_on) for i in list_items(db, plan_id)]
