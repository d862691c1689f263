"""postgresql gram counts: a search of one key of ``org_gram`` counted from a table of counts, and a USCC
prefix made one key

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05

PostgreSQL only (nothing on SQLite).  At a million organizations a 4-character query or a USCC prefix matching
57,000-67,000 of them was counted by an index-only scan of as many key entries of ``org_gram`` (about 0.3 µs
each: 15-20 ms, over the 30 ms p95 of issue 19 with the first page and the load), and a USCC prefix, a range of
whole codes in ``org_gram``, read every entry of the range to give the 100 lowest ranks.

- ``org_gram`` also holds each USCC's prefixes of 2 to 10 characters (``#`` and the prefix, upper case: the
  tokens of SQLite's ``org_uscc``), so that a USCC prefix of up to 10 characters is one key, paged in rank order
  by its index and stopping after the page; a longer prefix stays a range of the whole codes.
- ``org_gram_count`` (gram, n) holds the live count of every gram that is a whole query (a 4-gram, a USCC
  prefix row) as changes: a writer appends one row per gram whose count it changed, the sum is the count (read
  by an index-only scan of a few rows).  Appending, writers never wait for each other on a popular gram's row.
  It is written by the program where it writes ``org_gram`` (services/register/search.py ``_write_grams``),
  an edit's unchanged grams cancelling out within its flush; a fill of the table counts once at the end.

Both are filled here from the rows of ``org_gram`` (SQL that gives the program's rows: the prefixes of the
USCC row's code, upper-cased; the counts of the live rows of the counted grams).
"""
from __future__ import annotations

from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

PREFIX_ROWS = (
    "INSERT INTO org_gram (gram, live, rank)"
    " SELECT '#' || upper(left(substr(gram, 2), k)), live, rank FROM org_gram, generate_series(2, 10) AS k"
    " WHERE gram >= '#' AND gram < '$' AND k <= length(gram) - 1"
    " ON CONFLICT DO NOTHING")
COUNTS = ("INSERT INTO org_gram_count (gram, n) SELECT gram, count(*) FROM org_gram"
          " WHERE live AND CASE WHEN left(gram, 1) = '#' THEN length(gram) <= 11 ELSE length(gram) = 4 END"
          " GROUP BY gram")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("SET LOCAL work_mem = '256MB'")  # the counts of a million organizations' grams: a hash in memory
    op.execute(PREFIX_ROWS)
    op.execute('CREATE TABLE org_gram_count (gram text COLLATE "C" NOT NULL, n integer NOT NULL)')
    op.execute(COUNTS)
    op.execute("CREATE INDEX ix_org_gram_count ON org_gram_count (gram) INCLUDE (n)")
    op.execute("ALTER TABLE org_gram_count SET (autovacuum_vacuum_scale_factor = 0.02,"
               " autovacuum_analyze_scale_factor = 0.02)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE IF EXISTS org_gram_count")
    op.execute("DELETE FROM org_gram WHERE gram >= '#' AND gram < '$' AND length(gram) <= 11")
