"""supervision part 2: credit lists, penalties, interviews, complaints

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

The rows of credit supervision (civicdesk/models/enforcement.py); every table is synced like the register's
except complaint_reporter, which stays in the office.  No data: the national working-day calendar is read from
resources/supervision/holidays.json.

The register's derived ``organization.credit_list`` (local, not synced, like the supervision summary of 0009):
the list an organization is on now, with its covering index for the register's credit filter.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('calendar_day',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_day'))
    )
    with op.batch_alter_table('calendar_day', schema=None) as batch_op:
        batch_op.create_index('ix_calendar_day_day', ['day'], unique=False)

    op.create_table('credit_listing',
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('list_kind', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('ground', sa.String(length=48), nullable=False),
    sa.Column('ground_detail', sa.Text(), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('source_entity', sa.String(length=32), nullable=True),
    sa.Column('source_id', sa.String(length=36), nullable=True),
    sa.Column('proposed_by', sa.String(length=64), nullable=False),
    sa.Column('proposed_on', sa.Date(), nullable=False),
    sa.Column('decision_no', sa.String(length=64), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('listed_on', sa.Date(), nullable=True),
    sa.Column('removal_ground', sa.String(length=16), nullable=True),
    sa.Column('removal_proposed_on', sa.Date(), nullable=True),
    sa.Column('removal_proposed_by', sa.String(length=64), nullable=True),
    sa.Column('removal_decision_no', sa.String(length=64), nullable=True),
    sa.Column('removed_on', sa.Date(), nullable=True),
    sa.Column('removed_by', sa.String(length=64), nullable=True),
    sa.Column('moved_from_id', sa.String(length=36), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['moved_from_id'], ['credit_listing.id'],
        name=op.f('fk_credit_listing_moved_from_id_credit_listing')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
        name=op.f('fk_credit_listing_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_listing'))
    )
    with op.batch_alter_table('credit_listing', schema=None) as batch_op:
        batch_op.create_index('ix_credit_listing_office_state', ['office_code', 'state', 'list_kind'], unique=False)
        batch_op.create_index('ix_credit_listing_org', ['organization_id', 'list_kind', 'state'], unique=False)
        batch_op.create_index('ix_credit_listing_source', ['source_entity', 'source_id'], unique=False)

    op.create_table('complaint',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=True),
    sa.Column('subject_name', sa.String(length=200), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('assigned_to', sa.String(length=64), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('finding', sa.Text(), nullable=True),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('spotcheck_item_id', sa.String(length=36), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
        name=op.f('fk_complaint_organization_id_organization')),
    sa.ForeignKeyConstraint(['spotcheck_item_id'], ['spotcheck_item.id'],
        name=op.f('fk_complaint_spotcheck_item_id_spotcheck_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint'))
    )
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_office_state', ['office_code', 'state', 'due_on'], unique=False)
        batch_op.create_index('ix_complaint_org', ['organization_id'], unique=False)

    op.create_table('credit_event',
    sa.Column('listing_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=24), nullable=False),
    sa.Column('from_state', sa.String(length=16), nullable=True),
    sa.Column('to_state', sa.String(length=16), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['listing_id'], ['credit_listing.id'],
        name=op.f('fk_credit_event_listing_id_credit_listing')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_event'))
    )
    with op.batch_alter_table('credit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_credit_event_listing_id'), ['listing_id'], unique=False)

    op.create_table('credit_objection',
    sa.Column('listing_id', sa.String(length=36), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=True),
    sa.Column('reply', sa.Text(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['listing_id'], ['credit_listing.id'],
        name=op.f('fk_credit_objection_listing_id_credit_listing')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_objection'))
    )
    with op.batch_alter_table('credit_objection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_credit_objection_listing_id'), ['listing_id'], unique=False)

    op.create_table('complaint_reporter',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('complaint_id', sa.String(length=36), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'],
        name=op.f('fk_complaint_reporter_complaint_id_complaint')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_reporter')),
    sa.UniqueConstraint('complaint_id', name=op.f('uq_complaint_reporter_complaint_id'))
    )
    op.create_table('interview',
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('held_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('participants', sa.Text(), nullable=False),
    sa.Column('issues', sa.Text(), nullable=False),
    sa.Column('rectification', sa.Text(), nullable=True),
    sa.Column('rectify_by', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('outcome_on', sa.Date(), nullable=True),
    sa.Column('complaint_id', sa.String(length=36), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_interview_complaint_id_complaint')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
        name=op.f('fk_interview_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview'))
    )
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.create_index('ix_interview_org', ['organization_id', 'held_at'], unique=False)

    op.create_table('penalty',
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('case_no', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=True),
    sa.Column('suspended_from', sa.Date(), nullable=True),
    sa.Column('suspended_to', sa.Date(), nullable=True),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('decision_no', sa.String(length=64), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('appeal_by', sa.Date(), nullable=True),
    sa.Column('filing_id', sa.String(length=36), nullable=True),
    sa.Column('complaint_id', sa.String(length=36), nullable=True),
    sa.Column('interview_id', sa.String(length=36), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_penalty_complaint_id_complaint')),
    sa.ForeignKeyConstraint(['filing_id'], ['filing.id'], name=op.f('fk_penalty_filing_id_filing')),
    sa.ForeignKeyConstraint(['interview_id'], ['interview.id'], name=op.f('fk_penalty_interview_id_interview')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
        name=op.f('fk_penalty_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_penalty'))
    )
    with op.batch_alter_table('penalty', schema=None) as batch_op:
        batch_op.create_index('ix_penalty_office_case', ['office_code', 'case_no'], unique=False)
        batch_op.create_index('ix_penalty_org', ['organization_id', 'state', 'decided_on'], unique=False)

    # the city's rulings on a district's listings and penalties (docs/SYNC.md "Rulings")
    op.create_table('ruling',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('subject_entity', sa.String(length=32), nullable=False),
    sa.Column('subject_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('decision_no', sa.String(length=64), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('decided_by', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
        name=op.f('fk_ruling_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ruling'))
    )
    with op.batch_alter_table('ruling', schema=None) as batch_op:
        batch_op.create_index('ix_ruling_subject', ['subject_entity', 'subject_id'], unique=False)

    # the register's derived credit column (local, not synced: services/supervision/profile.py) and its filter's
    # covering index (models/register.py)
    with op.batch_alter_table("organization") as batch:
        batch.add_column(sa.Column("credit_list", sa.String(length=8), nullable=True))
    live = sa.text("deleted_at IS NULL")
    op.create_index("ix_organization_credit", "organization",
                    ["credit_list", "status", "name_rank", "seq", "deleted_at"],
                    sqlite_where=live, postgresql_where=live)
    # serious before abnormal ('serious' > 'abnormal'); no rows yet on a fresh upgrade, the statement keeps the
    # column right on any database that holds listings
    op.execute("UPDATE organization SET credit_list = (SELECT l.list_kind FROM credit_listing l"
               " WHERE l.organization_id = organization.id AND l.state = 'listed' AND l.deleted_at IS NULL"
               " ORDER BY l.list_kind DESC LIMIT 1)"
               " WHERE id IN (SELECT organization_id FROM credit_listing WHERE state = 'listed')")



def downgrade() -> None:
    with op.batch_alter_table('ruling', schema=None) as batch_op:
        batch_op.drop_index('ix_ruling_subject')
    op.drop_table('ruling')
    op.drop_index("ix_organization_credit", table_name="organization")
    with op.batch_alter_table("organization") as batch:
        batch.drop_column("credit_list")
    with op.batch_alter_table('penalty', schema=None) as batch_op:
        batch_op.drop_index('ix_penalty_org')
        batch_op.drop_index('ix_penalty_office_case')

    op.drop_table('penalty')
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_index('ix_interview_org')

    op.drop_table('interview')
    op.drop_table('complaint_reporter')
    with op.batch_alter_table('credit_objection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_credit_objection_listing_id'))

    op.drop_table('credit_objection')
    with op.batch_alter_table('credit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_credit_event_listing_id'))

    op.drop_table('credit_event')
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_org')
        batch_op.drop_index('ix_complaint_office_state')

    op.drop_table('complaint')
    with op.batch_alter_table('credit_listing', schema=None) as batch_op:
        batch_op.drop_index('ix_credit_listing_source')
        batch_op.drop_index('ix_credit_listing_org')
        batch_op.drop_index('ix_credit_listing_office_state')

    op.drop_table('credit_listing')
    with op.batch_alter_table('calendar_day', schema=None) as batch_op:
        batch_op.drop_index('ix_calendar_day_day')

    op.drop_table('calendar_day')
