"""supervision, part 1: parameters, annual inspection, rating evaluation, spot checks

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

The rows of the three periodic campaigns (civicdesk/models/supervision.py); every table is synced like the
register's.  No data: the shipped parameter defaults are read from resources/supervision/parameters.json.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the register's derived supervision summary (local, not synced)
    with op.batch_alter_table("organization") as batch:
        batch.add_column(sa.Column("inspection_year", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("inspection_conclusion", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("rating_grade", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("rating_valid_to", sa.Date(), nullable=True))
    live = sa.text("deleted_at IS NULL")
    # the register's supervision filters read these alone (models/register.py)
    op.create_index("ix_organization_inspection", "organization",
                    ["inspection_year", "inspection_conclusion", "status", "name_rank", "seq", "deleted_at"],
                    sqlite_where=live, postgresql_where=live)
    op.create_index("ix_organization_rating", "organization",
                    ["rating_grade", "rating_valid_to", "status", "name_rank", "seq", "deleted_at"],
                    sqlite_where=live, postgresql_where=live)
    op.create_table('inspection_campaign',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('opened_by', sa.String(length=64), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('closed_by', sa.String(length=64), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_campaign'))
    )
    op.create_index('uq_inspection_campaign_office_year', 'inspection_campaign', ['office_code', 'year'], unique=True)
    op.create_table('inspector',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('unit', sa.String(length=100), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('conflicts', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspector'))
    )
    op.create_table('parameter',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('legal_form', sa.String(length=32), nullable=True),
    sa.Column('year_from', sa.Integer(), nullable=True),
    sa.Column('year_to', sa.Integer(), nullable=True),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('edited_by', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parameter'))
    )
    op.create_index('ix_parameter_key', 'parameter', ['origin_office', 'key'], unique=False)
    op.create_table('spotcheck_plan',
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('ratio', sa.Numeric(precision=6, scale=4), nullable=False),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('inspectors_per_check', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('method', sa.String(length=48), nullable=True),
    sa.Column('seed', sa.String(length=64), nullable=True),
    sa.Column('eligible_count', sa.Integer(), nullable=True),
    sa.Column('drawn_count', sa.Integer(), nullable=True),
    sa.Column('snapshot', sa.Text(), nullable=True),
    sa.Column('snapshot_sha256', sa.String(length=64), nullable=True),
    sa.Column('inspector_ids', sa.JSON(), nullable=False),
    sa.Column('exclusions', sa.JSON(), nullable=False),
    sa.Column('drawn_by', sa.String(length=64), nullable=True),
    sa.Column('drawn_at', sa.DateTime(), nullable=True),
    sa.Column('cancelled_reason', sa.Text(), nullable=True),
    sa.Column('cancelled_by', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spotcheck_plan'))
    )
    op.create_index('ix_spotcheck_plan_office_year', 'spotcheck_plan', ['office_code', 'year'], unique=False)
    op.create_table('inspection_record',
    sa.Column('campaign_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('materials', sa.JSON(), nullable=False),
    sa.Column('income', sa.Numeric(precision=16, scale=2), nullable=True),
    sa.Column('expenditure', sa.Numeric(precision=16, scale=2), nullable=True),
    sa.Column('net_assets', sa.Numeric(precision=16, scale=2), nullable=True),
    sa.Column('staff_count', sa.Integer(), nullable=True),
    sa.Column('member_count', sa.Integer(), nullable=True),
    sa.Column('activity_count', sa.Integer(), nullable=True),
    sa.Column('sponsor_opinion', sa.String(length=16), nullable=True),
    sa.Column('sponsor_opinion_on', sa.Date(), nullable=True),
    sa.Column('sponsor_note', sa.Text(), nullable=True),
    sa.Column('conclusion', sa.String(length=16), nullable=True),
    sa.Column('reasons', sa.Text(), nullable=True),
    sa.Column('document_no', sa.String(length=64), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('submitted_by', sa.String(length=64), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('origin_office', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('version_vector', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.String(length=64), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['inspection_campaign.id'],
                            name=op.f('fk_inspection_record_campaign_id_inspection_campaign')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'],
                            name=op.f('fk_inspection_record_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_record'))
    )
    op.create_index('ix_inspection_record_campaign_state', 'inspection_record', ['campaign_id', 'state'], unique=False)
    op.create_index('ix_inspection_record_org_year', 'inspection_record', ['organization_id', 'year'], unique=False)
    op.create_index('uq_inspection_record_campaign_org', 'inspection_record',
                    ['campaign_id', 'organization_id'], unique=True,
                    sqlite_where=sa.text('deleted_at IS NULL'),
                    postgresql_where=sa.text('deleted_at IS NULL'))
    # 参检率: a due organization's report is found and counted from this index alone
    op.create_index('ix_inspection_record_participation', 'inspection_record',
                    ['campaign_id', 'organization_id', 'state', 'conclusion', 'late', 'deleted_at'], unique=False,
                    sqlite_where=sa.text('deleted_at IS NULL'),
                    postgresql_where=sa.text('deleted_at IS NULL'))
    op.create_table('rating_application',
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('office_code', sa.String(length=12), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('eligibility', sa.JSON(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=True),
    sa.Column('grade', sa.String(length=8), nullable=True),
    sa.Column('current_grade', sa.String(length=8), nullable=True),
    sa.Column('decision_no', sa.String(length=64), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('submitted_by', sa.String(length=64), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
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
                            name=op.f('fk_rating_application_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_application'))
    )
    op.create_index('ix_rating_application_org', 'rating_application', ['organization_id', 'year'], unique=False)
    op.create_index('ix_rating_application_state_valid', 'rating_application', ['state', 'valid_to'], unique=False)
    op.create_table('spotcheck_item',
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('inspector_ids', sa.JSON(), nullable=False),
    sa.Column('notice_on', sa.Date(), nullable=True),
    sa.Column('checked_on', sa.Date(), nullable=True),
    sa.Column('findings', sa.Text(), nullable=True),
    sa.Column('result', sa.String(length=16), nullable=True),
    sa.Column('rectify_by', sa.Date(), nullable=True),
    sa.Column('rectified_on', sa.Date(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('recorded_by', sa.String(length=64), nullable=True),
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
                            name=op.f('fk_spotcheck_item_organization_id_organization')),
    sa.ForeignKeyConstraint(['plan_id'], ['spotcheck_plan.id'],
                            name=op.f('fk_spotcheck_item_plan_id_spotcheck_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spotcheck_item'))
    )
    op.create_index(op.f('ix_spotcheck_item_organization_id'), 'spotcheck_item', ['organization_id'], unique=False)
    op.create_index(op.f('ix_spotcheck_item_plan_id'), 'spotcheck_item', ['plan_id'], unique=False)
    op.create_table('inspection_event',
    sa.Column('record_id', sa.String(length=36), nullable=False),
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
    sa.ForeignKeyConstraint(['record_id'], ['inspection_record.id'],
                            name=op.f('fk_inspection_event_record_id_inspection_record')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspection_event'))
    )
    op.create_index(op.f('ix_inspection_event_record_id'), 'inspection_event', ['record_id'], unique=False)
    op.create_table('rating_event',
    sa.Column('application_id', sa.String(length=36), nullable=False),
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
    sa.ForeignKeyConstraint(['application_id'], ['rating_application.id'],
                            name=op.f('fk_rating_event_application_id_rating_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_event'))
    )
    op.create_index(op.f('ix_rating_event_application_id'), 'rating_event', ['application_id'], unique=False)
    # who is due in an annual inspection (services/supervision/inspection.py), read from this index alone
    # (deleted_at, always NULL here, too: without it SQLite reads the table to test the partial condition)
    op.create_index('ix_organization_due', 'organization',
                    ['registry_code', 'tier', 'legal_form', 'established_on', 'status', 'status_changed_on',
                     'division_code', 'id', 'deleted_at'], unique=False,
                    sqlite_where=sa.text('deleted_at IS NULL'),
                    postgresql_where=sa.text('deleted_at IS NULL'))


def downgrade() -> None:
    op.drop_index("ix_organization_due", table_name="organization")
    op.drop_table("rating_event")
    op.drop_table("inspection_event")
    op.drop_table("spotcheck_item")
    op.drop_table("rating_application")
    op.drop_table("inspection_record")
    op.drop_table("spotcheck_plan")
    op.drop_table("parameter")
    op.drop_table("inspector")
    op.drop_table("inspection_campaign")
    op.drop_index("ix_organization_rating", table_name="organization")
    op.drop_index("ix_organization_inspection", table_name="organization")
    with op.batch_alter_table("organization") as batch:
        for name in ("rating_valid_to", "rating_grade", "inspection_conclusion", "inspection_year"):
            batch.drop_column(name)
