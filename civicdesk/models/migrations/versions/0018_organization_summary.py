"""organization summary: the register's counts by group and the tally's sums by group, kept by SQLite triggers

Revision ID: 0018
Revises: 0014
Create Date: 2026-12-05

SQLite only (nothing on a server, whose figures are computed from the rows).  ``organization_summary`` has one
row per group of organizations that are not deleted: county, tier, legal form, community or not, community
subtype, live (a status of ``LIVE_STATUSES``) or not, and the year of the registration date; ``n`` of them,
and the sums of their ``cultivation_tally`` rows (how many serve, service days, person-times, children in
difficulty and left behind, volunteers, activities; hours and the three funding sources in cents: integers,
so that adding and taking away stays exact).  A NULL legal form, subtype or date is kept as '' with a flag
(``*_null``): the key is a primary key, whose NULLs would never collide.

Triggers keep it: an organization inserted, deleted, or updated in a column of the key (or ``deleted_at``)
adds or takes away its own row's share (1 and its tally row; a group left without organizations is removed, so
that the table is a function of the rows alone); a tally row inserted, deleted or updated adds or takes away its
sums in its organization's group.  Every writer goes through them (forms, ledger imports,
sync imports, bulk loads, the demo, ``db copy``), so the dashboard's and the report's figures are a read of a
few hundred rows instead of a walk of the register (services/register/statistics.py,
services/cultivation/figures.py, services/dashboard.py).  The table is filled from the rows here once.

A later migration that rebuilds ``organization`` or ``cultivation_tally`` (Alembic's batch mode on SQLite copies
the table and drops the old one, and its triggers with it) must create these triggers again (``TRIGGERS``);
tests/cultivation/test_organization_summary.py fails otherwise.
"""
from __future__ import annotations

from alembic import op

revision = '0018'
down_revision = '0014'
branch_labels = None
depends_on = None

# frozen copy (a migration must not import live code): civicdesk/schema.py LIVE_STATUSES as of 0018
LIVE = "('active', 'suspended', 'liquidating')"
KEY = ("division_code", "tier", "legal_form", "legal_form_null", "is_community", "community_subtype",
       "subtype_null", "live", "year", "year_null")
SUMS = ("n", "serving", "service_days", "person_times", "in_difficulty", "left_behind", "volunteers",
        "activities", "hours_cents", "foundation_cents", "organization_cents", "civil_affairs_cents")

TABLE = (
    "CREATE TABLE organization_summary ("
    "division_code TEXT NOT NULL, tier TEXT NOT NULL, legal_form TEXT NOT NULL, legal_form_null INTEGER NOT NULL, "
    "is_community INTEGER NOT NULL, community_subtype TEXT NOT NULL, subtype_null INTEGER NOT NULL, "
    "live INTEGER NOT NULL, year TEXT NOT NULL, year_null INTEGER NOT NULL, "
    + ", ".join(f"{s} INTEGER NOT NULL" for s in SUMS) +
    ", CONSTRAINT pk_organization_summary PRIMARY KEY (" + ", ".join(KEY) + ")) WITHOUT ROWID"
)


def _key(o: str) -> str:
    """The group of organization ``o`` (NEW, OLD, or a table alias)."""
    return (f"{o}.division_code, {o}.tier, coalesce({o}.legal_form, ''), {o}.legal_form IS NULL, "
            f"{o}.is_community, coalesce({o}.community_subtype, ''), {o}.community_subtype IS NULL, "
            f"{o}.status IN {LIVE}, coalesce(substr({o}.established_on, 1, 4), ''), {o}.established_on IS NULL")


def _tally_parts(t: str, sign: str) -> list[str]:
    """The sums of tally row ``t`` (NEW, OLD, or an alias: NULL when an outer join found none), times ``sign``."""
    cents = [f"{sign} * coalesce(CAST(round({t}.{c} * 100) AS INTEGER), 0)"
             for c in ("hours", "funded_foundation", "funded_organization", "funded_civil_affairs")]
    return ([f"{sign} * coalesce({t}.service_days > 0, 0)"]
            + [f"{sign} * coalesce({t}.{c}, 0)" for c in ("service_days", "person_times", "in_difficulty",
                                                           "left_behind", "volunteers", "activities")]
            + cents)


def _tally(t: str, sign: str) -> str:
    return ", ".join(_tally_parts(t, sign))


UPSERT = ("INSERT INTO organization_summary (" + ", ".join(KEY + SUMS) + ") {select} "
          "ON CONFLICT (" + ", ".join(KEY) + ") DO UPDATE SET "
          + ", ".join(f"{s} = {s} + excluded.{s}" for s in SUMS) + ";")


def _organization(o: str, sign: str) -> str:
    """Add (``sign`` 1) or take away (-1) organization ``o``'s share: itself and its tally row."""
    return UPSERT.format(select=f"SELECT {_key(o)}, {sign}, {_tally('t', sign)} FROM (SELECT 1) "
                                f"LEFT JOIN cultivation_tally t ON t.organization_id = {o}.id WHERE true")


def _emptied(o: str) -> str:
    """Remove organization ``o``'s group when it has no organization left (its sums are then zero too): the table
    is a function of the rows alone, whatever way they came (two offices holding the same rows hold the same)."""
    return ("DELETE FROM organization_summary WHERE n = 0 AND (" + ", ".join(KEY) + ") = ("
            + _key(o) + ");")


def _tally_row(t: str, sign: str) -> str:
    """Add or take away tally row ``t``'s sums in its organization's group (none when it is deleted)."""
    return UPSERT.format(select=f"SELECT {_key('o')}, 0, {_tally(t, sign)} FROM organization o "
                                f"WHERE o.id = {t}.organization_id AND o.deleted_at IS NULL")


TRIGGERS = (
    "CREATE TRIGGER organization_summary_insert AFTER INSERT ON organization WHEN NEW.deleted_at IS NULL "
    f"BEGIN {_organization('NEW', '1')} END",
    "CREATE TRIGGER organization_summary_delete AFTER DELETE ON organization WHEN OLD.deleted_at IS NULL "
    f"BEGIN {_organization('OLD', '-1')} {_emptied('OLD')} END",
    "CREATE TRIGGER organization_summary_update_old AFTER UPDATE OF id, division_code, tier, legal_form, "
    "is_community, community_subtype, status, established_on, deleted_at ON organization "
    f"WHEN OLD.deleted_at IS NULL BEGIN {_organization('OLD', '-1')} {_emptied('OLD')} END",
    "CREATE TRIGGER organization_summary_update_new AFTER UPDATE OF id, division_code, tier, legal_form, "
    "is_community, community_subtype, status, established_on, deleted_at ON organization "
    f"WHEN NEW.deleted_at IS NULL BEGIN {_organization('NEW', '1')} END",
    f"CREATE TRIGGER tally_summary_insert AFTER INSERT ON cultivation_tally BEGIN {_tally_row('NEW', '1')} END",
    f"CREATE TRIGGER tally_summary_delete AFTER DELETE ON cultivation_tally BEGIN {_tally_row('OLD', '-1')} END",
    "CREATE TRIGGER tally_summary_update AFTER UPDATE ON cultivation_tally "
    f"BEGIN {_tally_row('OLD', '-1')} {_tally_row('NEW', '1')} END",
)
NAMES = ("organization_summary_insert", "organization_summary_delete", "organization_summary_update_old",
         "organization_summary_update_new", "tally_summary_insert", "tally_summary_delete", "tally_summary_update")

FILL = ("INSERT INTO organization_summary (" + ", ".join(KEY + SUMS) + ") "
        f"SELECT {_key('o')}, count(*), "
        + ", ".join(f"sum({part})" for part in _tally_parts('t', '1')) +
        " FROM organization o LEFT JOIN cultivation_tally t ON t.organization_id = o.id "
        "WHERE o.deleted_at IS NULL GROUP BY " + ", ".join(str(n + 1) for n in range(len(KEY))))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(TABLE)
    op.execute(FILL)
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS organization_summary")
