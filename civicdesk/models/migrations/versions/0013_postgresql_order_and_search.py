"""postgresql order and search: the register's order and search on a server give SQLite's answers

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

Search: SQLite's full-text tables (org_text, org_uscc) have no counterpart on a server.  A GIN index on the
*bigrams* of the searched text (name, address, legal representative, pinyin, initials, ASCII lower-cased) finds
the candidate rows of any query of two characters or more (a row holding the query holds each of its bigrams),
which the query's LIKE then checks: the same rows as SQLite's index, 2-5 times faster than the scan at 100,000
organizations (bench/bench_pg_search.py; pg_trgm's trigrams cannot answer the two-character queries, the
commonest Chinese ones).  The function is the program's own (an SQL function, nothing to install).

The audit trail: on SQLite two triggers (0003) refuse any UPDATE or DELETE of ``audit_entry``; the server had
none.  The same refusal, with the same message, as a PL/pgSQL trigger.
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
# frozen copies of civicdesk/services/register/search.py BIGRAM_FUNCTION and BIGRAM_SOURCE as of 0013
BIGRAM_FUNCTION = (
    "CREATE OR REPLACE FUNCTION civicdesk_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE"
    " STRICT AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}')"
    " FROM generate_series(1, length(t) - 1) AS i $$")
BIGRAM_SOURCE = (
    "civicdesk_bigrams(lower((coalesce(name, '') || chr(1) || coalesce(address, '') || chr(1)"
    " || coalesce(legal_rep_name, '') || chr(1) || coalesce(name_pinyin, '') || chr(1)"
    " || coalesce(name_initials, '')) COLLATE \"C\"))")
APPEND_ONLY = (
    "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS"
    " $$ BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$",
    "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry"
    " FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()",
    "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry"
    " FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()",
)


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
    op.execute(BIGRAM_FUNCTION)
    op.execute(f"CREATE INDEX ix_organization_bigrams ON organization USING gin ({BIGRAM_SOURCE})")
    for statement in APPEND_ONLY:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update ON audit_entry")
    op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete ON audit_entry")
    op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
    op.execute("DROP INDEX IF EXISTS ix_organization_bigrams")
    op.execute("DROP FUNCTION IF EXISTS civicdesk_bigrams(text)")
    _indexes(nulls_first=False)
    _collate(None)
