"""Digests of a database file: to show that a refused command or package changed nothing, and that two offices
hold the same register."""

from __future__ import annotations

import hashlib
import json
import marshal
import sqlite3
from pathlib import Path


class Snapshot:
    """What :func:`digest` returns: the database's content at one moment, compared with ``==``.

    Two snapshots are equal when every table's rows (but those left out) are.  Most comparisons are of a
    database a refused command did not touch, whose pages are then the same bytes: that is checked first (a
    memory compare).  Next, most often, a refusal wrote only to a table left out (the audit trail): every other
    table is then in the same pages, byte for byte (:meth:`same_pages`, SQLite's ``dbstat``).  Only when that is
    not so are both images read row by row (:func:`rows_digest`) and compared, which also tells "the same rows in
    other pages" (a write rolled back by hand, a vacuum) from a change (tests/test_digest_helper.py)."""

    __hash__ = None  # type: ignore[assignment]  (mutable cache; compare, do not hash)

    def __init__(self, image: bytes, without: tuple[str, ...]) -> None:
        self.image, self.without = image, without
        self._logical: str | None = None
        self._pages: dict[str, frozenset[int]] | None = None
        self._tables: frozenset[str] = frozenset()

    def logical(self) -> str:
        """A digest of the rows of every table (those in ``without`` left out), as SQL text."""
        if self._logical is None:
            conn = sqlite3.connect(":memory:")
            try:
                conn.deserialize(self._rollback_image())
                self._logical = rows_digest(conn, self.without)
            finally:
                conn.close()
        return self._logical

    def pages(self) -> dict[str, frozenset[int]]:
        """The database's pages by the table or index they belong to (SQLite's ``dbstat``), overflow pages
        included."""
        if self._pages is None:
            conn = sqlite3.connect(":memory:")
            try:
                conn.deserialize(self._rollback_image())
                owned: dict[str, set[int]] = {}
                for name, page in conn.execute("SELECT name, pageno FROM dbstat"):
                    owned.setdefault(name, set()).add(page)
                self._tables = frozenset(name for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"))
            finally:
                conn.close()
            self._pages = {name: frozenset(pages) for name, pages in owned.items()}
        return self._pages

    def _rollback_image(self) -> bytes:
        image = bytearray(self.image)
        image[18:20] = b"\x01\x01"  # a WAL file's image opens in memory as a rollback-journal one
        return bytes(image)

    def same_pages(self, other: Snapshot) -> bool:
        """Whether every table but those left out is held in the same pages, byte for byte, in both images (and
        the schema with them): then both hold the same rows, and :meth:`logical` need not read them.  A refusal
        that wrote only to the audit trail changes its pages and the file header, nothing else.  False says
        only "not shown so": the rows are then compared (the same rows in other pages are still equal)."""
        if (len(self.image) < 100 or self.image[:24] != other.image[:24]
                or self.image[40:92] != other.image[40:92]):
            return False  # the header but its change counters, page count and freelist: the same
        size = int.from_bytes(self.image[16:18], "big")
        size = 65536 if size == 1 else size
        mine, theirs = self.pages(), other.pages()
        if self._tables != other._tables:
            return False
        a, b = memoryview(self.image), memoryview(other.image)
        if a[100:size] != b[100:size]:  # page 1 below the header: the schema's first page
            return False
        for name in self._tables - set(self.without) | {"sqlite_schema", "sqlite_master"}:
            pages = mine.get(name, frozenset())
            if pages != theirs.get(name, frozenset()):
                return False
            for page in pages - {1}:  # (page 1 compared above, its header apart)
                start = (page - 1) * size
                if a[start:start + size] != b[start:start + size]:
                    return False
        return True

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Snapshot):
            return NotImplemented
        if self.without != other.without:
            return False
        if self.image == other.image:
            return True
        if self.same_pages(other):
            return True
        return self.logical() == other.logical()

    def __repr__(self) -> str:
        return f"<Snapshot {hashlib.sha256(self.image).hexdigest()[:12]} without={self.without}>"


def rows_digest(conn: sqlite3.Connection, without: tuple[str, ...] = ()) -> str:
    """A digest of the schema and of every row of every table but those in ``without``, read with plain SELECTs
    and hashed with ``marshal`` (the rows' plain values as bytes, in C): about a third of the time of
    ``iterdump``, which formats every value as SQL text in Python (a kept package's megabytes as hex)."""
    h = hashlib.sha256()
    tables = []
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"):
        h.update(f"{kind}\0{name}\0{sql}\0".encode())
        if kind == "table" and not (sql or "").upper().startswith("CREATE VIRTUAL") and name not in without:
            tables.append(name)  # a virtual table's content is in its shadow tables, which are listed
    for name in tables:
        h.update(f"\1{name}\1".encode())
        h.update(marshal.dumps(conn.execute(f'SELECT * FROM "{name}"').fetchall()))
    return h.hexdigest()


def digest(path: Path, without: tuple[str, ...] = ()) -> Snapshot:
    """The content of every table of a database file, to compare with a later one (:class:`Snapshot`): not the
    file's bytes, which the WAL holds apart, but the database as a reader sees it (``serialize``), leaving out
    the tables named in ``without`` (e.g. the audit trail, which records even a refusal)."""
    conn = sqlite3.connect(path)
    try:
        return Snapshot(conn.serialize(), tuple(without))
    finally:
        conn.close()


def register_digest(path: Path) -> str:
    """A digest of the synced content (not the local bookkeeping: seq, pinyin, timestamps, sync tables)."""
    from civicdesk.models.sync import synced_entities

    skip = {"seq", "name_pinyin", "name_initials", "name_rank", "created_at", "updated_at", "version"}
    conn = sqlite3.connect(path)
    try:
        h = hashlib.sha256()
        for table in synced_entities():
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
            for row in conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id"):
                h.update(json.dumps(row, default=str, ensure_ascii=False).encode())
        return h.hexdigest()
    finally:
        conn.close()


SUPERVISION_TABLES = ("credit_event", "credit_objection", "credit_listing", "penalty", "interview", "complaint",
                      "spotcheck_item", "spotcheck_plan", "inspector", "rating_event", "rating_application",
                      "inspection_event", "inspection_record", "inspection_campaign")  # the synced ones, children first


def clear_supervision(path: Path) -> None:
    """An office with its register and no supervision records yet: the demo's removed (and the register's
    derived columns with them), for tests that start a campaign, a roster or a plan from nothing."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("DELETE FROM complaint_reporter")  # local, beside the complaints
            for table in SUPERVISION_TABLES:
                conn.execute(f'DELETE FROM "{table}"')  # names from the constant above
                conn.execute("DELETE FROM change_log WHERE entity = ?", (table,))
            conn.execute("UPDATE organization SET inspection_year = NULL, inspection_conclusion = NULL,"
                         " rating_grade = NULL, rating_valid_to = NULL")
    finally:
        conn.close()
