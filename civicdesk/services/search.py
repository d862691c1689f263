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
INDEXED = ("name", "address", "legal_rep_name")
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


def _gram_row(seq: int, name: str | None, address: str | None, rep: str | None, full: str | None,
              initials: str | None) -> dict[str, Any]:
    return {"rowid": seq, "name": grams(name), "address": grams(address), "legal_rep": grams(rep),
            "pinyin": grams(full), "initials": grams(initials)}


_INSERT = text("INSERT INTO org_grams(rowid, name, address, legal_rep, pinyin, initials)"
               " VALUES (:rowid, :name, :address, :legal_rep, :pinyin, :initials)")
_DELETE = text("INSERT INTO org_grams(org_grams, rowid, name, address, legal_rep, pinyin, initials)"
               " VALUES ('delete', :rowid, :name, :address, :legal_rep, :pinyin, :initials)")


def _next_seq(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(Organization.seq), 0))) or 0) + 1


def index_pending(session: Session, progress: Callable[[int, int], None] | None = None) -> int:
    """Give every organization without a ``seq`` its seq and pinyin and index it; returns how many."""
    pending = session.execute(
        select(Organization.id, Organization.name, Organization.address, Organization.legal_rep_name)
        .where(Organization.seq.is_(None)).order_by(Organization.created_at, Organization.id)
    ).all()
    if not pending:
        return 0
    seq = _next_seq(session)
    index = _has_index(session)
    for start in range(0, len(pending), BATCH):
        updates, gram_rows = [], []
        for org_id, name, address, rep in pending[start:start + BATCH]:
            full, initials = pinyin(name)
            updates.append({"b_id": org_id, "b_seq": seq, "b_pinyin": full, "b_initials": initials})
            gram_rows.append(_gram_row(seq, name, address, rep, full, initials))
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
        session.execute(_INSERT, [_gram_row(r["seq"], r["name"], r.get("address"), r.get("legal_rep_name"),
                                            r["name_pinyin"], r["name_initials"]) for r in rows[start:start + BATCH]])


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
        old = {key: committed.get(key, getattr(org, key)) for key in INDEXED}
        if _has_index(session):
            session.execute(_DELETE, _gram_row(org.seq, old["name"], old["address"], old["legal_rep_name"],
                                               org.name_pinyin, org.name_initials))
        org.name_pinyin, org.name_initials = pinyin(org.name)
        pending_inserts.append(org)


def _after_flush(session: Session, _context: Any) -> None:
    orgs = session.info.pop("search_reindex", [])
    if orgs and _has_index(session):
        session.execute(_INSERT, [_gram_row(o.seq, o.name, o.address, o.legal_rep_name, o.name_pinyin,
                                            o.name_initials) for o in orgs])


def install(session_factory: Any) -> None:
    """Keep the index with every ORM change made through sessions of ``session_factory``."""
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_flush", _after_flush)


# -- queries --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Match:
    """How a query is answered: by the bigram index, a USCC prefix range, or the LIKE scan."""

    phrase: str | None  # FTS5 phrase of bigrams, or None
    uscc_prefix: str | None
    like: bool


def plan(query: str) -> Match | None:
    q = normalize_query(query)
    if not q:
        return None
    upper = q.upper()
    uscc_prefix = upper if _USCC_PREFIX.fullmatch(upper) and any(c.isdigit() for c in upper) else None
    low = q.lower()
    if len(low) >= 2 and all(_is_token_char(c) for c in low):
        phrase = '"' + " ".join(low[i:i + 2] for i in range(len(low) - 1)) + '"'
        return Match(phrase, uscc_prefix, like=False)
    return Match(None, uscc_prefix, like=True)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_condition(query: str) -> Any:
    """The reference semantics: a substring of name, address, legal representative, pinyin or initials
    (ASCII case-insensitive), or a prefix of the USCC."""
    q = normalize_query(query)
    pattern = f"%{_escape_like(q)}%"
    o = Organization
    return or_(
        o.name.like(pattern, escape="\\"), o.address.like(pattern, escape="\\"),
        o.legal_rep_name.like(pattern, escape="\\"), o.name_pinyin.like(pattern.lower(), escape="\\"),
        o.name_initials.like(pattern.lower(), escape="\\"), o.uscc.like(f"{_escape_like(q.upper())}%", escape="\\"),
    )


def condition(session: Session, query: str) -> Any:
    """A WHERE condition on Organization for ``query``, using the index where it can."""
    match = plan(query)
    if match is None:
        return None
    if match.like or not _has_index(session):
        return like_condition(query)
    hits = select(text("rowid")).select_from(text("org_grams")).where(
        text("org_grams MATCH :phrase").bindparams(phrase=match.phrase))
    parts = [Organization.seq.in_(hits.scalar_subquery())]
    if match.uscc_prefix:
        prefix = match.uscc_prefix
        parts.append(Organization.uscc.between(prefix, prefix + "\uffff"))
    return or_(*parts) if len(parts) > 1 else parts[0]


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
