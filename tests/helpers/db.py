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
