"""change log by row: the index a conflict's check of the writes behind each field reads

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

Without it every conflict found during an import read the whole change log (services/sync/apply.py
``_stamps`` and ``_local_base``); bulk loads now log every row, so the log is as long as the register.
"""
from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_change_log_row", "change_log", ["entity", "row_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_change_log_row", table_name="change_log")
