"""postgresql grams: SQLite's 4-gram search index on a server, as a table counted and paged by index-only scans

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05

PostgreSQL only (nothing on SQLite).  SQLite answers a search from its FTS5 table ``org_text``: the 4-grams of
the searched text (name, address, legal representative, pinyin, initials), the organization's name rank as the
rowid, a ``state`` token for the rows the register hides by default.  The bigram GIN index of 0013 finds the
same rows on a server but reads every candidate from the table to check and count it (50-140 ms for 6,700
matches of 100,000).  This table is the same index as rows: one row per distinct (4-gram, organization) with
the organization's rank and whether it is live (a live status, not deleted: tombstones are not in it), plus
one row per USCC (``#`` and the code: no 4-gram holds ``#``).  Its primary key (gram, live, rank) is the
B-tree that counts a query's matches and gives them in name order without reading the organization table.

The gram is text in the "C" collation (a range of it is a prefix: queries of 2 and 3 characters, USCC
prefixes), ``live`` before ``rank`` costs nothing in the key (it fills the padding after the text).  The
table is filled by the program (services/register/search.py ``index_pending``, run when a database is opened):
the grams are Python's (NFKC, runs of letters and digits), as SQLite's are.
"""
from __future__ import annotations

from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute('CREATE TABLE org_gram (gram text COLLATE "C" NOT NULL, live boolean NOT NULL, rank bigint NOT NULL,'
               ' CONSTRAINT pk_org_gram PRIMARY KEY (gram, live, rank))')
    op.execute("ALTER TABLE org_gram SET (autovacuum_vacuum_scale_factor = 0.02,"
               " autovacuum_analyze_scale_factor = 0.02)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE IF EXISTS org_gram")
