"""search index without the 3-character prefix index: org_text keeps the 2-character one only; larger
pending-terms hash for both search tables

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28

The prefix index on 3 characters made every 4-gram three index entries instead of two: about 4 s of each
100,000 rows indexed (a third of the sync import's index time).  A 3-character query is now a prefix scan of
the 4-gram terms (those starting with it: for Chinese text one or two): the same rows, 35 ms instead of 18 ms
at worst at a million rows (bench/README.md).  The table is made again here, empty; its rows are written
when the database is opened (services/register/search.py ``index_pending``, which refills a text index that is empty
while ranked rows exist).
"""
from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_CREATE = ("CREATE VIRTUAL TABLE org_text USING fts5(name, address, legal_rep, pinyin, initials, state,"
           " content='', prefix='{prefix}', tokenize='unicode61 remove_diacritics 0')")


#: FTS5 keeps the terms of the rows written in a transaction in a hash and writes them out as a new segment
#: whenever it passes this size (1 MB by default): fewer, larger segments made indexing 100,000 rows a third
#: faster (7.9 -> 5.2 s for 100,000 generated rows, 2026-11-28).  Memory only while a bulk write is pending.
HASHSIZE = 32 << 20


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE org_text")
        op.execute(_CREATE.format(prefix="2"))
        for table in ("org_text", "org_uscc"):
            op.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {HASHSIZE})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # 0006's code fills its index only for rows without a rank: all of them again, both tables
        op.execute("DROP TABLE org_text")
        op.execute(_CREATE.format(prefix="2 3"))
        op.execute("DELETE FROM org_uscc_config WHERE k = 'hashsize'")
        op.execute("INSERT INTO org_uscc(org_uscc) VALUES ('delete-all')")
        op.execute("UPDATE organization SET name_rank = NULL")
