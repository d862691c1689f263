"""The register's first page read with the ``sqlite3`` module alone, so that the main window can paint it
before SQLAlchemy is imported (about half a second of start-up); the services load and take over right after.

:func:`peek` opens the file read-only and answers only for a database that the normal start would open
without a step of its own: the schema at :data:`HEAD_REVISION` (no migration), an office (no set-up wizard),
no user accounts (no login, the rule of ``auth.has_users``) and every organization indexed (nothing for
``search.index_pending``).  Otherwise, or on any error, it returns None and the caller takes the normal path.
It reads what the register's default view shows: the office, the dictionaries and divisions its labels and
filter bar use, and the first rows of the default filter in a sort order, the same rows and values as
``browse.first_page`` gives.  It never writes.

This module imports neither SQLAlchemy nor ``civicdesk.models`` (a test checks it): the constants it shares
with them come from :mod:`civicdesk.schema`, which imports only the standard library.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from platformdirs import user_data_path

from civicdesk.schema import DICTIONARY_KINDS, HEAD_REVISION, LIVE_STATUSES, ROW_COLUMNS, SORT_KEYS
from civicdesk.services.register.plain import (
    DictionaryValue,
    DivisionInfo,
    OfficeInfo,
    RegisterRow,
)
from civicdesk.services.core.validation import mask_phone

_DATE = re.compile(r"(\d+)-(\d+)-(\d+)")  # how SQLAlchemy's SQLite Date reads a stored date


@dataclass(frozen=True)
class FirstPage:
    """What the main window needs to paint the register's default view, read before the services load."""

    path: Path
    office: OfficeInfo
    dictionaries: dict[str, list[DictionaryValue]]
    divisions: list[DivisionInfo]
    sort_key: str
    descending: bool
    rows: list[RegisterRow]
    #: the largest seq: at least the count, and cheap (the count itself is a scan, ~0.1 s at a million rows)
    estimate: int


def default_database_path() -> Path:
    """``civicdesk.sqlite3`` in the user data directory (platformdirs), created on demand."""
    folder = user_data_path("CivicDesk", appauthor=False, ensure_exists=True)
    return folder / "civicdesk.sqlite3"


def peek(path: str | Path, sort_key: str = "name", descending: bool = False, limit: int = 200, *,
         opened: bool = False) -> FirstPage | None:
    """The first ``limit`` rows of the default view in ``sort_key`` order and what labels them, or None when
    the normal start has work to do first (see the module) or anything at all goes wrong.  ``opened``: the normal
    start has done that work (opened, migrated, indexed; logged in): only the office is required."""
    if "://" in str(path):
        return None  # a server (PostgreSQL): the normal start opens it
    try:
        resolved = Path(path).expanduser().resolve()
        with closing(_connect(resolved)) as conn:
            office = _ready_office(conn, opened)
            if office is None:
                return None
            estimate = conn.execute("SELECT max(seq) FROM organization").fetchone()[0] or 0
            return FirstPage(resolved, office, _dictionaries(conn), _divisions(conn), sort_key, descending,
                             _rows(conn, sort_key, descending, limit), estimate)
    except Exception:  # noqa: BLE001 - whatever it is, the normal start meets it and says it in words
        return None


def first_rows(path: str | Path, sort_key: str = "name", descending: bool = False,
               limit: int = 200) -> list[RegisterRow] | None:
    """The first rows of the default view in another order (the window remembered another sort), or None."""
    if "://" in str(path):
        return None
    try:
        with closing(_connect(Path(path).expanduser().resolve())) as conn:
            return _rows(conn, sort_key, descending, limit)
    except Exception:  # noqa: BLE001 - the rows then come with the services
        return None


def login_office(path: str | Path) -> OfficeInfo | None:
    """The local office of a database whose normal start has only a login to ask (schema at
    :data:`HEAD_REVISION`, an office, user accounts), so that the login can be painted before the services load;
    None for any other database (a server, a migration, no office, no accounts) or on any error.  Never writes."""
    if "://" in str(path):
        return None
    try:
        with closing(_connect(Path(path).expanduser().resolve())) as conn:
            if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [(HEAD_REVISION,)]:
                return None
            row = conn.execute("SELECT code, name, level FROM office WHERE is_local IS 1").fetchone()
            if row is None or not conn.execute("SELECT EXISTS (SELECT 1 FROM user_account)").fetchone()[0]:
                return None
            return OfficeInfo(*row)
    except Exception:  # noqa: BLE001 - the normal start meets it and says it in words
        return None


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file() or path.stat().st_size == 0:
        raise FileNotFoundError(path)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _ready_office(conn: sqlite3.Connection, opened: bool = False) -> OfficeInfo | None:
    """The local office, if the database needs no migration, set-up, login or indexing (``opened``: only the
    office); else None."""
    if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [(HEAD_REVISION,)]:
        return None
    row = conn.execute("SELECT code, name, level FROM office WHERE is_local IS 1").fetchone()
    if row is None:
        return None
    if opened:
        return OfficeInfo(*row)
    if conn.execute("SELECT EXISTS (SELECT 1 FROM user_account)").fetchone()[0]:
        return None
    pending = conn.execute("SELECT 1 FROM organization WHERE name_rank IS NULL AND deleted_at IS NULL LIMIT 1")
    if pending.fetchone() is not None:
        return None
    return OfficeInfo(*row)


def _dictionaries(conn: sqlite3.Connection) -> dict[str, list[DictionaryValue]]:
    out = {}
    for kind in DICTIONARY_KINDS:
        found = conn.execute("SELECT kind, code, label_zh, label_en, attributes FROM dictionary"
                             " WHERE kind = ? AND active IS 1 ORDER BY sort_order", (kind,))
        out[kind] = [DictionaryValue(k, code, zh, en, dict(_json(attrs) or {}))
                     for k, code, zh, en, attrs in found]
    return out


def _divisions(conn: sqlite3.Connection) -> list[DivisionInfo]:
    found = conn.execute("SELECT code, name, full_name, level, parent_code, invented FROM division ORDER BY code")
    return [DivisionInfo(code, name, full, level, parent, bool(invented))  # NOT NULL
            for code, name, full, level, parent, invented in found]


def _rows(conn: sqlite3.Connection, sort_key: str, descending: bool, limit: int) -> list[RegisterRow]:
    """``browse.first_page`` for the default filter (live, no search text): the same query, as SQL."""
    columns = ("name_rank",) if sort_key not in SORT_KEYS or sort_key == "name" else SORT_KEYS[sort_key]
    order = ", ".join(f"{c} DESC" if descending else c for c in (*columns, "seq"))
    marks = ", ".join("?" * len(LIVE_STATUSES))
    sql = (f"SELECT {', '.join(ROW_COLUMNS)} FROM organization WHERE deleted_at IS NULL AND status IN ({marks})"
           f" ORDER BY {order} LIMIT ?")
    return [_row(r) for r in conn.execute(sql, (*LIVE_STATUSES, limit))]


def _row(values: tuple[Any, ...]) -> RegisterRow:
    row = dict(zip(ROW_COLUMNS, values, strict=True))
    row["is_community"] = _bool(row["is_community"])
    row["established_on"] = _date(row["established_on"])
    row["rating_valid_to"] = _date(row["rating_valid_to"])
    row["contact_phone"] = mask_phone(row["contact_phone"])
    return RegisterRow(**row)


def _json(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    match = _DATE.match(value)
    if match is None:
        raise ValueError(f"not a date: {value!r}")
    return date(*map(int, match.groups()))
