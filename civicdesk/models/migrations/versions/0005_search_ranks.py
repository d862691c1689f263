"""search by 4-grams and name ranks: org_text and org_uscc replace the bigram index; name_rank orders by name

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

The ranks and the new index rows are made when the database is opened (services/register/search.py index_pending),
from the organization table, as for rows added in bulk.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")


def upgrade() -> None:
    op.add_column("organization", sa.Column("name_rank", sa.BigInteger(), nullable=True))
    op.drop_index("ix_organization_sort_name", table_name="organization")
    op.create_index("ix_organization_sort_name", "organization", ["name_pinyin", "name", "seq", "status", "name_rank"],
                    sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index("ix_organization_sort_rank", "organization", ["name_rank", "seq", "status"],
                    sqlite_where=LIVE, postgresql_where=LIVE)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS org_grams")
        # See services/register/search.py: 4-grams with a prefix index on 2 and 3 characters; USCC prefixes as tokens.
        op.execute(
            "CREATE VIRTUAL TABLE org_text USING fts5(name, address, legal_rep, pinyin, initials, state,"
            " content='', prefix='2 3', tokenize='unicode61 remove_diacritics 0')"
        )
        op.execute("CREATE VIRTUAL TABLE org_uscc USING fts5(uscc, state, content='',"
                   " tokenize='unicode61 remove_diacritics 0')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE org_text")
        op.execute("DROP TABLE org_uscc")
        op.execute(
            "CREATE VIRTUAL TABLE org_grams USING fts5(name, address, legal_rep, pinyin, initials, uscc, state,"
            " content='', tokenize='unicode61 remove_diacritics 0')"
        )
        op.execute("UPDATE organization SET seq = NULL")  # the bigram index is filled again on opening
    op.drop_index("ix_organization_sort_rank", table_name="organization")
    op.drop_index("ix_organization_sort_name", table_name="organization")
    op.create_index("ix_organization_sort_name", "organization", ["name_pinyin", "name", "seq", "status"],
                    sqlite_where=LIVE, postgresql_where=LIVE)
    with op.batch_alter_table("organization") as batch:
        batch.drop_column("name_rank")
