"""postgresql register order: the register's sort columns compare by code point, NULLs first, as on SQLite

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05

PostgreSQL only (nothing on SQLite).  A server's databases take the collation of the cluster (en_US.UTF-8,
zh_CN.UTF-8 …), under which text compares by the locale's rules, and its B-tree indexes put NULLs last; SQLite
compares text by code point and puts NULLs first.  The register's order must not depend on the server: the
name sort is the pinyin the program computes (services/register/search.py ranks rows by comparing
(name_pinyin, name, seq) in SQL *and* in Python, which must agree), and a table sorted by USCC shows the
organizations without one first on either back end.  So the sort columns get the "C" collation (code point
order, as SQLite and Python), and the sort indexes are made again with NULLS FIRST, which the register's
ORDER BY says on PostgreSQL (services/register/browse.py) so that the index still gives the order.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

# frozen copies (a migration must not import live code): civicdesk/schema.py SORT_KEYS as of 0013
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
TEXT_COLUMNS = ("name", "name_pinyin", "name_initials", "uscc", "division_code", "township_code", "legal_rep_name",
                "legal_form", "tier", "community_subtype", "category", "status")
LIVE = "deleted_at IS NULL"


def _index_columns(key: str) -> list[str]:
    columns = SORT_KEYS[key]
    status = ["status"] if "status" not in columns else []
    return [*columns, "seq", *status, *(["name_rank"] if key == "name" else [])]


def _collate(collation: str | None) -> None:
    types: dict[str, str] = dict(op.get_bind().execute(sa.text(
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
        " WHERE attrelid = 'organization'::regclass AND attname = ANY(:names)"), {"names": list(TEXT_COLUMNS)}).all())
    clause = f' COLLATE "{collation}"' if collation else ' COLLATE "default"'
    op.execute("ALTER TABLE organization " + ", ".join(
        f'ALTER COLUMN "{c}" TYPE {types[c]}{clause}' for c in TEXT_COLUMNS))


def _indexes(nulls_first: bool) -> None:
    for key in SORT_KEYS:
        op.execute(f"DROP INDEX IF EXISTS ix_organization_sort_{key}")
        order = " NULLS FIRST" if nulls_first else ""
        columns = ", ".join(f'"{c}"{order}' for c in _index_columns(key))
        op.execute(f"CREATE INDEX ix_organization_sort_{key} ON organization ({columns}) WHERE {LIVE}")
    op.execute("DROP INDEX IF EXISTS ix_organization_sort_rank")
    order = " NULLS FIRST" if nulls_first else ""
    op.execute(f"CREATE INDEX ix_organization_sort_rank ON organization (name_rank{order}, seq{order}, status{order})"
               f" WHERE {LIVE}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _collate("C")
    _indexes(nulls_first=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _indexes(nulls_first=False)
    _collate(None)
