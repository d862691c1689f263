"""register table and search: stable seq, legal representative, pinyin, sort indexes, bigram index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")
# The sort keys as of this revision, frozen here: a migration must not follow a later change of civicdesk.schema.
SORT_KEYS = {
    "name": ("name_pinyin", "name"),
    "uscc": ("uscc", "name"),
    "established_on": ("established_on", "name"),
    "division": ("division_code", "township_code", "name"),
    "legal_rep_name": ("legal_rep_name", "name"),
    "legal_form": ("legal_form", "name"),
    "tier": ("tier", "name"),
    "community_subtype": ("community_subtype", "name"),
    "category": ("category", "name"),
    "status": ("status", "name"),
}
OLD_INDEXES = {
    "ix_organization_name": ["name"],
    "ix_organization_division": ["division_code", "township_code"],
    "ix_organization_tier_status": ["tier", "status"],
    "ix_organization_legal_form": ["legal_form"],
    "ix_organization_category": ["category"],
    "ix_organization_subtype": ["community_subtype"],
    "ix_organization_established": ["established_on"],
}


def upgrade() -> None:
    with op.batch_alter_table("organization") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("legal_rep_name", sa.String(50), nullable=True))
        batch.add_column(sa.Column("name_pinyin", sa.String(600), nullable=True))
        batch.add_column(sa.Column("name_initials", sa.String(200), nullable=True))
    for name in OLD_INDEXES:
        op.drop_index(name, table_name="organization")
    op.create_index("uq_organization_seq", "organization", ["seq"], unique=True)
    for key, columns in SORT_KEYS.items():
        extra = ["seq", *(["status"] if "status" not in columns else [])]
        op.create_index(f"ix_organization_sort_{key}", "organization", [*columns, *extra],
                        sqlite_where=LIVE, postgresql_where=LIVE)
    op.create_index("ix_organization_stats", "organization",
                    ["division_code", "status", "tier", "legal_form", "is_community", "community_subtype"],
                    sqlite_where=LIVE, postgresql_where=LIVE)
    # the legal representative's name, for rows that exist already
    op.execute(
        "UPDATE organization SET legal_rep_name = (SELECT p.name FROM org_person p WHERE p.organization_id ="
        " organization.id AND p.role = 'legal_representative' AND p.is_current AND p.deleted_at IS NULL LIMIT 1)"
    )
    if op.get_bind().dialect.name == "sqlite":
        # Bigram index (see services/register/search.py): one token per pair of adjacent characters, so a phrase of
        # overlapping bigrams is exactly a substring.  Contentless: the text lives in the organization table.
        # seq and pinyin of existing rows are filled by the search service when the database is opened.
        op.execute(
            "CREATE VIRTUAL TABLE org_grams USING fts5(name, address, legal_rep, pinyin, initials, uscc, state,"
            " content='', tokenize='unicode61 remove_diacritics 0')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE org_grams")
    op.drop_index("ix_organization_stats", table_name="organization")
    for key in SORT_KEYS:
        op.drop_index(f"ix_organization_sort_{key}", table_name="organization")
    op.drop_index("uq_organization_seq", table_name="organization")
    for name, columns in OLD_INDEXES.items():
        op.create_index(name, "organization", columns)
    with op.batch_alter_table("organization") as batch:
        batch.drop_column("name_initials")
        batch.drop_column("name_pinyin")
        batch.drop_column("legal_rep_name")
        batch.drop_column("seq")
