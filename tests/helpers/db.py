"""Digests of a database file: to show that a refused command or package changed nothing, and that two offices
hold the same register."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path


def digest(path: Path, without: tuple[str, ...] = ()) -> str:
    """A logical digest of every table's content (not the file's bytes, which WAL and vacuum move),
    leaving out the tables named in ``without`` (e.g. the audit trail, which records even a refusal)."""
    conn = sqlite3.connect(path)
    skip = tuple(f'INSERT INTO "{table}"' for table in without)
    try:
        h = hashlib.sha256()
        for line in conn.iterdump():
            if skip and line.startswith(skip):
                continue
            h.update(line.encode())
        return h.hexdigest()
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


SUPERVISION_TABLES = ("spotcheck_item", "spotcheck_plan", "inspector", "rating_event", "rating_application",
                      "inspection_event", "inspection_record", "inspection_campaign")


def clear_supervision(path: Path) -> None:
    """An office with its register and no supervision records yet: the demo's removed (and the register's
    derived columns with them), for tests that start a campaign, a roster or a plan from nothing."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            for table in SUPERVISION_TABLES:
                conn.execute(f'DELETE FROM "{table}"')  # names from the constant above
                conn.execute("DELETE FROM change_log WHERE entity = ?", (table,))
            conn.execute("UPDATE organization SET inspection_year = NULL, inspection_conclusion = NULL,"
                         " rating_grade = NULL, rating_valid_to = NULL")
    finally:
        conn.close()
