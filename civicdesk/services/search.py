"""Search of the register: Chinese substrings, USCC prefixes and pinyin, on an index kept with the data.

The index (SQLite FTS5 table ``org_grams``) holds, for each organization, every pair of adjacent characters
of its name, address, legal representative, and the name's pinyin (full and initials) as one token each.
A query of two or more characters becomes the phrase of its overlapping bigrams, which matches exactly the
rows that contain the query as a substring: the same rows as ``LIKE '%q%'`` (a test compares them), where
FTS5's trigram tokenizer cannot answer queries under three characters at all.  A one-character query, or
one with punctuation, falls back to the ``LIKE`` scan.  A USCC prefix is a range on the USCC index.

Pinyin is computed in phrase mode (犍为 -> qianwei, 调解 -> tiaojie) by pypinyin, with the pinyin of each
segment cached, which keeps it about 6 times faster than converting whole names.

Rows get their ``seq`` (the FTS rowid and the register table's id) and pinyin when indexed: ORM inserts and
updates are indexed in the same flush (session events); bulk inserts leave ``seq`` empty and are indexed by
:func:`index_pending` in the same or a following unit of work.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, event, func, or_, select, text, update
from sqlalchemy.orm import Session

from civicdesk.models import Organization

GAP = "\ue000"  # a token that no query contains: marks a break (punctuation) inside a column
_USCC_PREFIX = re.compile(r"[0-9A-HJ-NP-RTUW-Y]{2,18}")
INDEXED = ("name", "address", "legal_rep_name", "uscc", "status", "deleted_at")
LIVE = frozenset({"active", "suspended", "liquidating"})
TEXT_COLUMNS = "{name address legal_rep pinyin initials}"
BATCH = 2000


# -- text -----------------------------------------------------------------------------------------------------
@lru_cache(maxsize=200_000)
def _segment_pinyin(segment: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(segment, errors=lambda chars: list(chars.lower())))


def pinyin(name: str) -> tuple[str, str]:
    """(full pinyin without spaces, initials) of a name: 老年协会 -> ("laonianxiehui", "lnxh")."""
    from pypinyin.seg.mmseg import seg

    syllables: list[str] = []
    for segment in seg.cut(name):
        syllables.extend(_segment_pinyin(segment))
    words = [s for s in syllables if s.strip()]
    full = "".join(words).lower()
    initials = "".join(w[0] for w in words if w[0].isalnum()).lower()
    return full, initials


def _is_token_char(char: str) -> bool:
    return char.isalnum()


def grams(value: str | None) -> str:
    """The bigram tokens of ``value``, space-separated, with GAP where punctuation breaks it."""
    if not value:
        return ""
    chars = unicodedata.normalize("NFKC", value).lower()
    out: list[str] = []
    for a, b in zip(chars, chars[1:]):
        if _is_token_char(a) and _is_token_char(b):
            out.append(a + b)
        elif out and out[-1] != GAP:
            out.append(GAP)
    return " ".join(out)


def normalize_query(query: str) -> str:
    return unicodedata.normalize("NFKC", query).strip()


# -- maintenance ----------------------------------------------------------------------------------------------
def _has_index(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _state(status: str | None, deleted_at: Any) -> str:
    """A token that lets the index answer the default filter alone: ``gone`` for rows it hides."""
    return "gone" if deleted_at is not None or status not in LIVE else ""


def _gram_row(seq: int, values: dict[str, Any]) -> dict[str, Any]:
    """The index row of an organization from its column values (name, address, legal_rep_name, pinyin …)."""
    return {"rowid": seq, "name": grams(values.get("name")), "address": grams(values.get("address")),
            "legal_rep": grams(values.get("legal_rep_name")), "pinyin": grams(values.get("name_pinyin")),
            "initials": grams(values.get("name_initials")), "uscc": grams(values.get("uscc")),
            "state": _state(values.get("status"), values.get("deleted_at"))}


def _values(org: Organization, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    keys = ("name", "address", "legal_rep_name", "name_pinyin", "name_initials", "uscc", "status", "deleted_at")
    values = {key: getattr(org, key) for key in keys}
    values.update(overrides or {})
    return values


_COLUMNS = "rowid, name, address, legal_rep, pinyin, initials, uscc, state"
_PARAMS = ":rowid, :name, :address, :legal_rep, :pinyin, :initials, :uscc, :state"
_INSERT = text(f"INSERT INTO org_grams({_COLUMNS}) VALUES ({_PARAMS})")
_DELETE = text(f"INSERT INTO org_grams(org_grams, {_COLUMNS}) VALUES ('delete', {_PARAMS})")


def _next_seq(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(Organization.seq), 0))) or 0) + 1


def index_pending(session: Session, progress: Callable[[int, int], None] | None = None) -> int:
    """Give every organization without a ``seq`` its seq and pinyin and index it; returns how many."""
    o = Organization
    pending = session.execute(
        select(o.id, o.name, o.address, o.legal_rep_name, o.uscc, o.status, o.deleted_at)
        .where(o.seq.is_(None)).order_by(o.created_at, o.id)
    ).all()
    if not pending:
        return 0
    seq = _next_seq(session)
    index = _has_index(session)
    for start in range(0, len(pending), BATCH):
        updates, gram_rows = [], []
        for row in pending[start:start + BATCH]:
            values = row._asdict()
            values["name_pinyin"], values["name_initials"] = pinyin(values["name"])
            updates.append({"b_id": values["id"], "b_seq": seq, "b_pinyin": values["name_pinyin"],
                            "b_initials": values["name_initials"]})
            gram_rows.append(_gram_row(seq, values))
            seq += 1
        session.execute(
            update(Organization.__table__).where(Organization.__table__.c.id == bindparam("b_id"))
            .values(seq=bindparam("b_seq"), name_pinyin=bindparam("b_pinyin"), name_initials=bindparam("b_initials")),
            updates,
        )
        if index:
            session.execute(_INSERT, gram_rows)
        if progress:
            progress(min(start + BATCH, len(pending)), len(pending))
    return len(pending)


def prepare_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Bulk path, before the insert: give new organization rows their seq and pinyin in the dicts, so that
    the insert writes each row once (setting them afterwards would rewrite every sort index)."""
    seq = _next_seq(session)
    for row in rows:
        row["seq"] = seq
        row["name_pinyin"], row["name_initials"] = pinyin(row["name"])
        seq += 1


def index_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Bulk path, after the insert: the bigram index of rows prepared by :func:`prepare_rows`."""
    if not _has_index(session):
        return
    for start in range(0, len(rows), BATCH):
        session.execute(_INSERT, [_gram_row(r["seq"], r) for r in rows[start:start + BATCH]])


def rebuild(session: Session) -> int:
    """Drop and rebuild the whole index from the organization table (repair; `verify` compares counts)."""
    if _has_index(session):
        session.execute(text("INSERT INTO org_grams(org_grams) VALUES ('delete-all')"))
    session.execute(update(Organization).values(seq=None).execution_options(synchronize_session=False))
    return index_pending(session)


def index_count(session: Session) -> int | None:
    if not _has_index(session):
        return None
    # a contentless table keeps one docsize row per document
    return int(session.scalar(text("SELECT count(*) FROM org_grams_docsize")) or 0)


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """ORM changes: new rows get seq and pinyin; changed indexed text is taken out of the index first."""
    pending_inserts = session.info.setdefault("search_reindex", [])
    new_orgs = [o for o in session.new if isinstance(o, Organization)]
    if new_orgs:
        seq = _next_seq(session)
        for org in new_orgs:
            if org.seq is None:
                org.seq, seq = seq, seq + 1
            org.name_pinyin, org.name_initials = pinyin(org.name)
            pending_inserts.append(org)
    for org in session.dirty:
        if not isinstance(org, Organization) or org.seq is None:
            continue
        state = org.__dict__.get("_sa_instance_state")
        committed = state.committed_state if state is not None else {}
        if not any(key in committed for key in INDEXED):
            continue
        old = _values(org, {key: committed[key] for key in INDEXED if key in committed})
        if _has_index(session):
            session.execute(_DELETE, _gram_row(org.seq, old))
        org.name_pinyin, org.name_initials = pinyin(org.name)
        pending_inserts.append(org)


def _after_flush(session: Session, _context: Any) -> None:
    orgs = session.info.pop("search_reindex", [])
    if orgs and _has_index(session):
        session.execute(_INSERT, [_gram_row(o.seq, _values(o)) for o in orgs])


def install(session_factory: Any) -> None:
    """Keep the index with every ORM change made through sessions of ``session_factory``."""
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_flush", _after_flush)


# -- queries --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Match:
    """How a query is answered: an FTS5 expression over the bigram index, a USCC prefix (a range on the
    USCC's index), or (one character, punctuation) the LIKE scan."""

    expression: str | None
    like: bool
    uscc_prefix: str | None = None


def _phrase(text_: str) -> str:
    return '"' + " ".join(text_[i:i + 2] for i in range(len(text_) - 1)) + '"'


def plan(query: str, *, live_only: bool = False) -> Match | None:
    """The index expression for ``query``: its bigrams as a phrase in the text columns, or as the start of
    the USCC (``^``) when it looks like a USCC prefix; ``live_only`` adds ``NOT state:gone``."""
    q = normalize_query(query)
    if not q:
        return None
    low = q.lower()
    if uscc_query(q):
        return Match(None, like=False, uscc_prefix=q.upper())
    if len(low) < 2 or not all(_is_token_char(c) for c in low):
        return Match(None, like=True)
    expression = f"({TEXT_COLUMNS} : {_phrase(low)})"
    if _USCC_PREFIX.fullmatch(q.upper()):
        expression = f"({expression} OR (uscc : ^{_phrase(low)}))"
    if live_only:
        expression = f"({expression} NOT state : gone)"
    return Match(expression, like=False)


def uscc_query(query: str) -> bool:
    """Two or more USCC characters with a digit among them: a USCC prefix, and nothing else.

    Names, addresses and pinyin are searched for Chinese and letters; a string of digits and capitals is
    what a clerk types from a certificate (a house number is searched with its 号: "18号")."""
    return bool(_USCC_PREFIX.fullmatch(query.upper())) and any(c.isdigit() for c in query)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_condition(query: str) -> Any:
    """The reference semantics: a USCC prefix for a USCC-like query (see :func:`uscc_query`); otherwise a
    substring of name, address, legal representative, pinyin or initials (ASCII case-insensitive), or a
    prefix of the USCC."""
    q = normalize_query(query)
    pattern = f"%{_escape_like(q)}%"
    o = Organization
    if uscc_query(q):
        return o.uscc.like(f"{_escape_like(q.upper())}%", escape="\\")
    return or_(
        o.name.like(pattern, escape="\\"), o.address.like(pattern, escape="\\"),
        o.legal_rep_name.like(pattern, escape="\\"), o.name_pinyin.like(pattern.lower(), escape="\\"),
        o.name_initials.like(pattern.lower(), escape="\\"), o.uscc.like(f"{_escape_like(q.upper())}%", escape="\\"),
    )


def hits(query: str, *, live_only: bool = False) -> Any:
    """``SELECT rowid FROM org_grams WHERE MATCH …`` for ``query`` (None when the index cannot answer it)."""
    match = plan(query, live_only=live_only)
    if match is None or match.expression is None:
        return None
    return select(text("rowid")).select_from(text("org_grams")).where(
        text("org_grams MATCH :expression").bindparams(expression=match.expression))


def condition(session: Session, query: str) -> Any:
    """A WHERE condition on Organization for ``query``, using the index where it can."""
    match = plan(query)
    if match is None:
        return None
    if match.uscc_prefix:  # the USCC's own (sort) index: a range, no full-text index needed
        return Organization.uscc.between(match.uscc_prefix, match.uscc_prefix + "\uffff")
    found = hits(query) if _has_index(session) else None
    if found is None:
        return like_condition(query)
    return Organization.seq.in_(found.scalar_subquery())


def count_live(session: Session, query: str) -> int | None:
    """How many existing organizations match, from the index alone (None if it cannot answer)."""
    found = hits(query, live_only=True) if _has_index(session) else None
    if found is None:
        return None
    return int(session.scalar(select(func.count()).select_from(found.subquery())) or 0)


def matched_fields(row: Any, query: str) -> list[str]:
    """Which fields of a found row contain the query (for the CLI's "what matched")."""
    q = normalize_query(query)
    low = q.lower()
    out = []
    for key, value in (("name", row.name), ("address", row.address), ("legal_rep_name", row.legal_rep_name)):
        if value and low in value.lower():
            out.append(key)
    if row.name_pinyin and low in row.name_pinyin:
        out.append("pinyin")
    if row.name_initials and low in row.name_initials:
        out.append("initials")
    if row.uscc and row.uscc.startswith(q.upper()):
        out.append("uscc")
    return out
