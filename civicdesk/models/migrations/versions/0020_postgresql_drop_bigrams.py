"""postgresql drop bigrams: the bigram GIN index of 0013 goes; every search is answered from ``org_gram``

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06

PostgreSQL only (nothing on SQLite).  The GIN index ``ix_organization_bigrams`` on the bigrams of the searched
text (0013) gave the candidates of a search with another filter or sort, of a query of 5 characters or more and
of one with punctuation, which the query's LIKE then checked.  It was the largest share of the server's work for
a new organization (about 3.6 of 6.3 s of the server's CPU per 50,000 rows: bench/README.md, "Ledger and sync
import after migration 0019").  The program now takes those candidates from ``org_gram`` (0014): a query of 2
to 4 characters is its key or range, a longer one the rows holding its rarest 4-gram, checked by LIKE; one
character or punctuation is the LIKE scan, as on SQLite (services/register/search.py ``condition``).

The downgrade makes the index again from the frozen SQL of 0013 (the program of 0019 reads it).
"""
from __future__ import annotations

from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

# frozen copies of 0013's BIGRAM_FUNCTION and BIGRAM_SOURCE (the program no longer has them)
BIGRAM_FUNCTION = (
    "CREATE OR REPLACE FUNCTION civicdesk_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE"
    " STRICT AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}')"
    " FROM generate_series(1, length(t) - 1) AS i $$")
BIGRAM_SOURCE = (
    "civicdesk_bigrams(lower((coalesce(name, '') || chr(1) || coalesce(address, '') || chr(1)"
    " || coalesce(legal_rep_name, '') || chr(1) || coalesce(name_pinyin, '') || chr(1)"
    " || coalesce(name_initials, '')) COLLATE \"C\"))")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_organization_bigrams")
    op.execute("DROP FUNCTION IF EXISTS civicdesk_bigrams(text)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(BIGRAM_FUNCTION)
    op.execute(f"CREATE INDEX IF NOT EXISTS ix_organization_bigrams ON organization USING gin ({BIGRAM_SOURCE})")
