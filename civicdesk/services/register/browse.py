"""The register table's queries: how many organizations match a filter, their ids in sort order, and rows
fetched in blocks by id.

A view never holds the register in Python: it asks :func:`count` and :func:`first_page` (cheap: LIMIT on an
index scan) to paint at once, :func:`ordered_seqs` (one covering-index scan, off the GUI thread) for the
whole order, and :func:`rows` for the block the clerk scrolls to.  Ids are the organizations' ``seq``.
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from civicdesk import clock
from civicdesk.models import Organization, table_of
from civicdesk.services.register import search
from civicdesk.services.core.database import Database
from civicdesk.services.register.plain import RegisterFilter, RegisterRow  # there: the first paint needs no SQLAlchemy
from civicdesk.services.core.validation import mask_phone
from civicdesk.schema import LIVE_STATUSES, ROW_COLUMNS, SORT_KEYS


#: The mapped columns of a register row, in ``RegisterRow``'s order.
_ROW_COLUMNS = tuple(getattr(Organization, name) for name in ROW_COLUMNS)


def _conditions(session: Session, flt: RegisterFilter, text_condition: Any = None, probe: bool = False) -> list[Any]:
    o = Organization
    where: list[Any] = [o.deleted_at.is_(None)]  # every row has a seq once indexed (open_database sees to it)
    if flt.status == "live":
        where.append(o.status.in_(LIVE_STATUSES))
    elif flt.status:
        where.append(o.status == flt.status)
    for key in ("legal_form", "tier", "category", "community_subtype", "division_code", "township_code",
                "origin_office"):
        value = getattr(flt, key)
        if value:
            where.append(getattr(o, key) == value)
    where.extend(supervision_conditions(flt, probe))
    if flt.text.strip():
        cond = text_condition if text_condition is not None else search.condition(session, flt.text)
        if cond is not None:
            where.append(cond)
    return where


def supervision_conditions(flt: RegisterFilter, probe: bool = False) -> list[Any]:
    """The filter's annual inspection (of the year before the program's today), rating (in force today) and
    credit list (on it now), on the derived columns of ``organization`` (``services/supervision/profile.py``):
    no join.

    A conclusion or a grade is an equality that SQLite counts and pages from ix_organization_inspection /
    ix_organization_rating alone.  The rest ("none", "rated": ranges and ORs that SQLite, without statistics,
    would rather answer by reading every row of the status index's range), and every condition of the whole
    order (``probe``), ask instead whether the row's seq is among the matches that index gives, a list made once
    from the index alone: the walk of the sort index then never reads a row for them (1.8 s for the order at
    200,000 rows with plain conditions, bench_register --filters)."""
    table = table_of(Organization)
    today = clock.today()
    last_year = today.year - 1
    where: list[Any] = []

    def part(conditions: Any, direct: bool, negate: bool = False) -> None:
        if direct:
            where.extend(conditions(table))
            return
        sup = table.alias("sup")
        matches = select(sup.c.seq).where(sup.c.deleted_at.is_(None), sup.c.seq.is_not(None), *conditions(sup))
        # ``seq + 0``: not the seq index, which would drive the query by the matches and read each row
        where.append((table.c.seq + 0).not_in(matches) if negate else (table.c.seq + 0).in_(matches))

    if flt.inspection == "none":  # no decided inspection of last year: the latest is older, or there is none
        part(lambda o: [or_(o.c.inspection_year.is_(None), o.c.inspection_year < last_year,
                            o.c.inspection_year > last_year)], False)
    elif flt.inspection:
        part(lambda o: [o.c.inspection_year == last_year, o.c.inspection_conclusion == flt.inspection], not probe)
    rated = lambda o: [o.c.rating_grade.is_not(None), o.c.rating_valid_to >= today]  # noqa: E731
    if flt.rating == "none":  # not among the rated: a far shorter list than the unrated (1.1 s -> 0.5 s, bench)
        part(rated, False, negate=True)
    elif flt.rating == "rated":
        part(rated, False)
    elif flt.rating:
        part(lambda o: [o.c.rating_grade == flt.rating, o.c.rating_valid_to >= today], not probe)
    # the credit lists (ix_organization_credit): the listed are few, so "none" is "not among the listed"
    listed = lambda o: [o.c.credit_list.is_not(None)]  # noqa: E731
    if flt.credit == "none":
        part(listed, False, negate=True)
    elif flt.credit == "listed":
        part(listed, False)
    elif flt.credit:
        part(lambda o: [o.c.credit_list == flt.credit], not probe)
    return where


def _order(sort_key: str, descending: bool, dialect: str = "sqlite") -> list[Any]:
    """ORDER BY for a sort key; the name sort is the rank (services/register/search.py), read from a narrow index.
    On PostgreSQL with SQLite's place for NULLs (first going up, last going down), which the server's sort indexes
    keep (migration 0013): a register sorted by USCC shows the same rows first on either back end."""
    columns = ("name_rank",) if sort_key not in SORT_KEYS or sort_key == "name" else SORT_KEYS[sort_key]
    out = [getattr(Organization, c) for c in columns] + [Organization.seq]
    if dialect == "postgresql":
        return [c.desc().nulls_last() for c in out] if descending else [c.asc().nulls_first() for c in out]
    return [c.desc() for c in out] if descending else out


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _text_only(flt: RegisterFilter) -> bool:
    """A search with the default filter: the index alone can count it (its ``state`` token)."""
    return bool(flt.text.strip()) and flt == RegisterFilter(text=flt.text)


def count(db: Database, flt: RegisterFilter) -> int:
    with db.read() as session:
        return _count(session, flt)


def _count(session: Session, flt: RegisterFilter) -> int:
    if _text_only(flt):
        counted = search.count_live(session, flt.text)
        if counted is not None:
            return counted
    query = select(func.count()).select_from(Organization).where(*_conditions(session, flt))
    return int(_execute(session, query, _uscc_index(session, flt)).scalar() or 0)


def count_and_first_page(db: Database, flt: RegisterFilter, sort_key: str = "name", descending: bool = False,
                         limit: int = 100) -> tuple[int, list[RegisterRow]]:
    """:func:`count` and then :func:`first_page` (with that count), in one read: what the window asks for a
    search.  One transaction instead of two, and what the search index worked out for the count (the terms of
    a 3-character query) serves the page too."""
    with db.read() as session:
        n = _count(session, flt)
        return n, _first_page(session, flt, sort_key, descending, limit, n)


def _uscc_index(session: Session, flt: RegisterFilter, sort_key: str = "uscc") -> str | None:
    """For a USCC prefix on SQLite: the partial covering index to read.  Left to itself the planner takes the
    unique USCC index and looks up every row for ``deleted_at`` and ``status`` (0.3 s for 60,000 matches at a
    million rows, against 15-20 ms from the covering index)."""
    if session.get_bind().dialect.name != "sqlite" or not flt.text.strip():
        return None
    match = search.plan(flt.text)
    if match is None or not match.uscc_prefix:
        return None
    return f"ix_organization_sort_{sort_key if sort_key in SORT_KEYS else 'name'}"


def _execute(session: Session, query: Any, index: str | None) -> Any:
    """Run ``query``; on SQLite with ``index`` given, make it read that index (``INDEXED BY``, which SQLAlchemy
    cannot render for SQLite)."""
    if index is None:
        return session.execute(query)
    compiled = query.compile(bind=session.get_bind(), compile_kwargs={"render_postcompile": True})
    sql = str(compiled)
    assert "FROM organization" in sql
    sql = sql.replace("FROM organization", f"FROM organization INDEXED BY {index}", 1)
    params = compiled.construct_params()
    return session.connection().exec_driver_sql(sql, tuple(params[name] for name in compiled.positiontup or []))


#: Above this many matches, the first page walks the sort index and probes the matches (cheap when they are
#: dense); below it, the matches are fetched by seq and sorted (cheap when they are few).
WALK_THRESHOLD = 3000


def first_page(db: Database, flt: RegisterFilter, sort_key: str = "name", descending: bool = False,
               limit: int = 100, expected: int | None = None) -> list[RegisterRow]:
    """The first rows in order (paints the window before the id array exists).

    A search with the default filter in name order is answered by the index alone: its matches come in rank
    order, so the first ``limit`` ranks are the first page.  Otherwise ``expected`` (the count, if known)
    picks the plan for a search: many matches -> walk the sort index and keep the rows whose rank is among the
    matches (``+name_rank`` stops SQLite from driving the query by the rank index); few -> look the matches up
    and sort them.
    """
    with db.read() as session:
        return _first_page(session, flt, sort_key, descending, limit, expected)


def _first_page(session: Session, flt: RegisterFilter, sort_key: str, descending: bool, limit: int,
                expected: int | None) -> list[RegisterRow]:
    if sort_key not in SORT_KEYS or sort_key == "name":
        ranks = search.first_ranks(session, flt.text, limit, descending=descending) if _text_only(flt) else None
        if ranks is not None:
            found = {r.name_rank: r for r in session.execute(
                select(*_ROW_COLUMNS, Organization.name_rank).where(Organization.deleted_at.is_(None),
                                                                    Organization.name_rank.in_(ranks)))}
            return [_row(found[rank]) for rank in ranks if rank in found]
    walk = None
    match = search.plan(flt.text) if flt.text.strip() else None
    # (a USCC prefix keeps its range on the USCC index, see below)
    if (match is not None and match.table is not None and not match.uscc_prefix and expected is not None
            and expected > WALK_THRESHOLD and session.get_bind().dialect.name == "sqlite"):
        walk = text(f"+organization.name_rank IN (SELECT rowid FROM {match.table} WHERE {match.table}"
                    f" MATCH :e)").bindparams(e=match.expression)
    # a USCC prefix in USCC order: the USCC's covering index gives the rows in order (other orders must
    # sort the matches: walking another order and testing the prefix row by row took seconds, because
    # one registry's USCCs gather in one stretch of the name order)
    index = _uscc_index(session, flt) if sort_key == "uscc" else None
    where = _conditions(session, flt, walk)
    query = select(*_ROW_COLUMNS).where(*where).order_by(*_order(sort_key, descending, _dialect(session)))
    return [_row(r) for r in _execute(session, query.limit(limit), index)]


def _status_only(flt: RegisterFilter) -> bool:
    """The whole register, of one status, the existing ones or every one: no condition but the status."""
    return flt == RegisterFilter(status=flt.status)


def _whole_order_sql(flt: RegisterFilter, sort_key: str) -> tuple[str, tuple[str, ...]]:
    """SQLite, a filter of the status alone: the JSON array of the seqs in ascending sort order, as one walk of the
    sort's partial covering index (``deleted_at IS NULL`` is the index's own condition).  The aggregate reads the
    index that ``INDEXED BY`` names, the only plan left, in the index's order, without the subquery and its
    ORDER BY (whose co-routine cost 20 ms at a million rows).  The status is tested as equalities joined by OR,
    which SQLite evaluates in place (``IN`` probes a temporary B-tree for every row: 40 of the 140 ms of the walk),
    and ``+status`` keeps the planner from reading the status index by ranges (in another order) instead."""
    statuses = LIVE_STATUSES if flt.status == "live" else (flt.status,) if flt.status else ()
    where = " AND (" + " OR ".join("+status = ?" for _ in statuses) + ")" if statuses else ""
    index = "ix_organization_sort_" + ("rank" if sort_key not in SORT_KEYS or sort_key == "name" else sort_key)
    sql = f"SELECT json_group_array(seq) FROM organization INDEXED BY {index} WHERE deleted_at IS NULL{where}"
    return sql, statuses


def ordered_seqs(db: Database, flt: RegisterFilter, sort_key: str = "name", descending: bool = False) -> array:
    """Every matching organization's seq in sort order, as a compact ``array('q')`` (8 bytes a row)."""
    with db.read() as session:
        if _status_only(flt) and session.get_bind().dialect.name == "sqlite":
            sql, statuses = _whole_order_sql(flt, sort_key)
            found = session.connection().exec_driver_sql(sql, statuses).scalar()
            seqs = array("q", json.loads(found) if found else [])
            if descending:  # every order ends in seq, unique: going down is the same rows reversed
                seqs.reverse()
            return seqs
        query = (select(Organization.seq).where(*_conditions(session, flt, probe=True))
                 .order_by(*_order(sort_key, descending, _dialect(session))))
        compiled = query.compile(bind=session.get_bind(), compile_kwargs={"render_postcompile": True})
        params = compiled.construct_params()
        if session.get_bind().dialect.name != "sqlite":
            # one array made by the server in the subquery's order, loaded by psycopg's C code: 4-10x faster
            # than the rows through SQLAlchemy (bench_pg_scale "sort": 0.8 s -> 0.06 s at 100,000 rows)
            found = session.connection().exec_driver_sql(f"SELECT ARRAY({compiled})", params).scalar()
            return array("q", found or [])
        # a million rows through SQLAlchemy's result machinery cost ~3.5 s, the driver's cursor ~0.8 s; one
        # JSON array made by SQLite and parsed by json.loads about half of that (bench_register "sort")
        sql = f"SELECT json_group_array(seq) FROM ({compiled} LIMIT -1)"  # a LIMIT keeps the ORDER BY
        found = session.connection().exec_driver_sql(sql, tuple(params[n] for n in compiled.positiontup or [])).scalar()
        return array("q", json.loads(found) if found else [])


def rows(db: Database, seqs: list[int]) -> dict[int, RegisterRow]:
    """Rows by seq (a block the view scrolled to), keyed by seq."""
    if not seqs:
        return {}
    with db.read() as session:
        found = session.execute(select(*_ROW_COLUMNS).where(Organization.seq.in_(seqs)))
        return {r.seq: _row(r) for r in found}


_PHONE = ROW_COLUMNS.index("contact_phone")


def _row(r: Any) -> RegisterRow:
    """The register row of a result row whose first columns are :data:`_ROW_COLUMNS` (by position: building a
    dict of each row was a tenth of a search's time at a million rows)."""
    values = list(r[:len(ROW_COLUMNS)])
    values[_PHONE] = mask_phone(values[_PHONE])
    return RegisterRow(*values)


def list_organizations(db: Database, *, division: str | None = None, tier: str | None = None,
                       legal_form: str | None = None, status: str | None = None, include_inactive: bool = False,
                       limit: int | None = None, category: str | None = None, subtype: str | None = None,
                       text: str = "", inspection: str | None = None,
                       rating: str | None = None, credit: str | None = None) -> list[RegisterRow]:
    """The CLI's ``org list``: by division (a county, township or community code), tier, legal form, category,
    community subtype, status, search text, last year's inspection, the rating in force and the credit list (the
    filters of ``print register``; ``inspection``, ``rating`` and ``credit`` as :class:`RegisterFilter` has
    them); existing
    organizations unless ``include_inactive``, ordered by division and name."""
    o = Organization
    with db.read() as session:
        where = _conditions(session, RegisterFilter(text=text, legal_form=legal_form, tier=tier, category=category,
                                                    community_subtype=subtype,
                                                    status=status or (None if include_inactive else "live"),
                                                    inspection=inspection, rating=rating, credit=credit))
        if division:
            where.append(or_(o.division_code == division, o.township_code == division, o.community_code == division))
        query = select(*_ROW_COLUMNS).where(*where).order_by(o.division_code, o.name_pinyin, o.name)
        return [_row(r) for r in session.execute(query.limit(limit) if limit else query)]


@dataclass(frozen=True)
class SearchHit:
    id: str
    seq: int
    name: str
    uscc: str | None
    division_code: str
    matched: list[str]


def search_organizations(db: Database, query: str, limit: int = 20) -> tuple[int, list[SearchHit]]:
    """The CLI's search: the count of all matches and the first ``limit``, with what matched."""
    flt = RegisterFilter(text=query, status=None)
    with db.read() as session:
        where = _conditions(session, flt)
        total = int(session.scalar(select(func.count()).select_from(Organization).where(*where)) or 0)
        order = _order("name", False, _dialect(session))
        found = session.scalars(select(Organization).where(*where).order_by(*order).limit(limit))
        hits = [SearchHit(o.id, o.seq or 0, o.name, o.uscc, o.division_code, search.matched_fields(o, query))
                for o in found]
    return total, hits
