"""Search of the register: Chinese substrings, USCC prefixes and pinyin, on indexes kept with the data.

Two SQLite FTS5 tables, contentless (the text lives in the organization table):

* ``org_text`` holds, for each organization, its name, address, legal representative and the name's pinyin
  (full and initials) as *4-grams*: at every position of a run of letters and digits the next four characters
  (fewer at the run's end), with a prefix index on their first 2 characters.  A query of 2 characters is a
  prefix of one token (the prefix index answers it like a single term), one of 3 a prefix scan of the tokens
  starting with it (for Chinese text one or two; a third prefix index cost 4 s a 100,000-row import for
  35 -> 18 ms at worst at a million rows), one of 4 characters is one token, a longer one the phrase of its
  overlapping 4-grams.  Each matches exactly the rows that contain
  the query as a substring: the same rows as ``LIKE '%q%'`` (a test compares them).  Against the bigram index
  this replaced, counting 70,000 matches of 老年协会 or lnxh fell from 30-65 ms to under 10 ms at a million
  rows, because one token's doclist is read instead of a phrase of three checked position by position.
  A one-character query, or one with punctuation, falls back to the ``LIKE`` scan.
* ``org_uscc`` holds each USCC's prefixes of 2 to 10 characters, one token each: a USCC prefix is one term.
  Longer prefixes (at most a handful of rows) are a range on the USCC's own index.

The rowid of both tables is the organization's ``name_rank``: an integer in the order of the register's name
sort (pinyin, name, seq), with gaps (2**32 apart when built) so that new rows get a rank between their
neighbours.  The index returns its matches in rowid order, so the first page of a search in name order is
the first rowids of the match (no sort of 70,000 matches), and sorting the register by name reads a narrow
index on the rank.  When a gap is used up, the ranks around it are spread again (rare).

Rows get their ``seq``, pinyin and rank when indexed: ORM inserts before their INSERT and updates in the
same flush (session events); bulk inserts through :func:`prepare_rows` and :func:`index_rows`, or later by
:func:`index_pending`.  A new row is written once, with its rank (an UPDATE of the rank rewrites every index of
the row on PostgreSQL).
Deleted rows (tombstones, never shown) are not indexed and have no rank.

On PostgreSQL there are no FTS5 tables: the ranks are kept the same way, the same 4-grams are rows of a table
``org_gram`` (gram, live, rank) whose key counts and pages a search of 2 to 4 characters or a USCC prefix
(migration 0014, :func:`gram_plan`); a search with another filter or sort takes the ranks of that key or range,
and a query of 5 characters or more, or one with punctuation, the ranks of its rarest key checked by its LIKE
(:func:`_server_condition`; its first page in name order walks those ranks in order, :func:`_checked_first_ranks`):
the same rows as here.  (The bigram GIN index that answered these before was dropped by migration 0020.)

Pinyin is computed in phrase mode (犍为 -> qianwei, 调解 -> tiaojie) by pypinyin, with the pinyin of each
segment cached, which keeps it about 6 times faster than converting whole names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Any

from sqlalchemy import BigInteger, String, and_, bindparam, column, event, func, or_, select, text
from sqlalchemy import table as table_clause
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from civicdesk.errors import InputError
from civicdesk.models import Organization, table_of
from civicdesk.schema import LIVE_STATUSES, MAX_QUERY

GAP = "\ue000"  # a token that no query contains: marks a break (punctuation) inside a column
GRAM = 4  # characters per token of org_text; shorter queries are prefixes (prefix index on 2)
USCC_TOKENS = 10  # USCC prefixes up to this length are tokens of org_uscc
_USCC_PREFIX = re.compile(r"[0-9A-HJ-NP-RTUW-Y]{2,18}")
_RUN = re.compile(r"[^\W_]+")  # letters and digits: what str.isalnum() accepts
INDEXED = ("name", "address", "legal_rep_name", "uscc", "status", "deleted_at")
LIVE = frozenset(LIVE_STATUSES)
TEXT_COLUMNS = "{name address legal_rep pinyin initials}"
TEXT_TABLE = "org_text"
USCC_TABLE = "org_uscc"
BATCH = 2000
STEP = 1 << 32  # the gap between ranks when they are laid out afresh
RANK_MIN, RANK_MAX = -(1 << 62), 1 << 62


# -- text -----------------------------------------------------------------------------------------------------
@lru_cache(maxsize=200_000)
def _segment_pinyin(segment: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin  # 0.5 s to import: loaded at the first name indexed or searched, not at start

    # pypinyin takes a list from ``errors`` (one item a character, as wanted here); its stub says str only
    return tuple(lazy_pinyin(segment, errors=lambda chars: list(chars.lower())))  # type: ignore[arg-type,return-value]


@lru_cache(maxsize=200_000)
def _segment_parts(segment: str) -> tuple[str, str]:
    """The pieces of :func:`pinyin`'s two texts that ``segment`` gives, before lowering: its syllables joined, and
    the first letters or digits of them joined."""
    words = [s for s in _segment_pinyin(segment) if s.strip()]
    return "".join(words), "".join(w[0] for w in words if w[0].isalnum())


def _cut(name: str) -> list[str]:
    """pypinyin's phrase segmentation of ``name`` (``pypinyin.seg.mmseg.seg.cut``: forward maximum matching of its
    phrase dictionary, strict mode), the same segments, without its generator and its copies of the rest of
    the text: from each place, the longest phrase among the texts read while they are prefixes of a phrase,
    else one character; where the prefixes reach the end of the name without a phrase, each character left."""
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg.mmseg import seg

    prefixes = getattr(getattr(seg, "_prefix_set", None), "_set", None)  # what seg.cut asks (trained on PHRASES_DICT)
    if not isinstance(prefixes, set) or getattr(seg, "_no_non_phrases", None) is not True:
        return list(seg.cut(name))  # a pypinyin whose insides differ (they are not its interface): its own way
    out: list[str] = []
    i, n = 0, len(name)
    while i < n:
        end = 0  # the end of the longest phrase found from i
        j = i + 1
        while j <= n:
            word = name[i:j]
            if word not in prefixes:
                break
            if word in PHRASES_DICT:
                end = j
            j += 1
        if end:
            out.append(name[i:end])
            i = end
        elif j > n:  # every text from i to the end a prefix, none a phrase: one character each
            out.extend(name[i:])
            break
        else:
            out.append(name[i])
            i += 1
    return out


def pinyin(name: str) -> tuple[str, str]:
    """(full pinyin without spaces, initials) of a name: 老年协会 -> ("laonianxiehui", "lnxh").

    Each segment's pieces are kept (:func:`_segment_parts`); the texts are lowered whole, as when they were made
    from the syllables (lowering is not always the same piece by piece: a Greek final sigma)."""
    parts = [_segment_parts(segment) for segment in _cut(name)]
    return "".join([p[0] for p in parts]).lower(), "".join([p[1] for p in parts]).lower()


def _pinyin_plain(name: str) -> tuple[str, str]:
    """:func:`pinyin` as pypinyin's own segmentation and the syllables give it, piece by piece (the tests'
    reference for the fast way)."""
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


_SLICES: list[list[slice]] = []  # _SLICES[n]: where the tokens of a run of n characters start and end


def _slices(n: int) -> list[slice]:
    while len(_SLICES) <= n:
        m = len(_SLICES)
        _SLICES.append([slice(i, i + GRAM) for i in range(m - 1)])
    return _SLICES[n]


def _runs(value: str) -> Iterable[str]:
    """The runs of letters and digits of ``value`` (NFKC, lower case) that hold tokens: two characters or more."""
    if value.isascii():  # pinyin, initials: NFKC leaves ASCII as it is, and often it is one run
        low = value.lower()
        runs = (low,) if low.isalnum() else _RUN.findall(low)
    else:
        runs = _RUN.findall(unicodedata.normalize("NFKC", value).lower())
    return [run for run in runs if len(run) > 1]


def grams(value: str | None) -> str:
    """The 4-gram tokens of ``value``, space-separated, with GAP between runs of letters and digits."""
    if not value:
        return ""
    return f" {GAP} ".join(" ".join(map(run.__getitem__, _slices(len(run)))) for run in _runs(value))


def uscc_grams(value: str | None) -> str:
    """The USCC's prefixes of 2 to USCC_TOKENS characters, space-separated."""
    if not value:
        return ""
    code = value.upper()
    return " ".join(code[:n] for n in range(2, min(len(code), USCC_TOKENS) + 1))


def normalize_query(query: str) -> str:
    """The query as it is matched (NFKC, trimmed); refuses one longer than :data:`MAX_QUERY`."""
    normalized = unicodedata.normalize("NFKC", query).strip()
    if len(normalized) > MAX_QUERY:
        raise InputError("search.too_long", length=len(normalized), max=MAX_QUERY)
    return normalized


# -- ranks ----------------------------------------------------------------------------------------------------
def rank_key(values: dict[str, Any]) -> tuple[str, str, int]:
    """The name sort of the register: pinyin, name, seq (SQLite compares text by code point, as Python does)."""
    return (values.get("name_pinyin") or "", values.get("name") or "", values["seq"])


def _spread(low: int | None, high: int | None, count: int) -> list[int] | None:
    """``count`` ranks strictly between ``low`` and ``high`` (None: no neighbour), evenly; None if they do not fit."""
    if low is None and high is None:
        return [i * STEP for i in range(count)]
    if low is None:
        low = max(RANK_MIN, high - (count + 1) * STEP)  # type: ignore[operator]
    if high is None:
        high = min(RANK_MAX, low + (count + 1) * STEP)
    gap = (high - low) // (count + 1)
    if gap < 1:
        return None
    return [low + (i + 1) * gap for i in range(count)]


_BEFORE = text(
    "SELECT name_rank FROM organization WHERE deleted_at IS NULL AND name_rank IS NOT NULL"
    " AND (name_pinyin, name, seq) < (:p, :n, :s) ORDER BY name_pinyin DESC, name DESC, seq DESC LIMIT 1")
_AFTER = text(
    "SELECT name_rank FROM organization WHERE deleted_at IS NULL AND name_rank IS NOT NULL"
    " AND (name_pinyin, name, seq) > (:p, :n, :s) ORDER BY name_pinyin, name, seq LIMIT 1")
_RANKED = text(
    "SELECT name_pinyin, name, seq, name_rank FROM organization WHERE deleted_at IS NULL AND name_rank IS NOT NULL"
    " ORDER BY name_pinyin, name, seq")


#: the two probes of _BEFORE and _AFTER for a batch of keys in one statement, on PostgreSQL: one round trip for a
#: batch instead of two a row, and each probe one step in ix_organization_sort_name, whose NULLs come first (as
#: SQLite's do) -- ordered by the plain ASC (NULLS LAST there) the server sorted every later row for each probe,
#: 70 ms a probe at 100,000 organizations (bench_pg_scale's ledger import); no row with a NULL passes the
#: comparison, so the answers are the same
_BOTH_BATCH = text(
    "SELECT (SELECT name_rank FROM organization WHERE deleted_at IS NULL AND name_rank IS NOT NULL"
    " AND (name_pinyin, name, seq) < (k.p, k.n, k.s)"
    " ORDER BY name_pinyin DESC NULLS LAST, name DESC NULLS LAST, seq DESC NULLS LAST LIMIT 1),"
    " (SELECT name_rank FROM organization WHERE deleted_at IS NULL AND name_rank IS NOT NULL"
    " AND (name_pinyin, name, seq) > (k.p, k.n, k.s)"
    " ORDER BY name_pinyin NULLS FIRST, name NULLS FIRST, seq NULLS FIRST LIMIT 1)"
    " FROM unnest(CAST(:p AS text[]), CAST(:n AS text[]), CAST(:s AS bigint[])) WITH ORDINALITY AS k(p, n, s, i)"
    " ORDER BY k.i")


def _neighbours_by_query(session: Session, keys: list[tuple[str, str, int]]) -> list[tuple[int | None, int | None]]:
    conn = session.connection()
    out: list[tuple[int | None, int | None]] = []
    if conn.dialect.name == "postgresql":
        for start in range(0, len(keys), BATCH):
            chunk = keys[start:start + BATCH]
            params = {"p": [k[0] for k in chunk], "n": [k[1] for k in chunk], "s": [k[2] for k in chunk]}
            out.extend((r[0], r[1]) for r in conn.execute(_BOTH_BATCH, params))
        return out
    for p, n, s in keys:
        params = {"p": p, "n": n, "s": s}
        out.append((conn.execute(_BEFORE, params).scalar(), conn.execute(_AFTER, params).scalar()))
    return out


def _neighbours_by_merge(session: Session, keys: list[tuple[str, str, int]]) -> list[tuple[int | None, int | None]]:
    """The same answer as :func:`_neighbours_by_query` for many keys at once: one walk of the ranked rows."""
    ranked = session.connection().execute(_RANKED)
    out: list[tuple[int | None, int | None]] = []
    before: int | None = None
    current = ranked.fetchone()
    for key in keys:
        while current is not None and tuple(current[:3]) < key:
            before = current[3]
            current = ranked.fetchone()
        while current is not None and tuple(current[:3]) == key:  # the row itself (already stored)
            current = ranked.fetchone()
        out.append((before, current[3] if current is not None else None))
    ranked.close()
    return out


def _ranked_estimate(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(Organization.seq), 0))) or 0)


#: on PostgreSQL, ranked rows a merge walks for the cost of one row's probes (bench_pg_scale's ledger in parts)
PROBE_COST_PG = 1


def place(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each of ``rows`` (dicts with name_pinyin, name, seq) a ``name_rank`` between its neighbours among
    the rows already ranked; returns the rows that did not fit in their gap (rank None, see :func:`_respread`).
    Neighbours are found by two index probes a row, or for many rows by one merge with the ranked rows."""
    if not rows:
        return []
    order = sorted(rows, key=rank_key)
    keys = [rank_key(r) for r in order]
    # a merge walks every ranked row, a probe costs two index descents: on SQLite a probe is two statements a
    # row, on the server one statement for a batch of rows (_BOTH_BATCH)
    per_probe = PROBE_COST_PG if session.get_bind().dialect.name == "postgresql" else 16
    many = len(order) * per_probe > _ranked_estimate(session)
    bounds = (_neighbours_by_merge if many else _neighbours_by_query)(session, keys)
    left: list[dict[str, Any]] = []
    start = 0
    while start < len(order):  # rows between the same two neighbours share the gap
        end = start + 1
        while end < len(order) and bounds[end] == bounds[start]:
            end += 1
        ranks = _spread(*bounds[start], end - start)
        for i, row in enumerate(order[start:end]):
            row["name_rank"] = ranks[i] if ranks else None
            if not ranks:
                left.append(row)
        start = end
    return left


# -- index rows -----------------------------------------------------------------------------------------------
# written through the driver's cursor (the index is SQLite's own): SQLAlchemy's parameter handling was a
# tenth of a bulk insert's indexing time
_TEXT_COLUMNS = "rowid, name, address, legal_rep, pinyin, initials, state"
_INSERT_TEXT = f"INSERT INTO org_text({_TEXT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"
_DELETE_TEXT = f"INSERT INTO org_text(org_text, {_TEXT_COLUMNS}) VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)"
_INSERT_USCC = "INSERT INTO org_uscc(rowid, uscc, state) VALUES (?, ?, ?)"
_DELETE_USCC = "INSERT INTO org_uscc(org_uscc, rowid, uscc, state) VALUES ('delete', ?, ?, ?)"
_INDEX_COLUMNS = ("seq", "name", "address", "legal_rep_name", "name_pinyin", "name_initials", "uscc", "status",
                  "deleted_at", "name_rank")


def _has_index(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _state(status: str | None) -> str:
    """A token that lets the index answer the default filter alone: ``gone`` for rows it hides."""
    return "" if status in LIVE else "gone"


def indexed(values: dict[str, Any]) -> bool:
    """Whether the search index holds the row of ``values`` (not deleted, ranked)."""
    return values.get("deleted_at") is None and values.get("name_rank") is not None


def _text_row(values: dict[str, Any]) -> tuple[Any, ...]:
    return (values["name_rank"], grams(values.get("name")), grams(values.get("address")),
            grams(values.get("legal_rep_name")), grams(values.get("name_pinyin")), grams(values.get("name_initials")),
            _state(values.get("status")))


def _uscc_row(values: dict[str, Any]) -> tuple[Any, ...]:
    return (values["name_rank"], uscc_grams(values.get("uscc")), _state(values.get("status")))


# the server's table (migration 0014): one row per distinct (gram, organization), see "PostgreSQL" below
GRAM_TABLE = "org_gram"
USCC_MARK = "#"  # a USCC's row in org_gram: ``#`` and the code (no 4-gram holds ``#``)
_TEXT_KEYS = ("name", "address", "legal_rep_name", "name_pinyin", "name_initials")
_COPY_GRAMS = f"COPY {GRAM_TABLE} (gram, live, rank) FROM STDIN"
_DELETE_GRAMS = (f"DELETE FROM {GRAM_TABLE} g USING unnest(%s::text[], %s::boolean[], %s::bigint[]) AS d(gram, live,"
                 " rank) WHERE g.gram = d.gram AND g.live = d.live AND g.rank = d.rank")
_GRAM_KEY = ("pk_org_gram", "PRIMARY KEY (gram, live, rank)")


def _has_grams(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def gram_set(values: dict[str, Any], *, uscc: bool = True) -> set[str]:
    """The rows of ``org_gram`` for an organization: its distinct 4-grams (the tokens of ``org_text``) and its
    USCC marked with ``#`` (``org_uscc``'s prefixes are ranges of it)."""
    out: set[str] = set()
    for key in _TEXT_KEYS:  # the tokens of grams(), without joining and splitting them
        value = values.get(key)
        if value:
            for run in _runs(value):
                out.update(map(run.__getitem__, _slices(len(run))))
    if uscc and values.get("uscc"):
        code = values["uscc"]
        out.add(USCC_MARK + code)
        upper = code.upper()  # its prefixes, as org_uscc's tokens: a prefix query is one key, in rank order
        out.update([USCC_MARK + upper[:n] for n in range(2, min(len(upper), USCC_TOKENS) + 1)])
    return out


def _counted(gram: str) -> bool:
    """Whether ``org_gram_count`` keeps the live count of ``gram``: a gram that is a whole query (a 4-gram, a
    USCC prefix of up to :data:`USCC_TOKENS` characters; a 2- or 3-character query is a range)."""
    return len(gram) <= USCC_TOKENS + 1 if gram[0] == USCC_MARK else len(gram) == GRAM


def gram_sets(rows: Iterable[dict[str, Any]]) -> list[set[str]]:
    """The :func:`gram_set` of each of ``rows``, in order (made ahead: a ledger's part while the parts before it
    are written, ``legacy_entry.Load``)."""
    return [gram_set(r) for r in rows]


def begin_load(session: Session) -> bool:
    """A load in parts (a ledger's legacy entry on PostgreSQL) into an empty ``org_gram``: its key dropped, made
    again by :func:`end_load` (one sort instead of a B-tree kept up gram by gram).  Whether it was dropped (the
    grams then go in by :func:`load_ordered_grams`, in the key's order; else by :func:`index_rows`)."""
    if not _has_grams(session) or not grams_empty(session):
        return False
    _drop_gram_key(session)
    return True


def end_load(session: Session, counts: dict[str, int] | None = None) -> None:
    """After the last part of a load begun by :func:`begin_load`: the key, the counts (``counts``: those of every
    live row the load wrote, :meth:`GramRows.counts`; else counted again from the table), the rows whose gap was
    used up (:func:`_respread`)."""
    _make_gram_key(session)
    if counts is None:
        _recount(session)
    else:  # the table was empty: its counts are the parts' (a scan of millions of grams saved)
        session.execute(text(f"DELETE FROM {COUNT_TABLE}"))
        _write_counts(session, Counter(counts))
    _respread(session, session.info.pop("search_respread", []))


# -- a load's grams in the order of org_gram's key (PostgreSQL) ------------------------------------------------
#: the values of an organization :func:`made_grams` makes its grams from, in this order
GRAM_SOURCE = ("name", "name_pinyin", "name_initials", "address", "legal_rep_name", "uscc", "status")
_STATUS_AT = GRAM_SOURCE.index("status")


@dataclass
class MadeGrams:
    """What :func:`made_grams` gives for the new organizations of a load: each row's gram set, the ``COPY`` text
    of all their ``org_gram`` rows in the key's order (:class:`GramRows`), and the number of the live rows with a
    rank holding each counted gram (:func:`_counted`)."""

    sets: list[set[str]]
    ordered: list[bytes]
    counts: dict[str, int]


def made_grams(rows: list[tuple[Any, ...]], ranks: list[int | None]) -> MadeGrams:
    """The grams of a load's organizations (``rows``: the :data:`GRAM_SOURCE` values of each, the pinyin made
    here when a row has none; ``ranks``: their ``name_rank``, None for a row left unindexed), made by the program
    while a writer thread copies a sync package's rows (``apply._write_overlapped``).  The grams are the rows
    :func:`gram_set` gives, the counts those :func:`_recount` would make of them."""
    sets: list[set[str]] = []
    for name, full, initials, address, legal_rep_name, uscc, _status in rows:
        if full is None or initials is None:
            full, initials = pinyin(name)
        sets.append(gram_set({"name": name, "name_pinyin": full, "name_initials": initials, "address": address,
                              "legal_rep_name": legal_rep_name, "uscc": uscc}))
    gathered = GramRows(ascending=True)
    for rank, i in sorted((rank, i) for i, rank in enumerate(ranks) if rank is not None):
        gathered.add(sets[i], rows[i][_STATUS_AT] in LIVE, rank)
    return MadeGrams(sets, gathered.lines(), gathered.counts())


class GramRows:
    """The ``org_gram`` rows (gram, live, rank) of a load gathered organization by organization, given as ``COPY``
    text in the key's order (:meth:`lines`: the gram by code point, as the "C" collation orders its UTF-8; then
    live; then rank).  A key made over a table filled in its own order is made by a sort that finds its input
    already sorted, much faster than a sort of the grams in the order the rows came (``_make_gram_key``;
    bench/README.md, "The grams in the key's order").

    ``ascending``: the organizations come in the order of their ranks (each gram's ranks are then in order as
    they come, kept as the text that is written); else each gram's ranks are sorted at the end."""

    def __init__(self, ascending: bool) -> None:
        self.ascending = ascending
        #: each gram's ranks (not live, live): as text when ``ascending``, else as numbers
        self._posted: tuple[defaultdict[str, list[Any]], defaultdict[str, list[Any]]] = (defaultdict(list),
                                                                                         defaultdict(list))
        self._text: dict[int, bytes] = {}  # each rank as the COPY text writes it (not ``ascending``)
        self._last: int | None = None

    def add(self, grams: Iterable[str], live: bool, rank: int) -> None:
        """The grams of an organization with ``rank``, live or not (``live``)."""
        if self.ascending:
            if self._last is not None and rank <= self._last:
                raise ValueError(f"rank {rank} after {self._last}")  # the caller's mistake: never the data's
            self._last = rank
            value: Any = b"%d" % rank
        else:
            self._text[rank] = b"%d" % rank
            value = rank
        # the rank appended to each of its grams' lists, the loop over them run by map
        deque(map(list.append, map(self._posted[live].__getitem__, grams), repeat(value)), maxlen=0)

    def lines(self) -> list[bytes]:
        """The rows as ``COPY`` text, a chunk of lines a gram and live."""
        return list(self.chunks())

    def chunks(self) -> Iterator[bytes]:
        """:meth:`lines` as they are made, joined into chunks of those of :data:`_COPY_LINES_AT_ONCE` grams."""
        out: list[bytes] = []
        for lines in self._lines():
            out.append(lines)
            if len(out) >= _COPY_LINES_AT_ONCE:
                yield b"".join(out)
                out.clear()
        if out:
            yield b"".join(out)

    def _lines(self) -> Iterator[bytes]:
        dead, live = self._posted
        text = self._text.__getitem__
        for gram in sorted(dead.keys() | live.keys()):
            word = _copy_text(gram).encode()
            for flag, post in ((b"f", dead), (b"t", live)):
                ranks = post.get(gram)
                if ranks:
                    start = b"%s\t%s\t" % (word, flag)
                    if not self.ascending:
                        ranks.sort()
                        ranks = list(map(text, ranks))
                    yield start + (b"\n" + start).join(ranks) + b"\n"

    def counts(self) -> dict[str, int]:
        """The number of the live rows holding each counted gram (:func:`_counted`)."""
        return {gram: len(ranks) for gram, ranks in self._posted[True].items() if _counted(gram)}


def _copy_text(value: str) -> str:
    """``value`` as a field of ``COPY``'s text format (a backslash, tab, newline or carriage return escaped)."""
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return value


def gram_values(rows: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """What :func:`made_grams` makes the grams of ``rows`` (organizations' values) from."""
    return [tuple(row.get(k) for k in GRAM_SOURCE) for row in rows]


def load_ordered_grams(session: Session, lines: Iterable[bytes]) -> None:
    """The grams of a load begun by :func:`begin_load` in the key's order (:attr:`MadeGrams.ordered`, or the
    chunks of :meth:`GramRows.chunks` as another thread makes them), by one ``COPY``."""
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(_COPY_GRAMS) as copy:
            for chunk in lines:
                copy.write(chunk)
    finally:
        cursor.close()


def _write_grams(session: Session, rows: Iterable[dict[str, Any]], *, delete: bool, uscc: bool,
                 defer: bool = True, count: bool = True, made: list[set[str]] | None = None) -> None:
    """PostgreSQL: add (COPY) or take out (by the values they were made from, as SQLite's contentless table) the
    ``org_gram`` rows of ``rows``; a large insert into an empty table makes the key afterwards (one sort).  The
    live counts of :func:`_counted` grams change by as much (:func:`_write_counts`; held to the end of a flush
    or of a bulk change, :func:`_counts_held`, so that an edit's unchanged grams cost no count row; without
    ``count``, the caller makes them again with :func:`_recount`).  ``made``: the grams of the indexed rows,
    made ahead (:func:`gram_sets`, an insert's with ``uscc``: one a row of ``rows``)."""
    if made is not None:
        pairs = [(r, g) for r, g in zip(rows, made, strict=True) if indexed(r)]
        rows, made = [r for r, _ in pairs], [g for _, g in pairs]
    else:
        rows = [r for r in rows if indexed(r)]
    if not rows:
        return
    held = session.info.get(_COUNTS_HELD)
    counts: Counter[str] = Counter() if held is None else held
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        if delete:
            for start in range(0, len(rows), BATCH):
                found: tuple[list[str], list[bool], list[int]] = ([], [], [])
                for r in rows[start:start + BATCH]:
                    live, rank = r.get("status") in LIVE, r["name_rank"]
                    mine = gram_set(r, uscc=uscc)
                    for gram in mine:
                        found[0].append(gram)
                        found[1].append(live)
                        found[2].append(rank)
                    if live:
                        counts.subtract([g for g in mine if _counted(g)])
                cursor.execute(_DELETE_GRAMS, found)
        else:
            deferred = defer and len(rows) >= DEFER_KEY and grams_empty(session)
            if deferred:
                _drop_gram_key(session)
            sorted_in = not deferred and len(rows) >= SORT_MIN
            if sorted_in:
                cursor.execute(_MAKE_GRAMS_IN)
            with cursor.copy(_COPY_GRAMS_IN if sorted_in else _COPY_GRAMS) as copy:
                text_lines: list[str] = []
                for i, r in enumerate(rows):
                    live, rank = r.get("status") in LIVE, r["name_rank"]
                    mine = made[i] if made is not None else gram_set(r, uscc=uscc)
                    lines = _gram_lines(mine, live, rank)
                    if lines is not None:
                        text_lines.append(lines)
                        if len(text_lines) >= _COPY_LINES_AT_ONCE:
                            copy.write("".join(text_lines))
                            text_lines.clear()
                    else:  # a gram the text format would have to escape: the driver writes its rows
                        for gram in mine:
                            copy.write_row((gram, live, rank))
                    if live and count and not deferred:
                        counts.update([g for g in mine if _counted(g)])
                copy.write("".join(text_lines))
            if sorted_in:
                cursor.execute("SET LOCAL work_mem = '64MB'")  # the sort of a large load's grams, in memory
                cursor.execute(f"INSERT INTO {GRAM_TABLE} SELECT gram, live, rank FROM {_GRAMS_IN}"
                               " ORDER BY gram, live, rank")
                cursor.execute(f"DROP TABLE {_GRAMS_IN}")
            if deferred:
                _make_gram_key(session)
                if count:  # the table was empty: its counts are its rows', whatever was held before
                    _recount(session)
                    counts.clear()
    finally:
        cursor.close()
    if held is None:
        _write_counts(session, counts)


COUNT_TABLE = "org_gram_count"
_COUNTS_HELD = "search_counts"  # session.info: the count changes held until the end of a flush or bulk change
_COUNTS_FLUSH = "search_counts_flush"  # session.info: the held counts are the current flush's
#: the grams :func:`_counted` keeps, in SQL (length counts characters, as Python's len)
COUNTED_SQL = "CASE WHEN left(gram, 1) = '#' THEN length(gram) <= 11 ELSE length(gram) = 4 END"
RECOUNT_SQL = (f"INSERT INTO {COUNT_TABLE} (gram, n) SELECT gram, count(*) FROM {GRAM_TABLE}"
               f" WHERE live AND {COUNTED_SQL} GROUP BY gram")


#: grams: a change of at most this many grams (an edit, a form, a small import) folds each gram's rows into one
#: with its change; a larger one (an import) appends a row per gram, which the next small change of the gram
#: folds, so that a gram's rows stay few however long the office runs
FOLD_MAX = 2000
_FOLD_COUNTS = (
    f"WITH taken AS (DELETE FROM {COUNT_TABLE} WHERE gram = ANY(%(grams)s) RETURNING gram, n)"
    f" INSERT INTO {COUNT_TABLE} (gram, n) SELECT gram, sum(n) FROM"
    " (SELECT gram, n FROM taken UNION ALL SELECT * FROM unnest(%(grams)s::text[], %(ns)s::integer[])) AS c"
    " GROUP BY gram HAVING sum(n) <> 0")


def _write_counts(session: Session, counts: Counter[str]) -> None:
    """The count changes of the grams whose count changed (``org_gram_count`` holds changes, summed when read).
    A large change appends one row per gram (COPY); a small one (:data:`FOLD_MAX`) takes each of its grams'
    rows out and puts back their sum with its change, in one statement (writers take turns under the unit's
    lock, and a row another unit appends meanwhile is not taken out, so that the sum stays exact)."""
    changed = [(gram, n) for gram, n in counts.items() if n]
    if not changed:
        return
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        if len(changed) <= FOLD_MAX:
            cursor.execute(_FOLD_COUNTS, {"grams": [g for g, _ in changed], "ns": [n for _, n in changed]})
            return
        with cursor.copy(f"COPY {COUNT_TABLE} (gram, n) FROM STDIN") as copy:
            for row in changed:
                copy.write_row(row)
    finally:
        cursor.close()


def _recount(session: Session) -> None:
    """``org_gram_count`` made again from ``org_gram``: one row per counted gram (after a fill of the table)."""
    session.execute(text(f"DELETE FROM {COUNT_TABLE}"))
    session.execute(text(RECOUNT_SQL))


@contextmanager
def _counts_held(session: Session) -> Iterator[None]:
    """Hold the count changes of the index writes inside, and write their sum at the end (nested: the outer)."""
    if not _has_grams(session) or _COUNTS_HELD in session.info:
        yield
        return
    session.info[_COUNTS_HELD] = Counter()
    try:
        yield
    except BaseException:
        session.info.pop(_COUNTS_HELD, None)
        raise
    _write_counts(session, session.info.pop(_COUNTS_HELD))


DEFER_KEY = 10_000  # organizations: an insert of this many into an empty org_gram makes its key afterwards
#: organizations: an insert of this many into a table with rows gives its grams to the key in the key's order
#: (COPY into a temporary table, then INSERT … ORDER BY): a gram's rows come in no order of the key, and an
#: insert in key order walks the B-tree's pages once instead of landing on a random page each time (1.33
#: million grams of 20,000 organizations: 10.5-13.0 -> 6.3-6.8 s of the server's CPU, the COPY included)
SORT_MIN = 1000
_GRAMS_IN = "org_gram_in"
_MAKE_GRAMS_IN = (f'CREATE TEMPORARY TABLE {_GRAMS_IN} (gram text COLLATE "C" NOT NULL, live boolean NOT NULL,'
                  " rank bigint NOT NULL) ON COMMIT DROP")
_COPY_GRAMS_IN = f"COPY {_GRAMS_IN} (gram, live, rank) FROM STDIN"


#: organizations whose ``COPY`` lines are joined into one write to the driver
_COPY_LINES_AT_ONCE = 500


def _gram_lines(mine: set[str], live: bool, rank: int) -> str | None:
    """The ``org_gram`` rows of an organization (its grams ``mine``, whether it is live, its rank) as the lines
    of ``COPY``'s text format, made by one join: the driver's ``write_row`` per gram was most of the Python a
    ledger's load spent writing (7.7 million grams of 100,000 organizations).  None when a gram holds what the
    format escapes (a backslash, tab, newline or carriage return: a gram is letters and digits, or ``#`` and a
    USCC, so only a USCC that no check has seen could), or there is no gram; the caller then writes them row
    by row."""
    if not mine:
        return None
    end = f"\t{'t' if live else 'f'}\t{rank}\n"
    lines = end.join(mine) + end
    count = len(mine)
    if lines.count("\n") != count or lines.count("\t") != 2 * count or "\\" in lines or "\r" in lines:
        return None
    return lines


def grams_empty(session: Session) -> bool:
    """Whether ``org_gram`` holds no row (PostgreSQL)."""
    return session.execute(text(f"SELECT 1 FROM {GRAM_TABLE} LIMIT 1")).first() is None


def _drop_gram_key(session: Session) -> None:
    session.execute(text(f"ALTER TABLE {GRAM_TABLE} DROP CONSTRAINT IF EXISTS {_GRAM_KEY[0]}"))


def _make_gram_key(session: Session) -> None:
    session.execute(text(f"ALTER TABLE {GRAM_TABLE} ADD CONSTRAINT {_GRAM_KEY[0]} {_GRAM_KEY[1]}"))


def _write_index(session: Session, rows: Iterable[dict[str, Any]], *, delete: bool = False, uscc: bool = True) -> None:
    """Add (or, with ``delete``, take out: a contentless table needs the values it was given) index rows;
    without ``uscc`` only the text index's."""
    if _has_grams(session):
        _write_grams(session, rows, delete=delete, uscc=uscc)
        return
    if not _has_index(session):
        return
    _write_tuples(session, *_index_tuples(rows, uscc=uscc), delete=delete)


def _index_tuples(rows: Iterable[dict[str, Any]], *, uscc: bool = True) -> tuple[list[tuple[Any, ...]],
                                                                                 list[tuple[Any, ...]]]:
    """The rows of ``org_text`` and of ``org_uscc`` (without ``uscc``: none) of the indexed ones of ``rows``.

    In rowid order: FTS5 flushes its pending terms whenever a rowid comes lower than the one before, and bulk
    rows in insertion order have their ranks all over the place (a 100,000-row insert took 3 times as long)."""
    ordered = sorted((r for r in rows if indexed(r)), key=lambda r: r["name_rank"])
    return [_text_row(r) for r in ordered], [_uscc_row(r) for r in ordered if uscc and r.get("uscc")]


def _write_tuples(session: Session, texts: list[tuple[Any, ...]], usccs: list[tuple[Any, ...]], *,
                  delete: bool = False) -> None:
    if not texts and not usccs:
        return
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        for start in range(0, max(len(texts), len(usccs)), BATCH):
            cursor.executemany(_DELETE_TEXT if delete else _INSERT_TEXT, texts[start:start + BATCH])
            cursor.executemany(_DELETE_USCC if delete else _INSERT_USCC, usccs[start:start + BATCH])
    finally:
        cursor.close()


_SET_RANK = text("UPDATE organization SET name_rank = :r WHERE seq = :s")


def _store_ranks(session: Session, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        session.execute(_SET_RANK, [{"r": r["name_rank"], "s": r["seq"]} for r in rows[start:start + BATCH]])


def _respread(session: Session, rows: list[dict[str, Any]]) -> None:
    """Rank ``rows`` (stored, unranked) whose gap was used up: spread the ranks of a window of neighbours
    around each again, moving their index rows, widening the window until everything fits."""
    if rows:
        with _counts_held(session):  # the moved rows' grams go and come back: only the new rows' count
            _respread_each(session, rows)


def _respread_each(session: Session, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        key = rank_key(row)
        width = 64
        while True:
            conn = session.connection()
            before = conn.execute(text(
                f"SELECT {', '.join(_INDEX_COLUMNS)} FROM organization"
                " WHERE deleted_at IS NULL AND name_rank IS NOT NULL"
                " AND (name_pinyin, name, seq) < (:p, :n, :s) ORDER BY name_pinyin DESC, name DESC, seq DESC"
                " LIMIT :w"), {"p": key[0], "n": key[1], "s": key[2], "w": width + 1}).mappings().all()
            after = conn.execute(text(
                f"SELECT {', '.join(_INDEX_COLUMNS)} FROM organization"
                " WHERE deleted_at IS NULL AND name_rank IS NOT NULL"
                " AND (name_pinyin, name, seq) > (:p, :n, :s) ORDER BY name_pinyin, name, seq"
                " LIMIT :w"), {"p": key[0], "n": key[1], "s": key[2], "w": width + 1}).mappings().all()
            low = before[width]["name_rank"] if len(before) > width else None
            high = after[width]["name_rank"] if len(after) > width else None
            window = [dict(r) for r in reversed(before[:width])] + [row] + [dict(r) for r in after[:width]]
            ranks = _spread(low, high, len(window))
            if ranks and (low is None or high is None or (high - low) // (len(window) + 1) >= 1 << 16):
                break
            width *= 4
        moved = [r for r in window if r is not row]
        _write_index(session, moved, delete=True)
        for r, rank in zip(window, ranks, strict=False):
            r["name_rank"] = rank
        _store_ranks(session, window)
        _write_index(session, window)


# -- maintenance ----------------------------------------------------------------------------------------------
def _next_seq(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(Organization.seq), 0))) or 0) + 1


def _refill_text(session: Session, progress: Callable[[int, int], None] | None = None) -> int:
    """The text index made again empty by a migration (0007): its rows for every ranked organization, read
    and written in rank order, a batch at a time; returns how many (0 when it has rows already)."""
    if not _index_empty(session):
        return 0
    o = table_of(Organization)
    total = session.scalar(select(func.count()).select_from(o).where(o.c.name_rank.isnot(None))) or 0
    server = _has_grams(session)
    if server and total >= DEFER_KEY:  # filled in batches: the key made once at the end
        _drop_gram_key(session)
    stmt = (select(*(o.c[c] for c in _INDEX_COLUMNS)).where(o.c.name_rank > bindparam("last"), o.c.deleted_at.is_(None))
            .order_by(o.c.name_rank).limit(BATCH * 5))
    done, last = 0, RANK_MIN - 1
    while rows := [dict(r) for r in session.execute(stmt, {"last": last}).mappings()]:
        if server:
            _write_grams(session, rows, delete=False, uscc=True, defer=False, count=False)
        else:
            _write_index(session, rows, uscc=False)
        done, last = done + len(rows), rows[-1]["name_rank"]
        if progress:
            progress(done, total)
    if server and total >= DEFER_KEY:
        _make_gram_key(session)
    if server:  # counted once, from the filled table
        _recount(session)
    return done


def _index_empty(session: Session) -> bool:
    """Whether the index table exists and holds no row (made again or made new by a migration)."""
    if _has_index(session):
        return session.execute(text("SELECT 1 FROM org_text_docsize LIMIT 1")).first() is None
    return _has_grams(session) and grams_empty(session)


def has_pending(session: Session) -> bool:
    """Whether :func:`index_pending` has anything to do (a read: opening a database need not write)."""
    o = table_of(Organization)
    live = o.c.deleted_at.is_(None)
    if session.execute(select(o.c.id).where(o.c.name_rank.is_(None), live).limit(1)).first():
        return True
    if not _index_empty(session):
        return False
    return session.execute(select(o.c.id).where(o.c.name_rank.isnot(None), live).limit(1)).first() is not None


def index_pending(session: Session, progress: Callable[[int, int], None] | None = None) -> int:
    """Give every existing organization without a rank its seq, pinyin and rank and index it; returns how
    many (after a migration: all of them, laid out afresh).  A text index left empty by a migration is filled
    again first."""
    _refill_text(session, progress)
    o = table_of(Organization)
    pending = [dict(r) for r in session.execute(
        select(*(o.c[c] for c in _INDEX_COLUMNS), o.c.created_at, o.c.id)
        .where(o.c.name_rank.is_(None), o.c.deleted_at.is_(None)).order_by(o.c.created_at, o.c.id)
    ).mappings()]
    if not pending:
        return 0
    seq = _next_seq(session)
    fresh = []  # rows added in bulk without seq and pinyin (rows that have them only need a rank)
    for done, row in enumerate(pending, 1):
        if row["seq"] is None or row["name_pinyin"] is None:
            if row["seq"] is None:
                row["seq"], seq = seq, seq + 1
            row["name_pinyin"], row["name_initials"] = pinyin(row["name"])
            fresh.append(row)
        if progress and done % BATCH == 0:
            progress(done // 2, len(pending))
    ranked = session.scalar(select(func.count()).select_from(o).where(o.c.name_rank.isnot(None)))
    if not ranked:  # a fresh layout: ranks in order, STEP apart
        for i, row in enumerate(sorted(pending, key=rank_key)):
            row["name_rank"] = i * STEP
        left: list[dict[str, Any]] = []
    else:
        left = place(session, pending)
    # SQLite rewrites every index holding a column an UPDATE sets, changed or not: set seq and pinyin only
    # where they are new (seq is in every sort index)
    stmt = text("UPDATE organization SET seq = :seq, name_pinyin = :name_pinyin, name_initials = :name_initials"
                " WHERE id = :id")
    for start in range(0, len(fresh), BATCH):
        session.execute(stmt, fresh[start:start + BATCH])
    for start in range(0, len(pending), BATCH):
        chunk = pending[start:start + BATCH]
        _store_ranks(session, chunk)
        _write_index(session, chunk)
        if progress:
            progress(len(pending) // 2 + (start + len(chunk)) // 2, len(pending))
    _respread(session, left)
    return len(pending)


#: organizations: a bulk load of this many (``prepare_rows(…, ahead=True)``) makes its index rows meanwhile
AHEAD_MIN = 10_000


def prepare_rows(session: Session, rows: list[dict[str, Any]], *, ahead: bool = False) -> None:
    """Bulk path, before the insert: give new organization rows their seq, pinyin and rank in the dicts, so
    that the insert writes each row once (setting them afterwards would rewrite the indexes).

    With ``ahead`` (a caller that leaves the rows' indexed values as they are until :func:`index_rows`), a load
    of :data:`AHEAD_MIN` rows or more has its index rows (the 4-grams) made by a thread while the rows are
    inserted: SQLite's C code (the inserts, the indexes made again, the change log) lets the other core run
    the Python that makes them, and :func:`index_rows` then writes what the thread made."""
    seq = _next_seq(session)
    for row in rows:
        row["seq"] = seq
        if row.get("name_pinyin") is None or row.get("name_initials") is None:  # else given with the row (sync)
            row["name_pinyin"], row["name_initials"] = pinyin(row["name"])
        row["name_rank"] = None
        seq += 1
    left = place(session, [r for r in rows if r.get("deleted_at") is None])
    session.info.setdefault("search_respread", []).extend(left)
    if ahead and len(rows) >= AHEAD_MIN and _has_index(session):
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index")
        session.info["search_ahead"] = (rows, pool.submit(_index_tuples, rows))
        pool.shutdown(wait=False)  # the thread ends with its one task


#: FTS5's pending-terms hash while a bulk load of at least :data:`BULK_HASH_MIN` rows writes the index (bytes;
#: the tables keep 32 MB, migration 0007): fewer, larger segments and fewer merges of them; the table's own
#: size is set back in the same transaction
BULK_HASHSIZE = 128 << 20
BULK_HASH_MIN = 100_000
#: FTS5's default ``automerge`` (segments of a level merged once this many are there)
AUTOMERGE = 4


@contextmanager
def _bulk_hash(session: Session, count: int) -> Iterator[None]:
    """For a load of at least :data:`BULK_HASH_MIN` rows: the larger hash, and no automatic merge of the segments
    it writes (``automerge`` 0; ``crisismerge`` still merges a level of 16).  The segments of a load are merged
    row by row as they come, a fifth of the writes' CPU (300,000 rows in 9 flushes: 9.8 -> 7.6 s), for no
    search measured faster (7 segments against 9, bench/README.md); later writes merge them bit by bit as any
    segments.  Both settings are set back in the same transaction."""
    if not _has_index(session) or count < BULK_HASH_MIN:
        yield
        return
    conn = session.connection()
    tables = (TEXT_TABLE, USCC_TABLE)
    sizes = {table: conn.exec_driver_sql(f"SELECT v FROM {table}_config WHERE k = 'hashsize'").scalar()
             for table in tables}
    merges = {table: conn.exec_driver_sql(f"SELECT v FROM {table}_config WHERE k = 'automerge'").scalar()
              for table in tables}
    for table in tables:
        conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {BULK_HASHSIZE})")
        conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 0)")
    yield  # on an error the caller's rollback takes the settings back with the rows
    for table in tables:
        size, merge = sizes[table], merges[table]
        if size is None:
            conn.exec_driver_sql(f"DELETE FROM {table}_config WHERE k = 'hashsize'")
        else:
            conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {int(size)})")
        # set through FTS5 (its settings as the connection holds them, and their cookie, move with it), then the
        # row of a table that had none taken away again: the default is the value just set
        conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', "
                             f"{AUTOMERGE if merge is None else int(merge)})")
        if merge is None:
            conn.exec_driver_sql(f"DELETE FROM {table}_config WHERE k = 'automerge'")


def index_rows(session: Session, rows: list[dict[str, Any]], made: list[set[str]] | MadeGrams | None = None) -> None:
    """Bulk path, after the insert: the index rows of rows prepared by :func:`prepare_rows`.  ``made``
    (PostgreSQL): their grams, made by the caller with :func:`gram_sets`, or by :func:`made_grams` (into an empty
    table: copied in the key's order, the counts made with them)."""
    ahead = session.info.pop("search_ahead", None)
    if isinstance(made, MadeGrams):
        if begin_load(session):
            load_ordered_grams(session, made.ordered)
            end_load(session, made.counts if all(indexed(r) for r in rows) else None)
            return
        made = made.sets
    with _bulk_hash(session, len(rows)):
        if made is not None and _has_grams(session):
            _write_grams(session, rows, delete=False, uscc=True, made=made)
        elif ahead is not None and ahead[0] is rows:
            _write_tuples(session, *ahead[1].result())
        else:
            _write_index(session, rows)
    _respread(session, session.info.pop("search_respread", []))


def reindex_rows(session: Session, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    """Bulk path for stored rows changed by an UPDATE: ``before`` and ``after`` are their values (with
    ``seq``; ``before`` with its ``name_rank``).  The old index rows go, pinyin and rank follow the new name,
    and the new index rows come in (a deleted row leaves the index)."""
    with _counts_held(session):  # a gram kept by the change costs no count row
        _reindex_rows(session, before, after)


def _reindex_rows(session: Session, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    _write_index(session, before, delete=True)
    moved = []
    for old, new in zip(before, after, strict=True):
        new["seq"] = old["seq"]
        new["name_pinyin"], new["name_initials"] = pinyin(new["name"])
        if new.get("deleted_at") is not None:
            new["name_rank"] = None
        elif old.get("name_rank") is None or old.get("deleted_at") is not None or rank_key(old) != rank_key(new):
            new["name_rank"] = None
            moved.append(new)
        else:
            new["name_rank"] = old["name_rank"]
    stmt = text("UPDATE organization SET name_pinyin = :p, name_initials = :i, name_rank = NULL WHERE seq = :s")
    for start in range(0, len(after), BATCH):
        session.execute(stmt, [{"p": r["name_pinyin"], "i": r["name_initials"], "s": r["seq"]}
                               for r in after[start:start + BATCH]])
    left = place(session, moved)
    _store_ranks(session, [r for r in after if r["name_rank"] is not None])
    _write_index(session, after)
    _respread(session, left)


def rebuild(session: Session) -> int:
    """Drop and rebuild the whole index from the organization table (repair; `verify` compares counts)."""
    if _has_index(session):
        session.execute(text("INSERT INTO org_text(org_text) VALUES ('delete-all')"))
        session.execute(text("INSERT INTO org_uscc(org_uscc) VALUES ('delete-all')"))
    if _has_grams(session):
        session.execute(text(f"TRUNCATE {GRAM_TABLE}, {COUNT_TABLE}"))
    session.execute(text("UPDATE organization SET name_rank = NULL"))
    return index_pending(session)


def index_count(session: Session) -> int | None:
    """How many organizations the index holds (every organization not deleted)."""
    if not _has_index(session):
        return None
    # a contentless table keeps one docsize row per document
    return int(session.scalar(text("SELECT count(*) FROM org_text_docsize")) or 0)


def _org_values(org: Organization, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    values = {key: getattr(org, key) for key in _INDEX_COLUMNS}
    values.update(overrides or {})
    return values


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """ORM changes: new rows get seq and pinyin; changed indexed text is taken out of the index first."""
    if _COUNTS_HELD not in session.info and _has_grams(session):  # the counts' changes: at the end of the flush
        session.info[_COUNTS_HELD], session.info[_COUNTS_FLUSH] = Counter(), True
    pending = session.info.setdefault("search_reindex", {})
    new_orgs = [o for o in session.new if isinstance(o, Organization)]
    if new_orgs:
        seq = _next_seq(session)
        for org in new_orgs:
            if org.seq is None:
                org.seq, seq = seq, seq + 1
            org.name_pinyin, org.name_initials = pinyin(org.name)
            pending[id(org)] = (org, None)
            if org.deleted_at is not None:  # a tombstone: no rank
                org.name_rank = None
        _place_new(session, [o for o in new_orgs if o.deleted_at is None])
    for org in session.dirty:
        if not isinstance(org, Organization) or org.seq is None:
            continue
        state = org.__dict__.get("_sa_instance_state")
        committed = state.committed_state if state is not None else {}
        if not any(key in committed for key in INDEXED):
            continue
        old = _org_values(org, {key: committed[key] for key in ("name_pinyin", *INDEXED) if key in committed})
        _write_index(session, [old], delete=True)
        org.name_pinyin, org.name_initials = pinyin(org.name)
        if id(org) not in pending:
            pending[id(org)] = (org, old)


def _place_new(session: Session, orgs: list[Organization]) -> None:
    """New organizations get their rank before the INSERT, which then writes each row once: ranked afterwards
    by an UPDATE, PostgreSQL wrote every row twice over, with all its indexes (the rank is indexed, so no HOT
    update), half of a ledger import's server time.  Their neighbours are the rows already ranked, as they
    were when the rank was found after the insert (a new row is stored unranked until then).  A row whose gap
    is used up is inserted unranked and spread in :func:`_after_flush`."""
    if not orgs:
        return
    values = [_org_values(org, {"name_rank": None}) for org in orgs]
    place(session, values)
    for org, v in zip(orgs, values, strict=True):
        org.name_rank = v["name_rank"]


def _after_flush(session: Session, _context: Any) -> None:
    _reindex_flushed(session)
    if session.info.pop(_COUNTS_FLUSH, False):
        _write_counts(session, session.info.pop(_COUNTS_HELD))


def _forget_counts(session: Session, _previous: Any = None) -> None:
    """A rollback takes the flush's index writes with it: their held counts go too."""
    if session.info.pop(_COUNTS_FLUSH, False):
        session.info.pop(_COUNTS_HELD, None)


def _reindex_flushed(session: Session) -> None:
    pending = session.info.pop("search_reindex", {})
    if not pending:
        return
    keep: list[dict[str, Any]] = []
    moved: list[dict[str, Any]] = []
    gone: list[dict[str, Any]] = []
    unfit: list[dict[str, Any]] = []
    for org, old in pending.values():
        values = _org_values(org)
        if old is None:  # new: inserted with its rank (:func:`_place_new`), or unranked when its gap was full
            if values["deleted_at"] is None:
                (keep if values["name_rank"] is not None else unfit).append(values)
            continue
        if values["deleted_at"] is not None:
            gone.append(values)
        elif old["name_rank"] is None or old["deleted_at"] is not None or rank_key(old) != rank_key(values):
            moved.append(values)
        else:
            keep.append(values)
    for values in gone + moved:
        values["name_rank"] = None
    _store_ranks(session, gone + moved)
    left = place(session, moved)
    _store_ranks(session, [v for v in moved if v["name_rank"] is not None])
    _write_index(session, keep + moved)
    _respread(session, unfit + left)
    by_seq = {org.seq: org for org, _old in pending.values()}
    for values in gone + moved + unfit:
        set_committed_value(by_seq[values["seq"]], "name_rank", values["name_rank"])


def install(session_factory: Any) -> None:
    """Keep the index with every ORM change made through sessions of ``session_factory``."""
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_flush", _after_flush)
    event.listen(session_factory, "after_soft_rollback", _forget_counts)


# -- queries --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Match:
    """How a query is answered: an FTS5 expression over one of the index tables (``table``), and for a USCC
    prefix the prefix (a range on the USCC's own index, for orders and filters the index cannot give; prefixes
    longer than the USCC tokens have no table), or (one character, punctuation) the LIKE scan."""

    table: str | None
    expression: str | None
    like: bool
    uscc_prefix: str | None = None


GONE = "gone"  # the state column's only token (:func:`_state`)
#: the longest query answered by its first and last 4-grams (see :func:`_near_is_exact`)
NEAR_MAX = 2 * GRAM - 1


def _near_is_exact(low: str) -> bool:
    """Whether ``NEAR(first last, k - 1)`` (``k = len(low) - GRAM``, the 4-grams at both ends of a query of 5 to 7
    characters) matches exactly the rows of the phrase of all its 4-grams.  NEAR finds the two tokens in one
    column at most ``k`` positions apart, in either order; the phrase needs ``last`` exactly ``k`` after
    ``first``, and then the text holds the query (a 4-character token ``k`` <= 3 positions before another token
    is in the same run of letters and digits: the end of a run is 3 and 2 characters long, then the gap token).
    Any other placement of the two within ``k`` overlaps (``k`` < 4), so it exists in some text only if the two
    agree where they overlap: when no such placement agrees, NEAR is the phrase.  NEAR reads two doclists
    instead of ``k + 1`` with their positions: 18.7 -> 12.9 ms to count the 69,718 organizations of
    ``laonian`` at a million."""
    k = len(low) - GRAM
    if not 0 < k < GRAM:
        return False
    first, last = low[:GRAM], low[k:]
    for d in range(-k, k):  # last at ``d`` positions after first (before it when negative)
        if d >= 0 and first[d:] == last[:GRAM - d] or d < 0 and last[-d:] == first[:GRAM + d]:
            return False
    return True


def _text_expression(low: str) -> str:
    if len(low) < GRAM:
        return f'"{low}" *'
    if len(low) <= NEAR_MAX and _near_is_exact(low):
        k = len(low) - GRAM
        return f'NEAR("{low[:GRAM]}" "{low[k:]}", {k - 1})'
    return '"' + " ".join(low[i:i + GRAM] for i in range(len(low) - GRAM + 1)) + '"'


def plan(query: str, *, live_only: bool = False) -> Match | None:
    """How ``query`` is answered; ``live_only`` adds ``NOT state:gone`` (the register's default filter).

    The expression names no column unless the query could match the ``state`` column, whose only token is
    ``gone``: the column filter cost a fifth of a count (phrase of ``laonian`` at a million: 18.7 -> 14.9 ms),
    and no USCC prefix (it has a digit), phrase or NEAR of two tokens, and no other single token is in it."""
    q = normalize_query(query)
    if not q:
        return None
    live = f" NOT state : {GONE}" if live_only else ""
    if uscc_query(q):
        prefix = q.upper()
        if len(prefix) > USCC_TOKENS:
            return Match(None, None, like=False, uscc_prefix=prefix)
        return Match(USCC_TABLE, f'"{prefix.lower()}"{live}', like=False, uscc_prefix=prefix)
    low = q.lower()
    if len(low) < 2 or not all(_is_token_char(c) for c in low):
        return Match(None, None, like=True)
    expression = _text_expression(low)
    if len(low) <= GRAM and GONE.startswith(low):
        expression = f"({TEXT_COLUMNS} : {expression})"
    return Match(TEXT_TABLE, f"{expression}{live}" if live else expression, like=False)


def uscc_query(query: str) -> bool:
    """Two or more USCC characters with a digit among them: a USCC prefix, and nothing else.

    Names, addresses and pinyin are searched for Chinese and letters; a string of digits and capitals is
    what a clerk types from a certificate (a house number is searched with its 号: "18号").  A USCC has
    digits from its third character on (the division code), so letters alone never start one."""
    return bool(_USCC_PREFIX.fullmatch(query.upper())) and any(c.isdigit() for c in query)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_condition(query: str, *, ilike: bool = False) -> Any:
    """The reference semantics: a USCC prefix for a USCC-like query (see :func:`uscc_query`); otherwise a
    substring of name, address, legal representative, pinyin or initials (ASCII case-insensitive: SQLite's
    LIKE is; ``ilike`` for a database whose LIKE is not, PostgreSQL)."""
    q = normalize_query(query)
    pattern = f"%{_escape_like(q)}%"
    o = Organization
    if uscc_query(q):
        return o.uscc.like(f"{_escape_like(q.upper())}%", escape="\\")
    if ilike:  # (compared in the "C" collation, ILIKE folds ASCII letters only, as SQLite's LIKE)
        texts = (o.name, o.address, o.legal_rep_name)
        return or_(*(column.collate("C").ilike(pattern, escape="\\") for column in texts),
                   o.name_pinyin.like(pattern.lower(), escape="\\"), o.name_initials.like(pattern.lower(), escape="\\"))
    return or_(
        o.name.like(pattern, escape="\\"), o.address.like(pattern, escape="\\"),
        o.legal_rep_name.like(pattern, escape="\\"), o.name_pinyin.like(pattern.lower(), escape="\\"),
        o.name_initials.like(pattern.lower(), escape="\\"),
    )


# -- PostgreSQL ----------------------------------------------------------------------------------------------
# No FTS5 on a server: ``org_gram`` (gram, live, rank; migration 0014) holds SQLite's tokens, one row per distinct
# gram of an organization, its rank that of the organization's ``name_rank``, for exactly the rows SQLite indexes
# (not deleted, ranked: :func:`_indexed`).  So a query of 2 to 4 characters (:func:`gram_plan`) is the ranks of its
# key or range, the same rows as SQLite's index, gone ones included; a longer one the ranks holding its rarest
# 4-gram (every row containing the query holds each of its 4-grams), checked by the query's LIKE.  The bigram GIN
# index that answered these before (0013) is dropped by 0020: it was 40% of the server's work for a new row.
_GRAMS = table_clause(GRAM_TABLE, column("gram", String), column("live"), column("rank", BigInteger))
#: the live count of each candidate key or range (``k.l`` to ``k.h``), read from ``org_gram_count``: an estimate for
#: a range (it counts 4-grams, a row once per gram of the range)
_ESTIMATES = text(
    f"SELECT (SELECT coalesce(sum(n), 0) FROM {COUNT_TABLE} WHERE gram >= k.l AND gram < k.h)"
    " FROM unnest(CAST(:lows AS text[]), CAST(:highs AS text[])) WITH ORDINALITY AS k(l, h, i) ORDER BY k.i")


def _gram_ranks(match: GramMatch) -> Any:
    """``SELECT rank FROM org_gram`` of a :class:`GramMatch` (every row, live or not: a condition's rows)."""
    g = _GRAMS.c
    where = g.gram == match.low if match.high is None else and_(g.gram >= match.low, g.gram < match.high)
    return select(g.rank).where(where)


def rarest_key(session: Session, low: str) -> GramMatch | None:
    """Of the keys every row containing ``low`` (a query, normalized and lower-cased) holds in ``org_gram``, the one
    fewest live rows hold (by ``org_gram_count``; the first of equals): each 4-gram of its runs of letters and
    digits of 4 or more, else the range of the tokens starting with its longest run of 2 or 3 (a row holding the
    query holds the run inside a run of its own, so a token starting there); None when it has no run of 2."""
    found = _rarest(session, low)
    return found[0] if found else None


def _rarest(session: Session, low: str) -> tuple[GramMatch, int] | None:
    """:func:`rarest_key` and its estimated live rows."""
    runs = [run for run in _RUN.findall(low) if len(run) > 1]
    if not runs:
        return None
    keys = [GramMatch(run[i:i + GRAM], None, several=False)
            for run in runs if len(run) >= GRAM for i in range(len(run) - GRAM + 1)]
    if not keys:
        longest = max(runs, key=len)
        keys = [GramMatch(longest, _successor(longest), several=True)]
    keys = list(dict.fromkeys(keys))
    estimates = [int(r[0] or 0) for r in session.execute(_ESTIMATES, {"lows": [k.low for k in keys],
                                                                      "highs": [_successor(k.low) for k in keys]})]
    return min(zip(keys, estimates, strict=True), key=lambda pair: pair[1])


def _server_condition(session: Session, query: str) -> Any:
    """PostgreSQL's condition for a text query (not a USCC prefix): the rows SQLite's :func:`condition` gives.

    2 to 4 letters and digits: the ranks of the key or range (:func:`gram_plan`), SQLite's rows exactly.  Longer,
    or with punctuation: the ranks of the query's rarest key (:func:`rarest_key`) checked by the query's LIKE (the
    LIKE scan's rows, which SQLite gives for punctuation; its index for a longer query).  One character, or no
    run of two: the LIKE scan."""
    match = gram_plan(query)
    if match is not None:
        return _rank_among(_gram_ranks(match))
    like = like_condition(query, ilike=True)
    key = rarest_key(session, normalize_query(query).lower())
    if key is None:
        return like
    return and_(_rank_among(_gram_ranks(key)), like)


def _rank_among(ranks: Any) -> Any:
    """``name_rank = ANY(ARRAY(ranks))``: the ranks gathered once, then looked up in the rank's index, in rank order.
    ``name_rank IN (ranks)`` made the server join them (hashed, or a loop over the organizations' index): at a
    million, 0.96 -> 0.69 s for the count of ``laonian``, 125 -> 65 ms for 通江 with another filter, 814 -> 672 ms
    for 老年协会 by date; only a very common 2-character query (协会, 197,176 rows) was slower, 1.96 -> 2.25 s."""
    return Organization.name_rank == func.any(func.array(ranks.scalar_subquery()))


def _match_sql(match: Match) -> str:
    return f"SELECT rowid FROM {match.table} WHERE {match.table} MATCH :expression"


def hits(query: str, *, live_only: bool = False) -> Any:
    """``SELECT rowid FROM <index> WHERE MATCH …`` (name ranks) for ``query``; None when no index answers it."""
    match = plan(query, live_only=live_only)
    if match is None or match.table is None:
        return None
    return select(text("rowid")).select_from(text(match.table)).where(
        text(f"{match.table} MATCH :expression").bindparams(expression=match.expression))


def condition(session: Session, query: str) -> Any:
    """A WHERE condition on Organization for ``query``, using the index where it can (the index holds the
    organizations not deleted: the register's rows)."""
    match = plan(query)
    if match is None:
        return None
    if match.uscc_prefix:  # the USCC's own (sort) index: a range, no full-text index needed
        return Organization.uscc.between(match.uscc_prefix, match.uscc_prefix + "\uffff")
    if session.get_bind().dialect.name == "postgresql":
        return _server_condition(session, query)
    found = hits(query) if _has_index(session) else None
    if found is None:  # a query the index cannot answer (one character, punctuation)
        return like_condition(query)
    return Organization.name_rank.in_(found.scalar_subquery())


@dataclass(frozen=True)
class GramMatch:
    """How ``org_gram`` answers a query (PostgreSQL): the gram itself (a 4-character query), or the range of
    grams starting with it (2 or 3 characters; a row may hold several: counted once), or the range of USCCs
    starting with a prefix (one row each)."""

    low: str
    high: str | None  # None: the gram itself
    several: bool  # a row may have several grams in the range


def gram_plan(query: str) -> GramMatch | None:
    """How ``org_gram`` answers ``query``: the queries SQLite's tables answer (2 to 4 characters of letters and
    digits, USCC prefixes); None for the others (one character, punctuation: the LIKE scan; longer text: the
    rows of its rarest 4-gram checked by LIKE, :func:`_server_condition`)."""
    match = plan(query)
    if match is None or (match.table is None and not match.uscc_prefix):
        return None
    if match.uscc_prefix:
        low = USCC_MARK + match.uscc_prefix
        if len(match.uscc_prefix) <= USCC_TOKENS:  # a prefix row of each USCC: one key
            return GramMatch(low, None, several=False)
        return GramMatch(low, _successor(low), several=False)  # the whole USCCs starting with it
    low = normalize_query(query).lower()
    if len(low) > GRAM:
        return None
    if len(low) == GRAM:
        return GramMatch(low, None, several=False)
    return GramMatch(low, _successor(low), several=True)


def _successor(prefix: str) -> str:
    """The least string above every string starting with ``prefix`` (code point order: the "C" collation)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _gram_where(match: GramMatch, live_only: bool) -> str:
    where = "gram = :low" if match.high is None else "gram >= :low AND gram < :high"
    return where + (" AND live" if live_only else "")


def _server_count(session: Session, query: str) -> int | None:
    match = gram_plan(query)
    if match is None:
        return None
    if match.high is None:  # one gram: its count kept by the writers (an index-only scan of a few rows)
        sql = f"SELECT coalesce(sum(n), 0) FROM {COUNT_TABLE} WHERE gram = :low"
        return int(session.execute(text(sql), {"low": match.low}).scalar() or 0)
    counted = "count(DISTINCT rank)" if match.several else "count(*)"
    sql = f"SELECT {counted} FROM {GRAM_TABLE} WHERE {_gram_where(match, True)}"
    return int(session.execute(text(sql), {"low": match.low, "high": match.high}).scalar() or 0)


def _server_first_ranks(session: Session, query: str, limit: int, descending: bool,
                        live_only: bool) -> list[int] | None:
    match = gram_plan(query)
    if match is None:
        return _checked_first_ranks(session, query, limit, descending, live_only)
    order = "DESC" if descending else "ASC"
    group = " GROUP BY rank" if match.several else ""
    sql = (f"SELECT rank FROM {GRAM_TABLE} WHERE {_gram_where(match, live_only)}{group}"
           f" ORDER BY rank {order} LIMIT :limit")
    return [r[0] for r in session.execute(text(sql), {"low": match.low, "high": match.high, "limit": limit})]


#: live rows (estimated) of a query's rarest key from which its first page walks the key (a rarer key: the
#: condition's query, 4-8 ms for 26 rows at a million, where the walk's plan took 12-36 ms: parallel workers)
CHECKED_PAGE_MIN = 3000


def _checked_first_ranks(session: Session, query: str, limit: int, descending: bool,
                         live_only: bool) -> list[int] | None:
    """The first ranks of a query of 5 characters or more or with punctuation (:func:`_server_condition`): the
    ranks of its rarest key in the key's order, each checked by the query's LIKE on its organization, stopping
    after ``limit`` (the whole match was checked for the page too, 0.8-1.1 s for ``laonian`` at a million).  None
    when no key serves (one character: the LIKE scan) or the key is rare (:data:`CHECKED_PAGE_MIN`)."""
    found = _rarest(session, normalize_query(query).lower()) if plan(query) is not None else None
    if found is None or found[1] < CHECKED_PAGE_MIN:
        return None
    key = found[0]
    g, o = _GRAMS.c, Organization
    where = [g.gram == key.low if key.high is None else and_(g.gram >= key.low, g.gram < key.high),
             o.name_rank == g.rank, o.deleted_at.is_(None), like_condition(query, ilike=True)]
    if live_only:
        where.append(g.live)
    stmt = select(g.rank).where(*where)
    if key.several:
        stmt = stmt.group_by(g.rank)
    stmt = stmt.order_by(g.rank.desc() if descending else g.rank).limit(limit)
    return list(session.scalars(stmt))


#: fts5vocab over org_text, made in the connection's temp schema when a 3-character query first needs it (a
#: table of the connection, not of the file: a read-only database serves it too; a transaction rolled back
#: takes it with it, and the next query makes it again, 0.25 ms)
TERMS_TABLE = "org_text_terms"
TERMS_MAX = 64  # a 3-character prefix of more terms than this keeps FTS5's own prefix query


def _live_expression(session: Session, match: Match, query: str, live_only: bool) -> str | None:
    """The expression :func:`count_live` and :func:`first_ranks` give to FTS5: the plan's, except for a
    3-character text query, which has no prefix index: there the terms it starts (``老年协`` -> ``老年协会``,
    ``lnx`` -> ``lnxh``, rarely more than a few), read from the vocabulary, ORed.  FTS5 merged every doclist of
    the prefix into one in memory, for the count and again for the first page; ORed terms are read as they come
    and the first page stops after its rows (老年协 at a million: 8.8 -> 5.8 ms for both).  None: no row
    matches."""
    low = normalize_query(query).lower()
    if match.table != TEXT_TABLE or len(low) != GRAM - 1 or GONE.startswith(low):
        return match.expression
    known = session.info.setdefault("search_terms", {})  # the session's terms of a prefix: one snapshot
    if low not in known:
        conn = session.connection()
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{TERMS_TABLE}"
                             f" USING fts5vocab(main, {TEXT_TABLE}, row)")
        known[low] = [r[0] for r in conn.exec_driver_sql(
            f"SELECT term FROM temp.{TERMS_TABLE} WHERE term >= ? AND term < ? LIMIT ?",
            (low, _successor(low), TERMS_MAX + 1))]
    terms = known[low]
    if len(terms) > TERMS_MAX:
        return match.expression
    if not terms:
        return None
    live = f" NOT state : {GONE}" if live_only else ""
    return "(" + " OR ".join(f'"{term}"' for term in terms) + ")" + live


def count_live(session: Session, query: str) -> int | None:
    """How many existing organizations match, from the index alone (None if it cannot answer)."""
    if _has_grams(session):
        return _server_count(session, query)
    match = plan(query, live_only=True) if _has_index(session) else None
    if match is None or match.table is None:
        return None
    expression = _live_expression(session, match, query, True)
    if expression is None:
        return 0
    sql = f"SELECT count(*) FROM {match.table} WHERE {match.table} MATCH :expression"
    return int(session.execute(text(sql), {"expression": expression}).scalar() or 0)


def first_ranks(session: Session, query: str, limit: int, *, descending: bool = False,
                live_only: bool = True) -> list[int] | None:
    """The name ranks of the first ``limit`` matches in name order, straight from the index (None if it
    cannot answer): the index yields its matches in rowid order and stops after ``limit``."""
    if _has_grams(session):
        return _server_first_ranks(session, query, limit, descending, live_only)
    match = plan(query, live_only=live_only) if _has_index(session) else None
    if match is None or match.table is None:
        return None
    expression = _live_expression(session, match, query, live_only)
    if expression is None:
        return []
    sql = f"{_match_sql(match)} ORDER BY rowid {'DESC' if descending else 'ASC'} LIMIT :limit"
    return [r[0] for r in session.execute(text(sql), {"expression": expression, "limit": limit})]


def matched_fields(row: Any, query: str) -> list[str]:
    """Which fields of a found row contain the query (for the CLI's "what matched")."""
    q = normalize_query(query)
    low = q.lower()
    if uscc_query(q):
        return ["uscc"] if row.uscc and row.uscc.startswith(q.upper()) else []
    out = []
    for key, value in (("name", row.name), ("address", row.address), ("legal_rep_name", row.legal_rep_name)):
        if value and low in value.lower():
            out.append(key)
    if row.name_pinyin and low in row.name_pinyin:
        out.append("pinyin")
    if row.name_initials and low in row.name_initials:
        out.append("initials")
    return out
