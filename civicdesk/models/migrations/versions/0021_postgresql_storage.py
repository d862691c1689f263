"""postgresql storage: the large texts the program writes by the hundred thousand compressed by lz4, the sealed
packages stored as they are

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06

PostgreSQL only (nothing on SQLite).  A server compresses a value of about 2 kB or more before it stores it, by
its default method, pglz, unless the column says otherwise.  Two kinds of value paid for that in the server's
own time, on the one core it has for a unit of work:

- an import's audit entries (``audit_entry.details``: a row's fields, 1.5 kB on average, the largest over 2 kB)
  and its change log (``change_log.fields``, the same fields as JSON): lz4 compresses them at several times
  pglz's speed, and reads them back faster;
- a sync package as received or sent (``sync_inbox``, ``sync_outbox``, ``sync_parked``, ``sync_quarantine``:
  ``data``, encrypted bytes that no method compresses): stored out of line without a try
  (``STORAGE EXTERNAL``); pglz tried each package (15.8 MB for 100,000 changes) before giving up.

Only values written from now on are stored the new way; the ones stored stay readable as they are.  A server
built without lz4 (``default_toast_compression`` does not offer it) keeps pglz.  The downgrade sets the columns
back to the server's default method and to ``EXTENDED``.
"""
from __future__ import annotations

from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

COMPRESSED = (("audit_entry", "details"), ("change_log", "fields"))
SEALED = (("sync_inbox", "data"), ("sync_outbox", "data"), ("sync_parked", "data"), ("sync_quarantine", "data"))


def _has_lz4() -> bool:
    return bool(op.get_bind().exec_driver_sql(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'").scalar())


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    if _has_lz4():
        for table, column in COMPRESSED:
            op.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" SET COMPRESSION lz4')
    for table, column in SEALED:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" SET STORAGE EXTERNAL')


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COMPRESSED:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" SET COMPRESSION DEFAULT')
    for table, column in SEALED:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN "{column}" SET STORAGE EXTENDED')
