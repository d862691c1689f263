"""sync_inbox keeps the bytes of each package it applied

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

An import can be re-examined afterwards: the audit trail names each row a package changed and the package's
hash; the inbox row holds the very file (signed, encrypted for this office) that hash is of.  Packages applied
before this revision have no copy (NULL).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_inbox", sa.Column("data", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_inbox") as batch:
        batch.drop_column("data")
