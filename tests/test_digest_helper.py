"""tests/helpers/db.py's snapshots: the page comparison (``same_pages``) says "the same rows" only when the rows
compared one by one (``logical``) are the same, on changes where the two could differ."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.db import Snapshot, digest

WITHOUT = ("audit_entry",)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A WAL database with a trail left out of the comparison, a register with long values (overflow pages), an
    index and an AUTOINCREMENT table."""
    path = tmp_path / "d.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript("""
        PRAGMA journal_mode = WAL;
        CREATE TABLE audit_entry (id INTEGER PRIMARY KEY, what TEXT);
        CREATE TABLE organization (id TEXT PRIMARY KEY, name TEXT, note TEXT);
        CREATE INDEX organization_name ON organization (name);
        CREATE TABLE counter (n INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT);
    """)
    with conn:
        conn.executemany("INSERT INTO organization VALUES (?, ?, ?)",
                         [(f"o{i}", f"协会{i}", "长" * (3000 if i % 7 == 0 else 10)) for i in range(300)])
        conn.executemany("INSERT INTO audit_entry (what) VALUES (?)", [(f"e{i}",) for i in range(50)])
        conn.executemany("INSERT INTO counter (label) VALUES (?)", [("x",)] * 5)
    conn.close()
    return path


def change(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for statement in sql:
            conn.execute(statement)
    conn.close()


def compare(before: Snapshot, after: Snapshot) -> tuple[bool, bool]:
    """(same pages, same rows)."""
    return before.same_pages(after), before.logical() == after.logical()


def test_a_write_to_the_left_out_table_only_is_the_same_by_its_pages(path: Path) -> None:
    before = digest(path, WITHOUT)
    change(path, "INSERT INTO audit_entry (what) SELECT 'refused ' || hex(randomblob(400)) FROM organization")
    after = digest(path, WITHOUT)
    assert before.image != after.image and len(after.image) > len(before.image)  # the file grew
    assert compare(before, after) == (True, True) and before == after


@pytest.mark.parametrize("sql", [
    "UPDATE organization SET name = '改名' WHERE id = 'o150'",
    "UPDATE organization SET note = note || '!' WHERE id = 'o7'",  # a value in overflow pages
    "DELETE FROM organization WHERE id = 'o299'",
    "INSERT INTO counter (label) VALUES ('y')",
    "DELETE FROM counter",  # its sqlite_sequence row stays: only the table's pages change
    "UPDATE sqlite_sequence SET seq = 99",
    "CREATE TABLE extra (x)",
    "CREATE INDEX organization_note ON organization (note)",  # the schema changes, no row does
])
def test_a_change_elsewhere_is_not_the_same(path: Path, sql: str) -> None:
    before = digest(path, WITHOUT)
    change(path, "INSERT INTO audit_entry (what) VALUES ('with it')", sql)
    after = digest(path, WITHOUT)
    assert compare(before, after) == (False, False) and before != after


def test_the_same_rows_in_other_pages_are_the_same_by_their_rows(path: Path) -> None:
    before = digest(path, WITHOUT)
    change(path, "DELETE FROM audit_entry")
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")
    conn.close()
    after = digest(path, WITHOUT)
    assert compare(before, after) == (False, True) and before == after


def test_random_changes_agree_with_the_rows(path: Path) -> None:
    """Random writes, most to the trail, some to the register (a value changed and changed back included):
    the pages never say "the same" when the rows differ."""
    rng = random.Random(7)
    before = digest(path, WITHOUT)
    seen = set()
    for _ in range(60):
        statements = ["INSERT INTO audit_entry (what) VALUES ('" + "x" * rng.randrange(1, 5000) + "')"]
        kind = rng.randrange(4)
        target = f"o{rng.randrange(300)}"
        if kind == 1:
            statements.append(f"UPDATE organization SET note = '{'改' * rng.randrange(1, 4000)}' WHERE id = '{target}'")
        elif kind == 2:  # the same value written again: pages the same or not, the rows are
            statements.append(f"UPDATE organization SET name = name WHERE id = '{target}'")
        change(path, *statements)
        after = digest(path, WITHOUT)
        pages, rows = compare(before, after)
        assert rows or not pages
        assert (before == after) == rows
        seen.add((pages, rows))
        before = after
    assert {(True, True), (False, False)} <= seen
